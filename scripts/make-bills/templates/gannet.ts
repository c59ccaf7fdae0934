// A bill the customer FAXED to the new carrier's porting desk, with their own fax cover sheet as
// page 1: "FAX", To: the porting desk (its fax and phone), From: a person with a direct line, a
// cell and a fax, "Pages: 5 (including cover)", "Re: port of our lines", a note and often a
// confidentiality notice. None of the cover's numbers is on the account, and its "Re:" may name
// the customer, but the cover is not the bill: every field comes from the pages after it. The fax
// machine's header line runs across every page (the template is always faxed).
import { StandardFonts } from 'pdf-lib';
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type DateStyle, type PhoneStyle } from '../model';
import { FIRST, LAST } from '../data';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import { d, nameBlock, p, para, remitLines, removedSection, summary } from './common';
import type { Template } from './types';

const SLATE = hex('#2c4a5a');

/** Gaining carriers a customer faxes a port request to (fictional; never the bill's carrier). */
const GAINING = [
  'Northstar Cloud Voice',
  'Brightpath Telecom',
  'Clearwave Business Voice',
  'Summitline VoIP',
];
/** IT vendors who send the port paperwork for their client. */
const VENDORS = ['Keystone IT Services', 'BlueHarbor Tech Partners', 'Pinnacle Network Solutions'];

