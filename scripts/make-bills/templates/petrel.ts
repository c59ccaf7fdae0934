// A landscape business statement, as CLEC billing systems print for multi-location accounts: the
// service address is not a block of lines but a row of a "Service Locations" table with separate
// columns (Loc | Street | Unit | City | State | ZIP), the primary location first or not; the
// numbers are listed in a table beside their location code, never beside an address.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { street, unit, type Addr, type Bill, type DateStyle, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, hgrid, nameBlock, p, remitLines, summary } from './common';
import type { Template } from './types';

const TEAL = hex('#125e6b');
const MIST = hex('#e6eff1');

function draw(doc: Doc, b: Bill, r: Rng): void {
  doc.page.setSize(792, 612);
  const acctL = r.pick(['Account Number', 'Account No.', 'BAN']);
  const dateL = r.pick(['Statement Date', 'Bill Date', 'Invoice Date']);
  const btnL = r.pick(['Billing Telephone Number', 'Main Number', 'BTN']);
  const locL = r.pick(['Service Locations', 'Locations', 'Service Location Detail']);
  const ds: DateStyle = r.pick(['mdy', 'mon', 'iso']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const code = r.pick([
    (i: number) => `L${String(i + 1).padStart(2, '0')}`,
    (i: number) => `LOC-${String(i + 1).padStart(3, '0')}`,
    (i: number) => `${String(i + 1).padStart(4, '0')}`,
  ]);
  const W = 792;

  doc.text('PETREL', 36, 44, { size: 22, font: 'bold', color: TEAL });
  doc.text('BUSINESS COMMUNICATIONS', 37, 56, { size: 7, color: GREY });
  doc.text('Business Statement', W - 36, 40, { size: 13, align: 'right', font: 'bold' });
  doc.text(`Questions? ${b.tollFree.care}  |  Repair ${b.tollFree.repair}`, W - 36, 53, {
    size: 7.5,
    align: 'right',
    color: GREY,
  });
  let y = hgrid(
    doc,
    36,
    68,
    [
      [acctL, b.accountNumber],
      [dateL, d(b.billDate, ds)],
      [btnL, p(b.btn, ps)],
      ['Due Date', d(b.dueDate, ds)],
      ['Amount Due', money(b.total)],
    ],
    { w: W - 72, fill: MIST, labelColor: TEAL },
  );
  y += 20;
  doc.text(r.pick(['Customer:', 'Account Name:', 'Bill To:']), 36, y, { size: 8, color: GREY });
  doc.text(b.accountName, 110, y, { size: 10, font: 'bold' });
  const mail = nameBlock(b, true).slice(1);
  doc.lines(mail, 110, y + 13, 10.5, { size: 8.5 });
  doc.text('Remit to', 470, y, { size: 7.5, color: GREY });
  doc.lines(remitLines('Petrel Business Communications', b.remit), 520, y, 10.5, { size: 8.5 });
  y += 13 + mail.length * 10.5 + 18;

  // the locations: the account's own address is the primary one's (the main number's)
  const others: Addr[] = r.chance(0.45)
    ? Array.from({ length: r.int(1, 2) }, () => ({
        line1: street(r, true),
        line2: unit(r, true),
        city: b.service.city,
        state: b.service.state,
        zip: b.service.zip.slice(0, 5),
      }))
    : [];
  const primaryAt = others.length && r.chance(0.3) ? r.int(1, others.length) : 0;
  const sites = [...others];
  sites.splice(primaryAt, 0, b.service);
  doc.text(locL, 36, y, { size: 10.5, font: 'bold', color: TEAL });
  const withType = sites.length > 1 || r.chance(0.5);
  y = table(doc, {
    x: 36,
    y: y + 16,
    size: 8.5,
    rowH: 14,
    bottom: 560,
    headFill: MIST,
    headColor: TEAL,
    cols: [
      { title: 'Loc', w: 60 },
      ...(withType ? [{ title: 'Type', w: 62 }] : []),
      { title: 'Street', w: 200 },
      { title: 'Unit', w: 80 },
      { title: 'City', w: 130 },
      { title: 'State', w: 44 },
      { title: 'ZIP', w: 80 },
    ],
    rows: sites.map((s, i) => [
      code(i),
      ...(withType ? [i === primaryAt ? 'Primary' : 'Branch'] : []),
      s.line1,
      s.line2 ?? '',
      s.city,
      s.state,
      s.zip,
    ]),
    onNewPage: () => {
      doc.addPage({ landscape: true });
      return 60;
    },
  });
  y += 16;

  // the numbers, each beside its location's code (the main number at the primary location)
  const siteOf = (i: number): number => (i === 0 || !others.length ? primaryAt : r.int(0, sites.length - 1));
  const rows = b.lines.map((l, i) => [code(siteOf(i)), p(l.num, ps), l.plan, money(l.charge)]);
  const sumX = 520;
  summary(doc, sumX, y + 16, W - 36 - sumX, b, { size: 8 });
  doc.text('Telephone Numbers', 36, y, { size: 10.5, font: 'bold', color: TEAL });
  let end = table(doc, {
    x: 36,
    y: y + 16,
    size: 8.5,
    rowH: 13,
    bottom: 560,
    headFill: MIST,
    headColor: TEAL,
    cols: [
      { title: 'Loc', w: 60 },
      { title: 'Telephone Number', w: 120 },
      { title: 'Service', w: 200 },
      { title: 'Monthly', w: 70, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage({ landscape: true });
      doc.text(`Petrel Business Communications  ${acctL} ${b.accountNumber}  continued`, 36, 36, {
        size: 8,
        color: GREY,
      });
      return 60;
    },
  });
  if (b.disconnected.length) {
    if (end > 520) {
      doc.addPage({ landscape: true });
      end = 50;
    }
    doc.text('Numbers disconnected this period', 36, end + 14, { size: 9, font: 'bold' });
    b.disconnected.forEach((n, i) =>
      doc.text(`${p(n, ps)}   disconnected ${d(b.periodEnd, 'mdy')}`, 36, end + 28 + i * 12, { size: 8.5 }),
    );
  }
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 396, 592, { size: 7, align: 'center', color: LIGHT }),
  );
}

export const petrel: Template = {
  id: 'petrel-business',
  carrier: 'Petrel Business Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'plain9',
  businessShare: 1,
  lineRange: [2, 24],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 71220', line2: null, city: 'Philadelphia', state: 'PA', zip: '19176-1220' },
  layout:
    'a landscape business statement: the service address as a row of a Service Locations table with separate columns (Loc | Type | Street | Unit | City | State | ZIP), several locations on 45%, the numbers beside their location code',
  suite: 'business',
  draw,
};
