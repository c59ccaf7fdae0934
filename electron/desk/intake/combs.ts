// Comb fields erased from a page image before OCR. A bill printed onto pre-printed form stock puts
// its account number (or BTN) one character per small box: `|0|0|0|6|4|9|8|`. On a scan the box
// lines touch the digits and tesseract reads each cell as a glyph of its own ("[of of 1] 4] 9]",
// "bbbhBabBbBlpLR"): the number is lost. A person reads the digits and ignores the boxes; so do we,
// by finding a row of equal cells (one connected mark: the frame and its separators) and painting
// the frame paper, which leaves the digits standing on their own.
//
// A comb is told from other ruled things by its cells: at least three of them, evenly pitched,
// each about as wide as it is tall. A caption box is one cell; a table's row has columns of
// unequal widths; a ruled grid is far taller than one line of print.

import type { Blob, InkBlobs } from './ink-blobs';

/** Fewest cells that make a comb (a BTN's comb may come in groups of 3, 3 and 4). */
const MIN_CELLS = 3;
/** A separator's ink covers at least this share of the cell's height (a digit's stroke: ~half). */
const SEPARATOR_COVER = 0.8;
/** Cells' pitches may differ from their median by this share (print and scan jitter). */
const PITCH_TOLERANCE = 0.18;

export interface Comb {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cells: number;
}

/**
 * Finds comb fields among the page's ink blobs and paints their frames paper, in place. `data`
 * is 8-bit grey, `ink` its labelling at `threshold`. Returns the combs erased.
 */
export function eraseCombs(
  data: Uint8Array,
  width: number,
  ink: InkBlobs,
  threshold: number,
  dpi: number,
): Comb[] {
  const minH = dpi * 0.1;
  const maxH = dpi * 0.4;
  const candidates = new Map<number, number[]>();
  ink.blobs.forEach((b, k) => {
    const h = b.y1 - b.y0 + 1;
    const w = b.x1 - b.x0 + 1;
    if (h >= minH && h <= maxH && w >= 2.4 * h && w <= dpi * 7) candidates.set(k, []);
  });
  if (!candidates.size) return [];
  const { row, start, end, blob } = ink.runs;
  for (let i = 0; i < blob.length; i++) candidates.get(blob[i]!)?.push(i);
  const found: Comb[] = [];
  for (const [k, runs] of candidates) {
    const b = ink.blobs[k]!;
    const comb = combOf(b, runs, row, start, end);
    if (!comb) continue;
    paint(data, width, threshold, b, comb, dpi);
    found.push({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1, cells: comb.lines.length - 1 });
  }
  return found;
}

interface CombShape {
  /** Separator columns [first, last], image x. */
  lines: [number, number][];
  /** Per column of the blob (x - blob.x0): its top and bottom ink rows. */
  top: Int32Array;
  bottom: Int32Array;
}

/** The blob's shape when it is a comb: its separators and its frame's edges per column. */
function combOf(
  b: Blob,
  runs: number[],
  row: Int32Array,
  start: Int32Array,
  end: Int32Array,
): CombShape | null {
  const w = b.x1 - b.x0 + 1;
  const bh = b.y1 - b.y0 + 1;
  const cover = new Int32Array(w);
  const top = new Int32Array(w).fill(2 ** 30);
  const bottom = new Int32Array(w).fill(-1);
  // the mark's own pixels, to follow its rules along their length
  const mask = new Uint8Array(w * bh);
  for (const i of runs) {
    const y = row[i]!;
    for (let x = start[i]! - b.x0; x <= end[i]! - b.x0; x++) {
      cover[x]!++;
      mask[(y - b.y0) * w + x] = 1;
      if (y < top[x]!) top[x] = y;
      if (y > bottom[x]!) bottom[x] = y;
    }
  }
  // The cell height: the frame's span, column by column (the frame may lean with the page).
  const spans: number[] = [];
  for (let x = 0; x < w; x++) if (bottom[x]! >= 0) spans.push(bottom[x]! - top[x]! + 1);
  spans.sort((a, c) => a - c);
  const cellH = spans[Math.floor(spans.length / 2)] ?? 0;
  if (cellH < 4) return null;
  // A comb is closed by a top and a bottom rule: unbroken straight lines its whole width (leaning
  // with the page). A word in capitals whose letters a blurred scan ran together into one mark has
  // vertical strokes at an even pitch and a flat top and bottom too ("MOBILE"), but paper between
  // its letters breaks those lines.
  const rule = (edge: Int32Array) => ruleAlong(edge, mask, w, b.y0, cellH);
  if (!rule(top) || !rule(bottom)) return null;
  const lines: [number, number][] = [];
  for (let x = 0; x < w; x++) {
    if (cover[x]! < SEPARATOR_COVER * cellH) continue;
    const last = lines[lines.length - 1];
    if (last && last[1] >= x - 1 + b.x0) last[1] = x + b.x0;
    else lines.push([x + b.x0, x + b.x0]);
  }
  if (lines.length < MIN_CELLS + 1) return null;
  // A separator is a thin stroke, not a solid block of ink.
  if (lines.some(([s, e]) => e - s + 1 > cellH * 0.25)) return null;
  const centres = lines.map(([s, e]) => (s + e) / 2);
  const pitches = centres.slice(1).map((c, i) => c - centres[i]!);
  const sorted = [...pitches].sort((a, c) => a - c);
  const pitch = sorted[Math.floor(sorted.length / 2)]!;
  if (pitch < 0.4 * cellH || pitch > 1.5 * cellH) return null;
  if (pitches.some((p) => Math.abs(p - pitch) > PITCH_TOLERANCE * pitch)) return null;
  // The frame spans the comb: its outer separators are its ends.
  if (centres[0]! - b.x0 > pitch * 0.5 || b.x1 - centres[centres.length - 1]! > pitch * 0.5) return null;
  return { lines, top, bottom };
}

