// A wireless business bill (make-bills tanager-wireless) sets its account facts flush right of
// their labels: "Primary place of use            3625 Prospect Highway" over "Unit 1" over
// "Sioux Falls, SD 57104", each line ending at the box's right edge. Beside it, on the left, the
// "Bill to" block holds the mailing address.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

/** A row: `left` from column 0, `label` from column 62, `value` ending at column 116. */
const row = (left: string, label = '', value = ''): string =>
  (left.padEnd(62) + label).padEnd(116 - value.length) + value;

const bill = (service: string[], label = 'Primary place of use'): string[] => [
  row('tanager      Account number 2334018392-00002   Invoice number 6225541385'),
  row('business     Statement date Nov 4, 2025   Page 1 of 3'),
  '',
  row('Bill to', 'Main line', '(605) 555-0145'),
  row('Northgate Print Shop Corp.', 'Billing period', 'Oct 3, 2025 - Nov 3, 2025'),
  row('Attn: Patrick Chowdhury'),
  row('', 'Payment due', 'Nov 29, 2025'),
  row('PO Box 32555'),
  row('Sioux Falls, SD 57104', label, service[0]),
  ...service.slice(1).map((s) => row('', '', s)),
  '',
  'Summary by line',
  'Line            Type         User            Plan                     Total',
  '(605) 555-0145  Mobile       C YILMAZ        Unlimited Essentials    $89.10',
  '(605) 555-0177  Tablet       S MOREAU        Shared 20GB             $45.22',
];

describe('an address set flush right of its label', () => {
  it('reads every line of the block, the unit too, and not the Bill to block beside it', () => {
    const a = extractBill([gridPage(bill(['3625 Prospect Highway', 'Unit 1', 'Sioux Falls, SD 57104']))])
      .fields.serviceAddress;
    expect([a?.line1, a?.line2, a?.city, a?.state, a?.zip]).toEqual([
      '3625 Prospect Highway',
      'Unit 1',
      'Sioux Falls',
      'SD',
      '57104',
    ]);
  });

  it('reads a block whose lines start nowhere near each other', () => {
    const a = extractBill([
      gridPage(bill(['1141 Market Ter', 'Suite 702', 'Manchester, NH 03101'], 'Service address')),
    ]).fields.serviceAddress;
    expect([a?.line1, a?.line2, a?.city, a?.state, a?.zip]).toEqual([
      '1141 Market Ter',
      'Suite 702',
      'Manchester',
      'NH',
      '03101',
    ]);
  });
});
