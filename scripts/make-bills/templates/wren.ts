// An e-bill as a customer prints it: page 1 is the carrier's "your bill is ready" email (or its
// portal's billing summary) that only ever shows the account MASKED ("Account ending in 4821",
// "Acct: ****4821", "xxxxxx4821") and the date the email went out; the statement follows with the
// real account number, and ends with a remittance stub carrying a bank scan line (a long run of
// digits that embeds the account number among amounts and check digits) beside a barcode and a
// QR-like block. A masked value is never the account number, the scan line is neither an account
// nor a phone number, and the bars make no numbers.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type DateStyle, type PhoneStyle } from '../model';
import { luhnDigit } from '../check-digits';
import type { Rng } from '../rng';
import { d, nameBlock, p, removedSection, summary } from './common';
import type { Template } from './types';

const PLUM = hex('#5b2a6e');
const FOG = hex('#f1ecf4');
const INK = hex('#111111');

function masked(acct: string, r: Rng): string {
  const last4 = acct.replace(/\D/g, '').slice(-4);
  return r.pick([
    `Account ending in ${last4}`,
    `Acct: ****${last4}`,
    `Account xxxxxx${last4}`,
    `Account number: ******${last4}`,
  ]);
}

/** A linear barcode: bars of seeded widths. */
function barcode(doc: Doc, r: Rng, x: number, y: number, w: number, h: number): void {
  let cx = x;
  while (cx < x + w) {
    const bw = r.pick([0.8, 0.8, 1.6, 2.4]);
    doc.rect(cx, y, bw, h, { fill: INK });
    cx += bw + r.pick([0.8, 1.6, 2.4]);
  }
}

/** A QR-like block: three finder squares and a seeded module grid. */
export function qrBlock(doc: Doc, r: Rng, x: number, y: number, size: number): void {
  const n = 25;
  const m = size / n;
  const finder = (fx: number, fy: number) => {
    doc.rect(x + fx * m, y + fy * m, 7 * m, 7 * m, { fill: INK });
    doc.rect(x + (fx + 1) * m, y + (fy + 1) * m, 5 * m, 5 * m, { fill: hex('#ffffff') });
    doc.rect(x + (fx + 2) * m, y + (fy + 2) * m, 3 * m, 3 * m, { fill: INK });
  };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const inFinder = (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8);
      if (!inFinder && r.chance(0.45)) doc.rect(x + i * m, y + j * m, m, m, { fill: INK });
    }
  finder(0, 0);
  finder(n - 7, 0);
  finder(0, n - 7);
}

