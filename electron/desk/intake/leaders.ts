// Dotted leaders ("BILL DATE ..........: 02/01/25") and dashed rules ("- - - - -") erased from a
// page image before OCR. Tesseract reads a leader as a word of its own and, on a noisy scan,
// fuses the last dots with the value beside it ("BIL DATES Zl atin ne 102/01 425"); every dot is
// also a blob its layout analysis must place. A person skips the dots; so do we, by finding
// rows of small, evenly spaced, equally sized marks on one baseline and painting them paper.

import { inkBlobs, type Blob, type InkBlobs } from './ink-blobs';
import { otsuThreshold } from './threshold';

export interface LeaderOptions {
  /** Resolution of the image, so sizes can be judged in inches. */
  dpi: number;
}

export interface LeaderResult {
  /** Leader and rule runs erased. */
  runs: number;
  /** Marks painted over. */
  marks: number;
  /** Every mark of the page as found before erasing (strips.ts counts the letters among them). */
  blobs: Blob[];
  /** The labelling itself, and the threshold it was made at: pen-circles.ts judges the same marks. */
  ink: InkBlobs;
  threshold: number;
}

/** A run must hold at least this many dots (an ellipsis "..." is text, a leader is longer). */
const MIN_DOTS = 5;
/** Dashed rules are longer still: "--" or "---" in text must survive. */
const MIN_DASHES = 8;

/**
 * Erases dotted leaders and dashed rules in place. `data` is 8-bit grey, one byte per pixel.
 * Ink is what lies below the image's Otsu threshold.
 */
export function eraseLeaders(
  data: Uint8Array,
  width: number,
  height: number,
  opts: LeaderOptions,
): LeaderResult {
  const threshold = otsuThreshold(data);
  const maxSide = Math.ceil(opts.dpi * 0.09);
  const ink = inkBlobs(data, width, height, threshold);
  const all = ink.blobs;
  const blobs = all.filter((b) => b.x1 - b.x0 < maxSide && b.y1 - b.y0 < maxSide);
  const inch = opts.dpi;
  const maxDot = Math.max(3, Math.round(inch * 0.035));
  const minDot = Math.max(1, Math.round(inch * 0.006));
  const dots: Blob[] = [];
  const dashes: Blob[] = [];
  for (const b of blobs) {
    const w = b.x1 - b.x0 + 1;
    const h = b.y1 - b.y0 + 1;
    if (w <= maxDot && h <= maxDot && w >= minDot && h >= minDot && w <= 2.2 * h && h <= 2.2 * w) {
      // A dot is a filled blob, not a ring or a stroke.
      if (b.area >= 0.45 * w * h) dots.push(b);
    } else if (h <= maxDot && w > 1.8 * h && w <= inch * 0.09 && b.area >= 0.5 * w * h) {
      dashes.push(b);
    }
  }
  let runs = 0;
  let marks = 0;
  // Each mark is painted with the paper around it (its box's border, a rim away): the grey,
  // blurred edge of a scanned or photographed dot is lighter than the ink threshold and would
  // otherwise stay behind as a ring, and a photo's paper is not one grey.
  const erase = (b: Blob): void => {
    const rim = Math.max(1, Math.round(Math.max(b.x1 - b.x0, b.y1 - b.y0) / 2));
    const x0 = Math.max(0, b.x0 - rim);
    const y0 = Math.max(0, b.y0 - rim);
    const x1 = Math.min(width - 1, b.x1 + rim);
    const y1 = Math.min(height - 1, b.y1 + rim);
    const border: number[] = [];
    for (let x = x0; x <= x1; x++) border.push(data[y0 * width + x]!, data[y1 * width + x]!);
    for (let y = y0; y <= y1; y++) border.push(data[y * width + x0]!, data[y * width + x1]!);
    border.sort((a, c) => a - c);
    const paper = border[Math.floor(border.length * 0.6)]!;
    for (let y = y0; y <= y1; y++) {
      const row = y * width;
      for (let x = x0; x <= x1; x++) if (data[row + x]! < paper) data[row + x] = paper;
    }
    marks++;
  };
  const clean = (b: Blob): boolean => standsAlone(data, width, height, threshold, b);
  for (const run of findRuns(dots.filter(clean), MIN_DOTS, inch * 0.02, inch * 0.12)) {
    if (!runIsolated(data, width, height, threshold, run)) continue;
    runs++;
    for (const b of run) erase(b);
    // A colon that ends the leader keeps its upper dot: take it too, or it reads as a quote.
    for (const b of colonTops(run, dots)) erase(b);
  }
  for (const run of findRuns(dashes.filter(clean), MIN_DASHES, inch * 0.03, inch * 0.15)) {
    if (!runIsolated(data, width, height, threshold, run)) continue;
    runs++;
    for (const b of run) erase(b);
  }
  return { runs, marks, blobs: all, ink, threshold };
}

