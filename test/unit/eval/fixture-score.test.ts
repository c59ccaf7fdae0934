// The fixture scorer on a document that does not show a field: an app screenshot has no bill date,
// its truth holds null, and intake is right only when it reads none (a date there was invented).
import { describe, expect, it } from 'vitest';
import { fieldOk, scoreBill, type FixtureRecord } from '../../../scripts/eval/fixture-score.mjs';

const rec: FixtureRecord = {
  id: 'by-001',
  file: 'by-001.png',
  pages: 1,
  template: 'skylark-wireless',
  rendition: 'screenshot',
  truth: {
    accountName: 'Keiko Moreau',
    accountNumber: '862246285',
    btn: '6035550131',
    serviceAddress: {
      line1: '136 SW Pioneer Rd',
      line2: 'Unit 177',
      city: 'Manchester',
      state: 'NH',
      zip: '03101',
    },
    billDate: null,
    numbers: ['6035550131'],
  },
  expected: {
    asOf: '2025-06-10',
    discrepancy: null,
    verdicts: {
      accountName: 'match',
      accountNumber: 'match',
      btn: 'match',
      serviceAddress: 'match',
      numbersOnBill: 'match',
      billAge: 'missing',
    },
  },
};

describe('fixture scorer: a field the document does not show', () => {
  it('counts no value as right and any value as wrong', () => {
    expect(fieldOk('billDate', null, null)).toBe(true);
    expect(fieldOk('billDate', undefined, null)).toBe(true);
    expect(fieldOk('billDate', '2025-07-25', null)).toBe(false);
    // a field the document shows is still wrong when intake reads none
    expect(fieldOk('billDate', null, '2025-07-25')).toBe(false);
    expect(fieldOk('billDate', '2025-07-25', '2025-07-25')).toBe(true);
  });

  it("scores an undated screenshot's 'missing' bill age as right, and no false alarm", () => {
    const out = {
      fields: { ...rec.truth, billDate: null },
      checks: { ...rec.expected.verdicts },
    };
    const row = scoreBill(rec, out, { seconds: 1, timedOut: false, stderr: '' });
    expect(row.fields.billDate).toBe(true);
    expect(row.falseAlarm).toBe(false);
    const invented = scoreBill(
      rec,
      { ...out, fields: { ...out.fields, billDate: '2025-07-25' } },
      { seconds: 1, timedOut: false, stderr: '' },
    );
    expect(invented.fields.billDate).toBe(false);
  });
});
