// A small ILEC/CLEC's bill printed onto pre-printed form stock, as an impact or laser printer fills
// it. What no other template has:
// - the form itself: small coloured captions in boxes, printed once for every bill, and the values
//   printed over it in a monospace font MISREGISTERED by a seeded offset (a few points in x and y,
//   the same for the whole page), so a value may sit on its box's border, nearer the caption of the
//   box below than its own, or a little over its own caption;
// - comb fields: the account number (and on 40% the BTN) one character per box in a row of small
//   boxes, each digit its own text run, the box lines touching the digits on a scan;
// - a numbers section as a form grid (Line | Telephone Number | Service | Amount), rows of boxes with
//   pre-printed row numbers, some rows empty, feature and service rows without a number, a
//   disconnected line's row;
// - a remittance stub whose OCR-A style scan line runs the account's digits, the amount and a check
//   digit together (`0000001947040848 000004529 7`): never an account number nor a phone number.
import type { PDFFont, RGB } from 'pdf-lib';
import { luhnDigit } from '../check-digits';
import { hex, money, type Doc } from '../draw';
import { addrLines, type Addr, type Bill, type DateStyle } from '../model';
import type { Rng } from '../rng';
import { d } from './common';
import type { Template } from './types';

const STOCK: RGB[] = [hex('#b5332e'), hex('#1f5fa8'), hex('#2e7d4f'), hex('#8a5a12')];
const TINT: Record<number, RGB> = {
  0: hex('#fbeceb'),
  1: hex('#e9f0fa'),
  2: hex('#e8f4ec'),
  3: hex('#f7f0e4'),
};
const X0 = 36;
const X1 = 576;
/** Comb cells: a box per character, a little wider than a 10 pt Courier glyph. */
const CELL = 11;
const CELL_H = 14;

/** What the printer puts on the form: monospace, shifted by the page's misregistration. */
interface Printer {
  font: PDFFont;
  dx: number;
  dy: number;
}

