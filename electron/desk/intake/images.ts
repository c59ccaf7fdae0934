// Image preparation for OCR with sharp: orientation, grey, contrast, scale.
// Everything stays as raw pixels; the OCR engine gets an uncompressed PNM.
import { blankBands, cropGrey, invertDarkBands, turnBandsHalf, type BandCells, type Rect } from './bands';
import { eraseBarcodes } from './barcodes';
import { eraseCombs } from './combs';
import { eraseLeaders } from './leaders';
import { erasePenCircles } from './pen-circles';
import { otsuOfHistogram, otsuThreshold } from './threshold';
import { lightenShading } from './shading';
import {
  applyHomography,
  evenLight,
  findPhone,
  findSheet,
  fitLight,
  quadSize,
  rectHomography,
  warpGrey,
  type Point,
  type Quad,
} from './rectify';
import { letterRows } from './strips';
import type { RawImage } from './render';
import { looksTwoUp, TWO_UP_MAX_DPI, TWO_UP_ZOOM } from './two-up-sheet';

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
 * The resolution a photo that could not be flattened is prepared at for OCR. Measured on the
 * sample photos: 250 dpi reads 9-10 pt type as well as 300 (x-height ~17 px) while costing ~30%
 * less to prepare and read.
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
  /**
   * A sheet was found on a background (a photo, not a scan) but could not be flattened: it is
   * read as it lies, on its table.
   */
  cropped: boolean;
  /**
   * A picture whose page lies inside a large near-black frame (a phone's bezel around its screen,
   * photographed): read with a local threshold, since one global threshold set between the frame
   * and the page drops the page's grey print (see FRAME_SHARE).
   */
  framed?: boolean;
  /**
   * A photographed sheet, flattened (rectify.ts): the prepared image is the sheet alone, upright,
   * and its points are the sheet's. `toPhoto` takes a point on the sheet to the same point on
   * the photo, whose size is `photoWidthPt`×`photoHeightPt` (what the viewer shows).
   */
  sheet?: {
    toPhoto: (x: number, y: number) => Point;
    /** What `toPhoto` is made of: plain numbers, so a prepared image can cross threads. */
    map: SheetMap;
    photoWidthPt: number;
    photoHeightPt: number;
  };
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
  /**
   * With detectSideways: whether the page lies on its side, when a reading has shown it (its
   * words came out standing on end): the guess from the ink is skipped.
   */
  sideways?: boolean;
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

/**
 * A picture at least this much taller than wide is a phone's screen (19.5:9 and 20:9 screens are
 * 2.17 and 2.22), not a sheet of paper (letter 1.29, legal 1.65, a 16:9 photo 1.78). Taken for a
 * letter-wide page, a 1179 px screenshot was enlarged 1.8x before OCR: its 14 pt type at 3x
 * became ~75 px letters, too big to read well ("Lake Trail" read "Lake Trall"). Read as it is,
 * type that big reads right, and faster.
 */
const SCREEN_ASPECT = 1.9;

/** A phone's screen, not a sheet of paper: at least SCREEN_ASPECT times taller than wide. */
export function screenShaped(width: number, height: number): boolean {
  return height >= SCREEN_ASPECT * width;
}

/**
 * Share of near-black pixels (below FRAME_DARK) above which a picture is framed. A photographed
 * phone's bezel is 8-20% of the picture; the print of a photographed page is hardly ever that
 * dark (a public sample photo: 0.0%). Tesseract's global (Otsu) threshold then fell between the bezel and the screen, above
 * the screen's grey labels ("Account owner", "Service address"): all of them were lost, and with
 * them the account name and the service address.
 */
const FRAME_SHARE = 0.06;
const FRAME_DARK = 40;

/**
 * A picture framed in near-black: more than FRAME_SHARE of it near-black. Not a screenshot (a
 * screen-shaped picture): a dark-mode screen is near-black all over and reads as it is.
 */
function darkFramed(g: RawImage): boolean {
  if (screenShaped(g.width, g.height)) return false;
  let dark = 0;
  // every 4th pixel of every 4th row is plenty to measure a share
  for (let y = 0; y < g.height; y += 4)
    for (let i = y * g.width, e = i + g.width; i < e; i += 4) dark += (g.data[i]! - FRAME_DARK) >>> 31;
  return dark > FRAME_SHARE * Math.ceil(g.height / 4) * Math.ceil(g.width / 4);
}

