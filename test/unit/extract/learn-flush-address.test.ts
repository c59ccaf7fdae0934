// A service address set flush right of its caption, its lines sharing a right edge (tanager
// la-086 of dev seed 11500): the generic reader reads it, and so must the learned place, or the
// carrier's address is never learned ("not found") and its pictures get no help from the profile.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { applyLearned, learnCarrier } from '../../../shared/extract/learn';
import { gridPage } from './grid';

const bill = (acct: string, street: string, unit: string, city: string) => [
  'tanager                    Account',
  `                           ${acct}                 Statement date`,
  '                                                   February 13, 2024',
  '',
  'Bill to                                  Primary number                540-555-0158',
  'ABERNATHY VETERINARY CLINIC CORP.        Billing period      Jan 11, 2024 - Feb 10, 2024',
  'ATTN: MEI YILMAZ                         Payment due                   March 6, 2024',
  'PO BOX 48401',
  `ROANOKE, VA 24011                        Service address     ${street.padStart(18)}`,
  `                                                             ${unit.padStart(18)}`,
  `                                                             ${city.padStart(18)}`,
  '',
  '   Quick bill summary',
  '   Last bill                                                  $1,320.48',
  '',
  'Tanager Wireless · Business Care 1-800-555-0190',
];

const taught = learnCarrier(
  [gridPage(bill('626330625-00003', '27109 Meadow Rd', 'Suite 2A', 'Roanoke, VA 24011'))],
  {
    carrier: 'Tanager Wireless',
    accountNumber: '626330625-00003',
    serviceAddress: {
      line1: '27109 Meadow Rd',
      line2: 'Suite 2A',
      city: 'Roanoke',
      state: 'VA',
      zip: '24011',
    },
  },
  [],
  { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
);

describe('a service address set flush right of its caption', () => {
  it('is learned', () => {
    expect(taught.notFound).toEqual([]);
    expect(taught.learned).toContain('serviceAddress');
  });

  it("reads the carrier's next bill from the learned place", () => {
    const pages = [gridPage(bill('626330625-00004', '4410 Harbor Blvd', 'Suite 300', 'Roanoke, VA 24014'))];
    const { extraction, sources } = applyLearned(pages, extractBill(pages), [taught.profile]);
    expect(sources.serviceAddress).toBe('learned');
    expect(extraction.fields.serviceAddress).toMatchObject({
      line1: '4410 Harbor Blvd',
      line2: 'Suite 300',
      city: 'Roanoke',
      zip: '24014',
    });
  });
});
