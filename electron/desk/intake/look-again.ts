// Another look at one region of a page already read: the pictures of a bill's first pages are
// kept (only when the desk has learned carriers) so that the places a learned profile reads its
// fields from can be read again, enlarged, on their own (see shared/extract/learn/second-look.ts).
import type { Word } from '../../../shared/domain';
import type { LookHow, PageBox } from '../../../shared/extract/learn';
import type { PreparedImage } from './images';
import type { OcrJobOptions, OcrPool } from './ocr-pool';
import { readCrop } from './reread';

/** Learned places lie on a bill's first pages: later pages' pictures are not kept. */
export const KEPT_PAGES = 3;

export interface KeptPage {
  img: PreparedImage;
  job: OcrJobOptions;
  /** the light-on-dark bands were read from their own crops (the page was not turned over) */
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