function emailPage(doc: Doc, b: Bill, r: Rng, sentBy: string): void {
  const first = b.contact.split(' ')[0]!;
  const sent = new Date(b.billDate.getTime() + r.int(1, 3) * 86400000 + r.int(5, 9) * 3600000);
  const wk = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][sent.getUTCDay()];
  const mask = masked(b.accountNumber, r);
  const email = r.chance(0.6);
  if (email) {
    // the email, as a mail client prints it
    doc.text(b.contact, 40, 40, { size: 11, font: 'bold' });
    doc.hline(40, 572, 48, { lw: 1.2 });
    doc.text('Your Wren bill is ready to view', 40, 70, { size: 13, font: 'bold' });
    const hdr: [string, string][] = [
      ['From:', 'Wren Communications <ebill@notify.wrencomm.example>'],
      ['Sent:', `${wk}, ${d(sent, 'month')} ${r.int(5, 9)}:${String(r.int(0, 59)).padStart(2, '0')} AM`],
      [
        'To:',
        `${b.contact} <${first.toLowerCase()}@${b.accountName
          .split(' ')[0]!
          .toLowerCase()
          .replace(/[^a-z]/g, '')}.example>`,
      ],
      ['Subject:', `Your bill for ${mask.replace(/^Account number: /, 'account ')} is ready`],
    ];
    hdr.forEach(([l, v], i) => {
      doc.text(l, 40, 92 + i * 13, { size: 9, font: 'bold' });
      doc.text(v, 100, 92 + i * 13, { size: 9 });
    });
  } else {
    doc.text('wren', 40, 50, { size: 22, font: 'bold', color: PLUM });
    doc.text('My Account  >  Billing  >  Bill Summary', 160, 48, { size: 9, color: GREY });
    doc.text(`https://my.wrencomm.example/billing/summary`, 40, 70, { size: 7.5, color: GREY });
  }
  let y = 170;
  doc.rect(40, y - 20, 532, 230, { fill: FOG });
  doc.text('wren', 60, y + 8, { size: 26, font: 'bold', color: PLUM });
  doc.text(`Hi ${first},`, 60, y + 44, { size: 11 });
  doc.text(`Your bill for ${mask.charAt(0).toLowerCase() + mask.slice(1)} is ready.`, 60, y + 62, {
    size: 11,
  });
  const rows: [string, string][] = [
    ['Amount due', money(b.total)],
    ['Due date', d(b.dueDate, 'mon')],
    ['Account', mask.replace(/^[A-Za-z ]*?(?=[x*]|ending)/, '')],
    ['AutoPay', r.chance(0.5) ? `Scheduled for ${d(b.autopayDate, 'mon')}` : 'Not enrolled'],
  ];
  rows.forEach(([l, v], i) => {
    doc.text(l, 60, y + 92 + i * 16, { size: 10, color: GREY });
    doc.text(v, 300, y + 92 + i * 16, { size: 10, font: 'bold' });
  });
  doc.rect(60, y + 166, 130, 24, { fill: PLUM });
  doc.text('View and pay', 125, y + 182, { size: 10, align: 'center', font: 'bold', color: hex('#ffffff') });
  y += 250;
  doc.lines(
    [
      email
        ? 'Your full statement is attached. Log in to My Account to see past bills.'
        : 'Your full statement follows. Past bills are under Billing > Statements.',
      `Questions? Call ${r.pick([b.tollFree.care, b.tollFree.billing])} or chat with us online.`,
      email ? `Please do not reply to this email. ${sentBy}` : sentBy,
    ],
    40,
    y,
    13,
    { size: 8.5, color: GREY },
  );
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account Number', 'Account No.', 'Account #']);
  const dateL = r.pick(['Bill Date', 'Statement Date', 'Bill Issued']);
  const btnL = r.pick(['Main Number', 'Account Phone Number', 'Primary Number']);
  const svcL = r.pick(['Service Address', 'Service Location']);
  const ds: DateStyle = r.pick(['mon', 'mdy', 'month']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const re = r.fork(12);

  emailPage(doc, b, re, `Sent by Wren Communications, ${b.remit.city}, ${b.remit.state}.`);

  // the statement
  doc.addPage();
  doc.text('wren', 40, 52, { size: 24, font: 'bold', color: PLUM });
  doc.text('COMMUNICATIONS', 41, 63, { size: 6.5, color: GREY });
  doc.rect(340, 36, 232, 60, { fill: FOG });
  const facts: [string, string][] = [
    [acctL, b.accountNumber],
    [dateL, d(b.billDate, ds)],
    ['Service Period', `${d(b.periodStart, 'mdy')} - ${d(b.periodEnd, 'mdy')}`],
    ['Amount Due', money(b.total)],
  ];
  facts.forEach(([l, v], i) => {
    doc.text(l, 348, 50 + i * 13, { size: 8, color: GREY });
    doc.text(v, 564, 50 + i * 13, { size: 8.5, align: 'right', font: 'bold' });
  });
  doc.lines(nameBlock(b), 40, 110, 11.5, { size: 9.5 });
  let y = 196;
  doc.text(svcL, 40, y, { size: 8, color: GREY });
  doc.lines(addrLines(b.service), 40, y + 12, 11, { size: 9, font: 'bold' });
  doc.text(btnL, 340, y, { size: 8, color: GREY });
  doc.text(p(b.btn, ps), 340, y + 12, { size: 9, font: 'bold' });
  y += 60;
  doc.text('Summary', 40, y, { size: 11, font: 'bold', color: PLUM });
  y = summary(doc, 40, y + 16, 300, b, { size: 8.5 });
  y += 12;
  doc.text('Your Lines', 40, y, { size: 11, font: 'bold', color: PLUM });
  let end = table(doc, {
    x: 40,
    y: y + 14,
    size: 8.5,
    rowH: 13,
    bottom: 700,
    headFill: FOG,
    cols: [
      { title: 'Number', w: 130 },
      { title: 'Plan', w: 260 },
      { title: 'Charges', w: 100, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Wren Communications - ${acctL} ${b.accountNumber}`, 40, 44, { size: 8, color: GREY });
      return 66;
    },
  });
  end = removedSection(doc, 40, end + 16, b, { title: 'Lines cancelled this period', style: ps });

  // the remittance stub: scan line, barcode and a QR-like block
  if (end > 580) {
    doc.addPage();
    end = 60;
  }
  const sy = Math.max(end + 20, 590);
  doc.hline(30, 582, sy, { color: GREY, dash: [3, 3] });
  doc.text('Detach and return this coupon with your payment', 306, sy + 10, {
    size: 7,
    align: 'center',
    color: GREY,
  });
  doc.text('wren', 40, sy + 34, { size: 14, font: 'bold', color: PLUM });
  doc.lines(nameBlock(b).slice(0, 1).concat(addrLines(b.mailing)), 40, sy + 52, 10.5, { size: 8.5 });
  const stub: [string, string][] = [
    [acctL, b.accountNumber],
    ['Amount Due', money(b.total)],
    ['Due Date', d(b.dueDate, ds)],
  ];
  stub.forEach(([l, v], i) => {
    doc.text(l, 330, sy + 30 + i * 13, { size: 7.5, color: GREY });
    doc.text(v, 566, sy + 30 + i * 13, { size: 8.5, align: 'right', font: 'bold' });
  });
  qrBlock(doc, r, 500, sy + 76, 62);
  barcode(doc, r, 330, sy + 80, 150, 26);
  const acct = b.accountNumber.replace(/\D/g, '');
  const cents = String(Math.round(Math.abs(b.total) * 100)).padStart(8, '0');
  const body = `${r.int(0, 9)} ${acct}${r.digits(2)} ${r.int(0, 9)} ${cents} ${cents}`;
  const scan = `${body} ${luhnDigit(body.replace(/\D/g, ''))}`;
  doc.text(scan, 566, sy + 160, { size: 10, align: 'right' });
  doc.eachPage((i, n) => {
    if (i) doc.text(`Page ${i} of ${n - 1}`, 572, 772, { size: 7, align: 'right', color: LIGHT });
  });
}

export const wren: Template = {
  id: 'wren-ebill',
  carrier: 'Wren Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 0.7,
  lineRange: [1, 20],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 94410', line2: null, city: 'Palatine', state: 'IL', zip: '60094-4410' },
  layout:
    'an e-bill: page 1 is the "your bill is ready" email or portal summary showing only a masked account (ending in 4821, ****4821, xxxxxx4821) and the date it was sent; the statement follows with the real account number; a remittance stub with a bank scan line embedding the account number, a barcode and a QR-like block',
  suite: 'business',
  draw,
};
