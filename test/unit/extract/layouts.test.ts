// Bills from carriers and layouts the public samples do not have: sidebar, letter, payment stub on
// top with labels above values, dotted leaders, a dense invoice, and a multi-page lines table.
import { describe, expect, it } from 'vitest';
import { ExtractionSchema } from '../../../shared/domain';
import type { Address } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const street = (a: Address | null) =>
  a ? [a.line1, a.line2].filter(Boolean).join(' ').replace(/,/g, '').replace(/\s+/g, ' ') : null;

const SIDEBAR = [
  'CASCADE MOBILE                                                   Invoice',
  '',
  'ACCOUNT                    Hi Rosa Delgado Design Studio,',
  'Acct #                     Here is your bill for service from 05/02/2025 to 06/01/2025.',
  '7781-0043-12',
  '                           Total due  $184.20     Pay by 06/21/2025',
  'Invoice Date',
  'June 4, 2025               Your lines',
  '                           Number            Plan                    Charges',
  'Your number                (503) 555-0142    Unlimited Pro            $55.00',
  '(503) 555-0142             (503) 555-0143    Unlimited Pro            $55.00',
  '                           (503) 555-0199    Hotspot                  $20.00',
  'Customer Name',
  'Rosa Delgado Design Studio',
  '',
  'Location of Service',
  '4410 NE Alberta St',
  'Suite 3B',
  'Portland, OR 97211-3355',
  '',
  'Need help? Call 1-877-555-0100',
  'Fax (503) 555-0111',
  'Send payments to:',
  'Cascade Mobile',
  'PO Box 4410',
  'Seattle, WA 98124-4410',
];

