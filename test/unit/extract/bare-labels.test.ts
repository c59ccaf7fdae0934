// A label OCR read without its value: a Heron photo (make-bills seed 11450 bill 37) read
// "Statement Date" in its grey box and skipped the bold "07/26/2024" right-aligned beside it, so
// the bill had no date. The stretch right of the label is read again (the intake's look); here
// the words that look read are laid where the value is printed.
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { bareLabelRegions, withBareLabelValues } from '../../../shared/extract/bare-labels';
import { withLooks } from '../../../shared/extract/learn';
import { wordDump } from './word-dumps';

const looked = { text: '07/26/2024', x0: 521.9, y0: 101.2, x1: 564.2, y1: 107.9, conf: 0.95 };

describe('a label read without its value', () => {
  it('has the line right of it read again, and takes the field from that reading (Heron photo)', () => {
    const pages = wordDump('heron-photo-bare-labels');
    const first = extractBill(pages);
    expect(first.fields.billDate).toBeNull();
    const regions = bareLabelRegions(pages, first);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r).toMatchObject({ field: 'billDate', page: 1 });
    // the stretch starts past the label and takes in where the value is printed
    expect(r!.x0).toBeGreaterThan(403.8);
    expect(r!.x0).toBeLessThan(looked.x0);
    expect(r!.x1).toBeGreaterThan(looked.x1);
    const again = withLooks(pages, regions, [[looked]]);
    const read = withBareLabelValues(first, regions, extractBill(again));
    expect(read.fields.billDate).toBe('2024-07-26');
    expect(read.fields.accountNumber).toBe(first.fields.accountNumber);
  });

  it('looks nowhere when the field was found, and keeps a field the first reading found', () => {
    const pages: PageWords[] = wordDump('heron-photo-bare-labels').map((p) => ({
      ...p,
      words: [...p.words, looked],
    }));
    const first = extractBill(pages);
    expect(first.fields.billDate).toBe('2024-07-26');
    expect(bareLabelRegions(pages, first)).toEqual([]);
  });
});