/** Grey, cropped to the sheet, contrast-stretched, rescaled raw pixels ready for OCR. */
export async function prepareForOcr(input: Buffer | RawImage, opts: PrepareOptions): Promise<PreparedImage> {
  const sharp = await loadSharp();
  let grey = await orientedGrey(input, opts);
  if (opts.findPaper) {
    const flat = await flattenSheet(grey, opts);
    // Flat and evenly lit, the sheet is prepared and read as a scan is.
    if (flat) return finishPrepared(flat.image, flat.geometry, { photo: false, dpi: flat.dpi });
    const phone = await flattenPhone(grey, opts);
    if (phone) return finishPrepared(phone.image, phone.geometry, { photo: false, dpi: phone.dpi });
  }
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
  const framed = opts.findPaper && !onTable && darkFramed(grey);
  let turned = 0;
  // Without a sheet found, the margins are left out all the same: a phone app's crop leaves
  // slivers of the table along a page's edges, dark bands that read as lines running up it.
  // A phone photographed in its bezel: the bezel's long dark sides would read as lines running
  // up the picture (an upright screen photo was turned on its side), so only the screen counts.
  const looked = paper ?? (framed ? insideFrame(grey) : insetRect(grey, 0.05));
  if (opts.detectSideways && (opts.sideways ?? isSideways(cropRaw(grey, looked)))) {
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
  // Two pages shrunk side by side on a scanned sheet: read enlarged (two-up-sheet.ts).
  let scale = opts.scale;
  if (!onTable && !turned && looksTwoUp(grey)) {
    const dpi = (72 * scale) / opts.pointsPerSourcePixel;
    scale *= Math.max(1, Math.min(TWO_UP_ZOOM, TWO_UP_MAX_DPI / dpi));
  }
  // The sheet is found but not cropped: measured on the photo samples, tesseract's layout
  // analysis reads a sheet better with its background than with dark wedges left at a crop's
  // corners. What the sheet tells us is that this is a photo: stretch its contrast (grey print
  // on off-white) for the local binarisation the OCR step then uses.
  // At the reading size already (a scan read at its own dpi), the grey pixels, which are ours,
  // are prepared in place: a copy through sharp cost ~8 ms a page.
  const { data, info } =
    Math.abs(scale - 1) > 0.02
      ? await sharp(grey.data, raw)
          .resize({ width: Math.round(grey.width * scale), kernel: 'lanczos3' })
          .extractChannel(0)
          .raw()
          .toBuffer({ resolveWithObject: true })
      : { data: grey.data, info: { width: grey.width, height: grey.height } };
  return finishPrepared(
    { data, width: info.width, height: info.height },
    {
      pointsPerPixel: opts.pointsPerSourcePixel / scale,
      // The sheet is found, not cut out: the prepared image is the whole picture, so its pixels
      // map onto the page from its top-left corner.
      originPt: { x: 0, y: 0 },
      pageWidthPt: grey.width * opts.pointsPerSourcePixel,
      pageHeightPt: grey.height * opts.pointsPerSourcePixel,
      turned,
      cropped: onTable,
      ...(framed ? { framed } : {}),
    },
    { photo: onTable, dpi: (72 * scale) / opts.pointsPerSourcePixel },
  );
}

type Geometry = Omit<PreparedImage, 'data' | 'width' | 'height' | 'channels' | 'bands' | 'letterRows'>;

/** The pixel work every page gets once it is at its reading size: bands, shading, leaders. */
function finishPrepared(
  img: { data: Buffer; width: number; height: number },
  geometry: Geometry,
  /** `photo`: a photo as it lies on its table (light uneven, print grey on off-white). */
  how: { photo: boolean; dpi: number },
): PreparedImage {
  const { data, width, height } = img;
  // No contrast stretch for scans: tesseract binarises them with Otsu, which a linear stretch
  // does not change, and a percentile stretch turns the paper noise of a nearly empty page into ink.
  if (how.photo) stretchContrast(data);
  // Light print on dark header bars would read as noise; make it dark-on-light like the rest.
  // The whole picture is searched: a sheet's dark header lies outside the paper box we find.
  const cells = invertDarkBands(data, width, height);
  let bands: PreparedImage['bands'];
  if (cells) {
    bands = { cells, crops: cells.rects.map((rect) => ({ rect, data: cropGrey(data, width, rect) })) };
    blankBands(data, width, cells);
  }
  let letters: Uint16Array | undefined;
  // Dotted leaders and dashed rules carry nothing to read and cost OCR time and accuracy. Only
  // on scans, rendered pages and flattened photos (evenly lit): in a photo as it lies, grey
  // print under uneven light breaks into dot-sized pieces that line up like a leader, and
  // erasing them eats letters (measured on the samples).
  if (!how.photo) {
    // Grey-shaded heading cells would binarise to black bars hiding their print (uneven light
    // would pass for shading, so not on a photo as it lies).
    lightenShading(data, width, height);
    const marks = eraseLeaders(data, width, height, { dpi: how.dpi });
    // A form's comb boxes round each digit of an account number read as letters, not digits.
    eraseCombs(data, width, marks.ink, marks.threshold, how.dpi);
    // A mailed bill's postal barcode by the address reads as junk and spoils what OCR learns.
    eraseBarcodes(data, width, marks.ink, marks.threshold, how.dpi);
    // A customer's pen loop round a number joins the rows it crosses into one mark.
    erasePenCircles(data, width, height, marks.ink, marks.threshold, how.dpi);
    letters = letterRows(marks.blobs, height, how.dpi);
  }
  return {
    data,
    width,
    height,
    channels: 1,
    ...geometry,
    ...(bands ? { bands } : {}),
    ...(letters ? { letterRows: letters } : {}),
  };
}

/**
 * The resolution a flattened photo is read at (its sheet's own size is known once its corners
 * are). A photo's sheet is taken at 150-220 dpi and is soft: at a scan's 200, held-out photos
 * (seed 9191, 50) scored 94.0% of fields and misread digits in account numbers; at 225, 95.2%
 * with every number right, and the public photos all fields (one address lost its "Fl 4" at 200).
 */
export const SHEET_DPI = 225;

/** Letter, A4 and legal sheets are 8.5 or 8.27 in wide: their height over width is 1.29-1.65. */
const PAGE_WIDTH_IN = 8.5;

/**
 * The photographed sheet, flattened, evenly lit and at SHEET_DPI, or null when no sheet on a
 * background is found (the caller then reads the photo as it lies). A sheet lying on its side
 * is turned first, so the photo the viewer shows turns with it.
 */
async function flattenSheet(
  grey: RawImage,
  opts: PrepareOptions,
): Promise<{
  image: { data: Buffer; width: number; height: number };
  geometry: Geometry;
  dpi: number;
} | null> {
  const f = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / 512));
  let small = shrinkGrey(grey, f);
  const found = findSheet(small);
  if (!found) return null;
  let quad = fromSmall(found, f);
  let turned = 0;
  let plan = sheetPlan(quad, opts.pointsPerSourcePixel);
  // The flat sheet small, from the photo's small copy: enough to tell whether it lies on its
  // side, for a fraction of the full sheet's pixels.
  let view = smallSheet(small, f, plan);
  if (opts.detectSideways && (opts.sideways ?? isSideways(paperPart(view)))) {
    const sharp = await loadSharp();
    const r = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
      .rotate(90)
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // A quarter turn clockwise takes (x, y) to (h - 1 - y, x); the bottom-left corner leads.
    const h = grey.height;
    const turn = (p: Point): Point => ({ x: h - 1 - p.y, y: p.x });
    quad = [turn(quad[3]), turn(quad[0]), turn(quad[1]), turn(quad[2])];
    grey = { data: r.data, width: r.info.width, height: r.info.height, channels: 1 };
    small = quarterTurn(small);
    turned = 90;
    plan = sheetPlan(quad, opts.pointsPerSourcePixel);
    view = smallSheet(small, f, plan);
  }
  const data = warpGrey(grey, plan.out, plan.width, plan.height);
  // Measured on the full sheet: a fit to the small copy's averaged blocks lost a field on a
  // public photo (its paper levels run lower, so the print comes out lighter).
  const light = fitLight(data, plan.width, plan.height, Math.round(SHEET_DPI / 6));
  if (light) evenLight(data, plan.width, plan.height, light);
  const k = 72 / SHEET_DPI;
  const ptsPerPhotoPx = opts.pointsPerSourcePixel;
  const { hm, inset } = plan;
  const map: SheetMap = { hm, sheetPtsPerPx: k, photoPtsPerPx: ptsPerPhotoPx };
  return {
    image: { data, width: plan.width, height: plan.height },
    dpi: SHEET_DPI,
    geometry: {
      pointsPerPixel: k,
      originPt: { x: inset * k, y: inset * k },
      pageWidthPt: plan.sheetWidth * k,
      pageHeightPt: plan.sheetHeight * k,
      turned,
      cropped: false,
      sheet: {
        map,
        toPhoto: sheetToPhoto(map),
        photoWidthPt: grey.width * ptsPerPhotoPx,
        photoHeightPt: grey.height * ptsPerPhotoPx,
      },
    },
  };
}