describe('extractBill on unseen layouts', () => {
  it('reads a sidebar layout with labels above values', () => {
    const ex = extractBill([gridPage(SIDEBAR, { scale: { 0: 2 } })]);
    expect(() => ExtractionSchema.parse(ex)).not.toThrow();
    const f = ex.fields;
    expect(f.accountNumber).toBe('7781-0043-12');
    expect(f.btn).toBe('5035550142');
    expect(f.billDate).toBe('2025-06-04');
    expect(f.accountName).toBe('Rosa Delgado Design Studio');
    expect(street(f.serviceAddress)).toBe('4410 NE Alberta St Suite 3B');
    expect(f.serviceAddress).toMatchObject({ city: 'Portland', state: 'OR', zip: '97211-3355' });
    expect(f.numbers.sort()).toEqual(['5035550142', '5035550143', '5035550199']);
    expect(f.carrier).toMatch(/^cascade mobile$/i);
    for (const k of ['accountNumber', 'btn', 'billDate', 'accountName', 'serviceAddress']) {
      expect(ex.meta[k]!.confidence).toBeGreaterThan(0.5);
      expect(ex.meta[k]!.boxes.length).toBeGreaterThan(0);
    }
  });

  it('reads the same sidebar bill scanned 3° crooked with OCR confusions', () => {
    const rows = SIDEBAR.map((r) =>
      r
        .replace('7781-0043-12', '7781-OO43-l2')
        .replace('(503) 555-0143', '(5O3) 555-O143')
        .replace('June 4, 2025', 'June 4, 2O25'),
    );
    for (const deg of [3, -3]) {
      const ex = extractBill([gridPage(rows, { skewDeg: deg, conf: 0.85, scale: { 0: 2 } })]);
      expect(ex.fields.accountNumber?.replace(/\D/g, '')).toBe('7781004312');
      expect(ex.fields.billDate).toBe('2025-06-04');
      expect(ex.fields.btn).toBe('5035550142');
      expect(ex.fields.numbers.sort()).toEqual(['5035550142', '5035550143', '5035550199']);
      expect(ex.fields.serviceAddress?.zip).toBe('97211-3355');
      expect(ex.meta.btn!.confidence).toBeLessThan(1);
    }
  });

  it('reads a letter: unlabelled date, salutation, inline service address', () => {
    const ex = extractBill([
      gridPage(
        [
          'GRANITE STATE TELEPHONE',
          '12 Depot Road, Concord, NH 03301',
          '',
          'March 3, 2025',
          '',
          'Northfield Veterinary Clinic PLLC',
          'Attn: Office Manager',
          'PO Box 220',
          'Northfield, NH 03276',
          '',
          'Re: Member Account 0031-88214',
          '',
          'Dear Northfield Veterinary Clinic PLLC,',
          '',
          'Thank you for choosing Granite State Telephone. This letter is your statement for the',
          'billing period February 1, 2025 through February 28, 2025. Payment is due by March 24, 2025.',
          '',
          'Primary Number: 603-555-0187',
          'Service installed at: 48 Elm Street, Unit 2, Northfield, NH 03276',
          '',
          'Numbers on this account',
          '603-555-0187     Business line      $42.00',
          '603-555-0188     Business line      $42.00',
          '603-555-0161     Fax line           $18.00',
          '',
          'For repair call 603-555-0100. Customer service 1-800-555-0199.',
        ],
        { scale: { 0: 1.8 } },
      ),
    ]);
    const f = ex.fields;
    expect(f.accountNumber).toBe('0031-88214');
    expect(f.btn).toBe('6035550187');
    expect(f.billDate).toBe('2025-03-03');
    expect(f.accountName).toBe('Northfield Veterinary Clinic PLLC');
    expect(street(f.serviceAddress)).toBe('48 Elm Street Unit 2');
    expect(f.serviceAddress).toMatchObject({ city: 'Northfield', state: 'NH', zip: '03276' });
    expect(f.numbers.sort()).toEqual(['6035550161', '6035550187', '6035550188']);
    expect(f.carrier).toMatch(/granite state telephone/i);
  });

  it('reads a bill with the payment stub on top and labels above values', () => {
    const ex = extractBill([
      gridPage(
        [
          'LAKESHORE FIBER                                   PAYMENT COUPON',
          'Please return this portion with your payment',
          'Customer Number      Amount Due      Due Date',
          'LF-20931-7           $96.40          07/28/2024',
          'Remit to: Lakeshore Fiber, PO Box 9001, Chicago, IL 60680-9001',
          '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -',
          'LAKESHORE FIBER',
          '',
          'Customer Number      Statement Date      Billing Period',
          'LF-20931-7           07/08/2024          06/05/2024 - 07/04/2024',
          '',
          'Billed To                                Location of Service',
          'Harbor Point Marina Inc                  77 Shoreline Dr Fl 2',
          '1200 Commerce Ave                        Milwaukee, WI 53202',
          'Racine, WI 53403',
          '',
          'Main Number',
          '(414) 555-0120',
          '',
          'Phone lines',
          'Line              Description                  Amount',
          '(414) 555-0120    Voice Line                   $25.00',
          '(414) 555-0121    Voice Line                   $25.00',
          '(414) 555-0135    Voice Line w/ Voicemail      $30.00',
          '',
          'Questions? 1-888-555-0140 | Fax: 414-555-0149',
        ],
        { scale: { 0: 1.6 } },
      ),
    ]);
    const f = ex.fields;
    expect(f.accountNumber).toBe('LF-20931-7');
    expect(f.billDate).toBe('2024-07-08');
    expect(f.accountName).toBe('Harbor Point Marina Inc');
    expect(street(f.serviceAddress)).toBe('77 Shoreline Dr Fl 2');
    expect(f.serviceAddress).toMatchObject({ city: 'Milwaukee', state: 'WI', zip: '53202' });
    expect(f.btn).toBe('4145550120');
    expect(f.numbers.sort()).toEqual(['4145550120', '4145550121', '4145550135']);
    expect(f.carrier).toMatch(/lakeshore fiber/i);
  });

  it('reads dotted leaders, all caps, an account number that embeds the BTN', () => {
    const ex = extractBill([
      gridPage(
        [
          'BIG SKY RURAL TELEPHONE COOPERATIVE',
          '',
          'MEMBER ACCOUNT...........: 406-555-0166-01',
          'YOUR NUMBER..............: (406) 555-0166',
          'DATE ISSUED..............: 09-JUL-2024',
          'DUE DATE.................: 29-JUL-2024',
          'MEMBER NAME..............: JUNIPER RIDGE RANCH',
          'PREMISES.................: 1450 COUNTY ROAD 12',
          '                           APT B',
          '                           LEWISTOWN MT 59457',
          'MAILING ADDRESS..........: PO BOX 77, LEWISTOWN MT 59457',
          '',
          'TEL NUMBER         SERVICE                    AMOUNT',
          '406 555-0166       RESIDENTIAL LINE           $22.10',
          '406 555-0167       RESIDENTIAL LINE           $22.10',
          '',
          'REPAIR 611 OR 406-555-0100     OFFICE 406-555-0101',
        ],
        { scale: { 0: 1.6 } },
      ),
    ]);
    const f = ex.fields;
    expect(f.accountNumber).toBe('406-555-0166-01');
    expect(f.btn).toBe('4065550166');
    expect(f.billDate).toBe('2024-07-09');
    expect(f.accountName).toBe('JUNIPER RIDGE RANCH');
    expect(street(f.serviceAddress)).toBe('1450 COUNTY ROAD 12 APT B');
    expect(f.serviceAddress).toMatchObject({ city: 'LEWISTOWN', state: 'MT', zip: '59457' });
    expect(f.numbers.sort()).toEqual(['4065550166', '4065550167']);
    expect(f.carrier).toMatch(/big sky rural telephone/i);
  });

  it('reads a dense invoice with several label: value pairs per line', () => {
    const ex = extractBill([
      gridPage(
        [
          'SUMMIT VOICE & DATA                                  INVOICE',
          'Acct #: 88-1234-56   Invoice Date: 2024-07-09   Due: 2024-07-30   BTN: 415.555.0110',
          'Customer: Bayview Bistro LLC   Service Address: 900 Embarcadero, Ste 12, San Francisco, CA 94111',
          'Billing Address: 455 Market St, San Francisco, CA 94105',
          '',
          'Line 415.555.0110   Calls 312   Min 1,204   $40.00',
          'Line 415.555.0111   Calls 88    Min 302     $40.00',
          '',
          'Support: 415.555.0100   Fax: 415.555.0101   (c) 2024 Summit Voice & Data',
        ],
        { scale: { 0: 1.5 } },
      ),
    ]);
    const f = ex.fields;
    expect(f.accountNumber).toBe('88-1234-56');
    expect(f.billDate).toBe('2024-07-09');
    expect(f.btn).toBe('4155550110');
    expect(f.accountName).toBe('Bayview Bistro LLC');
    expect(street(f.serviceAddress)).toBe('900 Embarcadero Ste 12');
    expect(f.serviceAddress).toMatchObject({ city: 'San Francisco', state: 'CA', zip: '94111' });
    expect(f.numbers.sort()).toEqual(['4155550110', '4155550111']);
    expect(f.carrier).toMatch(/summit voice/i);
  });

  it('collects numbers from a lines table that continues on page 2', () => {
    const p1 = gridPage(
      [
        'NORTHWIND COMMUNICATIONS',
        'Account Number   5512 0091 7730          Bill Date   11/02/2024',
        'Account Name     Alder & Finch Architects',
        'Billing Telephone Number   (720) 555-0101',
        'Service Address  1600 Wynkoop St, 4th Floor',
        '                 Denver, CO 80202',
        '',
        'Lines on this account',
        'Number            Description            Charges',
        '(720) 555-0101    Business Line          $30.00',
        '(720) 555-0102    Business Line          $30.00',
        '3 more line(s) continued on page 2',
        'Customer Care 1-866-555-0123',
      ],
      { scale: { 0: 1.8 } },
    );
    const p2 = gridPage(
      [
        'NORTHWIND COMMUNICATIONS      Account Number 5512 0091 7730    Page 2 of 2',
        'Lines on this account (continued)',
        '(720) 555-0103    Business Line          $30.00',
        '(720) 555-0104    Hunt Group             $10.00',
        '(303) 555-0177    Remote Office Line     $30.00',
        'Repair: (720) 555-0199',
      ],
      { page: 2 },
    );
    const f = extractBill([p1, p2]).fields;
    expect(f.accountNumber).toBe('5512 0091 7730');
    expect(f.billDate).toBe('2024-11-02');
    expect(f.accountName).toBe('Alder & Finch Architects');
    expect(street(f.serviceAddress)).toBe('1600 Wynkoop St 4th Floor');
    expect(f.numbers.sort()).toEqual(['3035550177', '7205550101', '7205550102', '7205550103', '7205550104']);
    expect(f.carrier).toMatch(/northwind communications/i);
  });

  it('returns nulls, not guesses, for a page with nothing on it', () => {
    const ex = extractBill([gridPage(['Thank you', 'Page 1 of 1'])]);
    expect(ex.fields).toMatchObject({
      accountNumber: null,
      btn: null,
      serviceAddress: null,
      billDate: null,
      numbers: [],
    });
    expect(extractBill([]).fields.numbers).toEqual([]);
  });

  it('reads dashboard tiles whose value sits above the caption, and a one-line service address', () => {
    const ex = extractBill([
      gridPage(
        [
          '                                                  Account 3106 7459 5931 | Statement for April 2024',
          'TIDEPOOL CABLE                                                                   Carlos Quintero',
          'Services for: 79 Ridge Highway, Chattanooga, TN 37402-8844',
          '',
          ' $172.11            Apr 21, 2024          Apr 2, 2024          (423) 555-0144',
          ' Amount due         Due by                Bill Date            Your number',
          '',
          'Service                         Number                Amount',
          'Voice line                      423.555.0144          $89.49',
          'Voice line                      (423) 555-0164        $37.54',
        ],
        { scale: { 1: 1.5 }, tall: { 4: 1.6 } },
      ),
    ]);
    const f = ex.fields;
    expect(f.accountNumber).toBe('3106 7459 5931');
    expect(f.billDate).toBe('2024-04-02');
    expect(f.btn).toBe('4235550144');
    expect(f.serviceAddress).toMatchObject({
      line1: '79 Ridge Highway',
      city: 'Chattanooga',
      state: 'TN',
      zip: '37402-8844',
    });
    expect(f.numbers.sort()).toEqual(['4235550144', '4235550164']);
  });

  it('reads bilingual Spanish/English labels', () => {
    const f = extractBill([
      gridPage([
        'FAROL TELECOM                                        Su factura mensual / Your monthly bill',
        ' Nombre / Name                                  Liam Yilmaz',
        ' Número de cuenta / Account Number              1490-479-077',
        ' Teléfono de facturación / BTN                  515-555-0113',
        ' Fecha del estado / Statement Date              05/23/2025',
        ' Vence / Due                                    06/08/2025',
        ' Lugar de servicio / Service Location           487 Franklin Street',
        '                                                Apt 392',
        '                                                Des Moines, IA 50309-2040',
        '',
        'Número / Number        Plan                 Monto / Amount',
        '515-555-0113           Hotspot 50GB         $82.85',
        'Servicio al cliente / Customer service 1-800-555-0171',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Liam Yilmaz');
    expect(f.accountNumber).toBe('1490-479-077');
    expect(f.btn).toBe('5155550113');
    expect(f.billDate).toBe('2025-05-23');
    expect(f.serviceAddress).toMatchObject({
      line1: '487 Franklin Street',
      line2: 'Apt 392',
      zip: '50309-2040',
    });
    expect(f.numbers).toEqual(['5155550113']);
  });

  it('counts a line captioned by its kind ("Home phone 450 555-0144") with no price on its row', () => {
    const f = extractBill([
      gridPage(
        [
          'MAPLE NORTH TELECOM',
          'Account number 512 345 678                     Bill date June 3, 2025',
          '',
          'LES SERRES BOUCHARD INC',
          '2240 RUE PRINCIPALE',
          'GRANBY QC J2G 8C7',
          '',
          'Home phone  450 555-0144',
          'Business line  450 555-0145',
          'Customer service line  1-800-555-0199',
        ],
        { scale: { 0: 1.6 } },
      ),
    ]).fields;
    expect(f.btn).toBe('4505550144');
    expect(f.numbers).toEqual(['4505550144', '4505550145']);
  });

  /** A one-page bill with its mailing block, `service` lines between it and the lines table. */
  const aspenBill = (service: string[]) => [
    'ASPEN VALLEY TEL',
    'Account Number: 5512-0091         Bill Date: 05/06/2025',
    '',
    'Customer: Birchwood Yoga Studio',
    'PO Box 4',
    'Aspen CO 81612',
    '',
    ...service,
    '',
    'Your lines',
    '970-555-0143   Business line   $30.00',
  ];

  it('reads the service address after an "E911 Address:" caption on its line', () => {
    for (const caption of ['E911 Address:', 'E-911 Address:', 'Emergency Address:']) {
      const f = extractBill([gridPage(aspenBill([`${caption} 18 Elm St, Aspen CO 81611`]))]).fields;
      expect(f.serviceAddress).toMatchObject({
        line1: '18 Elm St',
        city: 'Aspen',
        state: 'CO',
        zip: '81611',
      });
    }
  });

  it('reads a service address whose city line wraps back under its caption', () => {
    const f = extractBill([
      gridPage(aspenBill(['Service Address: 18 Elm St Unit 2', 'Aspen CO 81611'])),
    ]).fields;
    expect(f.serviceAddress).toMatchObject({
      line1: '18 Elm St Unit 2',
      city: 'Aspen',
      state: 'CO',
      zip: '81611',
    });
  });

  const peakBill = (rows: string[]) => [
    'PEAK LINK',
    'Account Number: 5512009144     Bill Date: 01/14/2025',
    'Account Name: Birchwood Yoga Studio',
    'Service Address: 18 Elm St, Aspen CO 81611',
    ...rows,
  ];

  it('reads the BTN under captions carriers use for it that the desk had not met', () => {
    for (const caption of [
      'Your Service Number:',
      'Service Number',
      'Home Phone Number',
      'Main Listed Number',
      'Listed Number:',
      'Line Number',
      'Billed TN',
      'Number Billed:',
    ]) {
      const f = extractBill([gridPage(peakBill([`${caption} 303-555-0142`]))]).fields;
      expect([caption, f.btn, f.numbers]).toEqual([caption, '3035550142', ['3035550142']]);
    }
  });

  it('keeps the lines of a table whose column is captioned "Line Number" under the main number', () => {
    const f = extractBill([
      gridPage(
        peakBill([
          'Main Number 303-555-0142',
          '',
          'Line Number       Plan              Charges',
          '303-555-0143      Business line     $30.00',
          '303-555-0144      Business line     $30.00',
        ]),
      ),
    ]).fields;
    expect(f.btn).toBe('3035550142');
    expect(f.numbers).toEqual(['3035550142', '3035550143', '3035550144']);
  });

  it('keeps a line under a priced toll-free row: a row of the table, not a contact heading', () => {
    const f = extractBill([
      gridPage(
        peakBill([
          'Main Number 303-555-0142',
          'Services',
          'Toll-free 1-800-555-0199   $12.00',
          '303-555-0143  Business line  $30.00',
        ]),
      ),
    ]).fields;
    expect(f.numbers).toEqual(['3035550142', '3035550143']);
  });

  it('keeps a floor or suite printed above the street, and never takes it for the name', () => {
    const bill = (unitLine: string) => [
      'PEAK LINK',
      'Account Number: 5512009144     Bill Date: 01/14/2025',
      'Main Number 303-555-0142',
      'Service Address:',
      unitLine,
      '1200 Main Street',
      'Aspen, CO 81611',
      '',
      'Your lines',
      '303-555-0142  Business line  $30.00',
    ];
    for (const [unitLine, unit] of [
      ['Suite 200', 'Suite 200'],
      ['2nd Floor', '2nd Floor'],
      ['Oak Plaza, 2nd Floor', '2nd Floor'],
      ['Oak Plaza Suite 200', 'Suite 200'],
    ] as const) {
      const f = extractBill([gridPage(bill(unitLine))]).fields;
      expect([unitLine, f.accountName, f.serviceAddress?.line1, f.serviceAddress?.line2]).toEqual([
        unitLine,
        null,
        '1200 Main Street',
        unit,
      ]);
    }
  });

  it('keeps a line printed right above a disconnected one, each on a row of its own', () => {
    for (const gone of ['Disconnected 12/28/2024  $0.00', 'Ported out  $0.00', 'Disconnected  $0.00']) {
      const f = extractBill([
        gridPage(
          peakBill([
            'Main Number 303-555-0142',
            'Lines',
            '303-555-0143  Business line  $30.00',
            `303-555-0144  ${gone}`,
          ]),
        ),
      ]).fields;
      expect([gone, f.numbers]).toEqual([gone, ['3035550142', '3035550143']]);
    }
  });

  it('expands a block printed with its last four digits after a hyphen ("303-555-0150-0159")', () => {
    const f = extractBill([gridPage(peakBill(['Main Number 303-555-0142', 'DID 303-555-0150-0159']))]).fields;
    expect(f.numbers).toEqual(['3035550142', ...Array.from({ length: 10 }, (_, i) => `30355501${50 + i}`)]);
    // an account number that opens with the BTN is no block
    const g = extractBill([
      gridPage(['PEAK LINK', 'Account Number: 303-555-0142-091519-5', 'Main Number 303-555-0142']),
    ]).fields;
    expect(g.accountNumber).toBe('303-555-0142-091519-5');
    expect(g.numbers).toEqual(['3035550142']);
  });

  it('reads the account number a letter gives in a sentence ("Your account number is …")', () => {
    for (const line of ['Your account number is 5512009144', 'Your account number is 5512009144.']) {
      const f = extractBill([
        gridPage(['PEAK LINK', line, 'Bill Date 01/14/2025', 'Main Number 303-555-0142']),
      ]).fields;
      expect(f.accountNumber).toBe('5512009144');
    }
  });

  it('never reads an account number group as a word ("1345" is no "IS")', () => {
    // "1345", "2145", "7154" and "315" read as the letters their 1 and 5 look like, the other
    // digits dropped, and "Account number 1345 …" matched the caption "Account number is"
    for (const v of ['1345 3166 6718', '2145 4689 2700', '7154 3514 5363', '315 555-0111 180 7']) {
      for (const source of ['text', 'ocr'] as const) {
        const f = extractBill([
          gridPage(['KESTREL', `Account number ${v}`, 'Bill date 03/11/2024'], { source, conf: 0.95 }),
        ]).fields;
        expect([v, source, f.accountNumber]).toEqual([v, source, v]);
      }
    }
    // and a number in a caption stays one ("911 Address:")
    const g = extractBill([
      gridPage(['KESTREL', 'Account number 5512009144', '911 Address: 18 Elm St, Aspen CO 81611']),
    ]).fields;
    expect(g.serviceAddress?.line1).toBe('18 Elm St');
  });

  it('reads the account number after "Your account:", never a sentence about the account', () => {
    for (const [line, want] of [
      ['Your account: 5512 0091', '5512 0091'],
      ['Your account 5512 0091', '5512 0091'],
      ['Your account is past due 30 days', null],
      // a section's heading, the number captioned below it
      ['Your Account\nAccount Number: 5512009144', '5512009144'],
    ] as const) {
      const f = extractBill([
        gridPage(['PEAK LINK', ...line.split('\n'), 'Bill Date 01/14/2025', 'Main Number 303-555-0142']),
      ]).fields;
      expect([line, f.accountNumber]).toEqual([line, want]);
    }
  });

  it('leaves the addressee printed after the name on its line ("… / ATTN ACCOUNTS PAYABLE")', () => {
    for (const [rows, want] of [
      [['Customer: BIRCHWOOD YOGA STUDIO / ATTN ACCOUNTS PAYABLE'], 'BIRCHWOOD YOGA STUDIO'],
      [['Customer: Birchwood Yoga Studio c/o Jane Doe'], 'Birchwood Yoga Studio'],
      // unlabelled, the addressee block of the envelope window
      [['BIRCHWOOD YOGA STUDIO, ATTN: JANE DOE', '18 Elm St', 'Aspen CO 81611'], 'BIRCHWOOD YOGA STUDIO'],
      [
        ['Birchwood Yoga Studio - Attn Accounts Payable', '18 Elm St', 'Aspen CO 81611'],
        'Birchwood Yoga Studio',
      ],
    ] as const) {
      const f = extractBill([
        gridPage(['PEAK LINK', 'Account Number 5512009144      Bill Date 01/14/2025', '', ...rows]),
      ]).fields;
      expect([rows[0], f.accountName]).toEqual([rows[0], want]);
    }
  });

  it('reads the name and the address of one line that holds both ("Service At: NAME 18 ELM ST …")', () => {
    const addr = { line1: '18 ELM ST', line2: null, city: 'ASPEN', state: 'CO', zip: '81611' };
    const f = extractBill([
      gridPage([
        'SPECTRUM VALLEY',
        'Statement Date: 05/06/25         Account Number: 8352 10 012 3456789',
        'Service At: BIRCHWOOD YOGA STUDIO 18 ELM ST ASPEN CO 81611',
        'Phone Number (970) 555-0143       Business Voice Line    $29.99',
      ]),
    ]).fields;
    expect([f.accountName, f.serviceAddress]).toEqual(['BIRCHWOOD YOGA STUDIO', addr]);
    // a hosted-voice invoice's only address, and a users table whose "Name" column is no name
    const g = extractBill([
      gridPage([
        'HOSTED VOICE CO',
        'Invoice #: INV-0091234   Invoice date: 05/06/2025',
        'Account #: 1234567',
        'Bill to: Birchwood Yoga Studio, 18 Elm St, Aspen, CO 81611',
        '',
        'Extension   Name          Phone Number        Charges',
        '101         Front Desk    +1 (970) 555-0143   $19.99',
        '102         Studio        +1 (970) 555-0144   $19.99',
      ]),
    ]).fields;
    expect([g.accountName, g.serviceAddress]).toEqual([
      'Birchwood Yoga Studio',
      { line1: '18 Elm St', line2: null, city: 'Aspen', state: 'CO', zip: '81611' },
    ]);
  });

  it('reads the BTN a few words after its caption, never the line below ("Home Phone … with your number")', () => {
    const f = extractBill([
      gridPage([
        'OSPREY VALLEY            Account 6459 76 443 2166705',
        'Statement generated June 9, 2025',
        'Your bundle',
        'Internet 500 · TV Select                                  $130.51',
        'Home Phone Unlimited with your number (302) 555-0135     $42.81',
        'Second line (302) 555-0172 (Hunting Line)                $62.08',
      ]),
    ]).fields;
    expect([f.btn, f.numbers]).toEqual(['3025550135', ['3025550135', '3025550172']]);
  });

  it('reads a wireless line whose summary names its user ("Summary for Jane Doe: 970-555-0143")', () => {
    const f = extractBill([
      gridPage([
        'WIRELESS CO                   Bill Date         May 06, 2025',
        '                              Account Number    287455120-00001',
        'Jane Doe',
        '18 Elm St',
        'Aspen, CO 81611',
        '',
        'Summary for Jane Doe: 970-555-0143',
        'Summary for Mike Doe: 970-555-0144',
        'Customer Service 1-800-555-0100',
      ]),
    ]).fields;
    expect(f.numbers).toEqual(['9705550143', '9705550144']);
  });

  it('reads the name of a block a rubber stamp was pressed across, and past a French "a/s" line', () => {
    const f = extractBill([
      gridPage([
        'OSPREY VALLEY            Account 3172 86 355 2249015',
        'Statement generated on 10/01/2024',
        '',
        'Keiko Ramirez                          Previous Balance       $37.59',
        '157 Union Dr                           Payment Received       -$37.59',
        '                                         PAID',
        'Apt 700                                Monthly Charges        $40.40',
        '                                        OCT 16 2024',
        'Des Moines, IA 50309                   Total Amount Due       $43.95',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Keiko Ramirez');
    const g = extractBill([
      gridPage([
        'FLEUVE TELECOM',
        'Numero de compte / Account number   7680 3734 0529',
        'Adresse postale / Mailing address',
        'Atelier Gelinas S.E.N.C.',
        'a/s Jerome Gagnon',
        '46, rue Saint-Laurent',
        'Drummondville (Quebec) J2B 6S5',
      ]),
    ]).fields;
    expect(g.accountName).toBe('Atelier Gélinas S.E.N.C.');
  });

  it('keeps a long trade-name line under the legal name ("DBA Eriksen Street Barber Shop")', () => {
    const f = extractBill([
      gridPage([
        'HERON TELEPHONE',
        'Customer Account 7905-808344-004',
        'Billing Name',
        'Alvarez Partners LLC',
        'DBA Eriksen Street Barber Shop',
        'Service Address',
        '3333 Kingsley Road',
        'Green Bay, WI 54301-7290',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Alvarez Partners LLC DBA Eriksen Street Barber Shop');
  });

  it('reads the service address captioned "Physical address" beside a mailing box', () => {
    for (const rows of [
      ['Mailing address: PO Box 44, Aspen CO 81612', 'Physical address: 18 Elm St, Aspen CO 81611'],
      ['Physical address: 18 Elm St, Aspen CO 81611', 'Mailing address: PO Box 44, Aspen CO 81612'],
    ]) {
      const f = extractBill([
        gridPage(['PEAK LINK', 'Account Number 5512009144      Bill Date 01/14/2025', ...rows]),
      ]).fields;
      expect(f.serviceAddress).toEqual({
        line1: '18 Elm St',
        line2: null,
        city: 'Aspen',
        state: 'CO',
        zip: '81611',
      });
    }
  });

  it("puts back a bill date's year OCR misread from the dates beside it, never a reprint's", () => {
    const page = (date: string, period: string, due: string) =>
      gridPage(
        [
          'ALDERBROOK TELEPHONE',
          'Reprinted 04/05/2026 from account archive',
          `Account # 6181-795761-004     STATEMENT DATE ${date}`,
          `Billing Period: ${period}`,
          `Due by ${due}`,
        ],
        { source: 'ocr', conf: 0.9 },
      );
    // "202! 5": a watermark's stroke through the year
    const f = extractBill([page('December 17, 202! 5', '11/16/2025 - 12/16/2025', '01/01/2026')]).fields;
    expect(f.billDate).toBe('2025-12-17');
    // an old statement reprinted: its own period and due date keep its year
    const g = extractBill([page('December 17, 2021', '11/16/2021 - 12/16/2021', '01/01/2022')]).fields;
    expect(g.billDate).toBe('2021-12-17');
  });

  it('reads the dates the way the bill says it prints them ("(dd/mm/yyyy)")', () => {
    for (const [line, want] of [
      ['Invoice date: 06/05/2025 (dd/mm/yyyy)', '2025-05-06'],
      ['Invoice date (DD/MM/YY): 06/05/25', '2025-05-06'],
      ['Invoice date: 06/05/2025 (mm/dd/yyyy)', '2025-06-05'],
      ['Invoice date: 06/05/2025', '2025-06-05'],
    ] as const) {
      const f = extractBill([gridPage(['PEAK LINK', 'Account Number 5512009144', line])]).fields;
      expect([line, f.billDate]).toEqual([line, want]);
    }
  });

  it('reads the line a consumer bill is headed for ("Your bill for 303-555-0142") as its BTN', () => {
    for (const heading of ['Your bill for 303-555-0142', 'Your bill for: (303) 555-0142']) {
      const f = extractBill([
        gridPage([
          'PEAK LINK',
          heading,
          'Account Number 5512009144      Bill Date 01/14/2025',
          'Service Address: 18 Elm St, Aspen CO 81611',
        ]),
      ]).fields;
      expect([heading, f.btn, f.numbers]).toEqual([heading, '3035550142', ['3035550142']]);
    }
  });

  it('reads a strip of values over a strip of their captions, in the same type', () => {
    const f = extractBill([
      gridPage([
        'PEAK LINK',
        '5512009144          01/14/2025          303-555-0142',
        'Account number      Bill date           Main number',
        '',
        'Service address',
        '18 Elm St, Aspen CO 81611',
      ]),
    ]).fields;
    expect([f.accountNumber, f.billDate, f.btn, f.numbers]).toEqual([
      '5512009144',
      '2025-01-14',
      '3035550142',
      ['3035550142'],
    ]);
  });

  it('cuts a caption of the next column off a name it ran into ("… INC. Due Date", its ")" lost)', () => {
    const name = 'NOVAK STREET HARDWARE (NOVAK ENTERPRISES, INC.';
    const col = (left: string, right: string) => `${left.padEnd(name.length)} ${right}`;
    const f = extractBill([
      gridPage([
        'PEAK LINK',
        col('', 'Bill Date          Apr 21, 2025'),
        col('ATTN: PRIYA VASQUEZ', 'Account Telephone  775.555.0174'),
        col(name, 'Due Date           May 12, 2025'),
        col('C/O ZIMMERMAN MANAGEMENT CO.', 'Amount Due         $388.40'),
        'PO BOX 24343',
        'RENO NV 89501',
      ]),
    ]).fields;
    expect(f.accountName).toBe(name);
  });
});
