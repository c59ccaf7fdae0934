// A scan with a few words of real text drawn over it (a fax service's "Received … From …" line,
// an annotator's stamp) is still a scan: its text layer is not the bill, and OCR must read it.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { openPdf } from '../../../electron/desk/intake/pdf-text';
import { pagePaint } from '../../../electron/desk/intake/render';
import { textBillPdf } from './fixtures';

const BILLS = path.join(__dirname, '../../fixtures/bills');
const STAMP = 'Received 05/06/2025 10:14 AM From: 312-555-0100 To: Porting Desk Page 1 of 1';

/** A committed scanned bill with the fax service's line written over its top as real text. */
async function stamped(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(fs.readFileSync(path.join(BILLS, 'fx-002.pdf')));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const p of doc.getPages()) p.drawText(STAMP, { x: 20, y: p.getSize().height - 12, size: 7, font });
  return doc.save();
}

async function coverage(pdf: Uint8Array): Promise<number> {
  const doc = await openPdf(pdf);
  try {
    return (await pagePaint(await doc.getPage(1))).coverage;
  } finally {
    await doc.destroy();
  }
}

describe('a scan with a stamp of real text', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });

  it('measures how much of a page its largest picture covers', async () => {
    expect(await coverage(await textBillPdf())).toBe(0);
    expect(await coverage(await stamped())).toBeGreaterThan(0.95);
  });

  it('reads the scan under the stamp, and keeps the stamp as exact text', { timeout: 120_000 }, async () => {
    const truth = JSON.parse(fs.readFileSync(path.join(BILLS, 'truth/fx-002.json'), 'utf8')).truth;
    const res = await intakeBill(await stamped(), { pool, name: 'stamped.pdf' });
    const f = res.extraction.fields;
    expect(f.btn).toBe(truth.btn);
    expect(f.billDate).toBe(truth.billDate);
    expect([...f.numbers].sort()).toEqual([...truth.numbers].sort());
    expect(f.serviceAddress).toMatchObject({
      line1: truth.serviceAddress.line1,
      zip: truth.serviceAddress.zip,
    });
    // the fax service's sending number is nobody's line
    expect(f.numbers).not.toContain('3125550100');
    const words = res.pages[0]!.words.map((w) => w.text);
    expect(words).toContain('Received');
  });
});
