// Labelling a bill's lines the way the generic reader does: every line's label hits, and whether
// the bill prints numeric dates day first (French and Spanish-only bills, or a bill that says so).
// Shared by the generic reader and the learned places, which read dates at the same print.
import { foldAccents } from '../normalize/accents';
import type { Doc } from './layout';
import type { LabelHit } from './labels';
import { findLabels } from './labels';
import type { Labelled } from './read';

// Words only a French bill prints (accents optional: OCR drops them); two different ones make
// the bill French.
const FRENCH_WORDS =
  /^(factur(?:e|ation)|[ée]ch[ée]ance|compte|adresse|titulaire|t[ée]l[ée]copieur|montant|solde|p[ée]riode|d[ée]pannage|client[èe]le|ligne[s]?)$/i;

// And words of a bill written in Spanish only (Puerto Rico): numeric dates are day first there
// too. A bilingual bill ("Número de cuenta / Account Number") prints them the US way: its English
// words say so.
const SPANISH_WORDS =
  /^(factura|cuenta|direcci[oó]n|titular|vencimiento|per[ií]odo|l[ií]neas|pagar|cargos|desconectadas?|emisi[oó]n|tel[eé]fono)$/i;
const ENGLISH_WORDS = /^(account|bill|billing|statement|service|address|number|due|date|name)$/i;

export function labelDoc(doc: Doc): Labelled {
  const hitsByLine = new Map<number, LabelHit[]>();
  const french = new Set<string>();
  const spanish = new Set<string>();
  const english = new Set<string>();
  for (const line of doc.lines) {
    const hits = findLabels(line);
    if (hits.length) hitsByLine.set(line.index, hits);
    for (const w of line.words) {
      const t = w.text.replace(/^\W+|[^\wÀ-ÿ]+$/g, '');
      if (FRENCH_WORDS.test(t)) french.add(foldAccents(t.toLowerCase()));
      if (SPANISH_WORDS.test(t)) spanish.add(foldAccents(t.toLowerCase()));
      if (ENGLISH_WORDS.test(t)) english.add(t.toLowerCase());
    }
  }
  const spanishOnly = spanish.size >= 3 && english.size < 2;
  // a bill that says how it prints its dates ("Invoice date: 06/05/2025 (dd/mm/yyyy)") is taken at
  // its word, either way
  const texts = doc.lines.map((l) => l.segs.map((x) => x.text).join(' '));
  const says = (re: RegExp) => texts.some((t) => re.test(t));
  if (says(/\b(?:dd|jj)[/.-]mm[/.-](?:yy|aa)/i)) return { doc, hitsByLine, dayFirst: true };
  if (says(/\bmm[/.-](?:dd|jj)[/.-](?:yy|aa)/i)) return { doc, hitsByLine, dayFirst: false };
  return { doc, hitsByLine, dayFirst: french.size >= 3 || spanishOnly };
}
