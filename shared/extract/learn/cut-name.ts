// An account name OCR cut short. Tesseract now and then stops reading a line of print partway:
// it read "Tomasz" and a lone "k" for "Tomasz Kowalczyk" on a held-out scan, "Copper" for
// "Copper Kettle Print Shop Co." on a photo, "Lt" for "Ltd.". The rest of the name is still ink
// on the page, beside the words read, that no word covers. Such a line is read
// again on its own, enlarged (the intake finds the ink; see electron/desk/intake/look-again.ts),
// and the name read there is kept only when it carries the first reading on: a look may finish
// a name, never put another in its place.
import type { Extraction, PageWords } from '../../domain';
import type { LookHow, LookRegion } from './second-look';

/** One line alone (PSM 7), twice the size: a line's crop is small, and a cut word reads whole. */
export const CUT_NAME_LOOK: LookHow = { psm: '7', zoom: 2 };

/** A name line's box, in points, and the page it is on. */
export interface NameLine {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The name's lines on the OCR'd pages, top first: the words inside the name's boxes grouped by
 * their height on the page. A text page's name is never cut.
 */
export function nameLines(pages: readonly PageWords[], x: Extraction): NameLine[] {
  if (!x.fields.accountName) return [];
  const out: NameLine[] = [];
  for (const b of x.meta.accountName?.boxes ?? []) {
    const page = pages.find((p) => p.page === b.page);
    if (!page || page.source !== 'ocr') continue;
    const inside = page.words
      .filter((w) => {
        const cx = (w.x0 + w.x1) / 2;
        const cy = (w.y0 + w.y1) / 2;
        return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
      })
      .sort((a, c) => (a.y0 + a.y1) / 2 - (c.y0 + c.y1) / 2);
    const lines: NameLine[] = [];
    for (const w of inside) {
      const cy = (w.y0 + w.y1) / 2;
      const line = lines.find((l) => cy >= l.y0 && cy <= l.y1);
      if (line) {
        line.x0 = Math.min(line.x0, w.x0);
        line.x1 = Math.max(line.x1, w.x1);
        line.y0 = Math.min(line.y0, w.y0);
        line.y1 = Math.max(line.y1, w.y1);
      } else lines.push({ page: b.page, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 });
    }
    out.push(...lines);
  }
  return out;
}

/** The region a cut name's line is read again from: its words and the unread ink beside them. */
export function cutNameRegion(line: NameLine, ink: { x0: number; x1: number }): LookRegion {
  const h = line.y1 - line.y0;
  return {
    field: 'accountName',
    page: line.page,
    x0: Math.min(line.x0, ink.x0) - 0.3 * h,
    y0: line.y0 - 0.2 * h,
    x1: Math.max(line.x1, ink.x1) + 0.3 * h,
    y1: line.y1 + 0.2 * h,
  };
}

const words = (s: string): string[] =>
  s
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9À-Ý ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/**
 * Whether `again` holds `first` whole and more: the same words in a row, the first perhaps cut at
 * its start and the last at its end ("LT" then "LTD"), with words before or after them
 * ("NOVAK" then "NGUYEN NOVAK"). A look that read the line otherwise (a slip in a word both
 * readings hold, another column's print) changes nothing: the first reading had that part whole.
 */
export function carriesOn(first: string, again: string): boolean {
  const a = words(first);
  const b = words(again);
  if (!a.length || b.length < a.length || b.join('').length <= a.join('').length) return false;
  const n = a.length;
  for (let at = 0; at + n <= b.length; at++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const x = a[i]!;
      const y = b[at + i]!;
      if (x === y) continue;
      if (n === 1) ok = y.startsWith(x) || y.endsWith(x);
      else if (i === 0) ok = y.endsWith(x);
      else if (i === n - 1) ok = y.startsWith(x);
      else ok = false;
    }
    if (ok) return true;
  }
  return false;
}

/** The first reading with the name the look read, when that name carries the first one on. */
export function settleCutName(first: Extraction, again: Extraction): Extraction {
  const a = first.fields.accountName;
  const b = again.fields.accountName;
  if (!a || !b || !carriesOn(a, b)) return first;
  const meta = again.meta.accountName;
  return {
    ...first,
    fields: { ...first.fields, accountName: b },
    meta: meta ? { ...first.meta, accountName: meta } : first.meta,
  };
}
