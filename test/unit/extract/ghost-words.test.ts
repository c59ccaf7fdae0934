// A sliver OCR read as a word over another word of the line, unsurely: "hs" (0.26, 2 pt wide)
// over "Suite" of a Copperline photo's "Suite 2C" (make-bills seed 11450 bill 11), which the
// service address read as "hs Suite 2C".
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { dropGhostWords } from '../../../shared/extract/layout';
import { wordDump } from './word-dumps';

describe('a ghost word over a sure word', () => {
  it('is no part of the service address (Copperline photo)', () => {
    const a = extractBill(wordDump('copperline-photo-ghost-word')).fields.serviceAddress;
    expect(a).toEqual({
      line1: '10453 Harrison Court',
      line2: 'Suite 2C',
      city: 'Green Bay',
      state: 'WI',
      zip: '54301',
    });
  });

  it('drops only an unsure word lying within a sure word’s width', () => {
    const suite = { text: 'Suite', x0: 230.7, y0: 166.9, x1: 250.6, y1: 173.9, conf: 0.93 };
    const ghost = { text: 'hs', x0: 240.3, y0: 160.6, x1: 242.6, y1: 170.2, conf: 0.26 };
    const sure = { ...ghost, conf: 0.9 };
    const beside = { ...ghost, x0: 251, x1: 253.3 };
    expect(dropGhostWords([suite, ghost])).toEqual([suite]);
    expect(dropGhostWords([suite, sure])).toEqual([suite, sure]);
    expect(dropGhostWords([suite, beside])).toEqual([suite, beside]);
  });
});

// A Granite State photo (make-bills seed 11366 bill 10) read "CUSTOMER: SILVERLINE HARDWARE LLP"
// twice over one bent line: "SILVE" at the value's place, sure, and the whole name over it. The
// line fell in two and the name was taken as "SILVE".
describe('a partial second reading of a word', () => {
  it('gives way to the whole word it lies inside (Granite State photo)', () => {
    expect(extractBill(wordDump('granite-photo-partial-reading')).fields.accountName).toBe(
      'SILVERLINE HARDWARE LLP',
    );
  });

  it('is dropped only inside the word it begins, on its line', () => {
    const whole = { text: 'SILVERLINE', x0: 190.7, y0: 148.8, x1: 241.9, y1: 155.2, conf: 0.92 };
    const part = { text: 'SILVE', x0: 190.4, y0: 148.8, x1: 215.4, y1: 155.2, conf: 0.92 };
    expect(dropGhostWords([part, whole])).toEqual([whole]);
    // another word there, or the same start a line below, stays
    const other = { ...part, text: 'SILK' };
    const below = { ...part, y0: 158, y1: 164.4 };
    expect(dropGhostWords([other, whole])).toEqual([other, whole]);
    expect(dropGhostWords([below, whole])).toEqual([below, whole]);
  });
});
