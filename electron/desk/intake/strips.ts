// How a page image is cut into strips that are read at the same time on idle OCR workers.
//
// Strips overlap: each reaches STRIP_OVERLAP inches past its cut, and a word belongs to the
// strip on whose side of the cut its centre lies. So a cut need not find a blank row (a skewed
// scan's table has none: each row of print slants across the rows of pixels), and a word lying
// across the cut is read whole by the strip that keeps it.

import { inkBlobs, type Blob } from './ink-blobs';
import { otsuThreshold } from './threshold';

/** Inches each strip reaches past its cut: more than the tallest line a word can stand in. */
const STRIP_OVERLAP = 0.2;

/**
 * What a square inch of page costs to read (binarising, layout), in letters. Fitted by timing
 * both strips of five cuts on each of the eight public scans, read alone on one engine.
 */
const LETTERS_PER_SQUARE_INCH = 1.2;

type PageImage = {
  data: Uint8Array;
  width: number;
  height: number;
  pointsPerPixel: number;
  /** Letter-sized marks by the row their centre lies on, when preparing the page found them. */
  letterRows?: Uint16Array;
};

/**
 * Letter-sized marks counted by the row their centre lies on. Recognition is most of the cost
 * of reading a strip, and tesseract scales every line to one height before recognising it, so
 * that cost follows the number of letters, whatever their size. (Ink per row, the measure this
 * replaced, counts a bold headline many times over: it put the balance point 6 to 23 points
 * off on the public scans, letters 0 to 4.)
 */
export function letterRows(blobs: Blob[], height: number, dpi: number): Uint16Array {
  const rows = new Uint16Array(height);
  const minH = dpi * 0.03;
  const maxH = dpi * 0.6;
  const maxW = dpi * 2;
  for (const b of blobs) {
    const h = b.y1 - b.y0 + 1;
    if (h < minH || h > maxH || b.x1 - b.x0 + 1 > maxW) continue;
    const y = (b.y0 + b.y1) >> 1;
    rows[y] = Math.min(65535, rows[y]! + 1);
  }
  return rows;
}

/** Where a page stands among a bill's pages and what the engines are doing as it begins. */
export interface PageTurn {
  /** The page's place in reading order (0-based) among `pages`. */
  index: number;
  pages: number;
  /** Pages read at once, one per lane (each lane reads its next page when it is done). */
  lanes: number;
  /** Pages begun before this one. */
  begun: number;
  /** Engines started and reading nothing, started, and in all. */
  idle: number;
  alive: number;
  engines: number;
  /** A photo's sheet: never cut, perspective bends its lines across any straight cut. */
  photo: boolean;
}

/**
 * How many strips a page is read in, at once on that many engines.
 * More engines than pages left to begin: the page is shared between them. Only engines started
 * and idle count: starting one for a strip costs more than it saves, and a strip queued behind
 * another page's reading would wait for it. Not photos (measured with overlapping strips and
 * the missed-ink look: fixture photos 95% -> 82.5% of fields).
 * The last page, when it is the only page of its round (7 pages on 2 engines: 1+2, 3+4, 5+6,
 * then 7), is shared with the busy engines too: they are finishing pages begun at about the
 * same time as the one its lane just read, and would then stand idle while it is read on one
 * engine (a 7-page scan: ~7% of its wall time with one engine idle). Not when other pages begin
 * with it (the second of two, the 6th of 6): those engines have a whole page ahead of them, and
 * a strip queued behind it would wait for it.
 */
export function stripCount(t: PageTurn): number {
  if (t.photo) return 1;
  const aloneInLastRound = t.index >= t.lanes && t.index === t.pages - 1 && t.pages % t.lanes === 1;
  if (aloneInLastRound) return Math.max(1, t.alive);
  return Math.max(1, Math.min(t.idle, Math.floor(t.engines / (t.pages - t.begun))));
}

/** The overlap in rows of this image. */
function overlapRows(img: PageImage): number {
  return Math.round((72 / img.pointsPerPixel) * STRIP_OVERLAP);
}

/**
 * The page in `parts` strips (one strip, the whole page, when it is not worth sharing).
 * `ahead`: the cost (see jobCost) of jobs queued on the same engines just before the strips
 * (the page's header bands), which the strips are balanced around.
 */
export function pageStrips(img: PageImage, parts: number, ahead: number[] = []): Strip[] {
  return stripsOf(img.height, cutRows(img, parts, ahead), overlapRows(img));
}

