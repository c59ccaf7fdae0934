// Words a photo's OCR lost or garbled where another copy or row of the bill says what they were
// (make-bills seed 11375, held-out photos; trimmed word dumps as OCR read them).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

describe('a photo that lost or garbled a word', () => {
  it('takes a unit line whose designator was garbled from the copy of the address that reads it', () => {
    // Beacon (ho-058): the service location reads "as 173" ("as" at 0.47, "173" at 0.96) under
    // "2190 Spring Avenue"; the mail-to copy reads "Unit 173" at 0.95 under the same street.
    const x = extractBill(wordDump('beacon-photo-unit-designator-garbled'));
    expect(x.fields.serviceAddress).toMatchObject({ line1: '2190 Spring Avenue', line2: 'Unit 173' });
  });

  it("gives a split-column table's first row the area code of the full row below it", () => {
    // Bellwether (ho-084): the first two rows under "NPA NXX LINE" read "555 0124" and "555 0179",
    // their 402 lost; every row below prints 402 in the same columns.
    const x = extractBill(wordDump('bellwether-photo-first-rows-area-lost'));
    expect(x.fields.numbers).toEqual(
      expect.arrayContaining(['4025550124', '4025550179', '4025550115', '4025550125']),
    );
    expect(x.fields.numbers).toHaveLength(7);
  });
});
