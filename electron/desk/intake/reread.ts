// A second look at the lines OCR was unsure of. Tesseract reads a page with its whole layout
// in view; on a noisy scan that context can spoil a line ("Fort Wane, IN 40892", confidence 0)
// that it reads perfectly when handed alone ("Fort Wayne, IN 46892"). So lines with a weak word
// are cut out and read again on their own (as a block: a garbled segment can span two lines),
// and the better-trusted reading is kept. Lines the first reading skipped altogether get the
// same look (readMissedInk).
import type { Word } from '../../../shared/domain';
import { loadSharp, type PreparedImage } from './images';
import { lineRuns } from './line-runs';
import { missedLines } from './missed-ink';
import { toPnm, tsvToWords } from './ocr';
import type { OcrJobOptions, OcrPool } from './ocr-pool';
import type { RawImage } from './render';
import type { Strip } from './strips';

/**
 * A word below this confidence marks its line as worth a second look. Scans are read at
 * 200 dpi, where a line like "21.7. 555=0135" comes back at 0.67: it needs the enlarged look.
 */
export const WEAK = 0.7;
/** At most this many lines per page (or strip) are re-read: the second look must stay cheap. */
const MAX_LINES = 10;
/** The second reading must be this much more confident (mean per character) to win. */
export const MARGIN = 0.05;
/**
 * A word read below this is noise, not a guess ("=" at 0.15 where "Unit 24" is printed). A
 * second reading with fewer of them wins at an equal mean: the mean per character is carried by
 * the long words both readings share (a ZIP+4 read a little less sure inside a crop outweighed
 * "Unit24 Reno," where the page had read "= gd a … eno,").
 */
const NOISE = 0.3;
/**
 * Weak lines are read again enlarged: a 9 pt line of Courier digits on a page scan that tesseract
 * reads as "51.5:555:0121" (confidence 0) reads "515.555.0121" (0.75) at twice the size.
 */
const ZOOM = 2;

export interface Reread {
  words: Word[];
  /** Lines read again, and how many of them were replaced. */
  tried: number;
  replaced: number;
}

/**
 * Where a second look looks: a strip of the page (rows of the image), only lines centred on the
 * rows it keeps. Each strip has the page's allowance of lines: weak lines gather where the
 * print is worst, and an even split of the allowance left a misread street name on a held-out
 * scan unread ("998 Monrae Pkwy", the 7th weakest line of the page, the 6th of its strip).
 */
export interface LookOptions {
  region?: Strip;
}

export async function rereadWeakLines(
  pool: OcrPool,
  img: PreparedImage,
  words: Word[],
  job: OcrJobOptions,
  opts: LookOptions = {},
): Promise<Reread> {
  const inRegion = keptBy(img, opts.region);
  const weak = lineSegments(words.filter(inRegion))
    .filter((seg) => seg.some((w) => w.conf < WEAK && /[A-Za-z0-9]{2,}/.test(w.text)))
    .sort((a, b) => meanConf(a) - meanConf(b))
    .slice(0, MAX_LINES);
  if (weak.length === 0) return { words, tried: 0, replaced: 0 };
  const k = img.pointsPerPixel;
  const results = await onWarmEngines(pool, weak, async (seg) => {
    const x0 = Math.min(...seg.map((w) => w.x0));
    const x1 = Math.max(...seg.map((w) => w.x1));
    const y0 = Math.min(...seg.map((w) => w.y0));
    const y1 = Math.max(...seg.map((w) => w.y1));
    const rect = {
      left: (x0 - img.originPt.x) / k,
      top: (y0 - img.originPt.y) / k,
      width: (x1 - x0) / k,
      height: (y1 - y0) / k,
    };
    // The crop's margin reaches into the lines above and below; their halves are not ours.
    const again = (await readCrop(pool, img, rect, job, '6', ZOOM)).filter(
      (w) => (w.y0 + w.y1) / 2 >= y0 && (w.y0 + w.y1) / 2 <= y1,
    );
    return { seg, again };
  });
  const drop = new Set<Word>();
  const add: Word[][] = [];
  let replaced = 0;
  for (const { seg, again } of results) {
    if (again.length === 0) continue;
    const noise = (ws: Word[]) => ws.filter((w) => w.conf < NOISE).length;
    const surer = meanConf(again) >= meanConf(seg) + MARGIN;
    const cleaner = noise(again) < noise(seg) && meanConf(again) >= meanConf(seg);
    if (!surer && !cleaner) continue;
    for (const w of seg) drop.add(w);
    add.push(again);
    replaced++;
  }
  const kept = words.filter((w) => !drop.has(w));
  // Two weak segments' crops can overlap (a garbled word's box spans two lines): a word read
  // twice is kept once, and never on top of a word that was not re-read. The words of one
  // reading never shut each other out: tesseract now and then gives a word the box of its whole
  // line ("Asheville," over "Asheville, NC 28801" on a held-out photo), and the words it
  // overlaps are still the line's.
  const out = [...kept];
  for (const again of add) {
    const prior = [...out];
    for (const w of again) if (!prior.some((o) => overlaps(o, w))) out.push(w);
  }
  return { words: out, tried: weak.length, replaced };
}

