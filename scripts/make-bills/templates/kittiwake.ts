// A small independent telephone company's (ILEC's) bill, as rural telcos print it. What no other
// template has:
// - the lines printed without their area code, the area code given once for all of them: seven
//   digits under `Area code 618` / `All numbers are in area code (618)` (`555-0147` or `5550147`),
//   or only their last four under an exchange heading (`Exchange: 618-555`, `(618) 555-`), in rows
//   or in a grid (`0147   0148   0162`);
// - shorthand: `618-555-0100, -0101, -0102 and -0145` in a sentence, a block `555-0100 through
//   -0119`, a hunt group's members by their last four (`Hunt group: 0100, 0101, 0102`);
// - the same lines elsewhere in forms of their own: `618/555-0147`, `(618)5550147`,
//   `618 5550147`, `+1 (618) 555-0147`, `1.618.555.0147`;
// - the BTN with its area code, or (on some bills) in seven digits only;
// - seven-digit things that are no numbers beside them: an invoice number `483-2291`, a
//   customer ID `5550193`, a service order number, a seven-digit account number, repair `611`,
//   the company's own business office in the same exchange, local calls to other people.
import { GREY, hex, LIGHT, money, type Doc } from '../draw';
import { addrLines, type Bill, type Line } from '../model';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import { d, nameBlock, period, summary, words } from './common';
import type { Template } from './types';

const SLATE = hex('#24476b');
const WASH = hex('#eef2f6');

/** How the lines are listed: seven-digit rows, last-four rows under an exchange, a grid, a sentence. */
type Listing = 'rows7' | 'exchange' | 'grid' | 'prose';
/** The full forms the line detail prints. */
type Full = 'slash' | 'tight' | 'space7' | 'plus' | 'dots' | 'dash';

function full(n: string, f: Full): string {
  const a = n.slice(0, 3);
  const x = n.slice(3, 6);
  const l = n.slice(6);
  switch (f) {
    case 'slash':
      return `${a}/${x}-${l}`;
    case 'tight':
      return `(${a})${x}${l}`;
    case 'space7':
      return `${a} ${x}${l}`;
    case 'plus':
      return `+1 (${a}) ${x}-${l}`;
    case 'dots':
      return `1.${a}.${x}.${l}`;
    case 'dash':
      return `${a}-${x}-${l}`;
  }
}

/** Groups of the account's lines: runs of consecutive numbers (a block, a hunt group) or one line. */
function runsOf(nums: string[]): string[][] {
  const sorted = [...nums].sort();
  const out: string[][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.slice(0, 6) === n.slice(0, 6) && Number(n.slice(6)) === Number(prev.slice(6)) + 1)
      last.push(n);
    else out.push([n]);
  }
  return out;
}

