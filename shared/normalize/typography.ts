// A word processor's typography, as the plain characters a bill means. Text PDFs from Word,
// InDesign and some billing systems write "1‒800‒555‒0170" with figure dashes, "O’Brien" with a
// curly apostrophe, "Oﬃce" with a ligature, "19850 0119" with a no-break or thin space and
// "Wilming­ton" with a soft hyphen. The extractor's patterns are written for ASCII: a phone
// number joined by U+2012 was no number at all, and an account number kept its dash.
// (OCR never gives these; a text layer does.) The em dash is kept: it is punctuation between
// words or an empty cell, never a joiner inside a number.

/** Every hyphen and dash that joins digits or words, as "-". */
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2043\u2212\ufe58\ufe63\uff0d]/g;
/** Apostrophes and single quotes, as "'". */
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\uff07]/g;
/** Double quotes, as '"'. */
const QUOTES = /[\u201c\u201d\u201e\u201f\u2033\uff02]/g;
/** Fixed-width and no-break spaces, as " ". */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Invisible characters: soft hyphen, zero-width space and joiners, word joiner, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Latin ligatures (U+FB00-FB06) spelt out. */
const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/** `s` with typographic characters as the ASCII ones they stand for; anything else is kept. */
export function plainTypography(s: string): string {
  // a fast path: almost every text layer is ASCII
  if (!/[^\t\n\r\x20-\x7e]/.test(s)) return s;
  return s
    .replace(INVISIBLE, '')
    .replace(HYPHENS, '-')
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(SPACES, ' ')
    .replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c] ?? c);
}
