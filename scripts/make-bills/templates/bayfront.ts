// Wireless business plan: a section per line ("Line 3 · (617) 555-0147 · J. Ortega") with its
// device's IMEI, SIM (ICCID) and installment agreement id, none of which is an account or phone
// number; a Billing Account Number beside a Customer ID and an Invoice #, of which only the
// account number is what a port needs; the account number grouped in one place, run together in
// another.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { agreementId, iccid, imei } from './business';
import { d, kv, nameBlock, p, remitLines, removedSection, words } from './common';
import type { Template } from './types';

const SEA = hex('#0b5cad');
const SAND = hex('#f2ede3');

const DEVICES = [
  'Apple iPhone 15',
  'Apple iPhone 14',
  'Samsung Galaxy S24',
  'Google Pixel 8',
  'Samsung Galaxy A15 5G',
  'Apple iPad 10th gen',
  'Apple Watch Series 9',
  'Moto g 5G',
];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Billing Account Number (BAN)', 'Account number', 'Billing Account Number'],
    btn: ['Account phone', 'Primary line'],
    svc: ['Primary place of use', 'Service address'],
    date: ['Statement date', 'Bill date', 'Invoice date'],
    name: ['Business name', 'Account name'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const grouped = b.accountNumber;
  const run = b.accountNumber.replace(/\s/g, '');
  const spacedFirst = r.chance(0.5);
  const custId = `${r.pick(['C', 'CU', ''])}${r.int(1, 9)}${r.digits(7)}`;
  const invoice = `${r.digits(3)}-${r.digits(7)}`;
  const imeiStyle = r.int(0, 2);
  const simGrouped = r.chance(0.5);
  const agDashed = r.chance(0.4);
  // two-tone logo: OCR reads it as "BAY front", "BAYfront" or worse
  doc.text('BAY', 40, 48, { size: 24, font: 'bold', color: SEA });
  doc.text('front', 40 + doc.width('BAY', 24, 'bold') + 1, 48, { size: 24, font: 'reg', color: SEA });
  doc.text('WIRELESS  |  BUSINESS', 42, 60, { size: 6.5, color: GREY });
  // id box: three identifiers side by side, only one of them the account number
  doc.rect(250, 28, 322, 44, { fill: SAND });
  const ids: [string, string][] = [
    [w.acct, spacedFirst ? grouped : run],
    ['Customer ID', custId],
    ['Invoice #', invoice],
  ];
  if (r.chance(0.5)) ids.reverse();
  ids.forEach(([l, v], i) => {
    const x = 258 + i * 106;
    doc.text(l, x, 42, { size: 6.5, color: GREY });
    doc.text(v, x, 58, { size: 8.5, font: 'bold' });
  });
  let y = 96;
  doc.lines(nameBlock(b), 56, y, 11, { size: 9 });
  const ko = { style: 'colon' as const, size: 8.5, labelSize: 8, labelFont: 'reg' as const, valueX: 420 };
  y = 96;
  for (const [l, v] of [
    [w.name, b.accountName],
    [w.date, d(b.billDate, r.pick(['mon', 'mdy'] as const))],
    [w.btn, p(b.btn, ps)],
    ['Lines on account', String(b.lines.length)],
    ['Amount due', money(b.total)],
    ['Due date', d(b.dueDate, 'mon')],
  ] as [string, string][])
    y = kv(doc, 320, y, l, v, ko) + 2;
  const a = b.service;
  const svc = r.chance(0.5)
    ? [`${[a.line1, a.line2].filter(Boolean).join(' ')}, ${a.city}, ${a.state} ${a.zip}`]
    : [a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.zip}`];
  kv(doc, 40, 182, w.svc, svc, {
    style: 'below',
    size: 8.5,
    labelSize: 7,
    labelFont: 'bold',
    labelColor: SEA,
    lh: 10.5,
  });
  doc.text(
    `Questions? Business care ${b.tollFree.care}, or dial 611 from any line.  Lost or stolen device: ${b.tollFree.repair}`,
    40,
    226,
    {
      size: 7,
      color: GREY,
    },
  );
  y = 252;
  doc.text('Your lines', 40, y, { size: 12, font: 'bold', color: SEA });
  y += 14;
  const cont = (): number => {
    doc.addPage();
    doc.text(`Bayfront Wireless  -  ${w.acct}: ${spacedFirst ? run : grouped}`, 40, 36, {
      size: 7.5,
      color: GREY,
    });
    doc.text('Your lines (continued)', 40, 56, { size: 11, font: 'bold', color: SEA });
    return 72;
  };
  b.lines.forEach((l, i) => {
    const hasDevice = r.chance(0.8);
    const onAgreement = hasDevice && r.chance(0.6);
    const need = 14 + 11 * (2 + (hasDevice ? 2 : 0) + (onAgreement ? 1 : 0)) + 6;
    if (y + need > 740) y = cont();
    doc.rect(40, y, 532, 14, { fill: hex('#e3eefa') });
    doc.text(`Line ${i + 1} \u00b7 ${p(l.num, ps)} \u00b7 ${l.user ?? ''}`, 46, y + 10, {
      size: 8.5,
      font: 'bold',
    });
    doc.text(money(l.charge + l.features.reduce((t, f) => t + f.amount, 0)), 566, y + 10, {
      size: 8.5,
      font: 'bold',
      align: 'right',
    });
    y += 25;
    const row = (s: string, v?: string) => {
      doc.text(s, 52, y, { size: 7.5 });
      if (v) doc.text(v, 566, y, { size: 7.5, align: 'right' });
      y += 11;
    };
    row(`Plan: ${l.plan}`, money(l.charge));
    if (hasDevice) {
      row(`Device: ${r.pick(DEVICES)}   IMEI ${imei(r, imeiStyle)}`);
      row(`SIM (ICCID) ${iccid(r, simGrouped)}`);
    }
    if (onAgreement) {
      const n = r.int(1, 35);
      row(
        `Device installment agreement ${agreementId(r, agDashed)}   payment ${n} of 36`,
        money(r.int(1800, 4200) / 100),
      );
    }
    row(
      `Usage: talk ${l.minutes.toLocaleString('en-US')} min  |  text ${l.texts.toLocaleString('en-US')}  |  data ${l.dataGb.toFixed(2)} GB`,
    );
    doc.hline(40, 572, y - 6, { color: LIGHT, lw: 0.4 });
    y += 4;
  });
  if (b.disconnected.length) {
    if (y > 700) y = cont();
    y = removedSection(doc, 40, y + 12, b, { title: 'Lines canceled this period', style: ps, size: 8 });
  }
  // stub on the last page: the account number the other way
  if (y > 690) y = cont();
  doc.hline(20, 592, 700, { dash: [5, 3], color: GREY });
  kv(doc, 40, 716, 'Account number', spacedFirst ? run : grouped, { style: 'colon', size: 8.5, valueX: 130 });
  kv(doc, 40, 729, 'Amount due', money(b.total), { style: 'colon', size: 8.5, valueX: 130 });
  doc.lines(remitLines('Bayfront Wireless', b.remit), 380, 716, 11, { size: 8.5 });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 780, { size: 6.5, align: 'right', color: GREY }),
  );
}

export const bayfront: Template = {
  id: 'bayfront-wireless',
  carrier: 'Bayfront Wireless',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 1,
  lineRange: [2, 40],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 77301', line2: null, city: 'Baltimore', state: 'MD', zip: '21279-0301' },
  layout:
    'wireless business plan: a section per line with IMEI, SIM (ICCID) and installment agreement ids; BAN beside Customer ID and Invoice #; account number grouped in one place, run together in another',
  suite: 'business',
  faxShare: 0.2,
  draw,
};
