// A small telco's bill (make-bills kittiwake-telephone) lists its lines without their area code:
// in seven digits under one "Area code", by their last four under an exchange heading, as a
// hunt group's members, as shorthand in a sentence. Each is a full number of the account; the
// seven-digit invoice, ID and order numbers, the business office and local calls beside them
// are not.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const HEAD = [
  'Kittiwake                                            Account No.                   6471122',
  'TELEPHONE COMPANY                                    Statement Date             11/23/2024',
  'An independent telephone company                     Billing Telephone Number     555-0133',
  '                                                     Customer ID                   5550171',
  '                                                     Invoice No.                  555-0138',
  '                                                     Billing Period  10/24/2024 - 11/22/2024',
  '',
  '    Harbor Lights Bakery LLC',
  '    23 E Market St',
  '    Baton Rouge, LA 70801',
  '',
  'Account Name: Harbor Lights Bakery LLC',
  'Service Address: 23 E Market St, Baton Rouge, LA 70801',
  '',
  'Business Office                                 Previous Balance              $447.63',
  '555-0188  Mon-Fri 8-4:30                        Total Amount Due              $435.21',
  'Repair: dial 611',
  '',
];

const TAIL = [
  '',
  'Change order 555-0161  10/24/2024  Records change                               $16.13',
  'LOCAL MEASURED CALLS',
  '10/13/2024       16:46           555-0157         7 min                            $1.32',
  '10/03/2024       15:39           555-0130        14 min                            $2.09',
];

const numbers = (rows: string[]): string[] => [...extractBill([gridPage(rows)]).fields.numbers].sort();

describe('lines printed without their area code', () => {
  it('reads last fours under an exchange heading, a hunt group and the BTN in seven digits', () => {
    const rows = [
      ...HEAD,
      'LOCAL SERVICE',
      'Exchange: 225-555',
      '0133              Business Line - Main                                    $32.36',
      '0105              Hunt group pilot                                        $36.29',
      'Hunt group: 0105, 0106, 0107 Hunt group members                           $68.35',
      '0170              Fax Line                                                $33.50',
      '0101              Disconnected 10/24/2024 - credit',
      ...TAIL,
    ];
    const ex = extractBill([gridPage(rows)]);
    expect(ex.fields.btn).toBe('2255550133');
    expect([...ex.fields.numbers].sort()).toEqual(
      ['2255550105', '2255550106', '2255550107', '2255550133', '2255550170'].sort(),
    );
  });

  it('reads a grid of last fours under "(618) 555-"', () => {
    const rows = [
      ...HEAD.map((r) => r.replace('555-0133', '(225) 555-0133')),
      'LOCAL SERVICE',
      '(225) 555-',
      '  0133     0145     0146     0147     0190',
      '5 lines              Local exchange service                                   $161.80',
      ...TAIL,
    ];
    expect(numbers(rows)).toEqual(['2255550133', '2255550145', '2255550146', '2255550147', '2255550190']);
  });

  it('reads seven-digit rows, bare or not, under one area code, a block by its ends and a hunt group', () => {
    const rows = [
      ...HEAD,
      'LOCAL SERVICE                                                 All numbers are in area code (225)',
      '5550133           Business Line - Main                                    $32.36',
      '555-0140 through -0144   DID block (5 numbers)                             $6.25',
      '5550170           Fax Line                                                $33.50',
      '555-0196          Hunt group pilot                                        $37.44',
      'Hunt group: 0196, 0197, 0198 Hunt group members                           $73.90',
      ...TAIL,
    ];
    expect(numbers(rows)).toEqual(
      ['0133', '0140', '0141', '0142', '0143', '0144', '0170', '0196', '0197', '0198'].map(
        (t) => `225555${t}`,
      ),
    );
  });

  it('reads seven-digit rows when a scan lost "in area" of "All numbers are in area code (225)"', () => {
    const rows = [
      ...HEAD,
      'LOCAL SERVICE                                                   All numbers are —— code (225)',
      '5550133           Business Line - Main                                    $32.36',
      '5550170           Fax Line                                                $33.50',
      ...TAIL,
    ];
    expect(numbers(rows)).toEqual(['2255550133', '2255550170']);
  });

  it('reads shorthand in a sentence: "This bill covers lines … -0149 and 555-0151 through -0155."', () => {
    const rows = [
      ...HEAD,
      'LOCAL SERVICE                                                               Area Code: 225',
      'This bill covers lines 225-555-0133, 555-0148, -0149 and 555-0151 through -0155.',
      '8 lines           Local exchange service                                  $165.10',
      ...TAIL,
    ];
    expect(numbers(rows)).toEqual(
      ['0133', '0148', '0149', '0151', '0152', '0153', '0154', '0155'].map((t) => `225555${t}`),
    );
  });

  it('reads no street number after a list, and no last four without an exchange over it', () => {
    const rows = [
      'Acme Telecom                                         Account Number         4471-093-118',
      'Main Number (970) 555-0143                            Bill Date              03/14/2025',
      'Your lines: 970-555-0143, 1200 Main St, Fort Collins, CO 80521',
      '0147              Business Line                                           $32.36',
      '0148              Business Line                                           $32.36',
    ];
    expect(numbers(rows)).toEqual(['9705550143']);
  });
});
