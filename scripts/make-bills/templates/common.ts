// Pieces several templates share: label synonyms, charge summaries, trap blocks.
import type { PDFFont, RGB } from 'pdf-lib';
import { type Doc, GREY, kv, money, type KvOpts } from '../draw';
import {
  addrLines,
  type Addr,
  type Bill,
  fmtDate,
  fmtPhone,
  type DateStyle,
  type PhoneStyle,
} from '../model';
import type { Rng } from '../rng';

export const LABELS = {
  acct: [
    'Account Number',
    'Acct #',
    'Account No.',
    'Customer ID',
    'Member Account',
    'Billing Account Number',
  ],
  btn: ['BTN', 'Billing Telephone Number', 'Main Number', 'Primary Number', 'Your number', 'Account Phone'],
  svc: [
    'Service Address',
    'Location of Service',
    'Service installed at',
    'Service Location',
    'Premises Address',
  ],
  date: ['Bill Date', 'Statement Date', 'Invoice Date', 'Date of Bill'],
  name: ['Account Name', 'Customer', 'Billed To', 'Business Name'],
} as const;

/** Each template prints one of its own few wordings per bill, so a template alone never fixes the label. */
export interface Words {
  acct: string;
  btn: string;
  svc: string;
  date: string;
  name: string;
}
export function words(
  r: Rng,
  b: Bill,
  o: { acct: string[]; btn: string[]; svc: string[]; date: string[]; name: string[] },
): Words {
  const names = b.accountType === 'business' ? o.name : o.name.filter((n) => n !== 'Business Name');
  return {
    acct: r.pick(o.acct),
    btn: r.pick(o.btn),
    svc: r.pick(o.svc),
    date: r.pick(o.date),
    name: r.pick(names.length ? names : ['Customer']),
  };
}

export const d = fmtDate;
export const p = fmtPhone;
export const period = (b: Bill, s: DateStyle, sep = ' - '): string =>
  `${fmtDate(b.periodStart, s)}${sep}${fmtDate(b.periodEnd, s)}`;
export const last4 = (n: string): string => n.slice(-4);

export function summary(
  doc: Doc,
  x: number,
  y: number,
  w: number,
  b: Bill,
  o: { size?: number; upper?: boolean; font?: 'reg' | 'bold' } = {},
): number {
  const size = o.size ?? 9;
  const rows: [string, number][] = [
    ['Previous Balance', b.prevBalance],
    [
      w < 200
        ? 'Payment - Thank You'
        : 'Payment Received ' + fmtDate(b.prevBillDate, 'mdy2') + ' - Thank you',
      b.payment,
    ],
    ['Monthly Service Charges', b.current],
    ['Taxes, Fees & Surcharges', b.taxes],
  ];
  for (const [l, v] of rows) {
    doc.text(o.upper ? l.toUpperCase() : l, x, y, { size, font: o.font });
    doc.text(money(v), x + w, y, { size, align: 'right', font: o.font });
    y += size * 1.45;
  }
  doc.hline(x, x + w, y - size * 0.9, { color: GREY });
  y += 3;
  doc.text(o.upper ? 'TOTAL AMOUNT DUE' : 'Total Amount Due', x, y, { size: size + 1, font: 'bold' });
  doc.text(money(b.total), x + w, y, { size: size + 1, align: 'right', font: 'bold' });
  return y + size * 1.6;
}

export function nameBlock(b: Bill, upper = false): string[] {
  const ls = [
    b.accountName,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`Attn: ${b.contact}`] : []),
    ...addrLines(b.mailing),
  ];
  return upper ? ls.map((l) => l.toUpperCase()) : ls;
}

export function remitLines(name: string, a: Addr, upper = false): string[] {
  const ls = [name, ...addrLines(a)];
  return upper ? ls.map((l) => l.toUpperCase()) : ls;
}

export const usage = (minutes: number, gb: number, texts: number): [string, string, string] => [
  minutes.toLocaleString('en-US'),
  texts.toLocaleString('en-US'),
  gb.toFixed(2) + ' GB',
];

/** "Numbers removed" section. Returns y after it. These numbers are not on the account any more. */
export function removedSection(
  doc: Doc,
  x: number,
  y: number,
  b: Bill,
  o: { title: string; style: PhoneStyle; size?: number; note?: string; upper?: boolean },
): number {
  if (!b.disconnected.length) return y;
  const size = o.size ?? 8.5;
  doc.text(o.upper ? o.title.toUpperCase() : o.title, x, y, { size: size + 1, font: 'bold' });
  y += size * 1.6;
  for (const n of b.disconnected) {
    const when = fmtDate(new Date(b.periodStart.getTime() + 86400000 * 9), 'mdy');
    doc.text(fmtPhone(n, o.style), x, y, { size });
    doc.text((o.upper ? 'DISCONNECTED ' : 'Disconnected ') + when, x + 130, y, { size, color: GREY });
    y += size * 1.4;
  }
  if (o.note) {
    doc.text(o.note, x, y + 2, { size: size - 1, font: 'ital', color: GREY });
    y += size * 1.6;
  }
  return y + 4;
}

export type { KvOpts };
export { kv };

/** Word-wraps a paragraph; returns the y below it. */
export function para(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  width: number,
  o: { size?: number; font?: 'reg' | 'bold' | 'ital' | PDFFont; lh?: number } = {},
): number {
  const size = o.size ?? 9;
  const lh = o.lh ?? size * 1.35;
  let line = '';
  for (const word of s.split(' ')) {
    const t = line ? line + ' ' + word : word;
    if (doc.width(t, size, o.font) > width && line) {
      doc.text(line, x, y, { size, font: o.font });
      y += lh;
      line = word;
    } else line = t;
  }
  if (line) doc.text(line, x, y, { size, font: o.font });
  return y + lh;
}

/** Horizontal key/value grid: a row of labels over a row of values, boxed. */
export function hgrid(
  doc: Doc,
  x: number,
  y: number,
  cells: [string, string][],
  o: { w: number; fill?: RGB; labelColor?: RGB; size?: number; upper?: boolean },
): number {
  const cw = o.w / cells.length;
  const size = o.size ?? 9;
  doc.rect(x, y, o.w, 16, { fill: o.fill });
  doc.rect(x, y, o.w, 38, { stroke: GREY, lw: 0.6 });
  cells.forEach(([l, v], i) => {
    const cx = x + i * cw;
    if (i) doc.vline(cx, y, y + 38, { color: GREY });
    doc.text(o.upper ? l.toUpperCase() : l, cx + 5, y + 11, { size: 7, font: 'bold', color: o.labelColor });
    doc.text(v, cx + 5, y + 31, { size, font: 'reg' });
  });
  return y + 38;
}

/**
 * Account facts in ruled rows, each a shaded label cell beside its values (bold, one line each),
 * across the page from x 40 to 572; returns the y below the last row.
 */
export function factRows(
  doc: Doc,
  facts: [string, string[]][],
  y: number,
  o: { labelWidth: number; valueX: number; shade: RGB; rule: RGB; lw: number },
): number {
  for (const [label, values] of facts) {
    const h = 8 + values.length * 11.5;
    doc.rect(40, y, 532, h, { stroke: o.rule, lw: o.lw });
    doc.rect(40, y, o.labelWidth, h, { fill: o.shade });
    doc.text(label, 45, y + 12, { size: 7.5 });
    doc.lines(values, o.valueX, y + 12, 11.5, { size: 9, font: 'bold' });
    y += h;
  }
  return y;
}
