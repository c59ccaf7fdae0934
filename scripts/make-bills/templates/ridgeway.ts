// A rural telephone co-operative's bill, written as a check on structures no other template
// has: a logo of initials ("RTC") over the co-op's full name in small type, the member's long
// distance carrier named on the bill ("Your long distance carrier: AT&T", a known brand that is
// not the carrier billing the lines), local numbers printed in seven digits under an "Area code
// 406" heading, capital credits and a member number beside the account number.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { type Bill } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, period, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const FIELD = hex('#3d5a1e');

const LONG_DISTANCE = ['AT&T', 'Verizon', 'Lumen', 'Consolidated Communications', 'Frontier'];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Account No.'],
    btn: ['Billing Telephone Number', 'Main Number'],
    svc: ['Service Location', 'Location of Service'],
    date: ['Bill Date', 'Statement Date'],
    name: ['Member Name', 'Account Name'],
  });
  const T = doc.alt;
  const area = b.btn.slice(0, 3);
  const local = (n: string): string => `${n.slice(3, 6)}-${n.slice(6)}`;
  doc.text('RTC', 40, 56, { size: 34, font: T.bold, color: FIELD });
  doc.text('RIDGEWAY TELEPHONE COOPERATIVE', 42, 68, { size: 6.5, color: FIELD });
  doc.text('Member-owned since 1951', 42, 77, { size: 6, color: GREY });

  const facts: [string, string][] = [
    [w.acct, b.accountNumber],
    ['Member No.', `M-${r.digits(5)}`],
    [w.date, d(b.billDate, r.pick(['mdy', 'month'] as const))],
    [w.btn, `(${area}) ${local(b.btn)}`],
    ['Billing Period', period(b, 'mdy')],
  ];
  let y = 40;
  for (const [l, v] of facts) {
    doc.text(`${l}:`, 360, y, { size: 8, color: GREY });
    doc.text(v, 572, y, { size: 8.5, font: 'bold', align: 'right' });
    y += 13;
  }
  doc.lines(nameBlock(b, true), 56, 120, 11, { size: 9 });
  doc.text(`${w.name}: ${b.accountName}`, 360, 120, { size: 8.5 });
  const a = b.service;
  doc.text(`${w.svc}:`, 360, 136, { size: 8.5, color: GREY });
  doc.lines([a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.zip}`], 360, 148, 10.5, {
    size: 8.5,
  });
  summary(doc, 330, 210, 242, b, { size: 7.5, upper: true });

  // The member's chosen long distance carrier: a brand, but not the carrier billing these lines.
  const ld = r.pick(LONG_DISTANCE);
  doc.text(
    r.pick([
      `Your long distance carrier: ${ld}`,
      `Long distance service is provided by ${ld}. Questions about long distance charges: call ${ld}.`,
      `Presubscribed interLATA carrier (PIC): ${ld}`,
    ]),
    40,
    280,
    { size: 8 },
  );

  y = 308;
  doc.text('LOCAL SERVICE', 40, y, { size: 10, font: T.bold, color: FIELD });
  doc.text(`Area code ${area}`, 572, y, { size: 8, color: GREY, align: 'right' });
  y += 16;
  for (const l of b.lines) {
    if (y > 700) {
      doc.addPage();
      doc.text(`RTC  ${w.acct} ${b.accountNumber}`, 40, 40, { size: 8, color: GREY });
      y = 64;
    }
    doc.text(local(l.num), 48, y, { size: 9, font: 'bold' });
    doc.text(l.plan, 130, y, { size: 8.5 });
    doc.text(money(l.charge), 572, y, { size: 8.5, align: 'right' });
    y += 13;
  }
  doc.hline(40, 572, y - 6, { color: LIGHT, lw: 0.5 });
  y += 8;
  doc.text(
    `Capital credits allocated to your membership this year: ${money(r.int(1000, 9000) / 100)}`,
    40,
    y,
    {
      size: 7.5,
      color: GREY,
    },
  );
  if (b.disconnected.length)
    y = removedSection(doc, 40, y + 20, b, { title: 'Lines disconnected', style: 'dash', size: 8 });

  doc.page = doc.pages[0]!;
  doc.text(
    `Business office ${local(b.office)}   Repair ${local(b.repairLocal)}   ${b.tollFree.care}`,
    40,
    752,
    {
      size: 7,
      color: GREY,
    },
  );
  doc.text(`Mail payments to ${remitLines('Ridgeway Telephone Cooperative', b.remit).join(', ')}`, 40, 764, {
    size: 7,
    color: GREY,
  });
}

export const ridgeway: Template = {
  id: 'ridgeway-telephone-coop',
  carrier: 'Ridgeway Telephone Cooperative',
  kind: 'wireline',
  family: 'times',
  alt: 'helvetica',
  acctStyle: 'plain9',
  businessShare: 0.25,
  lineRange: [1, 4],
  disconnectedShare: 0.25,
  remit: { line1: 'PO Box 310', line2: null, city: 'Choteau', state: 'MT', zip: '59422-0310' },
  layout:
    'rural co-op: initials logo over the full name, the long distance carrier (a known brand) named on the bill, local numbers in seven digits under an area-code heading, member number beside the account number',
  suite: 'business',
  faxShare: 0,
  draw,
};
