// Reading the value that belongs to a label: on the same column piece after the label, in the
// next piece to the right, or below the label in the same column.
import type { Doc, Line, LWord, Segment } from './layout';
import { isLeader } from './layout';
import type { LabelHit } from './labels';
import { isLabelWords, onlyStrayMarks } from './labels';

export type How = 'same' | 'right' | 'below' | 'above';

export interface ValueRead {
  words: LWord[];
  text: string;
  how: How;
  line: Line;
  /** the segment the value sits in (for column continuation) */
  seg: Segment;
  x0: number;
}

export interface Labelled {
  doc: Doc;
  /** label hits per line index */
  hitsByLine: Map<number, LabelHit[]>;
  /** a bill in French: numeric dates are day first ("05/04/2025" is 5 April) */
  dayFirst?: boolean;
}

const textOf = (ws: LWord[]) =>
  ws
    .map((w) => w.text)
    .join(' ')
    .trim();

function stripLead(ws: LWord[]): LWord[] {
  let i = 0;
  // leaders as OCR reads them (". . .", ",.,.", "'''"): nothing a value starts with
  while (
    i < ws.length &&
    (isLeader(ws[i]!.text) || /^[^A-Za-z0-9$(+]+$/.test(ws[i]!.text) || garbledLeader(ws[i]!))
  )
    i++;
  return ws.slice(i);
}

/**
 * A leader on a photo that OCR read as marks with a letter or two in them ("te+++e..:"), and
 * was unsure of: at least as many marks as letters and digits, and three or more of them.
 */
function garbledLeader(w: LWord): boolean {
  if (w.conf >= 0.35) return false;
  const marks = (w.text.match(/[.,:;'"`+*~_·-]/g) ?? []).length;
  const alnum = (w.text.match(/[A-Za-z0-9]/g) ?? []).length;
  return marks >= 3 && marks >= alnum;
}

/** Label hits that start a segment (the segment is "a label", not a value). */
export function segStartsWithLabel(L: Labelled, seg: Segment): LabelHit | null {
  const hits = L.hitsByLine.get(seg.line.index) ?? [];
  // (a box's border read as a mark before its caption, "ol REMITTO", leaves the caption opening it)
  return (
    hits.find((h) => h.seg === seg && (h.wordStart === 0 || onlyStrayMarks(seg.words, h.wordStart))) ?? null
  );
}

export function readSame(L: Labelled, hit: LabelHit): ValueRead | null {
  const seg = hit.seg;
  const later = (L.hitsByLine.get(hit.line.index) ?? []).filter(
    (h) => h.seg === seg && h.wordStart >= hit.wordEnd,
  );
  const stop = later.length ? Math.min(...later.map((h) => h.wordStart)) : seg.words.length;
  const ws = stripLead(seg.words.slice(hit.wordEnd, stop));
  if (!ws.length) return null;
  return { words: ws, text: textOf(ws), how: 'same', line: hit.line, seg, x0: ws[0]!.x0 };
}

export function readRight(L: Labelled, hit: LabelHit): ValueRead | null {
  const segs = hit.line.segs;
  const next = segs[hit.seg.index + 1];
  if (!next) return null;
  // The label must end its segment for the next piece to be its value (what follows it may be
  // more label: "Número de cuenta Account Number").
  const rest = stripLead(hit.seg.words.slice(hit.wordEnd));
  if (rest.length && !isLabelWords(rest)) return null;
  if (next.x0 - hit.x1 > hit.line.pageWidth * 0.45) return null;
  const lab = segStartsWithLabel(L, next);
  if (lab) return null;
  if (underOtherBlock(L, hit.line, next)) return null;
  // a photo ran the next column's label into the value ("…, PLLC Billing Period: 12/27/24"): the
  // value ends where a label closed by its colon begins
  const inner = (L.hitsByLine.get(hit.line.index) ?? []).filter(
    (h) => h.seg === next && h.wordStart > 0 && h.colon,
  );
  const stop = inner.length ? Math.min(...inner.map((h) => h.wordStart)) : next.words.length;
  const ws = stripLead(next.words.slice(0, stop));
  if (!ws.length) return null;
  return { words: ws, text: textOf(ws), how: 'right', line: hit.line, seg: next, x0: ws[0]!.x0 };
}

/**
 * Whether a piece sits in the column of a mailing, remit-to or contact block whose label stands
 * above it ("Send bills to" / "140 Liberty Way"): a photo's bent lines put such a piece beside
 * another block's label, whose value it is not.
 */
function underOtherBlock(L: Labelled, line: Line, seg: Segment): boolean {
  for (let i = line.index - 1; i >= 0 && i >= line.index - 4; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page || line.cy - ln.cy > line.h * 6) return false;
    const above = overlapping(ln, seg.x0, seg.x1);
    // (a line of the other columns only, in between, says nothing about this one)
    if (!above || Math.abs(above.x0 - seg.x0) > line.h * 1.5) continue;
    const h = segStartsWithLabel(L, above);
    if (h) return (h.kinds.mailing ?? 0) > 0 || (h.kinds.remit ?? 0) > 0 || (h.kinds.contact ?? 0) > 0;
  }
  return false;
}

const speck = (seg: Segment): boolean => seg.words.length === 1 && /^[^0-9]$/.test(seg.text.trim());

/** The segment of a line that shares the most horizontal extent with [x0, x1]. */
export function overlapping(line: Line, x0: number, x1: number): Segment | null {
  let best: Segment | null = null;
  let bestO = 0;
  for (const s of line.segs) {
    const o = Math.min(s.x1, x1) - Math.max(s.x0, x0);
    if (o > bestO) {
      bestO = o;
      best = s;
    }
  }
  return best;
}

export function readBelow(L: Labelled, hit: LabelHit, maxLines = 3): ValueRead | null {
  const lines = L.doc.lines;
  const h = hit.line.h;
  let seen = 0;
  for (let i = hit.line.index + 1; i < lines.length && seen < maxLines; i++) {
    const ln = lines[i]!;
    if (ln.page !== hit.line.page) break;
    if (ln.cy - hit.line.cy > h * 4.2) break;
    const seg = overlapping(ln, hit.x0 - h * 0.5, Math.max(hit.x1, hit.x0 + h * 4) + h * 0.5);
    // a lone letter is a speck OCR read between the lines of a photo (an "i" between a label
    // and its value), not a value nor a line of the column
    if (!seg || speck(seg)) continue;
    seen++;
    if (segStartsWithLabel(L, seg)) return null;
    // The value may start left of the label (right-aligned labels) but not far away.
    if (seg.x0 < hit.x0 - hit.line.pageWidth * 0.15) return null;
    const ws = stripLead(seg.words);
    if (!ws.length) continue;
    if (tableColumn(L, hit.line, ln, seg)) return null;
    return { words: ws, text: textOf(ws), how: 'below', line: ln, seg, x0: ws[0]!.x0 };
  }
  return null;
}

/**
 * Whether a caption is the heading of a table's column rather than a field's label: the caption's
 * line and the value's are rows of three or more pieces, and the row after the value continues
 * the column with a value of the same shape (a corporate summary's "Account" over the first of
 * its accounts, "297425725" under "788529409"). A key/value grid has one row of values under its
 * captions; an address box continues with the rest of the address, of another shape.
 */
function tableColumn(L: Labelled, head: Line, row: Line, seg: Segment): boolean {
  if (head.segs.length < 3 || row.segs.length < 3) return false;
  const next = L.doc.lines[row.index + 1];
  if (!next || next.page !== row.page || next.segs.length < 3) return false;
  if (next.cy - row.cy > row.h * 2.5) return false;
  const cell = next.segs.find((x) => Math.abs(x.x0 - seg.x0) < row.h * 1.5);
  return !!cell && !segStartsWithLabel(L, cell) && shapeOf(cell.text) === shapeOf(seg.text);
}

/** A value's shape: runs of letters and of digits as one each ("540-555-0172" -> "9-9-9"). */
const shapeOf = (s: string): string =>
  s
    .trim()
    .replace(/[A-Za-z]+/g, 'a')
    .replace(/\d+/g, '9')
    .replace(/\s+/g, ' ');

/** Dashboard tiles print the value above its caption ("$172.11" over "Amount due"). */
export function readAbove(L: Labelled, hit: LabelHit): ValueRead | null {
  // only a caption standing alone can have its value above it
  if (hit.wordStart !== 0 || stripLead(hit.seg.words.slice(hit.wordEnd)).length) return null;
  const lines = L.doc.lines;
  const h = hit.line.h;
  for (let i = hit.line.index - 1; i >= 0 && i >= hit.line.index - 2; i--) {
    const ln = lines[i]!;
    if (ln.page !== hit.line.page || hit.line.cy - ln.cy > Math.max(h, ln.h) * 3) break;
    const seg = overlapping(ln, hit.x0 - h * 0.5, Math.max(hit.x1, hit.x0 + h * 4) + h * 0.5);
    if (!seg) continue;
    if (segStartsWithLabel(L, seg)) return null;
    if (Math.abs(seg.x0 - hit.x0) > h * 3) return null;
    const ws = stripLead(seg.words);
    if (!ws.length) return null;
    return { words: ws, text: textOf(ws), how: 'above', line: ln, seg, x0: ws[0]!.x0 };
  }
  return null;
}

/** Below this every word of a read is a guess at specks, not print. */
const NOISE_READ = 0.3;

/** Value candidates for a label in reading order of preference. */
export function reads(L: Labelled, hit: LabelHit): ValueRead[] {
  const out: ValueRead[] = [];
  const s = readSame(L, hit);
  if (s) out.push(s);
  const r = s && !isLabelWords(s.words) ? null : readRight(L, hit);
  // a piece far to the right is more likely another column than this label's value
  const far = !!r && r.x0 - hit.x1 > hit.line.pageWidth * 0.15;
  if (r && !far) out.push(r);
  const b = readBelow(L, hit);
  // (unless what stands below is noise OCR could hardly read: "Portas" at 0.17 under "Nombre /
  // Name" on a photo, its name far right on the caption's own line)
  const noise = !!b && b.words.every((w) => w.ocr && w.conf < NOISE_READ);
  if (r && far && noise) out.push(r);
  if (b) out.push(b);
  if (r && far && !noise) out.push(r);
  // a value printed larger than its caption, right above it, is the tile's value; it is read
  // only when the caption has nothing beside or below it. In the type of its caption, only in a
  // strip of captions under a strip of values, column for column ("5512009144  01/14/2025" over
  // "Account number  Bill date"): a caption of a form has its value below it or beside it.
  const a = readAbove(L, hit);
  if (a && (a.line.h > hit.line.h * 1.15 || (!out.length && captionStrip(L, hit.line, a.line)))) out.push(a);
  return out;
}

/** A line of nothing but captions (two or more) under a line of as many values, each over its own. */
function captionStrip(L: Labelled, captions: Line, values: Line): boolean {
  const h = captions.h;
  if (captions.segs.length < 2 || values.segs.length !== captions.segs.length) return false;
  if (!captions.segs.every((sg) => segStartsWithLabel(L, sg))) return false;
  if (values.segs.some((sg) => segStartsWithLabel(L, sg))) return false;
  return captions.segs.every((sg, k) => {
    const v = values.segs[k]!;
    const mid = (x: { x0: number; x1: number }) => (x.x0 + x.x1) / 2;
    return Math.abs(v.x0 - sg.x0) < h * 1.5 || Math.abs(mid(v) - mid(sg)) < h * 1.5;
  });
}

/**
 * Lines continuing a value in its column (multi-line addresses): same left edge, no big gap,
 * stopping at another label.
 */
export function continuation(
  L: Labelled,
  first: ValueRead,
  max = 4,
  o: { rightAligned?: boolean } = {},
): ValueRead[] {
  const out: ValueRead[] = [first];
  const lines = L.doc.lines;
  let prev = first.line;
  const h = first.line.h;
  // a value read below its caption may be centred in its cell ("4331 Orchard Way" over "Bldg 2"):
  // its lines then share a centre, not a left edge
  const centre = first.how === 'below' ? (first.x0 + first.words[first.words.length - 1]!.x1) / 2 : null;
  // an address set flush right of its label ("Service address       1141 Market Ter" over
  // "Suite 702" over "Manchester, NH 03101", each line ending at the box's right edge): its lines
  // share a right edge, and each stands wholly right of the label's piece
  const label = first.how === 'right' ? first.line.segs[first.seg.index - 1] : undefined;
  const right = o.rightAligned && label ? first.words[first.words.length - 1]!.x1 : null;
  for (let i = first.line.index + 1; i < lines.length && out.length <= max; i++) {
    const ln = lines[i]!;
    if (ln.page !== prev.page) break;
    if (ln.cy - prev.cy > h * 3.2) break;
    // where its print starts: a bar OCR read at the column's edge ("| SUITE 604") is no part of
    // it; a centred cell's lines by their centre
    const seg =
      ln.segs.find((s) =>
        [s.x0, stripLead(s.words)[0]?.x0 ?? s.x0].some(
          (x) => Math.abs(x - first.x0) < Math.max(h * 1.5, ln.pageWidth * 0.015),
        ),
      ) ??
      (centre === null ? undefined : ln.segs.find((s) => Math.abs((s.x0 + s.x1) / 2 - centre) < h)) ??
      (right === null ? undefined : ln.segs.find((s) => Math.abs(s.x1 - right) < h && s.x0 > label!.x1 + h));
    if (!seg) {
      // a line in another column at this height; keep looking only if nothing sits in our column
      const blocking = overlapping(ln, first.x0, first.x0 + h * 6);
      // a speck ("." or "-" OCR found in the margin, a lone "i") does not end an address block
      if (blocking && /[A-Za-z0-9]/.test(blocking.text) && !speck(blocking)) break;
      continue;
    }
    if (segStartsWithLabel(L, seg)) break;
    const ws = stripLead(seg.words);
    // a speck in the column ("|", "~") is stepped over like a blank
    if (!ws.length) continue;
    out.push({ words: ws, text: textOf(ws), how: 'below', line: ln, seg, x0: ws[0]!.x0 });
    prev = ln;
  }
  return out;
}
