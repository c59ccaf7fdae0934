// A hosted-voice (UCaaS) business bill, written as a check on structures no other template has:
// a notice that the account number changed (the old number printed beside the new: a port
// request needs the new one), a users table where each person has a 3-4 digit extension beside
// a direct number (an extension is never a phone number; some users have no direct number),
// emergency (E911) locations per user that differ from the service address (a port's service
// address is the account's, not a user's dispatchable location), ISO dates, and the main
// number as the auto attendant.
import { hex, money, type Doc, GREY, LIGHT, table } from '../draw';
import { FIRST, LAST } from '../data';
import { addrLines, type Addr, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { singles } from './business';
import { d, nameBlock, p, period, remitLines, removedSection, summary, words } from './common';
import type { Template } from './types';

const SEA = hex('#1f5f73');
const SAND = hex('#efe8dc');
const ROOMS = [
  'Front Desk',
  'Conference Room',
  'Warehouse',
  'Accounts Payable',
  'Lobby Phone',
  'Training Room',
];

/** A number printed as another carrier system once printed it: two digits, a dash, seven. */
function oldAccount(r: Rng): string {
  return `${r.int(10, 98)}-${r.digits(7)}`;
}

/** A user's dispatchable location: the same building on another floor or suite, or another site. */
function e911Location(r: Rng, b: Bill, i: number): string {
  const a: Addr = b.mailingDiffers && i % 3 === 2 ? b.mailing : b.service;
  const unit = r.pick([`Suite ${r.int(101, 950)}`, `Fl ${r.int(2, 30)}`, `Room ${r.int(100, 499)}`]);
  return `${a.line1}, ${unit}, ${a.city}, ${a.state} ${a.zip.slice(0, 5)}`;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account number', 'New account number', 'Account ID'],
    btn: ['Main number (auto attendant)', 'Company main number', 'Main line'],
    svc: ['Service address', 'Primary service location', 'Site address'],
    date: ['Invoice date', 'Bill date', 'Statement date'],
    name: ['Company', 'Account name', 'Customer'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot']);
  const iso = r.chance(0.7);
  const dateOf = (x: Date): string => (iso ? d(x, 'iso') : d(x, 'month'));
  const T = doc.alt;
  doc.rect(0, 0, 612, 70, { fill: SAND });
  doc.text('driftwood', 40, 42, { size: 24, font: T.ital, color: SEA });
  doc.text('VOICE  ·  HOSTED PBX  ·  UCaaS', 42, 56, { size: 6.5, color: SEA });
  doc.text('Invoice', 572, 42, { size: 16, font: 'bold', color: SEA, align: 'right' });

  // The account facts, right; the mailing block, left.
  const old = oldAccount(r);
  const facts: [string, string][] = [
    [w.name, b.accountName],
    [w.acct, b.accountNumber],
    [w.date, dateOf(b.billDate)],
    ['Billing period', period(b, iso ? 'iso' : 'mdy', ' to ')],
    [w.btn, p(b.btn, ps)],
  ];
  let y = 96;
  for (const [l, v] of facts) {
    doc.text(l, 330, y, { size: 7.5, color: GREY });
    doc.text(v, 572, y, { size: 8.5, font: 'bold', align: 'right' });
    y += 14;
  }
  doc.lines(nameBlock(b, false), 56, 104, 11, { size: 9 });

  // The renumbering notice: the old number is the previous billing system's, not the account's.
  y += 6;
  doc.rect(40, y - 10, 532, 30, { stroke: SEA, lw: 0.6 });
  doc.text(
    `Your account number changed on ${dateOf(b.prevBillDate)}. Previous account number: ${old}.`,
    48,
    y + 1,
    { size: 7.5 },
  );
  doc.text(
    `Please use your new account number ${b.accountNumber} for payments and service requests.`,
    48,
    y + 12,
    { size: 7.5 },
  );
  y += 40;

  const a = b.service;
  doc.text(w.svc, 40, y, { size: 9, font: 'bold', color: SEA });
  y = doc.lines([...addrLines(a)], 40, y + 13, 11, { size: 9 }) + 4;
  summary(doc, 330, y - 40, 242, b, { size: 7.5 });
  y += 30;

  // Users and their numbers. Extensions run from 200; a user without a direct number is reached
  // through the main number.
  // The main number is the auto attendant's row; every other line is a person's or a room's.
  const lines = singles(b).filter((l) => l.num !== b.btn);
  let ext = r.int(2, 7) * 100;
  const person = (): string => r.pick([`${r.pick(FIRST)} ${r.pick(LAST)}`, r.pick(ROOMS)]);
  const people: { name: string; ext: string; num: string | null; plan: string; charge: number }[] = lines.map(
    (l) => ({
      name: l.user ?? person(),
      ext: String((ext += r.int(1, 3))),
      num: l.num,
      plan: l.plan,
      charge: l.charge,
    }),
  );
  // Some extensions with no direct number of their own: reached through the main number.
  for (let k = r.int(1, 3); k > 0; k--)
    people.splice(r.int(0, people.length), 0, {
      name: person(),
      ext: String(r.int(800, 899)),
      num: null,
      plan: 'Extension only',
      charge: 4.99,
    });
  const cont = (): number => {
    doc.addPage();
    doc.text(`Driftwood Voice   ${w.acct}: ${b.accountNumber}   ${dateOf(b.billDate)}`, 40, 40, {
      size: 8,
      color: GREY,
    });
    return 64;
  };
  doc.text('Users and numbers', 40, y, { size: 11, font: 'bold', color: SEA });
  y = table(doc, {
    x: 40,
    y: y + 18,
    cols: [
      { title: 'User', w: 150 },
      { title: 'Ext.', w: 50 },
      { title: 'Direct number', w: 110 },
      { title: 'Seat', w: 150 },
      { title: 'Monthly', w: 72, align: 'right' },
    ],
    rows: [
      ['Auto attendant', '0', p(b.btn, ps), 'Main number', money(9.99)],
      ...people.map((u) => [u.name, u.ext, u.num ? p(u.num, ps) : '—', u.plan, money(u.charge)]),
    ],
    size: 8,
    zebra: SAND,
    bottom: 720,
    onNewPage: cont,
  });

  // Emergency locations: each user's dispatchable address, registered for 911 calls.
  if (y > 620) y = cont();
  doc.text('Emergency (E911) locations', 40, y + 14, { size: 11, font: 'bold', color: SEA });
  const withNumbers = people.filter((u) => u.num).slice(0, r.int(3, 6));
  y = table(doc, {
    x: 40,
    y: y + 32,
    cols: [
      { title: 'User', w: 150 },
      { title: 'Dispatchable location', w: 382 },
    ],
    rows: withNumbers.map((u, i) => [u.name, e911Location(r, b, i)]),
    size: 7.5,
    bottom: 720,
    onNewPage: cont,
  });

  if (b.disconnected.length) {
    if (y > 660) y = cont();
    y = removedSection(doc, 40, y + 16, b, { title: 'Numbers released this period', style: ps, size: 8 });
  }
  doc.page = doc.pages[0]!;
  doc.text(
    `Support ${b.tollFree.care}   Emergency service questions ${b.tollFree.repair}   Remit to ${remitLines('Driftwood Voice', b.remit).join(', ')}`,
    40,
    770,
    { size: 6.5, color: GREY },
  );
  doc.hline(40, 572, 760, { color: LIGHT, lw: 0.4 });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 782, { size: 7, align: 'right', color: GREY }),
  );
}

export const driftwood: Template = {
  id: 'driftwood-voice',
  carrier: 'Driftwood Voice',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 1,
  lineRange: [6, 24],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 6120', line2: null, city: 'Astoria', state: 'OR', zip: '97103-6120' },
  layout:
    'hosted voice: account number changed (old printed beside new), users with extensions beside direct numbers, E911 locations per user unlike the service address, ISO dates',
  suite: 'business',
  faxShare: 0.15,
  draw,
};
