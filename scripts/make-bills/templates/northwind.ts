// Sidebar layout: every account fact sits in a dark left rail, labels above values.
import { hex, money, table, type Doc } from '../draw';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, kv, last4, nameBlock, p, period, removedSection, summary, usage, words } from './common';
import type { Template } from './types';

const RAIL = hex('#0f4c5c');
const PALE = hex('#a9d6e5');
const WHITE = hex('#ffffff');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Acct #', 'Account Number'],
    btn: ['Your number', 'Primary Number'],
    svc: ['Location of Service', 'Service Location'],
    date: ['Statement Date', 'Bill Date'],
    name: ['Account Name', 'Customer'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash']);
  doc.rect(0, 0, 180, 792, { fill: RAIL });
  doc.text('Northwind', 24, 52, { size: 20, font: 'bold', color: WHITE });
  doc.text('M O B I L E', 26, 66, { size: 8, color: PALE });
  const o = {
    style: 'below' as const,
    size: 10,
    labelSize: 7.5,
    labelColor: PALE,
    valueColor: WHITE,
    labelFont: 'reg' as const,
  };
  let y = 110;
  y =
    kv(
      doc,
      24,
      y,
      w.name,
      b.accountName.length > 24
        ? [
            b.accountName.slice(0, b.accountName.lastIndexOf(' ', 24)),
            b.accountName.slice(b.accountName.lastIndexOf(' ', 24) + 1),
          ]
        : b.accountName,
      o,
    ) + 8;
  y = kv(doc, 24, y, w.acct, b.accountNumber, o) + 8;
  y = kv(doc, 24, y, w.btn, p(b.btn, ps), o) + 8;
  y = kv(doc, 24, y, w.date, d(b.billDate, 'mon'), o) + 8;
  y =
    kv(doc, 24, y, 'Billing period', period(b, 'mon', ' - ').replace(/, \d{4} -/, ' -'), {
      ...o,
      size: 8.5,
    }) + 8;
  y = kv(doc, 24, y, 'Pay by', d(b.dueDate, 'mon'), o) + 8;
  y = kv(doc, 24, y, w.svc, addrLines(b.service), { ...o, size: 8.5, lh: 11 }) + 18;
  doc.text('Need help?', 24, y, { size: 9, font: 'bold', color: WHITE });
  y += 13;
  for (const l of [
    `Call ${b.tollFree.care}`,
    `or dial 611 from your phone`,
    `Lost or stolen: ${b.tollFree.repair}`,
    `TTY ${b.tollFree.tty}`,
    'northwindmobile.example',
  ]) {
    doc.text(l, 24, y, { size: 7.5, color: PALE });
    y += 11;
  }
  // main column
  const X = 205;
  doc.text(
    b.accountType === 'business' ? `Hello, ${b.accountName}` : `Hi ${b.accountName.split(' ')[0]},`,
    X,
    56,
    { size: 14, font: 'bold' },
  );
  doc.text(`Here's your bill for ${period(b, 'month', ' to ')}.`, X, 72, { size: 9 });
  doc.rect(X, 88, 367, 54, { fill: hex('#e8f4f8') });
  doc.text('Total due', X + 14, 108, { size: 10 });
  doc.text(money(b.total), X + 14, 130, { size: 20, font: 'bold', color: RAIL });
  doc.text(`Due ${d(b.dueDate, 'month')}`, X + 353, 108, { size: 9, align: 'right' });
  doc.text(`AutoPay scheduled ${d(b.autopayDate, 'mon')}`, X + 353, 124, {
    size: 8,
    align: 'right',
    color: hex('#555555'),
  });
  let y2 = summary(doc, X, 166, 367, b, { size: 8.5 }) + 6;
  doc.text('Mail to', X, y2, { size: 7.5, color: hex('#666666') });
  y2 = doc.lines(nameBlock(b), X, y2 + 11, 10.5, { size: 8.5 }) + 6;
  const heavy = b.lines[r.int(0, b.lines.length - 1)]!;
  doc.rect(X, y2, 367, 20, { fill: hex('#fff4d6') });
  doc.text(
    `Heads up: the line ending in ${last4(heavy.num)} used ${r.int(80, 99)}% of its high-speed data this month.`,
    X + 8,
    y2 + 13,
    { size: 8 },
  );
  y2 += 40;
  doc.text('Your lines', X, y2, { size: 12, font: 'bold', color: RAIL });
  const rows = b.lines.map((l) => [
    p(l.num, r.chance(0.25) ? 'dot' : ps),
    l.user ?? '',
    l.plan,
    ...usage(l.minutes, l.dataGb, l.texts),
    money(l.charge),
  ]);
  let pageNo = 1;
  const end = table(doc, {
    x: X,
    y: y2 + 18,
    size: 7.5,
    rowH: 12,
    bottom: 740,
    zebra: hex('#f2f2f2'),
    cols: [
      { title: 'Number', w: 72 },
      { title: 'User', w: 62 },
      { title: 'Plan', w: 92 },
      { title: 'Talk', w: 32, align: 'right' },
      { title: 'Text', w: 32, align: 'right' },
      { title: 'Data', w: 40, align: 'right' },
      { title: 'Charges', w: 37, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      pageNo++;
      doc.rect(0, 0, 612, 36, { fill: RAIL });
      doc.text(`Northwind Mobile   ${w.acct} ${b.accountNumber}`, 40, 23, {
        size: 9,
        color: WHITE,
        font: 'bold',
      });
      doc.text('Your lines (continued)', 40, 64, { size: 12, font: 'bold', color: RAIL });
      return 84;
    },
  });
  if (pageNo === 1)
    removedSection(doc, X, end + 14, b, {
      title: 'Lines cancelled this cycle',
      style: ps,
      note: 'Cancelled lines are no longer on your account.',
    });
  else
    removedSection(doc, 40, end + 14, b, {
      title: 'Lines cancelled this cycle',
      style: ps,
      note: 'Cancelled lines are no longer on your account.',
    });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 775, { size: 7, align: 'right', color: hex('#777777') }),
  );
}

export const northwind: Template = {
  id: 'northwind-mobile',
  carrier: 'Northwind Mobile',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'plain9',
  businessShare: 0.6,
  lineRange: [1, 34],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 742210', line2: null, city: 'Cincinnati', state: 'OH', zip: '45274-2210' },
  layout: 'left sidebar with labels above values; lines table with usage, continues on page 2+',
  draw,
};
