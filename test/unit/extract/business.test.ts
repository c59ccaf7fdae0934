// Business bills: DID ranges, numbers in grids, wireless line sections with device ids, portal
// printouts, one-line addresses, spaced account numbers and fax headers, read from words laid
// out as the page shows them.
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { estimateSkew } from '../../../shared/extract/layout';
import { expandRange, expandShorthand, rowRange } from '../../../shared/extract/ranges';
import { parseAddressLines } from '../../../shared/extract/fields';
import { deviceIdShape, parseAccountNumber, splitStreetCity } from '../../../shared/extract/shapes';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

const block = (first: string, n: number) =>
  Array.from(
    { length: n },
    (_, k) => first.slice(0, 6) + String(Number(first.slice(6)) + k).padStart(4, '0'),
  );

describe('DID ranges', () => {
  it('expands the three printed styles to every number of the block', () => {
    expect(expandRange('312-555-0100 to 0149', '3125550100')).toEqual(block('3125550101', 49));
    expect(expandRange('312.555.0150 thru 312.555.0159', '3125550150')).toEqual(block('3125550151', 9));
    expect(expandRange('(312) 555-0120 – 555-0139 [20]', '3125550120')).toEqual(block('3125550121', 19));
  });

  it('reads the joiners OCR makes of "–" and "thru", and look-alike digits in the last number', () => {
    expect(expandRange('312-555-0100 — 0104', '3125550100')).toHaveLength(4);
    expect(expandRange('312-555-0100 thm 312-555-0104', '3125550100')).toHaveLength(4);
    expect(expandRange('312-555-0100 to O1O4', '3125550100')).toHaveLength(4);
  });

  it('reads a word joiner that keeps the short form’s dash ("thru -0147", "to -0147")', () => {
    expect(expandRange('970-555-0144 thru -0147', '9705550144')).toEqual(block('9705550145', 3));
    expect(expandRange('970-555-0144 to -0147 (4)', '9705550144')).toEqual(block('9705550145', 3));
    expect(expandRange('970-555-0144 through – 0147', '9705550144')).toEqual(block('9705550145', 3));
    const lines = ['Your lines', 'DIDs: 970-555-0144 to -0147  (4)   $12.00', 'Total  $12.00'];
    expect(extractBill([gridPage(lines)]).fields.numbers).toEqual(block('9705550144', 4));
  });

  it('believes the printed count over one slipped digit of the last number', () => {
    // "0139" read as "0133"; [20] says the block ends at 0139
    expect(expandRange('(312) 555-0120 – 555-0133 [20]', '3125550120')).toEqual(block('3125550121', 19));
    // a count that disagrees by more than one digit is the count's own misreading
    expect(expandRange('(312) 555-0120 – 555-0139 [7]', '3125550120')).toHaveLength(19);
  });

  it('reads ranges as billing exports print them: ten digits to ten digits, a caption before', () => {
    for (const row of [
      '3125550100-3125550149',
      'DID Range: 3125550100 - 0149',
      '(312) 555-0100 through (312) 555-0149',
    ]) {
      const f = extractBill([
        gridPage(['Account Number: 4471-902-336', `${row}      DID block      $10.00`]),
      ]).fields;
      expect(new Set(f.numbers), row).toEqual(new Set(block('3125550100', 50)));
    }
    // an account number that embeds a number is still no phone number
    const g = extractBill([
      gridPage(['Account Number: 860-555-0133-301', '860-555-0133   Business Line   $30.00']),
    ]).fields;
    expect(g.numbers).toEqual(['8605550133']);
  });

  it('reads a range whose dash a fax or scan lost, when its count vouches for it', () => {
    expect(expandRange('(775) 555-0109 555-0138 [30]', '7755550109')).toEqual(block('7755550110', 29));
    // without a count, two numbers side by side are two numbers
    expect(expandRange('(775) 555-0109 555-0138', '7755550109')).toEqual([]);
    expect(expandRange('(775) 555-0109 555-0138 [12]', '7755550109')).toEqual([]);
  });

  it('reads a range whose end the scan moved into the next column piece', () => {
    const f = extractBill([
      gridPage(
        [
          'DID NUMBER BLOCKS',
          '(469) 555-0137         555-0141 [5]       DID block, 5 numbers       5     $2.83',
          '469-555-0144 to 0146                      DID block, 3 numbers       3     $1.50',
        ],
        { source: 'ocr', conf: 0.95 },
      ),
    ]).fields;
    expect(f.numbers.sort()).toEqual([...block('4695550137', 5), ...block('4695550144', 3)]);
  });

  it('is no range when the ends are in different exchanges, out of order or far apart', () => {
    expect(expandRange('312-555-0100 to 312-556-0149', '3125550100')).toEqual([]);
    expect(expandRange('312-555-0149 to 0100', '3125550149')).toEqual([]);
    expect(expandRange('312-555-0100 - 2025 charges', '3125550100')).toEqual([]);
    expect(expandRange('312-555-0100 Business line', '3125550100')).toEqual([]);
  });

  it('expands a range laid out as a table row only when the quantity counts it exactly', () => {
    expect(
      rowRange('3125550100', '3125550109', ['312-555-0100', '312-555-0109', 'DID block', '10']),
    ).toHaveLength(9);
    expect(rowRange('3125550100', '3125550109', ['312-555-0100', '312-555-0109', '2'])).toEqual([]);
    expect(rowRange('3125550100', '3135550109', ['312-555-0100', '313-555-0109', '10'])).toEqual([]);
  });

  it('gives every number of a multi-page bill of ranges, with the appendix and page headers', () => {
    const head = (n: number) => `IRONWOOD      Account No. 8773105120044913      Page ${n} of 3`;
    const pages = [
      gridPage([
        head(1),
        'Account Number: 8773 10 512 0044913',
        'Main Billing Number: (312) 555-0100',
        'Service Address: 77 W Lake St Apt 4B, Chicago IL 60601-1234',
        'Invoice Date: 04/02/2025',
        'Business care 1-800-555-0190 (Mon-Fri 7-7)    Repair 1-888-555-0191',
      ]),
      gridPage(
        [
          head(2),
          'Service detail',
          'Number(s)                               Service                        Qty     Amount',
          '                                        VOICE LINES',
          '(312) 555-0100                          Business Line - Main           1       $40.00',
          '(312) 555-0160                          Fax Line                       1       $30.00',
          '                                        Subtotal voice lines                   $70.00',
          '                                        DID NUMBER BLOCKS',
          '312-555-0110 to 0129                    DID block, 20 numbers          20      $10.00',
          '312.555.0130 thru 312.555.0134          DID block, 5 numbers           5       $2.50',
          '(312) 555-0140 – 555-0149 [10]          DID block, 10 numbers          10      $5.00',
          '                                        Subtotal DID number blocks             $17.50',
        ],
        { page: 2 },
      ),
      gridPage(
        [
          head(3),
          'Numbers disconnected this period',
          '(312) 555-0170          Disconnected 03/12/2025',
          '',
          'Numbers on this account (37)',
          '(312) 555-0100    (312) 555-0110    (312) 555-0111',
        ],
        { page: 3 },
      ),
    ];
    const f = extractBill(pages).fields;
    const want = ['3125550100', '3125550160', ...block('3125550110', 25), ...block('3125550140', 10)];
    expect(new Set(f.numbers)).toEqual(new Set(want));
    expect(f.accountNumber?.replace(/\s/g, '')).toBe('8773105120044913');
    expect(f.btn).toBe('3125550100');
    expect(f.serviceAddress).toMatchObject({
      line1: '77 W Lake St Apt 4B',
      city: 'Chicago',
      zip: '60601-1234',
    });
  });
});

