// Image preparation for OCR with sharp: orientation, grey, contrast, scale.
// Everything stays as raw pixels; the OCR engine gets an uncompressed PNM.
import { blankBands, cropGrey, invertDarkBands, type BandCells, type Rect } from './bands';
import { eraseLeaders } from './leaders';
import { otsuOfHistogram, otsuThreshold } from './threshold';
import { lightenShading } from './shading';
import { letterRows } from './strips';
import type { RawImage } from './render';

import type sharpFn from 'sharp';

type Sharp = typeof sharpFn;
let sharpPromise: Promise<Sharp> | null = null;
export function loadSharp(): Promise<Sharp> {
  sharpPromise ??= import('sharp').then(
    (m) => (m as unknown as { default?: Sharp }).default ?? (m as unknown as Sharp),
  );
  return sharpPromise;
}

/** Pixel budget for any decoded image; sharp refuses larger inputs before decoding them. */
export const MAX_INPUT_PIXELS = 60_000_000;

/**
 * The resolution photos are prepared at for OCR. Measured on the sample photos: 250 dpi reads
 * 9-10 pt type as well as 300 (x-height ~17 px) while costing ~30% less to prepare and read.
 */
export const OCR_DPI = 250;

/**
 * The least resolution a scanned or rendered PDF page is read at (finer scans keep their own).
 * A 200 dpi scan used to be enlarged to 250: at 200, small serif type was misread ("Fort Wayne"
 * -> "Fart Wasnt"). Since lines OCR is unsure of are read again at twice the size (reread.ts),
 * the page itself reads as well at 200 (public, fixtures and held-out sets unchanged) and a
 * one-page scan costs ~25% less: no enlarging, and a third fewer pixels to lay out.
 */
export const SCAN_DPI = 200;

export interface PreparedImage extends RawImage {
  channels: 1;
  /** Multiply prepared-image pixels by this to get points (1/72 in). */
  pointsPerPixel: number;
  /** Where the prepared image's top-left corner lies on the page, in points (after a crop). */
  originPt: { x: number; y: number };
  /** The page as read (after any quarter turn we applied), in points. */
  pageWidthPt: number;
  pageHeightPt: number;
  /** Clockwise degrees we turned the page to make its text upright. */
  turned: number;
  /** A sheet was found on a background (a photo, not a scan); it is not cut out. */
  cropped: boolean;
  /**
   * Light-on-dark bands, turned dark-on-light and cut out to be read on their own (in the
   * page they are blanked): tesseract's page layout merges their lines with the page's.
   */
  bands?: { cells: BandCells; crops: Array<{ rect: Rect; data: Buffer }> };
  /** Letter-sized marks by row (scans only): what cutting the page into strips balances. */
  letterRows?: Uint16Array;
}

export interface PrepareOptions {
  /** Resize factor to apply (e.g. 300/200 for a 200 dpi scan). */
  scale: number;
  /** Points per *source* pixel (72/dpi). */
  pointsPerSourcePixel: number;
  /** Apply EXIF orientation (photos); rendered PDF pages have none. */
  autoOrient?: boolean;
  /** Extra clockwise rotation in degrees (0/90/180/270), after EXIF. */
  rotate?: number;
  /** For multi-page inputs (TIFF): which page. */
  page?: number;
  /** Crop a photographed sheet out of its background first. */
  findPaper?: boolean;
  /** Detect a page lying on its side and turn it upright. */
  detectSideways?: boolean;
}

/** Oriented, single-band 8-bit pixels of the input (the first, cheap stage). */
export async function orientedGrey(
  input: Buffer | RawImage,
  opts: Pick<PrepareOptions, 'autoOrient' | 'rotate' | 'page'>,
): Promise<RawImage> {
  const sharp = await loadSharp();
  let img = Buffer.isBuffer(input)
    ? sharp(input, {
        limitInputPixels: MAX_INPUT_PIXELS,
        failOn: 'truncated',
        ...(opts.page !== undefined ? { page: opts.page } : {}),
      })
    : sharp(input.data, {
        raw: { width: input.width, height: input.height, channels: input.channels },
        limitInputPixels: MAX_INPUT_PIXELS,
      });
  if (opts.autoOrient && Buffer.isBuffer(input)) img = img.autoOrient();
  if (opts.rotate) img = img.rotate(opts.rotate);
  // extractChannel: sharp may keep an alpha or 3 identical bands after grayscale(); tesseract
  // wants exactly one 8-bit band.
  const { data, info } = await img.grayscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 };
}

