// A business carrier whose billing system prints what no other template does:
// - half its bills show the account number ONLY masked, everywhere (`Account ending in 4821`,
//   `A/C No. ****4821`, `Acct # XXXX-XXXX-4821`): page header, continuation pages and stub. The
//   truth has no account number (null): intake is right only when it reads none, and the check
//   must say the bill shows it masked. An Invoice No. and a stub scan line built from the invoice
//   (never the account) stand where a guess could take them;
// - labels `A/C No.`, `Acct #`, `Billing Telephone No.`, `Billing Tel. No.`;
// - dates in ISO (`2025-04-07`) or as DD-MON-YY (`07-APR-25`), the service period too;
// - numbers as billing exports print them: bare ten digits (`3125550100`) or E.164
//   (`+1 312 555 0100`, `+13125550100`) in the lines table, and again in a usage-by-line table;
// - a service location whose second line holds two units (`Bldg 2, Ste 300`, `Floor 4, Suite 410`);
// - a long-distance call list (half the bills) whose called numbers, bare, are other people's.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, MON, type Bill } from '../model';
import { luhnDigit } from '../check-digits';
import type { Rng } from '../rng';
import { removedSection, remitLines, summary } from './common';
import type { Template } from './types';

const PINE = hex('#2f4f3a');
const MIST = hex('#edf2ee');

/** A date as this billing system prints it. */
function jd(d: Date, style: 'iso' | 'dmy2'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (style === 'iso') return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${pad(d.getUTCDate())}-${MON[d.getUTCMonth()]!.toUpperCase()}-${String(d.getUTCFullYear()).slice(2)}`;
}

/** A number as an export prints it: bare ten digits or E.164, spaced or not. */
function jp(n: string, style: 'bare' | 'e164' | 'e164s'): string {
  if (style === 'bare') return n;
  if (style === 'e164') return `+1${n}`;
  return `+1 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
}

/** The masked forms, one per bill; the label is printed before all but the sentence. */
function maskedForm(acct: string, r: Rng): { sentence: boolean; value: string } {
  const last4 = acct.replace(/[^0-9A-Za-z]/g, '').slice(-4);
  return r.pick([
    { sentence: true, value: `Account ending in ${last4}` },
    { sentence: false, value: `****${last4}` },
    { sentence: false, value: `XXXX-XXXX-${last4}` },
    { sentence: false, value: `xxxxxxxx${last4}` },
  ]);
}

