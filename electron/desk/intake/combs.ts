// Comb fields erased from a page image before OCR. A bill printed onto pre-printed form stock puts
// its account number (or BTN) one character per small box: `|0|0|0|6|4|9|8|`. On a scan the box
// lines touch the digits and tesseract reads each cell as a glyph of its own ("[of of 1] 4] 9]",
// "bbbhBabBbBlpLR"): the number is lost. A person reads the digits and ignores the boxes; so do we,
// by finding a row of equal cells (one connected mark: the frame and its separators) and painting
// the frame paper, which leaves the digits standing on their own. The printer misregisters the
// digits against the form: a digit may stand on a separator or over a rule, and where its stroke
// meets a line the line stays (see `paint`).
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

/** A straight rule of the frame: row `c + slope * x` of the blob (x and c from its top-left), `thick` rows thick. */
interface Rule {
  c: number;
  slope: number;
  thick: number;
}

interface CombShape {
  /** Separator columns [first, last], image x. */
  lines: [number, number][];
  top: Rule;
  bottom: Rule;
}

/** Steepest lean a comb's rules may have (a scan's tilt, a flattened photo's residue): ~2.3°. */
const MAX_SLOPE = 0.04;

/** The blob's shape when it is a comb: its rules and its separators. */
function combOf(
  b: Blob,
  runs: number[],
  row: Int32Array,
  start: Int32Array,
  end: Int32Array,
): CombShape | null {
  const w = b.x1 - b.x0 + 1;
  const bh = b.y1 - b.y0 + 1;
  // the mark's own pixels, to follow its rules along their length
  const mask = new Uint8Array(w * bh);
  for (const i of runs) {
    const y = row[i]! - b.y0;
    for (let x = start[i]! - b.x0; x <= end[i]! - b.x0; x++) mask[y * w + x] = 1;
  }
  const rules = frameRules(mask, w, bh);
  if (!rules) return null;
  const { top, bottom } = rules;
  const cellH = bottom.c - top.c;
  if (cellH < 4) return null;
  // Separators: columns inked down nearly all the cell between the rules. A digit's stroke
  // covers about half of it, however the printer misregistered it.
  const lines: [number, number][] = [];
  for (let x = 0; x < w; x++) {
    const y0 = Math.round(top.c + top.slope * x + top.thick / 2 + 1);
    const y1 = Math.round(bottom.c + bottom.slope * x - bottom.thick / 2 - 1);
    if (y1 - y0 < 2) continue;
    let cover = 0;
    for (let y = Math.max(0, y0); y <= Math.min(bh - 1, y1); y++) cover += mask[y * w + x]!;
    if (cover < SEPARATOR_COVER * (y1 - y0 + 1)) continue;
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
  // The frame ends at its outer separators: its rules reach no further than half a cell past
  // them (a misregistered digit may hang out past the end; the rules never do).
  const [r0, r1] = [rules.from + b.x0, rules.to + b.x0];
  if (centres[0]! - r0 > pitch * 0.5 || r1 - centres[centres.length - 1]! > pitch * 0.5) return null;
  return { lines, top, bottom };
}

/** Share of its own span a frame's rule must cross unbroken. */
const RULE_SHARE = 0.92;
/** Share of the mark's width the frame's rules must span (misregistered digits may hang out). */
const RULE_SPAN = 0.7;

/**
 * The top and bottom rules of a comb's frame: the straight lines (leaning with the page) along
 * which the mark is inked, within a pixel, across nearly all of one unbroken span. A word in
 * capitals whose letters a blurred scan ran together into one mark has vertical strokes at an
 * even pitch and flat tops and bottoms too ("MOBILE"), but paper between its letters breaks those
 * lines. Found as lines, not as the mark's top and bottom edges: a digit the printer set high or
 * low crosses a rule and is the mark's edge there.
 */
function frameRules(
  mask: Uint8Array,
  w: number,
  h: number,
): { top: Rule; bottom: Rule; from: number; to: number } | null {
  if (w < 6 || h < 4) return null;
  // per column, the inked rows
  const cols: number[][] = Array.from({ length: w }, () => []);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) cols[x]!.push(y);
  const drift = Math.ceil(MAX_SLOPE * w) + 2;
  const n = h + 2 * drift;
  const step = 1 / w;
  let best: { score: number; top: Rule; bottom: Rule; from: number; to: number } | null = null;
  const hit = new Int32Array(n);
  const exact = new Int32Array(n);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const stamp = new Int32Array(n);
  // upright first, then leaning more and more either way: of lines as good, the least leaning
  const slopes = [0];
  for (let k = 1; k * step <= MAX_SLOPE; k++) slopes.push(k * step, -k * step);
  for (const slope of slopes) {
    hit.fill(0);
    exact.fill(0);
    stamp.fill(-1);
    for (let x = 0; x < w; x++) {
      const shift = Math.round(slope * x) - drift;
      for (const y of cols[x]!) {
        exact[y - shift]!++;
        for (let d = -1; d <= 1; d++) {
          const c = y - shift + d;
          if (c < 0 || c >= n || stamp[c] === x) continue;
          if (stamp[c]! < 0) first[c] = x;
          stamp[c] = x;
          last[c] = x;
          hit[c]!++;
        }
      }
    }
    // The best line in each half: inked (within a pixel) along its span, which must cross most
    // of the mark; of those, the one inked most exactly (the rule's middle, at its own lean).
    const pick = (c0: number, c1: number): { c: number; from: number; to: number; hit: number } | null => {
      let got: { c: number; from: number; to: number; hit: number } | null = null;
      for (let c = c0; c < c1; c++) {
        if (stamp[c]! < 0) continue;
        const span = last[c]! - first[c]! + 1;
        if (span < RULE_SPAN * w || hit[c]! < RULE_SHARE * span) continue;
        if (!got || exact[c]! > got.hit) got = { c, from: first[c]!, to: last[c]!, hit: exact[c]! };
      }
      return got;
    };
    const mid = drift + (h >> 1);
    const t = pick(0, mid);
    const u = pick(mid, n);
    if (!t || !u) continue;
    const score = t.hit + u.hit;
    if (best && score <= best.score) continue;
    best = {
      score,
      // c counts rows shifted by the drift: the line's row is c + slope * x - drift
      top: { c: t.c - drift, slope, thick: 0 },
      bottom: { c: u.c - drift, slope, thick: 0 },
      from: Math.max(t.from, u.from),
      to: Math.min(t.to, u.to),
    };
  }
  if (!best) return null;
  best.top.thick = ruleThickness(cols, best.top, best.from, best.to);
  best.bottom.thick = ruleThickness(cols, best.bottom, best.from, best.to);
  return best;
}

