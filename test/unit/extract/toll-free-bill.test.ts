// A toll-free / contact-centre service bill (make-bills avocet-communications): the account's
// services are toll-free numbers, each with the number it rings to. A ring-to number is where the
// calls go: it is on the account only when the bill lists it as a line of its own.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const PAGE1 = [
  'avocet                                                  Customer ID                   847304',
  'COMMUNICATIONS                                          Account No.             2430-827-278',
  'Toll-Free & Contact Center Services                     Invoice Number            6300665560',
  '                                                        Bill Date                 12/09/2024',
  '                                                        Billing Period  11/07/2024 - 12/07/2024',
  '                                                        Payment Due               12/28/2024',
  '',
  '    Castellano Physical Therapy Co.',
  '    Attn: Mei Yilmaz',
  '    2962 Orchard Circle',
  '    Reno, NV 89501',
  '',
  'ACCOUNT PROFILE',
  'Billed To                  Castellano Physical Therapy Co.          Resp Org ID          AVO01',
  'Billing Telephone Number   775-555-0172                             CIC                   5726',
  'Customer Premises          26497 Liberty Parkway                    Toll-free numbers        6',
  '                           Unit 16                                  Local lines              1',
  '                           Reno, NV 89501',
  '',
  'Account Summary',
  'Previous Balance                                    $63.14',
  'Total Amount Due                                    $68.48',
  '',
  'Questions about this bill?',
  'Customer Care 1-800-555-0194 (24/7)   Toll-free trouble reporting 1-888-555-0113',
];

const COLUMN = [
  'avocet communications                                      Account No. 2430-827-278 12/09/2024',
  '',
  'Toll-Free Numbers',
  '',
  'Toll-Free Number   Vanity               Ring-To          Service                  Monthly',
  '8005550139                              775-555-0159     Toll-Free Inbound         $12.12',
  '8885550153         1-888-CASTELLA       775-555-0172     Toll-Free Inbound         $20.56',
  '8445550111                              404-555-0159     Toll-Free Inbound          $8.98',
  '8335550163         1-833-GO-CASTELLA    775-555-0146     Toll-Free w/ Routing       $7.82',
  '',
  'Toll-Free Usage by Number',
  'Number          Calls    Interstate Min    Intrastate Min    Total Min    Usage Charges',
  '8005550139        949             2,369             1,891        4,260          $123.54',
  '8885550153      1,423             3,109             1,968        5,077          $147.23',
  '',
  'Local Service',
  'Telephone Number     Service                                       Monthly',
  '775-555-0172         Business Line - Main                           $34.30',
];

const TOLL_FREE = ['8005550139', '8885550153', '8445550111', '8335550163'];

describe('a toll-free service bill', () => {
  it('reads the toll-free numbers of a Ring-To table as lines, and the numbers they ring to as none', () => {
    const f = extractBill([gridPage(PAGE1), gridPage(COLUMN, { page: 2 })]).fields;
    for (const n of TOLL_FREE) expect(f.numbers).toContain(n);
    // the main line rings from a toll-free number and is listed in the local lines: on the account
    expect(f.numbers).toContain('7755550172');
    // the other ring-to numbers are lines elsewhere
    expect(f.numbers).not.toContain('7755550159');
    expect(f.numbers).not.toContain('4045550159');
    expect(f.numbers).not.toContain('7755550146');
    // the carrier's care and trouble numbers are its own
    expect(f.numbers).not.toContain('8005550194');
    expect(f.numbers).not.toContain('8885550113');
    expect(f.accountNumber).toBe('2430-827-278');
    expect(f.btn).toBe('7755550172');
  });
});
