// Payment stub on TOP of page 1, statement below the perforation.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, period, remitLines, removedSection, summary, usage, words } from './common';
import type { Template } from './types';

const RED = hex('#b3261e');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account No.', 'Acct #'],
    btn: ['Main Number', 'Account Phone'],
    svc: ['Service Location', 'Location of Service'],
    date: ['Invoice Date', 'Statement Date'],
    name: ['Account Name', 'Customer'],
  });
  doc.text('SUMMIT', 40, 46, { size: 18, font: 'bold', color: RED });
  doc.text('CELLULAR', 118, 46, { size: 18, color: hex('#333333') });
  doc.text('Please return this portion with your payment.', 40, 60, { size: 7, color: GREY });
  doc.rect(330, 28, 242, 74, { stroke: GREY });
  let y = 42;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    ['Amount Due', money(b.total)],
    ['Due Date', d(b.dueDate, 'mdy')],
    ['Amount Enclosed', '$ __________'],
  ] as [string, string][]) {
    y = kv(doc, 338, y, l, v, { style: 'right', valueX: 564, size: 9, labelSize: 8 }) + 4;
  }
  doc.lines(nameBlock(b, true), 60, 92, 11, { size: 9 });
  doc.lines(remitLines('SUMMIT CELLULAR', b.remit, true), 370, 124, 11, { size: 9 });
  doc.hline(20, 592, 178, { dash: [4, 3], color: GREY });
  doc.text('DETACH HERE AND RETURN TOP PORTION', 306, 174, { size: 6, align: 'center', color: GREY });

  doc.text('Monthly Statement', 40, 206, { size: 14, font: 'bold' });
  const ko = { style: 'colon' as const, size: 8.5, labelSize: 8.5, labelFont: 'reg' as const, valueX: 150 };
  y = 226;
  for (const [l, v] of [
    [w.name, b.accountName],
    [w.acct, b.accountNumber],
    [w.btn, p(b.btn, 'plus')],
    [w.date, d(b.billDate, 'mon')],
    ['Previous statement', d(b.prevBillDate, 'mon')],
  ] as [string, string][]) {
    y = kv(doc, 40, y, l, v, ko) + 3;
  }
  let y2 = kv(doc, 330, 226, w.svc, addrLines(b.service), { ...ko, valueX: 430 }) + 3;
  y2 = kv(doc, 330, y2, 'Billing period', period(b, 'mon', ' - '), { ...ko, valueX: 430 }) + 3;
  y = Math.max(y, y2) + 10;
  doc.rect(40, y, 532, 1.2, { fill: RED });
  y = summary(doc, 40, y + 18, 260, b, { size: 8.5 });
  doc.text('Customer Service', 330, y - 60, { size: 9, font: 'bold' });
  doc.lines(
    [
      `${b.tollFree.care}  or *611`,
      `Hearing impaired: TTY ${b.tollFree.tty}`,
      `International roaming: +1 ${b.tollFree.repair.slice(2).replace(/-/g, ' ')}`,
    ],
    330,
    y - 47,
    11,
    { size: 8 },
  );
  const styles: PhoneStyle[] = ['plus', 'plus', 'paren', 'dash'];
  const rows = b.lines.map((l) => [
    p(l.num, r.pick(styles)),
    l.user ?? '',
    l.plan,
    ...usage(l.minutes, l.dataGb, l.texts),
    money(l.charge),
  ]);
  doc.text('Charges by line', 40, y + 10, { size: 11, font: 'bold' });
  let pg = 1;
  const end = table(doc, {
    x: 40,
    y: y + 28,
    size: 8,
    rowH: 12.5,
    bottom: 745,
    headFill: hex('#f3e3e2'),
    cols: [
      { title: 'Line', w: 100 },
      { title: 'User', w: 80 },
      { title: 'Plan', w: 130 },
      { title: 'Minutes', w: 50, align: 'right' },
      { title: 'Messages', w: 55, align: 'right' },
      { title: 'Data', w: 55, align: 'right' },
      { title: 'Monthly', w: 62, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      pg++;
      doc.text(`SUMMIT CELLULAR  |  ${w.acct} ${b.accountNumber}`, 40, 40, { size: 8, color: GREY });
      doc.text('Charges by line (continued)', 40, 62, { size: 11, font: 'bold' });
      return 80;
    },
  });
  void pg;
  removedSection(doc, 40, end + 12, b, { title: 'Suspended or disconnected lines', style: 'plus', size: 8 });
  doc.eachPage((i, n) => doc.text(`${i + 1}/${n}`, 572, 776, { size: 7, align: 'right', color: GREY }));
}

export const summit: Template = {
  id: 'summit-cellular',
  carrier: 'Summit Cellular',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 0.5,
  lineRange: [1, 14],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 660400', line2: null, city: 'Dallas', state: 'TX', zip: '75266-0400' },
  layout: 'payment stub on top with remit-to and amount enclosed, statement below; +1 phone formats',
  draw,
};
