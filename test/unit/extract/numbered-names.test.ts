// Business names that open with a number ("3M Company", "24 Hour Fitness", "7-Eleven Store
// 3321") were taken for street lines: thrown away as the account name, and taken for line 1 of
// the address under them. A street line still never becomes the name.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { looksLikeStreet } from '../../../shared/extract/shapes';
import { gridPage } from './grid';

const NAMES = [
  '3M Company',
  '24 Hour Fitness',
  'A1 Auto Body',
  '7-Eleven Store 3321',
  '1-800 Flowers Inc',
  '99 Cents Only Stores',
  '360 Dental Group',
  '4 Seasons Landscaping',
  '24 Hour Fitness #412',
  '7-Eleven #3321',
  '2 Men and a Truck',
];

describe('a business name that opens with a number', () => {
  it('is no street line, and a street still is one', () => {
    for (const n of NAMES) expect(looksLikeStreet(n), n).toBe(false);
    // as a scan reads them, a look-alike digit inside a word
    for (const n of ['3M C0MPANY', '24 HOUR F1TNESS']) expect(looksLikeStreet(n), n).toBe(false);
    for (const s of [
      '24 Main St',
      '1250 Broadway',
      '100 Avenue of the Americas',
      '1402-88 Bay St',
      '7 Hour Ln',
      '12 Elm Street Suite 4',
      '500 Store Rd',
      '88 Center Plaza',
      '1250 Broadway #4',
      '12 Elm St & 5th Ave',
    ])
      expect(looksLikeStreet(s), s).toBe(true);
  });

  it('is read as the account name under its caption (AT&T, Comcast Business)', () => {
    for (const n of NAMES) {
      const f = extractBill([
        gridPage([
          'AT&T                                   Page 1 of 2',
          'Account Name: ' + n,
          'Account Number: 287 4471 0912 3        Issue Date: Apr 14, 2025',
          'Service Address: 12 Elm St, Boise, ID 83702',
          '',
          '(208) 555-0101   Business Line   $40.00',
        ]),
      ]).fields;
      expect(f.accountName, n).toBe(n);
      expect(f.serviceAddress?.line1).toBe('12 Elm St');
    }
  });

  it('heads its address block without becoming its street (Verizon, Spectrum windows)', () => {
    for (const n of NAMES) {
      const f = extractBill([
        gridPage([
          'verizon business',
          'Account Number: 287447109-00001        Invoice Date: 04/14/25',
          '',
          n.toUpperCase(),
          '12 ELM ST STE 4',
          'BOISE ID 83702-1144',
          '',
          '208-555-0101   Business Line   $40.00',
        ]),
      ]).fields;
      expect(f.serviceAddress?.line1, n).toMatch(/^12 ELM ST/);
      expect(f.accountName, n).toBe(n.toUpperCase());
    }
  });

  it('still stops at a street line under the name caption (Frontier)', () => {
    const f = extractBill([
      gridPage([
        'Frontier',
        'Customer Name:',
        '24 Main St',
        'Account Number: 808-555-0144-092419-5',
        'Bill Date: Apr 14, 2025',
        'Service Address: 24 Main St, Boise, ID 83702',
        '(208) 555-0101   Business Line   $40.00',
      ]),
    ]).fields;
    expect(f.accountName).not.toBe('24 Main St');
  });
});