const TN_STYLES = ['ilec', 'paren', 'dash'] as const;
type TnStyle = (typeof TN_STYLES)[number];
const tnText = (n: string, s: TnStyle): string =>
  s === 'ilec'
    ? `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}`
    : s === 'paren'
      ? `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`
      : `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;

function draw(doc: Doc, b: Bill, r: Rng): void {
  const k = r.int(0, STOCK.length - 1);
  const ink = STOCK[k]!;
  const tint = TINT[k]!;
  const pr: Printer = {
    font: r.chance(0.5) ? doc.alt.bold : doc.alt.reg,
    dx: r.int(-7, 7),
    dy: r.int(-7, 6),
  };
  const upper = r.chance(0.6);
  const U = (s: string): string => (upper ? s.toUpperCase() : s);
  const cap = {
    acct: r.pick(['ACCOUNT NUMBER', 'ACCOUNT NO.', 'ACCT NO.']),
    btn: r.pick(['BILLING TELEPHONE NUMBER', 'BTN', 'MAIN TELEPHONE NO.']),
    date: r.pick(['BILL DATE', 'STATEMENT DATE', 'DATE OF BILL']),
    svc: r.pick(['SERVICE ADDRESS', 'SERVICE LOCATION', 'LOCATION OF SERVICE']),
    name: r.pick(['CUSTOMER NAME', 'NAME ON ACCOUNT', 'BILLED TO']),
  };
  const ds: DateStyle = r.pick(['mdy', 'mdy2', 'MON']);
  const dt = (x: Date): string => d(x, ds);
  const tns: TnStyle = r.pick(TN_STYLES);
  const tn = (n: string): string => tnText(n, tns);
  const btnComb = r.chance(0.4);
  const stubComb = r.chance(0.5);

  /** A pre-printed box with its caption in small coloured capitals. */
  const box = (x: number, y: number, w: number, h: number, caption: string): void => {
    doc.rect(x, y, w, h, { stroke: ink, lw: 0.7 });
    if (caption) doc.text(caption, x + 3, y + 6.5, { size: 5.5, font: 'bold', color: ink });
  };
  /** A value as the printer places it: at (x, y) on the form, off by the page's misregistration. */
  const put = (
    s: string,
    x: number,
    y: number,
    o: { size?: number; align?: 'left' | 'right' | 'center' } = {},
  ): void => {
    doc.text(s, x + pr.dx, y + pr.dy, { size: o.size ?? 9.5, font: pr.font, align: o.align });
  };
  /** A comb: `n` small boxes (gaps after the given cells), one character printed in each. */
  const comb = (x: number, y: number, chars: string, gapsAfter: number[] = []): number => {
    let cx = x;
    [...chars].forEach((c, i) => {
      doc.rect(cx, y, CELL, CELL_H, { stroke: ink, lw: 0.6 });
      put(c, cx + CELL / 2, y + CELL_H - 3.5, { size: 10, align: 'center' });
      cx += CELL;
      if (gapsAfter.includes(i)) {
        doc.text('-', cx + 1.5, y + CELL_H - 4, { size: 8, font: 'bold', color: ink });
        cx += 6;
      }
    });
    return cx;
  };

  // The stock's heading: the carrier, its office, a title box.
  doc.text('PLOVER', X0, 46, { size: 22, font: 'bold', color: ink });
  doc.text('TELEPHONE COMPANY', X0 + 1, 57, { size: 7.5, font: 'bold', color: ink });
  doc.text(
    `${b.remit.line1} · ${b.remit.city}, ${b.remit.state} ${b.remit.zip} · Customer service ${b.tollFree.care}`,
    X0 + 1,
    67,
    { size: 6, color: ink },
  );
  box(400, 30, 176, 34, '');
  doc.text('TELEPHONE SERVICE STATEMENT', 488, 44, { size: 8, font: 'bold', color: ink, align: 'center' });
  doc.text('LOCAL · LONG DISTANCE · INTERNET', 488, 55, { size: 5.5, color: ink, align: 'center' });

  // Row 1: the account in its comb, the bill date, the page, the bill cycle.
  let y = 78;
  const acct = b.accountNumber.replace(/\D/g, '');
  box(X0, y, 200, 28, cap.acct);
  comb(X0 + 6, y + 10, acct);
  box(236, y, 140, 28, cap.date);
  put(dt(b.billDate), 242, y + 21);
  box(376, y, 90, 28, 'PAGE');
  put('1 OF 1', 382, y + 21);
  box(466, y, 110, 28, 'BILL CYCLE');
  put(String(b.billDate.getUTCDate()).padStart(2, '0'), 472, y + 21);

  // Row 2: the BTN (a comb on 40%), the service period, the due date, the amount due.
  y += 28;
  box(X0, y, 200, 28, cap.btn);
  if (btnComb) comb(X0 + 6, y + 10, b.btn, [2, 5]);
  else put(tn(b.btn), X0 + 8, y + 21);
  box(236, y, 140, 28, 'SERVICE PERIOD');
  put(`${d(b.periodStart, 'mdy2')} - ${d(b.periodEnd, 'mdy2')}`, 242, y + 21);
  box(376, y, 90, 28, 'DUE DATE');
  put(dt(b.dueDate), 382, y + 21);
  box(466, y, 110, 28, 'AMOUNT DUE');
  put(money(b.total), 570, y + 21, { align: 'right' });

  // Row 3: the customer's name; row 4: the mailing and the service addresses side by side.
  y += 28;
  box(X0, y, 540, 26, cap.name);
  put(U(b.accountName), X0 + 8, y + 19);
  y += 26;
  const mail = [
    ...(b.accountType === 'business' && b.mailingDiffers ? [`Attn: ${b.contact}`] : []),
    ...addrLines(b.mailing),
  ];
  box(X0, y, 270, 56, 'MAILING ADDRESS');
  mail.forEach((l, i) => put(U(l), X0 + 8, y + 18 + i * 11));
  box(306, y, 270, 56, cap.svc);
  addrLines(b.service).forEach((l, i) => put(U(l), 314, y + 18 + i * 11));
  y += 56;

  // The numbers section: a form grid of boxed rows, its row numbers pre-printed.
  y += 12;
  doc.rect(X0, y, 540, 14, { fill: tint, stroke: ink, lw: 0.7 });
  doc.text('TELEPHONE NUMBERS AND SERVICES', X0 + 4, y + 10, { size: 7, font: 'bold', color: ink });
  y += 14;
  const cols: [string, number][] = [
    ['LINE', 34],
    ['TELEPHONE NUMBER', 128],
    ['SERVICE', 278],
    ['AMOUNT', 100],
  ];
  let cx = X0;
  for (const [c, w] of cols) {
    box(cx, y, w, 12, '');
    doc.text(c, cx + 3, y + 8.5, { size: 5.5, font: 'bold', color: ink });
    cx += w;
  }
  y += 12;
  const rows: [string, string, string][] = [];
  b.lines.forEach((l, i) => {
    rows.push([tn(l.num), l.plan.toUpperCase(), money(l.charge)]);
    const f = l.features[0];
    if (f && (i === 0 || r.chance(0.3))) rows.push(['', `  ${f.name.toUpperCase()}`, money(f.amount)]);
  });
  if (r.chance(0.5))
    rows.push([
      '',
      r.pick(['DSL INTERNET 25M', 'HIGH SPEED INTERNET', 'MODEM LEASE']),
      money(r.int(1500, 6500) / 100),
    ]);
  if (r.chance(0.4)) rows.push(['', 'FEDERAL SUBSCRIBER LINE CHARGE', money(r.int(300, 900) / 100)]);
  for (const n of b.disconnected)
    rows.push([tn(n), `DISCONNECTED ${d(b.periodStart, 'mdy2')} - CREDIT`, money(-r.int(200, 1800) / 100)]);
  const nRows = Math.min(18, Math.max(10, rows.length + r.int(1, 3)));
  const rowH = 15;
  for (let i = 0; i < nRows; i++) {
    cx = X0;
    for (const [, w] of cols) {
      doc.rect(cx, y, w, rowH, { stroke: ink, lw: 0.5 });
      cx += w;
    }
    doc.text(String(i + 1).padStart(2, '0'), X0 + 4, y + 10.5, { size: 6, color: ink });
    const row = rows[i];
    if (row) {
      put(row[0], X0 + 38, y + 11);
      put(row[1], X0 + 166, y + 11, { size: 8.5 });
      put(row[2], X1 - 6, y + 11, { align: 'right' });
    }
    y += rowH;
  }

  // Summary of charges, and the printer's messages (the carrier's local office and repair numbers).
  y += 10;
  box(X0, y, 270, 78, 'SUMMARY OF CHARGES');
  const sum: [string, number][] = [
    ['PREVIOUS BALANCE', b.prevBalance],
    ['PAYMENT RECEIVED', b.payment],
    ['CURRENT CHARGES', b.current],
    ['TAXES AND SURCHARGES', b.taxes],
    ['TOTAL AMOUNT DUE', b.total],
  ];
  sum.forEach(([l, v], i) => {
    put(l, X0 + 8, y + 18 + i * 12, { size: 8.5 });
    put(money(v), X0 + 264, y + 18 + i * 12, { size: 8.5, align: 'right' });
  });
  box(306, y, 270, 78, 'MESSAGES');
  const msgs = [
    `BUSINESS OFFICE ${tn(b.office)}`,
    `REPAIR SERVICE ${tn(b.repairLocal)}`,
    `LAST PAYMENT RECEIVED ${dt(b.prevBillDate)} - THANK YOU`,
    r.pick(['PAY BY PHONE 24 HOURS A DAY', 'ASK ABOUT AUTOPAY', 'THANK YOU FOR YOUR BUSINESS']),
  ];
  msgs.forEach((m, i) => put(m, 314, y + 18 + i * 12, { size: 8 }));
  y += 78;

  // The remittance stub: perforation, boxes, the two address blocks and the scan line.
  y = Math.max(y + 14, 628);
  doc.hline(X0 - 10, X1 + 10, y, { color: ink, dash: [2, 2], lw: 0.6 });
  doc.text('PLEASE RETURN THIS PORTION WITH YOUR PAYMENT', 306, y + 10, {
    size: 6,
    color: ink,
    align: 'center',
  });
  y += 16;
  box(X0, y, 200, 28, 'ACCOUNT NUMBER');
  if (stubComb) comb(X0 + 6, y + 10, acct);
  else put(acct, X0 + 8, y + 21);
  box(236, y, 110, 28, 'DUE DATE');
  put(dt(b.dueDate), 242, y + 21);
  box(346, y, 110, 28, 'AMOUNT DUE');
  put(money(b.total), 450, y + 21, { align: 'right' });
  box(456, y, 120, 28, 'AMOUNT ENCLOSED');
  doc.text('$', 462, y + 21, { size: 9, color: ink });
  y += 36;
  [b.accountName, ...mail].forEach((l, i) => put(U(l), X0 + 8, y + 8 + i * 10, { size: 8.5 }));
  doc.text('MAKE CHECKS PAYABLE TO', 330, y + 2, { size: 5.5, font: 'bold', color: ink });
  remitBlock(b.remit).forEach((l, i) => doc.text(l, 330, y + 12 + i * 10, { size: 8, color: ink }));
  // OCR-A style: the account's digits padded to 16, the amount in cents to 9, a mod-10 check digit
  const digits = acct.padStart(16, '0');
  const cents = String(Math.round(b.total * 100)).padStart(9, '0');
  const check = luhnDigit(digits + cents);
  const line = r.chance(0.6) ? `${digits} ${cents} ${check}` : `${digits}${cents}${check}`;
  put(line, 330, y + 64, { size: 11 });
}

function remitBlock(a: Addr): string[] {
  return ['PLOVER TELEPHONE COMPANY', ...addrLines(a).map((l) => l.toUpperCase())];
}

export const plover: Template = {
  id: 'plover-telephone',
  carrier: 'Plover Telephone Company',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'courier',
  acctStyle: 'long',
  businessShare: 0.6,
  lineRange: [1, 8],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 217', line2: null, city: 'Aberdeen', state: 'SD', zip: '57402-0217' },
  layout:
    'a small ILEC/CLEC bill printed onto pre-printed form stock: coloured caption boxes, monospace values misregistered by a seeded offset (on or across a box border, near the caption below), the account number (and on 40% the BTN) in comb boxes one digit per run, a numbers form grid (Line | Telephone Number | Service | Amount) with empty rows, a stub with an OCR-A scan line',
  suite: 'business',
  faxShare: 0.1,
  draw,
};
