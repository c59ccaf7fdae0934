// A bill whose type a print driver turned to outlines: vector paths, no text layer and no scan.
// The fixture is make-bills' seed 11622 bill 25 (Ridgeway) passed through Ghostscript's
// `pdfwrite -dNoOutputFonts`. Drawn at the 200 dpi scans are read at, its 7-8 pt type lost
// letters (`Bldg C` read `Bldg 8 C`); a page with no resolution of its own is drawn at 250.
// With a stamp of real text laid over it (an accounts-payable "PAID" line), its text layer was
// the stamp's eleven words, and the bill date came from the stamp: the drawing is read now.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { openPdf } from '../../../electron/desk/intake/pdf-text';
import { preparePdfPage } from '../../../electron/desk/intake/pipeline';
import { stampLines } from '../../../scripts/make-bills/stamp';

const FILE = path.join(__dirname, '../../fixtures/producers/outlined-ridgeway.pdf');

describe('a bill whose type is outlines', () => {
  it('is drawn at 250 dpi for OCR, and its glyph-id pages at the 200 their decoding was measured at', async () => {
    const doc = await openPdf(new Uint8Array(fs.readFileSync(FILE)));
    try {
      const page = await doc.getPage(1);
      const width = page.getViewport({ scale: 1 }).width;
      const drawn = await preparePdfPage(page, width, 'page 1');
      expect(drawn.pointsPerPixel).toBeCloseTo(72 / 250, 3);
      const asGlyphs = await preparePdfPage(page, width, 'page 1', { glyphs: true });
      expect(asGlyphs.pointsPerPixel).toBeCloseTo(72 / 200, 3);
    } finally {
      await doc.destroy();
    }
  }, 30_000);

  it('reads to the bill’s truth under a stamp of real text, and keeps the stamp’s words', async () => {
    const stamped = await stampLines(
      new Uint8Array(fs.readFileSync(FILE)),
      () => 'PAID 05/02/2026 check 4471 - AP dept page 1 of 1',
    );
    const res = await intakeBill(stamped, { name: 'outlined.pdf' });
    expect(res.pages.map((p) => p.source)).toEqual(['ocr']);
    expect(res.pages[0]!.words.map((w) => w.text)).toEqual(
      expect.arrayContaining(['PAID', '05/02/2026', '4471']),
    );
    const f = res.extraction.fields;
    expect(f.accountName).toBe('Yarrow Dental Group Inc.');
    expect(f.accountNumber).toBe('210280002');
    expect(f.btn).toBe('5095550196');
    expect(f.billDate).toBe('2025-10-05');
    expect(f.serviceAddress).toMatchObject({
      line1: '25210 SW Aspen Ave',
      line2: 'Bldg C',
      city: 'Spokane',
      zip: '99201-1134',
    });
    expect(f.numbers).toEqual(['5095550196']);
  }, 60_000);
});
