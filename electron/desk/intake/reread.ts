// A second look at the lines OCR was unsure of. Tesseract reads a page with its whole layout
// in view; on a noisy scan that context can spoil a line ("Fort Wane, IN 40892", confidence 0)
// that it reads perfectly when handed alone ("Fort Wayne, IN 46892"). So lines with a weak word
// are cut out and read again on their own (as a block: a garbled segment can span two lines),
// and the better-trusted reading is kept.
import type { Word } from '../../../shared/domain';
import type { PreparedImage } from './images';
import { toPnm, tsvToWords } from './ocr';
import type { OcrJobOptions, OcrPool } from './ocr-pool';

/** A word below this confidence marks its line as worth a second look. */
const WEAK = 0.6;
/** At most this many lines per page are re-read: the second look must stay cheap. */
const MAX_LINES = 10;
/** The second reading must be this much more confident (mean per character) to win. */
const MARGIN = 0.05;

export interface Reread {
  words: Word[];
  /** Lines read again, and how many of them were replaced. */
  tried: number;
  replaced: number;
}

export async function rereadWeakLines(
  pool: OcrPool,
  img: PreparedImage,
  words: Word[],
  job: OcrJobOptions,
): Promise<Reread> {
  const weak = lineSegments(words)
    .filter((seg) => seg.some((w) => w.conf < WEAK && /[A-Za-z0-9]{2,}/.test(w.text)))
    .sort((a, b) => meanConf(a) - meanConf(b))
    .slice(0, MAX_LINES);
  if (weak.length === 0) return { words, tried: 0, replaced: 0 };
  const k = img.pointsPerPixel;
  // One line at a time on whichever engine is free: each crop reads in tens of milliseconds,
  // less than starting another engine would cost.
  const results: Array<{ seg: Word[]; again: Word[] }> = [];
  const readAgain = async (seg: Word[]): Promise<{ seg: Word[]; again: Word[] }> => {
    const x0 = Math.min(...seg.map((w) => w.x0));
    const x1 = Math.max(...seg.map((w) => w.x1));
    const y0 = Math.min(...seg.map((w) => w.y0));
    const y1 = Math.max(...seg.map((w) => w.y1));
    const h = (y1 - y0) / k;
    const left = clamp(Math.floor((x0 - img.originPt.x) / k - 0.6 * h), 0, img.width - 1);
    const right = clamp(Math.ceil((x1 - img.originPt.x) / k + 0.6 * h), left + 1, img.width);
    const top = clamp(Math.floor((y0 - img.originPt.y) / k - 0.4 * h), 0, img.height - 1);
    const bottom = clamp(Math.ceil((y1 - img.originPt.y) / k + 0.4 * h), top + 1, img.height);
    const width = right - left;
    const height = bottom - top;
    const data = Buffer.allocUnsafe(width * height);
    for (let y = 0; y < height; y++) {
      const from = (top + y) * img.width + left;
      img.data.copy(data, y * width, from, from + width);
    }
    try {
      const tsv = await pool.recognizeTsv(toPnm({ data, width, height, channels: 1 }), {
        ...job,
        psm: '6',
      });
      // The crop's margin reaches into the lines above and below; their halves are not ours.
      const again = tsvToWords(tsv, k, {
        x: img.originPt.x + left * k,
        y: img.originPt.y + top * k,
      }).filter((w) => (w.y0 + w.y1) / 2 >= y0 && (w.y0 + w.y1) / 2 <= y1);
      return { seg, again };
    } catch (err) {
      // Cancelling stops the bill; any other failure just keeps the first reading.
      if ((err as { code?: string }).code === 'CANCELED') throw err;
      return { seg, again: [] as Word[] };
    }
  };
  for (const seg of weak) results.push(await readAgain(seg));
  const drop = new Set<Word>();
  const add: Word[] = [];
  let replaced = 0;
  for (const { seg, again } of results) {
    if (again.length === 0 || meanConf(again) < meanConf(seg) + MARGIN) continue;
    for (const w of seg) drop.add(w);
    add.push(...again);
    replaced++;
  }
  const kept = words.filter((w) => !drop.has(w));
  // Two weak segments' crops can overlap (a garbled word's box spans two lines): a word read
  // twice is kept once, and never on top of a word that was not re-read.
  const out = [...kept];
  for (const w of add) if (!out.some((o) => overlaps(o, w))) out.push(w);
  return { words: out, tried: weak.length, replaced };
}

/** Boxes sharing more than half of the smaller one. */
function overlaps(a: Word, b: Word): boolean {
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
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const segs: Word[][] = [];
  for (const w of sorted) {
    const h = w.y1 - w.y0;
    let best: Word[] | undefined;
    for (const seg of segs) {
      const last = seg[seg.length - 1]!;
      const lh = last.y1 - last.y0;
      const overlap = Math.min(w.y1, last.y1) - Math.max(w.y0, last.y0);
      if (overlap < 0.5 * Math.min(h, lh)) continue;
      if (w.x0 - last.x1 > 2.5 * Math.max(h, lh)) continue;
      best = seg;
      break;
    }
    if (best) best.push(w);
    else segs.push([w]);
  }
  return segs;
}

/** Confidence per character, so one long word outweighs a stray mark. */
function meanConf(words: Word[]): number {
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
