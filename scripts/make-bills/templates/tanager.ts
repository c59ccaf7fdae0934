// A national wireless carrier's business bill, as the biggest of them print it. What no other
// template has:
// - the account number with a five-digit sub-account suffix, `442510987-00001` (a third of them
//   ten digits before the suffix, shaped like a telephone number): the suffix is part of it;
// - a ten-digit `Invoice number` shaped like a telephone number, on every page;
// - a `Summary by line` table whose rows are `312-555-0147  Mobile  J ORTEGA ...`: the user after
//   the number is never the account name; removed lines in the same table at $0.00;
// - a header on every page (the account, the invoice, the bill date, `Page 2 of 4`), in one run
//   of text or spread over the width;
// - per-line detail with `Talk activity`: the numbers called are other people's.
import { hex, money, type Doc, GREY, LIGHT, table } from '../draw';
import { FIRST, LAST } from '../data';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import { d, nameBlock, p, remitLines, words } from './common';
import type { Template } from './types';

const RED = hex('#b3122e');
const PALE = hex('#f4f4f4');

const TYPES: [string, string][] = [
  ['Mobile', 'Smartphone'],
  ['Mobile', 'Smartphone'],
  ['Mobile', 'Smartphone'],
  ['Tablet', 'Tablet'],
  ['Hotspot', 'Jetpack'],
  ['Smartwatch', 'Smartwatch'],
  ['Basic phone', 'Basic phone'],
];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account number', 'Account', 'Account #'],
    btn: ['Account phone', 'Main line', 'Primary number'],
    svc: ['Service address', 'Primary place of use'],
    date: ['Bill date', 'Invoice date', 'Statement date'],
    name: ['Bill to', 'Account name', 'Business name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'dash', 'dot', 'paren']);
  const invoice = `${r.int(2, 9)}${r.digits(2)}${r.int(2, 9)}${r.digits(6)}`;
  const dateStyle = r.pick(['mon', 'month', 'mdy'] as const);
  const billDate = d(b.billDate, dateStyle);
  const oneRun = r.chance(0.5);
  const talk = r.chance(0.5);
  const free = r.shuffle(freeNumbers(b));
  const users = b.lines.map(() => `${r.pick(FIRST).charAt(0)} ${r.pick(LAST)}`.toUpperCase());
  const types = b.lines.map((_, i) => (i === 0 ? TYPES[0]! : r.pick(TYPES)));

  // Every page's header: the account, the invoice and the bill date, drawn once the pages are known.
  const header = (i: number, n: number): void => {
    doc.text('tanager', 40, 36, { size: i === 0 ? 22 : 13, font: 'bold', color: RED });
    if (i === 0) doc.text('business', 41, 48, { size: 8, color: GREY });
    const hy = i === 0 ? 36 : 34;
    if (oneRun)
      doc.text(
        `${w.acct} ${b.accountNumber}   Invoice number ${invoice}   ${w.date} ${billDate}   Page ${i + 1} of ${n}`,
        572,
        hy,
        { size: 7, align: 'right' },
      );
    else {
      const cells: [string, string][] = [
        [w.acct, b.accountNumber],
        ['Invoice number', invoice],
        [w.date, billDate],
        ['Page', `${i + 1} of ${n}`],
      ];
      cells.forEach(([l, v], k) => {
        const x = 200 + k * 96;
        doc.text(l, x, hy - 8, { size: 6, color: GREY });
        doc.text(v, x, hy + 2, { size: 8, font: 'bold' });
      });
    }
    doc.hline(40, 572, hy + 10, { color: RED, lw: 1.2 });
  };

  // Page 1: bill to, the account facts, the quick bill summary.
  let y = 82;
  doc.text('Bill to', 40, y, { size: 7, color: GREY });
  doc.lines(nameBlock(b, r.chance(0.4)), 40, y + 12, 11, { size: 9 });
  const facts: [string, string][] = [
    [w.btn, p(b.btn, ps)],
    ['Billing period', `${d(b.periodStart, 'mon')} - ${d(b.periodEnd, 'mon')}`],
    ['Payment due', d(b.dueDate, dateStyle)],
  ];
  let fy = y;
  for (const [l, v] of facts) {
    doc.text(l, 330, fy, { size: 7.5, color: GREY });
    doc.text(v, 572, fy, { size: 8.5, font: 'bold', align: 'right' });
    fy += 14;
  }
  fy += 4;
  doc.text(w.svc, 330, fy, { size: 7.5, color: GREY });
  doc.lines(addrLines(b.service), 572, fy, 11, { size: 8.5, align: 'right' });
  y = Math.max(y + 70, fy + 40);

  doc.rect(40, y, 532, 22, { fill: PALE });
  doc.text('Quick bill summary', 48, y + 15, { size: 10, font: 'bold' });
  y += 40;
  const sum: [string, number][] = [
    ['Last bill', b.prevBalance],
    ['Payments', b.payment],
    ['Monthly charges', b.current],
    ['Surcharges, taxes and gov fees', b.taxes],
  ];
  for (const [l, v] of sum) {
    doc.text(l, 48, y, { size: 8.5 });
    doc.text(money(v), 572, y, { size: 8.5, align: 'right' });
    y += 13;
  }
  doc.text('Total due', 48, y + 4, { size: 10, font: 'bold' });
  doc.text(money(b.total), 572, y + 4, { size: 10, font: 'bold', align: 'right' });
  y += 30;

  const cont = (): number => {
    doc.addPage();
    return 70;
  };

  // Summary by line: number, type, user; removed lines among them at $0.00.
  doc.text('Summary by line', 40, y, { size: 11, font: 'bold', color: RED });
  const rows = b.lines.map((l, i) => [p(l.num, ps), types[i]![0], users[i]!, l.plan, money(l.charge)]);
  for (const n of b.disconnected)
    rows.splice(r.int(1, rows.length), 0, [
      p(n, ps),
      'Mobile',
      `${r.pick(FIRST).charAt(0)} ${r.pick(LAST)}`.toUpperCase(),
      `Line disconnected ${d(b.periodStart, 'mdy2')}`,
      money(0),
    ]);
  y = table(doc, {
    x: 40,
    y: y + 18,
    cols: [
      { title: 'Line', w: 96 },
      { title: 'Type', w: 70 },
      { title: 'User', w: 120 },
      { title: 'Plan', w: 176 },
      { title: 'Total', w: 70, align: 'right' },
    ],
    rows,
    size: 8,
    rule: LIGHT,
    bottom: 730,
    onNewPage: cont,
  });

  // Line detail: each line's charges, and its talk activity on half the bills.
  y = cont();
  doc.text('Charges by line', 40, y, { size: 11, font: 'bold', color: RED });
  y += 20;
  b.lines.forEach((l, i) => {
    const calls = talk && i < 3 ? r.int(2, 5) : 0;
    if (y + 40 + calls * 11 > 740) y = cont();
    doc.rect(40, y - 10, 532, 14, { fill: PALE });
    doc.text(`${users[i]}  ·  ${p(l.num, ps)}  ·  ${types[i]![1]}`, 46, y, { size: 8.5, font: 'bold' });
    y += 14;
    doc.text(`${l.plan}`, 52, y, { size: 8 });
    doc.text(money(l.charge), 572, y, { size: 8, align: 'right' });
    y += 11;
    l.features.slice(0, 2).forEach((f, k) => {
      // a wireless line's extras, whatever the wireline feature drawn for it
      doc.text(k === 0 ? 'Line access charge' : 'Device protection', 52, y, { size: 8 });
      doc.text(money(f.amount), 572, y, { size: 8, align: 'right' });
      y += 11;
    });
    if (calls) {
      doc.text('Talk activity', 52, y, { size: 7.5, font: 'bold', color: GREY });
      y += 11;
      for (let k = 0; k < calls; k++) {
        const to =
          k % 2 === 0 && free.length
            ? free.pop()!
            : `${r.pick(['212', '415', '305', '702', '206'])}555${r.digits(4)}`;
        const when = new Date(b.periodStart.getTime() + 86400000 * r.int(1, 27));
        doc.text(d(when, 'mdy2'), 60, y, { size: 7.5 });
        doc.text(`${r.int(1, 12)}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['AM', 'PM'])}`, 110, y, {
          size: 7.5,
        });
        doc.text(p(to, ps), 170, y, { size: 7.5 });
        doc.text(r.pick(['Incoming', 'Outgoing', 'Outgoing']), 260, y, { size: 7.5 });
        doc.text(`${r.int(1, 45)} min`, 572, y, { size: 7.5, align: 'right' });
        y += 10;
      }
    }
    y += 8;
  });

  if (y > 700) y = cont();
  doc.text(
    `Questions? Call ${b.tollFree.care} or dial 611 from your phone. Send payments to ${remitLines('Tanager Wireless', b.remit).join(', ')}`,
    40,
    y + 16,
    { size: 6.5, color: GREY },
  );
  doc.eachPage(header);
}

export const tanager: Template = {
  id: 'tanager-wireless',
  carrier: 'Tanager Wireless',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'suffix5',
  businessShare: 1,
  lineRange: [3, 22],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 660108', line2: null, city: 'Dallas', state: 'TX', zip: '75266-0108' },
  layout:
    'a national wireless carrier business bill: the account with a five-digit suffix (442510987-00001), a ten-digit invoice number shaped like a phone number on every page header, Summary by line rows "312-555-0147  Mobile  J ORTEGA", removed lines at $0.00, per-line talk activity',
  suite: 'business',
  faxShare: 0.1,
  draw,
};
