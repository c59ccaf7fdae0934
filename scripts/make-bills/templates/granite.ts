// Rural co-op: Times, ALL CAPS, "LABEL:" pairs, member statement with toll calls to other numbers.
import { money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import { CITIES } from '../data';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Member Account', 'Account No.'],
    btn: ['Billing Telephone Number', 'Telephone No.'],
    svc: ['Location of Service', 'Service Location'],
    date: ['Date of Bill', 'Bill Date'],
    name: ['Name', 'Customer'],
  });
  doc.text('GRANITE STATE TELEPHONE', 306, 42, { size: 15, font: 'bold', align: 'center' });
  doc.text('A MEMBER-OWNED COOPERATIVE', 306, 54, { size: 7.5, align: 'center' });
  doc.text('MEMBER STATEMENT', 306, 70, { size: 10, font: 'bold', align: 'center' });
  const o = {
    style: 'upper-colon' as const,
    size: 9,
    labelSize: 8.5,
    labelFont: 'bold' as const,
    valueFont: 'reg' as const,
    valueX: 190,
  };
  let y = 96;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.btn, p(b.btn, 'paren')],
    [w.date, d(b.billDate, 'MON')],
    ['Due Date', d(b.dueDate, 'MON')],
    [w.name, b.accountName.toUpperCase()],
  ] as [string, string][]) {
    y = kv(doc, 40, y, l, v, o) + 3;
  }
  y =
    kv(
      doc,
      40,
      y,
      w.svc,
      addrLines(b.service).map((s) => s.toUpperCase()),
      o,
    ) + 8;
  doc.text('REMIT TO:', 360, 96, { size: 8.5, font: 'bold' });
  doc.lines(remitLines('GRANITE STATE TELEPHONE', b.remit, true), 360, 108, 10.5, { size: 8.5 });
  doc.text('MAILING ADDRESS:', 360, 160, { size: 8.5, font: 'bold' });
  doc.lines(nameBlock(b, true), 360, 172, 10.5, { size: 8.5 });
  y = Math.max(y, 230);
  doc.hline(40, 572, y, { lw: 1 });
  y = summary(doc, 40, y + 18, 300, b, { size: 8.5, upper: true });
  doc.text('LOCAL SERVICE', 40, y + 8, { size: 9.5, font: 'bold' });
  const rows = b.lines.flatMap((l) => [
    [p(l.num, 'paren'), '1FR', l.plan.toUpperCase(), money(l.charge)],
    ...l.features.slice(0, 3).map((f) => ['', 'FEAT', f.name.toUpperCase(), money(f.amount)]),
  ]);
  const cont = (): number => {
    doc.addPage();
    doc.text(`GRANITE STATE TELEPHONE   ${w.acct.toUpperCase()}: ${b.accountNumber}`, 40, 42, { size: 8.5 });
    return 70;
  };
  y = table(doc, {
    x: 40,
    y: y + 24,
    size: 8,
    rowH: 11,
    bottom: 730,
    bodyFont: 'reg',
    upperHead: true,
    cols: [
      { title: 'Tel No', w: 100 },
      { title: 'USOC', w: 50 },
      { title: 'Description', w: 290 },
      { title: 'Amount', w: 92, align: 'right' },
    ],
    rows,
    onNewPage: cont,
  });
  y = removedSection(doc, 40, y + 10, b, {
    title: 'Disconnected numbers',
    style: 'paren',
    size: 8,
    upper: true,
  });
  // toll calls: numbers dialled, never numbers on the account
  if (y > 640) y = cont();
  doc.text('ITEMIZED TOLL CALLS', 40, y + 8, { size: 9.5, font: 'bold' });
  const calls = Array.from({ length: r.int(4, 12) }, (_, i) => {
    const c = r.pick(CITIES);
    return [
      d(new Date(b.periodStart.getTime() + (i * 2 + 1) * 86400000), 'mdy2'),
      p(`${c.npa}55501${String(r.int(0, 99)).padStart(2, '0')}`, 'paren'),
      `${c.city.toUpperCase()} ${c.state}`,
      String(r.int(1, 30)),
      money(r.int(5, 300) / 100),
    ];
  });
  table(doc, {
    x: 40,
    y: y + 24,
    size: 8,
    rowH: 11,
    bottom: 740,
    bodyFont: 'reg',
    upperHead: true,
    cols: [
      { title: 'Date', w: 70 },
      { title: 'Number Called', w: 110 },
      { title: 'Place', w: 200 },
      { title: 'Min', w: 60, align: 'right' },
      { title: 'Amount', w: 92, align: 'right' },
    ],
    rows: calls,
    onNewPage: cont,
  });
  doc.eachPage((i, n) => {
    doc.text(
      `BUSINESS OFFICE ${p(b.office, 'paren')}   REPAIR ${p(b.repairLocal, 'paren')}   AFTER HOURS ${b.tollFree.repair}`,
      40,
      770,
      { size: 7, color: GREY },
    );
    doc.text(`PAGE ${i + 1} OF ${n}`, 572, 770, { size: 7, align: 'right' });
  });
}

export const granite: Template = {
  id: 'granite-state-telephone',
  carrier: 'Granite State Telephone',
  kind: 'wireline',
  family: 'times',
  alt: 'times',
  acctStyle: 'btn-embed',
  businessShare: 0.45,
  lineRange: [1, 6],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 77', line2: null, city: 'Concord', state: 'NH', zip: '03302-0077' },
  layout:
    'all-caps co-op statement, LABEL: value pairs, account number embeds the BTN, itemized toll calls to other numbers',
  draw,
};
