// A plain scanned page is read from its own pixels (its JPEG straight from the file where it is
// one, else pdfjs's decoded picture); every other page shape is rendered.
import { describe, expect, it } from 'vitest';
import { PDFDocument, degrees } from 'pdf-lib';
import sharp from 'sharp';
import { openPdf } from '../../../electron/desk/intake/pdf-text';
import { pageScanPicture } from '../../../electron/desk/intake/render';
import { scanJpegFinder } from '../../../electron/desk/intake/scan-jpeg';
import { scannedPdf, textBillPdf } from './fixtures';

/** pdfjs's picture of page 1; the JPEG finder must agree on which pages are plain scans. */
async function picture(pdf: Uint8Array) {
  const doc = await openPdf(pdf);
  try {
    const page = await doc.getPage(1);
    const pic = await pageScanPicture(page);
    const jpeg = await scanJpegFinder(pdf)(0, page.view);
    expect(jpeg === null).toBe(pic === null);
    if (pic && jpeg) {
      expect([jpeg.width, jpeg.height]).toEqual([pic.image.width, pic.image.height]);
      expect(jpeg.dpi).toBeCloseTo(pic.dpi, 5);
    }
    return pic;
  } finally {
    await doc.destroy();
  }
}

/** A grey test card: dark left half, light right half, so the pixels can be checked. */
async function card(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#eee"/><rect width="${width / 2}" height="${height}" fill="#222"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toBuffer();
}

describe('scan pictures', () => {
  it('takes a full-page scan as scanned, with its resolution', async () => {
    const pic = await picture(await scannedPdf(await card(1700, 2200), 200));
    expect(pic).not.toBeNull();
    expect(pic!.image.width).toBe(1700);
    expect(pic!.image.height).toBe(2200);
    expect(pic!.dpi).toBeCloseTo(200, 5);
    // Upright: the dark half is on the left, as scanned.
    const px = (x: number, y: number) => pic!.image.data[(y * 1700 + x) * pic!.image.channels]!;
    expect(px(100, 100)).toBeLessThan(80);
    expect(px(1600, 2100)).toBeGreaterThan(200);
  });

  it('renders pages that are not one upright full-page picture', async () => {
    expect(await picture(await textBillPdf())).toBeNull();
    const jpeg = await card(850, 1100);
    const partial = await PDFDocument.create();
    const img1 = await partial.embedJpg(jpeg);
    partial.addPage([612, 792]).drawImage(img1, { x: 50, y: 50, width: 306, height: 396 });
    expect(await picture(await partial.save())).toBeNull();
    const turned = await PDFDocument.create();
    const img2 = await turned.embedJpg(jpeg);
    turned
      .addPage([792, 612])
      .drawImage(img2, { x: 792, y: 0, width: 612, height: 792, rotate: degrees(90) });
    expect(await picture(await turned.save())).toBeNull();
    const rotatedPage = await PDFDocument.create();
    const img3 = await rotatedPage.embedJpg(jpeg);
    const p = rotatedPage.addPage([612, 792]);
    p.drawImage(img3, { x: 0, y: 0, width: 612, height: 792 });
    p.setRotation(degrees(90));
    expect(await picture(await rotatedPage.save())).toBeNull();
    const twoPictures = await PDFDocument.create();
    const img4 = await twoPictures.embedJpg(jpeg);
    const q = twoPictures.addPage([612, 792]);
    q.drawImage(img4, { x: 0, y: 0, width: 612, height: 792 });
    q.drawImage(img4, { x: 0, y: 0, width: 100, height: 100 });
    expect(await picture(await twoPictures.save())).toBeNull();
  });

  it('finds no JPEG where the picture is not one (a PNG page) and reads a JPEG page as sharp decodes it', async () => {
    const png = await sharp(await card(850, 1100))
      .png()
      .toBuffer();
    const doc = await PDFDocument.create();
    const img = await doc.embedPng(png);
    doc.addPage([306, 396]).drawImage(img, { x: 0, y: 0, width: 306, height: 396 });
    const pdf = await doc.save();
    expect(await scanJpegFinder(pdf)(0, [0, 0, 306, 396])).toBeNull();
    // Not a PDF pdf-lib can parse, or no such page: nothing found, nothing thrown.
    expect(await scanJpegFinder(new Uint8Array([1, 2, 3]))(0, [0, 0, 612, 792])).toBeNull();
    const scan = await scannedPdf(await card(1700, 2200), 200);
    expect(await scanJpegFinder(scan)(5, [0, 0, 612, 792])).toBeNull();
    const found = await scanJpegFinder(scan)(0, [0, 0, 612, 792]);
    const { data, info } = await sharp(found!.jpeg).grayscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1700, 2200]);
    expect(data[100 * 1700 + 100]!).toBeLessThan(80);
    expect(data[2100 * 1700 + 1600]!).toBeGreaterThan(200);
  });
});
