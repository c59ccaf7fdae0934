// Text PDFs whose text does not all read left to right: a bill drawn turned inside its page box
// with no /Rotate (a landscape page printed into a portrait box, or the other way round; the agent
// turns the viewer), a page upside down, upright pages with a strip of text up their margin, and a
// diagonal watermark.
// The committed business bills are redrawn that way with pdf-lib and read through the whole intake.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';
import { pageTurn, runAxis, turnPoint } from '../../../electron/desk/intake/text-turn';
import { evalChecks } from '../../../shared/check/eval';
import { alnum, pdfOf, requestOf, truthOf } from '../../support/business-fixtures';

type Variant = 'turned-left' | 'turned-right' | 'upside-down' | 'margin-strip';

/** The bill with every page's content turned inside its box (no /Rotate), or a margin strip added. */
async function redraw(pdf: Uint8Array, variant: Variant): Promise<Uint8Array> {
  const src = await PDFDocument.load(pdf);
  if (variant === 'margin-strip') {
    const font = await src.embedFont(StandardFonts.Helvetica);
    for (const page of src.getPages()) {
      // a print-run code up the left margin, with digits shaped like an account and a date
      page.drawText('ACCT 4471 0932 118  DOC 20250314-0011  PAGE 1', {
        x: 14,
        y: 110,
        size: 6,
        font,
        rotate: degrees(90),
        color: rgb(0.3, 0.3, 0.3),
      });
    }
    return src.save();
  }
  const out = await PDFDocument.create();
  for (const page of src.getPages()) {
    const { width: W, height: H } = page.getSize();
    const form = await out.embedPage(page);
    if (variant === 'upside-down') {
      out.addPage([W, H]).drawPage(form, { x: W, y: H, rotate: degrees(180) });
    } else if (variant === 'turned-left') {
      // a quarter turn counter-clockwise: the text reads bottom to top
      out.addPage([H, W]).drawPage(form, { x: H, y: 0, rotate: degrees(90) });
    } else {
      out.addPage([H, W]).drawPage(form, { x: 0, y: W, rotate: degrees(-90) });
    }
  }
  return out.save();
}

describe('a text layer that does not all read left to right', () => {
  it('knows each run’s axis and turns a page only when one direction clearly holds it', () => {
    expect(runAxis(1, 0)).toBe(0);
    expect(runAxis(0, -1)).toBe(270); // bottom to top, in device space (y down)
    expect(runAxis(0.05, 1)).toBe(90);
    expect(runAxis(-1, 0)).toBe(180);
    expect(runAxis(1, -1)).toBeNull(); // a 45° watermark
    expect(pageTurn({ 0: 900, 90: 0, 180: 0, 270: 60 })).toBe(0);
    expect(pageTurn({ 0: 40, 90: 0, 180: 0, 270: 900 })).toBe(90);
    expect(pageTurn({ 0: 0, 90: 900, 180: 0, 270: 0 })).toBe(270);
    expect(pageTurn({ 0: 0, 90: 0, 180: 500, 270: 0 })).toBe(180);
    // a few sideways words on a page with almost no text decide nothing
    expect(pageTurn({ 0: 0, 90: 0, 180: 0, 270: 30 })).toBe(0);
    // and neither does a page split between two directions
    expect(pageTurn({ 0: 400, 90: 0, 180: 0, 270: 500 })).toBe(0);
    expect(turnPoint(10, 20, 612, 792, 90)).toEqual([772, 10]);
    expect(turnPoint(10, 20, 612, 792, 270)).toEqual([20, 602]);
    expect(turnPoint(10, 20, 612, 792, 180)).toEqual([602, 772]);
  });

  it('lays a page drawn turned out as the upright page, and records the turn', async () => {
    const id = 'bh-001';
    const upright = await openPdf(pdfOf(id));
    const turned = await openPdf(await redraw(pdfOf(id), 'turned-left'));
    try {
      const a = await pageTextWords(await upright.getPage(1), 1);
      const b = await pageTextWords(await turned.getPage(1), 1);
      expect(b.rotate).toBe(90);
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      expect(b.words.map((w) => w.text)).toEqual(a.words.map((w) => w.text));
      for (let i = 0; i < a.words.length; i++) {
        expect(Math.abs(b.words[i]!.x0 - a.words[i]!.x0)).toBeLessThan(0.5);
        expect(Math.abs(b.words[i]!.y0 - a.words[i]!.y0)).toBeLessThan(0.5);
      }
      expect(a.rotate).toBeUndefined();
    } finally {
      await upright.destroy();
      await turned.destroy();
    }
  });

  // a 3-page hosted-PBX invoice, a landscape business statement, and a reprint under a diagonal
  // watermark (slanted text stays where it was)
  it.each([
    ['bh-001', 'turned-left'],
    ['bn-003', 'turned-right'],
    ['ba-003', 'upside-down'],
    ['bl-002', 'margin-strip'],
    ['bt-001', 'margin-strip'],
  ] as const)('reads %s %s: every field and number', async (id, variant) => {
    const t = truthOf(id);
    const res = await intakeBill(await redraw(pdfOf(id), variant), { name: `${id}.pdf` });
    const f = res.extraction.fields;
    expect(alnum(f.accountNumber)).toBe(alnum(t.truth.accountNumber));
    expect(f.btn).toBe(t.truth.btn);
    expect(f.billDate).toBe(t.truth.billDate);
    expect(alnum(f.accountName)).toBe(alnum(t.truth.accountName));
    expect(alnum(f.serviceAddress?.line1)).toBe(alnum(t.truth.serviceAddress.line1));
    expect(f.serviceAddress?.zip.slice(0, 5)).toBe(t.truth.serviceAddress.zip.slice(0, 5));
    expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    expect(evalChecks(f, requestOf(id))).toEqual(t.expected.verdicts);
    // the margin strip's digits are no number and no account
    expect(JSON.stringify(f)).not.toContain('4471');
  });
});

describe('a diagonal watermark over a text bill', () => {
  // An Alderbrook reprint (make-bills --seed 11371 --renditions text-pdf, tt-032) whose
  // "ARCHIVE COPY" starts on the row of (802) 555-0102: laid flat, the watermark's run took
  // "(802)" into its own line and the number was lost.
  it('leaves the rows it crosses whole: a slanted run is no word of the page', async () => {
    const dir = path.join(__dirname, '../../fixtures/regressions');
    const pdf = new Uint8Array(fs.readFileSync(path.join(dir, 'alderbrook-watermark-11371-tt032.pdf')));
    const rec = JSON.parse(
      fs.readFileSync(path.join(dir, 'alderbrook-watermark-11371-tt032.json'), 'utf8'),
    ) as {
      truth: { numbers: string[] };
    };
    const doc = await openPdf(pdf);
    try {
      const words = await pageTextWords(await doc.getPage(1), 1);
      expect(words.words.map((w) => w.text)).not.toContain('ARCHIVE');
    } finally {
      await doc.destroy();
    }
    const res = await intakeBill(pdf, { name: 'reprint.pdf' });
    expect(new Set(res.extraction.fields.numbers)).toEqual(new Set(rec.truth.numbers));
  });
});
