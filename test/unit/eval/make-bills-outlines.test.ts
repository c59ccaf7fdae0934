// make-bills' `outline-pdf` producer: every glyph a filled path. The page must look like the same
// strings drawn as text (so the bill is the text-pdf's bill) and hold no text layer at all.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { openPdf, pdfTextWords } from '../../../electron/desk/intake/pdf-text';
import { renderPdfPage } from '../../../electron/desk/intake/render';
import { outlineProducer } from '../../../scripts/make-bills/outlines';
import { Rng } from '../../../scripts/make-bills/rng';

// DejaVu is what CI installs; the generator draws with the Liberation fonts, the same way
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const LINES: Array<[string, number, number, number]> = [
  ['Account Number: 8370 1862 59', 40, 150, 9],
  ['Service address: 1204 Orchard Court, Apt 4B', 40, 130, 8],
  ['Bill Date: April 11, 2024  (315) 555-0186', 40, 110, 7],
];

async function drawn(draw: (page: PDFPage, font: PDFFont) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(FONT), { subset: true });
  draw(doc.addPage([300, 180]), font);
  return doc.save();
}

/** The page's pixels at 144 dpi, as grey levels. */
async function grey(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await openPdf(bytes);
  try {
    const { image } = await renderPdfPage(await doc.getPage(1), 144);
    const out = new Uint8Array(image.width * image.height);
    for (let i = 0; i < out.length; i++) out[i] = image.data[i * 4]!;
    return out;
  } finally {
    await doc.destroy();
  }
}

describe.skipIf(!fs.existsSync(FONT))('make-bills outline-pdf', () => {
  it.each([false, true])(
    'draws the strings’ glyphs where text would stand, with no text layer (flat %s)',
    async (flat) => {
      const text = await drawn((page, font) => {
        for (const [s, x, y, size] of LINES) page.drawText(s, { x, y, size, font, color: rgb(0, 0, 0) });
      });
      const producer = outlineProducer(new Rng(1), { flat });
      const outlined = await drawn((page, font) => {
        for (const [s, x, y, size] of LINES)
          producer.text({ page, s, x, y, size, font, color: rgb(0, 0, 0) });
      });
      expect((await pdfTextWords(text))[0]!.words.length).toBeGreaterThan(10);
      expect((await pdfTextWords(outlined))[0]!.words).toEqual([]);
      const [a, b] = [await grey(text), await grey(outlined)];
      const inkA = a.filter((v) => v < 128).length;
      const inkB = b.filter((v) => v < 128).length;
      expect(inkA).toBeGreaterThan(1500);
      expect(Math.abs(inkB - inkA) / inkA).toBeLessThan(0.05);
      // the same pixels, not only as many: a glyph off by its own width would differ in most
      let differ = 0;
      for (let i = 0; i < a.length; i++) if (a[i]! < 128 !== b[i]! < 128) differ++;
      expect(differ / inkA).toBeLessThan(0.1);
    },
  );
});
