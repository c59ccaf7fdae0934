// Image preparation for OCR with sharp: orientation, grey, contrast, scale.
// Everything stays as raw pixels; the OCR engine gets an uncompressed PNM.
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

/** The resolution tesseract reads best at for bill-sized type (x-height ~20-30 px at 9-10 pt). */
export const OCR_DPI = 300;

export interface PreparedImage extends RawImage {
  channels: 1;
  /** Multiply prepared-image pixels by this to get points (1/72 in). */
  pointsPerPixel: number;
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
}

/** Grey, contrast-stretched, rescaled raw pixels ready for OCR. */
export async function prepareForOcr(input: Buffer | RawImage, opts: PrepareOptions): Promise<PreparedImage> {
  const sharp = await loadSharp();
  let img;
  let w: number;
  if (Buffer.isBuffer(input)) {
    const o = {
      limitInputPixels: MAX_INPUT_PIXELS,
      failOn: 'truncated' as const,
      ...(opts.page !== undefined ? { page: opts.page } : {}),
    };
    const meta = await sharp(input, o).metadata();
    w = meta.width ?? 0;
    if (opts.autoOrient && (meta.orientation ?? 1) >= 5) w = meta.height ?? w;
    img = sharp(input, o);
    if (opts.autoOrient) img = img.autoOrient();
  } else {
    w = input.width;
    img = sharp(input.data, {
      raw: { width: input.width, height: input.height, channels: input.channels },
      limitInputPixels: MAX_INPUT_PIXELS,
    });
  }
  if (opts.rotate) img = img.rotate(opts.rotate);
  img = img.grayscale();
  if (Math.abs(opts.scale - 1) > 0.02 && w > 0) {
    // Width after rotation: a quarter turn swaps the sides.
    const turned = opts.rotate === 90 || opts.rotate === 270;
    const base = turned ? await sideAfterTurn(input, opts) : w;
    img = img.resize({ width: Math.round(base * opts.scale), kernel: 'cubic' });
  }
  // extractChannel: sharp may keep an alpha or 3 identical bands after grayscale(); tesseract
  // wants exactly one 8-bit band.
  img = img.normalise().extractChannel(0);
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected 1 band after grayscale, got ${info.channels}`);
  return {
    data,
    width: info.width,
    height: info.height,
    channels: 1,
    pointsPerPixel: opts.pointsPerSourcePixel / opts.scale,
  };
}

async function sideAfterTurn(input: Buffer | RawImage, opts: PrepareOptions): Promise<number> {
  if (!Buffer.isBuffer(input)) return input.height;
  const sharp = await loadSharp();
  const meta = await sharp(input, {
    limitInputPixels: MAX_INPUT_PIXELS,
    ...(opts.page !== undefined ? { page: opts.page } : {}),
  }).metadata();
  const swapExif = opts.autoOrient && (meta.orientation ?? 1) >= 5;
  return (swapExif ? meta.width : meta.height) ?? 0;
}
