// Accented words of Quebec streets and names. OCR on a photo drops accents ("des Erables",
// "Cote-Vertu") or keeps one of two ("Coté"), and the service address and the account name must
// read as the bill prints them. As with the cities (places-qc.ts), a word read on a Quebec bill
// whose letters, accents folded, are those of one of these takes the accented spelling. Only
// words Quebec writes with their accents are listed: a name English speakers also write without
// them (Eric, Valerie, Chloe) could be either, and a word that has none (Frontenac, Cartier,
// Laurier) has nothing to restore.
import { foldedLetters } from '../normalize/accents';

/** Words of street names: trees, places, saints and the people streets are named for. */
const STREET_WORDS = [
  // trees and nature
  'Érables',
  'Érablière',
  'Chênes',
  'Cèdres',
  'Frênes',
  'Hêtres',
  'Épinettes',
  'Mélèzes',
  'Rivière',
  'Côte',
  'Îles',
  'Île',
  'Étang',
  'Forêt',
  'Clairière',
  'Vallée',
  'Montée',
  'Allée',
  'Carré',
  // places in town
  'Église',
  'École',
  'Collège',
  'Marché',
  'Musée',
  'Hôpital',
  'Université',
  'Québec',
  'Montréal',
  'Lévis',
  // people and saints
  'René',
  'Lévesque',
  'Honoré',
  'Bélanger',
  'Gauchetière',
  'Décarie',
  'Crémazie',
  'Émile',
  'Édouard',
  'Étienne',
  'Élisabeth',
  'Jérôme',
  'Thérèse',
  'Hélène',
  'Geneviève',
  'Frédéric',
  'Amédée',
  'André',
  'Benoît',
  'Félix',
  'Hébert',
  'Légaré',
  'Fréchette',
  'Ménard',
  'Séguin',
  'Vézina',
  'Trépanier',
  'Bégin',
  'Bédard',
  'Béliveau',
  'Grégoire',
  'Désilets',
  'Sévigny',
];

/** Surnames, given names and the words of French business names. */
const NAME_WORDS = [
  // surnames
  'Côté',
  'Bélanger',
  'Lévesque',
  'Bédard',
  'Bérubé',
  'Béland',
  'Bélisle',
  'Bégin',
  'Brûlé',
  'Dubé',
  'Dupré',
  'Fréchette',
  'Frénette',
  'Gagné',
  'Gélinas',
  'Hébert',
  'Hémond',
  'Jetté',
  'Légaré',
  'Lépine',
  'Lévêque',
  'Ménard',
  'Paré',
  'Pépin',
  'Péloquin',
  'Rhéaume',
  'Séguin',
  'Sénécal',
  'Sévigny',
  'Théberge',
  'Thériault',
  'Trépanier',
  'Vézina',
  'Désilets',
  'Grégoire',
  // given names
  'André',
  'Andrée',
  'Amélie',
  'Aurélie',
  'Benoît',
  'Cécile',
  'Céline',
  'Émilie',
  'Élise',
  'Frédéric',
  'François',
  'Françoise',
  'Geneviève',
  'Gérard',
  'Gisèle',
  'Hélène',
  'Hervé',
  'Jérôme',
  'Jérémie',
  'Josée',
  'Léa',
  'Mélanie',
  'Noémie',
  'Réjean',
  'Rémi',
  'René',
  'Sébastien',
  'Stéphane',
  'Thérèse',
  // business words
  'Café',
  'Déménagement',
  'Épicerie',
  'Électrique',
  'Électricité',
  'Rénovations',
  'Déneigement',
  'Pâtisserie',
  'Crémerie',
  'Société',
  'Coopérative',
  'Ltée',
  'Québec',
  'Montréal',
];

const key = foldedLetters;

/** Folded key -> accented word; a key two words share (none today) says nothing. */
function byKey(words: string[]): Map<string, string> {
  const m = new Map<string, string | null>();
  for (const w of words) {
    const k = key(w);
    m.set(k, m.has(k) && m.get(k) !== w ? null : w);
  }
  return new Map([...m].filter((e): e is [string, string] => e[1] !== null));
}
const STREETS = byKey(STREET_WORDS);
const NAMES = byKey(NAME_WORDS);

/** The word in the case it was read in: "COTE" -> "CÔTE", "erables" -> "érables". */
function inCase(read: string, accented: string): string {
  const letters = read.replace(/[^A-Za-z]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return accented.toUpperCase();
  if (/^[a-z]/.test(letters)) return accented.toLowerCase();
  return accented;
}

function restore(text: string, list: Map<string, string>): string {
  // words and the pieces of hyphenated ones ("Cote-Vertu", "Rene-Levesque"), the accented
  // letters OCR did keep included
  return text.replace(/[A-Za-zÀ-ÿ]+/g, (w) => {
    const hit = list.get(key(w));
    return hit && hit !== w && hit.length === w.length ? inCase(w, hit) : w;
  });
}

/** A Quebec street or unit line with the accents of its words put back. */
export function accentedQcStreet(line: string): string {
  return restore(line, STREETS);
}

/** A person's or business's name on a Quebec bill with the accents of its words put back. */
export function accentedQcName(name: string): string {
  return restore(name, NAMES);
}