/** Median height of the ink run through a rule, over its columns: the rule's own thickness. */
function ruleThickness(cols: number[][], r: Rule, from: number, to: number): number {
  const runs: number[] = [];
  for (let x = from; x <= to; x++) {
    const rows = new Set(cols[x]);
    const y = Math.round(r.c + r.slope * x);
    const at = [y, y - 1, y + 1].find((v) => rows.has(v));
    if (at === undefined) continue;
    let a = at;
    let z = at;
    while (rows.has(a - 1)) a--;
    while (rows.has(z + 1)) z++;
    runs.push(z - a + 1);
  }
  return Math.max(1, median(runs));
}

/** The run of ink across a frame line at one place along it (a column of a rule, a row of a separator). */
interface Crossing {
  /** where along the line */
  at: number;
  /** the run's first and last pixel across the line */
  a: number;
  z: number;
  /** its darkest pixel */
  min: number;
  /** painted whatever is beside it (a rule where a separator meets it) */
  force: boolean;
  /** ink apart from the run within reach on either side: a digit's strokes on both sides */
  before: boolean;
  after: boolean;
}

/** How far beside a line (a share of the cell pitch) a digit's other stroke is looked for. */
const SIDE_REACH = 0.35;
/** The same across a rule: the caption over the comb is a little further off than that. */
const RULE_SIDE_REACH = 0.25;
/** Most places along a line between two points where one digit meets it (share of the pitch). */
const DIGIT_SPAN = 0.8;

