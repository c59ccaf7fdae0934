// Scans of held-out generated bills that once read wrong (test/fixtures/regressions/README.md),
// rendered from their text PDFs with the generator's own seeded stream and read through real OCR.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import { addrEqual, nameEqual } from '../../../scripts/eval/normalize.mjs';
import type { Address } from '../../../shared/domain';

const DIR = path.join(__dirname, '../../fixtures/regressions');

interface Truth {
  pages: number;
  truth: { serviceAddress: Address; numbers: string[]; accountName: string };
}

describe('held-out scans that once read wrong', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = new OcrPool({ size: 2 });
  });
  afterAll(async () => {
    await pool.close();
  });

  /** The fixture scanned as the held-out run scanned it, read through the whole intake. */
  async function read(name: string, seed: number, i: number) {
    const t = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Truth;
    const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.pdf`)));
    const scan = await renderRendition('scan-pdf', pdf, t.pages, renderRng(seed, i, false));
    const res = await intakeBill(scan.data, { pool, name: `${name}.pdf` });
    return { f: res.extraction.fields, t };
  }

  it(
    'reads a service address whose unit and city line the page reading turned to noise',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('lakeshore-scan-9931-g008', 9931, 7);
      expect(addrEqual(f.serviceAddress, t.truth.serviceAddress), JSON.stringify(f.serviceAddress)).toBe(
        true,
      );
    },
  );

  it(
    'finds the premises box whose heading the scan lost, though its rows split at one height',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('cascade-scan-9945-m5029', 9945, 28);
      expect(addrEqual(f.serviceAddress, t.truth.serviceAddress), JSON.stringify(f.serviceAddress)).toBe(
        true,
      );
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    },
  );

  it(
    'never takes a care-of line whose slash OCR read as an l ("clo Iverson & Associates") as the name',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('cobaltline-scan-10102-sb026', 10102, 25);
      expect(nameEqual(f.accountName, t.truth.accountName), String(f.accountName)).toBe(true);
    },
  );

  it(
    'reads the name under a boxed "BILL TO" caption a border mark opened ("i BILLTO")',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('cascade-scan-10501-hs003', 10501, 2);
      expect(nameEqual(f.accountName, t.truth.accountName), String(f.accountName)).toBe(true);
    },
  );

  it(
    'reads a name whose capital I OCR read as a small l ("James lverson")',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('tidewater-scan-10501-hs012', 10501, 11);
      expect(f.accountName).toBe(t.truth.accountName);
    },
  );

  it(
    'reads again a name line whose first word OCR hid under a box over two lines ("Novak")',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('lakeshore-scan-10502-hp008', 10502, 7);
      expect(nameEqual(f.accountName, t.truth.accountName), String(f.accountName)).toBe(true);
    },
  );

  it(
    'reads again a name OCR cut to its first word and a lone letter ("Tomasz" "k")',
    { timeout: 180_000 },
    async () => {
      const { f, t } = await read('lakeshore-scan-10901-ho008', 10901, 7);
      expect(nameEqual(f.accountName, t.truth.accountName), String(f.accountName)).toBe(true);
    },
  );

  it(
    'reads seven-digit lines under an area code caption OCR read "Arca code 423"',
    { timeout: 180_000 },
    async () => {
      const t = JSON.parse(
        fs.readFileSync(path.join(DIR, 'ridgeway-scan-10503-ns025.json'), 'utf8'),
      ) as Truth;
      const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, 'ridgeway-scan-10503-ns025.pdf')));
      // a business-suite template: its fax-header stream is drawn before the scan's
      const scan = await renderRendition('scan-pdf', pdf, t.pages, renderRng(10503, 24, true));
      const f = (await intakeBill(scan.data, { pool, name: 'ridgeway.pdf' })).extraction.fields;
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    },
  );
});
