// Real business bills from scripts/make-bills (test/fixtures/business, text PDFs with their
// truth), read through the whole intake: the text layer as committed, and scans and phone photos
// rendered here from the same PDFs with the generator's own seeded renditions, through real OCR.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';
import { renderRng } from '../../../scripts/make-bills/streams';
import {
  alnum,
  BUSINESS_DIR as DIR,
  fileOf,
  pdfOf,
  requestOf,
  truthOf,
  type BusinessTruth,
} from '../../support/business-fixtures';
import type { Address, BillFields } from '../../../shared/domain';
import { evalChecks } from '../../../shared/check/eval';

type Truth = BusinessTruth;
const street = (a: Address | null) => alnum([a?.line1, a?.line2].filter(Boolean).join(' '));

/** The five porting fields as the scorer compares them (names and streets loosely). */
function expectFields(f: BillFields, t: Truth['truth'], id: string): void {
  expect(alnum(f.accountNumber), `${id} account`).toBe(alnum(t.accountNumber));
  expect(f.btn, `${id} btn`).toBe(t.btn);
  expect(f.billDate, `${id} date`).toBe(t.billDate);
  expect(alnum(f.accountName), `${id} name`).toBe(alnum(t.accountName));
  expect(f.serviceAddress?.zip.slice(0, 5), `${id} zip`).toBe(t.serviceAddress.zip.slice(0, 5));
  expect(alnum(f.serviceAddress?.city), `${id} city`).toBe(alnum(t.serviceAddress.city));
  // the street compared without unit/suffix spelling differences the scorer also forgives
  expect(street(f.serviceAddress).slice(0, 6), `${id} street`).toBe(street(t.serviceAddress).slice(0, 6));
}

function precisionRecall(got: string[], want: string[]): { p: number; r: number } {
  const g = new Set(got);
  const w = new Set(want);
  const tp = [...g].filter((n) => w.has(n)).length;
  return { p: g.size ? tp / g.size : 0, r: w.size ? tp / w.size : 0 };
}

const allIds = fs
  .readdirSync(path.join(DIR, 'truth'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

describe('business bills through the text layer', () => {
  const ids = allIds.filter((id) => truthOf(id).rendition === 'text-pdf');

  it('has the committed set: every business template, big bills of ranges, a faxed bill', () => {
    const recs = allIds.map(truthOf);
    expect(new Set(recs.map((r) => r.template))).toEqual(
      new Set([
        'ironwood-business',
        'fieldstone-telephone',
        'bayfront-wireless',
        'crestline-portal',
        'tamarack-business',
        'driftwood-voice',
        'kestrel-mobile',
        'osprey-cable',
        'fleuve-telecom',
        'harrow-business',
        'ridgeway-telephone-coop',
        'trellis-cloud-voice',
        'borealis-telecom',
        'cobaltline-reseller',
        'yunque-comunicaciones',
        'halyard-cloud',
        'sandpiper-telecom',
        'alderbrook-telephone',
        'skylark-wireless',
        'petrel-business',
        'gannet-telephone',
        'wren-ebill',
        'heron-business',
        'sorrel-voice-data',
      ]),
    );
    expect(recs.some((r) => r.truth.numbers.length >= 200 && r.pages >= 8)).toBe(true);
    expect(recs.some((r) => r.notes.faxHeaderFrom)).toBe(true);
  });

  it('reads every field and every number of each bill exactly, and checks its request right', async () => {
    for (const id of ids) {
      const t = truthOf(id);
      const res = await intakeBill(pdfOf(id), { name: `${id}.pdf` });
      expect(res.renditionHint).toBe('text-pdf');
      const f = res.extraction.fields;
      expectFields(f, t.truth, id);
      expect(new Set(f.numbers), `${id} numbers`).toEqual(new Set(t.truth.numbers));
      expect(evalChecks(f, requestOf(id)), `${id} checks`).toEqual(t.expected.verdicts);
    }
  });

  it("names a reseller's brand, never the network its small print names", async () => {
    const ids = ['bw-001', 'bw-002', 'bw-003'];
    for (const id of ids) {
      const res = await intakeBill(pdfOf(id), { name: `${id}.pdf` });
      expect(res.extraction.fields.carrier, id).toBe('Cobaltline');
    }
    // the bills do name a known carrier, in small print and (bw-002) under the logo
    const text = (await intakeBill(pdfOf('bw-002'), { name: 'bw-002.pdf' })).pages
      .flatMap((pg) => pg.words.map((w) => w.text))
      .join(' ');
    expect(text).toMatch(/powered by Frontier Communications/);
  });
});

describe('business bills through OCR', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });

  /** The fixture rendered as the generator renders that rendition, from a fixed seed. */
  async function render(id: string, kind: 'scan-pdf' | 'photo-pages', seed: number): Promise<Uint8Array> {
    const t = truthOf(id);
    return (await renderRendition(kind, pdfOf(id), t.pages, new Rng(seed))).data;
  }

  it('reads a five-page scan of 113 numbers in DID ranges', { timeout: 240_000 }, async () => {
    const id = 'bz-012';
    const t = truthOf(id);
    expect(t.truth.numbers.length).toBeGreaterThan(100);
    const res = await intakeBill(await render(id, 'scan-pdf', 4), { pool, name: `${id}.pdf` });
    expect(res.renditionHint).toBe('scan-pdf');
    expectFields(res.extraction.fields, t.truth, id);
    const { p, r } = precisionRecall(res.extraction.fields.numbers, t.truth.numbers);
    expect(p, 'precision').toBeGreaterThanOrEqual(0.99);
    expect(r, 'recall').toBeGreaterThanOrEqual(0.99);
  });

  it(
    'reads a faxed wireless bill: the BAN, every line, never the fax machine or a device id',
    {
      timeout: 180_000,
    },
    async () => {
      const id = 'bz-003';
      const t = truthOf(id);
      const from = t.notes.faxHeaderFrom!;
      expect(from).toMatch(/^\d{10}$/);
      const res = await intakeBill(await render(id, 'scan-pdf', 7), { pool, name: `${id}.pdf` });
      const f = res.extraction.fields;
      // the header line was read: its number is on the page, just not one of the account's
      const text = res.pages.flatMap((pg) => pg.words.map((w) => w.text)).join(' ');
      expect(text.replace(/\D/g, '')).toContain(from.slice(3));
      expect(f.numbers).not.toContain(from);
      expectFields(f, t.truth, id);
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    },
  );

  it('reads a grid of numbers photographed page by page', { timeout: 180_000 }, async () => {
    const id = 'bz-002';
    const t = truthOf(id);
    const res = await intakeBill(await render(id, 'photo-pages', 11), { pool, name: `${id}.pdf` });
    const f = res.extraction.fields;
    expectFields(f, t.truth, id);
    const { p, r } = precisionRecall(f.numbers, t.truth.numbers);
    expect(p, 'precision').toBeGreaterThanOrEqual(0.97);
    expect(r, 'recall').toBeGreaterThanOrEqual(0.97);
  });

  it(
    "reads a reprint's reverse-type header band scanned at a slant: the bill date, never the reprint date",
    { timeout: 180_000 },
    async () => {
      // ba-002 as make-bills renders it as bill 2 of --seed 10401 (300 dpi, turned 1.42°): read
      // sparse, its band gave "BATE 1128/2024" and the reprint date was taken for the bill date
      const id = 'ba-002';
      const t = truthOf(id);
      const made = await renderRendition('scan-pdf', pdfOf(id), t.pages, renderRng(10401, 1, true));
      expect(made.render).toMatchObject({ dpi: 300, rot: -1.42 });
      const res = await intakeBill(made.data, { pool, name: `${id}.pdf` });
      const f = res.extraction.fields;
      expectFields(f, t.truth, id);
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
      const band = res.pages[0]!.words.filter((w) => w.y1 < 112).map((w) => w.text);
      expect(band).toEqual(expect.arrayContaining(['INVOICE', 'DATE', '11/28/2024', '7605-463475-006']));
    },
  );
});

