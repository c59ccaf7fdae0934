// A print vendor's PDF sets its job slug (run date, a batch id like a phone number) in the bleed,
// outside the crop box: no viewer shows it. The glyphs read for a glyph-id page are the ones on
// the visible page only, as pdfjs' text content gives; the slug's codes, which OCR of the page
// can never vote on, would stay undecided and send every later page to OCR.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageGlyphs } from '../../../electron/desk/intake/glyph-runs';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';

async function slugged(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText('Account 4471 2093', { x: 60, y: 700, size: 10, font });
  page.setMediaBox(-24, -24, 660, 840);
  page.setCropBox(0, 0, 612, 792);
  page.drawText('DXM_STMT.C07A 06/15/2025 15:40:07 BATCH 3125550147', { x: 18, y: -14, size: 6, font });
  page.drawText('SEQ 027582', { x: 616, y: 400, size: 6, font });
  return doc.save();
}

describe('glyphs outside the crop box', () => {
  it('are not read, on the glyph path as on the text path', async () => {
    const doc = await openPdf(await slugged());
    const page = await doc.getPage(1);
    const glyphs = (await pageGlyphs(page))!;
    expect(glyphs).toHaveLength('Account 4471 2093'.length);
    expect(glyphs.every((g) => g.baseline > 0 && g.baseline < 792 && g.x0 >= 0 && g.x1 <= 612)).toBe(true);
    const words = await pageTextWords(page, 1);
    expect(words.words.map((w) => w.text)).toEqual(['Account', '4471', '2093']);
    await doc.destroy();
  });
});
