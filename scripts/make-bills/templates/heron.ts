// A business account billed under a legal name AND a trade name: "ACME HOLDINGS LLC DBA JOE'S
// PIZZA", "Acme Holdings LLC d/b/a Joe's Pizza", "Joe's Pizza (Acme Holdings LLC)", or the legal
// name over a "DBA Joe's Pizza" line. The account name is the billing name as printed (both
// names); a request naming either one names this customer. The mailing block puts "Attn:
// Accounts Payable" above the name and a "c/o" property manager or bookkeeper between the name
// and the street: neither is the name, nor a street line.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, type Bill, type DateStyle, type PhoneStyle } from '../model';
import { FIRST, LAST } from '../data';
import type { Rng } from '../rng';
import { d, p, remitLines, removedSection, summary } from './common';
import type { Template } from './types';

const FOREST = hex('#24583b');
const PALE = hex('#e9f1ec');

const LEGAL_KINDS = [
  'Holdings LLC',
  'Enterprises, Inc.',
  'Group LLC',
  'Ventures Inc.',
  'Partners LLC',
  'Hospitality Corp.',
];
const TRADES = [
  'Pizza',
  'Diner',
  'Auto Body',
  'Dry Cleaners',
  'Bakery',
  'Barber Shop',
  'Taqueria',
  'Hardware',
];
const CARE_OF = ['Property Mgmt', 'Bookkeeping', 'Accounting Services', 'Management Co.'];

/** A legal name with its trade name, in one of the forms billing systems print them. */
export function dbaName(r: Rng): { printed: string; legal: string; trade: string; twoLines: boolean } {
  const legal = `${r.pick(LAST)} ${r.pick(LEGAL_KINDS)}`;
  const trade = r.chance(0.5)
    ? `${r.pick(FIRST)}'s ${r.pick(TRADES)}`
    : `${r.pick(LAST)} Street ${r.pick(TRADES)}`;
  const form = r.int(0, 3);
  if (form === 0) return { printed: `${legal} DBA ${trade}`.toUpperCase(), legal, trade, twoLines: false };
  if (form === 1) return { printed: `${legal} d/b/a ${trade}`, legal, trade, twoLines: false };
  if (form === 2) return { printed: `${trade} (${legal})`, legal, trade, twoLines: false };
  return { printed: `${legal} DBA ${trade}`, legal, trade, twoLines: true };
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account Number', 'Account No.', 'Customer Account']);
  const dateL = r.pick(['Bill Date', 'Statement Date', 'Invoice Date']);
  const btnL = r.pick(['Billing Telephone Number', 'Main Number', 'Account Telephone']);
  const svcL = r.pick(['Service Address', 'Service Location', 'Location of Service']);
  const ds: DateStyle = r.pick(['mon', 'mdy', 'month']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const nameLines = b.nameLines ?? [b.accountName];
  const careOf = `c/o ${r.pick(LAST)} ${r.pick(CARE_OF)}`;
  const attn = r.pick([
    'Attn: Accounts Payable',
    'ATTN: ACCOUNTS PAYABLE',
    `Attn: ${b.contact}`,
    'Attn: Office Manager',
  ]);

  doc.text('HERON', 40, 52, { size: 24, font: 'bold', color: FOREST });
  doc.text('BUSINESS TELEPHONE', 41, 63, { size: 7, color: GREY });
  doc.text(`Customer Care ${b.tollFree.care}`, 572, 46, { size: 8, align: 'right', color: GREY });
  doc.text(`Repair ${b.tollFree.repair}`, 572, 57, { size: 8, align: 'right', color: GREY });

  // the mailing block: Attn above the name, c/o between the name and the street
  const mail = [
    ...(r.chance(0.7) ? [attn] : []),
    ...nameLines,
    ...(r.chance(0.75) ? [careOf] : []),
    ...addrLines(b.mailing),
  ];
  const upper = r.chance(0.4);
  doc.lines(upper ? mail.map((l) => l.toUpperCase()) : mail, 60, 118, 12, { size: 10 });

  doc.rect(340, 80, 232, 78, { fill: PALE });
  const facts: [string, string][] = [
    [acctL, b.accountNumber],
    [dateL, d(b.billDate, ds)],
    [btnL, p(b.btn, ps)],
    ['Due Date', d(b.dueDate, ds)],
    ['Amount Due', money(b.total)],
  ];
  facts.forEach(([l, v], i) => {
    doc.text(l, 348, 94 + i * 13, { size: 8, color: GREY });
    doc.text(v, 564, 94 + i * 13, { size: 8.5, align: 'right', font: 'bold' });
  });

  let y = 214;
  if (r.chance(0.5)) {
    doc.text(r.pick(['Account Name', 'Billing Name', 'Customer Name']), 40, y, { size: 8, color: GREY });
    doc.lines(nameLines, 40, y + 12, 11, { size: 9.5, font: 'bold' });
    y += 14 + nameLines.length * 11;
  }
  doc.text(svcL, 40, y, { size: 8, color: GREY });
  doc.lines(addrLines(b.service), 40, y + 12, 11, { size: 9, font: 'bold' });
  y += 60;
  doc.text('Summary of Charges', 40, y, { size: 11, font: 'bold', color: FOREST });
  y = summary(doc, 40, y + 16, 300, b, { size: 8.5 });
  y += 12;
  doc.text('Lines and Services', 40, y, { size: 11, font: 'bold', color: FOREST });
  let end = table(doc, {
    x: 40,
    y: y + 14,
    size: 8.5,
    rowH: 13,
    bottom: 720,
    headFill: PALE,
    cols: [
      { title: 'Telephone Number', w: 130 },
      { title: 'Service', w: 260 },
      { title: 'Amount', w: 100, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Heron Business Telephone - ${acctL} ${b.accountNumber} - continued`, 40, 44, {
        size: 8,
        color: GREY,
      });
      return 66;
    },
  });
  end = removedSection(doc, 40, end + 16, b, { title: 'Numbers disconnected', style: ps });
  if (end > 640) {
    doc.addPage();
    end = 60;
  }
  doc.hline(30, 582, end + 14, { color: GREY, dash: [3, 3] });
  doc.text('Please return this stub with your payment', 306, end + 24, {
    size: 7,
    align: 'center',
    color: GREY,
  });
  doc.lines(
    [...nameLines, ...(mail.includes(careOf) ? [careOf] : []), ...addrLines(b.mailing)],
    40,
    end + 42,
    10.5,
    {
      size: 8.5,
    },
  );
  doc.text(`${acctL}: ${b.accountNumber}`, 330, end + 42, { size: 8.5 });
  doc.text(`Amount Due: ${money(b.total)}`, 330, end + 53, { size: 8.5 });
  doc.lines(remitLines('Heron Business Telephone', b.remit), 330, end + 70, 10.5, { size: 8.5 });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: LIGHT }),
  );
}

export const heron: Template = {
  id: 'heron-business',
  carrier: 'Heron Business Telephone',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'check3',
  businessShare: 1,
  lineRange: [2, 18],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 31145', line2: null, city: 'Tampa', state: 'FL', zip: '33631-3145' },
  layout:
    'a business account billed under a legal name and a trade name (LEGAL DBA TRADE, legal d/b/a trade, Trade (Legal), or DBA on a line of its own); the mailing block with Attn: above the name and a c/o line before the street; the account name is both names as printed, and a request naming either one matches',
  suite: 'business',
  dbaNames: true,
  draw,
};
