// A town's combined utility bill (make-bills municipal-utilities): electric, water, sewer,
// refuse and telephone on one statement. Its identifiers (a premise or location id shaped like a
// telephone number of the customer's area code, ten-digit meter numbers) are no lines, a line
// whose "service ended" is gone, and the premise printed by its street alone lies in the town of
// the customer's address block.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const BILL = [
  'Douglas County PUD No. 1                                  Utility Account          53-00913-27',
  'ELECTRIC - WATER - WASTEWATER - SOLID WASTE - PHONE       Premise ID                4062025285',
  '294 N Central Ave, Lewistown, MT 59457                    Customer Number             785120',
  'Utility Office (406) 555-0117                             Billing Date            02/13/2025',
  'After-hours outages (406) 555-0110                        Due Date                03/06/2025',
  'Pay-by-phone 24/7 (406) 555-0150                          Service Period   01/11/25 - 02/10/25',
  '',
  '   PRIYA OKAFOR                                           ACCOUNT SUMMARY',
  '   PO BOX 5521                                            Previous Balance           $217.86',
  '   BILLINGS MT 59101                                      Total Amount Due           $280.26',
  '',
  '   Service Location: 655 Juniper Pkwy Apt 18B',
  '',
  'Service     Meter #       Rate   Previous   Current   Mult   Usage         Amount',
  'Electric    4417096532    RS-1   41,235     42,147    1      912 kWh      $146.63',
  'Water       3983963147    W-1    895,700    897,700   1      2,000 Gal     $70.84',
  'Sewer                     SW-1                                              $37.56',
  'Refuse                    95 gal cart weekly                                $31.95',
  '',
  'TELEPHONE & BROADBAND',
  'Telephone Service        406-555-0156                                      $34.50',
  '  Caller ID                                                                 $5.00',
  'Additional Line          406-555-0142                                      $19.95',
  'Telephone 406-555-0162 service ended 01/24/2025                             $3.10',
  'Broadband 100 Mbps                                                         $62.29',
  'Taxes, Fees & Franchise Charges                                            $42.39',
];

describe('a town utility bill', () => {
  const x = extractBill([gridPage(BILL)]);

  it('reads a premise or location id shaped like a telephone number as no line and no BTN', () => {
    expect(x.fields.numbers).not.toContain('4062025285');
    expect(x.fields.btn).toBe('4065550156');
  });

  it('knows the premise id’s caption when a photo reads its "ID" as "10"', () => {
    const photo = BILL.map((l) => l.replace('Premise ID   ', 'Premise 10   '));
    const f = extractBill([gridPage(photo)]).fields;
    expect(f.numbers).not.toContain('4062025285');
    expect(f.btn).toBe('4065550156');
  });

  it('reads the Utility Account as the account, not the Customer Number beside it', () => {
    expect(x.fields.accountNumber).toBe('53-00913-27');
  });

  it('reads the numbers under a Meter # heading as meters, not lines', () => {
    expect(x.fields.numbers).not.toContain('4417096532');
    expect(x.fields.numbers).not.toContain('3983963147');
  });

  it('reads a line whose service ended as gone', () => {
    expect(x.fields.numbers).not.toContain('4065550162');
    expect([...x.fields.numbers].sort()).toEqual(['4065550142', '4065550156']);
  });

  // (the district's office, on one line in the header, is in the county seat: another town)
  it('puts a premise printed by its street alone in the town of the customer’s block', () => {
    expect(x.fields.serviceAddress).toMatchObject({ city: 'BILLINGS', state: 'MT', zip: '59101' });
    expect(`${x.fields.serviceAddress?.line1} ${x.fields.serviceAddress?.line2 ?? ''}`.trim()).toBe(
      '655 Juniper Pkwy Apt 18B',
    );
  });
});

describe('an envelope block beside an account summary whose rows fall between its lines', () => {
  // (a photo's rows: the summary's lines, a little off the block's, interleave with them)
  const PAGE = [
    'Roanoke Municipal Utilities                              Account Number      02-67708-60',
    '415 N 1st Ave, Roanoke, VA 24011                         Billing Date         03/04/2025',
    '',
    '   Kestrel Insurance Agency, L.L.C.',
    '   Attn: Sofia Zimmerman                                 ACCOUNT SUMMARY',
    '   3688 Aspen Blvd',
    '                                                         Previous Balance         $33.37',
    '   Suite 154',
    '                                                         Payment Received        -$33.37',
    '   Roanoke VA 24011-1972',
    '                                                         Total Amount Due         $42.79',
    '',
    '   Service Address: 6647 Mill Trl Suite 376, Roanoke VA 24011',
    '',
    'Local Telephone Service   540-555-0193                                            $22.87',
  ];
  it('takes the addressee above the street, not the line above the office address', () => {
    expect(extractBill([gridPage(PAGE)]).fields.accountName).toBe('Kestrel Insurance Agency, L.L.C.');
  });
});
