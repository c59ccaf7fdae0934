// Another look at one region of a page already read: the pictures of a bill's first pages are
// kept (only when the desk has learned carriers) so that the places a learned profile reads its
// fields from can be read again, enlarged, on their own (see shared/extract/learn/second-look.ts).
import type { Word } from '../../../shared/domain';
import type { LookHow, PageBox } from '../../../shared/extract/learn';
import type { PreparedImage } from './images';
import { inkBlobs, type Blob } from './ink-blobs';
import { readsItsInk } from './missed-ink';
import { otsuThreshold } from './threshold';
import type { OcrJobOptions, OcrPool } from './ocr-pool';
import { readCrop } from './reread';

/** Learned places lie on a bill's first pages: later pages' pictures are not kept. */
export const KEPT_PAGES = 3;

export interface KeptPage {
  img: PreparedImage;
  job: OcrJobOptions;
  /** the light-on-dark bands were read from their own crops (turned over with the page, if it was) */
  bands: boolean;
}

export type LookAgain = (region: PageBox, how: LookHow) => Promise<Word[]>;

/**
 * Reads a region (page points) of a kept page again. A region in a light-on-dark band is read
 * from the band's own crop, turned dark-on-light, as the band was read: in the page picture it
 * is blanked. A page that was not kept, or a failed read, gives no words.
 */
export function lookAgainOn(pool: OcrPool, kept: ReadonlyMap<number, KeptPage>): LookAgain {
  return async (region, how) => {
    const page = kept.get(region.page);
    if (!page) return [];
    const { img, job } = page;
    const k = img.pointsPerPixel;
    const cx = ((region.x0 + region.x1) / 2 - img.originPt.x) / k;
    const cy = ((region.y0 + region.y1) / 2 - img.originPt.y) / k;
    const band = page.bands
      ? img.bands?.crops.find(
          (c) =>
            cx >= c.rect.left &&
            cx < c.rect.left + c.rect.width &&
            cy >= c.rect.top &&
            cy < c.rect.top + c.rect.height,
        )
      : undefined;
    const source: PreparedImage = band
      ? {
          ...img,
          data: band.data,
          width: band.rect.width,
          height: band.rect.height,
          originPt: { x: img.originPt.x + band.rect.left * k, y: img.originPt.y + band.rect.top * k },
        }
      : img;
    const left = Math.max(0, (region.x0 - source.originPt.x) / k);
    const top = Math.max(0, (region.y0 - source.originPt.y) / k);
    const right = Math.min(source.width, (region.x1 - source.originPt.x) / k);
    const bottom = Math.min(source.height, (region.y1 - source.originPt.y) / k);
    if (right - left < 4 || bottom - top < 4) return [];
    return readCrop(
      pool,
      source,
      { left, top, width: right - left, height: bottom - top },
      how.chars ? { ...job, chars: how.chars } : job,
      how.psm,
      how.zoom,
    );
  };
}

/**
 * Where a line's print goes on past its words on a kept page, either side: the span (points)
 * from the first to the last letter of the run, or null when no letter-sized mark that no word
 * covers lies within a word space or two of the words. `words` are the page's words: their boxes
 * mark their ink as read.
 */
export type InkBeside = (line: PageBox, words: readonly Word[]) => { x0: number; x1: number } | null;

/** The run of marks is followed this far (line heights) past a gap: a word space, not a column's. */
const INK_GAP = 1.2;
/** And looked for at most this far: the rest of a long name ("Kettle Print Shop Co."). */
const INK_REACH = 16;

export function inkBesideOn(kept: ReadonlyMap<number, KeptPage>): InkBeside {
  return (line, words) => {
    const page = kept.get(line.page);
    if (!page) return null;
    const { img } = page;
    const k = img.pointsPerPixel;
    const hPt = line.y1 - line.y0;
    const top = Math.max(0, Math.round((line.y0 - img.originPt.y) / k));
    const bottom = Math.min(img.height, Math.round((line.y1 - img.originPt.y) / k));
    const left = Math.max(0, Math.floor((line.x0 - INK_REACH * hPt - img.originPt.x) / k));
    const right = Math.min(img.width, Math.ceil((line.x1 + INK_REACH * hPt - img.originPt.x) / k));
    const w = right - left;
    const h = bottom - top;
    if (w < 8 || h < 4) return null;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      const from = (top + y) * img.width;
      data.set(img.data.subarray(from + left, from + right), y * w);
    }
    // The line's own words are in the crop, so its threshold parts their ink from the paper.
    const t = otsuThreshold(data);
    const toPt = (px: number) => img.originPt.x + (left + px) * k;
    const read = words.filter(readsItsInk(words));
    const covered = (b: Blob) => {
      const cx = toPt((b.x0 + b.x1) / 2);
      const cy = img.originPt.y + (top + (b.y0 + b.y1) / 2) * k;
      return read.some((o) => cx >= o.x0 && cx <= o.x1 && cy >= o.y0 && cy <= o.y1);
    };
    const marks = inkBlobs(data, w, h, t).blobs.filter((b) => {
      const bw = b.x1 - b.x0 + 1;
      const bh = b.y1 - b.y0 + 1;
      // letter-sized: not a speck or a dot, not a rule along the line
      return bh >= 0.4 * h && bw <= 2 * h && b.area >= 0.1 * bw * bh;
    });
    const gap = (INK_GAP * hPt) / k;
    // Marks a word covers carry the run on (the lone "k" read of "Kowalczyk") but prove nothing.
    let unread = false;
    let end = (line.x1 - img.originPt.x) / k - left;
    for (const b of [...marks].sort((a, c) => a.x0 - c.x0)) {
      if (b.x1 <= end) continue;
      if (b.x0 - end > gap) break;
      end = b.x1;
      if (!covered(b)) unread = true;
    }
    let start = (line.x0 - img.originPt.x) / k - left;
    for (const b of [...marks].sort((a, c) => c.x1 - a.x1)) {
      if (b.x0 >= start) continue;
      if (start - b.x1 > gap) break;
      start = b.x0;
      if (!covered(b)) unread = true;
    }
    return unread ? { x0: toPt(start), x1: toPt(end + 1) } : null;
  };
}
