// A name taught on two lines (a legal name over its DBA line) is read on two lines of the next
// bill only when the second line is a name's: this bill's name fits on one line ("… d/b/a …") and
// the line under it is the next caption (heron la-125 of dev seed 11500 read "Hoang Ventures Inc.
// d/b/a Bennett Street Bakery Location of Service").
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { applyLearned, learnCarrier } from '../../../shared/extract/learn';
import { gridPage } from './grid';

const bill = (name: string[], caption: string, acct: string, btn: string, street: string, city: string) => [
  'HERON',
  'BUSINESS TELEPHONE                                 Customer Care 1-800-555-0122',
  '',
  `                                                   Account Number     ${acct}`,
  '                                                   Bill Date          Jun 7, 2025',
  `                                                   Main Number        ${btn}`,
  '',
  'Customer Name',
  ...name,
  caption,
  street,
  city,
  '',
  'Summary of Charges',
  'Previous Balance                        $960.36',
];

const taught = bill(
  ['Bennett Partners LLC', "DBA Mei's Pizza"],
  'Service Address',
  '3340-492003-003',
  '315-555-0157',
  '42 Chestnut Way',
  'Syracuse, NY 13202',
);
const profile = learnCarrier(
  [gridPage(taught)],
  {
    carrier: 'Heron Business Telephone',
    accountName: "Bennett Partners LLC DBA Mei's Pizza",
    accountNumber: '3340-492003-003',
    btn: '3155550157',
    billDate: '2025-06-07',
    serviceAddress: { line1: '42 Chestnut Way', line2: null, city: 'Syracuse', state: 'NY', zip: '13202' },
  },
  [],
  { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
).profile;

describe('a name learned on two lines', () => {
  it('was learned as two lines', () => {
    expect(profile.fields.accountName?.anchors.some((a) => a.lines === 2)).toBe(true);
  });

  it('stops at the caption under a one-line name', () => {
    const pages = [
      gridPage(
        bill(
          ['Hoang Ventures Inc. d/b/a Bennett Street Bakery'],
          'Location of Service',
          '6502-018043-009',
          '207.555.0143',
          '25029 Station Pkwy',
          'Portland, ME 04101',
        ),
      ),
    ];
    const { extraction } = applyLearned(pages, extractBill(pages), [profile]);
    expect(extraction.fields.accountName).toBe('Hoang Ventures Inc. d/b/a Bennett Street Bakery');
  });

  it('still reads a two-line name on two lines', () => {
    const pages = [
      gridPage(
        bill(
          ['Tran Holdings LLC', 'DBA Corner Bakery'],
          'Service Address',
          '6502-018043-010',
          '207.555.0144',
          '18 Elm St',
          'Portland, ME 04101',
        ),
      ),
    ];
    const { extraction } = applyLearned(pages, extractBill(pages), [profile]);
    expect(extraction.fields.accountName).toBe('Tran Holdings LLC DBA Corner Bakery');
  });
});

// A photo cut the name short at the learned place ("… RAMIREZ STREET DR\"", heron lf-169 of seed
// 11505) where the reader found it whole in the mailing block: the whole name stands.
describe('a learned name read cut short', () => {
  it('leaves the whole name the reader found elsewhere', () => {
    const rows = bill(
      ['ZIMMERMAN VENTURES INC. D/B/A RAMIREZ STREET DR"'],
      'Service Address',
      '8752-058843-008',
      '207.555.0150',
      '18 Elm St',
      'Portland, ME 04101',
    );
    const pages = [gridPage(rows, { source: 'ocr', conf: 0.9 })];
    // the reader's whole name, as it found it in the photo's mailing block
    const read = extractBill(pages);
    const whole = 'Zimmerman Ventures Inc. d/b/a Ramirez Street Dry Cleaners';
    const generic = { ...read, fields: { ...read.fields, accountName: whole } };
    const { extraction, sources } = applyLearned(pages, generic, [profile]);
    expect(extraction.fields.accountName).toBe('Zimmerman Ventures Inc. d/b/a Ramirez Street Dry Cleaners');
    expect(sources.accountName).toBe('read');
  });
});
