import type { Doc, LWord } from './layout';

// OCR can drop a mask's stars and keep the digits behind them ("****2358" read "2358"), yet the
// word's box still spans the stars: it is far wider than its own digits need. Measured against the
// page's other figures (dates, invoice numbers) in glyph widths per unit of height, so a larger or
// smaller font does not move it. A real short number reads in a box its digits fill.
const FIGURE = /^[\d./-]{6,}$/;
const DIGITS = /^\d{2,6}$/;
// a mask's stars add at least half again to its digits' width ("****2358" is 8 glyphs for 4)
const WIDER = 1.5;

const perGlyph = (w: LWord, n: number): number => (w.x1 - w.x0) / (n * Math.max(1, w.y1 - w.y0));

/** Whether an OCR'd run of digits sits in a box that held glyphs OCR lost, in front of or after it. */
export function lostGlyphs(doc: Doc, word: LWord): boolean {
  if (!word.ocr || !DIGITS.test(word.text)) return false;
  const refs: number[] = [];
  for (const line of doc.lines)
    for (const w of line.words)
      if (w !== word && w.ocr && w.page === word.page && FIGURE.test(w.text))
        refs.push(perGlyph(w, w.text.length));
  // too few figures on the page to know its type's width
  if (refs.length < 2) return false;
  refs.sort((a, b) => a - b);
  const typical = refs[refs.length >> 1]!;
  return perGlyph(word, word.text.length) > WIDER * typical;
}
