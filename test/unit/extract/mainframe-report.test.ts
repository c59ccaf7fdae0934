// An old ILEC's statement printed as its mainframe prints a report (make-bills bellwether-telephone):
// ALL CAPS in fixed columns, numbers split NPA NXX LINE, `BILL DATE: AUG 10 25`, a one-line `SA:`
// service address, service orders with bare-digit order numbers, itemized calls in split columns.
import { describe, expect, it } from 'vitest';
import { extractBill, parseDate } from '../../../shared/extract';
import { gridPage } from './grid';

const REPORT = [
  'BELLWETHER TELEPHONE COMPANY                                                    PAGE   1',
  'CUSTOMER STATEMENT',
  '',
  'ACCOUNT NUMBER        520 555-0186 007 7       BILL DATE: AUG 10 25',
  'CUSTOMER CODE         007                      PAYMENT DUE: AUG 28 25',
  'BTN                   520 555-0186             BILLING PERIOD: JUL 09 25 THRU AUG 08 25',
  '',
  'BILLING NAME: DELGADO COFFEE ROASTERS CO.',
  'SA: 71 W LINCOLN CT APT 3A TULSA OK 74103',
  '',
  '      DELGADO COFFEE ROASTERS CO.',
  '      ATTN AISHA QUINTERO',
  '      1589 WASHINGTON WAY',
  '      BATON ROUGE LA 70801',
  '',
  'BUSINESS OFFICE 520  555  0119        REPAIR SERVICE 520  555  0167',
  '',
  'MONTHLY SERVICE  JUL 09 25 THRU AUG 08 25',
  'NPA  NXX  LINE   USOC   DESCRIPTION                           QTY     AMOUNT',
  '520  555  0186   1FB    BUSINESS LINE FLAT RATE                1       27.72',
  '                 ESC    CALL WAITING                           1       11.73',
  '520  555  0110   1MB    BUSINESS LINE MEASURED RATE            1       87.22',
  '520  555  0111   1MB    BUSINESS LINE MEASURED RATE            1       33.77',
  '                                   TOTAL MONTHLY SERVICE              160.44',
  '',
  'OTHER CHARGES AND CREDITS',
  'DATE   ORDER NO     DESCRIPTION                                        AMOUNT',
  '08 04  8999508155   RECORDS CHANGE ORDER 8999508155                      0.00',
  '07 28  46536547     DISCONNECT 520  555  0163 1FB PARTIAL MONTH CREDIT  12.34CR',
  '',
  'ITEMIZED CALLS - 520 555-0186',
  'NO DATE    TIME   PLACE CALLED         NPA  NXX  LINE   MIN          AMOUNT',
  ' 1 07 18   0725P  ROCKFORD IL          520  555  0188    20            0.42',
  ' 2 08 02   0517A  GARY IN              217  555  4947     1            1.26',
  ' 3 07 31   1226A  ROCKFORD IL          520  555  0126    35            1.22',
];

