// Two-column Times statement; page 2+ itemises charges per telephone number.
import { money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, kv, last4, nameBlock, p, para, period, removedSection, summary, words } from './common';
import type { Template } from './types';

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Billing Account Number'],
    btn: ['Billing Telephone Number', 'BTN'],
    svc: ['Service Address', 'Location of Service'],
    date: ['Statement Date', 'Date of Bill'],
    name: ['Billed To', 'Account Name'],
  });
  doc.text('Lakeshore Phone Co.', 306, 44, { size: 20, font: 'bold', align: 'center' });
  doc.hline(40, 572, 54, { lw: 1.5 });
  doc.hline(40, 572, 57, { lw: 0.5 });
  // left column
  doc.text(w.name, 40, 80, { size: 9, font: 'ital', color: GREY });
  doc.lines(nameBlock(b), 40, 94, 12, { size: 10 });
  let ly = kv(doc, 40, 170, w.svc, addrLines(b.service), {
    style: 'below',
    size: 10,
    labelSize: 9,
    labelFont: 'ital',
    valueFont: 'reg',
    lh: 12,
  });
  // right column
  doc.text('Account Summary', 320, 80, { size: 12, font: 'bold' });
  let ry = 98;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.btn, p(b.btn, 'dash')],
    [w.date, d(b.billDate, 'month')],
    ['Billing Period', period(b, 'mdy', ' - ')],
    ['Payment Due', d(b.dueDate, 'month')],
  ] as [string, string][]) {
    ry = kv(doc, 320, ry, l, v, { style: 'colon', size: 9.5, labelSize: 9.5, valueX: 452 }) + 2.5;
  }
  ry = summary(doc, 320, ry + 12, 252, b, { size: 9.5 });
  ly = Math.max(ly, ry) + 14;
  doc.hline(40, 572, ly - 8, { color: GREY });
  doc.text('Important Messages', 40, ly + 8, { size: 11, font: 'bold' });
  const l2 = b.lines[Math.min(1, b.lines.length - 1)]!;
  ly = para(
    doc,
    `Your payment for the bill dated ${d(b.prevBillDate, 'month')} has been applied. Thank you.`,
    40,
    ly + 24,
    532,
    { size: 10 },
  );
  ly = para(
    doc,
    `Voice mail on the line ending in ${last4(l2.num)} is nearly full. Dial *98 to manage messages.`,
    40,
    ly + 2,
    532,
    { size: 10 },
  );
  ly = para(
    doc,
    `For repair call ${b.tollFree.repair}; for billing call ${p(b.office, 'dash')} (business office hours 8-5). Fax ${p(b.fax, 'dash')}.`,
    40,
    ly + 2,
    532,
    { size: 10 },
  );
  doc.text('Detail of charges begins on page 2.', 40, ly + 10, { size: 9, font: 'ital' });
  // page 2+: detail by telephone number
  doc.addPage();
  const cont = (): number => {
    doc.text(
      `Lakeshore Phone Co.   ${w.acct} ${b.accountNumber}   ${w.date} ${d(b.billDate, 'month')}`,
      40,
      40,
      { size: 9, color: GREY },
    );
    doc.hline(40, 572, 46, { lw: 0.5 });
    return 70;
  };
  const y = cont();
  doc.text('Detail of Charges by Telephone Number', 40, y, { size: 13, font: 'bold' });
  const rows: string[][] = [];
  for (const l of b.lines) {
    rows.push([`Telephone Number ${p(l.num, 'dash')}`, '', '']);
    rows.push(['', l.plan, money(l.charge)]);
    for (const f of l.features) rows.push(['', f.name, money(f.amount)]);
  }
  const end = table(doc, {
    x: 40,
    y: y + 22,
    size: 9,
    rowH: 12.5,
    bottom: 740,
    bodyFont: 'reg',
    cols: [
      { title: 'Telephone Number', w: 200 },
      { title: 'Description', w: 240 },
      { title: 'Amount', w: 92, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      const yy = cont();
      doc.text('Detail of Charges by Telephone Number (continued)', 40, yy, { size: 11, font: 'bold' });
      return yy + 22;
    },
  });
  removedSection(doc, 40, end + 12, b, { title: 'Disconnected Service', style: 'dash', size: 9 });
  doc.eachPage((i, n) => doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 8, align: 'right' }));
  void r;
}

export const lakeshore: Template = {
  id: 'lakeshore-phone',
  carrier: 'Lakeshore Phone Co.',
  kind: 'wireline',
  family: 'times',
  alt: 'times',
  acctStyle: 'dash433',
  businessShare: 0.6,
  lineRange: [2, 40],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 1400', line2: null, city: 'Duluth', state: 'MN', zip: '55801-1400' },
  layout: 'two columns on page 1; numbers only in the per-number detail on page 2 and later',
  draw,
};
