// Whether a page lies on its side, decided before OCR: on phone-app photos of business bills
// (tilted, a sliver of table at the edges, pages of call detail and columns of numbers) and on
// scans turned 90°, all rendered from the committed business fixtures by the bill generator.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';
import { preparePdfPage } from '../../../electron/desk/intake/pipeline';
import { scanJpegFinder } from '../../../electron/desk/intake/scan-jpeg';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';

const DIR = path.join(__dirname, '../../fixtures/business');

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
      out.push((await preparePdfPage(page, width, `page ${i}`, jpegOf)).turned);
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
