// Dashboard tiles: values ABOVE their captions; account number inline in a header sentence;
// the service address printed on ONE comma-separated line.
import { hex, money, table, type Doc, GREY } from '../draw';
import { type Bill } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, p, removedSection, words } from './common';
import type { Template } from './types';

const SEA = hex('#006d77');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account', 'Acct #'],
    btn: ['Primary Number', 'Your number'],
    svc: ['Services for', 'Service Address'],
    date: ['Statement Date', 'Bill Date'],
    name: ['Customer', 'Account Name'],
  });
  doc.text('Tidewater', 40, 48, { size: 22, font: 'bold', color: SEA });
  doc.text('CABLE', 152, 48, { size: 10, color: SEA });
  doc.text(
    `${w.acct} ${b.accountNumber}  |  Statement for ${d(b.billDate, 'month').replace(/ \d+,/, '')}`,
    572,
    36,
    { size: 8.5, align: 'right', color: GREY },
  );
  doc.text(b.accountName, 572, 50, { size: 10, font: 'bold', align: 'right' });
  const svc = [b.service.line1, b.service.line2, `${b.service.city}, ${b.service.state} ${b.service.zip}`]
    .filter(Boolean)
    .join(', ');
  doc.text(`${w.svc}: ${svc}`, 40, 78, { size: 9 });
  doc.hline(40, 572, 88, { color: SEA, lw: 1.2 });
  const tiles: [string, string][] = [
    [money(b.total), 'Amount due'],
    [d(b.dueDate, 'mon'), 'Due by'],
    [d(b.billDate, 'mon'), w.date],
    [p(b.btn, 'paren'), w.btn],
  ];
  tiles.forEach(([v, cap], i) => {
    const x = 40 + i * 135;
    doc.rect(x, 100, 127, 52, { fill: hex('#e6f4f1') });
    doc.text(v, x + 10, 126, { size: 13, font: 'bold' });
    doc.text(cap, x + 10, 142, { size: 7.5, color: GREY });
  });
  doc.text('Mailing address', 40, 176, { size: 7.5, color: GREY });
  doc.lines(nameBlock(b), 40, 188, 11, { size: 9 });
  doc.text('What changed', 330, 176, { size: 7.5, color: GREY });
  doc.lines(
    [
      `Last month (${d(b.prevBillDate, 'mon')}): ${money(b.prevBalance)}`,
      `Payment received: ${money(b.payment)}`,
      `This month: ${money(b.current + b.taxes)}`,
      `AutoPay on ${d(b.autopayDate, 'mon')}`,
    ],
    330,
    188,
    11,
    { size: 9 },
  );
  doc.text('Your plan', 40, 262, { size: 12, font: 'bold', color: SEA });
  const rows: string[][] = [
    [r.pick(['Tidewater Internet 500', 'Tidewater Internet Gig']), '', money(r.int(5000, 9000) / 100)],
    ...b.lines.map((l) => ['Voice line', p(l.num, r.pick(['paren', 'dot'])), money(l.charge)]),
    ['Taxes, fees and surcharges', '', money(b.taxes)],
  ];
  const end = table(doc, {
    x: 40,
    y: 280,
    size: 9,
    rowH: 14,
    bottom: 720,
    rule: SEA,
    bodyFont: 'reg',
    cols: [
      { title: 'Service', w: 260 },
      { title: 'Number', w: 160 },
      { title: 'Amount', w: 112, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      return 60;
    },
  });
  removedSection(doc, 40, end + 12, b, { title: 'Numbers you cancelled', style: 'paren', size: 9 });
  doc.text(
    `Help: ${b.tollFree.care}  -  Repairs: ${b.tollFree.repair}  -  Payments: Tidewater Cable, ${b.remit.line1}, ${b.remit.city}, ${b.remit.state} ${b.remit.zip}`,
    306,
    760,
    { size: 7, align: 'center', color: GREY },
  );
}

export const tidewater: Template = {
  id: 'tidewater-cable',
  carrier: 'Tidewater Cable',
  kind: 'cable',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 0.3,
  lineRange: [1, 3],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 4100', line2: null, city: 'Norfolk', state: 'VA', zip: '23501-4100' },
  layout:
    'values above captions in tiles, account number inline in a header sentence, one-line comma-separated service address',
  draw,
};