/**
 * A phone photographed upright in its bezel, flattened: its outline (findPhone) remapped onto an
 * upright rectangle at the reading scale, the bezel kept as the frame it is (read as `framed`).
 * Null when there is no such phone, and when its screen lies on its side, or a reading has shown
 * the picture's print on end: such a picture is prepared as it lies, and turned there.
 */
async function flattenPhone(
  grey: RawImage,
  opts: PrepareOptions,
): Promise<{
  image: { data: Buffer; width: number; height: number };
  geometry: Geometry;
  dpi: number;
} | null> {
  if (opts.sideways || !darkFramed(grey)) return null;
  const f = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / 512));
  const found = findPhone(shrinkGrey(grey, f));
  if (!found) return null;
  const quad = fromSmall(found, f);
  const size = quadSize(quad);
  const width = Math.round(size.w * opts.scale);
  const height = Math.round(size.h * opts.scale);
  const hm = rectHomography(width, height, quad);
  const data = warpGrey(grey, hm, width, height);
  const flat: RawImage = { data, width, height, channels: 1 };
  if (opts.detectSideways && isSideways(cropRaw(flat, insideFrame(flat)))) return null;
  const k = opts.pointsPerSourcePixel / opts.scale;
  const map: SheetMap = { hm, sheetPtsPerPx: k, photoPtsPerPx: opts.pointsPerSourcePixel };
  return {
    image: { data, width, height },
    dpi: 72 / k,
    geometry: {
      pointsPerPixel: k,
      originPt: { x: 0, y: 0 },
      pageWidthPt: width * k,
      pageHeightPt: height * k,
      turned: 0,
      cropped: false,
      framed: true,
      sheet: {
        map,
        toPhoto: sheetToPhoto(map),
        photoWidthPt: grey.width * opts.pointsPerSourcePixel,
        photoHeightPt: grey.height * opts.pointsPerSourcePixel,
      },
    },
  };
}

