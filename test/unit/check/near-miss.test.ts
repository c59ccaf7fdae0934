// One glyph a scan or photo read unsurely, on a value the bill prints once, against a request that
// has it right: "not verified, check the bill" (missing), not a mismatch. The words and confidences
// are OCR's own, from the held-out bills that raised false alarms (make-bills seed 10912: hx-034
// Petrel photo, hx-041 Cascade scan, hx-053 Fieldstone scan; seed 11300 bill 6, a Pinecrest scan on
// its side). A real one-character typo in the request must still be a mismatch.
import { describe, expect, it } from 'vitest';
import type { Address, BillFields } from '../../../shared/domain';
import {
  checkAccountName,
  checkAccountNumber,
  checkFields,
  checkServiceAddress,
} from '../../../shared/check/fields';
import { ocrNearMiss } from '../../../shared/check/near-miss';

const addr = (line1: string, line2: string | null, city: string, state: string, zip: string): Address => ({
  line1,
  line2,
  city,
  state,
  zip,
});

describe('a one-glyph OCR slip in an unsure word', () => {
  it('"Flo" read for "Fl 9" (61% sure) is not verified, not a mismatch', () => {
    const bill = addr('20751 Prospect Pkwy', 'Flo', 'St. Petersburg', 'FL', '33701');
    const req = addr('20751 PROSPECT PARKWAY', 'Fl 9', 'St. Petersburg', 'FL', '33701');
    const words = [
      { text: '20751', conf: 0.93 },
      { text: 'Prospect', conf: 0.95 },
      { text: 'Pkwy', conf: 0.94 },
      { text: 'Flo', conf: 0.611 },
    ];
    expect(checkServiceAddress(bill, req).verdict).toBe('mismatch');
    const c = checkServiceAddress(bill, req, words);
    expect(c.verdict).toBe('missing');
    expect(c.probable).toBe('ocr');
    expect(c.reason).toMatch(/“Flo”.*61% sure.*O where the request has 9/);
  });

  it('"SEIm" read for "S Elm" (76% sure) is not verified', () => {
    const bill = addr('21251 SEIm Pl', null, 'Asheville', 'NC', '28801');
    const req = addr('21251 S Elm Pl', null, 'Asheville', 'NC', '28801');
    const words = [
      { text: '21251', conf: 0.9 },
      { text: 'SEIm', conf: 0.76 },
      { text: 'Pl', conf: 0.88 },
    ];
    expect(checkServiceAddress(bill, req, words).verdict).toBe('missing');
  });

  it('an account "Ccv-77231-9891" (a box edge read as C, 41%) against "CV-77231-9891" is not verified', () => {
    const c = checkAccountNumber('Ccv-77231-9891', 'CV-77231-9891', [{ text: 'Ccv-77231-9891', conf: 0.41 }]);
    expect(c.verdict).toBe('missing');
    expect(c.reason).toMatch(/extra C/);
  });

  it('an S OCR read as 5, even surely (86%), is a look-alike: not verified', () => {
    const words = [{ text: 'ER1-5705-1518', conf: 0.86 }];
    expect(checkAccountNumber('ER1-5705-1518', 'ER1-570S-1518', words).verdict).toBe('missing');
    expect(checkAccountNumber('ER1-5705-1518', 'ER1-570S-1518').verdict).toBe('mismatch');
  });

  it('a name with one letter unsure is not verified', () => {
    const c = checkAccountName('Foxgiove Coffee Roasters', 'Foxglove Coffee Roasters', [
      { text: 'Foxgiove', conf: 0.55 },
      { text: 'Coffee', conf: 0.95 },
      { text: 'Roasters', conf: 0.94 },
    ]);
    expect(c.verdict).toBe('missing');
  });
});

