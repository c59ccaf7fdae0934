// The traps a bill sets for a reader: remit-to and mailing addresses, carrier contact numbers,
// periods and due dates, ZIP+4 and leading-zero ZIPs, units, BTN-embedding account numbers.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('extractBill traps', () => {
  it('takes the service address, not the remit-to or the envelope-window mailing address', () => {
    const f = extractBill([
      gridPage([
        'HARBORLINE TELECOM',
        'Remit to: Harborline Telecom, PO Box 3300, Boston, MA 02241-3300',
        '',
        'QUINCY HARBOR DENTAL GROUP                     Account Number: 70-4411-902',
        'ATTN: BILLING                                  Bill Date: 08/14/2024',
        '88 Accounts Way                                Main Number: (617) 555-0133',
        'Braintree, MA 02184',
        '',
        'Account Name: Quincy Harbor Dental Group',
        'Service Address: 1 Marina Park Dr, Floor 3, Boston, MA 02110-1234',
        '',
        '(617) 555-0133    Business Line    $40.00',
      ]),
    ]).fields;
    expect(f.serviceAddress).toMatchObject({ city: 'Boston', state: 'MA', zip: '02110-1234' });
    expect(f.serviceAddress?.line1).toMatch(/^1 Marina Park Dr/);
    expect(f.accountName).toBe('Quincy Harbor Dental Group');
  });

  it('finds an unlabelled service block but never the remit-to block', () => {
    const f = extractBill([
      gridPage([
        'PEAK WIRELESS',
        'Send payments to:',
        'Peak Wireless',
        'PO Box 5000',
        'Phoenix, AZ 85072-5000',
        '',
        'Account #: 55123',
        'Desert Bloom Florist',
        '4120 E Camelback Rd Ste 9',
        'Phoenix, AZ 85018',
      ]),
    ]).fields;
    expect(f.serviceAddress).toMatchObject({ line1: '4120 E Camelback Rd Ste 9', zip: '85018' });
  });

  it('takes the BTN, not customer care, repair or fax numbers, and keeps those out of numbers', () => {
    const f = extractBill([
      gridPage([
        'ORCHARD TEL',
        'Customer Care: 1-800-555-0150     Repair: 1-800-555-0151',
        'Fax: (509) 555-0152',
        'Account No: 301-7781    Account Phone: (509) 555-0160',
        'Statement Date: 02/03/2025',
        '',
        'Usage by line',
        'Number           Minutes    Charges',
        '509-555-0160     410        $25.00',
        '509-555-0161     22         $25.00',
        '',
        'Call us at (509) 555-0153 or visit us online.',
      ]),
    ]).fields;
    expect(f.btn).toBe('5095550160');
    expect(f.numbers.sort()).toEqual(['5095550160', '5095550161']);
  });

  it('takes the bill date, not the statement period or the due date, whatever comes first', () => {
    const f = extractBill([
      gridPage([
        'RIVERBEND CABLE',
        'Statement Period: 06/01/2024 - 06/30/2024',
        'Payment Due Date: 07/25/2024',
        'Pay by: 07/25/2024',
        'Statement Date: 07/05/2024',
        'Account Number: 4410 2231 9',
      ]),
    ]).fields;
    expect(f.billDate).toBe('2024-07-05');
    const g = extractBill([
      gridPage(['Billing period Jun 1, 2024 - Jun 30, 2024', 'Due Jul 25, 2024', 'Date: Jul 5, 2024']),
    ]).fields;
    expect(g.billDate).toBe('2024-07-05');
  });

  it('keeps ZIPs that start with 0 and ZIP+4, and units on a second line or merged', () => {
    const f = extractBill([
      gridPage([
        'Service Location:',
        '250 Broad St',
        'Apt 4C',
        'Hartford, CT 06103-2204',
        '',
        'Account Number 1234567',
      ]),
    ]).fields;
    expect(f.serviceAddress).toEqual({
      line1: '250 Broad St',
      line2: 'Apt 4C',
      city: 'Hartford',
      state: 'CT',
      zip: '06103-2204',
    });
    const g = extractBill([
      gridPage(['Service Address   9 Elm Ave Suite 12', '                  Newark NJ 07102']),
    ]).fields;
    expect(g.serviceAddress).toMatchObject({
      line1: '9 Elm Ave Suite 12',
      city: 'Newark',
      state: 'NJ',
      zip: '07102',
    });
  });

  it('reads account numbers that embed the BTN without making a phone number of them', () => {
    const f = extractBill([
      gridPage([
        'ACCOUNT NUMBER: 208-555-0144-117',
        'TELEPHONE NUMBER: 208 555-0144',
        '208 555-0144      BUSINESS LINE      $20.00',
      ]),
    ]).fields;
    expect(f.accountNumber).toBe('208-555-0144-117');
    expect(f.btn).toBe('2085550144');
    expect(f.numbers).toEqual(['2085550144']);
  });

  it('does not confuse Account Name with Account Number under OCR noise', () => {
    const f = extractBill([
      gridPage(
        [
          'Acc0unt Narne      Pinecrest Bakery',
          'Acc0unt Nurnber    77-0012-4',
          'Bi1l Date          O3/O9/2025',
        ],
        { source: 'ocr', conf: 0.8 },
      ),
    ]).fields;
    expect(f.accountName).toBe('Pinecrest Bakery');
    expect(f.accountNumber).toBe('77-0012-4');
    expect(f.billDate).toBe('2025-03-09');
  });

  it('falls back to the BTN embedded in the account number when no BTN label exists', () => {
    const f = extractBill([
      gridPage([
        'Account #: 720-555-0111-02',
        '720-555-0111    Line    $5.00',
        '720-555-0112    Line    $5.00',
      ]),
    ]).fields;
    expect(f.btn).toBe('7205550111');
  });

  it('leaves out called numbers in call detail, disconnected numbers and header toll-free numbers', () => {
    const f = extractBill([
      gridPage([
        'TALLGRASS WIRELESS                                 1-800-555-0143 | tallgrass.example',
        'Account Number: TW-5521-09        Bill Date: 05/13/2024',
        'Line summary',
        'Number            User          Plan             Total',
        '401-555-0183      Carlos P.     Shared 20GB      $38.40',
        '401-555-0169      James K.      Hotspot 50GB     $88.82',
        '',
        'Call detail for 401-555-0183',
        'Date     Time        Number            Location          Min',
        '4/10     9:00 PM     937-555-0173      DAYTON OH         48',
        '4/11     8:00 PM     508-555-0100      WORCESTER MA      43',
        '',
        'Numbers ported out or disconnected',
        '401-555-0178          Disconnected 04/23/2024',
        '401-555-0177          Disconnected 04/23/2024',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['4015550169', '4015550183']);
  });

  it('expands number blocks written as ranges', () => {
    const f = extractBill([
      gridPage([
        'Telephone number(s)                          Description              Qty    Amount',
        '413-555-0106                                 Business Line            1      $9.13',
        '413-555-0140 thru 413-555-0143               DID block (4 numbers)    4      $33.62',
        '413-555-0152 - 0154                          DID block (3 numbers)    3      $26.53',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual([
      '4135550106',
      '4135550140',
      '4135550141',
      '4135550142',
      '4135550143',
      '4135550152',
      '4135550153',
      '4135550154',
    ]);
  });

  it('keeps a sidebar contact number out while keeping the table row beside it', () => {
    const f = extractBill([
      gridPage([
        'Number                             User        Plan              Total',
        'Lost or stolen: 1-888-555-0180     937-555-0167        Keiko O.    Unlimited    $93.66',
        'TTY 1-877-555-0115                 937.555.0168        Mei A.      Tablet       $36.80',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['9375550167', '9375550168']);
  });

  it('joins a name that wraps onto the next line of its column', () => {
    const f = extractBill([
      gridPage([
        'Account Name                Total due',
        'Haverford Machine Works     $2,757.49',
        'LLP',
        '',
        'Account Number',
        '121944777',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Haverford Machine Works LLP');
    expect(f.accountNumber).toBe('121944777');
  });

  it('keeps real letters in account numbers read from a text layer', () => {
    const f = extractBill([gridPage(['Customer ID:   VJ7-892D-0840', 'Account #:   8285550172-88L'])]).fields;
    expect(['VJ7-892D-0840', '8285550172-88L']).toContain(f.accountNumber);
  });

  it('ignores an unlabelled remit block in a payment stub on top', () => {
    const f = extractBill([
      gridPage(
        [
          'FOXRIVER TELECOM                               Account Number: 123-456-789',
          '                                               Amount Due: $100.00',
          '                                               Due Date: 08/01/2024',
          'JOHN DOE LLC                                   Amount Enclosed: ______',
          '120 Lake Ave',
          'Anytown, WI 54301                              FOXRIVER TELECOM',
          '                                               2200 Commerce Pkwy',
          '                                               Green Bay, WI 54303-9000',
          '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -',
          'Statement Date: 07/10/2024',
          'Service at: 77 Bay Beach Rd, Green Bay, WI 54302',
        ],
        { scale: { 0: 1.4 } },
      ),
    ]).fields;
    expect(f.serviceAddress).toMatchObject({ line1: '77 Bay Beach Rd', zip: '54302' });
    expect(f.billDate).toBe('2024-07-10');
    expect(f.accountNumber).toBe('123-456-789');
    expect(f.accountName).toBe('JOHN DOE LLC');
  });
});
