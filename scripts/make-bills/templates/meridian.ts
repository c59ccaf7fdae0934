// Dense wireless bill in 7-8 pt type, horizontal header grid, and call detail full of OTHER people's numbers.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import { CITIES } from '../data';
import type { Rng } from '../rng';
import { d, hgrid, nameBlock, p, removedSection, summary, usage, words } from './common';
import type { Template } from './types';

const TEAL = hex('#00796b');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Acct #'],
    btn: ['Account Phone', 'Main Number'],
    svc: ['Service Location', 'Service Address'],
    date: ['Bill Date', 'Invoice Date'],
    name: ['Customer', 'Account Name'],
  });
  doc.text('MERIDIAN', 40, 44, { size: 18, font: 'bold', color: TEAL });
  doc.text('wireless', 139, 44, { size: 18, color: GREY });
  doc.text(`${b.tollFree.care}  |  meridianwireless.example`, 572, 44, {
    size: 7.5,
    align: 'right',
    color: GREY,
  });
  hgrid(
    doc,
    40,
    60,
    [
      [w.acct, b.accountNumber],
      [w.name, b.accountName.length > 24 ? b.accountName.slice(0, 24) + '...' : b.accountName],
      [w.date, d(b.billDate, 'mdy')],
      [w.btn, p(b.btn, 'dash')],
    ],
    { w: 532, fill: hex('#e0f2f1'), size: 8.5, upper: true },
  );
  doc.text(w.name === 'Customer' ? 'Customer name' : 'Name on account', 40, 116, {
    size: 7,
    font: 'bold',
    color: TEAL,
  });
  doc.text(b.accountName, 40, 127, { size: 8.5 });
  doc.text(w.svc, 40, 142, { size: 7, font: 'bold', color: TEAL });
  doc.lines(addrLines(b.service), 40, 153, 10, { size: 8 });
  doc.text('Billing Address', 220, 116, { size: 7, font: 'bold', color: TEAL });
  doc.lines(nameBlock(b), 220, 127, 10, { size: 8 });
  summary(doc, 400, 118, 172, b, { size: 7.5 });
  doc.text('Line summary', 40, 212, { size: 9.5, font: 'bold', color: TEAL });
  const rows = b.lines.map((l) => [
    p(l.num, 'dash'),
    l.user ?? '',
    l.plan,
    ...usage(l.minutes, l.dataGb, l.texts),
    money(l.features[0]?.amount ?? 0),
    money(l.charge),
  ]);
  let y = table(doc, {
    x: 40,
    y: 226,
    size: 7,
    rowH: 10,
    bottom: 745,
    headFill: hex('#e0f2f1'),
    bodyFont: 'reg',
    cols: [
      { title: 'Number', w: 70 },
      { title: 'User', w: 70 },
      { title: 'Plan', w: 120 },
      { title: 'Minutes', w: 50, align: 'right' },
      { title: 'Msgs', w: 45, align: 'right' },
      { title: 'Data', w: 55, align: 'right' },
      { title: 'Equip.', w: 55, align: 'right' },
      { title: 'Total', w: 67, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      return 60;
    },
  });
  y = removedSection(doc, 40, y + 10, b, { title: 'Canceled lines', style: 'dash', size: 7.5 });
  // call detail: outgoing calls to numbers that are NOT on this account
  const calls: string[][] = [];
  let t = b.periodStart.getTime();
  for (let i = 0; i < r.int(18, 60); i++) {
    t += r.int(2, 40) * 3600000;
    const c = r.pick(CITIES);
    const dt = new Date(t);
    calls.push([
      `${dt.getUTCMonth() + 1}/${dt.getUTCDate()}`,
      `${((dt.getUTCHours() + 11) % 12) + 1}:${String(dt.getUTCMinutes()).padStart(2, '0')} ${dt.getUTCHours() < 12 ? 'AM' : 'PM'}`,
      p(`${c.npa}55501${String(r.int(0, 99)).padStart(2, '0')}`, 'dash'),
      `${c.city.toUpperCase()} ${c.state}`,
      r.pick(['Outgoing', 'Incoming', 'Voicemail']),
      String(r.int(1, 48)),
    ]);
  }
  const cont = (): number => {
    doc.addPage();
    doc.text(`MERIDIAN wireless  -  ${w.acct} ${b.accountNumber}`, 40, 40, { size: 7.5, color: GREY });
    doc.text(`Call detail for ${p(b.btn, 'dash')} (continued)`, 40, 58, {
      size: 9.5,
      font: 'bold',
      color: TEAL,
    });
    return 76;
  };
  if (y > 640) y = cont() - 30;
  doc.text(`Call detail for ${p(b.btn, 'dash')}`, 40, y + 14, { size: 9.5, font: 'bold', color: TEAL });
  table(doc, {
    x: 40,
    y: y + 30,
    size: 7,
    rowH: 9.5,
    bottom: 750,
    bodyFont: 'reg',
    cols: [
      { title: 'Date', w: 40 },
      { title: 'Time', w: 55 },
      { title: 'Number', w: 85 },
      { title: 'Location', w: 150 },
      { title: 'Type', w: 70 },
      { title: 'Min', w: 40, align: 'right' },
    ],
    rows: calls,
    onNewPage: cont,
  });
  doc.eachPage((i, n) =>
    doc.text(
      `Page ${i + 1} of ${n}   Remit to Meridian Wireless, ${addrLines(b.remit).join(', ')}`,
      40,
      776,
      { size: 6.5, color: GREY },
    ),
  );
}

export const meridian: Template = {
  id: 'meridian-wireless',
  carrier: 'Meridian Wireless',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'prefixed',
  acctPrefix: 'MW',
  businessShare: 0.55,
  lineRange: [1, 8],
  disconnectedShare: 0.25,
  remit: { line1: 'PO Box 105500', line2: null, city: 'Atlanta', state: 'GA', zip: '30348-5500' },
  layout:
    'dense 7 pt wireless bill, horizontal label/value header grid, call detail listing numbers not on the account',
  draw,
};
