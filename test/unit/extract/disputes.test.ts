import { describe, expect, it } from 'vitest';
import type { Extraction, PageWords, Word } from '../../../shared/domain';
import { findDisputes, settleDispute, withSettled } from '../../../shared/extract/disputes';

const word = (text: string, x0: number, y0: number, conf = 0.95): Word => ({
  text,
  x0,
  y0,
  x1: x0 + 5 * text.length,
  y1: y0 + 7,
  conf,
});
/** A line of words at y, each after the last with a space. */
const line = (texts: string[], x0: number, y0: number, conf = 0.95): Word[] => {
  let x = x0;
  return texts.map((t) => {
    const w = word(t, x, y0, conf);
    x = w.x1 + 3;
    return w;
  });
};
const page = (words: Word[]): PageWords => ({ page: 1, width: 612, height: 792, source: 'ocr', words });
const reading = (accountNumber: string | null, line2: string | null = null): Extraction => ({
  fields: {
    carrier: null,
    accountName: null,
    accountNumber,
    btn: null,
    serviceAddress: line2
      ? { line1: '5833 Pioneer Trl', line2, city: 'Roanoke', state: 'VA', zip: '24011' }
      : null,
    billDate: null,
    numbers: [],
  },
  meta: {},
  numberMeta: {},
  pages: [],
});

describe('copies of an account number OCR read a digit apart', () => {
  // the header's copy and the summary's, "…5061…" and "…5961…", both read at 0.95
  const header = line(['5061', '2345', '6789'], 450, 40);
  const summary = line(['5961', '2345', '6789'], 150, 230);
  const pages = [
    page([...line(['Acct', '#'], 400, 40), ...header, ...line(['Acct', '#:'], 40, 230), ...summary]),
  ];

  it('finds both copies and the one place they dispute', () => {
    const [d, ...rest] = findDisputes(pages, reading('5961 2345 6789'));
    expect(rest).toEqual([]);
    expect(d!.copies.map((c) => c.key)).toEqual(['506123456789', '596123456789']);
    expect(d!.places).toEqual([1]);
    expect(d!.chars).toBe('0123456789-');
  });

  it('takes the glyph most readings give, and puts it in every copy', () => {
    const d = findDisputes(pages, reading('5961 2345 6789'))[0]!;
    const look = (first: string) => [
      line([first, '2345', '6789'], 450, 40),
      line([first, '2345', '6789'], 150, 230),
    ];
    const key = settleDispute(d, [look('5061'), look('5061'), look('5961')]);
    expect(key).toBe('506123456789');
    const settled = withSettled(pages, d, key!);
    const texts = settled[0]!.words.map((w) => w.text);
    expect(texts.filter((t) => /^5\d61$/.test(t))).toEqual(['5061', '5061']);
  });

  it('keeps the reading (and its doubt) when the looks split as the copies did', () => {
    const d = findDisputes(pages, reading('5961 2345 6789'))[0]!;
    const looks = [
      [line(['5061', '2345', '6789'], 450, 40), line(['5961', '2345', '6789'], 150, 230)],
      [line(['5061', '2345', '6789'], 450, 40), line(['5961', '2345', '6789'], 150, 230)],
    ];
    expect(settleDispute(d, looks)).toBeNull();
    // and looks that read nothing settle nothing
    expect(settleDispute(d, [[[], []]])).toBeNull();
  });

  it('leaves other numbers of the page alone (a phone number is no copy)', () => {
    const withPhone = [page([...pages[0]!.words, ...line(['540-555-0195'], 40, 300)])];
    expect(findDisputes(withPhone, reading('5961 2345 6789'))[0]!.copies).toHaveLength(2);
  });
});

