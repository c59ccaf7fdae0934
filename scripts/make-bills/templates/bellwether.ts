// An old ILEC's statement, printed as its mainframe prints every report: Courier, ALL CAPS, fixed
// columns, no boxes. What no other template has:
// - telephone numbers in SPLIT columns under an `NPA  NXX  LINE` (or `AREA EXCH LINE`) header:
//   `312  555  0147   1FB   BUSINESS LINE FLAT RATE`, the line's USOC feature rows under it with
//   no number of their own;
// - the account number in the ILEC form: the BTN, a three-digit customer code and a check digit
//   (`312 555-0147 847 2`), the customer code often printed again as a field of its own;
// - `BILL DATE: DEC 01 25` (MON DD YY) dates, the period and due date the same way;
// - `BILLING NAME:` and the service address in a one-line short form (`SA: 1234 N MAIN ST STE 200,
//   CHICAGO IL 60601` or `LOCATION: ...`);
// - an `OTHER CHARGES AND CREDITS` section of service orders, their order numbers bare digit
//   strings (7-10 digits: some as long as a telephone number), a disconnected line's credit among
//   them in split columns;
// - the business office and repair numbers in the customer's own area code, in the same split form;
// - itemized calls (40%) whose called numbers, split in columns too, are other people's;
// - greenbar paper (35%); each report line one text run (half the bills) or one run per column.
import { hex, type Doc } from '../draw';
import { MON, type Addr, type Bill } from '../model';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import type { Template } from './types';

const SIZE = 8.5;
/** Courier's advance is 0.6 em: the report's columns are character positions. */
const CH = SIZE * 0.6;
const LH = 11;
const X0 = 36;
const GREENBAR = hex('#e3f1e3');

/** A date as the mainframe prints it: `DEC 01 25`. */
function md(d: Date): string {
  return `${MON[d.getUTCMonth()]!.toUpperCase()} ${String(d.getUTCDate()).padStart(2, '0')} ${String(d.getUTCFullYear()).slice(2)}`;
}
/** A number in the report's split columns: `312  555  0147`. */
const split = (n: string, gap: string): string => `${n.slice(0, 3)}${gap}${n.slice(3, 6)}${gap}${n.slice(6)}`;
/** A number as the header and notices print it: `312 555-0147`. */
const ilec = (n: string): string => `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}`;
const amt = (n: number): string => (n < 0 ? `${Math.abs(n).toFixed(2)}CR` : n.toFixed(2));

/** A report line: text placed at character columns. */
type Cell = [col: number, text: string];

const USOC_MAIN = { business: ['1FB', '1MB'], residential: ['1FR', '1MR'] } as const;
const MAIN_DESC: Record<string, string> = {
  '1FB': 'BUSINESS LINE FLAT RATE',
  '1MB': 'BUSINESS LINE MEASURED RATE',
  '1FR': 'RESIDENCE LINE FLAT RATE',
  '1MR': 'RESIDENCE LINE MEASURED RATE',
};
const FEATURE_USOC: Record<string, string> = {
  'Caller ID': 'NSD',
  'Call Waiting': 'ESC',
  'Voice Mail Box': 'MVB',
  'Three-Way Calling': 'ESC3',
  'Call Forward Busy': 'ESX',
  Hunting: 'HTG',
  'Directory Listing': 'ADL',
  'Inside Wire Maintenance': 'IWM',
  'Long Distance Package': 'LDP',
  'Federal SLC': '9ZR',
  'E911 Fee': 'E91',
};

