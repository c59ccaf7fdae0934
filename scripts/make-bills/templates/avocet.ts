// A toll-free / contact-centre service bill, as the carriers that sell 8XX numbers print it. What
// no other template has:
// - the account's services are toll-free numbers (800/833/844/855/866/877/888), printed
//   `1-800-555-0142`, `(888) 555-0199`, `800.555.0111` or `8005550142` (one form a bill, or mixed),
//   with a vanity form beside some (`1-800-HARBOR-1`): the digits are the number, the vanity's
//   letters are no second number;
// - each toll-free number's ring-to (terminating) number, in a `Ring-To` column, or under the
//   number as `Rings to 312-555-0147` / `Term. # (312) 555-0147`: some ring to the customer's local
//   lines billed on this account (listed again in a `Local lines` section), some to lines elsewhere
//   (a call centre at another carrier, an answering service) that are not on this account;
// - a RespOrg ID (`AVC01`) and a Carrier Identification Code (`CIC 0432`), which are no numbers;
// - per-number usage with interstate and intrastate minutes, usage by originating state;
// - the carrier's own toll-free care, trouble and billing numbers, shaped like the customer's;
// - an Account Number beside an Invoice Number and a Customer ID; the BTN a local main line, or
//   on some bills a toll-free main number (some of those with no local line at all).
import { GREY, hex, LIGHT, money, table, type Doc } from '../draw';
import { addrLines, type Bill, type Line, fmtPhone } from '../model';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import { d, nameBlock, period, summary, words } from './common';
import type { Template } from './types';

