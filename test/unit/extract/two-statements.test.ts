// Two monthly statements of one account printed together (make-bills --two-months): the newest
// is the bill, in whichever order the customer printed them.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const statement = (date: string, lines: string[], gone: string[] = []): string[] => [
  'CASCADE VOICE                               Account No.: CV-81031-6800',
  '                                            Invoice Date: ' + date,
  'Northgate Landscaping Co.',
  'Service Address: 41 Elm St, Dayton, OH 45402',
  '',
  'Main Number: (937) 555-0110',
  '',
  'TELEPHONE NUMBERS',
  ...lines.map((n, i) => `${n}      Business Line        $${30 + i}.10`),
  ...(gone.length
    ? ['', 'NUMBERS DISCONNECTED DURING THIS PERIOD', ...gone.map((n) => `${n}   DISCONNECTED`)]
    : []),
];

const JULY = statement('07/07/2025', ['(937) 555-0110', '(937) 555-0121', '(937) 555-0127']);
const AUGUST = statement('08/06/2025', ['(937) 555-0110', '(937) 555-0121'], ['(937) 555-0127']);

describe('two statements in one document', () => {
  for (const [order, pages] of [
    ['older first', [JULY, AUGUST]],
    ['newer first', [AUGUST, JULY]],
  ] as const) {
    it(`reads the newer statement's date and lines (${order})`, () => {
      const f = extractBill(pages.map((rows, i) => gridPage(rows, { page: i + 1 }))).fields;
      expect(f.billDate).toBe('2025-08-06');
      expect(f.accountNumber).toBe('CV-81031-6800');
      expect(f.numbers.sort()).toEqual(['9375550110', '9375550121']);
    });
  }

  it('keeps one statement whole when its next page repeats the account over call dates', () => {
    // no label names the date ("Statement generated …"); page 2's first date is a call's
    const f = extractBill([
      gridPage(
        [
          'osprey                                    Account 4096 58 332 1950571',
          '                                          Statement generated January 20, 2025',
          'Liam Zimmerman',
          '67 W River Pkwy',
          'Newark, NJ 07102',
          '',
          'Your services',
          '(973) 555-0141     Voice Unlimited      $35.00',
        ],
        { page: 1 },
      ),
      gridPage(
        [
          'osprey                                    Account 4096 58 332 1950571',
          'Calls',
          '01/02/2025   10:14 AM   (212) 555-0188   4 min',
          '01/03/2025   11:20 AM   (212) 555-0190   2 min',
          '(973) 555-0142     Second line          $12.00',
        ],
        { page: 2 },
      ),
    ]).fields;
    expect(f.billDate).toBe('2025-01-20');
    expect(f.numbers.sort()).toEqual(['9735550141', '9735550142']);
  });
  it('tells apart statements that print the account only masked, by their "Page 1 of N"', () => {
    const masked = (date: string, lines: string[]): string[][] => [
      [
        'SORREL VOICE & DATA                Account ending in 4821',
        'Invoice No. 20250916-712           Invoice Date: ' + date,
        'Driftwood Insurance Agency Inc.',
        'Service Address: 41 Elm St, Dayton, OH 45402',
        'Main Number: (937) 555-0110',
        'Page 1 of 2',
      ],
      ['Your lines', ...lines.map((n) => `${n}      Business Line        $30.10`), 'Page 2 of 2'],
    ];
    const sept = masked('2025-09-16', ['(937) 555-0110', '(937) 555-0127']);
    const oct = masked('2025-10-16', ['(937) 555-0110']);
    const f = extractBill([...sept, ...oct].map((rows, i) => gridPage(rows, { page: i + 1 }))).fields;
    expect([f.billDate, f.numbers]).toEqual(['2025-10-16', ['9375550110']]);
  });
  it('sets aside a cover sheet faxed with each month, not only the first', () => {
    const cover = (date: string): string[] => [
      'FAX',
      'Date: ' + date,
      'To: Porting Department, Summitline VoIP',
      'Fax: 1-844-555-0193',
      'From: Marcus Okafor, Keystone IT Services',
      'Phone:       1-833-555-0142',
      'Direct:      970-555-0167',
      'Pages: 2 (including cover)',
      'Re: Number port request / copy of current bill',
    ];
    // (newest first: the second cover sheet would follow the newest statement as its last page)
    const pages = [cover('August 9, 2025'), AUGUST, cover('July 10, 2025'), JULY];
    const f = extractBill(pages.map((rows, i) => gridPage(rows, { page: i + 1 }))).fields;
    expect([f.billDate, f.numbers.sort()]).toEqual(['2025-08-06', ['9375550110', '9375550121']]);
  });
});
