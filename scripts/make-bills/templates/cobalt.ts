// A reseller's (white-label) bill: the brand printed on top is the company that bills the customer,
// while small print names the carrier whose network carries the lines ("Local service provided by
// Frontier Communications", "powered by Lumen" under the logo), and that carrier's repair line is
// printed too. The desk shows the brand: the customer's account, account number and PIN are the
// reseller's, and the port request goes against them. The account facts stand in a right-hand
// sidebar where the BTN is only a "Main number" / "Primary line"; the account name is printed
// only in the bill-to block, with an ATTN line above or below it and sometimes a "c/o" line
// naming whoever receives the mail (a bookkeeper, a relative), which is not the account holder.
import { hex, money, table, type Doc, GREY } from '../draw';
import { FIRST, LAST } from '../data';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, p, period, words } from './common';
import type { Template } from './types';

const COBALT = hex('#1f3f8f');
const ICE = hex('#eaf0fb');

/** The carriers resellers buy from: known names the desk's carrier list holds. */
const UNDERLYING = [
  'Frontier Communications',
  'Lumen Technologies',
  'CenturyLink',
  'Windstream',
  'Consolidated Communications',
  'AT&T',
  'Verizon Business',
  'TDS Telecom',
];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account #', 'Account Number', 'Customer Account #'],
    btn: ['Main number', 'Primary line', 'Main line'],
    svc: ['Service location', 'Service address', 'Installed at'],
    date: ['Bill date', 'Statement date', 'Invoice date'],
    name: ['Bill to'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot', 'space']);
  const under = r.pick(UNDERLYING);
  const T = doc.alt;

  // the brand, and (on some bills) the network it rides on right under it
  doc.text('Cobaltline', 40, 50, { size: 24, font: T.bold, color: COBALT });
  const tag = r.chance(0.35) ? `powered by ${under}` : 'Business & Home Phone';
  doc.text(tag, 42, 63, { size: 7.5, font: T.ital, color: GREY });

  // bill-to block: the account name with ATTN, sometimes c/o whoever takes the mail
  const business = b.accountType === 'business';
  const attn = business ? `ATTN: ${r.pick(['Accounts Payable', b.contact, 'Office Manager'])}` : null;
  const careOf = r.chance(0.45)
    ? business
      ? `c/o ${r.pick(LAST)} ${r.pick(['Bookkeeping', 'Accounting Services', '& Associates CPAs'])}`
      : `c/o ${r.pick(FIRST)} ${r.pick(LAST)}`
    : null;
  const head = attn && r.chance(0.5) ? [attn, b.accountName] : [b.accountName, ...(attn ? [attn] : [])];
  doc.text(`${w.name}:`, 40, 100, { size: 7.5, font: 'bold', color: GREY });
  doc.lines([...head, ...(careOf ? [careOf] : []), ...addrLines(b.mailing)], 40, 113, 11.5, { size: 9.5 });

  // the sidebar of account facts
  const sx = 380;
  doc.rect(sx, 28, 192, 330, { fill: ICE });
  let y = 46;
  const fact = (l: string, v: string[]): void => {
    doc.text(l, sx + 10, y, { size: 7, color: GREY });
    y = doc.lines(v, sx + 10, y + 11, 11, { size: 9, font: 'bold' }) + 7;
  };
  fact(w.acct, [b.accountNumber]);
  fact(w.btn, [p(b.btn, ps)]);
  fact(w.date, [d(b.billDate, r.pick(['mon', 'mdy', 'month'] as const))]);
  fact('Billing period', [period(b, 'mon')]);
  fact('Payment due', [d(b.dueDate, 'mon')]);
  fact('Amount due', [money(b.total)]);
  fact(w.svc, addrLines(b.service));
  doc.text('Questions? 24/7 support', sx + 10, y + 4, { size: 7, color: GREY });
  doc.text(b.tollFree.care, sx + 10, y + 15, { size: 8.5, font: 'bold' });

  // summary and lines on the left
  y = 200;
  doc.text('Your monthly summary', 40, y, { size: 12, font: T.bold, color: COBALT });
  y += 18;
  for (const [l, v] of [
    ['Previous balance', b.prevBalance],
    ['Payment - thank you', b.payment],
    ['Monthly service', b.current],
    ['Taxes and surcharges', b.taxes],
  ] as [string, number][]) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(money(v), 340, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.text('Total due', 40, y + 3, { size: 10, font: 'bold' });
  doc.text(money(b.total), 340, y + 3, { size: 10, font: 'bold', align: 'right' });
  y = Math.max(y + 34, 384);

  doc.text('Lines and features', 40, y, { size: 12, font: T.bold, color: COBALT });
  let end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 12.5,
    bottom: 690,
    headFill: ICE,
    cols: [
      { title: 'Line', w: 130 },
      { title: 'Service', w: 260 },
      { title: 'Monthly', w: 142, align: 'right' },
    ],
    rows: b.lines.map((l, i) => [p(l.num, ps), i === 0 ? `${l.plan} (main)` : l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Cobaltline  ·  ${w.acct} ${b.accountNumber}  ·  continued`, 40, 44, { size: 8, color: GREY });
      return 70;
    },
  });
  if (b.disconnected.length) {
    end += 8;
    doc.text(`Removed this period: ${b.disconnected.map((n) => p(n, ps)).join(', ')}`, 40, end, {
      size: 8,
      color: GREY,
    });
    end += 12;
  }

  // the small print, on the last page
  const fine = [
    `Local and long distance service provided by ${under}. Cobaltline is an authorized reseller and bills on its own behalf.`,
    `For outages and repair you may also reach ${under} at ${b.tollFree.repair}.`,
    r.chance(0.5)
      ? `Make checks payable to Cobaltline. Mail to ${b.remit.line1}, ${b.remit.city}, ${b.remit.state} ${b.remit.zip}.`
      : `Mail payments to ${b.remit.line1}, ${b.remit.city}, ${b.remit.state} ${b.remit.zip}.`,
  ];
  const fy = Math.max(end + 20, 720);
  if (fy > 740) {
    doc.addPage();
    doc.lines(fine, 40, 60, 9, { size: 6.5, color: GREY });
  } else doc.lines(fine, 40, fy, 9, { size: 6.5, color: GREY });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 776, { size: 7, align: 'right', color: GREY }),
  );
}

export const cobalt: Template = {
  id: 'cobaltline-reseller',
  carrier: 'Cobaltline',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'alnum',
  businessShare: 0.7,
  lineRange: [1, 16],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 30215', line2: null, city: 'Lancaster', state: 'PA', zip: '17605-0215' },
  layout:
    'a reseller (white-label) bill: the brand bills, small print and a "powered by" tag name the underlying carrier; account facts in a right sidebar (BTN only as Main number / Primary line); the account name only in the bill-to block, with ATTN and c/o lines',
  suite: 'business',
  draw,
};