/** Grey, cropped to the sheet, contrast-stretched, rescaled raw pixels ready for OCR. */
export async function prepareForOcr(input: Buffer | RawImage, opts: PrepareOptions): Promise<PreparedImage> {
  const sharp = await loadSharp();
  let grey = await orientedGrey(input, opts);
  // Find the sheet first: its lines of print, not the table's edges around it, tell whether it
  // lies on its side (a photo's dark margins made an upright sheet look sideways).
  let paper: Rect | null = null;
  if (opts.findPaper) {
    const tw = Math.min(256, grey.width);
    const th = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
      .resize({ width: tw })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const b = findPaper(th.data, th.info.width, th.info.height);
    if (b) {
      const k = grey.width / th.info.width;
      // A little inside the sheet, clear of its edges and the shadow along them.
      const inset = 0.05;
      paper = {
        left: Math.round((b.left + b.width * inset) * k),
        top: Math.round((b.top + b.height * inset) * k),
        width: Math.max(1, Math.round(b.width * (1 - 2 * inset) * k)),
        height: Math.max(1, Math.round(b.height * (1 - 2 * inset) * k)),
      };
      paper.width = Math.min(paper.width, grey.width - paper.left);
      paper.height = Math.min(paper.height, grey.height - paper.top);
    }
  }
  const onTable = paper !== null;
  let turned = 0;
  // Without a sheet found, the margins are left out all the same: a phone app's crop leaves
  // slivers of the table along a page's edges, dark bands that read as lines running up it.
  if (opts.detectSideways && isSideways(cropRaw(grey, paper ?? insetRect(grey, 0.05)))) {
    // Which way it lies is settled later by OCR confidence (a 180° retry), so one direction will do.
    const r = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
      .rotate(90)
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    grey = { data: r.data, width: r.info.width, height: r.info.height, channels: 1 };
    turned = 90;
  }
  const raw = { raw: { width: grey.width, height: grey.height, channels: 1 as const } };
  // The sheet is found but not cropped: measured on the photo samples, tesseract's layout
  // analysis reads a sheet better with its background than with dark wedges left at a crop's
  // corners. What the sheet tells us is that this is a photo: stretch its contrast (grey print
  // on off-white) for the local binarisation the OCR step then uses.
  // At the reading size already (a scan read at its own dpi), the grey pixels, which are ours,
  // are prepared in place: a copy through sharp cost ~8 ms a page.
  const { data, info } =
    Math.abs(opts.scale - 1) > 0.02
      ? await sharp(grey.data, raw)
          .resize({ width: Math.round(grey.width * opts.scale), kernel: 'lanczos3' })
          .extractChannel(0)
          .raw()
          .toBuffer({ resolveWithObject: true })
      : { data: grey.data, info: { width: grey.width, height: grey.height } };
  // No contrast stretch for scans: tesseract binarises them with Otsu, which a linear stretch
  // does not change, and a percentile stretch turns the paper noise of a nearly empty page into ink.
  if (onTable) stretchContrast(data);
  // Light print on dark header bars would read as noise; make it dark-on-light like the rest.
  // The whole picture is searched: a sheet's dark header lies outside the paper box we find.
  const cells = invertDarkBands(data, info.width, info.height);
  let bands: PreparedImage['bands'];
  if (cells) {
    bands = { cells, crops: cells.rects.map((rect) => ({ rect, data: cropGrey(data, info.width, rect) })) };
    blankBands(data, info.width, cells);
  }
  let letters: Uint16Array | undefined;
  // Dotted leaders and dashed rules carry nothing to read and cost OCR time and accuracy. Only
  // on scans and rendered pages: in a photo, grey print under uneven light breaks into dot-sized
  // pieces that line up like a leader, and erasing them eats letters (measured on the samples).
  if (!onTable) {
    // Grey-shaded heading cells would binarise to black bars hiding their print (a photo's
    // uneven light would pass for shading, so scans and rendered pages only).
    lightenShading(data, info.width, info.height);
    const dpi = (72 * opts.scale) / opts.pointsPerSourcePixel;
    letters = letterRows(eraseLeaders(data, info.width, info.height, { dpi }).blobs, info.height, dpi);
  }
  return {
    data,
    width: info.width,
    height: info.height,
    channels: 1,
    pointsPerPixel: opts.pointsPerSourcePixel / opts.scale,
    // The sheet is found, not cut out: the prepared image is the whole picture, so its pixels
    // map onto the page from its top-left corner.
    originPt: { x: 0, y: 0 },
    pageWidthPt: grey.width * opts.pointsPerSourcePixel,
    pageHeightPt: grey.height * opts.pointsPerSourcePixel,
    turned,
    cropped: onTable,
    ...(bands ? { bands } : {}),
    ...(letters ? { letterRows: letters } : {}),
  };
}

function insetRect(img: RawImage, f: number): Rect {
  const dx = Math.round(img.width * f);
  const dy = Math.round(img.height * f);
  return {
    left: dx,
    top: dy,
    width: Math.max(1, img.width - 2 * dx),
    height: Math.max(1, img.height - 2 * dy),
  };
}

function cropRaw(img: RawImage, r: Rect): RawImage {
  return { data: cropGrey(img.data, img.width, r), width: r.width, height: r.height, channels: 1 };
}

/**
 * Stretches grey levels so the 1st and 99th percentiles span 0-255, as sharp's normalise()
 * does, in place: inside a sharp pipeline normalise() runs the whole pipeline twice (once for
 * its statistics), which cost ~280 ms per photo.
 */
export function stretchContrast(data: Uint8Array): void {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i += 3) hist[data[i]!]!++;
  const n = Math.ceil(data.length / 3);
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255; lo++) if ((acc += hist[lo]!) > n * 0.01) break;
  for (let acc = 0; hi > 0; hi--) if ((acc += hist[hi]!) > n * 0.01) break;
  if (hi - lo < 8) return;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  for (let i = 0; i < data.length; i++) data[i] = lut[data[i]!]!;
}

