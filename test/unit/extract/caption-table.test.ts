// A header printed as a table of captions over values, the values centred in their cells, with
// two-digit years ("03/14/25"): the address cell's lines share a centre, not a left edge.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('a caption table with centred values', () => {
  it('reads the bill date, the account number and a centred address cell of three lines', () => {
    const f = extractBill([
      gridPage([
        'SANDPIPER                                                   Monthly Statement',
        '     Account No.          Invoice Date          Due Date          Amount Due',
        '    0046-804-784            02/26/24            03/16/24           $843.07',
        'Service period 01/25/24 - 02/24/24                          Previous bill 01/26/24',
        '',
        '      Account Name                  Main Number            Service Address',
        '  Pemberton Physical Therapy       (509) 555-0154          4331 Orchard Way',
        '                                                                Bldg 2',
        '                                                         Spokane, WA 99201',
        '',
        '  PEMBERTON PHYSICAL THERAPY',
        '  PO BOX 9120',
        '  SPOKANE, WA 99209',
        '',
        'Telephone Number   Description          Period              Amount',
        '(509) 555-0154     Business Line        01/25/24-02/24/24   $37.89',
      ]),
    ]).fields;
    expect(f.accountNumber).toBe('0046-804-784');
    expect(f.billDate).toBe('2024-02-26');
    expect(f.accountName).toBe('Pemberton Physical Therapy');
    expect(f.serviceAddress).toEqual({
      line1: '4331 Orchard Way',
      line2: 'Bldg 2',
      city: 'Spokane',
      state: 'WA',
      zip: '99201',
    });
    expect(f.numbers).toEqual(['5095550154']);
  });
});
