// Boxed key/value grid under a navy band; service and mailing addresses in twin boxes.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, p, para, removedSection, summary, words } from './common';
import type { Template } from './types';

const NAVY = hex('#14284b');
const WHITE = hex('#ffffff');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Member Account', 'Account Number'],
    btn: ['Account Phone', 'Billing Telephone Number'],
    svc: ['Premises Address', 'Service Address'],
    date: ['Statement Date', 'Bill Date'],
    name: ['Account Name', 'Billed To'],
  });
  const band = (): void => {
    doc.rect(0, 0, 612, 64, { fill: NAVY });
    doc.text('HARBOR TELECOM', 40, 40, { size: 20, font: 'bold', color: WHITE });
    doc.text('Voice  .  Internet  .  Business Networks', 40, 54, { size: 7.5, color: hex('#c9d3e6') });
  };
  band();
  doc.text('Statement', 572, 40, { size: 14, font: 'ital', color: WHITE, align: 'right' });
  const cells: [string, string][] = [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, 'month')],
    ['Amount Due', money(b.total)],
    [w.btn, p(b.btn, 'paren')],
    ['Payment Due Date', d(b.dueDate, 'month')],
    ['Previous Statement', d(b.prevBillDate, 'month')],
  ];
  cells.forEach(([l, v], i) => {
    const x = 40 + (i % 3) * 177.3,
      y = 82 + Math.floor(i / 3) * 42;
    doc.rect(x, y, 177.3, 42, { stroke: GREY, lw: 0.7 });
    doc.text(l.toUpperCase(), x + 7, y + 12, { size: 7, color: GREY });
    doc.text(v, x + 7, y + 31, { size: 11.5, font: 'bold' });
  });
  const boxes: [string, string[]][] = [
    [w.svc, [b.accountName, ...addrLines(b.service)]],
    [b.mailingDiffers ? 'Mailing Address' : w.name, nameBlock(b)],
  ];
  boxes.forEach(([t, ls], i) => {
    const x = 40 + i * 269;
    doc.rect(x, 182, 263, 82, { stroke: NAVY, lw: 1 });
    doc.text(t, x + 8, 196, { size: 9, font: 'bold', color: NAVY });
    doc.lines(ls, x + 8, 211, 12, { size: 9.5 });
  });
  let y = summary(doc, 40, 292, 250, b, { size: 9 });
  doc.rect(320, 280, 252, 84, { fill: hex('#eef1f7') });
  para(
    doc,
    `Customer care: ${p(b.office, 'paren')} or ${b.tollFree.care}. Report outages 24/7 at ${b.tollFree.repair}. Billing questions may be faxed to ${p(b.fax, 'paren')}. Hearing impaired: TTY ${b.tollFree.tty}.`,
    328,
    296,
    236,
    { size: 8.5, lh: 11.5 },
  );
  y = Math.max(y, 372) + 8;
  doc.text('Telephone Numbers & Services', 40, y, { size: 12, font: 'bold', color: NAVY });
  const rows = b.lines.map((l) => [
    p(l.num, 'paren'),
    l.plan,
    l.features
      .map((f) => f.name)
      .join(', ')
      .slice(0, 44),
    money(l.charge + l.features.reduce((s, f) => s + f.amount, 0)),
  ]);
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 13,
    bottom: 740,
    headFill: NAVY,
    headColor: WHITE,
    zebra: hex('#f4f6fa'),
    bodyFont: 'reg',
    cols: [
      { title: 'Number', w: 92 },
      { title: 'Service', w: 150 },
      { title: 'Features', w: 220 },
      { title: 'Amount', w: 70, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      band();
      doc.text(`${w.acct} ${b.accountNumber}  -  ${w.date} ${d(b.billDate, 'month')}`, 572, 40, {
        size: 8,
        color: WHITE,
        align: 'right',
      });
      doc.text('Telephone Numbers & Services, continued', 40, 92, { size: 12, font: 'bold', color: NAVY });
      return 110;
    },
  });
  removedSection(doc, 40, end + 14, b, {
    title: 'Numbers no longer on this account',
    style: 'paren',
    size: 8.5,
  });
  doc.eachPage((i, n) =>
    doc.text(
      `Page ${i + 1} of ${n}   Harbor Telecom, ${b.remit.line1}, ${b.remit.city}, ${b.remit.state} ${b.remit.zip}`,
      306,
      772,
      { size: 7, color: GREY, align: 'center' },
    ),
  );
}

export const harbor: Template = {
  id: 'harbor-telecom',
  carrier: 'Harbor Telecom',
  kind: 'wireline',
  family: 'times',
  alt: 'times',
  acctStyle: 'long',
  businessShare: 0.7,
  lineRange: [2, 30],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 9050', line2: null, city: 'Providence', state: 'RI', zip: '02940-9050' },
  layout:
    'navy band, 3x2 boxed key/value grid (label above value), twin address boxes, local care/fax numbers',
  draw,
};