/** The same prepared image turned half a turn: a reversed single-band buffer. */
export function turnHalf(img: PreparedImage): PreparedImage {
  const data = Buffer.from(img.data);
  data.reverse();
  const w = img.width * img.pointsPerPixel;
  const h = img.height * img.pointsPerPixel;
  const { bands: _bands, letterRows: letters, ...rest } = img;
  void _bands;
  return {
    ...rest,
    data,
    ...(letters ? { letterRows: letters.slice().reverse() } : {}),
    // The crop box moves to the opposite corner of the page.
    originPt: { x: img.pageWidthPt - img.originPt.x - w, y: img.pageHeightPt - img.originPt.y - h },
    turned: (img.turned + 180) % 360,
  };
}

/**
 * True when text lines run up and down. Lines of print make the ink profile along the page
 * alternate sharply (line, gap, line); across the lines it is smooth. We compare the energy of
 * that alternation along rows and along columns on a small binarised copy. Each profile is taken
 * over sixteen bands of the page and their energies summed: on a tilted photo a row profile taken
 * across the whole width smears each line over its neighbours, while a table's column gaps stay
 * sharp, and an upright page of call detail would pass for one on its side.
 */
export function isSideways(grey: RawImage): boolean {
  // ~250 pixels across: lines of print (a few pixels apart) stay resolved while the strokes of
  // letters and digits, which also alternate along a line, blur into it
  const { data: px, width, height } = shrinkGrey(grey, Math.ceil(grey.width / 250));
  const t = otsuThreshold(px);
  const K = 16;
  // rows[k * height + y]: dark pixels of row y within vertical band k (and cols likewise)
  const rows = new Float64Array(K * height);
  const cols = new Float64Array(K * width);
  for (let y = 0; y < height; y++) {
    const ky = Math.min(K - 1, Math.floor((y * K) / height));
    for (let x = 0, i = y * width; x < width; x++, i++) {
      // 1 when the pixel is darker than the threshold, without a branch.
      const dark = (px[i]! - t) >>> 31;
      rows[Math.min(K - 1, Math.floor((x * K) / width)) * height + y]! += dark;
      cols[ky * width + x]! += dark;
    }
  }
  const energy = (a: Float64Array, n: number): number => {
    let e = 0;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      for (let i = k * n + 1; i < (k + 1) * n; i++) {
        e += (a[i]! - a[i - 1]!) ** 2;
        sum += a[i]!;
      }
    }
    return sum ? e / sum : 0;
  };
  // measured: upright pages (tables of numbers in tilted photos included) stay under 1.7,
  // pages on their side are 4 and up
  return energy(cols, width) > 2.5 * energy(rows, height);
}

/**
 * Grey pixels averaged over `f`×`f` blocks (a partial block at the right or bottom edge is
 * dropped). In place of a sharp resize for the small copies the checks look at: one pass over
 * the pixels, without the round trip through libvips (~20 ms a page).
 */
export function shrinkGrey(grey: RawImage, f: number): { data: Uint8Array; width: number; height: number } {
  if (f <= 1) return { data: grey.data, width: grey.width, height: grey.height };
  const width = Math.floor(grey.width / f);
  const height = Math.floor(grey.height / f);
  const sums = new Uint32Array(width);
  const out = new Uint8Array(width * height);
  const area = f * f;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < f; dy++) {
      const row = (y * f + dy) * grey.width;
      for (let x = 0, i = row; x < width; x++) {
        let s = 0;
        for (let e = i + f; i < e; i++) s += grey.data[i]!;
        sums[x]! += s;
      }
    }
    for (let x = 0; x < width; x++) out[y * width + x] = Math.round(sums[x]! / area);
  }
  return { data: out, width, height };
}

/**
 * Finds the sheet of paper in a photo taken on a table: the box of rows and columns that are
 * mostly brighter than an Otsu threshold. Cropping to it matters: tesseract binarises with one
 * global threshold, and a dark table makes grey print on beige paper vanish.
 * Returns null when the picture is all paper (a scan) or no clear sheet is found.
 */
export function findPaper(
  grey: Uint8Array,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } | null {
  const hist = new Array<number>(256).fill(0);
  for (const v of grey) hist[v]!++;
  const t = otsuOfHistogram(hist, grey.length);
  const rowFrac = new Float64Array(height);
  const colFrac = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (grey[y * width + x]! > t) {
        rowFrac[y]!++;
        colFrac[x]!++;
      }
    }
  }
  const span = (a: Float64Array, n: number): [number, number] => {
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi && a[lo]! / n < 0.4) lo++;
    while (hi > lo && a[hi]! / n < 0.4) hi--;
    return [lo, hi];
  };
  const [y0, y1] = span(rowFrac, width);
  const [x0, x1] = span(colFrac, height);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const frac = (w * h) / (width * height);
  if (frac > 0.9 || frac < 0.25) return null;
  return { left: x0, top: y0, width: w, height: h };
}
