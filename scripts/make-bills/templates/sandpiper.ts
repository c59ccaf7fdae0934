// A bill whose header is a ruled table of captions over values ("Invoice Date | Account No. | Due
// Date | Amount Due"), the values centred under their captions on half the bills, with two-digit
// years everywhere ("03/14/25", "Service period 02/10/25 - 03/09/25"); a second caption table holds
// the account name, the main number and the service address in one cell over two or three lines.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, fmtDate, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { nameBlock, p, remitLines } from './common';
import type { Template } from './types';

const SLATE = hex('#2f4858');
const SAND = hex('#f3ede2');

const d2 = (dt: Date): string => fmtDate(dt, 'mdy2');

/**
 * A ruled table of captions over values: one row of captions on a tint, one row of values (several
 * lines in a cell where a value has them). Returns the y below it.
 */
function captionTable(
  doc: Doc,
  x: number,
  y: number,
  cells: { caption: string; value: string[]; w: number }[],
  centre: boolean,
): number {
  const lines = Math.max(...cells.map((c) => c.value.length));
  const h = 18 + lines * 11 + 6;
  const total = cells.reduce((s, c) => s + c.w, 0);
  doc.rect(x, y, total, 15, { fill: SAND });
  doc.rect(x, y, total, h, { stroke: GREY, lw: 0.6 });
  doc.hline(x, x + total, y + 15, { color: GREY, lw: 0.6 });
  let cx = x;
  cells.forEach((c, i) => {
    if (i) doc.vline(cx, y, y + h, { color: GREY, lw: 0.6 });
    const at = centre ? cx + c.w / 2 : cx + 6;
    const align = centre ? 'center' : 'left';
    doc.text(c.caption, at, y + 11, { size: 7.5, font: 'bold', color: SLATE, align });
    doc.lines(c.value, at, y + 28, 11, { size: 9, align });
    cx += c.w;
  });
  return y + h;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account No.', 'Account Number', 'Acct. No.']);
  const btnL = r.pick(['Main Number', 'Billing Telephone No.', 'Primary Number']);
  const svcL = r.pick(['Service Address', 'Service Location']);
  const nameL = r.pick(['Account Name', 'Customer Name']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const centre = r.chance(0.5);
  const T = doc.alt;

  doc.text('SANDPIPER', 40, 48, { size: 19, font: T.bold, color: SLATE });
  doc.text('TELECOM', 40, 60, { size: 8, color: GREY });
  doc.text('Monthly Statement', 572, 48, { size: 11, align: 'right', font: 'bold' });
  doc.text(`Customer Service ${b.tollFree.care}`, 572, 60, { size: 7.5, align: 'right', color: GREY });

  // the header: captions over values, in one of two orders
  const first = r.chance(0.5);
  const head = [
    { caption: 'Invoice Date', value: [d2(b.billDate)], w: 118 },
    { caption: acctL, value: [b.accountNumber], w: 150 },
    { caption: 'Due Date', value: [d2(b.dueDate)], w: 118 },
    { caption: 'Amount Due', value: [money(b.total)], w: 146 },
  ];
  const cells = first ? head : [head[1]!, head[0]!, head[2]!, head[3]!];
  let y = captionTable(doc, 40, 76, cells, centre);
  doc.text(`Service period ${d2(b.periodStart)} - ${d2(b.periodEnd)}`, 40, y + 14, { size: 8.5 });
  doc.text(`Previous bill ${d2(b.prevBillDate)}`, 572, y + 14, { size: 8.5, align: 'right', color: GREY });
  y += 26;
  const addr = addrLines(b.service);
  y = captionTable(
    doc,
    40,
    y,
    [
      { caption: nameL, value: [b.accountName], w: 196 },
      { caption: btnL, value: [p(b.btn, ps)], w: 126 },
      { caption: svcL, value: addr, w: 210 },
    ],
    centre,
  );

  // the envelope window and where payments go
  y += 20;
  doc.lines(nameBlock(b, true), 60, y, 11, { size: 9 });
  doc.text('Send payments to', 360, y - 10, { size: 7.5, color: GREY });
  doc.lines(remitLines('Sandpiper Telecom', b.remit), 360, y, 11, { size: 9 });
  y += 70;

  const rows: [string, number][] = [
    ['Previous Balance', b.prevBalance],
    [`Payment Received ${d2(b.prevBillDate)} - Thank You`, b.payment],
    ['Current Charges', b.current],
    ['Taxes and Surcharges', b.taxes],
  ];
  for (const [l, v] of rows) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(money(v), 330, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.hline(40, 330, y - 8, { color: GREY });
  doc.text('Amount Due', 40, y + 3, { size: 9.5, font: 'bold' });
  doc.text(money(b.total), 330, y + 3, { size: 9.5, align: 'right', font: 'bold' });
  doc.lines(
    [`Repair: ${b.tollFree.repair}`, `Business Office: ${p(b.office, ps)}`, `Fax: ${p(b.fax, ps)}`],
    360,
    y - 40,
    11,
    { size: 7.5, color: GREY },
  );
  y += 32;

  doc.text('Service Detail', 40, y, { size: 11, font: T.bold, color: SLATE });
  const per = `${d2(b.periodStart)}-${d2(b.periodEnd)}`;
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8,
    rowH: 12,
    bottom: 720,
    headFill: SAND,
    cols: [
      { title: 'Telephone Number', w: 120 },
      { title: 'Description', w: 200 },
      { title: 'Period', w: 110 },
      { title: 'Amount', w: 102, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, per, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Sandpiper Telecom  ${acctL} ${b.accountNumber}  (continued)`, 40, 44, {
        size: 8,
        color: GREY,
      });
      return 70;
    },
  });
  if (b.disconnected.length) {
    let yy = end + 14;
    if (yy > 730) {
      doc.addPage();
      yy = 70;
    }
    doc.text('Disconnected Service', 40, yy, { size: 9.5, font: 'bold' });
    b.disconnected.forEach((n, i) => {
      doc.text(p(n, ps), 40, yy + 14 + i * 12, { size: 8 });
      doc.text(`Disconnected ${d2(b.periodEnd)}`, 160, yy + 14 + i * 12, { size: 8, color: GREY });
    });
  }
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 306, 772, { size: 7, align: 'center', color: LIGHT }),
  );
}

export const sandpiper: Template = {
  id: 'sandpiper-telecom',
  carrier: 'Sandpiper Telecom',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'dash433',
  businessShare: 0.6,
  lineRange: [1, 18],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 88120', line2: null, city: 'Charlotte', state: 'NC', zip: '28275-8120' },
  layout:
    'a header table of captions over values (Invoice Date | Account No. | Due Date | Amount Due), values centred on half the bills, two-digit years everywhere, the service address in a caption table cell',
  suite: 'business',
  draw,
};
