// A cable bundle bill, written as a check on structures no other template has: the bill date
// only as "Statement generated on …", the phone lines inside the bundle's prose ("Voice
// Unlimited with your number (208) 555-0165"), the service address in a sentence ("Services at
// 2767 Mill Pkwy, Apt 4, Boise, ID 83702 from … to …"), an equipment list of MAC addresses and
// serial numbers (neither an account nor a phone number), a greeting by first name above the
// account holder's full name, and a remittance scan line that runs the account number into
// other digits.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, p, period, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const TEAL = hex('#00707a');
const FOAM = hex('#e6f3f3');

function mac(r: Rng): string {
  return Array.from({ length: 6 }, () => r.int(0, 255).toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function serial(r: Rng): string {
  return `${r.pick(['SN', 'S/N', 'Serial'])} ${r.pick(['M', 'X', 'K'])}${r.digits(4)} ${r.digits(5)} ${r.digits(4)}`;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account number', 'Account'],
    btn: ['Home phone', 'Your phone number'],
    svc: ['Services at', 'Service address'],
    date: ['Statement generated on', 'Statement generated'],
    name: ['Account holder', 'Customer'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const T = doc.alt;
  doc.text('osprey', 40, 48, { size: 26, font: T.bold, color: TEAL });
  doc.text('cable · internet · voice', 42, 62, { size: 7, color: TEAL });
  doc.text(`${w.acct} ${b.accountNumber}`, 572, 40, { size: 8.5, font: 'bold', align: 'right' });
  doc.text(`${w.date} ${d(b.billDate, r.pick(['month', 'mdy'] as const))}`, 572, 53, {
    size: 8,
    color: GREY,
    align: 'right',
  });

  const first = b.accountName.split(/\s+/)[0]!;
  doc.text(b.accountType === 'business' ? `Hello, ${b.accountName}` : `Hi ${first},`, 40, 104, {
    size: 14,
    font: T.bold,
  });
  doc.text(`Here is your bill for ${period(b, 'month', ' to ')}.`, 40, 120, { size: 9 });
  doc.lines(nameBlock(b, false), 56, 150, 11, { size: 9 });
  summary(doc, 330, 150, 242, b, { size: 8 });

  const a = b.service;
  const where = `${a.line1}${a.line2 ? `, ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.zip}`;
  doc.rect(40, 232, 532, 22, { fill: FOAM });
  doc.text(`${w.svc} ${where} from ${period(b, 'mon', ' to ')}`, 48, 246, { size: 8.5 });

  // The bundle, in sentences; every phone line is named inside one.
  let y = 280;
  doc.text('Your bundle', 40, y, { size: 12, font: T.bold, color: TEAL });
  y += 18;
  doc.text(
    `Internet ${r.pick(['300', '500', '1 Gig'])}  ·  TV ${r.pick(['Select', 'Choice', 'Basic'])}`,
    48,
    y,
    {
      size: 9,
    },
  );
  doc.text(money(r.int(6000, 14000) / 100), 572, y, { size: 9, align: 'right' });
  y += 16;
  b.lines.forEach((l, i) => {
    if (y > 700) {
      doc.addPage();
      y = 60;
    }
    const text =
      i === 0
        ? `${r.pick(['Voice Unlimited', 'Home Phone Unlimited'])} with your number ${p(l.num, ps)}`
        : `${r.pick(['Additional line', 'Second line', 'Extra phone line'])} ${p(l.num, ps)} (${l.plan})`;
    doc.text(text, 48, y, { size: 9 });
    doc.text(money(l.charge), 572, y, { size: 9, align: 'right' });
    y += 16;
  });

  // Equipment: identifiers that are neither accounts nor phone numbers.
  y += 10;
  doc.text('Equipment', 40, y, { size: 11, font: T.bold, color: TEAL });
  y += 16;
  const gear: [string, string][] = [
    [`${r.pick(['Gateway', 'Cable modem', 'Wi-Fi router'])}  MAC ${mac(r)}`, serial(r)],
    [`Voice adapter  MAC ${mac(r)}`, serial(r)],
    [`TV box  ${serial(r)}`, `Card ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`],
  ];
  for (const [g, s] of gear) {
    doc.text(g, 48, y, { size: 8 });
    doc.text(s, 330, y, { size: 8, color: GREY });
    y += 12;
  }
  if (b.disconnected.length) {
    y = removedSection(doc, 40, y + 14, b, {
      title: 'Phone numbers removed from your bundle',
      style: ps,
      size: 8,
    });
  }

  // The remittance stub: a scan line runs the account number into the amount and a check digit.
  doc.page = doc.pages[0]!;
  doc.hline(40, 572, 716, { color: LIGHT, lw: 0.5, dash: [2, 2] });
  doc.lines(remitLines('Osprey Cable', b.remit, true), 360, 734, 10, { size: 8 });
  doc.text(`Amount due ${money(b.total)} by ${d(b.dueDate, 'mdy')}`, 40, 734, { size: 8.5, font: 'bold' });
  const digits = b.accountNumber.replace(/\D/g, '');
  const cents = String(Math.round(b.total * 100)).padStart(8, '0');
  doc.text(`${digits}${r.digits(2)} ${cents} ${r.digits(1)}`, 40, 770, { size: 9, font: 'reg' });
  doc.text(`Questions? ${b.tollFree.care}`, 40, 750, { size: 7, color: GREY });
}

export const osprey: Template = {
  id: 'osprey-cable',
  carrier: 'Osprey Cable',
  kind: 'cable',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'spaced16',
  businessShare: 0.15,
  lineRange: [1, 3],
  disconnectedShare: 0.2,
  remit: { line1: 'PO Box 5530', line2: null, city: 'Carol Stream', state: 'IL', zip: '60197-5530' },
  layout:
    'cable bundle: bill date only as "Statement generated on", phone lines inside the bundle prose, service address in a sentence, equipment MACs and serials, greeting by first name, remittance scan line running the account number into other digits',
  suite: 'business',
  faxShare: 0,
  draw,
};