describe('a unit id ending in 8', () => {
  it('is looked at alone only at its last glyph, and keeps its 8 when the looks read one', () => {
    const pages = [page([...line(['Apt', '208'], 430, 232)])];
    const d = findDisputes(pages, reading(null, 'Apt 208'))[0]!;
    expect(d.places).toEqual([2]);
    expect([...d.allowed.get(2)!].sort()).toEqual(['8', 'B']);
    // a look that took in a stray mark beside the id ("208A") still lines up
    const look = [line(['208A'], 448, 232)];
    expect(settleDispute(d, [look, look, look])).toBe('208');
    const b = [line(['20B'], 448, 232)];
    expect(settleDispute(d, [b, b, b])).toBe('20B');
  });
});

describe('an all-digit account number read once, unsurely', () => {
  // held-out make-bills seed 10906, hv-058 (fleuve scan): "1006 9506 1611" read "10069500 1011"
  // at 0.58 and 0.76, its only copy on the bill
  const words = line(['10069500', '1011'], 250, 110, 0.6);
  const pages = [page([...line(['No', 'de', 'compte'], 40, 110), ...words])];

  it('is looked at again, and takes the digits most looks agree on', () => {
    const [d] = findDisputes(pages, reading('10069500 1011'));
    expect(d!.chars).toBe('0123456789-');
    const look = (a: string, b: string) => [line([a, b], 250, 110)];
    const key = settleDispute(d!, [
      look('1006', '95061611'),
      look('10069506', '1611'),
      look('10069506', '1611'),
    ]);
    expect(key).toBe('100695061611');
    expect(
      withSettled(pages, d!, key!)[0]!
        .words.slice(-2)
        .map((w) => w.text),
    ).toEqual(['10069506', '1611']);
  });

  it('keeps its reading when the looks do not agree on other digits, or when it was read surely', () => {
    const [d] = findDisputes(pages, reading('10069500 1011'));
    const look = (a: string) => [line([a], 250, 110)];
    expect(settleDispute(d!, [look('100695061611'), look('100695001011'), look('100635091611')])).toBeNull();
    const sure = [
      page([...line(['No', 'de', 'compte'], 40, 110), ...line(['10069500', '1011'], 250, 110, 0.93)]),
    ];
    expect(findDisputes(sure, reading('10069500 1011'))).toEqual([]);
  });
});

describe('a lettered account read once, unsurely, its letter read by the page', () => {
  // held-out make-bills seed 11375: a Pinecrest scan (ho-006) read "AM1-938S-1748" at 0.65 and a
  // Cobaltline scan (ho-028) "KW3-177Z-0812" at 0.55, each its only copy, as printed; the three
  // looks (3x, 4x, 2.5x, one line) read every one of them "…9385…" and "…1772…"
  const at = (text: string, x0: number, y0: number, x1: number, y1: number, conf: number): Word => ({
    text,
    x0,
    y0,
    x1,
    y1,
    conf,
  });
  const cases = [
    { read: at('AM1-938S-1748', 504.65, 47.5, 569.66, 53.43, 0.65), looked: 'AM1-9385-1748' },
    { read: at('KW3-177Z-0812', 392.9, 53.89, 457.74, 60.99, 0.55), looked: 'KW3-1772-0812' },
  ];

  it('keeps the letter against looks that read its look-alike digit', () => {
    for (const { read, looked } of cases) {
      const pages = [page([...line(['Account', 'No.'], 330, read.y0), read])];
      const [d] = findDisputes(pages, reading(read.text));
      expect(d!.chars).toContain('Z');
      const look = [[{ ...read, text: looked }]];
      expect(settleDispute(d!, [look, look, look])).toBeNull();
    }
  });

  it('still takes a digit for a letter in a digit run read with one slip ("4431-22I8")', () => {
    const read = at('4431-22I8', 400, 50, 445, 57, 0.6);
    const pages = [page([...line(['Account', 'No.'], 330, 50), read])];
    const [d] = findDisputes(pages, reading(read.text));
    const look = [[{ ...read, text: '4431-2218' }]];
    expect(settleDispute(d!, [look, look, look])).toBe('44312218');
  });
});
