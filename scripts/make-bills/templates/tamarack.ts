// A multi-location business bill: one location's statement of a corporate account, with a
// summary of the corporate group's other accounts on page 1 (their account numbers and main
// numbers are not this account's), lines listed by location with the location's name first
// and the number in the second column (names such as "Front Office" or "Help Desk" read like
// contact lines), and hunt groups and removed numbers printed in slash shorthand
// ("312-555-0140/41/42", "(312) 555-0140/0141/0147").
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import { CITIES } from '../data';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, remitLines, summary, words } from './common';
import type { Template } from './types';

const SPRUCE = hex('#2f5d50');
const BIRCH = hex('#eef3ef');

/** Where a line rings: names a business gives its phones, several worded like contact lines. */
const LOCATIONS = [
  'Front Office',
  'Reception',
  'Help Desk',
  'Sales Floor',
  'Warehouse',
  'Loading Dock',
  'Conference Room B',
  'Customer Service Counter',
  'Billing Office',
  "Manager's Office",
  'Break Room',
  'Lobby Phone',
  'Elevator Emergency Phone',
  'Call Center Seat 4',
  'Fax - Accounting',
  'Parts Counter',
  'Shipping & Receiving',
  'Service Bay',
  'Nurse Station',
  'Security Desk',
];

/** How a group of numbers sharing their first six digits is printed in shorthand. */
export type Shorthand = 'two' | 'four';
export function shorthand(nums: string[], s: Shorthand, ps: PhoneStyle): string {
  const sorted = [...nums].sort();
  const tail = sorted.slice(1).map((n) => (s === 'two' ? n.slice(8) : n.slice(6)));
  return [p(sorted[0]!, ps), ...tail].join('/');
}

/** Splits numbers into groups of 2-5 that share their first eight digits (one hunt group each). */
function groupsOf(r: Rng, nums: string[], want: number): string[][] {
  const byHead = new Map<string, string[]>();
  for (const n of nums) byHead.set(n.slice(0, 8), [...(byHead.get(n.slice(0, 8)) ?? []), n]);
  const out: string[][] = [];
  for (const list of byHead.values()) {
    const pool = r.shuffle(list);
    while (pool.length >= 2 && out.length < want)
      out.push(pool.splice(0, r.int(2, Math.min(5, pool.length))));
  }
  return out;
}

