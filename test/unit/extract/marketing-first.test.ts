// A consumer bill whose page 1 sells (make-bills larkspur-mobile): sales, store and "Did you
// know?" numbers in the customer's own area code, a store's street address in their city; the
// account on page 2 under plain words ("Number billed", "Where we provide service:") and lines
// listed under the customer's nicknames ("Shop fax", "Fax line").
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const PAGE1 = [
  'larkspur                                                              Your August bill',
  'home phone - mobile - internet',
  '',
  '     Lindgren Realty L.L.C.',
  '     Attn: Marcus Iverson',
  '     42392 Industrial Parkway',
  '     Tucson, AZ 85701',
  '',
  'Hi Lindgren Realty L.L.C.,',
  "Thanks for being with Larkspur since 2017. Here's what's new this month.",
  '',
  '    Add a line for just $20/mo',
  '    Bring the whole family. Call 520.555.0144 or text ADD to 520.555.0189 and a',
  '    Larkspur expert will set it up.',
  '    Questions? Our sales team: 1-844-555-0104                     Scan to see offers',
  '',
  '   Visit your local Larkspur store               Did you know?',
  '   2388 Pioneer St, Tucson                       You can pay by phone 24/7 at 520.555.0121,',
  '   Open 9-7 Mon-Sat - 520.555.0157               or set up AutoPay and save $5 a month.',
  '   Walk-ins welcome for repairs and upgrades.',
  '',
  'Important notices',
  'Starting October 18, 2025, the Regulatory Cost Recovery Fee will change from $1.99 to $2.49.',
  '',
  'Your account summary and your lines are on the next page.',
];
const PAGE2 = [
  'larkspur                                                       Account # 2120 5881 8547',
  '',
  'Account summary                                 Where we provide service:',
  'Account #                      2120 5881 8547   36793 Sycamore Terrace',
  '                                                Bldg B',
  'Number billed                    520.555.0198   Tucson, AZ 85701-9410',
  'Bill date                     August 22, 2025',
  'Amount due                            $508.85',
  'Due by                     September 11, 2025',
  '',
  'Your lines',
  'Shop fax          520.555.0198          Talk & Text Basic                  $91.28',
  'Owner cell        520.555.0181          Smartwatch Connect                 $80.89',
  'Front desk        520.555.0107          Smartwatch Connect                 $84.66',
  'Fax line          520.555.0191          Tablet Data 10GB                   $22.99',
  '',
  '                         Return this part with your payment',
  'Lindgren Realty L.L.C.                          Account # 2120 5881 8547',
  '42392 Industrial Parkway                        Amount due $508.85',
  'Tucson, AZ 85701',
  '                                                Larkspur Communications',
  '                                                PO Box 209415',
  '                                                Kansas City, MO 64121-9415',
];

describe('a bill whose first page is marketing', () => {
  const x = extractBill([gridPage(PAGE1), gridPage(PAGE2, { page: 2 })]);

  it('reads the service address under "Where we provide service:", not the window or the store', () => {
    const a = x.fields.serviceAddress;
    expect(a?.line1).toBe('36793 Sycamore Terrace');
    expect(a?.line2).toBe('Bldg B');
    expect(a?.zip.slice(0, 5)).toBe('85701');
    // read under its label, not guessed from the address blocks
    expect(x.meta.serviceAddress?.doubts ?? []).toEqual([]);
  });

  it('reads the BTN under "Number billed"', () => {
    expect(x.fields.btn).toBe('5205550198');
    expect(x.meta.btn?.doubts ?? []).toEqual([]);
  });

  it("counts every nicknamed line, a fax line too, and none of the carrier's promo numbers", () => {
    expect([...x.fields.numbers].sort()).toEqual(['5205550107', '5205550181', '5205550191', '5205550198']);
    expect(x.fields.billDate).toBe('2025-08-22');
  });
});

// Nicknames over their numbers, the plan and price between the two (seed 11368, fm-084): a
// nickname with a contact word in it ("Back office") is the line's name, not a help heading.
// (The blank row keeps the number two rows over the nickname out of reach, as the bill's
// uneven rows did.)
const STACKED = [
  'larkspur                                                       Account # 2120 5881 8547',
  'Account summary                                 Where we provide service:',
  'Account #                      2120 5881 8547   36793 Sycamore Terrace',
  'Number billed                    540.555.0142   Salem, VA 24153',
  'Bill date                     August 8, 2025',
  '',
  'Your lines',
  'Shop fax',
  '                                       Shared 20GB                    $49.98',
  '540.555.0142',
  '',
  '                    540.555.0138       Talk & Text Basic              $59.56',
  'Back office',
  '                                       Smartwatch Connect             $25.88',
  '540.555.0159',
  'Dispatch',
  '                                       Unlimited Premium              $34.72',
  '540.555.0179',
  'Owner cell',
  '                                       Fleet Tracker                  $61.10',
  '540.555.0127',
  '',
  'Questions about your bill?',
  'Customer care',
  '1-844-555-0104',
];

describe('nicknames stacked over their numbers in a priced list', () => {
  it('keeps a line nicknamed with a contact word, and not the care number under its heading', () => {
    const x = extractBill([gridPage(STACKED)]);
    expect([...x.fields.numbers].sort()).toEqual([
      '5405550127',
      '5405550138',
      '5405550142',
      '5405550159',
      '5405550179',
    ]);
  });
});
