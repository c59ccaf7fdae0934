// Print the first reading skipped. Now and then tesseract's page layout judges a line of print
// to be no text at all (a label row in a table it took for a picture, a line near a strip's
// edge) and returns nothing for it, while a person plainly sees words there. We look for rows
// of letter-sized marks that no word covers, so they can be read on their own.
import type { Word } from '../../../shared/domain';
import type { Rect } from './bands';
import type { PreparedImage } from './images';
import { inkBlobs, type Blob } from './ink-blobs';
import { lineRuns } from './line-runs';
import type { Strip } from './strips';
import { otsuThreshold } from './threshold';

/** The page image and where its pixels lie on the page. */
type PageRaster = Pick<PreparedImage, 'data' | 'width' | 'height' | 'pointsPerPixel' | 'originPt'>;

/** A run of uncovered letter-sized marks, in image pixels, and how many marks it holds. */
export interface MissedLine extends Rect {
  marks: number;
}

export interface MissedLineOptions {
  /** Look only at this strip of the page (rows of the image, as strips.ts cuts them). */
  region?: Strip;
}

/** A run needs this many marks to be print rather than specks or a stray stroke. */
const MIN_MARKS = 4;
/** At most this many lines (the largest) are returned: each costs a read. */
const MAX_LINES = 12;

/**
 * Lines of print no word covers, largest first. The page is looked at with 2×2 pixels merged
 * (darkest wins, so thin strokes survive): letters are still several pixels tall and labelling
 * costs a quarter.
 */
export function missedLines(img: PageRaster, words: Word[], opts: MissedLineOptions = {}): MissedLine[] {
  const { region } = opts;
  // A strip is looked at on its own rows (overlap included, so marks cut by its edge keep their
  // shape); only marks centred on the rows it keeps count.
  const top = region?.top ?? 0;
  const rows = (region?.end ?? img.height) - top;
  const dpi = 72 / img.pointsPerPixel;
  const f = dpi >= 180 ? 2 : 1;
  const w = Math.floor(img.width / f);
  const h = Math.floor(rows / f);
  if (w < 8 || h < 8) return [];
  const data = img.data.subarray(top * img.width, (top + rows) * img.width);
  const small = f === 1 ? data : shrinkDarkest(data, img.width, w, h);
  const keepTop = ((region?.keepTop ?? 0) - top) / f;
  const keepEnd = ((region?.keepEnd ?? img.height) - top) / f;
  const origin = { x: img.originPt.x, y: img.originPt.y + top * img.pointsPerPixel };
  const sdpi = dpi / f;

  // Every word's box, a little grown, marks its ink as read.
  const covered = new Uint8Array(w * h);
  const pad = Math.round(sdpi * 0.02);
  const k = img.pointsPerPixel * f;
  const read = readsItsInk(words);
  for (const word of words) {
    if (!read(word)) continue;
    const x0 = Math.max(0, Math.floor((word.x0 - origin.x) / k) - pad);
    const x1 = Math.min(w - 1, Math.ceil((word.x1 - origin.x) / k) + pad);
    const y0 = Math.max(0, Math.floor((word.y0 - origin.y) / k) - pad);
    const y1 = Math.min(h - 1, Math.ceil((word.y1 - origin.y) / k) + pad);
    if (x1 < x0 || y1 < y0) continue;
    for (let y = y0; y <= y1; y++) covered.fill(1, y * w + x0, y * w + x1 + 1);
  }

  const t = otsuThreshold(small);
  const minH = sdpi * 0.045;
  const maxH = sdpi * 0.25;
  const maxW = sdpi * 0.6;
  const loose: Blob[] = [];
  for (const b of inkBlobs(small, w, h, t).blobs) {
    const bw = b.x1 - b.x0 + 1;
    const bh = b.y1 - b.y0 + 1;
    // Letter-sized and letter-shaped: not a speck, not a rule or a frame, not a solid bar.
    if (bh < minH || bh > maxH || bw > maxW) continue;
    if (b.area < 0.1 * bw * bh || b.area > 0.92 * bw * bh) continue;
    const cx = (b.x0 + b.x1) >> 1;
    const cy = (b.y0 + b.y1) >> 1;
    if (cy < keepTop || cy >= keepEnd || covered[cy * w + cx]) continue;
    loose.push(b);
  }

  // Marks on one line, no further apart than a word space or two, form a run.
  const runs = joinShortRuns(lineRuns(loose, { overlap: 0.4, gap: 1.5, pad: 1 }));

  const lines: MissedLine[] = [];
  for (const run of runs) {
    const marks = run.reduce((n, b) => n + letterCount(b), 0);
    if (marks < MIN_MARKS) continue;
    const x0 = Math.min(...run.map((b) => b.x0));
    const x1 = Math.max(...run.map((b) => b.x1));
    const y0 = Math.min(...run.map((b) => b.y0));
    const y1 = Math.max(...run.map((b) => b.y1));
    if (x1 - x0 < sdpi * 0.15) continue;
    lines.push({
      left: x0 * f,
      top: y0 * f + top,
      width: (x1 - x0 + 1) * f,
      height: (y1 - y0 + 1) * f,
      marks,
    });
  }
  return lines.sort((a, b) => b.marks - a.marks).slice(0, MAX_LINES);
}