function cover(doc: Doc, b: Bill, r: Rng, pagesAfter: number): void {
  const courier = doc.standardFont(StandardFonts.Courier);
  const courierB = doc.standardFont(StandardFonts.CourierBold);
  const free = r.shuffle(freeNumbers(b));
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const gaining = r.pick(GAINING);
  const viaVendor = r.chance(0.4);
  const sender = `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const senderCo = viaVendor ? r.pick(VENDORS) : b.accountName;
  const deskFax = `1-8${r.pick(['00', '44', '55', '77'])}-555-01${r.digits(2)}`;
  const deskPhone = `1-8${r.pick(['33', '66', '88'])}-555-01${r.digits(2)}`;
  const mono = r.chance(0.5);
  const reg = mono ? courier : 'reg';
  const bold = mono ? courierB : 'bold';

  doc.text('FAX', 50, 90, { size: 44, font: bold });
  doc.text(r.pick(['Facsimile Transmittal', 'Fax Cover Sheet', 'FACSIMILE']), 562, 84, {
    size: 12,
    align: 'right',
    font: bold,
  });
  doc.hline(50, 562, 104, { lw: 1.5 });
  const at = new Date(b.billDate.getTime() + r.int(3, 20) * 86400000);
  const rows: [string, string][] = [
    ['Date:', d(at, r.pick(['mdy', 'month'] as DateStyle[]))],
    ['To:', `Porting Department, ${gaining}`],
    ['Fax:', deskFax],
    ['Phone:', deskPhone],
    ['From:', `${sender}, ${senderCo}`],
    ['Direct:', p(free[0]!, ps)],
    ['Cell:', p(free[1]!, ps)],
    ['Fax:', p(free[2]!, ps)],
    ['Pages:', `${pagesAfter + 1} (including cover)`],
    [
      'Re:',
      r.pick([
        'Port of our lines',
        `Port of our lines - ${b.accountName}`,
        'Number port request / copy of current bill',
        `${b.accountName} - account transfer`,
      ]),
    ],
  ];
  rows.forEach(([l, v], i) => {
    doc.text(l, 50, 136 + i * 20, { size: 11, font: bold });
    doc.text(v, 130, 136 + i * 20, { size: 11, font: reg });
  });
  let y = 136 + rows.length * 20 + 14;
  doc.hline(50, 562, y - 8, { lw: 0.8 });
  const boxes = ['Urgent', 'For Review', 'Please Comment', 'Please Reply'];
  boxes.forEach((t, i) => {
    doc.rect(50 + i * 128, y + 4, 9, 9, { stroke: GREY, lw: 0.8 });
    if (i === 0 && r.chance(0.5)) doc.text('X', 51.5 + i * 128, y + 12, { size: 9, font: bold });
    doc.text(t, 64 + i * 128, y + 12, { size: 10, font: reg });
  });
  y += 44;
  const note = r.pick([
    `Attached is a copy of our most recent phone bill for the port. Please call me at my direct line or cell if anything is missing.`,
    `As discussed, here is the current invoice from our existing carrier. We want to move all of our numbers. Call my cell with questions.`,
    `Per your request, the bill for our account is attached (${pagesAfter} pages). Let us know the FOC date once you have it.`,
  ]);
  y = para(doc, note, 50, y, 500, { size: 11, font: mono ? courier : 'reg', lh: 16 });
  doc.text(`Thank you,`, 50, y + 8, { size: 11, font: reg });
  doc.text(sender, 50, y + 26, { size: 11, font: reg });
  if (r.chance(0.7)) {
    const notice =
      'CONFIDENTIALITY NOTICE: The information in this facsimile is confidential and intended only for the recipient named above. If you have received this fax in error, please notify the sender by telephone immediately and destroy the pages. Any review, copying or distribution by anyone else is prohibited.';
    para(doc, notice, 50, 690, 512, { size: 7.5, font: mono ? courier : 'reg', lh: 10 });
  }
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account Number', 'Account No.', 'Acct No.']);
  const dateL = r.pick(['Bill Date', 'Statement Date', 'Date of Bill']);
  const btnL = r.pick(['Billing Telephone Number', 'Main Number', 'Telephone Number']);
  const svcL = r.pick(['Service Address', 'Service Location']);
  const ds: DateStyle = r.pick(['mon', 'mdy', 'month']);
  const ps: PhoneStyle = r.pick(['paren', 'dash']);
  const rc = r.fork(11);

  // page 1 is the cover, drawn once the bill's page count is known
  doc.addPage();
  doc.text('GANNET', 40, 56, { size: 22, font: 'bold', color: SLATE });
  doc.text('TELEPHONE COMPANY', 41, 67, { size: 7, color: GREY });
  doc.text('Your Monthly Statement', 572, 50, { size: 12, align: 'right', font: 'bold' });
  const facts: [string, string][] = [
    [acctL, b.accountNumber],
    [dateL, d(b.billDate, ds)],
    [btnL, p(b.btn, ps)],
    ['Payment Due', d(b.dueDate, ds)],
  ];
  facts.forEach(([l, v], i) => {
    doc.text(`${l}:`, 360, 78 + i * 13, { size: 8.5, color: GREY });
    doc.text(v, 572, 78 + i * 13, { size: 9, align: 'right', font: 'bold' });
  });
  doc.lines(nameBlock(b, r.chance(0.4)), 60, 120, 12, { size: 10 });
  let y = 210;
  doc.text(svcL, 40, y, { size: 8.5, color: GREY });
  doc.lines(addrLines(b.service), 40, y + 13, 11.5, { size: 9.5, font: 'bold' });
  doc.lines(
    [
      `Customer Service ${b.tollFree.care}`,
      `Repair ${b.tollFree.repair}`,
      `Business Office ${p(b.office, ps)}`,
    ],
    360,
    y,
    11.5,
    { size: 8, color: GREY },
  );
  y += 64;
  doc.text('Account Summary', 40, y, { size: 11, font: 'bold', color: SLATE });
  y = summary(doc, 40, y + 16, 300, b, { size: 9 });
  y += 14;
  doc.text('Services and Telephone Numbers', 40, y, { size: 11, font: 'bold', color: SLATE });
  let end = table(doc, {
    x: 40,
    y: y + 14,
    size: 8.5,
    rowH: 13,
    bottom: 700,
    headFill: hex('#e4ebef'),
    cols: [
      { title: 'Telephone Number', w: 130 },
      { title: 'Service', w: 250 },
      { title: 'Monthly Charge', w: 110, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Gannet Telephone Company  ${acctL} ${b.accountNumber}  (continued)`, 40, 50, {
        size: 8,
        color: GREY,
      });
      return 70;
    },
  });
  end = removedSection(doc, 40, end + 18, b, { title: 'Disconnected Numbers', style: ps });
  if (end > 640) {
    doc.addPage();
    end = 60;
  }
  doc.hline(30, 582, end + 16, { color: GREY, dash: [3, 3] });
  doc.text('Return this portion with your payment', 306, end + 28, { size: 7, align: 'center', color: GREY });
  doc.lines(remitLines('Gannet Telephone Company', b.remit), 360, end + 46, 11, { size: 9 });
  doc.text(`${acctL}: ${b.accountNumber}`, 40, end + 46, { size: 9 });
  doc.text(`Amount Due: ${money(b.total)}`, 40, end + 58, { size: 9 });

  // the cover sheet goes first; the bill's own "Page N of M" counts only its pages
  const billPages = doc.pages.length - 1;
  const coverPage = doc.pdf.getPages()[0]!;
  doc.pages.forEach((pg, i) => {
    if (!i) return;
    doc.page = pg;
    doc.text(`Page ${i} of ${billPages}`, 572, 760, { size: 7, align: 'right', color: LIGHT });
  });
  doc.page = coverPage;
  cover(doc, b, rc, billPages);
  doc.page = doc.pages[doc.pages.length - 1]!;
}

export const gannet: Template = {
  id: 'gannet-telephone',
  carrier: 'Gannet Telephone Company',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'dash433',
  businessShare: 0.9,
  lineRange: [2, 30],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 660917', line2: null, city: 'Dallas', state: 'TX', zip: '75266-0917' },
  layout:
    "a bill faxed by the customer with their own fax cover sheet as page 1 (To: the new carrier's porting desk with its fax and phone, From: a person with direct, cell and fax numbers, Pages: N (including cover), Re: the port, a note, a confidentiality notice); the bill's pages follow, a fax header line on every page",
  suite: 'business',
  faxShare: 1,
  faxCover: true,
  draw,
};
