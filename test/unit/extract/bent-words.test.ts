// A bent sheet's line read as two: a Larkspur photo read "511 Kingsley Way" as "511 King" over
// "ngsley Way", the pieces overlapping on the "ng" both readings took, and lost the service
// address. The boxes here are laid as that photo's were: the line drops 0.75 of its height at
// the bend.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { rejoinBentWords } from '../../../shared/extract/bent-words';

const w = (text: string, x0: number, y0: number, x1: number, conf = 0.93): Word => ({
  text,
  x0,
  y0,
  x1,
  y1: y0 + 8,
  conf,
});

const page = (words: Word[]): PageWords[] => [{ page: 1, width: 612, height: 792, source: 'ocr', words }];

const bill = (line: Word[]): PageWords[] =>
  page([
    w('Larkspur', 40, 30, 90),
    w('Telecom', 94, 30, 134),
    w('Account', 40, 60, 75),
    w('number:', 78, 60, 112),
    w('4471-0912-55', 160, 60, 215),
    w('Statement', 40, 72, 82),
    w('date:', 85, 72, 106),
    w('04/18/2025', 160, 72, 205),
    w('Service', 40, 100, 72),
    w('address', 75, 100, 108),
    w('Dana', 160, 100, 180),
    w('Whitfield', 183, 100, 222),
    ...line,
    w('Reno,', 160, 128, 183),
    w('NV', 186, 128, 198),
    w('89501', 201, 128, 226),
  ]);

const bent = [
  w('511', 160, 112, 174),
  w('King', 177, 112, 196),
  w('ngsley', 191, 118, 219),
  w('Way', 222, 118, 239),
];

describe('a word read twice in part across a bend', () => {
  it('is one word again, and the line reads whole', () => {
    const f = extractBill(bill(bent)).fields;
    expect(f.serviceAddress).toMatchObject({ line1: '511 Kingsley Way', city: 'Reno', state: 'NV' });
  });

  it('joins only pieces that share letters under overlapping boxes', () => {
    expect(rejoinBentWords(bent).map((x) => x.text)).toEqual(['511', 'Kingsley', 'Way']);
    // two words of two lines, one over the other's end, that share no letters
    const stacked = [w('Kingston', 160, 112, 196), w('Avenue', 191, 120, 219)];
    expect(rejoinBentWords(stacked)).toBe(stacked);
    // a word a line below that happens to begin as the word above ends, far past its end
    const apart = [w('Tring', 160, 112, 185), w('ngaio', 200, 120, 222)];
    expect(rejoinBentWords(apart)).toBe(apart);
  });
});
