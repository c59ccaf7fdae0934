// Whether a PDF page's text layer holds characters, or only glyph ids that look like text once
// drawn. Print-stream converters (AFP or Metacode to PDF, some billing systems' own writers)
// embed each font as a subset with Identity-H encoding and no ToUnicode map: the page looks
// right, but its text extracts as control characters (a subset's glyph ids 1, 2, 3…) or as
// shifted letters and punctuation (a whole font's ids, `Account` as `$FFRXQW`). Read as text,
// such a bill gave "no bill fields found"; read as a picture, it reads as a scan does.
import type { PageWords } from '../../../shared/domain';

/** Characters no text means: C0 and C1 controls, the private use area, the replacement character. */
function unreadableChar(code: number): boolean {
  return (
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd
  );
}
/**
 * At this share of a page's characters the layer is glyph ids. A real page's private-use
 * characters are a symbol font's bullets and check marks: a few in a thousand.
 */
const UNREADABLE_SHARE = 0.15;
/** Words of three letters or more a page needs before its wording is judged. */
const MIN_WORDS_JUDGED = 20;
/**
 * Below this share of its words in the bill wording below, a page is not in any language a bill
 * is written in. Bills' pages run far above it (the lowest measured, a call-detail page of city
 * names, see the test); shifted glyph ids find none.
 */
const MIN_KNOWN_SHARE = 0.03;

/**
 * Words every bill prints, in the desk's three languages, and the CSR's abbreviations: a page of
 * real text holds some of them wherever it comes from.
 */
const KNOWN = new Set(
  (
    'the and for your you our this that with from are not all any per amount account acct number bill billing ' +
    'billed date due total charges charge service services page phone telephone line lines payment pay paid ' +
    'balance tax taxes fee fees call calls credit credits address name customer monthly month plan usage ' +
    'statement invoice main period previous current new please summary detail details other minutes min ' +
    'data text mobile business local long distance number usage federal state county city surcharge ' +
    'recovery regulatory access total subtotal due auto questions visit online contact support care ' +
    'thank thanks information info company inc llc corp voice internet equipment one time ' +
    'des les pour sur par une avec votre vos compte facture date montant total frais taxe taxes ligne ' +
    'lignes numéro service adresse client appels paiement solde mois période précédent courant ' +
    'del los las por para con una cuenta factura fecha número servicio dirección cliente cargos ' +
    'pago saldo mes período anterior total impuesto impuestos llamadas línea líneas ' +
    'btn tn list rmks usoc fid csr loc zip'
  ) // a CSR's sections and fields
    .split(/\s+/),
);

export interface Legibility {
  /** Share of the page's characters that are no text (controls, private use). */
  unreadable: number;
  /** Words of three letters or more, and how many of them are bill wording. */
  words: number;
  known: number;
}

export function legibility(page: PageWords): Legibility {
  let chars = 0;
  let unreadable = 0;
  let words = 0;
  let known = 0;
  for (const w of page.words) {
    const t = w.text.replace(/\s+/gu, '');
    for (const c of t) {
      chars += 1;
      if (unreadableChar(c.codePointAt(0)!)) unreadable += 1;
    }
    for (const piece of t.toLowerCase().split(/[^\p{L}]+/u)) {
      if ([...piece].length < 3) continue;
      words += 1;
      if (KNOWN.has(piece)) known += 1;
    }
  }
  return { unreadable: chars ? unreadable / chars : 0, words, known };
}

/** False when the page's text layer is glyph ids rather than characters: read it as a picture. */
export function textLegible(page: PageWords): boolean {
  const l = legibility(page);
  if (l.unreadable >= UNREADABLE_SHARE) return false;
  return l.words < MIN_WORDS_JUDGED || l.known >= MIN_KNOWN_SHARE * l.words;
}
