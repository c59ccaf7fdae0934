// Multi-site business bills: one account, a section per location with its own service address and
// its own numbers in a table with a Status column. Only Active rows are the account's numbers, and
// the service address is the primary location's (the one holding the main number).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const header = [
  'trellis                                       Customer Account     TCV-66678-2173',
  'CLOUD VOICE                                   Invoice Date         August 11, 2025',
  '',
  'Account Name: Castellano Bakery Inc.    Main Number: 603-555-0150',
  '',
];

function site(title: string, addr: string[], rows: string[]): string[] {
  return [
    title,
    '',
    `Service Location:    ${addr[0]}`,
    ...addr.slice(1).map((a) => `                     ${a}`),
    '',
    'Number              Description                  Status                Monthly',
    ...rows,
    '',
  ];
}

const hq = site(
  'Location 2 of 3: Corporate Office - Primary location            Location ID LOC-55490',
  ['32 Sycamore Ct', 'Floor 12', 'Manchester, NH 03101'],
  [
    '603-555-0150        Main number - Auto attendant Active                $20.37',
    '603-555-0176        Paging / overhead            Active                $42.23',
  ],
);
const store = site(
  'Location 1 of 3: Retail Store                                    Location ID LOC-04936',
  ['82 Station Way', 'Floor 8', 'Manchester, NH 03101'],
  [
    '603-555-0122        Call queue                   Active                $75.04',
    '603-555-0106        Elevator line                Disconnected           $0.00',
    '603-555-0115        Call queue                   Active                $69.02',
    '603-555-0133        Direct inward dial           Active                $43.99',
  ],
);
const depot = site(
  'Location 3 of 3: Distribution Center                             Location ID LOC-64758',
  ['95 Oak Ln', 'St. Petersburg, FL 33701'],
  [
    '603-555-0186        Direct inward dial           Active                $73.21',
    '603-555-0112        Paging / overhead            Pending disconnect     $0.00',
    '603-555-0173        Analog line (ATA)            Active                $80.06',
    '603-555-0160        Alarm line                   Suspended              $0.00',
    '603-555-0148        Alarm line                   Ported out             $0.00',
  ],
);

describe('a multi-site bill', () => {
  const f = extractBill([gridPage([...header, ...store, ...hq, ...depot])]).fields;

  it('takes the primary location’s service address, wherever its section stands', () => {
    expect(f.serviceAddress).toMatchObject({ line1: '32 Sycamore Ct', city: 'Manchester', zip: '03101' });
  });

  it('keeps the Active rows under a row that says Disconnected, and leaves out every other status', () => {
    expect(new Set(f.numbers)).toEqual(
      new Set([
        '6035550150',
        '6035550176',
        '6035550122',
        '6035550115',
        '6035550133',
        '6035550186',
        '6035550173',
      ]),
    );
  });

  it('takes the site holding the main number when no heading says primary', () => {
    const plain = (s: string[]) => s.map((l) => l.replace(' - Primary location', ''));
    const g = extractBill([gridPage([...header, ...plain(store), ...plain(depot), ...plain(hq)])]).fields;
    expect(g.serviceAddress).toMatchObject({ line1: '32 Sycamore Ct', zip: '03101' });
  });

  it('reads a one-site bill as before: its one service address, printed twice', () => {
    const one = hq.map((l) => l.replace('Location 2 of 3: ', ''));
    const g = extractBill([
      gridPage([...header, 'Service Location: 32 Sycamore Ct, Manchester, NH 03101', '', ...one]),
    ]).fields;
    expect(g.serviceAddress).toMatchObject({ line1: '32 Sycamore Ct', zip: '03101' });
    expect(new Set(g.numbers)).toEqual(new Set(['6035550150', '6035550176']));
  });
});
