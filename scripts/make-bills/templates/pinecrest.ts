// Courier, mixed case, dotted leaders ending in right-aligned values inside a box.
import { money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, kv, last4, nameBlock, p, para, removedSection, words } from './common';
import type { Template } from './types';

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account No.', 'Acct #'],
    btn: ['BTN', 'Main Number'],
    svc: ['Service Address', 'Location of Service'],
    date: ['Date of Bill', 'Bill Date'],
    name: ['Account Name', 'Customer'],
  });
  doc.text('Pinecrest Communications', 40, 48, { size: 14, font: 'bold' });
  doc.text('Serving the valley since 1952', 40, 60, { size: 7.5, font: 'ital', color: GREY });
  doc.rect(318, 30, 254, 92, { stroke: GREY, lw: 1 });
  let y = 46;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.btn, p(b.btn, 'space')],
    [w.date, d(b.billDate, 'mdy')],
    ['Amount Due', money(b.total)],
    ['Due Date', d(b.dueDate, 'mdy')],
    ['Auto-Pay Date', d(b.autopayDate, 'mdy')],
  ] as [string, string][]) {
    y =
      kv(doc, 326, y, l, v, { style: 'leaders', valueX: 566, size: 8.5, labelSize: 8, valueFont: 'bold' }) +
      3;
  }
  doc.lines(nameBlock(b), 50, 96, 11, { size: 9 });
  doc.hline(40, 572, 168, { lw: 1.2 });
  doc.text(`${w.name}:`, 40, 188, { size: 8.5, color: GREY });
  doc.text(b.accountName, 150, 188, { size: 9, font: 'bold' });
  doc.text(`${w.svc}:`, 40, 204, { size: 8.5, color: GREY });
  doc.lines(addrLines(b.service), 150, 204, 11, { size: 9, font: 'bold' });
  doc.text('Billing Period:', 340, 188, { size: 8.5, color: GREY });
  doc.text(`${d(b.periodStart, 'mdy2')} thru ${d(b.periodEnd, 'mdy2')}`, 440, 188, { size: 8.5 });
  doc.text('Last Bill Date:', 340, 204, { size: 8.5, color: GREY });
  doc.text(d(b.prevBillDate, 'mdy2'), 440, 204, { size: 8.5 });
  doc.hline(40, 572, 246, { lw: 0.5 });
  doc.text('Account Summary', 40, 264, { size: 10, font: 'bold' });
  y = 280;
  for (const [l, v] of [
    ['Previous balance', b.prevBalance],
    ['Payments received', b.payment],
    ['Local service', b.current],
    ['Taxes and surcharges', b.taxes],
    ['Total amount due', b.total],
  ] as const) {
    y =
      kv(doc, 40, y, l, money(v), {
        style: 'leaders',
        valueX: 300,
        size: 8.5,
        labelSize: 8.5,
        valueFont: l.startsWith('Total') ? 'bold' : 'reg',
        labelColor: GREY,
      }) + 2;
  }
  const note = b.lines[b.lines.length - 1]!;
  para(
    doc,
    `Notice: Call forwarding on the line ending ${last4(note.num)} will be billed per use starting next cycle. Repair service: ${p(b.repairLocal, 'space')}. Business office: ${p(b.office, 'space')}.`,
    330,
    280,
    242,
    { size: 7.5, lh: 10 },
  );
  doc.text('Local Service by Telephone Number', 40, y + 20, { size: 10, font: 'bold' });
  const rows = b.lines.flatMap((l) => [
    [p(l.num, 'space'), l.plan, money(l.charge)],
    ...l.features.slice(0, 2).map((f) => ['', '  ' + f.name, money(f.amount)]),
  ]);
  const end = table(doc, {
    x: 40,
    y: y + 38,
    size: 8,
    rowH: 11.5,
    bottom: 745,
    bodyFont: 'reg',
    cols: [
      { title: 'Tel No.', w: 110 },
      { title: 'Description', w: 330 },
      { title: 'Amount', w: 92, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      doc.text(`Pinecrest Communications - ${w.acct} ${b.accountNumber} - continued`, 40, 48, { size: 8.5 });
      return 74;
    },
  });
  removedSection(doc, 40, end + 12, b, { title: 'Numbers disconnected', style: 'space', size: 8 });
  doc.eachPage((i, n) => doc.text(`Page ${i + 1} of ${n}`, 306, 774, { size: 7, align: 'center' }));
}

export const pinecrest: Template = {
  id: 'pinecrest-communications',
  carrier: 'Pinecrest Communications',
  kind: 'wireline',
  family: 'courier',
  alt: 'courier',
  acctStyle: 'alnum',
  businessShare: 0.55,
  lineRange: [1, 9],
  disconnectedShare: 0.5,
  remit: { line1: '410 Depot St', line2: null, city: 'Bend', state: 'OR', zip: '97701' },
  layout:
    'courier mixed case, dotted leaders to right-aligned values in a box, last-4 reference, local repair/office numbers',
  draw,
};
