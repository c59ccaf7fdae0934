// One page of an image bill the way the OCR read it, for the viewer. Browsers show neither TIFF
// (faxed bills) nor HEIC (iPhone photos), and the field boxes lie on the page after its EXIF
// orientation and any turn the OCR made, so the viewer gets this JPEG rather than the original.
import { DeskError } from '../../../shared/errors';
import { decodeHeic } from './heic';
import { MAX_INPUT_PIXELS, loadSharp } from './images';
import { sniffKind } from './sniff';

/** Wide enough for a sharp page at any zoom the viewer offers, small enough to send quickly. */
export const PREVIEW_MAX_WIDTH = 1700;
const PREVIEW_QUALITY = 80;

export interface PageImage {
  mime: 'image/jpeg';
  base64: string;
  width: number;
  height: number;
}

export interface PageImageOptions {
  /** 1-based. */
  page: number;
  /** Clockwise degrees the OCR turned the page (ExtractionPage.rotate). */
  rotate: 0 | 90 | 180 | 270;
  /** For messages: "bill.tif (document 7)". */
  name: string;
}

export async function renderPageImage(bytes: Buffer, opts: PageImageOptions): Promise<PageImage> {
  const { name, page } = opts;
  let kind;
  try {
    kind = sniffKind(bytes, name);
  } catch (err) {
    if (err instanceof DeskError) throw new DeskError('BAD_ARGUMENT', err.message);
    throw err;
  }
  if (kind === 'pdf') {
    throw new DeskError(
      'BAD_ARGUMENT',
      `${name} is a PDF: the viewer draws its pages itself; page images are only made for image bills`,
    );
  }
  const sharp = await loadSharp();
  try {
    let img;
    if (kind === 'heic') {
      if (page !== 1) throw pageMissing(name, page, 1);
      const raw = await decodeHeic(bytes, name);
      img = sharp(raw.data, {
        raw: { width: raw.width, height: raw.height, channels: raw.channels as 4 },
        limitInputPixels: MAX_INPUT_PIXELS,
      });
    } else {
      const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      const pages = kind === 'tiff' ? (meta.pages ?? 1) : 1;
      if (page > pages) throw pageMissing(name, page, pages);
      // EXIF orientation first, then the OCR's turn: the same order the pipeline read it in.
      img = sharp(bytes, {
        limitInputPixels: MAX_INPUT_PIXELS,
        ...(kind === 'tiff' ? { page: page - 1 } : {}),
      }).autoOrient();
    }
    if (opts.rotate) img = img.rotate(opts.rotate);
    const { data, info } = await img
      .resize({ width: PREVIEW_MAX_WIDTH, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: PREVIEW_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { mime: 'image/jpeg', base64: data.toString('base64'), width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof DeskError) throw err;
    const msg = (err as Error)?.message ?? String(err);
    if (/pixel limit/i.test(msg))
      throw new DeskError('LIMIT_EXCEEDED', `${name} is too large to show (${msg.split('\n')[0]})`);
    throw new DeskError('BAD_INPUT_FILE', `${name} cannot be shown: ${msg.split('\n')[0]}`);
  }
}

function pageMissing(name: string, page: number, pages: number): DeskError {
  return new DeskError(
    'NOT_FOUND',
    `${name} has ${pages} page${pages === 1 ? '' : 's'}; there is no page ${page}`,
  );
}
