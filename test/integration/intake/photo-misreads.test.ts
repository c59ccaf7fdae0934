// Phone photos of held-out generated bills that once read wrong (test/fixtures/regressions/README.md),
// rendered from their text PDFs with the generator's own seeded stream and read through real OCR.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import { addrEqual } from '../../../scripts/eval/normalize.mjs';
import type { Address } from '../../../shared/domain';

const DIR = path.join(__dirname, '../../fixtures/regressions');

interface Truth {
  pages: number;
  truth: { serviceAddress: Address; numbers: string[] };
}

describe('held-out photos that once read wrong', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = new OcrPool({ size: 2 });
  });
  afterAll(async () => {
    await pool.close();
  });

  async function read(name: string, seed: number, i: number, business: boolean) {
    const t = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Truth;
    const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.pdf`)));
    const kind = t.pages > 1 ? 'photo-pages' : 'photo';
    const photo = await renderRendition(kind, pdf, t.pages, renderRng(seed, i, business));
    const res = await intakeBill(photo.data, { pool, name: `${name}.${photo.ext}` });
    return { f: res.extraction.fields, t: t.truth };
  }

  it(
    'keeps every line of a table headed "Telephone number" whose prices the photo lost',
    {
      timeout: 180_000,
    },
    async () => {
      const { f, t } = await read('tamarack-photo-9812-pq019', 9812, 18, true);
      expect(t.numbers.length).toBe(35);
      expect(new Set(f.numbers)).toEqual(new Set(t.numbers));
    },
  );

  it(
    'never takes the other accounts of a summary whose heading the photo split',
    {
      timeout: 180_000,
    },
    async () => {
      const { f, t } = await read('tamarack-photo-9815-pr019', 9815, 18, true);
      const extra = f.numbers.filter((n) => !t.numbers.includes(n));
      expect(extra).toEqual([]);
    },
  );

  it(
    'never takes the mailing block beside the service label as the service address',
    {
      timeout: 180_000,
    },
    async () => {
      const { f, t } = await read('redwood-photo-9815-pr049', 9815, 48, false);
      expect(addrEqual(f.serviceAddress, t.serviceAddress), JSON.stringify(f.serviceAddress)).toBe(true);
    },
  );

  it(
    'reads back a city and a label whose soft letters ran together, and every word of a re-read line',
    {
      timeout: 180_000,
    },
    async () => {
      const { f, t } = await read('meridian-photo-9951-p51009', 9951, 8, false);
      expect(addrEqual(f.serviceAddress, t.serviceAddress), JSON.stringify(f.serviceAddress)).toBe(true);
    },
  );
});