describe('a mainframe report statement', () => {
  it('reads a month, day and two-digit year apart by spaces as a date, and no look-alike', () => {
    expect(parseDate('BILL DATE: DEC 01 25')).toBe('2025-12-01');
    expect(parseDate('BILL DATE: AUG 10 25 PAGE 2')).toBe('2025-08-10');
    expect(parseDate('SEPTEMBER 9 24')).toBe('2024-09-09');
    // an amount, a time, a word that only starts like a month
    expect(parseDate('MAR 14 25.00')).toBeNull();
    expect(parseDate('JUN 3 10:42')).toBeNull();
    expect(parseDate('MARKET 12 24')).toBeNull();
  });

  it('reads the bill date, the account and the one-line SA: service address', () => {
    const x = extractBill([gridPage(REPORT)]);
    expect(x.fields.billDate).toBe('2025-08-10');
    expect(x.fields.accountNumber?.replace(/\D/g, '')).toBe('52055501860077');
    expect(x.fields.btn).toBe('5205550186');
    const a = x.fields.serviceAddress;
    expect([a?.line1, a?.line2].filter(Boolean).join(' ')).toBe('71 W LINCOLN CT APT 3A');
    expect([a?.city, a?.state, a?.zip]).toEqual(['TULSA', 'OK', '74103']);
  });

  it('counts the split-column lines, never the office, the repair line or a disconnected one', () => {
    const x = extractBill([gridPage(REPORT)]);
    expect([...x.fields.numbers].sort()).toEqual(['5205550110', '5205550111', '5205550186']);
  });

  it('takes no order number for a telephone number, in its column or after "ORDER"', () => {
    const x = extractBill([gridPage(REPORT)]);
    expect(x.fields.numbers).not.toContain('8999508155');
  });

  it('takes no called number of the itemized calls under their PLACE CALLED heading', () => {
    const nums = extractBill([gridPage(REPORT)]).fields.numbers;
    for (const n of ['5205550188', '2175554947', '5205550126']) expect(nums).not.toContain(n);
  });

  it("closes a space OCR opened in the name where the window block's copy has none", () => {
    // a Courier scan reads the narrow I apart ("WHI TCOMB"), and the copy elsewhere ("DE NTAL")
    const rows = REPORT.map((r) =>
      r
        .replace('BILLING NAME: DELGADO COFFEE ROASTERS CO.', 'BILLING NAME: WHI TCOMB DENTAL GROUP LLC')
        .replace('      DELGADO COFFEE ROASTERS CO.', '      WHITCOMB DE NTAL GROUP LLC'),
    );
    const x = extractBill([gridPage(rows, { source: 'ocr', conf: 0.93 })]);
    expect(x.fields.accountName).toBe('WHITCOMB DENTAL GROUP LLC');
  });
});

describe('numbers in split columns set wide apart', () => {
  it('reads "303   555   0143" under NPA / NXX / LINE as one number, whatever the gap', () => {
    for (const gap of [3, 4, 6]) {
      const g = ' '.repeat(gap);
      const f = extractBill([
        gridPage([
          'PEAK LINK',
          'ACCOUNT NUMBER 5512009144     BILL DATE 01/14/2025',
          'MAIN NUMBER 303-555-0142',
          `NPA${g}NXX${g}LINE   USOC   DESCRIPTION        AMOUNT`,
          `303${g}555${g}0143   1FB    BUSINESS LINE      30.00`,
          `303${g}555${g}0144   1FB    BUSINESS LINE      30.00`,
        ]),
      ]).fields;
      expect([gap, f.numbers]).toEqual([gap, ['3035550142', '3035550143', '3035550144']]);
    }
  });
});

describe('a split-column row whose area code column is blank', () => {
  // A report that prints the area code only where it changes, and a Bellwether photo (seed 11372,
  // ho-084) whose OCR dropped "570" from three rows: "555 0171" under "570 555 0145".
  const rows = (second: string, third: string) => [
    'BELLWETHER TELEPHONE COMPANY',
    'ACCOUNT NUMBER        570 555-0145 522 0       BILL DATE: FEB 08 25',
    'BTN                   570 555-0145',
    '',
    'MONTHLY SERVICE  JAN 07 25 THRU FEB 06 25',
    'AREA EXCH LINE  USOC   DESCRIPTION                       QTY   AMOUNT',
    '570  555  0145  1FB    BUSINESS LINE FLAT RATE             1    59.72',
    '                HTG    HUNTING                             1     2.74',
    `${second}  1FB    BUSINESS LINE FLAT RATE             1    85.10`,
    '                ESC3   THREE-WAY CALLING                   1    10.63',
    `${third}  1FB    BUSINESS LINE FLAT RATE             1    63.94`,
    '',
    'ITEMIZED CALLS',
    'NO  DATE   TIME   PLACE CALLED        AREA EXCH LINE   MIN   AMOUNT',
    ' 1  02 01  1038P  MILWAUKEE WI        414  555  0140    10     2.21',
    ' 2  02 03  0130A  SPRINGFIELD IL           555  0106    11     0.27',
  ];
  it('takes the area code of the full number above it', () => {
    const x = extractBill([gridPage(rows('     555  0171', '     555  0172'))]);
    expect([...x.fields.numbers].sort()).toEqual(['5705550145', '5705550171', '5705550172']);
  });
  it('not for a row whose digits stand elsewhere than under the exchange', () => {
    const x = extractBill([gridPage(rows('570  555  0171', '555  0172     '))]);
    expect([...x.fields.numbers].sort()).toEqual(['5705550145', '5705550171']);
  });
});
