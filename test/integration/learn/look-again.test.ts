// The second look's reading of a region again, on real scans and photos through the OCR pool:
// the pictures are kept only when asked, a region is read from the page (or, in a light-on-dark
// band, from the band's own crop), and an unrecognised bill is read as with nothing learned.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { learnCarrier, type CarrierProfile } from '../../../shared/extract/learn';
import { normalizeAccount } from '../../../shared/normalize/account';
import { splitUnitLine } from '../../../shared/normalize/unit-line';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { readBillWords } from '../../../electron/desk/intake/pipeline';
import { BILLS, fixtureBills, textByTemplate } from './fixtures';

const bill = (id: string) => fixtureBills().find((b) => b.id === id)!;

/** The region around the first word whose text, squashed, starts the value. */
function around(pages: PageWords[], starts: string) {
  for (const p of pages)
    for (const w of p.words)
      if (normalizeAccount(w.text).startsWith(starts))
        return {
          field: 'accountNumber' as const,
          page: p.page,
          x0: w.x0 - 12,
          y0: w.y0 - 6,
          x1: w.x1 + 40,
          y1: w.y1 + 6,
        };
  throw new Error(`${starts} not read`);
}

const text = (ws: Word[]) => normalizeAccount(ws.map((w) => w.text).join(''));

describe('reading a region of a page again', () => {
  it('keeps no pictures unless asked, and none of a text layer', async () => {
    expect((await readBillWords(bill('fx-016').file)).look).toBeUndefined();
    const textBill = fixtureBills().find((b) => b.rendition === 'text-pdf')!;
    expect((await readBillWords(textBill.file, { keepPictures: true })).look).toBeUndefined();
  }, 60_000);

  it("reads a scan's account number again, enlarged, where the page read it", async () => {
    const b = bill('fx-016');
    const w = await readBillWords(b.file, { keepPictures: true });
    const region = around(w.pages, 'CV');
    for (const how of [
      { psm: '6', zoom: 2 },
      { psm: '6', zoom: 3 },
    ]) {
      const again = await w.look!(region, how);
      // (the region's margin may catch a stroke of the print beside it: settling the looks
      // deals with that; here the number itself must be read)
      expect(text(again), JSON.stringify(how)).toContain(normalizeAccount(b.truth.accountNumber).slice(2));
      // in page points, inside the region's margin
      for (const x of again) expect(x.x0).toBeGreaterThan(region.x0 - 40);
    }
    // a page that was not kept reads nothing
    expect(await w.look!({ ...region, page: 9 }, { psm: '6', zoom: 2 })).toEqual([]);
  }, 60_000);

  it("reads a photo's white-on-dark sidebar from its band's own crop", async () => {
    const b = bill('fx-014');
    const w = await readBillWords(path.join(BILLS, 'fx-014.jpg'), { keepPictures: true });
    const name = w.pages[0]!.words.find((x) => x.text === 'Tanaka')!;
    const again = await w.look!(
      { page: 1, x0: name.x0 - 60, y0: name.y0 - 5, x1: name.x1 + 20, y1: name.y1 + 5 },
      { psm: '6', zoom: 2 },
    );
    expect(again.map((x) => x.text).join(' ')).toContain(b.truth.accountName);
  }, 60_000);
});

describe("another carrier's scan with learned carriers", () => {
  it('reads as with nothing learned: no profile, no second look', async () => {
    let all: CarrierProfile[] = [];
    for (const [template, bills] of textByTemplate()) {
      if (template === 'cascade-voice') continue;
      const r = await intakeBill(bills[0]!.file);
      all = learnCarrier(r.readPages, bills[0]!.truth, all, {
        at: 'x',
        by: 't',
        bill: bills[0]!.id,
      }).profiles;
    }
    const b = bill('fx-016');
    const x = await intakeBill(b.file, { profiles: all });
    expect(x.extraction.learned).toBeNull();
    expect(Object.values(x.extraction.sources ?? {}).every((s) => s === 'read')).toBe(true);
    // the fields are the generic reader's on the very words read, byte for byte
    const g = extractBill(x.readPages);
    const a = g.fields.serviceAddress;
    expect(JSON.stringify(x.extraction.fields)).toBe(
      JSON.stringify({ ...g.fields, serviceAddress: a && splitUnitLine(a) }),
    );
    expect(JSON.stringify(x.extraction.meta)).toBe(JSON.stringify(g.meta));
  }, 180_000);
});
