// Whether a page lies on its side, decided before OCR: on phone-app photos of business bills
// (tilted, a sliver of table at the edges, pages of call detail and columns of numbers) and on
// scans turned 90°, all rendered from the committed business fixtures by the bill generator.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';
import { preparePdfPage, runsUpAndDown } from '../../../electron/desk/intake/pipeline';
import { scanJpegFinder } from '../../../electron/desk/intake/scan-jpeg';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';

const DIR = path.join(__dirname, '../../fixtures/business');
const FIXTURES = path.join(__dirname, '../../fixtures');

async function turns(id: string, kind: 'photo-pages' | 'scan-rot90', seed: number): Promise<number[]> {
  const pages = (
    JSON.parse(fs.readFileSync(path.join(DIR, 'truth', `${id}.json`), 'utf8')) as { pages: number }
  ).pages;
  const made = await renderRendition(
    kind,
    new Uint8Array(fs.readFileSync(path.join(DIR, `${id}.pdf`))),
    pages,
    new Rng(seed),
  );
  const doc = await openPdf(made.data);
  const jpegOf = scanJpegFinder(made.data);
  const out: number[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const { width } = await pageTextWords(page, i);
      out.push((await preparePdfPage(page, width, `page ${i}`, { jpegOf })).turned);
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

describe('sideways pages', () => {
  it(
    'keeps tilted photos of upright pages upright: landscape call detail, columns of numbers',
    { timeout: 120_000 },
    async () => {
      // a portal printout with landscape call-detail pages, and a big bill ending in an appendix
      expect(await turns('bz-004', 'photo-pages', 3)).toEqual([0, 0, 0, 0]);
      expect(await turns('bz-009', 'photo-pages', 5)).toEqual(Array(9).fill(0));
    },
  );

  it('still turns pages scanned on their side', { timeout: 60_000 }, async () => {
    expect(await turns('bz-002', 'scan-rot90', 1)).toEqual([90, 90]);
    expect(await turns('bz-007', 'scan-rot90', 2)).toEqual([90]);
  });
});

describe('pages whose lines the ink misjudged', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });

  it(
    'turns a table-heavy page scanned on its side once its words come out standing on end',
    { timeout: 120_000 },
    async () => {
      // A Northwind page is mostly a table with a dark sidebar: its ink alternates as much one way
      // as the other, so it was read on its side and nothing but numbers came out.
      const truth = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'bills/truth/fx-001.json'), 'utf8')) as {
        truth: {
          accountName: string;
          accountNumber: string;
          btn: string;
          billDate: string;
          numbers: string[];
        };
      };
      const made = await renderRendition(
        'scan-rot90',
        new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'bills/fx-001.pdf'))),
        1,
        new Rng(1),
      );
      const res = await intakeBill(made.data, { pool, name: 'northwind-sideways.pdf' });
      const f = res.extraction.fields;
      expect(res.extraction.pages[0]?.rotate).toBeDefined();
      expect(f.accountName).toBe(truth.truth.accountName);
      expect(f.accountNumber).toBe(truth.truth.accountNumber);
      expect(f.btn).toBe(truth.truth.btn);
      expect(f.billDate).toBe(truth.truth.billDate);
      expect(new Set(f.numbers)).toEqual(new Set(truth.truth.numbers));
    },
  );

  it('tells words standing on end from upright ones', () => {
    const word = (text: string, w: number, h: number, x = 0) => ({
      text,
      x0: x,
      y0: 0,
      x1: x + w,
      y1: h,
      conf: 0.9,
    });
    const upright = Array.from({ length: 10 }, (_, i) => word('Account', 40, 9, i * 50));
    const onEnd = Array.from({ length: 10 }, (_, i) => word('Account', 9, 40, i * 20));
    expect(runsUpAndDown(upright)).toBe(false);
    expect(runsUpAndDown(onEnd)).toBe(true);
    // a line printed up the margin of an upright page is a few words among many
    expect(runsUpAndDown([...upright, ...onEnd.slice(0, 3)])).toBe(false);
    // too few words of any length to say
    expect(runsUpAndDown(onEnd.slice(0, 5))).toBe(false);
  });
});