describe("a wireless carrier's app screenshots (PNG, light and dark mode) through OCR", () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });
  const ids = allIds.filter((id) => truthOf(id).rendition === 'screenshot');

  it('has three screens at phone resolution, in light and dark mode', async () => {
    expect(ids).toHaveLength(3);
    const modes: string[] = [];
    for (const id of ids) {
      expect(truthOf(id).file).toMatch(/\.png$/);
      const { width, height } = await sharp(Buffer.from(fileOf(id))).metadata();
      expect(width * 2).toBeLessThan(height);
      expect(width).toBeGreaterThanOrEqual(1080);
      // the screen's background, top left: near-black in dark mode
      const { data } = await sharp(Buffer.from(fileOf(id)))
        .extract({ left: 4, top: 4, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      modes.push(data[0]! < 40 ? 'dark' : 'light');
    }
    expect(new Set(modes)).toEqual(new Set(['dark', 'light']));
  });

  it(
    'reads the holder, account, main line, address and lines; no bill date, and the PIN is no number',
    { timeout: 240_000 },
    async () => {
      for (const id of ids) {
        const t = truthOf(id);
        const res = await intakeBill(fileOf(id), { pool, name: t.file });
        const f = res.extraction.fields;
        expect(t.truth.billDate).toBeNull();
        expectFields(f, t.truth, id);
        expect(new Set(f.numbers), `${id} numbers`).toEqual(new Set(t.truth.numbers));
        // the screen's transfer PIN is printed: never the account number, never a line
        const pin = requestOf(id).pin!;
        expect(pin).toMatch(/^\d{6,8}$/);
        const text = res.pages.flatMap((pg) => pg.words.map((w) => w.text));
        expect(text, id).toContain(pin);
        expect(alnum(f.accountNumber)).not.toBe(pin);
        // no date to age: the check says so, and is no alarm
        expect(evalChecks(f, requestOf(id)), `${id} checks`).toEqual(t.expected.verdicts);
        expect(t.expected.verdicts.billAge).toBe('missing');
      }
    },
  );
});