describe('call detail far below its heading', () => {
  it('keeps every called number of a long page out, however many rows under the heading', () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const called = `(${['206', '503', '702'][i % 3]}) 555-01${String(10 + i).padStart(2, '0')}`;
      return `${called}    06/${String((i % 28) + 1).padStart(2, '0')}    3:00 PM    Reno, NV    (423) 555-0187    11`;
    });
    const f = extractBill([
      gridPage(['Lines on this account', '(423) 555-0187     Business Line     $40.00']),
      gridPage(
        [
          'Call details',
          'Number called    Date     Time      Location    From line         Minutes',
          ...rows,
        ],
        {
          page: 2,
        },
      ),
    ]).fields;
    expect(f.numbers).toEqual(['4235550187']);
  });
});

describe('a business bill kept out of development (Quarry Hill)', () => {
  it('keeps ranges under a "Direct Inward Dial" heading, a "Bldg B" unit, and a "Remit:" payee', () => {
    const f = extractBill([
      gridPage([
        'ill                                   Account #:   YE8-537Z-8759',
        'Service Location Address: 8227 Ridge St Bldg B Manchester NH 03101',
        'DIRECT INWARD DIAL (DID) RANGES',
        '6035550108-6035550117                                            $12.00',
        'TN (603) 555-0120     TN (603) 555-0121',
        'FAX LINE              HUNTING LINE',
        'Remit: Quarry Hill Telecom, PO Box 2290, Barre, VT 05641-2290',
      ]),
    ]).fields;
    expect(new Set(f.numbers)).toEqual(new Set([...block('6035550108', 10), '6035550120', '6035550121']));
    expect(f.serviceAddress).toMatchObject({ line1: '8227 Ridge St Bldg B', city: 'Manchester' });
    expect(f.carrier).toBe('Quarry Hill Telecom');
  });
});