/** How a flattened sheet lies on its photo: its homography, and both images' points per pixel. */
export interface SheetMap {
  hm: number[];
  sheetPtsPerPx: number;
  photoPtsPerPx: number;
}

/** Takes a point on the flat sheet (points) to the same point on the photo (points). */
export function sheetToPhoto(map: SheetMap): (x: number, y: number) => Point {
  const { hm, sheetPtsPerPx: k, photoPtsPerPx: m } = map;
  return (x, y) => {
    const p = applyHomography(hm, x / k, y / k);
    return { x: p.x * m, y: p.y * m };
  };
}

/** A quad found on the small copy (shrunk `f` times), in the full picture: each small pixel's centre. */
function fromSmall(q: Quad, f: number): Quad {
  return q.map((p) => ({ x: p.x * f + (f - 1) / 2, y: p.y * f + (f - 1) / 2 })) as Quad;
}

/**
 * The flat sheet's size at SHEET_DPI, less a thin margin at its edges, and its homographies to
 * the photo: `hm` from the whole sheet's pixels, `out` from the output's (the sheet less its margin).
 */
function sheetPlan(quad: Quad, pointsPerSourcePixel: number) {
  const { w, h } = quadSize(quad);
  const aspect = h / w;
  // The sheet's own resolution in the photo: its width over a page's, when it is page-shaped.
  const photoDpi = aspect > 1.2 && aspect < 1.7 ? w / PAGE_WIDTH_IN : 72 / pointsPerSourcePixel;
  const scale = SHEET_DPI / photoDpi;
  const sheetWidth = Math.round(w * scale);
  const sheetHeight = Math.round(h * scale);
  // The paper's very edge (and the shadow along it) would read as a rule or a column of "|".
  const inset = Math.round(SHEET_DPI * 0.04);
  const hm = rectHomography(sheetWidth, sheetHeight, quad);
  return {
    hm,
    // The output's pixel (u, v) is the sheet's (u + inset, v + inset).
    out: multiply(hm, [1, 0, inset, 0, 1, inset, 0, 0, 1]),
    scale,
    inset,
    sheetWidth,
    sheetHeight,
    width: sheetWidth - 2 * inset,
    height: sheetHeight - 2 * inset,
  };
}