const GROUP_NAMES = ['Sales hunt group', 'Main hunt group', 'Service hunt group', 'Multi-line group'];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Location Account', 'Account No.'],
    btn: ['Main Number', 'Billing Telephone No.', 'Location Main Number'],
    svc: ['Service Address', 'Location Address'],
    date: ['Bill Date', 'Statement Date'],
    name: ['Location Name', 'Account Name', 'Customer Name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot']);
  const sh: Shorthand = r.pick(['two', 'four']);
  const T = doc.alt;
  doc.text('TAMARACK', 40, 48, { size: 19, font: 'bold', color: SPRUCE });
  doc.text('Business Telephone', 41, 60, { size: 8, font: T.ital, color: GREY });
  doc.rect(340, 28, 232, 74, { fill: BIRCH });
  let y = 42;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, r.pick(['mon', 'mdy'] as const))],
    [w.btn, p(b.btn, ps)],
    ['Invoice #', `${r.int(1, 9)}${r.digits(7)}`],
    ['Amount Due', money(b.total)],
  ] as [string, string][])
    y = kv(doc, 346, y, l, v, { style: 'colon', size: 8.5, labelSize: 7.5, valueX: 452 }) + 2;
  doc.lines(nameBlock(b), 56, 112, 11, { size: 9 });
  kv(doc, 340, 118, w.name, b.accountName, { style: 'below', size: 9, labelSize: 7, labelFont: 'bold' });
  kv(doc, 340, 150, w.svc, addrLines(b.service), {
    style: 'below',
    size: 9,
    labelSize: 7,
    labelFont: 'bold',
    lh: 11,
  });
  y = 214;
  // the corporate group's accounts: this statement is one of them
  if (r.chance(0.6)) {
    const parent = `${r.int(10, 99)}-${r.digits(7)}`;
    const others = r.shuffle(CITIES.filter((c) => c.npa !== b.btn.slice(0, 3))).slice(0, r.int(2, 4));
    const rows: string[][] = others.map((c) => [
      `${c.city}, ${c.state}`,
      `${r.int(1, 9)}${r.digits(8)}`,
      p(`${c.npa}55501${r.digits(2)}`, ps),
      money(r.int(9000, 240000) / 100),
    ]);
    const mine = [
      `${b.service.city}, ${b.service.state} (this statement)`,
      b.accountNumber,
      p(b.btn, ps),
      money(b.total),
    ];
    rows.splice(r.int(0, rows.length), 0, mine);
    doc.text(`Summary of accounts - corporate account ${parent}`, 40, y, {
      size: 9.5,
      font: 'bold',
      color: SPRUCE,
    });
    y = table(doc, {
      x: 40,
      y: y + 14,
      size: 7.5,
      rowH: 10,
      bottom: 700,
      rule: SPRUCE,
      bodyFont: 'reg',
      cols: [
        { title: 'Location', w: 170 },
        { title: 'Account', w: 120 },
        { title: 'Main number', w: 130 },
        { title: 'Current charges', w: 112, align: 'right' },
      ],
      rows,
      onNewPage: () => 60,
    });
    y += 12;
  }
  summary(doc, 40, y + 8, 300, b, { size: 8 });
  doc.rect(40, 690, 532, 34, { stroke: LIGHT });
  doc.text(
    `Business office ${p(b.office, ps)}   Repair ${p(b.repairLocal, ps)}   Fax ${p(b.fax, ps)}`,
    48,
    703,
    { size: 7.5 },
  );
  doc.text(
    `Customer care ${b.tollFree.care}   Remit to: ${remitLines('Tamarack Business Telephone', b.remit).join(', ')}`,
    48,
    715,
    {
      size: 7,
      color: GREY,
    },
  );

  // ---- lines by location ---------------------------------------------------------------
  const head = (title: string): number => {
    doc.addPage();
    doc.text(`Tamarack Business Telephone   ${w.acct} ${b.accountNumber}`, 40, 40, {
      size: 7.5,
      color: GREY,
    });
    doc.text(title, 40, 64, { size: 11, font: T.bold, color: SPRUCE });
    return 84;
  };
  const rest = b.lines.slice(1).map((l) => l.num);
  const groups = groupsOf(r, rest, r.int(1, 3));
  const inGroup = new Set(groups.flat());
  const locs = r.shuffle(LOCATIONS);
  const rows = b.lines
    .filter((l) => !inGroup.has(l.num))
    .map((l, i) => [
      i === 0 ? 'Main Line' : locs[i % locs.length]!,
      p(l.num, ps),
      l.plan === 'Residential Line' ? 'Business Line - Flat Rate' : l.plan,
      money(l.charge),
    ]);
  y = table(doc, {
    x: 40,
    y: head('Lines by location'),
    size: 8,
    rowH: 12,
    bottom: 730,
    rule: SPRUCE,
    bodyFont: 'reg',
    cols: [
      { title: 'Location', w: 150 },
      { title: 'Telephone number', w: 120 },
      { title: 'Service', w: 182 },
      { title: 'Monthly', w: 80, align: 'right' },
    ],
    rows,
    onNewPage: () => head('Lines by location (continued)'),
  });
  if (groups.length) {
    if (y > 660) y = head('Hunt groups');
    else {
      doc.text('Hunt groups', 40, y + 16, { size: 11, font: T.bold, color: SPRUCE });
      y += 34;
    }
    y = table(doc, {
      x: 40,
      y,
      size: 8,
      rowH: 12,
      bottom: 730,
      rule: SPRUCE,
      bodyFont: 'reg',
      cols: [
        { title: 'Group', w: 130 },
        { title: 'Numbers', w: 200 },
        { title: 'Lines', w: 60, align: 'right' },
        { title: 'Monthly', w: 142, align: 'right' },
      ],
      rows: groups.map((g, i) => [
        GROUP_NAMES[i % GROUP_NAMES.length]!,
        shorthand(g, sh, ps),
        String(g.length),
        money((g.length * r.int(1800, 3400)) / 100),
      ]),
      onNewPage: () => head('Hunt groups (continued)'),
    });
  }
  if (b.disconnected.length) {
    if (y > 690) y = head('Account changes');
    const gone = b.disconnected.length > 1 ? shorthand(b.disconnected, sh, ps) : p(b.disconnected[0]!, ps);
    doc.text(`Numbers disconnected ${d(b.periodEnd, 'mdy')}: ${gone}`, 40, y + 18, { size: 8.5 });
  }
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: GREY }),
  );
}

export const tamarack: Template = {
  id: 'tamarack-business',
  carrier: 'Tamarack Business Telephone',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 1,
  lineRange: [12, 60],
  disconnectedShare: 0.5,
  remit: { line1: 'PO Box 4417', line2: null, city: 'Duluth', state: 'MN', zip: '55801-4417' },
  layout:
    "one location's statement of a corporate group: a summary of the group's other accounts (their account and main numbers are not this account's), lines by location with the number in the second column after names like 'Help Desk', hunt groups and removed numbers in slash shorthand ('312-555-0140/41/42')",
  suite: 'business',
  faxShare: 0.25,
  draw,
};
