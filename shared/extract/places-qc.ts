// Quebec municipalities whose names carry accents. OCR drops or swaps accents ("Montreal",
// "Trois-Riviéres"), and the service address must read as the bill prints it: a city read on a
// Quebec address that matches one of these with its accents folded takes the accented spelling.
import { foldedLetters } from '../normalize/accents';
import { placesApart } from './shapes';

const ACCENTED = [
  'Montréal',
  'Québec',
  'Lévis',
  'Trois-Rivières',
  'Saint-Jérôme',
  'Saint-Jean-sur-Richelieu',
  'Saint-Hyacinthe',
  'Sainte-Thérèse',
  'Sainte-Julie',
  'Saint-Eustache',
  'Saint-Georges',
  'Rivière-du-Loup',
  'Sept-Îles',
  'Val-d’Or',
  'Rouyn-Noranda',
  'Bécancour',
  'Bromont',
  'Mont-Saint-Hilaire',
  'Beloeil',
  'Mirabel',
  'Repentigny',
  'Brossard',
  'Granby',
  'Saint-Bruno-de-Montarville',
  'Boucherville',
  'Terrebonne',
  'Mascouche',
  'Blainville',
  'Châteauguay',
  'Salaberry-de-Valleyfield',
  'Vaudreuil-Dorion',
  'Côte-Saint-Luc',
  'Pointe-Claire',
  'Dollard-Des Ormeaux',
  'L’Île-Perrot',
  'Sainte-Anne-de-Bellevue',
  'Baie-Comeau',
  'Alma',
  'Chicoutimi',
  'Jonquière',
  'Matane',
  'Gaspé',
  'Magog',
  'Victoriaville',
  'Thetford Mines',
  'Shawinigan',
  'Joliette',
  'Sorel-Tracy',
  'Montmagny',
  'La Prairie',
  'Mont-Tremblant',
  'Sainte-Agathe-des-Monts',
  'Lachute',
  'Sainte-Marie',
  'Saint-Félicien',
  'Roberval',
  'Dolbeau-Mistassini',
  'Amos',
  'Val-des-Sources',
  'Candiac',
  'Pincourt',
  'Lévis-Lauzon',
];

const fold = foldedLetters;
const BY_FOLD = new Map(ACCENTED.map((c) => [fold(c), c]));

/**
 * The accented spelling of a Quebec city OCR read without (or with the wrong) accents, or with
 * an accented letter read as another glyph ("Saint-Jérdme"): only a long name one letter from
 * exactly one of the list.
 */
export function accentedQcCity(city: string): string {
  const key = fold(city);
  let hit = BY_FOLD.get(key);
  if (!hit && key.length >= 7 && /[À-ÿ]/.test(city)) {
    // one letter swapped for another (an accented letter OCR read as another glyph: "Jérdme")
    const near = [...BY_FOLD].filter(([k]) => placesApart(k, key) === 1);
    if (near.length === 1) hit = near[0]![1];
  }
  if (!hit) return city;
  // the line's own case: "MONTRÉAL" on an all-caps bill
  return city === city.toUpperCase() && /[A-Z]/.test(city) ? hit.toUpperCase() : hit;
}