function upperAddr(a: Addr, commas: boolean): string {
  const street = [a.line1, a.line2].filter(Boolean).join(' ');
  return (
    commas ? `${street}, ${a.city}, ${a.state} ${a.zip}` : `${street} ${a.city} ${a.state} ${a.zip}`
  ).toUpperCase();
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const runs = r.chance(0.5);
  const greenbar = r.chance(0.35);
  const gap = r.pick(['  ', '  ', ' ']);
  const head = r.pick(['NPA  NXX  LINE', 'AREA EXCH LINE'] as const);
  const saLabel = r.pick(['SA:', 'LOCATION:']);
  const commas = r.chance(0.6);
  const btnLabel = r.pick(['BILLING TELEPHONE NO', 'BTN', 'MAIN BILLING NUMBER']);
  const showCode = r.chance(0.6);
  const calls = r.chance(0.4);
  const code = b.accountNumber.split(' ')[2]!;
  const name = b.accountName.toUpperCase();
  const carrier = 'BELLWETHER TELEPHONE COMPANY';
  const free = r.shuffle(freeNumbers(b));

  let y = 0;
  let lineNo = 0;
  const put = (cells: Cell[]): void => {
    if (greenbar && Math.floor(lineNo / 3) % 2 === 1)
      doc.rect(X0 - 6, y - LH + 3, 552, LH, { fill: GREENBAR });
    lineNo++;
    if (runs) {
      // the whole report line as one run, its columns padded with spaces
      let s = '';
      for (const [col, t] of cells) s = s.padEnd(col) + t;
      doc.text(s, X0, y, { size: SIZE });
    } else for (const [col, t] of cells) doc.text(t, X0 + col * CH, y, { size: SIZE });
    y += LH;
  };
  const blank = (n = 1): void => {
    lineNo += n;
    y += LH * n;
  };
  const right = (col: number, t: string): Cell => [col - t.length, t];
  const pageHead = (): void => {
    y = 44;
    lineNo = 0;
    put([
      [0, carrier],
      [88, `PAGE ${String(doc.pages.length).padStart(3)}`],
    ]);
    put([
      [0, `ACCOUNT NUMBER ${b.accountNumber}`],
      [46, `BILL DATE: ${md(b.billDate)}`],
    ]);
    blank();
  };
  const room = (n: number): void => {
    if (y + n * LH > 740) {
      doc.addPage();
      pageHead();
    }
  };

  // page 1: the header fields, the mailing block, the summary
  y = 44;
  put([
    [0, carrier],
    [88, 'PAGE   1'],
  ]);
  put([[0, 'CUSTOMER STATEMENT']]);
  blank();
  put([
    [0, 'ACCOUNT NUMBER'],
    [22, b.accountNumber],
    [46, `BILL DATE: ${md(b.billDate)}`],
  ]);
  put([
    [0, showCode ? 'CUSTOMER CODE' : btnLabel],
    [22, showCode ? code : ilec(b.btn)],
    [46, `PAYMENT DUE: ${md(b.dueDate)}`],
  ]);
  put([
    [0, showCode ? btnLabel : ''],
    [22, showCode ? ilec(b.btn) : ''],
    [46, `BILLING PERIOD: ${md(b.periodStart)} THRU ${md(b.periodEnd)}`],
  ]);
  blank();
  put([[0, `BILLING NAME: ${name}`]]);
  put([[0, `${saLabel} ${upperAddr(b.service, commas)}`]]);
  blank(2);
  // the window envelope's block
  const mail = [
    name,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`ATTN ${b.contact.toUpperCase()}`] : []),
    ...[b.mailing.line1, b.mailing.line2].filter((l): l is string => !!l).map((l) => l.toUpperCase()),
    `${b.mailing.city} ${b.mailing.state} ${b.mailing.zip}`.toUpperCase(),
  ];
  for (const l of mail) put([[6, l]]);
  blank(2);

  const monthly = b.lines.reduce((t, l) => t + l.charge + l.features.reduce((u, f) => u + f.amount, 0), 0);
  const orders = otherCharges(b, r);
  const occ = orders.reduce((t, o) => t + o.amount, 0);
  const total = Math.round((b.prevBalance + b.payment + monthly + occ + b.taxes) * 100) / 100;
  put([[0, 'ACCOUNT SUMMARY']]);
  const sum: [string, number][] = [
    ['PREVIOUS BALANCE', b.prevBalance],
    [`PAYMENT RECEIVED ${md(b.prevBillDate)} - THANK YOU`, b.payment],
    ['BALANCE FORWARD', b.prevBalance + b.payment],
    ['MONTHLY SERVICE', monthly],
    ['OTHER CHARGES AND CREDITS', occ],
    ['TAXES SURCHARGES AND FEES', b.taxes],
  ];
  for (const [l, v] of sum) put([[2, l.padEnd(44, '.')], right(62, amt(v))]);
  put([[2, 'TOTAL AMOUNT DUE'], right(62, amt(total))]);
  blank();
  put([[0, `BUSINESS OFFICE ${split(b.office, gap)}      REPAIR SERVICE ${split(b.repairLocal, gap)}`]]);
  put([[0, `HEARING IMPAIRED TTY ${b.tollFree.tty}`]]);
  blank();

  // the service, line by line: the number only on the line's first row
  room(6);
  put([[0, `MONTHLY SERVICE  ${md(b.periodStart)} THRU ${md(b.periodEnd)}`]]);
  put([[0, head], [17, 'USOC'], [24, 'DESCRIPTION'], [62, 'QTY'], right(76, 'AMOUNT')]);
  put([[0, '-'.repeat(76)]]);
  const usoc = USOC_MAIN[b.accountType];
  b.lines.forEach((l, i) => {
    room(2 + l.features.length);
    const main = i === 0 ? usoc[0] : r.pick(usoc);
    put([
      [0, split(l.num, gap)],
      [17, main],
      [24, MAIN_DESC[main]!],
      [63, '1'],
      right(76, l.charge.toFixed(2)),
    ]);
    for (const f of l.features)
      put([
        [17, FEATURE_USOC[f.name] ?? 'ESX'],
        [24, f.name.toUpperCase()],
        [63, '1'],
        right(76, f.amount.toFixed(2)),
      ]);
  });
  if (r.chance(0.5)) {
    // a data service: a row with no number
    put([[17, 'DJ5'], [24, 'HIGH SPEED INTERNET 6M'], [63, '1'], right(76, '0.00')]);
  }
  put([[40, 'TOTAL MONTHLY SERVICE'], right(76, monthly.toFixed(2))]);
  blank();

  // service orders: their numbers are order numbers, never telephone numbers
  room(4 + orders.length);
  put([[0, 'OTHER CHARGES AND CREDITS']]);
  put([[0, 'DATE'], [7, 'ORDER NO'], [20, 'DESCRIPTION'], right(76, 'AMOUNT')]);
  for (const o of orders) put([[0, o.date], [7, o.order], [20, o.desc(gap)], right(76, amt(o.amount))]);
  put([[40, 'TOTAL OTHER CHARGES AND CREDITS'], right(76, amt(occ))]);
  blank();

  if (calls) {
    // toll calls from the customer's lines: the called numbers are other people's, in the same columns
    const n = r.int(3, 9);
    room(4 + n);
    put([[0, `ITEMIZED CALLS - ${ilec(b.btn)}`]]);
    put([
      [0, 'NO'],
      [4, 'DATE'],
      [11, 'TIME'],
      [18, 'PLACE CALLED'],
      [38, head],
      [56, 'MIN'],
      right(76, 'AMOUNT'),
    ]);
    const places = ['SPRINGFIELD IL', 'ROCKFORD IL', 'PEORIA IL', 'DES MOINES IA', 'MILWAUKEE WI', 'GARY IN'];
    for (let k = 0; k < n; k++) {
      const to =
        k % 3 === 0 && free[k]
          ? free[k]!
          : `${r.pick(['217', '815', '309', '515', '414', '219'].filter((a) => a !== b.btn.slice(0, 3)))}555${r.digits(4)}`;
      const day = new Date(b.periodStart.getTime() + 86400000 * r.int(0, 27));
      put([
        [0, String(k + 1).padStart(2)],
        [4, `${String(day.getUTCMonth() + 1).padStart(2, '0')} ${String(day.getUTCDate()).padStart(2, '0')}`],
        [
          11,
          `${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(0, 59)).padStart(2, '0')}${r.pick(['A', 'P'])}`,
        ],
        [18, r.pick(places)],
        [38, split(to, gap)],
        [57, String(r.int(1, 40))],
        right(76, (r.int(5, 300) / 100).toFixed(2)),
      ]);
    }
    blank();
  }

  room(6);
  put([[0, 'TAXES SURCHARGES AND FEES']]);
  const taxes: [string, number][] = [
    ['FEDERAL EXCISE TAX', Math.round(b.taxes * 30) / 100],
    ['STATE 911 SURCHARGE', Math.round(b.taxes * 25) / 100],
    ['MUNICIPAL UTILITY TAX', Math.round(b.taxes * 45) / 100],
  ];
  for (const [l, v] of taxes) put([[2, l], right(76, v.toFixed(2))]);
  blank();

  // the stub: the account again, and a scan line that embeds its digits
  room(9);
  put([[0, '- '.repeat(16) + 'RETURN THIS PORTION WITH YOUR PAYMENT ' + '- '.repeat(12)]]);
  put([
    [0, `ACCOUNT NUMBER ${b.accountNumber}`],
    [46, `AMOUNT DUE ${amt(total)}`],
  ]);
  put([
    [0, name],
    [46, `DUE BY ${md(b.dueDate)}`],
  ]);
  blank();
  put([[46, carrier]]);
  put([[46, b.remit.line1.toUpperCase()]]);
  put([[46, `${b.remit.city} ${b.remit.state} ${b.remit.zip}`.toUpperCase()]]);
  blank();
  const digits = b.accountNumber.replace(/\D/g, '');
  put([[10, `${digits} ${String(Math.round(total * 100)).padStart(9, '0')} ${r.int(0, 9)}`]]);
}