/** A run short of MIN_MARKS joins its neighbours on its line no further apart than this many heights. */
const JOIN_GAP = 2.6;

/**
 * A report's split columns ("541  555  0138   1FB": a telephone number as area code, exchange and
 * line, then a service code, two or three spaces apart) print groups of three marks, too few to
 * count as print alone, and tesseract's layout can skip the whole column. A run short of
 * MIN_MARKS joins the runs beside it on its line (and the group the runs beside it), and they are
 * read as one line; runs that are print by themselves are not joined to one another.
 */
function joinShortRuns(runs: Blob[][]): Blob[][] {
  const marksOf = (run: Blob[]) => run.reduce((n, b) => n + letterCount(b), 0);
  const boxes = runs
    .map((run) => ({
      run,
      x0: Math.min(...run.map((b) => b.x0)),
      x1: Math.max(...run.map((b) => b.x1)),
      y0: Math.min(...run.map((b) => b.y0)),
      y1: Math.max(...run.map((b) => b.y1)),
      short: marksOf(run) < MIN_MARKS,
    }))
    .sort((a, b) => a.x0 - b.x0);
  const groups: (typeof boxes)[number][] = [];
  for (const b of boxes) {
    const h = b.y1 - b.y0 + 1;
    const home = groups.find((g) => {
      const gh = g.y1 - g.y0 + 1;
      const overlap = Math.min(b.y1, g.y1) - Math.max(b.y0, g.y0) + 1;
      return (
        (g.short || b.short) &&
        overlap >= 0.4 * Math.min(h, gh) &&
        b.x0 - g.x1 >= 0 &&
        b.x0 - g.x1 <= JOIN_GAP * Math.max(h, gh)
      );
    });
    if (!home) {
      groups.push({ ...b, run: [...b.run] });
      continue;
    }
    home.run.push(...b.run);
    home.x1 = Math.max(home.x1, b.x1);
    home.y0 = Math.min(home.y0, b.y0);
    home.y1 = Math.max(home.y1, b.y1);
    // (a group holding a short run still takes the next piece: "541 555" then "0138")
    home.short = home.short || b.short;
  }
  return groups.map((g) => g.run);
}

/** A word below this confidence, taller than this many of the page's lines, is a reading of noise. */
const NOISE_CONF = 0.5;
const NOISE_TALL = 1.6;

/**
 * Whether a word's box marks its ink as read. Not a box tesseract drew over two lines of print it
 * could not read, with a guess it hardly trusts ("i" at 0.32 over "Nguyen" and the street line
 * under it on a held-out scan): the print under it was never read.
 */
export function readsItsInk(words: readonly Word[]): (w: Word) => boolean {
  const hs = words.map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const line = hs[hs.length >> 1] ?? 0;
  return (w) => w.conf >= NOISE_CONF || w.y1 - w.y0 <= NOISE_TALL * line;
}

/**
 * How many letters a mark holds. Print a phone photographed is soft, and merging 2×2 pixels
 * darkest-wins closes the gaps between its letters: a whole word ("Asheville,") comes out as one
 * mark as wide as several letters, and a line of such words would never count as print.
 */
function letterCount(b: Blob): number {
  const bw = b.x1 - b.x0 + 1;
  const bh = b.y1 - b.y0 + 1;
  return Math.max(1, Math.round(bw / (0.8 * bh)));
}

/** Halves an image in each direction, keeping the darkest of each 2×2 block. */
function shrinkDarkest(data: Uint8Array, width: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * width;
    const r1 = r0 + width;
    const o = y * w;
    for (let x = 0; x < w; x++) {
      const i = 2 * x;
      let v = data[r0 + i]!;
      const b = data[r0 + i + 1]!;
      const c = data[r1 + i]!;
      const d = data[r1 + i + 1]!;
      if (b < v) v = b;
      if (c < v) v = c;
      if (d < v) v = d;
      out[o + x] = v;
    }
  }
  return out;
}