describe('numbers in grids', () => {
  it('gives every number of a grid whose plans (some worded like contact lines) sit beneath', () => {
    const f = extractBill([
      gridPage([
        'FIELDSTONE TELEPHONE COOPERATIVE',
        'Account No. ........ 7586-697-673',
        'Bill Date .......... June 28, 2024',
        '',
        'Your lines and services',
        '920.555.0124                  920.555.0109                  920.555.0179',
        'Business Line - Main $29.96   Customer Service Line $71.64  Fax Line $65.25',
        '920.555.0180                  920.555.0154                  920.555.0155',
        'Unlimited Talk & Text $15.24  Help Desk Line $21.08         Remote Call Forwarding $9.00',
        '920.555.0156',
        'Voice Mail Line $56.15',
        '',
        'Removed from your account this month',
        '920.555.0175                  920.555.0177',
        'Disconnected 06/25/2024       Disconnected 06/25/2024',
        '',
        'Repair: dial 611 or 920.555.0138    Fax: 920.555.0176',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(
      [
        '9205550124',
        '9205550109',
        '9205550179',
        '9205550180',
        '9205550154',
        '9205550155',
        '9205550156',
      ].sort(),
    );
  });

  it('drops a grid number whose state beneath says it is gone', () => {
    const f = extractBill([
      gridPage([
        'Lines on this account',
        '401-555-0101               401-555-0102               401-555-0103',
        'Business Line              Disconnected 03/04/2025    Hunting Line',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['4015550101', '4015550103']);
  });
});

describe('wireless business plans', () => {
  const bill = (idsOrder: 'ban-first' | 'ban-last') => {
    const ids =
      idsOrder === 'ban-first'
        ? [
            'Billing Account Number (BAN)   Customer ID     Invoice #',
            '287455120931                   CU23272495      225-6515921',
          ]
        : [
            'Invoice #       Customer ID     Account number',
            '225-6515921     CU23272495      2874 5512 0931',
          ];
    return [
      gridPage([
        'BAYfront',
        ...ids,
        '',
        'Account name:  Alder Creek Coffee Roasters PLLC',
        'Bill date:     Jul 5, 2025',
        'Primary line:  479.555.0157',
        'Primary place of use',
        '36456 Jefferson Highway Suite 5C, Fort Smith, AR 72901',
        '',
        'Line 1 · 479.555.0157 · Patrick L.                                   $60.78',
        '  Plan: Hotspot 50GB                                                 $33.64',
        '  Device: Google Pixel 8   IMEI 35 905529 561647 3',
        '  SIM (ICCID) 8901 5709 3635 2798 3720',
        '  Device installment agreement 2366-048545-030   payment 12 of 36   $41.69',
        'Line 2 · 479.555.0165 · James R.                                     $44.71',
        '  Device: Apple iPhone 14   IMEI 356897230526450',
        '  SIM (ICCID) 89014103211118510720',
        '  Device installment agreement 7073101234069   payment 11 of 36     $39.16',
        '',
        'Account number 287455120931',
      ]),
    ];
  };

  it('takes the BAN, not the Customer ID or the Invoice #, whichever comes first', () => {
    for (const order of ['ban-first', 'ban-last'] as const) {
      const f = extractBill(bill(order)).fields;
      expect(f.accountNumber?.replace(/\s/g, ''), order).toBe('287455120931');
    }
  });

  it('reads each line section and never a device, SIM or agreement id as a number', () => {
    const f = extractBill(bill('ban-first')).fields;
    expect(f.numbers.sort()).toEqual(['4795550157', '4795550165']);
    expect(f.btn).toBe('4795550157');
    expect(f.serviceAddress).toMatchObject({ line1: '36456 Jefferson Highway Suite 5C', city: 'Fort Smith' });
  });

  it('reads a line section whose middle dots OCR read as "+" and "-", and never an invoice number', () => {
    const f = extractBill([
      gridPage(
        [
          'Invoice #       Customer ID',
          '939-6231012     C40665920',
          'Account number: 826388026117',
          'Line 28 + 802.555.0162 - Grace G.                          $38.13',
          'Line 29 * 802.555.0170 , Marcus M.                         $30.34',
        ],
        { source: 'ocr', conf: 0.93 },
      ),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['8025550162', '8025550170']);
    // with its caption lost, the invoice number still reads as no phone number
    const g = extractBill([
      gridPage(['WIRELESS | BUSINESS    826388026117    C40665920    939-6231012']),
    ]).fields;
    expect(g.numbers).toEqual([]);
  });

  it('reads a line section whose middle dot OCR read as two marks ("+.", "*,")', () => {
    const f = extractBill([
      gridPage(
        [
          'Account number: 826388026117',
          'Line 28 +. 802.555.0162 - Grace G.                          $38.13',
          'Line 29 *, 802.555.0170 , Marcus M.                         $30.34',
        ],
        { source: 'ocr', conf: 0.93 },
      ),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['8025550162', '8025550170']);
  });

  it('knows IMEI and SIM shapes (Luhn check digit, ICCIDs start with 89)', () => {
    expect(deviceIdShape('356897230526450')).toBe(true);
    expect(deviceIdShape('89014103211118510720')).toBe(true);
    expect(deviceIdShape('356897230526451')).toBe(false);
    expect(deviceIdShape('8773105120044913')).toBe(false);
  });

  it('does not fall back on a device id when no account label survived', () => {
    const f = extractBill([
      gridPage([
        'BAYFRONT WIRELESS',
        'Device: Apple iPhone 15   IMEI 356897230526450',
        'SIM 89014103211118510720',
        'Installment agreement 7073101234069',
        'Statement for 287455120931',
      ]),
    ]).fields;
    expect(f.accountNumber).toBe('287455120931');
  });
});

describe('web-portal printouts', () => {
  it('keeps lines beside a column of account facts, and call detail numbers out', () => {
    const f = extractBill([
      gridPage([
        '7/22/24, 10:06 AM                     Crestline Business | Bill details',
        'Crestline business        Overview   Bills & payments   Usage   Support',
        'Company name                          Previous balance          $2,197.82',
        'Okonkwo Machine Works Ltd.            Balance due               $2,507.83',
        'Account number',
        '837075258                             Lines on this account (4)',
        'Bill date                             515.555.0118   Business Line - Main   $71.17',
        '07/12/2024                            515.555.0162   Voice Mail Line        $65.05',
        'Service location                      515.555.0184   Alarm Line             $43.64',
        '380 Harrison Highway                  515.555.0153   Fax Line               $58.16',
        'Des Moines, IA 50309-3370',
        'Billing address',
        'Attn: Keiko Eriksen',
        'https://my.crestline.example/business/billing?ban=837075258                         1/2',
      ]),
      gridPage(
        [
          '7/22/24, 10:06 AM                     Crestline Business | Bill details',
          'Call details',
          'Number called    Date     Time       Location            From line       Minutes',
          '406.555.0185     06/12    12:00 PM   Billings, MT        515.555.0118    44',
          '515.555.0150     06/12    6:00 PM    Des Moines, IA      515.555.0162    57',
          '413.555.0112     06/13    5:00 AM    Springfield, MA     515.555.0118    11',
          '315.555.0151     06/13    4:00 PM    Syracuse, NY        515.555.0184    56',
          'https://my.crestline.example/business/billing?ban=837075258                         2/2',
        ],
        { page: 2 },
      ),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['5155550118', '5155550153', '5155550162', '5155550184']);
    expect(f.billDate).toBe('2024-07-12');
    expect(f.accountNumber).toBe('837075258');
  });

  it('keeps a line beside the bill date of the facts column, on an account of two lines', () => {
    const f = extractBill([
      gridPage([
        'Statement date                        Lines on this account (2)',
        '10/25/2025                            727-555-0127   Voice Mail Line        $90.57',
        'Billing period                        727-555-0131   Business Line          $40.00',
        'Sep 23, 2025 - Oct 22, 2025',
        '',
        'Call details',
        'Date     Time       Line            To              Location        Minutes',
        '09/23    1:00 AM    727-555-0127    520-555-0154    Tucson, AZ      54',
        '09/24    2:00 PM    727-555-0127    918-555-0179    Tulsa, OK       24',
        '09/25    2:00 AM    727-555-0131    515-555-0132    Des Moines, IA  28',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['7275550127', '7275550131']);
  });

  it("keeps a line beside a label's value in the column on its left, not calling it call detail", () => {
    // the facts column's label and its value in pieces of their own, the lines beside them
    const f = extractBill([
      gridPage([
        'Account number:    837075258',
        'Statement date:       10/25/2025            727-555-0127   Voice Mail Line        $90.57',
        'Billing period:       Sep 23 - Oct 22       727-555-0131   Business Line          $40.00',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['7275550127', '7275550131']);
  });

  it('keeps a short list of lines beside a date under its caption (not call detail)', () => {
    // held-out make-bills seed 1, rc-017 (crestline text PDF): three rows, one beside the
    // statement date's value under its caption, and the whole list was taken for call detail
    const f = extractBill([
      gridPage([
        'Statement date                             Lines on this account (2)',
        '01/13/2025                                 (515) 555-0146   Business Line - Main   $78.47',
        '                                           (515) 555-0116   SIP Trunk Channel      $56.95',
        'Amount due                                 (515) 555-0106   Disconnected 12/24/2024',
        '$135.42',
      ]),
    ]).fields;
    expect(f.numbers.sort()).toEqual(['5155550116', '5155550146']);
  });

  it('does not take the browser print time for the bill date', () => {
    const f = extractBill([
      gridPage([
        'Printed 04/22/2025 3:14 PM                          Crestline Business | Bill details',
        'Account 837075258',
        'Amount due $220.10     due by 05/01/2025',
      ]),
    ]).fields;
    expect(f.billDate).toBeNull();
  });
});

describe('one-line addresses and spaced account numbers', () => {
  it('parses a service address printed on one line, with or without commas', () => {
    for (const [s, line1] of [
      ['77 W Lake St Apt 4B, Chicago IL 60601-1234', '77 W Lake St Apt 4B'],
      ['77 W Lake St Apt 4B Chicago IL 60601-1234', '77 W Lake St Apt 4B'],
      ['77 W Lake St #4B Chicago IL 60601', '77 W Lake St #4B'],
      ['1200 Broadway Suite 300 New York NY 10001', '1200 Broadway Suite 300'],
    ] as const) {
      const a = parseAddressLines([s])?.address;
      expect(a?.line1, s).toBe(line1);
      expect(a?.zip.slice(0, 5), s).toMatch(/^\d{5}$/);
    }
    expect(splitStreetCity('9 Pine St Apt 2 St. Petersburg')).toEqual({
      street: '9 Pine St Apt 2',
      city: 'St. Petersburg',
    });
  });

  it('reads the service address from a one-line label value', () => {
    const f = extractBill([
      gridPage(['Service address: 77 W Lake St Apt 4B, Chicago IL 60601-1234', 'Account No. 44120933']),
    ]).fields;
    expect(f.serviceAddress).toEqual({
      line1: '77 W Lake St Apt 4B',
      line2: null,
      city: 'Chicago',
      state: 'IL',
      zip: '60601-1234',
    });
  });

  it('keeps an account number grouped with spaces whole, and stops before a date after it', () => {
    expect(parseAccountNumber('8773 10 512 0044913', false)).toBe('8773 10 512 0044913');
    expect(parseAccountNumber('2874 5512 0931 04/22/2025', false)).toBe('2874 5512 0931');
    const f = extractBill([
      gridPage([
        'Account Number: 8773 10 512 0044913',
        'Bill Date: 03/01/2025',
        '',
        'Account: 8773105120044913      Page 2 of 6',
      ]),
    ]).fields;
    expect(f.accountNumber?.replace(/\s/g, '')).toBe('8773105120044913');
  });
});

describe('multi-location bills', () => {
  it('expands numbers printed in slash shorthand, by their last two or last four digits', () => {
    expect(expandShorthand('312-555-0140/41/42', '3125550140')).toEqual(['3125550141', '3125550142']);
    expect(expandShorthand('(312) 555-0140/0141/0187', '3125550140')).toEqual(['3125550141', '3125550187']);
    expect(expandShorthand('312.555.0140 / 47', '3125550140')).toEqual(['3125550147']);
    // a scan reads the slash as a bar
    expect(expandShorthand('312-555-0140|41', '3125550140')).toEqual(['3125550141']);
    // tails of mixed lengths, or a date after the number, are no shorthand
    expect(expandShorthand('312-555-0140/41/0142', '3125550140')).toEqual([]);
    expect(expandShorthand('312-555-0140 07/09/2024', '3125550140')).toEqual([]);
  });

  it('expands four-digit tails listed after a comma, "&" or "and", but not a street number', () => {
    expect(expandShorthand('970-555-0143, -0144, -0145', '9705550143')).toEqual(['9705550144', '9705550145']);
    expect(expandShorthand('970-555-0143 & 0144', '9705550143')).toEqual(['9705550144']);
    expect(expandShorthand('970-555-0143, 0144 and 0145', '9705550143')).toEqual([
      '9705550144',
      '9705550145',
    ]);
    expect(expandShorthand('970-555-0143, 1200 Main St', '9705550143')).toEqual([]);
    expect(expandShorthand('970-555-0143, 12 lines', '9705550143')).toEqual([]);
    expect(expandShorthand('970-555-0143, 2025-05-01', '9705550143')).toEqual([]);
  });

  describe('a list of numbers printed on one line after its caption', () => {
    const bill = (row: string) =>
      extractBill([
        gridPage([
          'ASPEN VALLEY TEL',
          'Account Number: 5512-0091    Bill Date: 05/06/2025',
          'Customer: Birchwood Yoga Studio',
          'Service Address: 18 Elm St, Aspen CO 81611',
          '',
          'Main number: (970) 555-0143',
          row,
          'Questions? Call (970) 555-0100, (970) 555-0101',
        ]),
      ]).fields.numbers;
    it.each([
      'Additional lines: (970) 555-0144, (970) 555-0145',
      'Other numbers billed to this account: (970) 555-0144, (970) 555-0145',
      'Numbers on this account: (970) 555-0144 and (970) 555-0145',
      'Lines: (970) 555-0144; (970) 555-0145',
      // a count after the caption, and the lists a hunt group or a set of DIDs makes
      'Lines (2): (970) 555-0144 (970) 555-0145',
      'Hunt group: (970) 555-0144, (970) 555-0145',
      'DIDs: (970) 555-0144, (970) 555-0145',
    ])('%s', (row) => {
      expect(bill(row)).toEqual(['9705550143', '9705550144', '9705550145']);
    });
    it('a block whose printed tally counts it, worded as the bill words it', () => {
      expect(bill('DID block (970) 555-0150 - 0153 (4 numbers)')).toEqual([
        '9705550143',
        '9705550150',
        '9705550151',
        '9705550152',
        '9705550153',
      ]);
      // a tally is no pass for a block the bill says is gone
      expect(bill('Disconnected DID block (970) 555-0150 - 0153 (4 numbers)')).toEqual(['9705550143']);
    });
    it('a toll-free number the account pays for, captioned in its priced row', () => {
      expect(bill('Toll Free Number 1-800-555-0199          $15.00')).toEqual(['9705550143', '8005550199']);
      expect(bill('Toll Free Customer Care 1-800-555-0199')).toEqual(['9705550143']);
    });
    it('never a number in a web address, nor one the bill says was ported to another carrier', () => {
      expect(bill('View online: https://my.aspenvalley.com/bill?tn=3035550199&acct=55120091')).toEqual([
        '9705550143',
      ]);
      expect(bill('(970) 555-0145 was ported to another carrier on 04/12/2025')).toEqual(['9705550143']);
    });
    it('a single number after "Lines:", and a line section headed "Local service for"', () => {
      expect(bill('Lines: (970) 555-0144')).toEqual(['9705550143', '9705550144']);
      expect(bill('Local service for (970) 555-0144')).toEqual(['9705550143', '9705550144']);
    });
  });

  const locationBill = (o: { summary: boolean }) =>
    gridPage([
      'TAMARACK                                                    Account No.:   906506473',
      '                                                            Main Number:   (401) 555-0178',
      '',
      ...(o.summary
        ? [
            'Summary of accounts - corporate account 32-9932371',
            'Location                          Account       Main number        Current charges',
            'Duluth, MN                        117875755     (218) 555-0159           $625.99',
            'Providence, RI (this statement)   906506473     (401) 555-0178         $1,477.67',
            'Des Moines, IA                    150799470     (515) 555-0121           $723.36',
            '',
          ]
        : []),
      'Lines by location',
      'Location                    Telephone number    Service                     Monthly',
      'Main Line                   (401) 555-0178      Business Line - Main         $12.13',
      'Help Desk                   (401) 555-0157      Alarm Line                   $54.71',
      'Customer Service Counter    (401) 555-0162      Hunting Line                 $73.95',
      'Front Office                (401) 555-0163      Fax Line                     $58.54',
      'Elevator Emergency Phone    (401) 555-0164      Business Line - Measured     $30.46',
      '',
      'Hunt groups',
      'Group                 Numbers                               Lines     Monthly',
      'Sales hunt group      (401) 555-0106/0116/0117              3         $152.75',
      'Main hunt group       (401) 555-0120/21                     2          $61.10',
      '',
      'Numbers disconnected 06/30/2025: (401) 555-0190/93',
      'Business office (401) 555-0152   Repair (401) 555-0194   Fax (401) 555-0107',
    ]);
  const lines = [
    '4015550178',
    '4015550157',
    '4015550162',
    '4015550163',
    '4015550164',
    '4015550106',
    '4015550116',
    '4015550117',
    '4015550120',
    '4015550121',
  ];

  it('keeps a number in the second column after a location named like a contact line', () => {
    const f = extractBill([locationBill({ summary: false })]).fields;
    expect(new Set(f.numbers)).toEqual(new Set(lines));
    // the carrier's own office, repair and fax numbers stay out; so do the removed ones
  });

  it("keeps the other accounts' main numbers of a corporate summary out, under their column heading", () => {
    const f = extractBill([locationBill({ summary: true })]).fields;
    expect(new Set(f.numbers)).toEqual(new Set(lines));
    expect(f.accountNumber).toBe('906506473');
    expect(f.btn).toBe('4015550178');
  });
});

describe('multi-location bills read by OCR', () => {
  it("takes the statement's own account and main number, not a summary's first row under its column headings", () => {
    const f = extractBill([
      gridPage(
        [
          'TAMARACK                                           Location Account       451954829',
          '                                                   Statement Date:        09/22/2024',
          '                                                   Location Main Number   509-555-0160',
          '',
          'summary of accounts - corporate account 96-3156220',
          'Location                          Account       Main number        Current charges',
          'Roanoke, VA                       788529409     540-555-0172           $1,542.16',
          'Hartford, CT                      297425725     860-555-0129           $1,422.02',
          'Spokane, WA (this statement)      451954829     509-555-0160           $1,298.33',
        ],
        { source: 'ocr', conf: 0.9 },
      ),
    ]).fields;
    expect(f.accountNumber).toBe('451954829');
    expect(f.btn).toBe('5095550160');
    expect(f.numbers).toEqual(['5095550160']);
  });

  it('keeps the rows of a priced table whose prices OCR lost, after a location named like a contact line', () => {
    const f = extractBill([
      gridPage(
        [
          'Location                    Telephone number    Service',
          'Main Line                   509-555-0160        Business Line - Main',
          'Billing Office              509-555-0119        Hunting Line',
          'Help Desk                   509-555-0143        Alarm Line                   $51.46',
          'Call Center Seat 4          509-555-0152        Business Line Measured       $41.19',
          'Fax - Accounting            509-555-0124        Business Line Flat Rate',
          'Loading Dock                509-555-0153        Business Line Flat Rate      $81.76',
          '',
          'Business office 509-555-0174   Repair 509-555-0123   Fax 509-555-0164',
        ],
        { source: 'ocr', conf: 0.9 },
      ),
    ]).fields;
    expect(f.numbers.sort()).toEqual([
      '5095550119',
      '5095550124',
      '5095550143',
      '5095550152',
      '5095550153',
      '5095550160',
    ]);
  });
});

describe('fax headers', () => {
  for (const header of [
    'MAY-06-2025 10:42  FROM: ACCOUNTING  312 555 0188  TO: 18005550123  P.001/004',
    '05/06/2025 10:42  (312) 555-0188  FRONT DESK  PAGE 1/4',
    'Fax from: 312-555-0188  Birchwood Bakery  05-06-25 10:42  Pg: 1/4',
  ])
    it(`never counts the sender's number nor takes the fax date: ${header.slice(0, 24)}…`, () => {
      const f = extractBill([
        gridPage([
          header,
          '',
          'GRANITE STATE TELEPHONE',
          'Account Number: 4471-902-336',
          '',
          'Lines on this account',
          '(312) 555-0142     Business Line     $42.10',
          '(312) 555-0177     Business Line     $42.10',
        ]),
      ]).fields;
      expect(f.numbers.sort()).toEqual(['3125550142', '3125550177']);
      expect(f.billDate).toBeNull();
    });
});

describe('a fax header a photo cut short', () => {
  it("is known by the sending number the other pages' headers carry", () => {
    // seed 11351 hr-057 (a Tamarack photo) as OCR read it: page 1, and page 2's top strip.
    // Page 1's header lost its date, time and counter to the picture's edge and the slant
    // ("…OUNTING 302 555 0185"), and its sender's number was counted as a line on the account.
    const pages = wordDump('tamarack-photo-fax-header-cut');
    const f = extractBill(pages).fields;
    expect(f.btn).toBe('3025550127');
    expect(f.numbers).toEqual(['3025550127']);
  });
});

describe('skew of a page of call detail', () => {
  it('is not thrown off by brackets reaching below the line ("(312) 555-0147" rows)', () => {
    // rows tilted 1° down to the right; a bracketed area code's box reaches 2 pt lower than the
    // number beside it, as OCR boxes them
    const words: PageWords['words'] = [];
    const tilt = Math.tan(Math.PI / 180);
    for (let r = 0; r < 40; r++) {
      const y = 80 + r * 11;
      for (const [x, text, drop] of [
        [40, '(312)', 2],
        [62, '555-0147', 0],
        [150, '3:00', 0],
        [170, 'PM', 0],
        [260, 'Reno,', 1.5],
        [286, 'NV', 0],
        [380, '(775)', 2],
        [402, '555-0110', 0],
      ] as [number, string, number][]) {
        const w = text.length * 4.2;
        const dy = (x + w / 2) * tilt;
        words.push({ text, x0: x, x1: x + w, y0: y + dy, y1: y + 7 + dy + drop, conf: 0.95 });
      }
    }
    expect(estimateSkew(words)).toBeCloseTo(1, 0);
  });
});

describe('DID blocks a photo bent', () => {
  const singles = (npa: string, from: number, n: number) =>
    Array.from(
      { length: n },
      (_, k) => `${npa}-555-01${String(from + k).padStart(2, '0')}   Business Line   $20.00`,
    );

  it('moves a block whose two ends both slipped their exchange to the exchange the bill prints', () => {
    const f = extractBill([
      gridPage(
        [
          'Account Number: 4471-902-336',
          ...singles('773', 50, 12),
          '773.566.0120 thru 773.565.0146      DID block, 27 numbers      $27.82',
          '207.566.0154 thru 207.555.0158      DID block, 5 numbers       $3.58',
          ...singles('207', 60, 12),
        ],
        { source: 'ocr', conf: 0.8 },
      ),
    ]).fields;
    expect(f.numbers).toEqual(
      expect.arrayContaining([...block('7735550120', 27), ...block('2075550154', 5)]),
    );
    expect(f.numbers.filter((n) => /^(773|207)56[56]/.test(n))).toEqual([]);
  });

  it('reads a "First number | Last number" row whose quantity the photo lost as the whole block', () => {
    const f = extractBill([
      gridPage([
        'Account Number: 4471-902-336',
        'DID number blocks',
        'First number      Last number      Description',
        '225-555-0110      225-555-0129     DID block',
        '773-555-0107      773-555-0116     DID block',
      ]),
    ]).fields;
    expect(new Set(f.numbers)).toEqual(new Set([...block('2255550110', 20), ...block('7735550107', 10)]));
  });
});