/** A reading of ink the first reading skipped is kept only when tesseract is this sure of it. */
const MISSED_MIN_CONF = 0.6;

/**
 * Both second looks, in turn: the print the first reading skipped, then the lines it was unsure
 * of (a skipped line read back may itself be weak). With a region, only that strip's lines are
 * looked at, so a strip's looks can run while the rest of the page is still being read; the
 * words outside it are left as they are and serve only to mark their ink as read.
 */
export async function secondLooks(
  pool: OcrPool,
  img: PreparedImage,
  words: Word[],
  job: OcrJobOptions,
  opts: LookOptions = {},
): Promise<Word[]> {
  const missed = await readMissedInk(pool, img, words, job, opts);
  return (await rereadWeakLines(pool, img, missed.words, job, opts)).words;
}

/** Whether a word's centre lies on the rows a strip keeps (every word, without a strip). */
export function keptBy(img: PreparedImage, region: Strip | undefined): (w: Word) => boolean {
  if (!region) return () => true;
  const y0 = img.originPt.y + region.keepTop * img.pointsPerPixel;
  const y1 = img.originPt.y + region.keepEnd * img.pointsPerPixel;
  return (w) => {
    const cy = (w.y0 + w.y1) / 2;
    return cy >= y0 && cy < y1;
  };
}

/**
 * Reads the lines of print no word covers (see missed-ink.ts) on their own and adds their
 * words. Nothing is replaced: these lines had no reading at all.
 */
export async function readMissedInk(
  pool: OcrPool,
  img: PreparedImage,
  words: Word[],
  job: OcrJobOptions,
  opts: LookOptions = {},
): Promise<{ words: Word[]; lines: number; added: number }> {
  const lines = missedLines(img, words, opts);
  if (lines.length === 0) return { words, lines: 0, added: 0 };
  const k = img.pointsPerPixel;
  const found = await onWarmEngines(pool, lines, async (r) => {
    const y0 = img.originPt.y + r.top * k;
    const y1 = y0 + r.height * k;
    const x0 = img.originPt.x + r.left * k;
    const x1 = x0 + r.width * k;
    return (await readCrop(pool, img, r, job, '7')).filter((w) => {
      const cx = (w.x0 + w.x1) / 2;
      const cy = (w.y0 + w.y1) / 2;
      return (
        cy >= y0 &&
        cy <= y1 &&
        cx >= x0 &&
        cx <= x1 &&
        w.conf >= MISSED_MIN_CONF &&
        /[A-Za-z0-9]/.test(w.text)
      );
    });
  });
  const out = [...words];
  let added = 0;
  for (const w of found.flat()) {
    if (out.some((o) => overlaps(o, w))) continue;
    out.push(w);
    added++;
  }
  return { words: out, lines: lines.length, added };
}