/** The output of `plan` at the small copy's own resolution, warped from the small copy itself. */
function smallSheet(
  small: { data: Uint8Array; width: number; height: number },
  f: number,
  plan: ReturnType<typeof sheetPlan>,
): RawImage {
  // Output pixels per small sheet pixel; and from a photo pixel to the small copy's index.
  const g = f * plan.scale;
  const toSmall = [1 / f, 0, -(f - 1) / (2 * f), 0, 1 / f, -(f - 1) / (2 * f), 0, 0, 1];
  const hm = multiply(toSmall, multiply(plan.out, [g, 0, 0, 0, g, 0, 0, 0, 1]));
  const width = Math.max(1, Math.round(plan.width / g));
  const height = Math.max(1, Math.round(plan.height / g));
  return { data: warpGrey(small, hm, width, height), width, height, channels: 1 };
}

/**
 * The sheet less the rows and columns along its edges that are mostly dark: a sidebar or a
 * header band printed to the sheet's edge. Its one long straight edge would otherwise outweigh
 * the lines of print in telling which way they run (a Northwind photo was turned on its side).
 */
function paperPart(img: RawImage): RawImage {
  const { data, width: w, height: h } = img;
  const t = otsuThreshold(data);
  const darkCols = new Uint32Array(w);
  const darkRows = new Uint32Array(h);
  for (let y = 0, i = 0; y < h; y++)
    for (let x = 0; x < w; x++, i++)
      if (data[i]! < t) {
        darkCols[x]!++;
        darkRows[y]!++;
      }
  let x0 = 0;
  let x1 = w;
  let y0 = 0;
  let y1 = h;
  while (x0 < x1 - 1 && darkCols[x0]! > h / 2) x0++;
  while (x1 - 1 > x0 && darkCols[x1 - 1]! > h / 2) x1--;
  while (y0 < y1 - 1 && darkRows[y0]! > w / 2) y0++;
  while (y1 - 1 > y0 && darkRows[y1 - 1]! > w / 2) y1--;
  // Most of the sheet is paper; if the trim would leave little, the dark part was not an edge band.
  if ((x1 - x0) * (y1 - y0) < 0.4 * w * h) return img;
  return cropRaw(img, { left: x0, top: y0, width: x1 - x0, height: y1 - y0 });
}

/** 3×3 matrices, row-major: a·b. */
function multiply(a: number[], b: number[]): number[] {
  const m: number[] = [];
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++)
      m.push(a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!);
  return m;
}

/** A grey image turned a quarter clockwise: (x, y) goes to (h - 1 - y, x). */
function quarterTurn(img: { data: Uint8Array; width: number; height: number }) {
  const { data, width: w, height: h } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = data[y * w + x]!;
  return { data: out, width: h, height: w };
}

/** Near-black pixels in this share of a row or column put it inside a dark frame's box. */
const FRAME_ROW = 0.02;
/** The frame's box less this share on each side: clear of a bezel tilted a few degrees. */
const FRAME_INSET = 0.12;

