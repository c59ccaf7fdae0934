// A business telephone bill of a master account with sub-accounts. Half the bills print the account
// as a parent with a short sub-account ("Account 8773 1051 / Sub-account 0044"; the stub runs them
// together, "8773 1051-0044"); the other half are one location's statement under a master account
// ("Master account 5120 4471 09" beside "Sub-account" / "Billing account 5120 4471 37") with the
// master's other sub-accounts summarised. A port request needs the account the numbers are billed
// under: the sub-account, with its parent when the carrier numbers it as a suffix; never the
// master account alone.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const PLUM = hex('#5b2a6e');
const MIST = hex('#f3eef5');

const SITES = ['Main Office', 'Warehouse', 'North Branch', 'Clinic', 'Service Center', 'Retail Store'];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account'],
    btn: ['Billing Telephone Number', 'Main Number'],
    svc: ['Service Address', 'Service Location'],
    date: ['Bill Date', 'Statement Date'],
    name: ['Account Name', 'Customer Name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot']);
  const [g1, g2, sub] = b.accountNumber.split(' ') as [string, string, string];
  const pair = r.chance(0.5);
  const subLabel = r.pick(['Sub-account', 'Sub-Account No.', 'Billing account']);
  const master = `${g1} ${g2} ${r.digits(2)}`;

  doc.text('HARROWGATE', 40, 48, { size: 18, font: 'bold', color: PLUM });
  doc.text('business communications', 40, 60, { size: 8, color: GREY });
  let y = 36;
  const facts: [string, string][] = pair
    ? [
        ['Account', `${g1} ${g2}   /   ${subLabel === 'Billing account' ? 'Sub-account' : subLabel} ${sub}`],
        [w.date, d(b.billDate, r.pick(['mon', 'mdy'] as const))],
        [w.btn, p(b.btn, ps)],
      ]
    : [
        ['Master account', master],
        [subLabel, b.accountNumber],
        [w.date, d(b.billDate, r.pick(['mon', 'mdy'] as const))],
        [w.btn, p(b.btn, ps)],
      ];
  for (const [l, v] of facts)
    y = kv(doc, 300, y, l, v, { style: 'colon', size: 8.5, labelSize: 8, valueX: 410 }) + 2;
  doc.lines(nameBlock(b), 56, 104, 11, { size: 9 });
  kv(doc, 300, 110, w.name, b.accountName, { style: 'below', size: 9, labelSize: 7.5, labelFont: 'bold' });
  kv(doc, 300, 140, w.svc, addrLines(b.service), {
    style: 'below',
    size: 9,
    labelSize: 7.5,
    labelFont: 'bold',
  });
  y = summary(doc, 300, 200, 272, b, { size: 8 });

  if (!pair) {
    // the master's other sub-accounts: their numbers and main lines are not this account's
    doc.text('Sub-accounts under master account ' + master, 40, y + 8, {
      size: 9,
      font: 'bold',
      color: PLUM,
    });
    const rows: string[][] = [];
    const n = r.int(2, 4);
    const mine = r.int(0, n - 1);
    for (let i = 0; i <= n; i++)
      rows.push(
        i === mine
          ? [SITES[0]!, b.accountNumber, p(b.btn, ps), money(b.total)]
          : [
              r.pick(SITES.slice(1)),
              `${g1} ${g2} ${r.digits(4)}`,
              p(`${r.pick(['312', '617', '404'])}55501${r.digits(2)}`, ps),
              money(r.int(4000, 90000) / 100),
            ],
      );
    y = table(doc, {
      x: 40,
      y: y + 26,
      size: 8,
      rowH: 12,
      bottom: 740,
      headFill: MIST,
      cols: [
        { title: 'Location', w: 150 },
        { title: 'Sub-account', w: 130 },
        { title: 'Main number', w: 130 },
        { title: 'Amount', w: 122, align: 'right' },
      ],
      rows,
      onNewPage: () => 60,
    });
  }
  y += 18;
  doc.text(
    pair
      ? 'Telephone numbers on this account'
      : `Telephone numbers billed to ${subLabel.toLowerCase()} ${b.accountNumber}`,
    40,
    y,
    { size: 10, font: 'bold', color: PLUM },
  );
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 12.5,
    bottom: 600,
    headFill: MIST,
    cols: [
      { title: 'Telephone number', w: 130 },
      { title: 'Service', w: 270 },
      { title: 'Monthly', w: 132, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Harrowgate Communications   Account ${g1} ${g2}-${sub}   ${d(b.billDate, 'mdy')}`, 40, 40, {
        size: 8,
        color: GREY,
      });
      return 64;
    },
  });
  removedSection(doc, 40, end + 10, b, { title: 'Disconnected this period', style: ps, size: 8 });
  // stub: the parent and sub-account run together, as billing systems print the full account
  const sy = 706;
  doc.hline(40, 572, sy - 12, { color: LIGHT, lw: 0.6 });
  doc.text('Please return this portion with your payment', 40, sy, { size: 7, color: GREY });
  doc.text(`Account no. ${g1} ${g2}-${sub}`, 40, sy + 14, { size: 8.5, font: 'bold' });
  doc.text(`Amount due ${money(b.total)}   Due ${d(b.dueDate, 'mdy')}`, 40, sy + 26, { size: 8.5 });
  doc.lines(remitLines('Harrowgate Communications', b.remit), 330, sy + 10, 10, { size: 8 });
}

export const harrow: Template = {
  id: 'harrow-business',
  carrier: 'Harrowgate Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 1,
  lineRange: [3, 26],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 6120', line2: null, city: 'Columbus', state: 'OH', zip: '43216-6120' },
  layout:
    'a master account with sub-accounts: "Account 8773 1051 / Sub-account 0044", or "Master account" beside "Sub-account"/"Billing account" with the master\'s other sub-accounts summarised',
  suite: 'business',
  draw,
};
