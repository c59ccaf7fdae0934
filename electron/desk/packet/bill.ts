// The bill copy: PDF pages are copied as they are (the carrier must see the original), images are
// placed on a page of their true printed size (from their DPI), shrunk to Letter only when huge.
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { DeskError } from '../../../shared/errors';
import { LETTER } from './layout';
import type { BillFile } from './model';

/** Phone photos rarely carry a meaningful DPI; 200 makes a 1700 px wide photo a Letter page. */
const DEFAULT_DPI = 200;

const isPdf = (b: Uint8Array): boolean => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

export async function appendBill(out: PDFDocument, file: BillFile): Promise<number> {
  const b = file.bytes;
  try {
    if (isPdf(b)) {
      const src = await PDFDocument.load(b, { ignoreEncryption: true, updateMetadata: false });
      const pages = await out.copyPages(src, src.getPageIndices());
      pages.forEach((p) => out.addPage(p));
      return pages.length;
    }
    // A multi-page TIFF becomes one page per frame.
    const meta = await sharp(b, { pages: -1 }).metadata();
    const frames = meta.pages ?? 1;
    for (let i = 0; i < frames; i++) {
      let bytes: Uint8Array = b;
      let kind: 'png' | 'jpg' = isPng(b) ? 'png' : 'jpg';
      // Phone photos are often stored sideways with an EXIF orientation that PDF viewers ignore.
      const rotated = (meta.orientation ?? 1) !== 1;
      if (frames > 1 || rotated || !(isPng(b) || isJpeg(b))) {
        // Rotate by EXIF so a phone photo is upright, then JPEG: pdf-lib embeds only JPEG and PNG.
        bytes = await sharp(b, { page: i })
          .rotate()
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 85 })
          .toBuffer();
        kind = 'jpg';
      }
      const img = kind === 'png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
      const dpi = meta.density && meta.density >= 72 && meta.density <= 1200 ? meta.density : DEFAULT_DPI;
      // img.width/height are after rotation (sharp applied it), so the page follows the upright image.
      let w = (img.width / dpi) * 72;
      let h = (img.height / dpi) * 72;
      // Fit to Letter in the image's own orientation, never enlarge.
      const [lw, lh] = w > h ? [LETTER[1], LETTER[0]] : LETTER;
      const s = Math.min(1, lw / w, lh / h);
      w *= s;
      h *= s;
      const page = out.addPage([w, h]);
      page.drawImage(img, { x: 0, y: 0, width: w, height: h });
    }
    return frames;
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `The bill "${file.name}" could not be copied into the packet (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}

export async function buildBillCopy(files: BillFile[], now: Date): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setTitle('Bill copy');
  out.setProducer('Porting Desk');
  out.setCreationDate(now);
  out.setModificationDate(now);
  for (const f of files) await appendBill(out, f);
  return out.save({ useObjectStreams: true });
}