describe('a real difference stays a mismatch', () => {
  const words = [
    { text: '20751', conf: 0.55 },
    { text: 'Prospect', conf: 0.5 },
    { text: 'Pkwy', conf: 0.5 },
    { text: 'Fl', conf: 0.5 },
    { text: '9', conf: 0.5 },
    { text: 'St.', conf: 0.5 },
    { text: 'Petersburg', conf: 0.5 },
    { text: 'FL', conf: 0.5 },
    { text: '33701', conf: 0.5 },
  ];
  const bill = addr('20751 Prospect Pkwy', 'Fl 9', 'St. Petersburg', 'FL', '33701');

  it('a digit against a digit, however unsure the word: street number, unit, ZIP', () => {
    for (const req of [
      addr('20761 Prospect Pkwy', 'Fl 9', 'St. Petersburg', 'FL', '33701'),
      addr('20751 Prospect Pkwy', 'Fl 8', 'St. Petersburg', 'FL', '33701'),
      addr('20751 Prospect Pkwy', 'Fl 9', 'St. Petersburg', 'FL', '33702'),
    ])
      expect(checkServiceAddress(bill, req, words).verdict).toBe('mismatch');
    expect(
      checkAccountNumber('CV-77231-9891', 'CV-77231-9892', [{ text: 'CV-77231-9891', conf: 0.3 }]).verdict,
    ).toBe('mismatch');
  });

  it('a digit more or less', () => {
    const req = addr('20751 Prospect Pkwy', 'Fl 91', 'St. Petersburg', 'FL', '33701');
    expect(checkServiceAddress(bill, req, words).verdict).toBe('mismatch');
  });

  it('a letter slip in a word OCR read surely (a text layer has no OCR words at all)', () => {
    const sure = [{ text: 'Foxglove', conf: 0.95 }];
    expect(checkAccountName('Foxglove Coffee', 'Foxglave Coffee', sure).verdict).toBe('mismatch');
    expect(checkAccountName('Foxglove Coffee', 'Foxglave Coffee').verdict).toBe('mismatch');
  });

  it('a slip outside the unsure word, or two glyphs apart', () => {
    const ws = [
      { text: 'Foxglove', conf: 0.95 },
      { text: 'Coffee', conf: 0.5 },
    ];
    expect(checkAccountName('Foxglove Coffee', 'Foxglave Coffee', ws).verdict).toBe('mismatch');
    expect(checkAccountName('Foxglove Coffee', 'Foxglove Toffea', ws).verdict).toBe('mismatch');
    expect(checkAccountName('Foxglove Coffee', 'Bluebird Bakery', ws).verdict).toBe('mismatch');
  });

  it('through checkFields: only the fields whose words are given are eased', () => {
    const fields: BillFields = {
      carrier: 'Cascade Voice',
      accountName: 'Oluwaseun Moreau',
      accountNumber: 'Ccv-77231-9891',
      btn: '3025550160',
      serviceAddress: null,
      billDate: '2024-09-04',
      numbers: ['3025550160'],
    };
    const subject = {
      accountName: 'Oluwaseun Moreau',
      accountNumber: 'CV-77231-9891',
      btn: '302-555-0160',
      serviceAddress: null,
      numbersToPort: ['3025550160'],
    };
    const v = (ocr?: Parameters<typeof checkFields>[3]) =>
      checkFields(fields, subject, '2024-09-10', ocr).find((c) => c.field === 'accountNumber')!.verdict;
    expect(v()).toBe('mismatch');
    expect(v({ accountName: [{ text: 'Ccv-77231-9891', conf: 0.41 }] })).toBe('mismatch');
    expect(v({ accountNumber: [{ text: 'Ccv-77231-9891', conf: 0.41 }] })).toBe('missing');
  });
});

describe('ocrNearMiss', () => {
  it('ignores spaces and punctuation, and needs the glyph inside an unsure word', () => {
    expect(ocrNearMiss('SEIm Pl', 'S Elm Pl', [{ text: 'SEIm', conf: 0.7 }])).toMatchObject({
      word: 'SEIm',
      billGlyph: 'I',
      otherGlyph: 'L',
    });
    expect(ocrNearMiss('SEIm Pl', 'S Elm Pl', [{ text: 'Pl', conf: 0.2 }])).toBeNull();
    expect(ocrNearMiss('SEIm Pl', 'S.E.I.M. PL', [{ text: 'SEIm', conf: 0.7 }])).toBeNull();
    expect(ocrNearMiss('SEIm Pl', 'S Elm Pl', [])).toBeNull();
  });

  it('takes a name whose first letter OCR read in lower case as a slip of that letter, however sure', () => {
    // a phone app's screen: "Billings" read as "gillings" at 91%
    expect(ocrNearMiss('gillings', 'Billings', [{ text: 'gillings', conf: 0.91 }])).toMatchObject({
      billGlyph: 'G',
      otherGlyph: 'B',
    });
    // a capital read as a capital, or a slip past the first letter of a sure word, is a mismatch
    expect(ocrNearMiss('Gillings', 'Billings', [{ text: 'Gillings', conf: 0.91 }])).toBeNull();
    expect(ocrNearMiss('billinqs', 'Billings', [{ text: 'billinqs', conf: 0.91 }])).toBeNull();
  });
});
