// Numbers in a grid: two or three columns of lines side by side, each number with its plan and
// price beneath it (plans such as "Fax Line" or "Talk & Text" sit right above the next row's
// numbers). Removed numbers get a grid of their own.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { spacedLogo } from './business';
import { d, kv, nameBlock, p, period, remitLines, summary, words } from './common';
import type { Template } from './types';

const SLATE = hex('#37474f');
const WHEAT = hex('#c8a046');

/** Plans as a co-op prints them under each number; some read like contact lines on purpose. */
const GRID_PLANS = [
  'Business Line - Flat Rate',
  'Fax Line',
  'Unlimited Talk & Text',
  'Hunting Line',
  'Remote Call Forwarding',
  'Alarm Line',
  'Help Desk Line',
  'Voice Mail Line',
  'Customer Service Line',
  'Digital Voice Unlimited',
];

function grid(
  doc: Doc,
  cells: { num: string; plan: string; price: string }[],
  o: { y: number; cols: number; ps: PhoneStyle; bottom: number; onNewPage: () => number },
): number {
  const cw = 532 / o.cols;
  const ch = 36;
  let y = o.y;
  for (let i = 0; i < cells.length; i += o.cols) {
    if (y + ch > o.bottom) y = o.onNewPage();
    for (let c = 0; c < o.cols && i + c < cells.length; c++) {
      const cell = cells[i + c]!;
      const x = 40 + c * cw;
      doc.rect(x + 2, y - 10, cw - 4, ch - 4, { stroke: LIGHT, lw: 0.5 });
      doc.text(p(cell.num, o.ps), x + 8, y + 1, { size: 9.5, font: 'bold' });
      doc.text(cell.plan, x + 8, y + 12, { size: 7.5, color: GREY });
      doc.text(cell.price, x + cw - 10, y + 12, { size: 7.5, align: 'right' });
    }
    y += ch;
  }
  return y;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account No.', 'Account Number', 'Member Number'],
    btn: ['Billing Number', 'Main Line', 'Primary Number'],
    svc: ['Service Address', 'Location of Service', 'Installed At'],
    date: ['Statement Date', 'Bill Date'],
    name: ['Member Name', 'Account Name', 'Customer Name'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const cols = r.pick([2, 3, 3]);
  const T = doc.alt;
  spacedLogo(doc, 'FIELDSTONE', 40, 48, { size: 17, gap: 2.4, font: 'bold', color: SLATE });
  doc.text('Telephone Cooperative', 41, 60, { size: 8, font: T.ital, color: WHEAT });
  doc.text('Member Statement', 572, 48, { size: 13, align: 'right', color: SLATE });
  doc.hline(40, 572, 70, { color: WHEAT, lw: 1.5 });
  const ko = { style: 'leaders' as const, size: 8.5, labelSize: 8, labelFont: 'reg' as const, valueX: 566 };
  let y = 88;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, 'month')],
    [w.btn, p(b.btn, ps)],
    ['Billing Period', period(b, 'mdy')],
    ['Payment Due', d(b.dueDate, 'month')],
  ] as [string, string][])
    y = kv(doc, 340, y, l, v, ko) + 3;
  doc.lines(nameBlock(b), 56, 96, 11, { size: 9.5 });
  y = 170;
  kv(doc, 40, y, w.name, b.accountName, {
    style: 'below',
    size: 9,
    labelSize: 7,
    labelFont: 'bold',
    labelColor: SLATE,
  });
  kv(doc, 220, y, w.svc, addrLines(b.service), {
    style: 'below',
    size: 9,
    labelSize: 7,
    labelFont: 'bold',
    labelColor: SLATE,
    lh: 11,
  });
  summary(doc, 400, 178, 172, b, { size: 7.5 });
  y = 258;
  doc.text('Your lines and services', 40, y, { size: 12, font: T.bold, color: SLATE });
  const cells = b.lines.map((l, i) => ({
    num: l.num,
    plan: i === 0 ? 'Business Line - Main' : r.pick(GRID_PLANS),
    price: money(l.charge),
  }));
  const cont = (): number => {
    doc.addPage();
    doc.text(`Fieldstone Telephone Cooperative  -  ${w.acct} ${b.accountNumber}`, 40, 40, {
      size: 8,
      color: GREY,
    });
    doc.text('Your lines and services (continued)', 40, 62, { size: 12, font: T.bold, color: SLATE });
    return 84;
  };
  y = grid(doc, cells, { y: y + 20, cols, ps, bottom: 700, onNewPage: cont });
  if (b.disconnected.length) {
    if (y > 640) y = cont() - 20;
    doc.text('Removed from your account this month', 40, y + 10, { size: 10, font: T.bold, color: SLATE });
    y = grid(
      doc,
      b.disconnected.map((n) => ({ num: n, plan: `Disconnected ${d(b.periodEnd, 'mdy')}`, price: money(0) })),
      { y: y + 28, cols, ps, bottom: 700, onNewPage: cont },
    );
  }
  doc.page = doc.pages[0]!;
  doc.rect(40, 716, 532, 30, { fill: hex('#f4f1e8') });
  doc.text(
    `Repair: dial 611 or ${p(b.repairLocal, ps)}   Business office: ${p(b.office, ps)}   Fax: ${p(b.fax, ps)}`,
    48,
    729,
    {
      size: 7.5,
    },
  );
  doc.text(
    `Member services ${b.tollFree.care}   Remit to: ${remitLines('Fieldstone Telephone Cooperative', b.remit).join(', ')}`,
    48,
    740,
    {
      size: 7,
      color: GREY,
    },
  );
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 776, { size: 7, align: 'right', color: GREY }),
  );
}

export const fieldstone: Template = {
  id: 'fieldstone-telephone',
  carrier: 'Fieldstone Telephone Cooperative',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'dash433',
  businessShare: 0.8,
  lineRange: [4, 60],
  disconnectedShare: 0.45,
  remit: { line1: 'PO Box 318', line2: null, city: 'Mitchell', state: 'SD', zip: '57301-0318' },
  layout:
    'numbers in a grid of two or three columns, each with its plan and price beneath; plans that read like contact lines; removed numbers in a grid of their own',
  suite: 'business',
  faxShare: 0.25,
  draw,
};
