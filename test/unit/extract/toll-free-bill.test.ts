// A toll-free / contact-centre service bill (make-bills avocet-communications): the account's
// services are toll-free numbers, each with the number it rings to. A ring-to number is where the
// calls go: it is on the account only when the bill lists it as a line of its own.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

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

  // A phone's photo of an Avocet bill (seed 11510, av-010), sheared so much that the table's rows
  // fall apart: "8005550119" stands alone on its line, its price and ring-to on others.
  const photo = extractBill(wordDump('avocet-photo-toll-free-table')).fields;
  const LINES = [
    '8885550135',
    '8665550145',
    '8005550127',
    '8555550190',
    '8005550184',
    '8005550119',
    '8555550183',
  ];

  it('reads every number under the "Toll-Free Number" heading as a line, priced on its line or not', () => {
    for (const n of LINES) expect(photo.numbers).toContain(n);
    for (const n of ['5205550127', '5205550157', '5205550113', '5205550114'])
      expect(photo.numbers).toContain(n);
    // the carrier's care numbers, the disconnected ones and the ring-tos elsewhere stay out
    for (const n of ['8005550171', '8885550166', '8665550175', '8775550154', '8005550117', '8005550150'])
      expect(photo.numbers).not.toContain(n);
    for (const n of ['5205550110', '8165550133', '5205550196']) expect(photo.numbers).not.toContain(n);
  });

  it('reads a usage row whose exchange OCR slipped ("1-800-565-0119") as the line it repeats', () => {
    expect(photo.numbers).not.toContain('8005650119');
    expect(photo.numbers).toHaveLength(11);
  });

  it('reads the first row under the "Toll-Free Number" heading as a line, the heading no care caption', () => {
    // a scan (seed 11515, af-018) whose first row split from its price: the heading stood over it
    const f = extractBill(wordDump('avocet-scan-toll-free-first-row')).fields;
    expect(f.numbers).toContain('8555550100');
    expect(f.numbers.sort()).toEqual(
      [
        '8555550100',
        '8005550150',
        '8445550105',
        '8775550140',
        '8775550119',
        '8665550187',
        '8555550121',
        '8555550160',
        '2085550142',
        '2085550171',
        '2085550172',
      ].sort(),
    );
  });

  it('reads an unsure usage row ("866.565.0150") as the line it repeats, its exchange alone', () => {
    // a fax (seed 11515, af-012): 866-555 holds only that line, but the slip was read unsurely
    const f = extractBill(wordDump('avocet-fax-usage-slip')).fields;
    expect(f.numbers).not.toContain('8665650150');
    expect(f.numbers).toContain('8665550150');
  });
});