interface Order {
  date: string;
  order: string;
  amount: number;
  desc: (gap: string) => string;
}

/**
 * Service orders of the period: each with an order number of bare digits (some as long as a
 * telephone number), a disconnected line's partial-month credit among them.
 */
function otherCharges(b: Bill, r: Rng): Order[] {
  const day = (): string => {
    const d = new Date(b.periodStart.getTime() + 86400000 * r.int(1, 27));
    return `${String(d.getUTCMonth() + 1).padStart(2, '0')} ${String(d.getUTCDate()).padStart(2, '0')}`;
  };
  const orderNo = (): string => `${r.int(1, 9)}${r.digits(r.pick([6, 7, 8, 9, 9]))}`;
  const out: Order[] = b.disconnected.map((n) => ({
    date: day(),
    order: orderNo(),
    amount: -r.int(200, 2500) / 100,
    desc: (gap: string) => `DISCONNECT ${split(n, gap)} 1FB PARTIAL MONTH CREDIT`,
  }));
  const k = r.int(1, 3);
  for (let i = 0; i < k; i++) {
    const o = orderNo();
    out.push(
      r.pick([
        { date: day(), order: o, amount: 25, desc: () => 'SERVICE ORDER CHARGE' },
        {
          date: day(),
          order: o,
          amount: r.int(100, 900) / 100,
          desc: () => 'CHANGE IN SERVICE - FEATURES ADDED',
        },
        { date: day(), order: o, amount: 0, desc: () => `RECORDS CHANGE ORDER ${o}` },
        {
          date: day(),
          order: o,
          amount: -r.int(100, 500) / 100,
          desc: () => 'LATE PAYMENT CHARGE ADJUSTMENT',
        },
      ]),
    );
  }
  return out;
}

export const bellwether: Template = {
  id: 'bellwether-telephone',
  carrier: 'Bellwether Telephone Company',
  kind: 'wireline',
  family: 'courier',
  alt: 'courier',
  acctStyle: 'ilec',
  businessShare: 0.7,
  lineRange: [1, 12],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 5081', line2: null, city: 'Carol Stream', state: 'IL', zip: '60197-5081' },
  layout:
    'an old ILEC statement printed like a mainframe report (Courier, ALL CAPS, fixed columns): numbers in split NPA NXX LINE columns with USOC rows, the account as BTN + customer code + check digit (312 555-0147 847 2), BILL DATE: DEC 01 25, BILLING NAME and a one-line SA:/LOCATION: service address, OTHER CHARGES AND CREDITS with bare-digit order numbers, itemized calls in split columns',
  suite: 'business',
  faxShare: 0.2,
  draw,
};