/**
 * The places along a frame line to paint. Where a digit's stroke crosses the line or lies
 * beside it, the run is thicker than the line (or darker: the printer's black against the form's
 * colour) and stays. Between two such places of one digit the line either runs through the
 * digit's inside (a 0 standing on a separator: its strokes on both sides) and goes, or runs along
 * a stroke it hides (a 7's stem, a 0's side, no thicker than the line) and stays with the digit.
 */
function bareRuns(runs: Crossing[], thick: number, pitch: number): Crossing[] {
  const width = (u: Crossing): number => u.z - u.a + 1;
  const bare = runs.filter((u) => width(u) <= thick + 1);
  // the darkness of a bare rule: the median of its runs' darkest pixels (0 when none is bare)
  const dark = median(bare.map((u) => u.min));
  const bareW = median(bare.map(width));
  // (where a separator meets a rule, only the printer's black says a digit is there)
  const met = runs.map((u) => (!u.force && width(u) > thick + 1) || u.min < dark * DIGIT_DARKER);
  const keep = [...met];
  let prev = -1;
  runs.forEach((u, k) => {
    if (!met[k]) return;
    if (prev >= 0 && u.at - runs[prev]!.at <= DIGIT_SPAN * pitch && k - prev > 1) {
      const inside = runs.slice(prev + 1, k);
      const through = inside.filter((v) => v.before && v.after).length * 2 >= inside.length;
      // a stroke hidden along the line still darkens or widens it a little, row after row
      const along =
        median(inside.map((v) => v.min)) <= dark - Math.max(8, 0.08 * dark) ||
        inside.reduce((n, v) => n + width(v), 0) / inside.length >= bareW + 0.75;
      if (!through && along) for (let j = prev + 1; j < k; j++) keep[j] = !runs[j]!.force || met[j]!;
    }
    prev = k;
  });
  return runs.filter((_, k) => !keep[k]);
}

/** The middle value (the upper one of an even count); 0 for none. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, c) => a - c);
  return s[s.length >> 1] ?? 0;
}

/**
 * A digit's stroke lying along a rule is no wider than the rule, but the printer's black is
 * darker than the form's coloured line: a run whose darkest pixel is below this share of the
 * rule's own is a stroke.
 */
const DIGIT_DARKER = 0.6;

/**
 * Paints the comb's rules and separators with the paper around them, but not where a digit's
 * stroke meets them (bareRuns). Across each rule, column by column, and across each separator,
 * row by row: a 0 standing on a separator keeps its curves where they cross it and loses the bar
 * through its middle, a 7 whose stem lies along one keeps its stem, a digit set over a rule stays
 * whole. The rules are followed as the lines frameRules found, not as the mark's edges: a digit
 * set high is the mark's top edge, and painting that edge cut the digit's top off.
 */
