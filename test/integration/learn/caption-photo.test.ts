// A value over its caption, learned from a text bill and read on a phone photo of the carrier's
// next bill (test/fixtures/regressions/README.md): the caption's OCR'd box is shorter than the
// text layer's, so its value is found by its distance in points, not in line heights.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { learnCarrier } from '../../../shared/extract/learn';

const regression = (name: string) => path.resolve('test/fixtures/regressions', name);
const photo = regression('tidewater-photo-bil-date.jpg');

describe('a caption learned on a text bill, found on a photo', () => {
  it('reads the bill date over a caption OCR read as "Bil Date"', async () => {
    // the carrier's text bill that prints "Bill Date" under its tile, as the photo does
    const { truth } = JSON.parse(fs.readFileSync(regression('tidewater-text-bill-date.json'), 'utf8'));
    const taught = await intakeBill(regression('tidewater-text-bill-date.pdf'));
    const { profiles, profile } = learnCarrier(taught.readPages, truth, [], {
      at: '2026-01-05T10:00:00.000Z',
      by: 'test',
      bill: 'tidewater-text-bill-date.pdf',
    });
    const anchor = profile.fields.billDate!.anchors.find((a) => a.how === 'above')!;
    expect(anchor.dyPt).toBeLessThan(0);

    // with nothing learned, the generic reader now knows the caption too ("Bil" before a label
    // word is BILL, labels.ts), and the profile reads the same date
    const plain = await intakeBill(photo);
    expect(plain.extraction.fields.billDate).toBe('2025-10-20');
    const learned = await intakeBill(photo, { profiles });
    expect(learned.extraction.fields.billDate).toBe('2025-10-20');
    expect(learned.extraction.sources?.billDate).toBe('learned');
  }, 60_000);
});