/** Two units on one line, as a campus or a tower's address has them. */
function twoUnits(r: Rng): string {
  return r.pick([
    `Bldg ${r.int(1, 9)}, Ste ${r.int(100, 950)}`,
    `Floor ${r.int(2, 30)}, Suite ${r.int(200, 3100)}`,
    `Bldg ${r.pick(['A', 'B', 'C'])}, Fl ${r.int(2, 12)}`,
    `Building ${r.int(1, 6)}, Suite ${r.int(100, 600)}`,
  ]);
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['A/C No.', 'Acct #', 'Account No.']);
  const btnL = r.pick(['Billing Telephone No.', 'Billing Tel. No.', 'BTN']);
  const dateL = r.pick(['Bill Date', 'Invoice Date', 'Date Issued']);
  const svcL = r.pick(['Service Location', 'Service Address']);
  const ds = r.pick(['iso', 'dmy2'] as const);
  const ps = r.pick(['bare', 'e164', 'e164s'] as const);
  const masked = r.chance(0.5) ? maskedForm(b.accountNumber, r) : null;
  // the service location's second line carries two units on 60% of bills (drawn here, before the
  // truth is taken from the bill)
  if (r.chance(0.6)) b.service = { ...b.service, line2: twoUnits(r) };
  if (masked) b.accountMasked = true;
  const acctShown = (label = true): string =>
    masked
      ? masked.sentence
        ? masked.value
        : `${label ? `${acctL} ` : ''}${masked.value}`
      : `${label ? `${acctL} ` : ''}${b.accountNumber}`;
  const invoice = `${jd(b.billDate, 'iso').replace(/-/g, '')}-${r.int(100, 999)}`;

  // a third of the bills open with the payment coupon as a page of its own: the account (when
  // not masked) only in its OCR-B scan line there, the statement with its labels after it
  const stubFirst = r.chance(0.35);
  if (stubFirst) coupon(doc, b, r, { masked: !!masked, invoice, due: jd(b.dueDate, ds) });

  doc.text('SORREL', 40, 54, { size: 22, font: 'bold', color: PINE });
  doc.text('VOICE & DATA', 41, 65, { size: 7, color: GREY });
  doc.text(`Business Care ${b.tollFree.care}`, 572, 46, { size: 8, align: 'right', color: GREY });
  doc.text(`Invoice No. ${invoice}`, 572, 57, { size: 8, align: 'right', color: GREY });

  // the bill-to block on the left, the account facts in a box on the right
  doc.lines(
    [b.accountName, ...(b.mailingDiffers ? [`Attn: ${b.contact}`] : []), ...addrLines(b.mailing)],
    50,
    112,
    12,
    {
      size: 9.5,
    },
  );
  doc.rect(330, 84, 242, 86, { fill: MIST });
  const facts: [string, string][] = [
    masked?.sentence ? ['Account', masked.value] : [acctL, masked ? masked.value : b.accountNumber],
    [dateL, jd(b.billDate, ds)],
    ['Service Period', `${jd(b.periodStart, ds)} to ${jd(b.periodEnd, ds)}`],
    [btnL, jp(b.btn, ps)],
    ['Payment Due', jd(b.dueDate, ds)],
    ['Amount Due', money(b.total)],
  ];
  facts.forEach(([l, v], i) => {
    doc.text(l, 338, 98 + i * 12.5, { size: 8, color: GREY });
    doc.text(v, 564, 98 + i * 12.5, { size: 8.5, align: 'right', font: 'bold' });
  });

  let y = 200;
  doc.text(svcL, 40, y, { size: 8, color: GREY });
  doc.lines(addrLines(b.service), 40, y + 12, 11, { size: 9, font: 'bold' });
  doc.text('Account Summary', 330, y, { size: 10, font: 'bold', color: PINE });
  summary(doc, 330, y + 14, 242, b, { size: 8 });
  y += 96;
  doc.text('Lines and Services', 40, y, { size: 11, font: 'bold', color: PINE });
  const cont = (): number => {
    doc.addPage();
    doc.text(`Sorrel Voice & Data - ${acctShown()} - ${jd(b.billDate, ds)} - continued`, 40, 44, {
      size: 8,
      color: GREY,
    });
    return 66;
  };
  let end = table(doc, {
    x: 40,
    y: y + 14,
    size: 8.5,
    rowH: 13,
    bottom: 720,
    headFill: MIST,
    cols: [
      { title: 'Telephone Number', w: 120 },
      { title: 'Service', w: 260 },
      { title: 'Monthly', w: 110, align: 'right' },
    ],
    rows: b.lines.map((l) => [jp(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: cont,
  });
  end += 10;
  if (end > 640) end = cont();
  doc.text('Usage by Line', 40, end, { size: 11, font: 'bold', color: PINE });
  end = table(doc, {
    x: 40,
    y: end + 14,
    size: 8,
    rowH: 12,
    bottom: 720,
    cols: [
      { title: 'Line', w: 120 },
      { title: 'Local Min', w: 90, align: 'right' },
      { title: 'LD Min', w: 90, align: 'right' },
      { title: 'Usage Charges', w: 110, align: 'right' },
    ],
    rows: b.lines.map((l) => [
      jp(l.num, ps === 'bare' ? 'e164s' : 'bare'),
      String(l.minutes),
      String(Math.round(l.minutes / 7)),
      money(l.minutes * 0.01),
    ]),
    onNewPage: cont,
  });
  if (r.chance(0.5)) {
    end += 10;
    if (end > 620) end = cont();
    doc.text('Long Distance Calls', 40, end, { size: 11, font: 'bold', color: PINE });
    const calls = Array.from({ length: r.int(3, 8) }, () => {
      const from = r.pick(b.lines).num;
      const to = `${r.pick(['212', '415', '617', '702', '305', '503'])}555${r.digits(4)}`;
      const day = new Date(b.periodStart.getTime() + 86400000 * r.int(0, 27));
      return [jd(day, ds), from, to, String(r.int(1, 48)), money(r.int(5, 240) / 100)];
    });
    end = table(doc, {
      x: 40,
      y: end + 14,
      size: 8,
      rowH: 12,
      bottom: 720,
      cols: [
        { title: 'Date', w: 80 },
        { title: 'From', w: 100 },
        { title: 'Number Called', w: 110 },
        { title: 'Min', w: 60, align: 'right' },
        { title: 'Amount', w: 80, align: 'right' },
      ],
      rows: calls,
      onNewPage: cont,
    });
  }
  end = removedSection(doc, 40, end + 14, b, { title: 'Numbers Disconnected', style: 'dash' });
  if (stubFirst) {
    doc.eachPage((i, n) =>
      doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: LIGHT }),
    );
    return;
  }
  if (end > 630) end = cont();
  // the stub: the account as shown everywhere, and a scan line built from the invoice, not the account
  doc.hline(30, 582, end + 14, { color: GREY, dash: [3, 3] });
  doc.text('Detach and return with your payment', 306, end + 24, { size: 7, align: 'center', color: GREY });
  doc.lines([b.accountName, ...addrLines(b.mailing)], 40, end + 42, 10.5, { size: 8.5 });
  doc.text(acctShown(), 330, end + 42, { size: 8.5 });
  doc.text(`Invoice No. ${invoice}`, 330, end + 53, { size: 8.5 });
  doc.text(`Amount Due ${money(b.total)}`, 330, end + 64, { size: 8.5 });
  doc.lines(remitLines('Sorrel Voice & Data', b.remit), 330, end + 80, 10.5, { size: 8.5 });
  const cents = String(Math.round(b.total * 100)).padStart(9, '0');
  doc.text(`${invoice.replace(/-/g, '')} ${cents} ${r.int(0, 9)}`, 330, end + 130, { size: 10, font: 'reg' });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: LIGHT }),
  );
}

