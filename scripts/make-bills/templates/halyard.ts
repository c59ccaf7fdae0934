// A hosted-PBX (UCaaS) provider's invoice: an Invoice Number and a Customer Number beside the
// Account Number (only the account number is the port's); numbers printed in E.164 and every
// other form in one table ("+1 312 555 0100", "+13125550100", "1-312-555-0100", "312 555 0100");
// an extension list mapping 3-4 digit extensions to DIDs (extensions are not numbers; some users
// have none); and a remittance stub at the bottom of page 1 with a bank-style OCR scan line of
// digits (account number + amount + check digit) that gives neither a phone number nor another
// account number.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, fmtDate, type Bill, type DateStyle } from '../model';
import { FIRST, LAST } from '../data';
import { luhnDigit } from '../check-digits';
import type { Rng } from '../rng';
import { nameBlock, remitLines } from './common';
import type { Template } from './types';

const INDIGO = hex('#3b2f8f');
const HAZE = hex('#eeecf7');

type E164Style = 'e164' | 'e164-spaced' | 'one-dash' | 'spaced';
/** One number in the forms a UCaaS portal export mixes. */
function fmtE164(n: string, s: E164Style): string {
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  if (s === 'e164') return `+1${n}`;
  if (s === 'e164-spaced') return `+1 ${a} ${b} ${c}`;
  if (s === 'one-dash') return `1-${a}-${b}-${c}`;
  return `${a} ${b} ${c}`;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account Number', 'Account No.', 'Billing Account']);
  const custL = r.pick(['Customer Number', 'Customer No.', 'Customer ID']);
  const invL = r.pick(['Invoice Number', 'Invoice #', 'Invoice No.']);
  const btnL = r.pick(['Main Number', 'Company Main Number', 'Billing Telephone Number']);
  const svcL = r.pick(['Service Address', 'Primary Site', 'Site Address']);
  const ds: DateStyle = r.pick(['mon', 'mdy', 'month']);
  const mainStyle: E164Style = r.pick(['e164', 'e164-spaced', 'one-dash']);
  // the table mixes forms row by row on most bills, one form on the rest
  const mixed = r.chance(0.7);
  const one: E164Style = r.pick(['e164', 'e164-spaced', 'one-dash', 'spaced']);
  const styles: E164Style[] = ['e164', 'e164-spaced', 'one-dash', 'spaced'];
  const fmtRow = (n: string): string => fmtE164(n, mixed ? r.pick(styles) : one);
  const customer = `${r.int(1, 9)}${r.digits(6)}`;
  const invoice = r.chance(0.5) ? `INV-${r.digits(8)}` : `${r.int(1, 9)}${r.digits(7)}`;
  const T = doc.alt;

  doc.text('halyard', 40, 52, { size: 26, font: 'bold', color: INDIGO });
  doc.text('CLOUD COMMUNICATIONS', 41, 64, { size: 7, color: GREY });
  doc.text('INVOICE', 572, 46, { size: 16, align: 'right', font: 'bold', color: INDIGO });

  // the identifiers box, in one of the orders billing exports use
  const ids: [string, string][] = r.shuffle([
    [invL, invoice],
    [custL, customer],
    [acctL, b.accountNumber],
  ]);
  const box: [string, string][] = [
    ...ids,
    ['Invoice Date', fmtDate(b.billDate, ds)],
    ['Billing Period', `${fmtDate(b.periodStart, 'mdy')} - ${fmtDate(b.periodEnd, 'mdy')}`],
    ['Payment Due', fmtDate(b.dueDate, ds)],
  ];
  doc.rect(352, 62, 220, box.length * 13 + 8, { fill: HAZE });
  box.forEach(([l, v], i) => {
    doc.text(l, 360, 74 + i * 13, { size: 7.5, color: GREY });
    doc.text(v, 566, 74 + i * 13, { size: 8, align: 'right', font: 'bold' });
  });

  doc.text('Bill To', 40, 96, { size: 7.5, color: GREY });
  doc.lines(nameBlock(b), 40, 108, 11, { size: 9 });

  let y = 190;
  doc.text(svcL, 40, y, { size: 7.5, color: GREY });
  doc.lines(addrLines(b.service), 40, y + 12, 11, { size: 9, font: 'bold' });
  doc.text(btnL, 240, y, { size: 7.5, color: GREY });
  doc.text(fmtE164(b.btn, mainStyle), 240, y + 12, { size: 9, font: 'bold' });
  doc.text('Seats / Numbers', 400, y, { size: 7.5, color: GREY });
  const users = b.lines.length + r.int(1, 4);
  doc.text(`${users} users / ${b.lines.length} DIDs`, 400, y + 12, { size: 9, font: 'bold' });
  y += 64;

  // summary of charges
  doc.text('Summary of Charges', 40, y, { size: 11, font: T.bold, color: INDIGO });
  y += 16;
  const seat = Math.round(r.float(19, 32) * 100) / 100;
  const rows: [string, number][] = [
    ['Previous Balance', b.prevBalance],
    ['Payment Received - Thank You', b.payment],
    [`UCaaS Seats (${users} x ${money(seat)})`, Math.round(users * seat * 100) / 100],
    [`DID Numbers (${b.lines.length})`, Math.round(b.lines.length * 1.5 * 100) / 100],
    ['E911 Service Fees', Math.round(b.lines.length * 0.75 * 100) / 100],
    ['Taxes, Fees & Surcharges', b.taxes],
  ];
  const due =
    Math.round((b.prevBalance + b.payment + rows.slice(2).reduce((s, x) => s + x[1], 0)) * 100) / 100;
  for (const [l, v] of rows) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(money(v), 330, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.hline(40, 330, y - 8, { color: GREY });
  doc.text('Total Amount Due', 40, y + 3, { size: 9.5, font: 'bold' });
  doc.text(money(due), 330, y + 3, { size: 9.5, align: 'right', font: 'bold' });
  doc.lines(
    [
      `Support: ${fmtE164(b.tollFree.care.replace(/\D/g, '').slice(1), 'one-dash')}`,
      `Network Operations Center: ${fmtE164(b.office, 'e164-spaced')}`,
      `Billing questions: ${b.tollFree.billing}`,
      'halyardcloud.com/support',
    ],
    360,
    y - 70,
    11,
    { size: 7.5, color: GREY },
  );

  // the remittance stub at the bottom of page 1, with its OCR scan line
  const sy = 600;
  doc.hline(30, 582, sy, { color: GREY, lw: 0.6, dash: [3, 3] });
  doc.text('Please detach and return with payment', 306, sy + 10, { size: 7, align: 'center', color: GREY });
  doc.text('halyard', 40, sy + 34, { size: 14, font: 'bold', color: INDIGO });
  const stub: [string, string][] = [
    [acctL, b.accountNumber],
    ['Amount Due', money(due)],
    ['Due Date', fmtDate(b.dueDate, ds)],
    ['Amount Enclosed', '$ ______________'],
  ];
  stub.forEach(([l, v], i) => {
    doc.text(l, 330, sy + 30 + i * 14, { size: 7.5, color: GREY });
    doc.text(v, 566, sy + 30 + i * 14, { size: 8.5, align: 'right', font: 'bold' });
  });
  doc.lines(nameBlock(b).slice(0, 1).concat(addrLines(b.mailing)), 40, sy + 58, 10.5, { size: 8.5 });
  doc.lines(remitLines('Halyard Cloud Communications', b.remit), 330, sy + 96, 10.5, { size: 8.5 });
  const acctDigits = b.accountNumber.replace(/\D/g, '').padStart(12, '0');
  const cents = String(Math.round(Math.abs(due) * 100)).padStart(10, '0');
  const check = luhnDigit(acctDigits + cents);
  const scan = r.chance(0.5) ? `${acctDigits} ${cents} ${check}` : `${acctDigits}${cents}${check}`;
  doc.text(scan, 566, sy + 162, { size: 10, align: 'right', font: 'reg' });

  // page 2: the numbers and the extensions
  doc.addPage();
  const cont = (): number => {
    doc.addPage();
    doc.text(`Halyard Cloud Communications - ${acctL} ${b.accountNumber} - continued`, 40, 44, {
      size: 8,
      color: GREY,
    });
    return 70;
  };
  doc.text(`Halyard Cloud Communications - ${acctL} ${b.accountNumber}`, 40, 44, { size: 8, color: GREY });
  doc.text('Phone Numbers (DIDs)', 40, 70, { size: 11, font: T.bold, color: INDIGO });
  const kinds = ['User', 'User', 'User', 'Hunt group', 'Conference bridge', 'Fax (virtual)'];
  const people = b.lines.map(() => `${r.pick(FIRST)} ${r.pick(LAST)}`);
  const assign = b.lines.map((l, i) =>
    i === 0 ? ['Auto attendant', 'Main line'] : [r.pick(kinds), people[i]!],
  );
  let end = table(doc, {
    x: 40,
    y: 88,
    size: 8,
    rowH: 12,
    bottom: 730,
    headFill: HAZE,
    cols: [
      { title: 'Number', w: 140 },
      { title: 'Type', w: 120 },
      { title: 'Assigned To', w: 170 },
      { title: 'Monthly', w: 102, align: 'right' },
    ],
    rows: b.lines.map((l, i) => [fmtRow(l.num), assign[i]![0]!, assign[i]![1]!, money(1.5)]),
    onNewPage: cont,
  });

  // extensions: 3 or 4 digits, a DID beside most users, none beside some
  const four = r.chance(0.5);
  let ext = four ? r.int(20, 60) * 100 : r.int(1, 3) * 100;
  const extRows: string[][] = [];
  b.lines.forEach((l, i) => {
    if (i === 0) return;
    ext += r.int(1, 6);
    extRows.push([String(ext), people[i]!, fmtRow(l.num)]);
    if (r.chance(0.3)) {
      ext += r.int(1, 4);
      extRows.push([String(ext), `${r.pick(FIRST)} ${r.pick(LAST)}`, '(no direct number)']);
    }
  });
  if (extRows.length) {
    if (end > 650) end = cont();
    doc.text('Extensions', 40, end + 16, { size: 11, font: T.bold, color: INDIGO });
    end = table(doc, {
      x: 40,
      y: end + 34,
      size: 8,
      rowH: 12,
      bottom: 730,
      headFill: HAZE,
      cols: [
        { title: 'Ext.', w: 60 },
        { title: 'User', w: 200 },
        { title: 'Direct Number (DID)', w: 160 },
      ],
      rows: extRows,
      onNewPage: cont,
    });
  }
  if (b.disconnected.length) {
    if (end > 690) end = cont();
    doc.text('Numbers removed this period', 40, end + 16, { size: 9.5, font: 'bold' });
    b.disconnected.forEach((n, i) => {
      doc.text(fmtRow(n), 40, end + 30 + i * 12, { size: 8 });
      doc.text(`Removed ${fmtDate(b.periodStart, 'mdy')}`, 200, end + 30 + i * 12, { size: 8, color: GREY });
    });
  }
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: LIGHT }),
  );
}

export const halyard: Template = {
  id: 'halyard-cloud',
  carrier: 'Halyard Cloud Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'prefixed',
  acctPrefix: 'HC',
  businessShare: 1,
  lineRange: [4, 40],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 205418', line2: null, city: 'Dallas', state: 'TX', zip: '75320-5418' },
  layout:
    'a hosted-PBX (UCaaS) invoice: Invoice and Customer Numbers beside the Account Number, numbers in E.164 and mixed forms, an extension list beside the DIDs, a remittance stub with an OCR scan line',
  suite: 'business',
  faxShare: 0.1,
  draw,
};
