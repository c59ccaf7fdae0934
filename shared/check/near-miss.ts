// A bill value read from a scan or photo that differs from the request by one glyph, in a word OCR
// was unsure of, is probably the same value misread ("Flo" for "Fl 9", "Ccv-7723" for "CV-7723",
// "SEIm" for "S Elm"): the bill printed it once, so no second copy could outvote the slip. Calling
// that a mismatch blocks a clean port on a misreading; forgiving it would hide a real typo. The
// check says "not verified, look at the bill" instead (verdict 'missing'), and only when:
// - the bill side was read by OCR (a text layer's characters are exact),
// - the two differ by exactly one glyph, ignoring spaces and punctuation,
// - that glyph sits in a word OCR was unsure of, or is a letter OCR reads for a digit (S/5, O/0),
// - it is not a digit against a digit, nor a digit more or less: those are real typos (a changed
//   house number, ZIP or account digit), and they stay mismatches however the bill was read.
import { LOOKS_LIKE_DIGIT } from '../normalize/account';

/** A word of a bill value as OCR read it. */
export interface OcrWord {
  text: string;
  conf: number;
}

/**
 * Below this an OCR'd word is not trusted to the glyph. Clean print reads 0.85-0.96; the slips
 * seen on values printed once read 0.41-0.76 ("Ccv-" 0.41/0.60, "Flo" 0.61, "SEIm" 0.76).
 */
export const NEAR_MISS_UNSURE = 0.8;

export interface NearMiss {
  /** the OCR word the differing glyph is in, as read */
  word: string;
  conf: number;
  /** what the bill and the request have there ('' for a glyph only one side has) */
  billGlyph: string;
  otherGlyph: string;
}

/** Uppercase letters and digits only: spaces and punctuation are not glyphs OCR is judged by. */
export const glyphKey = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

interface Edit {
  /** index in the bill key where the strings part */
  at: number;
  bill: string;
  other: string;
}

/** The one edit turning a into b, or null when they differ by none or by more than one. */
function oneEdit(a: string, b: string): Edit | null {
  if (a === b || Math.abs(a.length - b.length) > 1) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) ? { at: i, bill: a[i]!, other: b[i]! } : null;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i) ? { at: i, bill: a[i]!, other: '' } : null;
  return a.slice(i) === b.slice(i + 1) ? { at: i, bill: '', other: b[i]! } : null;
}

const isDigit = (c: string) => /^[0-9]$/.test(c);

/** A letter OCR reads for the digit on the other side (S for 5, O for 0, B for 8, I for 1). */
const lookalike = (x: string, y: string) =>
  (LOOKS_LIKE_DIGIT[x] !== undefined && LOOKS_LIKE_DIGIT[x] === y) ||
  (LOOKS_LIKE_DIGIT[y] !== undefined && LOOKS_LIKE_DIGIT[y] === x);

/**
 * Whether `bill` (its glyph key built from the value as the comparison normalized it) and `other`
 * differ by one glyph OCR may have misread, in one of `words`; null when they do not.
 */
export function ocrNearMiss(
  bill: string,
  other: string,
  words: readonly OcrWord[] | undefined,
): NearMiss | null {
  if (!words?.length) return null;
  const a = glyphKey(bill);
  const b = glyphKey(other);
  const e = oneEdit(a, b);
  if (!e) return null;
  // a digit for a digit, or a digit more or less: the request's own typo as often as a misread
  if ((e.bill === '' || isDigit(e.bill)) && (e.other === '' || isDigit(e.other))) return null;
  let best: NearMiss | null = null;
  for (const w of words) {
    const k = glyphKey(w.text);
    if (!k) continue;
    const eased =
      w.conf < NEAR_MISS_UNSURE || (e.bill !== '' && e.other !== '' && lookalike(e.bill, e.other));
    // a name's first letter read in lower case ("gillings" for "Billings"): OCR took the capital
    // for another letter, however sure it says it was; only a letter for a letter
    const lowerStart =
      /^\p{Ll}/u.test(w.text.replace(/^\W+/, '')) && /^[A-Z]$/.test(e.bill) && /^[A-Z]$/.test(e.other);
    if (!eased && !lowerStart) continue;
    for (let s = a.indexOf(k); s >= 0; s = a.indexOf(k, s + 1)) {
      if (!eased && e.at !== s) continue;
      // the glyph the bill has is inside the word; a glyph it lacks is inside or at its edge
      const inside = e.bill !== '' ? e.at >= s && e.at < s + k.length : e.at >= s && e.at <= s + k.length;
      if (inside && (!best || w.conf < best.conf))
        best = { word: w.text, conf: w.conf, billGlyph: e.bill, otherGlyph: e.other };
    }
  }
  return best;
}

/** "“Flo” (61% sure): the bill has O where the request has 9" */
export function nearMissText(n: NearMiss, otherLabel = 'request'): string {
  const pct = Math.round(n.conf * 100);
  const what =
    n.billGlyph && n.otherGlyph
      ? `the bill has ${n.billGlyph} where the ${otherLabel} has ${n.otherGlyph}`
      : n.billGlyph
        ? `the bill has an extra ${n.billGlyph}`
        : `the bill lacks the ${otherLabel}'s ${n.otherGlyph}`;
  return `“${n.word}” was read from a scan or photo (${pct}% sure) and ${what}`;
}
