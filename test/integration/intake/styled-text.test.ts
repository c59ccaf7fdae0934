// Text styled with the text state instead of fonts (the styled-pdf rendition): bold drawn two or
// three times a fraction of a point apart, letter and word spacing, condensed small print and
// small caps faked with two sizes. The page reads as it looks; the reader must give its words
// once each, whole. Built with the generator's producer (scripts/make-bills/styled-text.ts).
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { styledProducer, type StyledChoice } from '../../../scripts/make-bills/styled-text';
import { Rng } from '../../../scripts/make-bills/rng';
import { textLines } from './text-lines';

// [text, x, y, bold, size]: captions regular, values bold, as a bill's summary box sets them
const LINES: Array<[string, number, number, boolean, number]> = [
  ['ACCOUNT SUMMARY', 50, 720, true, 14],
  ['Account Number:', 50, 690, false, 9],
  ['8370 1862 59', 200, 690, true, 9],
  ['Account Name:', 50, 674, false, 9],
  ['Keiko Hoang', 200, 674, true, 9],
  ['Service Address:', 50, 658, false, 9],
  ['473 Industrial Ct', 200, 658, true, 9],
  ['Unit 55', 200, 647, true, 9],
  ['Roanoke, VA 24011', 200, 636, true, 9],
  ['Bill Date:', 50, 620, false, 9],
  ['August 7, 2024', 200, 620, true, 9],
  ['Main Number:', 50, 604, false, 9],
  ['(540) 555-0129', 200, 604, true, 9],
  ['(540) 555-0140   Business Line   $50.30', 50, 580, false, 8],
];

const PLAIN: StyledChoice = {
  passes: 1,
  step: 0.4,
  stepDown: false,
  headingEm: 0,
  valueEm: 0,
  valueShare: 0,
  wordEm: 0,
  squeeze: 100,
  capsShare: 0,
  capsSize: 0.78,
};

async function page(force: Partial<StyledChoice>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const reg = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const p = doc.addPage([612, 792]);
  const producer = styledProducer(new Rng(7), { ...PLAIN, ...force });
  for (const [s, x, y, b, size] of LINES) {
    const font: PDFFont = b ? bold : reg;
    producer.text({ page: p, s, x, y, size, font, color: rgb(0, 0, 0) });
  }
  producer.flush();
  return doc.save();
}

const WANT = [
  'ACCOUNT SUMMARY',
  'Account Number: 8370 1862 59',
  'Account Name: Keiko Hoang',
  'Service Address: 473 Industrial Ct',
  'Unit 55',
  'Roanoke, VA 24011',
  'Bill Date: August 7, 2024',
  'Main Number: (540) 555-0129',
  '(540) 555-0140 Business Line $50.30',
];
const upperCaptions = (ls: string[]): string[] =>
  ls.map((l) =>
    l.replace(/^(Account Number:|Account Name:|Service Address:|Bill Date:|Main Number:)/, (c) =>
      c.toUpperCase(),
    ),
  );

describe('text styled with the text state', () => {
  it('reads the plain page as it is', async () => {
    expect(await textLines(await page({}))).toEqual(WANT);
  });
  it('reads an overstruck bold string once', async () => {
    for (const passes of [2, 3])
      for (const stepDown of [false, true])
        expect(await textLines(await page({ passes, step: 0.6, stepDown }))).toEqual(WANT);
  });
  it('joins letter-spaced words, two letters beside a spaced word included', async () => {
    for (const em of [0.2, 0.3])
      for (const wordEm of [0, 0.4])
        expect(await textLines(await page({ headingEm: em, valueEm: em, valueShare: 1, wordEm }))).toEqual(
          WANT,
        );
  });
  it('reads condensed small print', async () => {
    expect(await textLines(await page({ squeeze: 72 }))).toEqual(WANT);
  });
  it('joins small caps faked with two sizes, overstruck values beside them', async () => {
    expect(await textLines(await page({ capsShare: 1, capsSize: 0.75, passes: 3, step: 0.3 }))).toEqual(
      upperCaptions(WANT),
    );
  });
  it('extracts the fields from a page with every habit at once', async () => {
    const bytes = await page({
      passes: 2,
      headingEm: 0.3,
      valueEm: 0.25,
      valueShare: 1,
      wordEm: 0.3,
      squeeze: 80,
      capsShare: 1,
    });
    const f = (await intakeBill(bytes, { name: 'styled.pdf' })).extraction.fields;
    expect(f.accountNumber).toBe('8370 1862 59');
    expect(f.accountName).toBe('Keiko Hoang');
    expect(f.billDate).toBe('2024-08-07');
    expect(f.serviceAddress).toMatchObject({
      line1: '473 Industrial Ct',
      line2: 'Unit 55',
      city: 'Roanoke',
      zip: '24011',
    });
    expect(new Set(f.numbers)).toEqual(new Set(['5405550129', '5405550140']));
  });
});
