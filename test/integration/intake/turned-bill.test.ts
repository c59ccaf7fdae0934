// A bill scanned on its side the other way (or upside down) on every page: the page preparation
// only knows "on its side" and turns a quarter clockwise, so each page came out upside down and
// was read twice. Once the first page shows which way the bill was fed, the rest are turned so
// before their first reading.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { OcrPool, type OcrJobOptions } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';
import { BILL, textBillPdf } from './fixtures';

/** The real engine, counting the readings of whole pages (strips, bands and looks are smaller). */
class CountingPool extends OcrPool {
  readonly areas: number[] = [];
  override async recognizeTsv(image: Buffer, opts?: OcrJobOptions): Promise<string> {
    const m = /^P[56]\s+(\d+)\s+(\d+)/.exec(image.subarray(0, 40).toString('latin1'));
    if (m) this.areas.push(Number(m[1]) * Number(m[2]));
    return super.recognizeTsv(image, opts);
  }
  pageReads(): number {
    const most = Math.max(...this.areas);
    return this.areas.filter((a) => a > 0.6 * most).length;
  }
}

async function threePages(): Promise<Uint8Array> {
  const one = await PDFDocument.load(await textBillPdf());
  const doc = await PDFDocument.create();
  for (const p of await doc.copyPages(one, [0, 0, 0])) doc.addPage(p);
  return doc.save();
}

describe('a bill turned the same way on every page', () => {
  // One engine, so the pages are read in turn and each can learn from the one before.
  let pool: CountingPool;
  beforeAll(() => {
    pool = new CountingPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('reads each page after the first once, turned as the first was', { timeout: 90_000 }, async () => {
    const made = await renderRendition('scan-turn90', await threePages(), 3, new Rng(4));
    await pool.warm(1);
    pool.areas.length = 0;
    const res = await intakeBill(made.data, { pool, name: 'turned-270.pdf' });
    expect(res.extraction.pages.map((p) => p.rotate)).toEqual([270, 270, 270]);
    expect(res.extraction.fields.accountNumber).toBe(BILL.accountNumber);
    expect(res.warnings.filter((w) => /on its side and was turned/.test(w))).toHaveLength(3);
    // the first page once the quarter turn's way and once the other; the next two once each
    expect(pool.pageReads()).toBe(4);
  });
});
