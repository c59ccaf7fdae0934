// A line OCR read one digit off into a copy of another line of the same list ("413.555.0128"
// twice in one column of a fax, where the bill prints 0128 and 0129): the copy adds nothing to the
// list and the real line is lost. A list prints each of its lines once, so a number an OCR'd page
// prints twice in one column is worth the agent's look. (Reading the place again does not settle
// it: the OCR model reads the same glyph the same way, surely or not.)
import type { PageWords, Word } from '../domain';
import { parsePhone } from './shapes';

/** Places in one column: their left edges within this many line heights. */
const COLUMN = 1.5;

export interface Twin {
  number: string;
  page: number;
}

/** Numbers of the list that an OCR'd page prints, as one word each, twice in one column. */
export function twinNumbers(numbers: readonly string[], pages: readonly PageWords[]): Twin[] {
  const listed = new Set(numbers);
  const out: Twin[] = [];
  for (const p of pages) {
    if (p.source !== 'ocr') continue;
    const at = new Map<string, Word[]>();
    for (const w of p.words) {
      const d = w.text.replace(/\D/g, '').length;
      if (d < 10 || d > 11) continue;
      const n = parsePhone(w.text);
      if (n && listed.has(n)) at.set(n, [...(at.get(n) ?? []), w]);
    }
    for (const [n, ws] of at) {
      if (ws.length !== 2) continue;
      const [a, b] = ws as [Word, Word];
      const h = Math.max(a.y1 - a.y0, b.y1 - b.y0);
      if (Math.abs(a.x0 - b.x0) <= COLUMN * h && Math.abs(a.y0 - b.y0) >= h)
        out.push({ number: n, page: p.page });
    }
  }
  return out;
}
