// A bill copied "2 pages per sheet": the committed business bills put two pages to a landscape
// sheet by make-bills' own two-up rendition (each page shrunk to its half), read through the
// whole intake. Each half must read as the page it was; a landscape bill in two columns must not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { prepareForOcr } from '../../../electron/desk/intake/images';
import { scanJpegFinder } from '../../../electron/desk/intake/scan-jpeg';
import { looksTwoUp } from '../../../electron/desk/intake/two-up-sheet';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';
import { twoUpPdf } from '../../../scripts/make-bills/render';
import { evalChecks } from '../../../shared/check/eval';
import type { PageWords } from '../../../shared/domain';
import { splitTwoUp } from '../../../shared/extract/two-up';
import { alnum, pdfOf, requestOf, truthOf } from '../../support/business-fixtures';

async function textPages(pdf: Uint8Array): Promise<PageWords[]> {
  const doc = await openPdf(pdf);
  try {
    const pages: PageWords[] = [];
    for (let i = 1; i <= doc.numPages; i++) pages.push(await pageTextWords(await doc.getPage(i), i));
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe('a bill copied two pages per sheet', () => {
  // a fax cover sheet beside the bill's first page (Gannet), a portal printout whose landscape
  // call-detail pages share a sheet with its portrait pages (Crestline), and a 7-page business
  // bill with DID ranges and an appendix (Ironwood)
  it.each(['bg-001', 'bz-004', 'bz-005'])('reads %s page by page, every field and number', async (id) => {
    const t = truthOf(id);
    const two = await twoUpPdf(pdfOf(id));
    expect(two.sheets).toBe(Math.ceil(t.pages / 2));
    const res = await intakeBill(two.data, { name: `${id}.pdf` });
    const f = res.extraction.fields;
    expect(alnum(f.accountNumber)).toBe(alnum(t.truth.accountNumber));
    expect(f.btn).toBe(t.truth.btn);
    expect(f.billDate).toBe(t.truth.billDate);
    expect(alnum(f.accountName)).toBe(alnum(t.truth.accountName));
    expect(f.serviceAddress?.zip.slice(0, 5)).toBe(t.truth.serviceAddress.zip.slice(0, 5));
    expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    expect(evalChecks(f, requestOf(id))).toEqual(t.expected.verdicts);
    // the viewer shows the sheets, and every box lies on one
    expect(res.pages.map((p) => p.page)).toEqual(Array.from({ length: two.sheets }, (_, i) => i + 1));
    for (const m of [...Object.values(res.extraction.meta), ...Object.values(res.extraction.numberMeta)])
      for (const b of m.boxes) {
        expect(b.page).toBeLessThanOrEqual(two.sheets);
        expect(b.x1).toBeLessThanOrEqual(792);
        expect(b.y1).toBeLessThanOrEqual(612);
      }
  });

  it('cuts the sheets in reading order: left half, right half, the last right half blank', async () => {
    const id = 'bz-003'; // three pages: sheet 1 holds pages 1 and 2, sheet 2 page 3 alone
    const sheets = await textPages((await twoUpPdf(pdfOf(id))).data);
    const split = splitTwoUp(sheets)!;
    const plain = await textPages(pdfOf(id));
    expect(split.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    for (const [i, p] of split.pages.entries()) {
      const text = (ws: PageWords) => ws.words.map((w) => w.text).join(' ');
      expect(text(p)).toBe(text(plain[i]!));
      // the words lie where they lie on the page itself, within a point
      const a = p.words[0]!;
      const b = plain[i]!.words[0]!;
      expect(Math.abs(a.x0 - b.x0)).toBeLessThan(1);
      expect(Math.abs(a.y0 - b.y0)).toBeLessThan(1);
    }
  });

  it('leaves a landscape page in two columns whole, and every committed bill as it is', async () => {
    // Crestline's call detail in two columns: a gutter down the middle and small print, but its
    // second column starts just past the middle, not a page margin in
    const crest = await textPages(
      new Uint8Array(
        fs.readFileSync(path.resolve(__dirname, '../../fixtures/two-up/crestline-landscape-columns.pdf')),
      ),
    );
    expect(crest.some((p) => p.width > p.height)).toBe(true);
    expect(splitTwoUp(crest)).toBeNull();
    for (const id of ['bz-004', 'bz-008', 'bz-011', 'bn-001', 'bn-002', 'bn-003'])
      expect(splitTwoUp(await textPages(pdfOf(id))), id).toBeNull();
  });
});

describe('a scanned two-up sheet', () => {
  /** The first page's JPEG of a scanned rendition, and its own grey pixels. */
  async function scanned(kind: string, id: string, seed: number, page = 0) {
    const made = await renderRendition(kind, pdfOf(id), truthOf(id).pages, new Rng(seed));
    const scan = await scanJpegFinder(made.data)(page, [0, 0, 792, 612]);
    const jpeg = scan!.jpeg;
    const { data, info } = await sharp(jpeg)
      .grayscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { jpeg, grey: { data, width: info.width, height: info.height } };
  }

  it('is read enlarged: its shrunk pages reach the OCR near 300 dpi, not 130', async () => {
    const { jpeg, grey } = await scanned('two-up-scan', 'bz-003', 3);
    expect(looksTwoUp(grey)).toBe(true);
    const scanDpi = grey.width / 11;
    const prepared = await prepareForOcr(jpeg, { scale: 1, pointsPerSourcePixel: 792 / grey.width });
    expect(72 / prepared.pointsPerPixel).toBeGreaterThan(scanDpi * 1.2);
    // its words still land on the sheet's own points
    expect(prepared.pageWidthPt).toBeCloseTo(792, 0);
  });

  it('is not what a landscape page of one bill is', async () => {
    // Petrel's landscape statement, scanned: print across the middle
    const { grey } = await scanned('scan-pdf', 'bn-001', 5);
    expect(grey.width).toBeGreaterThan(grey.height);
    expect(looksTwoUp(grey)).toBe(false);
  });
});