/**
 * What reading an image costs, in the unit strips are balanced in (letters): its letters and
 * its area. For the jobs the strips share the engines with, such as a header band's crop.
 */
export function jobCost(data: Uint8Array, width: number, height: number, pointsPerPixel: number): number {
  const dpi = 72 / pointsPerPixel;
  let letters = 0;
  for (const n of lettersOf(data, width, height, dpi)) letters += n;
  return letters + areaCost(width, height, dpi);
}

/** Letter-sized marks by row, found from scratch (when page preparation has not counted them). */
function lettersOf(data: Uint8Array, width: number, height: number, dpi: number): Uint16Array {
  return letterRows(inkBlobs(data, width, height, otsuThreshold(data)).blobs, height, dpi);
}

/** What `rows` rows of a `width`-pixel image cost to read beyond their letters. */
function areaCost(width: number, rows: number, dpi: number): number {
  return ((width * rows) / dpi / dpi) * LETTERS_PER_SQUARE_INCH;
}

/**
 * How much of the page each of `parts` strips should take so they all end at once, when the
 * jobs `ahead` of them take engines first. The strips are taken in order by whichever engine
 * frees first (the pool serves in order), and the jobs ahead go the same way. So the top strip
 * goes to the least loaded engine and takes the most; the rest share what is left.
 */
function shares(total: number, parts: number, ahead: number[]): number[] {
  const load = new Array<number>(parts).fill(0);
  for (const c of ahead) {
    let i = 0;
    for (let j = 1; j < parts; j++) if (load[j]! < load[i]!) i = j;
    load[i]! += c;
  }
  load.sort((a, b) => a - b);
  const end = (total + load.reduce((a, b) => a + b, 0)) / parts;
  return load.map((l) => end - l);
}

export interface Strip {
  /** Rows read (with the overlap). */
  top: number;
  end: number;
  /** Rows whose words this strip keeps (a word by its centre). */
  keepTop: number;
  keepEnd: number;
}

/**
 * Rows to cut a page at so its strips cost about the same to read. Near the balance point the
 * emptiest row is taken (a gap between lines where there is one). Returns [] when the page has
 * nothing worth sharing.
 */
export function cutRows(img: PageImage, parts: number, ahead: number[] = []): number[] {
  if (parts < 2) return [];
  const { data, width, height } = img;
  const dpi = 72 / img.pointsPerPixel;
  const letters = img.letterRows ?? lettersOf(data, width, height, dpi);
  if (!letters.some((n) => n > 0)) return [];
  // Ink per row on every other column, to find the emptiest row near the balance point.
  const ink = new Float64Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let i = y * width, e = i + width; i < e; i += 2) if (data[i]! < 128) n++;
    ink[y] = n;
  }
  const rowCost = areaCost(width, 1, dpi);
  const before = new Float64Array(height + 1);
  for (let y = 0; y < height; y++) before[y + 1] = before[y]! + letters[y]! + rowCost;
  const total = before[height]!;
  const overlap = overlapRows(img);
  // Where the emptiest row may be looked for around the balance point.
  const reach = Math.round(dpi * 0.12);
  const cuts: number[] = [];
  const share = shares(total, parts, ahead);
  let want = 0;
  let y = 0;
  for (let k = 1; k < parts; k++) {
    want += share[k - 1]!;
    while (y < height && before[y]! < want) y++;
    let best = -1;
    for (let c = Math.max(overlap, y - reach); c <= Math.min(height - overlap, y + reach); c++) {
      if (best < 0 || ink[c]! < ink[best]!) best = c;
    }
    // A strip must be worth its own job, and strips stay in order.
    if (best < 0 || (cuts.length && best <= cuts[cuts.length - 1]! + 2 * overlap)) break;
    if (before[best]! < total * 0.15 || before[best]! > total * 0.85) break;
    cuts.push(best);
  }
  return cuts;
}

/** The strips for these cuts, each with its overlap and the rows it keeps words from. */
export function stripsOf(height: number, cuts: number[], overlapRows: number): Strip[] {
  const edges = [0, ...cuts, height];
  return edges.slice(1).map((end, i) => {
    const keepTop = edges[i]!;
    return {
      keepTop,
      keepEnd: end,
      top: Math.max(0, keepTop - (i > 0 ? overlapRows : 0)),
      end: Math.min(height, end + (end < height ? overlapRows : 0)),
    };
  });
}
