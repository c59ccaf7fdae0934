// Dense invoice: Courier, small type, per-line USOC charge detail that runs over several pages.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, period, remitLines, removedSection, words } from './common';
import type { Template } from './types';

const USOC: Record<string, string> = {
  'Caller ID': 'NSD',
  'Call Waiting': 'ESX',
  'Voice Mail Box': 'VMB',
  'Three-Way Calling': 'ESC',
  'Call Forward Busy': 'CFB',
  Hunting: 'HTG',
  'Directory Listing': 'DLS',
  'Inside Wire Maintenance': 'IWM',
  'Long Distance Package': 'LDP',
  'Federal SLC': 'SLC',
  'E911 Fee': '911',
};

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Billing Account Number', 'Account No.'],
    btn: ['Billing Telephone Number', 'BTN'],
    svc: ['Premises Address', 'Service Location'],
    date: ['Invoice Date', 'Bill Date'],
    name: ['Customer', 'Account Name'],
  });
  const H = doc.alt;
  const head = (): void => {
    doc.text('CASCADE VOICE', 40, 46, { size: 16, font: H.bold });
    doc.text('Business Communications', 40, 58, { size: 7.5, font: H.reg, color: GREY });
    doc.text('INVOICE', 572, 46, { size: 18, font: H.bold, align: 'right', color: hex('#8a1c1c') });
  };
  head();
  const ko = { style: 'colon' as const, size: 8, labelSize: 7.5, labelFont: 'reg' as const, valueX: 0 };
  const invNo = `${r.digits(3)}${b.btn.slice(6)}${r.digits(3)}`;
  let y = 80;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    ['Invoice Number', invNo],
    [w.date, d(b.billDate, 'mdy')],
  ] as [string, string][])
    y = kv(doc, 40, y, l, v, { ...ko, valueX: 160 }) + 3;
  y = 80;
  for (const [l, v] of [
    [w.btn, p(b.btn, 'dot')],
    ['Payment Due', d(b.dueDate, 'mdy')],
    ['Billing Period', period(b, 'mdy', ' - ')],
  ] as [string, string][])
    y = kv(doc, 320, y, l, v, { ...ko, valueX: 440 }) + 3;
  // three boxes: bill-to, premises, remit-to
  const by = 122,
    bw = 174;
  const boxes: [string, string[]][] = [
    ['BILL TO', nameBlock(b, true)],
    [w.svc.toUpperCase(), [b.accountName.toUpperCase(), ...addrLines(b.service).map((s) => s.toUpperCase())]],
    ['REMIT TO', remitLines('CASCADE VOICE', b.remit, true)],
  ];
  boxes.forEach(([t, ls], i) => {
    const x = 40 + i * (bw + 5);
    doc.rect(x, by, bw, 74, { stroke: GREY });
    doc.rect(x, by, bw, 11, { fill: LIGHT });
    doc.text(t, x + 4, by + 8.5, { size: 7, font: H.bold });
    doc.lines(
      ls.map((s) => (s.length > 32 ? s.slice(0, 32) : s)),
      x + 4,
      by + 22,
      9.5,
      { size: 7.5 },
    );
  });
  // summary as a one-row grid
  const sy = 210;
  const cells: [string, string][] = [
    ['Previous Balance', money(b.prevBalance)],
    ['Payments', money(b.payment)],
    ['Current Charges', money(b.current)],
    ['Taxes & Surcharges', money(b.taxes)],
    ['Total Due', money(b.total)],
  ];
  cells.forEach(([l, v], i) => {
    const x = 40 + i * 106.4;
    doc.rect(x, sy, 106.4, 30, { stroke: GREY });
    doc.text(l, x + 4, sy + 10, { size: 6.5, font: H.reg, color: GREY });
    doc.text(v, x + 102, sy + 24, { size: 8.5, font: i === 4 ? 'bold' : 'reg', align: 'right' });
  });
  doc.text('DETAIL OF CHARGES', 40, 262, { size: 9, font: H.bold });
  const rows: string[][] = [];
  for (const l of b.lines) {
    rows.push([p(l.num, 'dot'), '1FB', l.plan.toUpperCase(), '1', l.charge.toFixed(2), l.charge.toFixed(2)]);
    for (const f of l.features) {
      const q = f.name === 'Directory Listing' ? r.int(1, 3) : 1;
      rows.push([
        '',
        USOC[f.name] ?? 'MSC',
        f.name.toUpperCase(),
        String(q),
        f.amount.toFixed(2),
        (q * f.amount).toFixed(2),
      ]);
    }
  }
  let pg = 1;
  const end = table(doc, {
    x: 40,
    y: 278,
    size: 7.5,
    rowH: 10.5,
    bottom: 735,
    headFill: hex('#eeeeee'),
    bodyFont: 'reg',
    upperHead: true,
    cols: [
      { title: 'Tel Number', w: 88 },
      { title: 'USOC', w: 40 },
      { title: 'Description', w: 216 },
      { title: 'Qty', w: 34, align: 'right' },
      { title: 'Rate', w: 70, align: 'right' },
      { title: 'Amount', w: 84, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      pg++;
      head();
      doc.text(`${w.acct}: ${b.accountNumber}    ${w.date}: ${d(b.billDate, 'mdy')}`, 40, 74, { size: 7.5 });
      doc.text('DETAIL OF CHARGES (CONTINUED)', 40, 96, { size: 9, font: H.bold });
      return 112;
    },
  });
  let y2 = end + 8;
  if (y2 > 700) {
    doc.addPage();
    head();
    y2 = 90;
  }
  removedSection(doc, 40, y2, b, {
    title: 'Numbers disconnected during this period',
    style: 'dot',
    size: 7.5,
    upper: true,
  });
  void pg;
  doc.eachPage((i, n) => {
    doc.hline(40, 572, 752, { color: GREY, lw: 0.4 });
    doc.text(
      `Repair 24/7 ${b.tollFree.repair}   Billing ${p(b.office, 'dot')}   Fax ${p(b.fax, 'dot')}`,
      40,
      764,
      { size: 6.5, font: H.reg, color: GREY },
    );
    doc.text(`Page ${i + 1} of ${n}`, 572, 764, { size: 6.5, font: H.reg, align: 'right', color: GREY });
  });
}

export const cascade: Template = {
  id: 'cascade-voice',
  carrier: 'Cascade Voice',
  kind: 'wireline',
  family: 'courier',
  alt: 'helvetica',
  acctStyle: 'prefixed',
  acctPrefix: 'CV',
  businessShare: 0.9,
  lineRange: [4, 40],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 5120', line2: 'Dept 44', city: 'Portland', state: 'OR', zip: '97208-5120' },
  layout:
    'dense invoice, courier 7.5 pt, USOC charge detail over several pages, bill-to / premises / remit-to boxes',
  draw,
};