/**
 * Groups marks into runs along one baseline: sorted by row then column, each mark joins the run
 * whose last mark sits on its baseline a plausible step to its left. A run is kept when it is
 * long enough and evenly spaced (leaders are typeset at one pitch).
 */
function findRuns(marks: Blob[], minLen: number, minPitch: number, maxPitch: number): Blob[][] {
  const sorted = [...marks].sort((a, b) => a.x0 - b.x0);
  const open: Blob[][] = [];
  const done: Blob[][] = [];
  for (const m of sorted) {
    const h = m.y1 - m.y0 + 1;
    let best: Blob[] | null = null;
    let bestGap = Infinity;
    for (const run of open) {
      const last = run[run.length - 1]!;
      const step = m.x0 - last.x0;
      if (step < minPitch * 0.6 || step > maxPitch) continue;
      const lh = last.y1 - last.y0 + 1;
      // Same baseline and about the same size.
      if (Math.abs(m.y1 - last.y1) > Math.max(2, 0.6 * Math.max(h, lh))) continue;
      if (h > 2 * lh + 1 || lh > 2 * h + 1) continue;
      if (step < bestGap) {
        bestGap = step;
        best = run;
      }
    }
    if (best) best.push(m);
    else open.push([m]);
    // Runs that can no longer grow are settled, keeping the open list short.
    for (let i = open.length - 1; i >= 0; i--) {
      const last = open[i]![open[i]!.length - 1]!;
      if (m.x0 - last.x0 > maxPitch) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done.filter((run) => run.length >= minLen && evenlySpaced(run));
}

function evenlySpaced(run: Blob[]): boolean {
  const steps: number[] = [];
  for (let i = 1; i < run.length; i++) steps.push(run[i]!.x0 - run[i - 1]!.x0);
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)]!;
  // Most steps within a third of the median; a scan's jitter moves a dot by a pixel or two.
  const near = steps.filter((s) => Math.abs(s - median) <= Math.max(2, median / 3)).length;
  return near >= 0.8 * steps.length;
}

/**
 * A leader stands alone in its stretch of line: the band it runs through (a dot's height above
 * and below) holds no other ink. Print that fell apart into dot-sized pieces (faint grey type in
 * a photo) fails this, because the pieces' letters leave ink between and around them.
 */
function runIsolated(data: Uint8Array, width: number, height: number, t: number, run: Blob[]): boolean {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  let own = 0;
  for (const b of run) {
    x0 = Math.min(x0, b.x0);
    x1 = Math.max(x1, b.x1);
    y0 = Math.min(y0, b.y0);
    y1 = Math.max(y1, b.y1);
    own += b.area;
  }
  const h = y1 - y0 + 1;
  const ink = inkIn(data, width, t, x0, Math.max(0, y0 - h), x1, Math.min(height - 1, y1 + h));
  // Noise specks are allowed; a letter's worth of stray ink is not.
  return ink - own <= Math.max(4, 0.25 * own);
}

/**
 * A leader dot has paper all round it, a dot's size wide. A piece of a letter that fell apart
 * (grey print in a photo) has the rest of its letter right beside it.
 */
function standsAlone(data: Uint8Array, width: number, height: number, t: number, b: Blob): boolean {
  const pad = Math.max(2, Math.round(Math.max(b.x1 - b.x0, b.y1 - b.y0) * 0.8));
  const ink = inkIn(
    data,
    width,
    t,
    Math.max(0, b.x0 - pad),
    Math.max(0, b.y0 - pad),
    Math.min(width - 1, b.x1 + pad),
    Math.min(height - 1, b.y1 + pad),
  );
  return ink - b.area <= Math.max(2, 0.2 * b.area);
}

/** Pixels darker than `t` in the box x0..x1, y0..y1 (inclusive). */
function inkIn(
  data: Uint8Array,
  width: number,
  t: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let ink = 0;
  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    for (let x = x0; x <= x1; x++) if (data[row + x]! < t) ink++;
  }
  return ink;
}

function colonTops(run: Blob[], dots: Blob[]): Blob[] {
  const last = run[run.length - 1]!;
  const h = last.y1 - last.y0 + 1;
  return dots.filter(
    (d) =>
      d !== last &&
      d.y1 < last.y0 &&
      last.y0 - d.y1 <= 4 * h &&
      Math.abs((d.x0 + d.x1) / 2 - (last.x0 + last.x1) / 2) <= h,
  );
}