/** A block of consecutive numbers in the BTN's exchange, where no number of the bill stands. */
function addBlock(b: Bill, r: Rng): void {
  const used = new Set([...b.lines.map((l) => l.num), ...b.disconnected, b.office, b.repairLocal, b.fax]);
  const head = b.btn.slice(0, 6) + '01';
  const size = r.int(5, 16);
  const starts: number[] = [];
  for (let s = 0; s + size <= 99; s++) {
    let ok = true;
    // (one free number on either side: the request's "just past the block" must be no line)
    for (let k = s - 1; k <= s + size && ok; k++) {
      if (k < 0 || k > 99) continue;
      if (used.has(head + String(k).padStart(2, '0'))) ok = false;
    }
    if (ok) starts.push(s);
  }
  if (!starts.length) return;
  const s = r.pick(starts);
  const first = head + String(s).padStart(2, '0');
  const charge = Math.round(size * r.float(0.5, 1.5) * 100) / 100;
  b.blocks = [{ first, count: size, charge }];
  for (let k = 0; k < size; k++) {
    const num = head + String(s + k).padStart(2, '0');
    const l: Line = {
      num,
      plan: 'DID number',
      user: null,
      charge: 0,
      minutes: r.int(0, 900),
      dataGb: 0,
      texts: 0,
      features: [],
    };
    b.lines.push(l);
  }
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Account No.', 'Acct. No.'],
    btn: ['Billing Telephone Number', 'Main Number', 'Telephone Number'],
    svc: ['Service Address', 'Service Location', 'Location of Service'],
    date: ['Bill Date', 'Statement Date', 'Date of Bill'],
    name: ['Account Name', 'Customer Name', 'Billed To'],
  });
  if (b.accountType === 'business' && r.chance(0.4)) addBlock(b, r);
  const npa = b.btn.slice(0, 3);
  const nxx = b.btn.slice(3, 6);
  // the account number: seven digits on a share, as a small company's billing system numbers them
  const acctForm = r.pick(['long', 'long', 'dash7', 'bare7'] as const);
  if (acctForm !== 'long') {
    const a = `${r.int(1, 9)}${r.digits(6)}`;
    b.accountNumber = acctForm === 'dash7' ? `${a.slice(0, 3)}-${a.slice(3)}` : a;
  }
  const listing: Listing = r.pick(['rows7', 'exchange', 'grid', 'prose']);
  const bare = r.chance(0.4); // rows7: `5550147` rather than `555-0147`
  const fullForm: Full = r.pick(['slash', 'tight', 'space7', 'plus', 'dots', 'dash']);
  const btn7 = r.chance(0.25); // the BTN only in seven digits, the area code in the heading
  const hunt = r.chance(0.55); // a run of 2-4 printed as a hunt group by its members' last fours
  const seven = (n: string): string => (bare ? n.slice(3) : `${n.slice(3, 6)}-${n.slice(6)}`);
  const dash7 = (n: string): string => `${n.slice(3, 6)}-${n.slice(6)}`;
  const dateStyle = r.pick(['mon', 'mdy', 'month'] as const);

  // Identifiers of seven digits that are no numbers.
  const free = r.shuffle(freeNumbers(b));
  const shaped = (): string => (free.length ? free.pop()!.slice(3) : `${r.int(2, 9)}${r.digits(6)}`);
  const invRaw = r.chance(0.5) ? shaped() : `${r.int(2, 9)}${r.digits(6)}`;
  const invoice = r.chance(0.6) ? `${invRaw.slice(0, 3)}-${invRaw.slice(3)}` : invRaw;
  const custId = r.chance(0.5) ? shaped() : `${r.int(2, 9)}${r.digits(6)}`;

  // Page 1: the logo, the facts, the mailing block, the summary.
  doc.text('Kittiwake', 40, 50, { size: 24, font: doc.alt.bold, color: SLATE });
  doc.text('TELEPHONE COMPANY', 42, 62, { size: 7.5, color: SLATE });
  doc.text(r.pick(['An independent telephone company', 'Serving the valley since 1909']), 42, 73, {
    size: 7,
    color: GREY,
  });
  const btnText = btn7
    ? dash7(b.btn)
    : r.pick([`(${npa}) ${dash7(b.btn)}`, `${npa}-${dash7(b.btn)}`, full(b.btn, fullForm)]);
  const facts: [string, string][] = [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, dateStyle)],
    [w.btn, btnText],
    ...r.shuffle<[string, string]>([
      [r.pick(['Invoice No.', 'Invoice Number', 'Bill No.']), invoice],
      [r.pick(['Customer ID', 'Cust. ID', 'ID']), custId],
    ]),
    ['Billing Period', period(b, 'mdy')],
    ['Payment Due', d(b.dueDate, dateStyle)],
  ];
  let y = 40;
  doc.rect(336, 28, 236, 10 + facts.length * 12.5, { fill: WASH });
  for (const [l, v] of facts) {
    doc.text(l, 344, y, { size: 7.5, color: GREY });
    doc.text(v, 564, y, { size: 8.5, font: 'bold', align: 'right' });
    y += 12.5;
  }
  doc.lines(nameBlock(b, r.chance(0.4)), 56, 118, 11, { size: 9 });
  y = Math.max(y + 16, 190);
  doc.text(`${w.name}: ${b.accountName}`, 40, y, { size: 8.5 });
  doc.text(`${w.svc}: ${addrLines(b.service).join(', ')}`, 40, y + 12, { size: 8.5 });
  y = summary(doc, 330, y + 36, 242, b, { size: 7.5 });
  const sumY = y;

  // The company's own numbers, in the customer's exchange, captioned as the company's.
  const office7 = r.chance(0.6);
  const officeText = office7 ? dash7(b.office) : `(${npa}) ${dash7(b.office)}`;
  doc.text('Business Office', 40, sumY - 52, { size: 8, font: 'bold' });
  doc.text(`${officeText}  Mon-Fri 8-4:30`, 40, sumY - 41, { size: 8 });
  doc.text(r.pick(['Repair: dial 611', 'To report trouble dial 611', 'Repair Service 611']), 40, sumY - 30, {
    size: 8,
  });

  // The lines.
  y = sumY + 12;
  doc.rect(40, y - 11, 532, 16, { fill: SLATE });
  doc.text('LOCAL SERVICE', 46, y, { size: 9, font: 'bold', color: hex('#ffffff') });
  const declare = r.pick([`Area code ${npa}`, `All numbers are in area code (${npa})`, `Area Code: ${npa}`]);
  const exchangeHead = r.pick([`Exchange: ${npa}-${nxx}`, `(${npa}) ${nxx}-`, `Exchange ${npa}-${nxx}`]);
  if (listing === 'rows7' || listing === 'prose')
    doc.text(declare, 566, y, { size: 8, color: hex('#ffffff'), align: 'right' });
  y += 20;
  const nums = b.lines.map((l) => l.num);
  const byNum = new Map(b.lines.map((l) => [l.num, l]));
  const runs = runsOf(nums);
  const bottom = 700;
  const cont = (): number => {
    doc.addPage();
    doc.text(`Kittiwake Telephone Company   ${w.acct} ${b.accountNumber}`, 40, 40, { size: 8, color: GREY });
    return 64;
  };
  const row = (a: string, plan: string, amount: string, bold = true): void => {
    if (y > bottom) y = cont();
    doc.text(a, 48, y, { size: 8.5, font: bold ? 'bold' : 'reg' });
    doc.text(plan, 190, y, { size: 8.5 });
    doc.text(amount, 564, y, { size: 8.5, align: 'right' });
    y += 12.5;
  };
  const isBlock = (g: string[]): boolean => b.blocks.some((k) => k.first === g[0]);
  const blockCharge = (): number => b.blocks[0]?.charge ?? 0;
  const planOf = (n: string): string => byNum.get(n)!.plan;
  const chargeOf = (n: string): number => byNum.get(n)!.charge;

  if (listing === 'rows7' || listing === 'exchange') {
    if (listing === 'exchange') {
      doc.text(exchangeHead, 48, y, { size: 8.5, font: 'bold' });
      y += 13;
    }
    const label = (n: string): string => (listing === 'exchange' ? n.slice(6) : seven(n));
    for (const g of runs) {
      if (isBlock(g) || g.length >= 5) {
        const last = g[g.length - 1]!;
        const ends =
          listing === 'exchange'
            ? `${g[0]!.slice(6)} through ${last.slice(6)}`
            : `${dash7(g[0]!)} through -${last.slice(6)}`;
        row(ends, `DID block (${g.length} numbers)`, money(isBlock(g) ? blockCharge() : 0));
      } else if (hunt && g.length >= 2) {
        row(label(g[0]!), 'Hunt group pilot', money(chargeOf(g[0]!)));
        row(
          `${r.pick(['Hunt group:', 'Hunt grp:', 'Hunting:'])} ${g.map((n) => n.slice(6)).join(', ')}`,
          'Hunt group members',
          money(g.slice(1).reduce((t, n) => t + chargeOf(n), 0)),
          false,
        );
      } else for (const n of g) row(label(n), planOf(n), money(chargeOf(n)));
    }
  } else if (listing === 'grid') {
    doc.text(
      r.pick([`Lines in exchange ${npa}-${nxx}:`, `${exchangeHead}`, `Your lines, ${exchangeHead}`]),
      48,
      y,
      { size: 8.5, font: 'bold' },
    );
    y += 14;
    const tails = [...nums].sort().map((n) => n.slice(6));
    for (let i = 0; i < tails.length; i += 8) {
      if (y > bottom) y = cont();
      tails.slice(i, i + 8).forEach((t, k) => doc.text(t, 56 + k * 58, y, { size: 9, font: 'bold' }));
      y += 13;
    }
    y += 4;
    row(
      `${nums.length} line${nums.length > 1 ? 's' : ''}`,
      'Local exchange service',
      money(b.lines.reduce((t, l) => t + l.charge, 0)),
      false,
    );
  } else {
    // prose: the lines in one sentence, the first in full and the rest by their shorthand
    const parts: string[] = [];
    runs.forEach((g, i) => {
      const first = i === 0 ? `${npa}-${dash7(g[0]!)}` : r.chance(0.5) ? `-${g[0]!.slice(6)}` : dash7(g[0]!);
      if (g.length >= 3) parts.push(`${first} through -${g[g.length - 1]!.slice(6)}`);
      else {
        parts.push(first);
        for (const n of g.slice(1)) parts.push(`-${n.slice(6)}`);
      }
    });
    const list =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
    const s = `${r.pick(['Your lines:', 'Lines billed on this account:', 'This bill covers lines'])} ${list}.`;
    let line = '';
    for (const word of s.split(' ')) {
      const t = line ? `${line} ${word}` : word;
      if (doc.width(t, 8.5) > 500 && line) {
        doc.text(line, 48, y, { size: 8.5 });
        y += 12;
        line = word;
      } else line = t;
    }
    doc.text(line, 48, y, { size: 8.5 });
    y += 16;
    row(
      `${nums.length} line${nums.length > 1 ? 's' : ''}`,
      'Local exchange service',
      money(b.lines.reduce((t, l) => t + l.charge, 0)),
      false,
    );
  }

  if (b.disconnected.length) {
    y += 6;
    for (const n of b.disconnected) {
      if (y > bottom) y = cont();
      const shown = listing === 'exchange' || listing === 'grid' ? n.slice(6) : dash7(n);
      doc.text(`${shown}   Disconnected ${d(b.periodStart, 'mdy')} - credit`, 48, y, {
        size: 8,
        color: GREY,
      });
      y += 11;
    }
  }
  doc.hline(40, 572, y - 4, { color: LIGHT, lw: 0.5 });

  // Line detail: some lines again, in a full form of their own.
  y += 12;
  if (y > bottom - 30) y = cont();
  doc.text(r.pick(['LINE DETAIL', 'FEATURES BY LINE', 'DIRECTORY LISTINGS']), 40, y, {
    size: 9,
    font: 'bold',
    color: SLATE,
  });
  y += 14;
  // (a block's numbers are billed with the block: they have no features of their own)
  const others = nums.filter((n) => n !== b.btn && planOf(n) !== 'DID number');
  const detail = [b.btn, ...r.shuffle(others).slice(0, r.int(0, 3))];
  for (const n of detail) {
    if (y > bottom) y = cont();
    const l = byNum.get(n)!;
    doc.text(full(n, fullForm), 48, y, { size: 8.5 });
    doc.text(l.features.map((f) => f.name).join(', ') || 'No features', 190, y, { size: 8 });
    doc.text(money(l.features.reduce((t, f) => t + f.amount, 0)), 564, y, { size: 8.5, align: 'right' });
    y += 12;
  }

  // Other charges: a service order number of seven digits, no number.
  y += 10;
  if (y > bottom - 20) y = cont();
  const order = r.chance(0.5) ? shaped() : `${r.int(2, 9)}${r.digits(6)}`;
  doc.text(
    `${r.pick(['Service order', 'Order No.', 'Change order'])} ${r.chance(0.5) ? `${order.slice(0, 3)}-${order.slice(3)}` : order}  ${d(b.periodStart, 'mdy')}  ${r.pick(['Feature change', 'Records change', 'Directory listing change'])}`,
    48,
    y,
    { size: 8 },
  );
  doc.text(money(r.int(0, 2500) / 100), 564, y, { size: 8, align: 'right' });
  y += 14;

  // Local measured calls on some bills: other people's numbers, in seven digits too.
  if (r.chance(0.4) && free.length > 3) {
    if (y > bottom - 40) y = cont();
    doc.text('LOCAL MEASURED CALLS', 40, y, { size: 9, font: 'bold', color: SLATE });
    y += 13;
    const k = r.int(2, 5);
    for (let i = 0; i < k && free.length; i++) {
      if (y > bottom) y = cont();
      const when = new Date(b.periodStart.getTime() + r.int(1, 27) * 86400000);
      const called = r.chance(0.6) ? free.pop()! : `${npa}${r.pick(['457', '462', '725'])}${r.digits(4)}`;
      doc.text(d(when, 'mdy'), 48, y, { size: 8 });
      doc.text(`${r.int(7, 18)}:${String(r.int(0, 59)).padStart(2, '0')}`, 110, y, { size: 8 });
      doc.text(dash7(called), 160, y, { size: 8 });
      doc.text(`${r.int(1, 40)} min`, 260, y, { size: 8 });
      doc.text(money(r.int(5, 300) / 100), 564, y, { size: 8, align: 'right' });
      y += 11;
    }
  }

  doc.page = doc.pages[0]!;
  doc.text(`Kittiwake Telephone Company  ·  Business Office ${officeText}  ·  ${b.tollFree.care}`, 306, 772, {
    size: 6.5,
    color: GREY,
    align: 'center',
  });
}

export const kittiwake: Template = {
  id: 'kittiwake-telephone',
  carrier: 'Kittiwake Telephone Company',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 0.6,
  lineRange: [1, 7],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 118', line2: null, city: 'Anna', state: 'IL', zip: '62906-0118' },
  layout:
    'a small independent telco (ILEC): lines without their area code, which is given once (seven digits under "Area code 618", last fours under an exchange heading "(618) 555-", a grid of last fours), shorthand lists ("618-555-0100, -0101 and -0145", "555-0100 through -0119", "Hunt group: 0100, 0101, 0102"), full forms 618/555-0147, (618)5550147, 618 5550147, +1 (618) 555-0147, 1.618.555.0147; seven-digit invoice, customer ID, order and account numbers, repair 611 and the business office in the same exchange',
  suite: 'business',
  faxShare: 0,
  draw,
};
