// A Beacon photo (make-bills seed 11480 bill 13) lost two captions of its bilingual header: "No. de
// cuenta / Account No." read "No. de cusma Account No." (cusma at 0.10, the slash lost), and the
// service address caption read "[Sy" at 0.31. The name under the "Nombre / Name" caption became
// that garbled caption, and the unlabelled service block (street, city) was cut in two by the
// remit block's "PO Box 52700" beside it, which the photo put between its two lines.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { isGarbledLabel } from '../../../shared/extract/labels';
import type { LWord } from '../../../shared/extract/layout';
import { wordDump } from './word-dumps';

const words = (s: string, conf: number[]): LWord[] =>
  s.split(' ').map((text, i) => ({
    text,
    x0: i * 30,
    x1: i * 30 + 25,
    y0: 0,
    y1: 8,
    conf: conf[i] ?? 0.95,
    page: 1,
    ocr: true,
    box: { page: 1, x0: i * 30, x1: i * 30 + 25, y0: 0, y1: 8 },
  }));

describe('a bilingual caption with a word read as noise', () => {
  it('is a caption, never the account name (Beacon photo)', () => {
    const f = extractBill(wordDump('beacon-photo-garbled-caption')).fields;
    expect(f.accountName).toBe('Granite Peak Architects PLLC');
  });

  it('is told from a name with one unsure word', () => {
    expect(isGarbledLabel(words('No. de cusma Account No.', [0.92, 0.92, 0.1, 0.78, 0.78]))).toBe(true);
    expect(isGarbledLabel(words('Smith Kowalczyk Account Services', [0.95, 0.1, 0.95, 0.95]))).toBe(false);
    expect(isGarbledLabel(words('Account Service Co.', [0.95, 0.95, 0.95]))).toBe(false);
  });
});

describe('an unlabelled service block with a line of the next column between its lines', () => {
  it('is read whole (Beacon photo)', () => {
    const f = extractBill(wordDump('beacon-photo-garbled-caption')).fields;
    expect(f.serviceAddress).toEqual({
      line1: '38390 Summit Trail',
      line2: null,
      city: 'Reno',
      state: 'NV',
      zip: '89501-9878',
    });
  });
});
