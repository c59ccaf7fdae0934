// Which numbers a learned carrier's bill reads again for their exchange, and when a look moves
// one: only an OCR'd number under an exchange one digit from the account's common one, and only
// when every look reads the same line in the common exchange, surely.
import { describe, expect, it } from 'vitest';
import type { Extraction, PageWords, Word } from '../../../shared/domain';
import { oddNumbers, settleOddNumbers } from '../../../shared/extract/learn';

const box = (i: number) => ({ page: 1, x0: 200, y0: 100 + i * 12, x1: 250, y1: 106 + i * 12 });
function extraction(numbers: string[], btn = numbers[0]!): Extraction {
  return {
    fields: {
      carrier: null,
      accountName: null,
      accountNumber: null,
      btn,
      serviceAddress: null,
      billDate: null,
      numbers,
    },
    meta: {},
    numberMeta: Object.fromEntries(numbers.map((n, i) => [n, { confidence: 0.8, boxes: [box(i)] }])),
    pages: [],
  };
}
const page = (source: 'ocr' | 'text'): PageWords[] => [
  { page: 1, width: 612, height: 792, source, words: [] },
];
const lines = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(110 + i).padStart(4, '0')}`);
/** A look's words: the number printed at its box. */
const look = (text: string, i: number, conf = 0.96): Word[] => {
  const { page: _page, ...at } = box(i);
  return [{ text, conf, ...at }];
};

describe('odd numbers', () => {
  const x = extraction([...lines('859555', 8), '8595650118']);

  it('are OCR-read lines under an exchange one digit from the common one', () => {
    expect(oddNumbers(x, page('ocr')).map((o) => [o.number, o.common])).toEqual([
      ['8595650118', '8595550118'],
    ]);
    // a text layer prints what the carrier printed
    expect(oddNumbers(x, page('text'))).toEqual([]);
  });

  it('are not a second exchange of three lines, one far off, the BTN, or a line the common one has', () => {
    expect(oddNumbers(extraction([...lines('859555', 8), ...lines('859565', 3)]), page('ocr'))).toEqual([]);
    expect(oddNumbers(extraction([...lines('859555', 8), '8597650118']), page('ocr'))).toEqual([]);
    expect(oddNumbers(extraction([...lines('859555', 8), '8595650118'], '8595650118'), page('ocr'))).toEqual(
      [],
    );
    expect(oddNumbers(extraction([...lines('859555', 8), '8595650112']), page('ocr'))).toEqual([]);
    // nor on an account of few lines, which has no common exchange to speak of, unless the BTN's
    // exchange holds another line: then a lone line one digit from it is odd
    expect(oddNumbers(extraction([...lines('859555', 4), '8595650118'], '3125550100'), page('ocr'))).toEqual(
      [],
    );
    expect(oddNumbers(extraction(['8595550110', '8595650118']), page('ocr'))).toEqual([]);
    expect(oddNumbers(extraction([...lines('859555', 2), ...lines('859565', 2)]), page('ocr'))).toEqual([]);
  });

  it("on a small account, are a lone line one digit from the BTN's exchange (seed 11101 hp-034)", () => {
    expect(
      oddNumbers(extraction([...lines('517555', 2), '5175650124']), page('ocr')).map((o) => o.common),
    ).toEqual(['5175550124']);
    expect(
      oddNumbers(extraction([...lines('859555', 4), '8595650118']), page('ocr')).map((o) => o.common),
    ).toEqual(['8595550118']);
  });
});

describe('settling an odd number', () => {
  const x = extraction([...lines('859555', 8), '8595650118']);
  const odd = oddNumbers(x, page('ocr'));

  it('moves it where every look reads the same line in the common exchange', () => {
    const r = settleOddNumbers(x, odd, [[look('859-555-0118', 8)], [look('859-555-0118', 8, 0.84)]]);
    expect(r.moved).toEqual(['8595650118']);
    expect(r.extraction.fields.numbers.at(-1)).toBe('8595550118');
    expect(r.extraction.fields.numbers).not.toContain('8595650118');
    expect(r.extraction.numberMeta['8595550118']).toEqual(x.numberMeta['8595650118']);
  });

  it("reads the line in the region's middle when a tall box takes in the line above (seed 11101 hp-034)", () => {
    // a tilted photo's box: its region reaches up to the line above, which the look reads too
    const above = look('859-555-0117', 7);
    const looks = [[[...above, ...look('859-555-0118', 8)]], [[...above, ...look('859-555-0118', 8, 0.9)]]];
    const tall = {
      ...x,
      numberMeta: {
        ...x.numberMeta,
        '8595650118': { confidence: 0.7, boxes: [{ ...box(8), y0: box(7).y0 + 5 }] },
      },
    };
    const r = settleOddNumbers(tall, oddNumbers(tall, page('ocr')), looks);
    expect(r.moved).toEqual(['8595650118']);
  });

  it('keeps it where a look reads it as first read (a branch line), reads nothing, or is unsure', () => {
    for (const looks of [
      [[look('859-555-0118', 8)], [look('859-565-0118', 8)]],
      [[look('859-555-0118', 8)], []],
      [[look('859-555-0118', 8)], [look('859-555-0118', 8, 0.6)]],
      // another line's digits are no reading of this one
      [[look('859-555-0119', 8)], [look('859-555-0119', 8)]],
      [],
    ])
      expect(settleOddNumbers(x, odd, looks).extraction).toBe(x);
  });
});
