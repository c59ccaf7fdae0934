// Business invoice: horizontal key/value grid, DID blocks printed as ranges, payment stub at the bottom.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, hgrid, kv, nameBlock, p, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const COPPER = hex('#b0672a');

/** Groups consecutive numbers so "0141 thru 0143" stands for three lines, as DID blocks are billed. */
function blocks(nums: string[]): string[][] {
  const s = [...nums].sort();
  const out: string[][] = [];
  for (const n of s) {
    const last = out[out.length - 1];
    if (last && Number(n) === Number(last[last.length - 1]) + 1) last.push(n);
    else out.push([n]);
  }
  return out;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Billing Account Number'],
    btn: ['Main Number', 'BTN'],
    svc: ['Service installed at', 'Premises Address'],
    date: ['Invoice Date', 'Bill Date'],
    name: ['Business Name', 'Billed To'],
  });
  doc.rect(40, 30, 10, 34, { fill: COPPER });
  doc.text('Copperline', 58, 52, { size: 20, font: 'bold' });
  doc.text('BUSINESS SERVICES', 60, 63, { size: 7, color: COPPER });
  doc.text('Invoice', 572, 52, { size: 16, align: 'right', color: GREY });
  hgrid(
    doc,
    40,
    80,
    [
      [w.acct, b.accountNumber],
      [w.date, d(b.billDate, 'mon')],
      ['Due Date', d(b.dueDate, 'mon')],
      [w.btn, p(b.btn, 'dash')],
      ['Amount Due', money(b.total)],
    ],
    { w: 532, fill: hex('#f5e6d8'), size: 9 },
  );
  kv(doc, 40, 140, w.name, nameBlock(b), {
    style: 'below',
    size: 9,
    labelSize: 7.5,
    labelFont: 'bold',
    labelColor: COPPER,
    valueFont: 'reg',
    lh: 11.5,
  });
  kv(doc, 230, 140, w.svc, [b.accountName, ...addrLines(b.service)], {
    style: 'below',
    size: 9,
    labelSize: 7.5,
    labelFont: 'bold',
    labelColor: COPPER,
    valueFont: 'reg',
    lh: 11.5,
  });
  summary(doc, 410, 146, 162, b, { size: 7.5 });
  doc.text('Voice services', 40, 240, { size: 11, font: 'bold' });
  const rows: string[][] = [];
  const byNum = new Map(b.lines.map((l) => [l.num, l]));
  for (const blk of blocks(b.lines.map((l) => l.num))) {
    const first = blk[0]!,
      last = blk[blk.length - 1]!;
    const amt = blk.reduce((s, n) => s + (byNum.get(n)?.charge ?? 0), 0);
    if (blk.length === 1) rows.push([p(first, 'dash'), byNum.get(first)!.plan, '1', money(amt)]);
    else
      rows.push([
        `${p(first, 'dash')} thru ${p(last, 'dash')}`,
        `DID block (${blk.length} numbers)`,
        String(blk.length),
        money(amt),
      ]);
  }
  rows.push(['', 'SIP trunk - concurrent call paths', String(r.int(2, 23)), money(r.int(2000, 9000) / 100)]);
  let pg = 1;
  const end = table(doc, {
    x: 40,
    y: 258,
    size: 8.5,
    rowH: 13,
    bottom: 640,
    rule: COPPER,
    bodyFont: 'reg',
    cols: [
      { title: 'Telephone number(s)', w: 200 },
      { title: 'Description', w: 210 },
      { title: 'Qty', w: 40, align: 'right' },
      { title: 'Amount', w: 82, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      pg++;
      doc.text(`Copperline Business Services - ${w.acct} ${b.accountNumber} - continued`, 40, 44, {
        size: 8.5,
        color: GREY,
      });
      return 70;
    },
  });
  removedSection(doc, 40, end + 12, b, {
    title: 'Numbers ported out or disconnected',
    style: 'dash',
    size: 8.5,
  });
  doc.page = doc.pages[0]!;
  doc.text(
    `Support ${b.tollFree.care}  |  Repair ${b.tollFree.repair}  |  Fax orders to ${p(b.fax, 'dash')}`,
    40,
    668,
    { size: 7.5, color: GREY },
  );
  doc.hline(20, 592, 680, { dash: [5, 3], color: GREY });
  doc.text('Return this stub with your payment', 40, 696, { size: 7, color: GREY });
  kv(doc, 40, 716, w.acct, b.accountNumber, { style: 'colon', size: 9, valueX: 160 });
  kv(doc, 40, 730, 'Amount Due', money(b.total), { style: 'colon', size: 9, valueX: 160 });
  kv(doc, 40, 744, 'Due Date', d(b.dueDate, 'mon'), { style: 'colon', size: 9, valueX: 160 });
  doc.lines(remitLines('Copperline Business Services', b.remit), 360, 716, 12, { size: 9.5 });
  doc.page = doc.pages[doc.pages.length - 1]!;
  void pg;
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 30, { size: 7, align: 'right', color: GREY }),
  );
}

export const copperline: Template = {
  id: 'copperline-business',
  carrier: 'Copperline Business Services',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'prefixed',
  acctPrefix: 'CB',
  businessShare: 1,
  lineRange: [2, 36],
  disconnectedShare: 0.4,
  remit: {
    line1: '1200 Commerce Pkwy',
    line2: 'Lockbox 4471',
    city: 'Newark',
    state: 'NJ',
    zip: '07101-4471',
  },
  layout:
    'business invoice, horizontal label/value grid, consecutive numbers billed as DID ranges ("thru"), stub at the bottom',
  draw,
};
