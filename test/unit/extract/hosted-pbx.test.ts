// A hosted-PBX (UCaaS) invoice: an Invoice Number and a Customer Number beside the Account
// Number, the customer's "Primary Site", numbers in E.164 and other forms, an extension list, and
// a remittance stub whose bank scan line runs the account digits into the amount and a check digit.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('a hosted-PBX invoice', () => {
  const page = gridPage([
    'halyard                                                  INVOICE',
    'CLOUD COMMUNICATIONS                     Customer Number        3719811',
    '                                         Invoice Number         34563326',
    '                                         Account Number         HC-00435-3311',
    'Bill To                                  Invoice Date           10/08/2024',
    'Ironbridge Auto Repair                   Payment Due            10/25/2024',
    'Attn: Grace Okafor',
    '880 Lake Shore Dr',
    'Appleton, WI 54911',
    '',
    'Primary Site                  Company Main Number       Seats / Numbers',
    '37335 Quarry Ln               +1 920 555 0197           36 users / 4 DIDs',
    'Unit 21',
    'Green Bay, WI 54301-9165',
    '',
    'Total Amount Due              $1,346.32     Network Operations Center: +1 920 555 0123',
    '',
    'Phone Numbers (DIDs)',
    'Number              Type              Assigned To             Monthly',
    '+1 920 555 0197     Auto attendant    Main line               $1.50',
    '+19205550147        User              Patrick Dubois          $1.50',
    '1-920-555-0148      Fax (virtual)     Oluwaseun Eriksen       $1.50',
    '920 555 0149        User              Elena Schultz           $1.50',
    'Extensions',
    'Ext.     User                    Direct Number (DID)',
    '2205     Patrick Dubois          920 555 0147',
    '2207     Oluwaseun Eriksen       +19205550148',
    '2210     Samuel Yilmaz           (no direct number)',
    '2216     Elena Schultz           1-920-555-0149',
    '- - - - - - - - - - -  Please detach and return with payment  - - - - - - - - - - -',
    '                                         Account Number         HC-00435-3311',
    '                                         Amount Enclosed        $ __________',
    '                                         000004353311 0000134632 5',
  ]);

  it("reads the account number, the primary site and every DID, never an extension or the scan line's digits", () => {
    const f = extractBill([page]).fields;
    expect(f.accountNumber).toBe('HC-00435-3311');
    expect(f.btn).toBe('9205550197');
    expect(f.billDate).toBe('2024-10-08');
    expect(f.serviceAddress).toEqual({
      line1: '37335 Quarry Ln',
      line2: 'Unit 21',
      city: 'Green Bay',
      state: 'WI',
      zip: '54301-9165',
    });
    expect(f.numbers).toEqual(['9205550197', '9205550147', '9205550148', '9205550149']);
  });
});