/**
 * Page 1 as a payment coupon: the customer's and the remit-to address blocks, the amount, and an
 * OCR-B style scan line (account digits padded to 12, the amount in cents, a check digit; the
 * invoice's digits when the account is shown masked). No labelled account, date or number.
 */
function coupon(doc: Doc, b: Bill, r: Rng, o: { masked: boolean; invoice: string; due: string }): void {
  doc.text('SORREL VOICE & DATA', 40, 52, { size: 12, font: 'bold', color: PINE });
  doc.text('PAYMENT COUPON', 572, 52, { size: 12, font: 'bold', align: 'right' });
  doc.text('Please return this page with your payment. Make checks payable to Sorrel Voice & Data.', 40, 72, {
    size: 8,
    color: GREY,
  });
  doc.rect(330, 96, 242, 58, { fill: MIST });
  doc.text('Amount Due', 338, 112, { size: 8, color: GREY });
  doc.text(money(b.total), 564, 112, { size: 9, align: 'right', font: 'bold' });
  doc.text('Payment Due', 338, 126, { size: 8, color: GREY });
  doc.text(o.due, 564, 126, { size: 9, align: 'right', font: 'bold' });
  doc.text('Amount Enclosed  $ ____________', 338, 144, { size: 8.5 });
  doc.lines([b.accountName, ...addrLines(b.mailing)], 60, 200, 12, { size: 10 });
  doc.lines(
    remitLines('Sorrel Voice & Data', b.remit).map((l) => l.toUpperCase()),
    340,
    200,
    12,
    { size: 10 },
  );
  const digits = (o.masked ? o.invoice : b.accountNumber).replace(/\D/g, '').padStart(12, '0');
  const cents = String(Math.round(b.total * 100)).padStart(10, '0');
  const body = `${digits}${cents}`;
  const line = r.chance(0.5) ? `${digits} ${cents} ${luhnDigit(body)}` : `${body}${luhnDigit(body)}`;
  doc.text(line, 306, 300, { size: 11, font: 'reg', align: 'center' });
  doc.hline(30, 582, 330, { color: GREY, dash: [3, 3] });
  doc.text('Your statement follows on the next page.', 306, 348, { size: 8, align: 'center', color: GREY });
  doc.addPage();
}

export const sorrel: Template = {
  id: 'sorrel-voice-data',
  carrier: 'Sorrel Voice & Data',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'dash433',
  businessShare: 0.9,
  lineRange: [2, 24],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 77120', line2: null, city: 'Columbus', state: 'OH', zip: '43277-0120' },
  layout:
    'the account number only masked everywhere on half the bills (Account ending in 4821, A/C No. ****4821, XXXX-XXXX-4821; truth null) beside an Invoice No. and an invoice scan line; A/C No. / Acct # / Billing Telephone No. labels; ISO or DD-MON-YY dates; numbers bare (3125550100) or E.164 in the lines and usage tables; two units on the service line 2 (Bldg 2, Ste 300); a long-distance call list',
  suite: 'business',
  draw,
};
