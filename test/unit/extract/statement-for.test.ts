// A heading that names what a statement is for: by its account number ("Statement for 4471 0912",
// "Statement for account 4471 0912") it gives the account number, by its line ("Your bill for
// 303-555-0142", "Statement for (303) 555-0177") the BTN, and before a month nothing.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const bill = (heading: string) =>
  extractBill([
    gridPage([
      'Lumen                                              Page 1 of 3',
      heading,
      'Bill Date: Apr 14, 2025',
      '',
      'HARBOR DENTAL LLC',
      '12 ELM ST',
      'BOISE ID 83702',
      '',
      '(303) 555-0142   Business Line   $40.00',
      '(303) 555-0177   Business Line   $40.00',
      '(303) 555-0190   Fax Line        $25.00',
    ]),
  ]).fields;

describe('a heading that says whom the statement is for', () => {
  it('gives the account number it names (Lumen, Frontier, CenturyLink)', () => {
    for (const [h, want] of [
      ['Statement for 4471 0912', '4471 0912'],
      ['Statement for account 4471 0912', '4471 0912'],
      ['Statement for Account Number 4471 0912 3345', '4471 0912 3345'],
      ['Bill for account 4471 0912', '4471 0912'],
      ['Invoice for account 4471 0912', '4471 0912'],
      ['Summary for account 4471 0912', '4471 0912'],
      ['Monthly statement for account 4471 0912', '4471 0912'],
      ['Bill for 8352 10 012 3456789', '8352 10 012 3456789'],
    ] as const)
      expect(bill(h).accountNumber, h).toBe(want);
  });

  it('gives the BTN it names, never as the account (AT&T, Vonage)', () => {
    for (const h of [
      'Your bill for 303-555-0177',
      'Your bill for (303) 555-0177',
      'Statement for 303-555-0177',
    ]) {
      const f = bill(h);
      expect(f.btn, h).toBe('3035550177');
      expect(f.accountNumber, h).toBeNull();
    }
  });

  it('gives nothing before a month or a name', () => {
    for (const h of ['Statement for April 2025', 'Statement for Harbor Dental LLC']) {
      const f = bill(h);
      expect(f.accountNumber, h).toBeNull();
      expect(f.btn, h).not.toBe('3035550177');
    }
  });
});
