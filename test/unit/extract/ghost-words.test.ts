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
