// A family wireless bill, written as a check on structures no other template has: a line's
// call-forwarding destination printed beside it ("Calls forward to (773) 555-0101": another
// carrier's number, never on this account), authorized users named beside the account holder
// (never the account name), numbers printed with a leading 1 or +1 in the line cards, the
// account number only in a running page header ("Account 4481 2290 17 · Page 1 of 2") and the
// payment coupon, and a statement closing date beside the bill date.
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { FIRST, LAST } from '../data';
import { type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, p, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const PLUM = hex('#5b2a6e');
const MIST = hex('#f3eef6');

/** A number as the line cards print it: with the country code, in one of three ways. */
function withCountry(n: string, style: number): string {
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  return style === 0 ? `+1 ${a} ${b} ${c}` : style === 1 ? `1-${a}-${b}-${c}` : `+1 (${a}) ${b}-${c}`;
}

/** Another carrier's number in the bill's area code: a forwarding destination, never on the account. */
function elsewhere(r: Rng, b: Bill): string {
  const taken = new Set([...b.lines.map((l) => l.num), ...b.disconnected]);
  for (;;) {
    const n = `${b.btn.slice(0, 3)}555${r.int(100, 199).toString().padStart(4, '0')}`;
    if (!taken.has(n)) return n;
  }
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account', 'Account number'],
    btn: ['Account phone', 'Primary line', 'Main number'],
    svc: ['Service address', 'Primary place of use'],
    date: ['Bill date', 'Statement date'],
    name: ['Account holder', 'Account name'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash']);
  const cc = r.int(0, 2);
  const T = doc.alt;
  const header = (): void => {
    doc.text(`${w.acct} ${b.accountNumber}  ·  ${d(b.billDate, 'mon')}`, 572, 30, {
      size: 7,
      color: GREY,
      align: 'right',
    });
  };
  header();
  doc.text('KESTREL', 40, 50, { size: 22, font: T.bold, color: PLUM });
  doc.text('mobile', 40 + doc.width('KESTREL', 22, T.bold) + 4, 50, { size: 22, font: T.ital, color: PLUM });

  // Who the account is: the holder, then authorized users (people who may call about it).
  const authorized = Array.from({ length: r.int(1, 3) }, () => `${r.pick(FIRST)} ${r.pick(LAST)}`).filter(
    (n) => n !== b.accountName,
  );
  // As many as fit beside their caption in the box.
  while (authorized.length > 1 && doc.width(authorized.join(', '), 8, 'bold') > 150) authorized.pop();
  doc.rect(330, 70, 242, 96, { fill: MIST });
  const facts: [string, string][] = [
    [w.name, b.accountName],
    ['Authorized users', authorized.join(', ')],
    [w.date, d(b.billDate, 'month')],
    ['Statement closing date', d(b.periodEnd, 'month')],
    [w.btn, p(b.btn, ps)],
  ];
  let y = 86;
  for (const [l, v] of facts) {
    doc.text(l, 338, y, { size: 7, color: GREY });
    doc.text(v, 564, y, { size: 8, font: 'bold', align: 'right' });
    y += 17;
  }
  doc.lines(nameBlock(b, false), 56, 96, 11, { size: 9 });
  const a = b.service;
  doc.text(`${w.svc}: ${a.line1}${a.line2 ? ' ' + a.line2 : ''}, ${a.city}, ${a.state} ${a.zip}`, 40, 186, {
    size: 8.5,
  });
  summary(doc, 330, 196, 242, b, { size: 7.5 });

  // A card per line; a line with call forwarding names where its calls go.
  y = 290;
  doc.text('Your lines', 40, y, { size: 12, font: T.bold, color: PLUM });
  y += 18;
  const cont = (): number => {
    doc.addPage();
    header();
    return 60;
  };
  b.lines.forEach((l, i) => {
    if (y > 690) y = cont();
    doc.hline(40, 572, y - 10, { color: LIGHT, lw: 0.5 });
    doc.text(withCountry(l.num, cc), 40, y, { size: 9.5, font: 'bold' });
    doc.text(l.user ?? (i === 0 ? b.accountName : `${r.pick(FIRST)} ${r.pick(LAST)}`), 200, y, { size: 9 });
    doc.text(l.plan, 360, y, { size: 8.5, color: GREY });
    doc.text(money(l.charge), 572, y, { size: 9, align: 'right' });
    y += 12;
    if (r.chance(0.35)) {
      const to = elsewhere(r, b);
      doc.text(
        r.pick([
          `Calls forward to ${p(to, ps)} when busy or unanswered`,
          `Call forwarding on: all calls to ${withCountry(to, cc)}`,
          `Conditional call forwarding to ${p(to, ps)}`,
        ]),
        52,
        y,
        { size: 7.5, color: GREY },
      );
      y += 11;
    }
    doc.text(
      `${l.minutes.toLocaleString('en-US')} min   ${l.texts.toLocaleString('en-US')} texts   ${l.dataGb.toFixed(1)} GB`,
      52,
      y,
      { size: 7, color: GREY },
    );
    y += 20;
  });
  if (b.disconnected.length) {
    if (y > 660) y = cont();
    y = removedSection(doc, 40, y + 6, b, { title: 'Lines cancelled this period', style: ps, size: 8 });
  }

  // The payment coupon at the foot of page 1: the account number again, grouped as printed.
  doc.page = doc.pages[0]!;
  doc.hline(40, 572, 716, { color: GREY, lw: 0.5, dash: [3, 2] });
  doc.text('Return this part with your payment', 40, 728, { size: 7, color: GREY });
  doc.text(`${w.acct}: ${b.accountNumber}`, 40, 742, { size: 8.5, font: 'bold' });
  doc.text(`Amount due ${money(b.total)} by ${d(b.dueDate, 'month')}`, 40, 755, { size: 8.5 });
  doc.lines(remitLines('Kestrel Mobile', b.remit), 360, 740, 10, { size: 8 });
  doc.text(`Questions? ${b.tollFree.care}  ·  Lost or stolen phone ${b.tollFree.repair}`, 40, 776, {
    size: 6.5,
    color: GREY,
  });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 42, { size: 7, align: 'right', color: GREY }),
  );
}

export const kestrel: Template = {
  id: 'kestrel-mobile',
  carrier: 'Kestrel Mobile',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'space444',
  businessShare: 0.2,
  lineRange: [2, 7],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 77120', line2: null, city: 'Tempe', state: 'AZ', zip: '85285-7120' },
  layout:
    'family wireless: call-forwarding destinations beside lines, authorized users beside the holder, +1 / 1- number formats, account number only in the page header and coupon, statement closing date beside the bill date',
  suite: 'business',
  faxShare: 0,
  draw,
};
