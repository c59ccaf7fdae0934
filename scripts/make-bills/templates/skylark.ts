// A screenshot of a wireless carrier's phone app, its "Account" screen, as customers send it for a
// wireless port instead of a bill: a portrait screen at phone resolution (rendered to PNG by the
// 'screenshot' rendition), light mode or dark mode (light text on near-black); the status bar's
// time and battery ("9:41", "87%"); the account holder, the account number and the number
// transfer PIN (6-8 digits: never the account number, never a phone number); the service address
// (and the billing address on some); the lines as cards ("(617) 555-0147 · iPhone 15 · Active").
// No bill date: the screen has none, only a due date without its year, and the truth has none.
import type { RGB } from 'pdf-lib';
import { hex, money, type Doc } from '../draw';
import { addrLines, fmtDate, MON, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { p } from './common';
import type { Template } from './types';

interface Theme {
  bg: RGB;
  card: RGB;
  text: RGB;
  dim: RGB;
  rule: RGB;
  accent: RGB;
  good: RGB;
}
const LIGHT_MODE: Theme = {
  bg: hex('#f2f2f7'),
  card: hex('#ffffff'),
  text: hex('#000000'),
  dim: hex('#6c6c70'),
  rule: hex('#d1d1d6'),
  accent: hex('#0a6cd6'),
  good: hex('#1f8a3b'),
};
const DARK_MODE: Theme = {
  bg: hex('#000000'),
  card: hex('#1c1c1e'),
  text: hex('#f2f2f7'),
  dim: hex('#98989f'),
  rule: hex('#38383a'),
  accent: hex('#4aa3ff'),
  good: hex('#32d74b'),
};
const DEVICES = [
  'iPhone 15',
  'iPhone 14 Pro',
  'iPhone 13',
  'Galaxy S24',
  'Galaxy A54',
  'Pixel 8',
  'Moto g stylus',
  'Apple Watch SE',
  'iPad (10th gen)',
];
/** Screens in points; the rendition renders them at 3x (1170x2532, 1080x2400, 1179x2556). */
const SCREENS: [number, number][] = [
  [390, 844],
  [360, 800],
  [393, 852],
];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const [W, H] = r.pick(SCREENS);
  doc.page.setSize(W, H);
  const dark = r.chance(0.5);
  const t = dark ? DARK_MODE : LIGHT_MODE;
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'paren']);
  const pinL = r.pick(['Number transfer PIN', 'Port-out PIN', 'Transfer PIN']);
  const acctL = r.pick(['Account number', 'Account #', 'Account']);
  const holderL = r.pick(['Account holder', 'Account owner', 'Name on account']);
  const btnL = r.pick(['Primary number', 'Account phone', 'Main line']);
  const svcL = r.pick(['Service address', 'Primary place of use', 'Address on account']);
  const sep = ' \u00b7 ';
  const m = 20; // side margin
  doc.rect(0, 0, W, H, { fill: t.bg });

  // the status bar
  const hour = r.pick([9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]);
  const time = r.chance(0.3) ? '9:41' : `${hour}:${String(r.int(0, 59)).padStart(2, '0')}`;
  const battery = r.int(12, 100);
  doc.text(time, 34, 32, { size: 15, font: 'bold', color: t.text });
  doc.rect(W - 54, 21, 24, 12, { stroke: t.dim, lw: 1 });
  doc.rect(W - 52, 23, Math.max(2, (20 * battery) / 100), 8, { fill: t.text });
  doc.text(`${battery}%`, W - 60, 32, { size: 12, align: 'right', color: t.text });
  const net = r.pick(['5G', 'LTE', '5G UW', '']);
  if (net) doc.text(net, W - 30 - 30 - 40, 32, { size: 12, font: 'bold', color: t.text, align: 'right' });
  for (let k = 0; k < 4; k++) doc.rect(W - 160 + k * 5, 32 - 4 - k * 2.5, 3, 4 + k * 2.5, { fill: t.text });

  // the navigation bar and the screen's title
  doc.text('Skylark', W - m, 70, { size: 13, font: 'bold', color: t.accent, align: 'right' });
  doc.text('<  Home', m, 70, { size: 14, color: t.accent });
  doc.text('Account', m, 112, { size: 30, font: 'bold', color: t.text });

  // the account card: label over value, ruled between rows
  let y = 132;
  const rows: [string, string][] = [
    [holderL, b.accountName],
    [acctL, b.accountNumber],
    [btnL, p(b.btn, ps)],
    [pinL, b.pin],
  ];
  const rowH = 46;
  doc.rect(m, y, W - 2 * m, rows.length * rowH + 6, { fill: t.card });
  rows.forEach(([l, v], i) => {
    const ry = y + 6 + i * rowH;
    doc.text(l, m + 14, ry + 15, { size: 11.5, color: t.dim });
    doc.text(v, m + 14, ry + 34, { size: 15, color: t.text });
    if (l === pinL)
      doc.text('Valid for 7 days', W - m - 14, ry + 34, { size: 11, color: t.dim, align: 'right' });
    if (i < rows.length - 1) doc.hline(m + 14, W - m, ry + rowH, { color: t.rule, lw: 0.5 });
  });
  y += rows.length * rowH + 6 + 14;

  // the address, and the billing address where it differs
  const svc = addrLines(b.service);
  const billing = b.mailingDiffers && r.chance(0.5) && b.lines.length + b.disconnected.length <= 3;
  const addrH = 30 + svc.length * 17 + (billing ? 24 + addrLines(b.mailing).length * 17 : 0);
  doc.rect(m, y, W - 2 * m, addrH, { fill: t.card });
  doc.text(svcL, m + 14, y + 20, { size: 11.5, color: t.dim });
  doc.lines(svc, m + 14, y + 38, 17, { size: 14, color: t.text });
  if (billing) {
    const by = y + 30 + svc.length * 17 + 6;
    doc.hline(m + 14, W - m, by - 4, { color: t.rule, lw: 0.5 });
    doc.text('Billing address', m + 14, by + 12, { size: 11.5, color: t.dim });
    doc.lines(addrLines(b.mailing), m + 14, by + 30, 17, { size: 14, color: t.text });
  }
  y += addrH + 14;

  // what is owed: a due date with no year (never the bill date)
  const due = `${MON[b.dueDate.getUTCMonth()]} ${b.dueDate.getUTCDate()}`;
  doc.rect(m, y, W - 2 * m, 44, { fill: t.card });
  doc.text('Balance', m + 14, y + 18, { size: 11.5, color: t.dim });
  doc.text(money(b.total), m + 14, y + 36, { size: 15, font: 'bold', color: t.text });
  doc.text(r.chance(0.5) ? `Due ${due}` : `AutoPay ${due}`, W - m - 14, y + 28, {
    size: 12,
    color: t.dim,
    align: 'right',
  });
  y += 44 + 22;

  // the lines, one card each; canceled lines keep their card with their status
  const tabY = H - 74;
  const cardH = 50;
  const room = Math.floor((tabY - y - 10) / cardH) - b.lines.length;
  const cards = [
    ...b.lines.map((l) => ({ num: l.num, user: l.user ?? '', status: 'Active', live: true })),
    ...b.disconnected.slice(0, Math.max(0, room)).map((n) => ({
      num: n,
      user: '',
      status: r.pick(['Canceled', 'Disconnected', 'Ported out']),
      live: false,
    })),
  ];
  doc.text(`Lines on this account (${b.lines.length})`, m, y, { size: 15, font: 'bold', color: t.text });
  y += 10;
  for (const c of cards) {
    doc.rect(m, y, W - 2 * m, cardH - 6, { fill: t.card });
    const device = r.pick(DEVICES);
    doc.text(`${p(c.num, ps)}${sep}${device}${sep}${c.status}`, m + 14, y + 18, {
      size: 13,
      color: t.text,
    });
    doc.text(c.user || (c.live ? 'Line' : fmtDate(b.periodEnd, 'mon')), m + 14, y + 35, {
      size: 11,
      color: t.dim,
    });
    doc.rect(W - m - 22, y + 12, 8, 8, { fill: c.live ? t.good : t.dim });
    y += cardH;
  }

  // the tab bar over the bottom of the screen
  doc.rect(0, tabY, W, 74, { fill: t.card });
  doc.hline(0, W, tabY, { color: t.rule, lw: 0.5 });
  ['Home', 'Bill', 'Shop', 'Account'].forEach((tab, i) => {
    const x = (W / 4) * (i + 0.5);
    doc.rect(x - 9, tabY + 10, 18, 16, { fill: i === 3 ? t.accent : t.dim });
    doc.text(tab, x, tabY + 40, { size: 10, align: 'center', color: i === 3 ? t.accent : t.dim });
  });
  doc.rect(W / 2 - 67, H - 12, 134, 5, { fill: t.text });
  if (y > tabY) throw new Error(`skylark screen overflows: ${y} > ${tabY}`);
}

export const skylark: Template = {
  id: 'skylark-wireless',
  carrier: 'Skylark Wireless',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'plain9',
  businessShare: 0.35,
  lineRange: [1, 4],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 660108', line2: null, city: 'Dallas', state: 'TX', zip: '75266-0108' },
  layout:
    "a screenshot of the carrier's phone app (Account screen, light or dark mode): status bar, account holder, account number, number transfer PIN, address, the lines as cards; no bill date",
  suite: 'business',
  screen: true,
  noBillDate: true,
  pinDigits: [6, 8],
  draw,
};
