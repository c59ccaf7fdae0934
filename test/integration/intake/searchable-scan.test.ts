// A "searchable PDF": a copier or a scanning app lays its own OCR under the scanned picture as
// invisible text (rendering mode 3). The agent sees the picture; that layer reads it only as well
// as the copier read it ("Bidg C" for "Bldg C", a caption cut in half, a digit slipped). The desk
// reads the picture itself. Built here from a committed scanned bill with pdf-lib: an invisible
// layer holding the copier's misreadings, against the bill's truth.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, TextRenderingMode, setTextRenderingMode } from 'pdf-lib';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { openPdf } from '../../../electron/desk/intake/pdf-text';
import { hasScanSizedPicture, pagePaint } from '../../../electron/desk/intake/render';

const BILLS = path.join(__dirname, '../../fixtures/bills');
const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(BILLS, f)));
const truth = JSON.parse(fs.readFileSync(path.join(BILLS, 'truth/fx-002.json'), 'utf8')) as {
  truth: { accountNumber: string; btn: string; billDate: string; numbers: string[] };
};

/** fx-002 (a one-page scan) with a text layer of 60-odd words laid over its picture. */
async function withTextLayer(visible: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.load(read('fx-002.pdf'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.getPage(0);
  if (!visible) page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
  const lines = [
    'Bluebird Fiber Customer ID TD4-628S-6884 Date of Bill October 27, 2025', // a slipped digit
    'Priya Bennett 65 Staton Blvd Springfeld MA 01103 Primary Number 413-555-0118',
    'Service installed at: 65 Station Blvd Springfield MA 01103 Amount due $84.20',
    'Your lines 413-555-0126 413-555-0132 413-555-0178 413-555-0199 Fiber 500 Mbps',
    'Questions? Call 1-800-555-0147 or visit bluebirdfiber.example.com/help today',
    'Please detach and return the stub below with your payment in the envelope',
  ];
  lines.forEach((l, i) => page.drawText(l, { x: 40, y: 700 - i * 14, size: 9, font }));
  return doc.save();
}

describe('a scanned bill with a text layer laid over its picture', () => {
  it('tells a scan-sized picture in the file’s bytes, and the invisible text on the page', async () => {
    expect(hasScanSizedPicture(read('fx-002.pdf'))).toBe(true);
    expect(hasScanSizedPicture(read('fx-001.pdf'))).toBe(false); // a text bill
    const doc = await openPdf(await withTextLayer(false));
    try {
      const paint = await pagePaint(await doc.getPage(1));
      expect(paint.coverage).toBeGreaterThan(0.9);
      expect(paint.shows).toBe(6);
      expect(paint.invisibleShows).toBe(6);
    } finally {
      await doc.destroy();
    }
  });

  it('reads the picture, not a copier’s invisible OCR of it', async () => {
    const res = await intakeBill(await withTextLayer(false), { name: 'searchable.pdf' });
    const f = res.extraction.fields;
    expect(res.pages[0]!.source).toBe('ocr');
    // the picture's digits (OCR takes this scan's "628S" for "6285" with or without the layer;
    // the layer's slipped digit is "6884")
    expect(f.accountNumber?.slice(-4)).toBe(truth.truth.accountNumber.slice(-4));
    expect(f.btn).toBe(truth.truth.btn);
    expect(f.billDate).toBe(truth.truth.billDate);
    expect(new Set(f.numbers)).toEqual(new Set(truth.truth.numbers));
    // none of the layer's words reached the extractor
    expect(res.pages[0]!.words.some((w) => w.text === 'TD4-628S-6884' || w.text === 'Staton')).toBe(false);
  }, 60_000);

  it('still takes visible text printed over a full-page picture as the page’s text', async () => {
    const res = await intakeBill(await withTextLayer(true), { name: 'overprinted.pdf' });
    expect(res.pages[0]!.source).toBe('text');
    expect(res.pages[0]!.words.some((w) => w.text === 'TD4-628S-6884')).toBe(true);
  });
});