/** Share of a frame's columns its rules must cross unbroken. */
const RULE_SHARE = 0.92;

/**
 * Whether a mark has an unbroken straight rule along one edge: the line through the medians of
 * its edge rows' left and right thirds (`edge[x]` per column of the mark, -1 or 2^30 where a
 * column is empty), inked within a pixel of it in nearly every column of the mark (`mask`, w
 * wide, its first row image row `y0`).
 */
function ruleAlong(edge: Int32Array, mask: Uint8Array, w: number, y0: number, cellH: number): boolean {
  const cols: Array<[number, number]> = [];
  edge.forEach((y, x) => {
    if (y >= 0 && y < 2 ** 30) cols.push([x, y]);
  });
  if (cols.length < 6 || cellH < 4) return false;
  const third = Math.floor(cols.length / 3);
  const median = (xs: number[]) => xs.sort((a, c) => a - c)[xs.length >> 1]!;
  const left = cols.slice(0, third);
  const right = cols.slice(cols.length - third);
  const xa = median(left.map((c) => c[0]));
  const ya = median(left.map((c) => c[1]));
  const xb = median(right.map((c) => c[0]));
  const yb = median(right.map((c) => c[1]));
  const slope = xb === xa ? 0 : (yb - ya) / (xb - xa);
  const h = mask.length / w;
  let inked = 0;
  for (let x = 0; x < w; x++) {
    const yl = Math.round(ya + slope * (x - xa)) - y0;
    for (let y = Math.max(0, yl - 1); y <= Math.min(h - 1, yl + 1); y++)
      if (mask[y * w + x]) {
        inked++;
        break;
      }
  }
  return inked >= w * RULE_SHARE;
}

/** Paints the comb's separators and its top and bottom rules with the paper around them. */
function paint(data: Uint8Array, width: number, threshold: number, b: Blob, c: CombShape, dpi: number): void {
  // The paper: the lighter pixels of the frame's box (mostly paper, being hollow).
  const px: number[] = [];
  for (let y = b.y0; y <= b.y1; y += 2) for (let x = b.x0; x <= b.x1; x += 2) px.push(data[y * width + x]!);
  px.sort((a, d) => a - d);
  const paper = px[Math.floor(px.length * 0.85)]!;
  // A rule's thickness, and a rim for its blurred edge (lighter than the threshold, still grey).
  const rim = Math.max(1, Math.round(dpi / 150));
  const ruleThick = (x: number, from: number, step: 1 | -1): number => {
    let n = 0;
    for (let y = from; n < 12 && data[y * width + x]! < threshold; y += step) n++;
    return n;
  };
  const thick: number[] = [];
  for (let x = b.x0; x <= b.x1; x += 3) {
    const i = x - b.x0;
    if (c.bottom[i]! < 0) continue;
    thick.push(ruleThick(x, c.top[i]!, 1), ruleThick(x, c.bottom[i]!, -1));
  }
  thick.sort((a, d) => a - d);
  const t = Math.max(1, thick[Math.floor(thick.length / 2)] ?? 1);
  const set = (x: number, y: number): void => {
    const j = y * width + x;
    if (x >= 0 && x < width && j >= 0 && j < data.length && data[j]! < paper) data[j] = paper;
  };
  // The rules: their own rows only (a digit touching one loses no more than the rule's width).
  for (let x = b.x0; x <= b.x1; x++) {
    const i = x - b.x0;
    if (c.bottom[i]! < 0) continue;
    for (let y = c.top[i]! - rim; y < c.top[i]! + t; y++) set(x, y);
    for (let y = c.bottom[i]! - t + 1; y <= c.bottom[i]! + rim; y++) set(x, y);
  }
  // The separators, except along a misregistered digit standing on one: a stroke of the digit
  // may lie along it, and a 0 with a bar through it still reads 0 where a 0 cut in half does not.
  const ink = (x: number, y: number): boolean => x >= 0 && x < width && data[y * width + x]! < threshold;
  for (const [s, e] of c.lines) {
    const i = Math.min(Math.max(Math.round((s + e) / 2) - b.x0, 0), c.top.length - 1);
    const lineW = e - s + 1;
    const y0 = c.top[i]! - rim;
    const y1 = c.bottom[i]! + rim;
    // Rows where ink beside the separator joins it: a digit standing on it. Within that digit's
    // rows the separator stays (erasing it would cut the digit's stroke that lies along it).
    let d0 = Infinity;
    let d1 = -Infinity;
    for (let y = c.top[i]! + t; y <= c.bottom[i]! - t; y++) {
      let a = s;
      let z = e;
      while (a > s - lineW - 3 && ink(a - 1, y)) a--;
      while (z < e + lineW + 3 && ink(z + 1, y)) z++;
      if (z - a + 1 > lineW + 2) {
        d0 = Math.min(d0, y);
        d1 = Math.max(d1, y);
      }
    }
    for (let y = y0; y <= y1; y++) {
      if (y >= d0 && y <= d1) continue;
      for (let x = s - rim; x <= e + rim; x++) set(x, y);
    }
  }
}