/** Inside a dark frame (a phone's bezel): its box, less its sides. */
function insideFrame(g: RawImage): Rect {
  const rows = new Uint32Array(g.height);
  const cols = new Uint32Array(g.width);
  for (let y = 0, i = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++, i++)
      if (g.data[i]! < FRAME_DARK) {
        rows[y]!++;
        cols[x]!++;
      }
  const span = (a: Uint32Array, n: number): [number, number] => {
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi && a[lo]! < n * FRAME_ROW) lo++;
    while (hi > lo && a[hi]! < n * FRAME_ROW) hi--;
    return [lo, hi];
  };
  const [y0, y1] = span(rows, g.width);
  const [x0, x1] = span(cols, g.height);
  const dx = Math.round((x1 - x0) * FRAME_INSET);
  const dy = Math.round((y1 - y0) * FRAME_INSET);
  if (x1 - x0 - 2 * dx < 16 || y1 - y0 - 2 * dy < 16) return insetRect(g, 0.05);
  return { left: x0 + dx, top: y0 + dy, width: x1 - x0 - 2 * dx, height: y1 - y0 - 2 * dy };
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

/** The same prepared image turned half a turn: a reversed single-band buffer, its bands turned with it. */
export function turnHalf(img: PreparedImage): PreparedImage {
  const data = Buffer.from(img.data);
  data.reverse();
  const w = img.width * img.pointsPerPixel;
  const h = img.height * img.pointsPerPixel;
  const { bands, letterRows: letters, ...rest } = img;
  return {
    ...rest,
    data,
    ...(bands ? { bands: turnBandsHalf(bands, img.width, img.height) } : {}),
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
  // measured: upright pages (tables of numbers in tilted photos included) stay under 1.7,
  // pages on their side are 4 and up
  return sidewaysRatio(grey) > 2.5;
}

/** The energy of the ink profile's alternation along rows over that along columns (isSideways). */
export function sidewaysRatio(grey: RawImage): number {
  // ~250 pixels across: lines of print (a few pixels apart) stay resolved while the strokes of
  // letters and digits, which also alternate along a line, blur into it
  const { data: px, width, height } = shrinkGrey(grey, Math.ceil(grey.width / 250));
  const ink = printOnly(px, width, height, otsuThreshold(px));
  const K = 16;
  // rows[k * height + y]: dark pixels of row y within vertical band k (and cols likewise)
  const rows = new Float64Array(K * height);
  const cols = new Float64Array(K * width);
  for (let y = 0; y < height; y++) {
    const ky = Math.min(K - 1, Math.floor((y * K) / height));
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const dark = ink[i]!;
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
  const across = energy(rows, height);
  return across ? energy(cols, width) / across : 0;
}

/**
 * 1 for the dark pixels of print, 0 for paper and for solid dark areas (any dark pixel inside a
 * SOLID×SOLID all-dark square). At ~250 pixels across, a line of print is 2-4 pixels thick,
 * while a phone's bezel, a filled header band or a black bar is thicker: its two long straight
 * edges would outweigh the lines of print in telling which way they run (a photo of a phone
 * with its bezel on both sides was turned on its side).
 */
function printOnly(px: Uint8Array, w: number, h: number, t: number): Uint8Array {
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < dark.length; i++) dark[i] = (px[i]! - t) >>> 31;
  // An opening (erosion, then dilation, by a square): what survives is the solid areas.
  const solid = squareFilter(squareFilter(dark, w, h, 0), w, h, 1);
  for (let i = 0; i < dark.length; i++) dark[i] = dark[i]! & (solid[i]! ^ 1);
  return dark;
}

const SOLID = 5;

/**
 * A binary image eroded (keep = 0: a pixel stays 1 only if its whole square is 1) or dilated
 * (keep = 1: it becomes 1 if any pixel of its square is), by a SOLID×SOLID square, done as a
 * pass along rows and one along columns. Pixels beyond the edges count as `keep ^ 1`: a band
 * printed to the page's edge erodes as solid.
 */
function squareFilter(src: Uint8Array, w: number, h: number, keep: 0 | 1): Uint8Array {
  const r = SOLID >> 1;
  const pass = (a: Uint8Array, n: number, count: number, step: number, stride: number) => {
    const out = new Uint8Array(a.length);
    for (let line = 0; line < count; line++) {
      const base = line * stride;
      for (let i = 0; i < n; i++) {
        let v = keep ^ 1;
        for (let j = Math.max(0, i - r), e = Math.min(n - 1, i + r); j <= e; j++) {
          if (a[base + j * step] === keep) {
            v = keep;
            break;
          }
        }
        out[base + i * step] = v;
      }
    }
    return out;
  };
  return pass(pass(src, w, h, 1, w), h, w, w, 1);
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
