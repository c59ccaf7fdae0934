// Letter style: envelope window with the mailing address, prose body, service address under a sentence-like label.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, para, remitLines, removedSection, words } from './common';
import type { Template } from './types';

const BLUE = hex('#1d5fa8');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Customer ID', 'Account Number'],
    btn: ['Primary Number', 'Main Number'],
    svc: ['Service installed at', 'Service Address'],
    date: ['Date of Bill', 'Statement Date'],
    name: ['Customer', 'Account Name'],
  });
  const H = doc.alt;
  doc.rect(54, 38, 20, 20, { fill: BLUE });
  doc.rect(60, 44, 8, 8, { fill: hex('#9cc4ee') });
  doc.text('Bluebird', 82, 55, { size: 20, font: 'bold', color: BLUE });
  doc.text('Fiber', 162, 55, { size: 20, font: 'ital', color: BLUE });
  doc.text(['Bluebird Fiber', ...addrLines(b.remit)].join('  |  '), 54, 74, {
    size: 6.5,
    font: H.reg,
    color: GREY,
  });
  doc.rect(350, 36, 222, 96, { stroke: BLUE, lw: 1 });
  let y = 52;
  const ko = { style: 'right' as const, valueX: 562, size: 9.5, labelSize: 9, labelFont: 'reg' as const };
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, 'month')],
    [w.btn, p(b.btn, 'dot')],
    ['Amount Due', money(b.total)],
    ['Please Pay By', d(b.dueDate, 'month')],
  ] as const) {
    y = kv(doc, 360, y, l, v, ko) + 4.5;
  }
  // envelope window (USPS presort line above the address)
  doc.text(
    `*****AUTO**5-DIGIT ${b.mailing.zip.slice(0, 5)}  ${r.int(1000, 9999)} ${r.int(1, 9)} SP 0.${r.int(400, 699)}`,
    72,
    150,
    { size: 6.5, font: H.reg },
  );
  doc.lines(nameBlock(b, true), 72, 163, 12, { size: 9.5, font: H.reg });
  doc.text(d(b.billDate, 'month'), 54, 250, { size: 10 });
  let by = 274;
  const first = b.accountType === 'business' ? b.contact : b.accountName;
  by = para(doc, `Dear ${first},`, 54, by, 500, { size: 10.5 }) + 2;
  const autopay = r.chance(0.6);
  by =
    para(
      doc,
      `Thank you for choosing Bluebird Fiber. This statement covers service from ${d(b.periodStart, 'month')} through ${d(b.periodEnd, 'month')}. We received your payment of ${money(b.prevBalance)} on ${d(b.prevBillDate, 'month')}. ${autopay ? `Your next AutoPay withdrawal of ${money(b.total)} is scheduled for ${d(b.autopayDate, 'month')}.` : `Please pay ${money(b.total)} by ${d(b.dueDate, 'month')}.`}`,
      54,
      by,
      500,
      { size: 10.5, lh: 14 },
    ) + 6;
  doc.text(`${w.svc}:`, 54, by, { size: 10.5, font: 'bold' });
  by = doc.lines([b.accountName, ...addrLines(b.service)], 72, by + 15, 13, { size: 10.5 }) + 8;
  doc.text('Your phone numbers and services', 54, by, { size: 12, font: 'bold', color: BLUE });
  const rows: string[][] = [
    [
      '',
      r.pick(['Fiber 500 Internet', 'Fiber 1 Gig Internet', 'Fiber 2 Gig Internet']),
      money(r.int(5500, 11000) / 100),
    ],
  ];
  for (const l of b.lines)
    rows.push([p(l.num, 'dot'), 'Home Phone ' + l.plan.replace(/^.*- /, ''), money(l.charge)]);
  let pg = 1;
  by = table(doc, {
    x: 54,
    y: by + 18,
    size: 9.5,
    rowH: 14,
    bottom: 690,
    rule: BLUE,
    bodyFont: 'reg',
    cols: [
      { title: 'Number', w: 120 },
      { title: 'Service', w: 290 },
      { title: 'Monthly', w: 94, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      pg++;
      doc.text(`Bluebird Fiber  -  ${w.acct} ${b.accountNumber}  -  continued`, 54, 50, {
        size: 9,
        color: GREY,
      });
      return 80;
    },
  });
  by = removedSection(doc, 54, by + 10, b, {
    title: 'Numbers removed from your account',
    style: 'dot',
    size: 9.5,
    note: 'These numbers are no longer active on your account.',
  });
  by = para(
    doc,
    `Questions? Call us at ${b.tollFree.care}, Monday-Saturday 8am-8pm. For repair, call ${b.tollFree.repair} any time. TTY users dial ${b.tollFree.tty}.`,
    54,
    by + 4,
    500,
    { size: 9.5 },
  );
  doc.text('Sincerely,', 54, by + 6, { size: 10 });
  doc.text('Bluebird Fiber Customer Care', 54, by + 20, { size: 10, font: 'ital' });
  if (pg === 1 && by < 660) {
    // remittance stub at the foot of page 1
    doc.hline(36, 576, 700, { dash: [3, 3], color: GREY });
    doc.text('Detach and return with your payment. Make checks payable to Bluebird Fiber.', 54, 714, {
      size: 7,
      font: H.reg,
      color: GREY,
    });
    kv(doc, 54, 732, w.acct, b.accountNumber, { style: 'colon', size: 9, valueX: 150 });
    kv(doc, 54, 746, 'Amount Due', money(b.total), { style: 'colon', size: 9, valueX: 150 });
    kv(doc, 54, 760, 'Amount Enclosed', '$ ____________', { style: 'colon', size: 9, valueX: 150 });
    doc.lines(remitLines('BLUEBIRD FIBER', b.remit, true), 380, 736, 12, { size: 9.5, font: H.reg });
  }
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 558, 36 - 12 + 0, {
      size: 7,
      align: 'right',
      color: GREY,
      font: H.reg,
    }),
  );
}

export const bluebird: Template = {
  id: 'bluebird-fiber',
  carrier: 'Bluebird Fiber',
  kind: 'cable',
  family: 'times',
  alt: 'helvetica',
  acctStyle: 'alnum',
  businessShare: 0.35,
  lineRange: [1, 4],
  disconnectedShare: 0.5,
  remit: { line1: 'PO Box 30119', line2: null, city: 'Wilmington', state: 'DE', zip: '19850-0119' },
  layout: 'letter with envelope window, prose body, payment stub at the bottom',
  draw,
};