const TEAL = hex('#0d5c63');
const SAND = hex('#eef4f4');
const TF_NPAS = ['800', '833', '844', '855', '866', '877', '888'];
const ELSEWHERE = ['212', '404', '602', '615', '816', '919', '503', '702'];
const STATES: [string, string][] = [
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['WI', 'Wisconsin'],
  ['OH', 'Ohio'],
  ['MI', 'Michigan'],
  ['TX', 'Texas'],
  ['CA', 'California'],
  ['NY', 'New York'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['MN', 'Minnesota'],
  ['MO', 'Missouri'],
];
const VANITY = ['HELP', 'CALL', 'SERVICE', 'ORDERS', 'CARE', 'NOW', 'INFO', 'GO'];

type TfStyle = 'one' | 'paren' | 'dot' | 'bare';
/** A toll-free number in one of the forms toll-free bills print. */
function tf(n: string, s: TfStyle): string {
  if (s === 'bare') return n;
  if (s === 'one') return fmtPhone(n, 'one');
  return fmtPhone(n, s === 'paren' ? 'paren' : 'dot');
}

/**
 * A vanity form of the account's name, seven letters or fewer as the keypad spells them
 * (`1-800-CASTELL`, `1-888-GO-HARBOR`, `1-877-HELP-ACME`): letters, never the number's digits.
 */
function vanity(r: Rng, npa: string, name: string): string {
  const stem = (name.toUpperCase().match(/[A-Z]{3,}/) ?? ['ACME'])[0];
  return r.pick([
    (): string => `1-${npa}-${stem.slice(0, 7)}`,
    (): string => `1-${npa}-GO-${stem.slice(0, 5)}`,
    (): string => {
      const v = r.pick(VANITY.filter((x) => x.length <= 4));
      return `1-${npa}-${v}-${stem.slice(0, 7 - v.length)}`;
    },
    (): string => `${npa}-${stem.slice(0, 7)}`,
  ])();
}

function tfLine(num: string, plan: string, r: Rng): Line {
  return {
    num,
    plan,
    user: null,
    charge: r.int(500, 2500) / 100,
    minutes: r.int(40, 9000),
    dataGb: 0,
    texts: 0,
    features: [],
  };
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Account No.', 'Billing Account'],
    btn: ['Billing Telephone Number', 'Main Number', 'BTN'],
    svc: ['Service Address', 'Service Location', 'Customer Premises'],
    date: ['Bill Date', 'Invoice Date', 'Statement Date'],
    name: ['Account Name', 'Customer Name', 'Billed To'],
  });
  // The account's numbers: toll-free services first, then the local lines the bill also carries.
  const carrierTf = new Set(Object.values(b.tollFree).map((n) => n.replace(/\D/g, '').slice(-10)));
  const tfUsed = new Set<string>();
  const drawTf = (): string => {
    for (;;) {
      const n = `${r.pick(TF_NPAS)}55501${String(r.int(0, 99)).padStart(2, '0')}`;
      if (!carrierTf.has(n) && !tfUsed.has(n)) {
        tfUsed.add(n);
        return n;
      }
    }
  };
  const tollBtn = r.chance(0.3);
  const local = tollBtn && r.chance(0.5) ? [] : b.lines;
  const tfNums = Array.from({ length: r.int(2, 8) }, drawTf);
  const tfGone = r.chance(0.45) ? Array.from({ length: r.int(1, 2) }, drawTf) : [];
  const tfPlans = ['Toll-Free Inbound', 'Toll-Free Inbound', 'Enhanced Toll-Free', 'Toll-Free w/ Routing'];
  const tfLines = tfNums.map((n) => tfLine(n, r.pick(tfPlans), r));
  // Each toll-free number rings to a local line of this account or to a line billed elsewhere.
  const free = r.shuffle(freeNumbers(b));
  const outside = (): string =>
    r.chance(0.5) && free.length
      ? free.pop()!
      : `${r.pick(ELSEWHERE)}55501${String(r.int(0, 99)).padStart(2, '0')}`;
  const ringTo = tfNums.map((): string => (local.length && r.chance(0.55) ? r.pick(local).num : outside()));
  const elsewhere = ringTo.filter((n) => !local.some((l) => l.num === n));
  b.lines = [...tfLines, ...local];
  if (tollBtn) b.btn = tfNums[0]!;
  // A port order takes toll-free numbers apart from local lines (the RespOrg letter covers the
  // first, the LOA the second): the request names one kind, and its stray number is of that kind
  // (a toll-free number disconnected or never the account's; a ring-to line billed elsewhere).
  const tfNeighbours = Array.from({ length: 4 }, drawTf);
  const localGone = local.length ? b.disconnected : [];
  b.disconnected = [...tfGone, ...localGone];
  const localOrder = local.length > 0 && r.chance(0.3);
  const strays = [...elsewhere, ...localGone];
  if (!strays.length) strays.push(outside());
  b.order = localOrder
    ? { nums: local.map((l) => l.num), notOnBill: strays }
    : { nums: tfNums, notOnBill: [...tfGone, ...tfNeighbours] };

  const mixed = r.chance(0.25);
  const base: TfStyle = r.pick(['one', 'paren', 'dot', 'bare', 'one']);
  const style = (): TfStyle => (mixed ? r.pick(['one', 'paren', 'dot', 'bare']) : base);
  const ps = r.pick(['dash', 'paren', 'dot'] as const);
  const ringForm = r.pick(['column', 'rings', 'term'] as const);
  const resporg = `${r.pick(['AVC', 'AVO', 'AVT'])}${r.pick(['01', '02', '03', '11'])}`;
  const cic = r.pick(['0', '5', '1']) + r.digits(3);
  const invoice = r.chance(0.5) ? `${r.int(1, 9)}${r.digits(9)}` : `INV-${r.digits(7)}`;
  const custId = r.chance(0.5) ? `C${r.digits(6)}` : `${r.int(1, 9)}${r.digits(5)}`;
  const dateStyle = r.pick(['mon', 'month', 'mdy'] as const);

  // Usage per number, and the charges it adds (the summary's current charges are the bill's own).
  const usage = tfLines.map((l) => {
    const intra = Math.round(l.minutes * r.float(0.1, 0.45));
    const calls = Math.max(1, Math.round(l.minutes / r.float(2.5, 6)));
    return { calls, inter: l.minutes - intra, intra, amount: Math.round(l.minutes * 2.9) / 100 };
  });
  const cents = (n: number): number => Math.round(n * 100) / 100;
  b.current = cents(b.lines.reduce((t, l) => t + l.charge, 0) + usage.reduce((t, u) => t + u.amount, 0));
  b.taxes = cents(b.current * r.float(0.08, 0.16));
  b.total = cents(b.prevBalance + b.payment + b.current + b.taxes);

  const cont = (): number => {
    doc.addPage();
    return 78;
  };

  // Page 1: the logo, the account box, bill to, the profile, the summary, care numbers.
  doc.text('avocet', 40, 52, { size: 26, font: 'bold', color: TEAL });
  doc.text('COMMUNICATIONS', 42, 64, { size: 7.5, color: TEAL });
  doc.text('Toll-Free & Contact Center Services', 42, 76, { size: 8, font: 'ital', color: GREY });
  const facts: [string, string][] = r.shuffle([
    [w.acct, b.accountNumber],
    ['Invoice Number', invoice],
    ['Customer ID', custId],
  ] as [string, string][]);
  facts.push(
    [w.date, d(b.billDate, dateStyle)],
    ['Billing Period', period(b, 'mdy')],
    ['Payment Due', d(b.dueDate, dateStyle)],
  );
  doc.rect(340, 30, 232, 14 + facts.length * 13, { stroke: TEAL, lw: 0.8 });
  facts.forEach(([l, v], k) => {
    doc.text(l, 348, 44 + k * 13, { size: 8, color: GREY });
    doc.text(v, 564, 44 + k * 13, { size: 8.5, font: 'bold', align: 'right' });
  });

  let y = 130;
  doc.lines(nameBlock(b, r.chance(0.3)), 60, y, 11, { size: 9 });

  y = Math.max(y + 70, 44 + facts.length * 13 + 30);
  doc.rect(40, y, 532, 18, { fill: TEAL });
  doc.text('ACCOUNT PROFILE', 48, y + 12.5, { size: 9, font: 'bold', color: hex('#ffffff') });
  y += 32;
  const prof: [string, string[]][] = [
    [w.name, [b.accountName]],
    [w.btn, [tollBtn ? tf(b.btn, base) : fmtPhone(b.btn, ps)]],
    [w.svc, addrLines(b.service)],
  ];
  let py = y;
  for (const [l, v] of prof) {
    doc.text(l, 48, py, { size: 8, color: GREY });
    py = doc.lines(v, 170, py, 11, { size: 9, font: 'bold' }) + 3;
  }
  const ids: [string, string][] = [
    [r.pick(['RespOrg ID', 'RespOrg', 'Resp Org ID']), resporg],
    [r.pick(['Carrier ID Code (CIC)', 'CIC', 'Carrier Identification Code']), cic],
    ['Toll-free numbers', String(tfNums.length)],
    ['Local lines', String(local.length)],
  ];
  ids.forEach(([l, v], k) => {
    doc.text(l, 380, y + k * 13, { size: 8, color: GREY });
    doc.text(v, 564, y + k * 13, { size: 9, font: 'bold', align: 'right' });
  });
  y = Math.max(py, y + ids.length * 13) + 14;

  doc.text('Account Summary', 48, y, { size: 11, font: 'bold', color: TEAL });
  y = summary(doc, 48, y + 18, 300, b, { size: 8.5 }) + 10;

  doc.rect(40, y, 532, 52, { fill: SAND });
  doc.text('Questions about this bill?', 48, y + 14, { size: 8.5, font: 'bold' });
  doc.text(
    `Customer Care ${b.tollFree.care} (24/7)   Toll-free trouble reporting ${b.tollFree.repair}`,
    48,
    y + 28,
    { size: 8 },
  );
  doc.text(
    `Billing inquiries ${b.tollFree.billing}   TTY ${b.tollFree.tty}   avocetcomm.com/support`,
    48,
    y + 41,
    {
      size: 8,
    },
  );

  // Page 2: the toll-free numbers, their usage, usage by state, the local lines.
  y = cont();
  doc.text('Toll-Free Numbers', 40, y, { size: 12, font: 'bold', color: TEAL });
  y += 8;
  const vanities = tfNums.map((n) => (r.chance(0.45) ? vanity(r, n.slice(0, 3), b.accountName) : ''));
  const styles = tfNums.map(() => style());
  if (ringForm === 'column') {
    y = table(doc, {
      x: 40,
      y: y + 16,
      cols: [
        { title: 'Toll-Free Number', w: 104 },
        { title: 'Vanity', w: 104 },
        { title: 'Ring-To', w: 96 },
        { title: 'Service', w: 150 },
        { title: 'Monthly', w: 78, align: 'right' },
      ],
      rows: tfLines.map((l, i) => [
        tf(l.num, styles[i]!),
        vanities[i]!,
        fmtPhone(ringTo[i]!, ps),
        l.plan,
        money(l.charge),
      ]),
      size: 8,
      headFill: SAND,
      rule: TEAL,
      bottom: 720,
      onNewPage: cont,
    });
  } else {
    y += 20;
    tfLines.forEach((l, i) => {
      if (y > 700) y = cont();
      doc.text(tf(l.num, styles[i]!), 48, y, { size: 9, font: 'bold' });
      if (vanities[i]) doc.text(`(${vanities[i]})`, 150, y, { size: 8.5, color: GREY });
      doc.text(l.plan, 290, y, { size: 8.5 });
      doc.text(money(l.charge), 564, y, { size: 8.5, align: 'right' });
      const to = fmtPhone(ringTo[i]!, ps);
      doc.text(ringForm === 'rings' ? `Rings to ${to}` : `Term. # ${to}`, 60, y + 11, {
        size: 7.5,
        color: GREY,
      });
      doc.hline(40, 572, y + 16, { color: LIGHT, lw: 0.4 });
      y += 26;
    });
  }
  if (tfGone.length) {
    y += 10;
    if (y > 690) y = cont();
    doc.text('Toll-free numbers disconnected this period', 40, y, { size: 9, font: 'bold' });
    y += 13;
    for (const n of tfGone) {
      doc.text(`${tf(n, base)}   Disconnected ${d(b.periodStart, 'mdy')} - returned to spare`, 48, y, {
        size: 8,
        color: GREY,
      });
      y += 11;
    }
  }

  // Usage by number: interstate and intrastate minutes.
  y += 18;
  if (y > 640) y = cont();
  doc.text('Toll-Free Usage by Number', 40, y, { size: 11, font: 'bold', color: TEAL });
  const usageForm: TfStyle = r.pick(['bare', 'one', 'dot']);
  y = table(doc, {
    x: 40,
    y: y + 16,
    cols: [
      { title: 'Number', w: 110 },
      { title: 'Calls', w: 60, align: 'right' },
      { title: 'Interstate Min', w: 90, align: 'right' },
      { title: 'Intrastate Min', w: 90, align: 'right' },
      { title: 'Total Min', w: 80, align: 'right' },
      { title: 'Usage Charges', w: 102, align: 'right' },
    ],
    rows: tfLines.map((l, i) => {
      const u = usage[i]!;
      const g = (n: number): string => n.toLocaleString('en-US');
      return [tf(l.num, usageForm), g(u.calls), g(u.inter), g(u.intra), g(l.minutes), money(u.amount)];
    }),
    size: 8,
    rule: LIGHT,
    bottom: 720,
    onNewPage: cont,
  });

  // Usage by originating state.
  y += 16;
  if (y > 640) y = cont();
  doc.text('Usage by Originating State', 40, y, { size: 11, font: 'bold', color: TEAL });
  const states = r.shuffle(STATES).slice(0, r.int(4, 8));
  const fullName = r.chance(0.5);
  y = table(doc, {
    x: 40,
    y: y + 16,
    cols: [
      { title: 'State', w: 120 },
      { title: 'Calls', w: 80, align: 'right' },
      { title: 'Minutes', w: 90, align: 'right' },
      { title: 'Amount', w: 90, align: 'right' },
    ],
    rows: states.map(([ab, full]) => {
      const m = r.int(12, 4200);
      return [fullName ? full : ab, String(r.int(3, 900)), m.toLocaleString('en-US'), money(m * 0.029)];
    }),
    size: 8,
    rule: LIGHT,
    bottom: 720,
    onNewPage: cont,
  });

  // The local lines this account bills (the ring-to lines that are the customer's own).
  if (local.length) {
    y += 16;
    if (y > 660) y = cont();
    doc.text(r.pick(['Local Lines', 'Local Service', 'Business Lines']), 40, y, {
      size: 11,
      font: 'bold',
      color: TEAL,
    });
    y = table(doc, {
      x: 40,
      y: y + 16,
      cols: [
        { title: 'Telephone Number', w: 120 },
        { title: 'Service', w: 300 },
        { title: 'Monthly', w: 112, align: 'right' },
      ],
      rows: local.map((l) => [fmtPhone(l.num, ps), l.plan, money(l.charge)]),
      size: 8,
      rule: LIGHT,
      bottom: 720,
      onNewPage: cont,
    });
    if (localGone.length) {
      y += 8;
      for (const n of localGone) {
        if (y > 730) y = cont();
        doc.text(`${fmtPhone(n, ps)}   Disconnected ${d(b.periodStart, 'mdy')}`, 48, y, {
          size: 8,
          color: GREY,
        });
        y += 11;
      }
    }
  }

  doc.eachPage((i, n) => {
    if (i > 0) {
      doc.text('avocet communications', 40, 40, { size: 10, font: 'bold', color: TEAL });
      doc.text(`${w.acct} ${b.accountNumber}   ${d(b.billDate, dateStyle)}`, 572, 40, {
        size: 7.5,
        align: 'right',
      });
      doc.hline(40, 572, 48, { color: TEAL, lw: 0.8 });
    }
    doc.text(
      `RespOrg ${resporg}  ·  CIC ${cic}  ·  Care ${b.tollFree.care}  ·  Page ${i + 1} of ${n}`,
      306,
      770,
      { size: 6.5, color: GREY, align: 'center' },
    );
  });
}

export const avocet: Template = {
  id: 'avocet-communications',
  carrier: 'Avocet Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'dash433',
  businessShare: 1,
  lineRange: [1, 4],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 4418', line2: null, city: 'Carol Stream', state: 'IL', zip: '60197-4418' },
  layout:
    'a toll-free / contact-centre service bill: toll-free numbers (1-800-555-0142, (888) 555-0199, 800.555.0111, 8005550142) with vanity forms and ring-to numbers (a Ring-To column, "Rings to", "Term. #"), some ringing to local lines on the account, some to lines elsewhere; RespOrg ID and CIC; usage by number (interstate / intrastate) and by originating state; an Account Number beside an Invoice Number and a Customer ID',
  suite: 'business',
  faxShare: 0.1,
  draw,
};