function paint(data: Uint8Array, width: number, threshold: number, b: Blob, c: CombShape, dpi: number): void {
  // The paper: the lighter pixels of the frame's box (mostly paper, being hollow).
  const px: number[] = [];
  for (let y = b.y0; y <= b.y1; y += 2) for (let x = b.x0; x <= b.x1; x += 2) px.push(data[y * width + x]!);
  px.sort((a, d) => a - d);
  const paper = px[Math.floor(px.length * 0.85)]!;
  // A rim for a rule's blurred edge (lighter than the threshold, still grey).
  const rim = Math.max(1, Math.round(dpi / 150));
  const height = data.length / width;
  const ink = (x: number, y: number): boolean =>
    x >= 0 && x < width && y >= 0 && y < height && data[y * width + x]! < threshold;
  const erase: Array<[number, number]> = [];
  const set = (x: number, y: number): void => {
    if (x >= 0 && x < width && y >= 0 && y < height) erase.push([x, y]);
  };
  const onSeparator = (x: number): boolean => c.lines.some(([s, e]) => x >= s - rim - 1 && x <= e + rim + 1);
  const pitch = (c.lines[c.lines.length - 1]![0] - c.lines[0]![0]) / (c.lines.length - 1);
  const reach = Math.max(3, Math.round(SIDE_REACH * pitch));
  const ruleReach = Math.max(3, Math.round(RULE_SIDE_REACH * pitch));
  // The rules, column by column.
  for (const r of [c.top, c.bottom]) {
    const runs: Crossing[] = [];
    for (let x = b.x0; x <= b.x1; x++) {
      const yc = b.y0 + Math.round(r.c + r.slope * (x - b.x0));
      const at = [yc, yc - 1, yc + 1, yc - 2, yc + 2].find((y) => ink(x, y));
      if (at === undefined) continue;
      let a = at;
      let z = at;
      while (a > at - 4 * r.thick - 4 && ink(x, a - 1)) a--;
      while (z < at + 4 * r.thick + 4 && ink(x, z + 1)) z++;
      // At a separator the run goes on down it: the rule's own rows go (the separator follows).
      const sep = onSeparator(x);
      if (sep) {
        a = Math.max(a, yc - r.thick - rim);
        z = Math.min(z, yc + r.thick + rim);
      }
      let min = 255;
      for (let y = a; y <= z; y++) min = Math.min(min, data[y * width + x]!);
      const side = (from: number, step: 1 | -1): boolean => {
        for (let k = 2; k <= ruleReach; k++) if (ink(x, from + step * k)) return true;
        return false;
      };
      runs.push({ at: x, a, z, min, force: sep, before: side(a, -1), after: side(z, 1) });
    }
    for (const u of bareRuns(runs, r.thick, pitch)) for (let y = u.a - rim; y <= u.z + rim; y++) set(u.at, y);
  }
  // The separators, row by row between the rules.
  for (const [s, e] of c.lines) {
    const xm = Math.round((s + e) / 2);
    const i = xm - b.x0;
    // clear of the rules, whose rows the rules' painting takes (a corner is no digit's stroke)
    const y0 = b.y0 + Math.round(c.top.c + c.top.slope * i) + c.top.thick;
    const y1 = b.y0 + Math.round(c.bottom.c + c.bottom.slope * i) - c.bottom.thick;
    const bare = e - s + 1;
    const runs: Crossing[] = [];
    for (let y = y0; y <= y1; y++) {
      let at = -1;
      for (let x = s - 1; x <= e + 1 && at < 0; x++) if (ink(x, y)) at = x;
      if (at < 0) continue;
      let a = at;
      let z = at;
      while (a > s - 3 * bare - 4 && ink(a - 1, y)) a--;
      while (z < e + 3 * bare + 4 && ink(z + 1, y)) z++;
      let min = 255;
      for (let x = a; x <= z; x++) min = Math.min(min, data[y * width + x]!);
      const side = (from: number, step: 1 | -1): boolean => {
        for (let k = 2; k <= reach; k++) if (ink(from + step * k, y)) return true;
        return false;
      };
      runs.push({ at: y, a, z, min, force: false, before: side(a, -1), after: side(z, 1) });
    }
    // (a separator's run in a row is a pixel wider than its upright core, which is what `bare` is)
    for (const u of bareRuns(runs, bare + 1, pitch))
      for (let x = u.a - rim; x <= u.z + rim; x++) set(x, u.at);
  }
  // Painted after every decision is taken: a rule's run is judged on the picture as it was.
  for (const [x, y] of erase) {
    const j = y * width + x;
    if (data[j]! < paper) data[j] = paper;
  }
}
