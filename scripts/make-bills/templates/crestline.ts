// A web-portal bill printed from a browser: the browser's header and footer (date and time,
// page title, URL, "2/5" or "Page 2 of 5"), the portal's two columns in 6.5-8 pt type, and
// landscape call-detail pages whose called numbers are other people's.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { CITIES } from '../data';
import { type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { browserChrome } from './business';
import { d, p, period, removedSection, words } from './common';
import type { Template } from './types';

const PLUM = hex('#6a1b9a');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account number', 'Account #', 'Account ID'],
    btn: ['Main number', 'Account phone', 'Billing telephone number'],
    svc: ['Service address', 'Service location'],
    date: ['Bill date', 'Statement date'],
    name: ['Account name', 'Company name'],
  });
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const size = r.pick([6.5, 7, 7.5, 8]);
  const lh = size * 1.4;
  const run = b.accountNumber.replace(/\s/g, '');
  // portal chrome
  doc.rect(24, 26, 564, 26, { fill: hex('#f5f0f8') });
  doc.text('Crestline', 32, 44, { size: 15, font: 'bold', color: PLUM });
  doc.text('business', 32 + doc.width('Crestline', 15, 'bold') + 3, 44, { size: 15, color: GREY });
  doc.text('Overview    Bills & payments    Usage    Lines & devices    Support    Sign out', 580, 42, {
    size: 6.5,
    align: 'right',
    color: GREY,
  });
  doc.text(`Bill details - ${d(b.billDate, 'month').replace(/ \d+,/, '')}`, 32, 72, {
    size: 11,
    font: 'bold',
  });
  // left column: account facts, stacked caption over value
  const L = 32;
  const R = 312;
  let y = 92;
  const fact = (label: string, vals: string[]) => {
    doc.text(label, L, y, { size: size - 0.5, color: GREY });
    y += lh;
    for (const v of vals) {
      doc.text(v, L, y, { size, font: 'bold' });
      y += lh;
    }
    y += 3;
  };
  fact(w.name, [b.accountName]);
  fact(w.acct, [r.chance(0.5) ? b.accountNumber : run]);
  fact(w.btn, [p(b.btn, ps)]);
  fact(w.date, [d(b.billDate, r.pick(['mon', 'mdy'] as const))]);
  fact('Billing period', [period(b, 'mon')]);
  const a = b.service;
  fact(w.svc, [a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.zip}`]);
  fact('Billing address', [
    ...(b.mailingDiffers ? [`Attn: ${b.contact}`] : []),
    b.mailing.line1,
    ...(b.mailing.line2 ? [b.mailing.line2] : []),
    `${b.mailing.city}, ${b.mailing.state} ${b.mailing.zip}`,
  ]);
  const leftEnd = y;
  // right column: balance, then the lines
  y = 92;
  doc.rect(R - 6, y - 10, 282, 58, { stroke: LIGHT });
  for (const [l, v] of [
    ['Previous balance', money(b.prevBalance)],
    ['Payments', money(b.payment)],
    ['New charges', money(b.current + b.taxes)],
    ['Balance due', money(b.total)],
  ] as [string, string][]) {
    doc.text(l, R, y, { size });
    doc.text(v, R + 266, y, { size, align: 'right', font: l === 'Balance due' ? 'bold' : 'reg' });
    y += lh;
  }
  y += 16;
  doc.text(`Lines on this account (${b.lines.length})`, R, y, {
    size: size + 1.5,
    font: 'bold',
    color: PLUM,
  });
  y += lh + 3;
  let onPage = 0;
  for (const l of b.lines) {
    if (y > 730) {
      doc.addPage();
      y = 60;
      onPage++;
      doc.text(`Lines on this account (continued)`, R, y - 16, {
        size: size + 1.5,
        font: 'bold',
        color: PLUM,
      });
    }
    doc.text(p(l.num, ps), R, y, { size, font: 'bold' });
    doc.text(l.plan, R + 78, y, { size });
    doc.text(money(l.charge), R + 266, y, { size, align: 'right' });
    y += lh;
  }
  void onPage;
  if (b.disconnected.length)
    y = removedSection(doc, R, y + 8, b, { title: 'Recently disconnected', style: ps, size });
  doc.page = doc.pages[0]!;
  const help = Math.max(leftEnd, 600);
  doc.text(`Need help? Chat with us or call ${b.tollFree.care}. Repair ${b.tollFree.repair}.`, L, help + 14, {
    size: size - 0.5,
    color: GREY,
  });
  doc.text(`Pay by phone ${b.tollFree.billing}. Business office ${p(b.office, ps)}.`, L, help + 14 + lh, {
    size: size - 0.5,
    color: GREY,
  });
  doc.page = doc.pages[doc.pages.length - 1]!;

  // landscape call detail: every called number is someone else's
  const ours = new Set(b.lines.map((l) => l.num));
  const calledFirst = r.chance(0.5);
  const rows: string[][] = [];
  let t = b.periodStart.getTime();
  const count = r.int(30, 110);
  for (let i = 0; i < count; i++) {
    t += r.int(1, 16) * 3600000;
    const c = r.pick(CITIES);
    let called = `${c.npa}55501${String(r.int(0, 99)).padStart(2, '0')}`;
    while (ours.has(called)) called = `${c.npa}55501${String(r.int(0, 99)).padStart(2, '0')}`;
    const dt = new Date(t);
    const line = r.pick(b.lines).num;
    const when = `${String(dt.getUTCMonth() + 1).padStart(2, '0')}/${String(dt.getUTCDate()).padStart(2, '0')}`;
    const time = `${((dt.getUTCHours() + 11) % 12) + 1}:${String(dt.getUTCMinutes()).padStart(2, '0')} ${dt.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    const place = `${c.city}, ${c.state}`;
    const min = String(r.int(1, 58));
    rows.push(
      calledFirst
        ? [p(called, ps), when, time, place, p(line, ps), min]
        : [when, time, p(line, ps), p(called, ps), place, min],
    );
  }
  const head = (first: boolean): number => {
    doc.addPage({ landscape: true });
    doc.text(first ? 'Call details' : 'Call details (continued)', 32, 48, {
      size: 11,
      font: 'bold',
      color: PLUM,
    });
    doc.text(`${w.acct} ${run}  |  ${period(b, 'mon')}`, 32, 62, { size: size, color: GREY });
    return 84;
  };
  table(doc, {
    x: 32,
    y: head(true),
    size,
    rowH: size + 4,
    bottom: 560,
    rule: PLUM,
    bodyFont: 'reg',
    cols: calledFirst
      ? [
          { title: 'Number called', w: 110 },
          { title: 'Date', w: 60 },
          { title: 'Time', w: 70 },
          { title: 'Location', w: 170 },
          { title: 'From line', w: 110 },
          { title: 'Minutes', w: 60, align: 'right' },
        ]
      : [
          { title: 'Date', w: 60 },
          { title: 'Time', w: 70 },
          { title: 'Line', w: 110 },
          { title: 'To', w: 110 },
          { title: 'Location', w: 170 },
          { title: 'Minutes', w: 60, align: 'right' },
        ],
    rows,
    onNewPage: () => head(false),
  });
  const at = new Date(b.billDate.getTime() + r.int(1, 12) * 86400000 + r.int(7 * 60, 19 * 60) * 60000);
  browserChrome(doc, {
    style: r.pick(['chrome', 'printed'] as const),
    at,
    title: 'Crestline Business | Bill details',
    url: `https://my.crestline.example/business/billing/statements/${b.billDate.toISOString().slice(0, 7)}?ban=${run}`,
  });
}

export const crestline: Template = {
  id: 'crestline-portal',
  carrier: 'Crestline Business',
  kind: 'cable',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'plain9',
  businessShare: 1,
  lineRange: [2, 30],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 4410', line2: null, city: 'Carol Stream', state: 'IL', zip: '60197-4410' },
  layout:
    "web-portal printout: browser header and footer (print time, title, URL, '2/5' or 'Page 2 of 5'), two columns in 6.5-8 pt, landscape call-detail pages of other people's numbers",
  suite: 'business',
  faxShare: 0,
  draw,
};
