// A business telephone bill written after the extractor's business work, kept out of its
// development as a check on carriers it has never seen: a Customer Number above the account
// number, a four-column grid of numbers with their services beneath, DID ranges as billing
// exports print them, and a service address on one line without commas.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { blockNums, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { singles } from './business';
import { d, kv, nameBlock, p, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const STONE = hex('#4e5b31');

function rangeOf(r: Rng, first: string, last: string, count: number): string {
  switch (r.int(0, 2)) {
    case 0:
      return `${first}-${last}`;
    case 1:
      return `${p(first, 'paren')} through ${p(last, 'paren')}`;
    default:
      return `${p(first, 'dash')} - ${p(last, 'dash')} (${count} TNs)`;
  }
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account #', 'Billing Account No.'],
    btn: ['Billing TN', 'Main Telephone Number'],
    svc: ['Service Location Address', 'Service Address'],
    date: ['Bill Print Date', 'Statement Date'],
    name: ['Customer Name', 'Account Name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'dot', 'paren']);
  const T = doc.alt;
  doc.text('QUARRY', 40, 50, { size: 20, font: T.bold, color: STONE });
  doc.text('hill', 40 + doc.width('QUARRY', 20, T.bold) + 2, 50, { size: 20, font: T.ital, color: GREY });
  doc.text('TELECOM  ·  BUSINESS', 42, 61, { size: 6.5, color: STONE });
  const facts: [string, string][] = [
    ['Customer Number', `${r.int(10, 99)}-${r.digits(6)}`],
    [w.acct, b.accountNumber],
    ['Statement #', `${r.digits(8)}`],
    [w.date, d(b.billDate, r.pick(['mdy', 'MON'] as const))],
    [w.btn, p(b.btn, ps)],
  ];
  let y = 36;
  for (const [l, v] of facts)
    y = kv(doc, 330, y, l, v, { style: 'colon', size: 8.5, labelSize: 8, valueX: 450 }) + 2;
  doc.lines(nameBlock(b, r.chance(0.5)), 56, 110, 11, { size: 9 });
  kv(doc, 330, 116, w.name, b.accountName, { style: 'below', size: 9, labelSize: 7.5, labelFont: 'bold' });
  const a = b.service;
  doc.text(
    `${w.svc}: ${[a.line1, a.line2].filter(Boolean).join(' ')} ${a.city} ${a.state} ${a.zip}`,
    40,
    232,
    {
      size: 8.5,
    },
  );
  summary(doc, 330, 150, 242, b, { size: 7.5 });
  y = 258;
  doc.text('TELEPHONE NUMBERS ON THIS ACCOUNT', 40, y, { size: 10, font: T.bold, color: STONE });
  y += 16;
  const cols = 4;
  const cw = 532 / cols;
  const cells = singles(b);
  const cont = (): number => {
    doc.addPage();
    doc.text(`Quarry Hill Telecom   ${w.acct} ${b.accountNumber}   ${d(b.billDate, 'mdy')}`, 40, 40, {
      size: 8,
      color: GREY,
    });
    return 64;
  };
  for (let i = 0; i < cells.length; i += cols) {
    if (y > 700) y = cont();
    for (let c = 0; c < cols && i + c < cells.length; c++) {
      const l = cells[i + c]!;
      doc.text(`TN ${p(l.num, ps)}`, 40 + c * cw, y, { size: 8.5, font: 'bold' });
      doc.text(l.plan.toUpperCase(), 40 + c * cw, y + 10, { size: 6.5, color: GREY });
    }
    doc.hline(40, 572, y + 15, { color: LIGHT, lw: 0.4 });
    y += 26;
  }
  if (b.blocks.length) {
    if (y > 640) y = cont();
    doc.text('DIRECT INWARD DIAL (DID) RANGES', 40, y + 8, { size: 10, font: T.bold, color: STONE });
    y += 24;
    for (const k of b.blocks) {
      if (y > 730) y = cont();
      const last = blockNums(k)[k.count - 1]!;
      doc.text(rangeOf(r, k.first, last, k.count), 44, y, { size: 8.5 });
      doc.text(money(k.charge), 572, y, { size: 8.5, align: 'right' });
      y += 12;
    }
  }
  if (b.disconnected.length) {
    if (y > 680) y = cont();
    y = removedSection(doc, 40, y + 12, b, { title: 'TNs removed from service', style: ps, size: 8 });
  }
  doc.page = doc.pages[0]!;
  doc.text(
    `Repair ${b.tollFree.repair}   Business office ${p(b.office, ps)}   Fax ${p(b.fax, ps)}`,
    40,
    752,
    {
      size: 7,
      color: GREY,
    },
  );
  doc.text(`Remit: ${remitLines('Quarry Hill Telecom', b.remit).join(', ')}`, 40, 763, {
    size: 7,
    color: GREY,
  });
  doc.eachPage((i, n) => doc.text(`${i + 1} / ${n}`, 572, 780, { size: 7, align: 'right', color: GREY }));
}

export const quarry: Template = {
  id: 'quarry-hill-telecom',
  carrier: 'Quarry Hill Telecom',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'alnum',
  businessShare: 1,
  lineRange: [60, 140],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 2290', line2: null, city: 'Barre', state: 'VT', zip: '05641-2290' },
  layout:
    'held out of development: Customer Number above the account number, four-column grid of TNs with services beneath, DID ranges as exports print them, one-line service address without commas',
  suite: 'business',
  numbering: 'blocks',
  faxShare: 0.25,
  draw,
};