/** Print this far (a share of the box's height) above and below the box is kept in its crop. */
const CLEAR_PAD = 0.15;

/**
 * Reads a box of the prepared image (pixels; a margin is added around it) on its own and
 * returns its words in points. A failure other than cancelling returns no words: a second
 * look can only add to the first.
 */
export async function readCrop(
  pool: OcrPool,
  img: PreparedImage,
  r: { left: number; top: number; width: number; height: number },
  job: OcrJobOptions,
  psm: string,
  zoom = 1,
): Promise<Word[]> {
  const k = img.pointsPerPixel;
  const h = r.height;
  const left = clamp(Math.floor(r.left - 0.6 * h), 0, img.width - 1);
  const right = clamp(Math.ceil(r.left + r.width + 0.6 * h), left + 1, img.width);
  const top = clamp(Math.floor(r.top - 0.4 * h), 0, img.height - 1);
  const bottom = clamp(Math.ceil(r.top + r.height + 0.4 * h), top + 1, img.height);
  const width = right - left;
  const height = bottom - top;
  const data = Buffer.allocUnsafe(width * height);
  // The margin is kept as white paper, not as the halves of the lines above and below: tesseract
  // reads such cut-off print as lines of noise, and its beam search is slowest on noise (a
  // two-line crop took ~190 ms with its neighbours' halves in it, ~140 ms without). Not in a
  // photo: its lines slope and bend across a level box, and a neighbour's clipped piece read as
  // part of the line ("BRAMBLE & FINCH BREWING COMPANY IAILING ADD" on a fixture photo).
  const pad = Math.round(CLEAR_PAD * h);
  const keepTop = img.cropped ? 0 : Math.max(0, Math.floor(r.top) - pad - top);
  const keepEnd = img.cropped ? height : Math.min(height, Math.ceil(r.top + r.height) + pad - top);
  data.fill(255);
  for (let y = keepTop; y < keepEnd; y++) {
    const from = (top + y) * img.width + left;
    img.data.copy(data, y * width, from, from + width);
  }
  try {
    let crop: RawImage = { data, width, height, channels: 1 };
    if (zoom !== 1) {
      const sharp = await loadSharp();
      const big = await sharp(data, { raw: { width, height, channels: 1 } })
        .resize({ width: Math.round(width * zoom), kernel: 'lanczos3' })
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true });
      crop = { data: big.data, width: big.info.width, height: big.info.height, channels: 1 };
    }
    const dpi = Math.round((72 / k) * (crop.width / width));
    const tsv = await pool.recognizeTsv(toPnm(crop), { ...job, psm, dpi });
    return tsvToWords(tsv, (k * width) / crop.width, {
      x: img.originPt.x + left * k,
      y: img.originPt.y + top * k,
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'CANCELED') throw err;
    return [];
  }
}

/**
 * Runs small jobs on as many engines as are already running, in order: each crop reads in
 * tens of milliseconds, less than starting another engine would cost.
 */
export async function onWarmEngines<T, R>(
  pool: OcrPool,
  items: T[],
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(pool.alive, items.length)) }, lane));
  return out;
}

/** Boxes sharing more than half of the smaller one. */
export function overlaps(a: Word, b: Word): boolean {
  const ix = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const iy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (ix <= 0 || iy <= 0) return false;
  const small = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
  return ix * iy > 0.5 * small;
}

/**
 * Words grouped into runs along one line of print: vertically overlapping, and no wider apart
 * than a few letter heights (a wider gap is the next column, read as its own segment).
 */
export function lineSegments(words: Word[]): Word[][] {
  return lineRuns(words, { overlap: 0.5, gap: 2.5 });
}

/** Confidence per character, so one long word outweighs a stray mark. */
export function meanConf(words: Word[]): number {
  let n = 0;
  let s = 0;
  for (const w of words) {
    const len = Math.max(1, w.text.length);
    n += len;
    s += w.conf * len;
  }
  return n ? s / n : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
