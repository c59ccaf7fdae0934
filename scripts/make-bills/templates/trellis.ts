// A multi-site business bill (hosted voice / CLEC): one account, a summary page, then one section
// per location, each with its own service address and its own numbers. The port's service
// address is the one of the location that holds the main number (the "primary location"); the
// other sites' addresses are printed with the same label. The bill-to block is addressed to
// accounts payable ("ATTN"), sometimes in care of ("c/o") a bookkeeping firm, at another address,
// and payments go to a lockbox. Each location's numbers are a table with a Status column: only
// Active numbers are on the account (Suspended, Pending disconnect, Ported out and Disconnected
// rows are printed but are not).
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { CITIES, LAST } from '../data';
import { type Addr, type Bill, cityLine, type PhoneStyle, street, unit, zipPlus4 } from '../model';
import type { Rng } from '../rng';
import { d, p, period, words } from './common';
import type { Template } from './types';

const PLUM = hex('#5b2a6e');
const MIST = hex('#f3edf5');

const SITE_NAMES = [
  'Warehouse',
  'Downtown Office',
  'Branch Office',
  'Service Center',
  'Clinic',
  'Distribution Center',
  'Showroom',
  'Training Center',
  'Annex',
  'Retail Store',
];
const HQ_NAMES = ['Headquarters', 'Main Office', 'Corporate Office', 'Head Office'];
const DESCRIPTIONS = [
  'Hosted seat - Standard',
  'Hosted seat - Premium',
  'Direct inward dial',
  'Analog line (ATA)',
  'Fax line (ATA)',
  'Conference room phone',
  'Call queue',
  'Paging / overhead',
  'Elevator line',
  'Alarm line',
];
const GONE = ['Suspended', 'Pending disconnect', 'Ported out', 'Disconnected'];

interface Site {
  name: string;
  primary: boolean;
  addr: Addr;
  id: string;
  rows: { num: string; desc: string; status: string; charge: number }[];
}

const oneLine = (a: Addr): string =>
  `${a.line1}${a.line2 ? `, ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.zip}`;

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Account #', 'Customer Account'],
    btn: ['Main Number', 'Billing Telephone Number', 'Primary Number'],
    svc: ['Service Address', 'Site Address', 'Service Location'],
    date: ['Invoice Date', 'Bill Date'],
    name: ['Customer', 'Company', 'Account Name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot']);
  const addrOneLine = r.chance(0.5);
  const T = doc.alt;

  // the sites: the primary one holds the BTN and the bill's service address
  const nSites = Math.min(r.int(2, 4), Math.max(2, b.lines.length));
  const others: Site[] = r
    .shuffle(SITE_NAMES)
    .slice(0, nSites - 1)
    .map((name) => {
      const c = r.chance(0.5) ? CITIES.find((x) => x.city === b.service.city)! : r.pick(CITIES);
      const addr: Addr = {
        line1: street(r, r.chance(0.6)),
        line2: unit(r, true),
        city: c.city,
        state: c.state,
        zip: zipPlus4(r, c.zip),
      };
      return { name, primary: false, addr, id: `LOC-${r.digits(5)}`, rows: [] };
    });
  const hq: Site = {
    name: r.pick(HQ_NAMES),
    primary: true,
    addr: b.service,
    id: `LOC-${r.digits(5)}`,
    rows: [],
  };
  const sites = r.chance(0.6) ? [hq, ...others] : r.shuffle([hq, ...others]);
  const desc = () => r.pick(DESCRIPTIONS);
  b.lines.forEach((l, i) => {
    const site = i === 0 ? hq : i <= others.length ? others[i - 1]! : r.pick(sites);
    site.rows.push({
      num: l.num,
      desc: i === 0 ? 'Main number - Auto attendant' : desc(),
      status: 'Active',
      charge: l.charge,
    });
  });
  for (const n of b.disconnected)
    r.pick(sites).rows.push({ num: n, desc: desc(), status: r.pick(GONE), charge: 0 });
  // a site's first line stays first (the main number at the primary location)
  for (const s of sites) if (s.rows.length) s.rows = [s.rows[0]!, ...r.shuffle(s.rows.slice(1))];

  // ---- page 1: invoice header, bill-to, remit, summary by location -------------------------
  doc.text('trellis', 40, 52, { size: 26, font: T.bold, color: PLUM });
  doc.text('CLOUD VOICE', 42, 64, { size: 7, color: PLUM });
  doc.rect(340, 30, 232, 78, { fill: MIST });
  let y = 44;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    ['Invoice Number', `INV-${r.digits(8)}`],
    [w.date, d(b.billDate, r.pick(['mon', 'mdy', 'month'] as const))],
    ['Due Date', d(b.dueDate, 'mdy')],
    ['Amount Due', money(b.total)],
  ] as [string, string][]) {
    doc.text(l, 348, y, { size: 7.5, color: GREY });
    doc.text(v, 564, y, { size: 8.5, font: 'bold', align: 'right' });
    y += 13.5;
  }

  // Bill to: accounts payable, sometimes in care of a bookkeeper, at the mailing address
  const careOf = r.chance(0.4) ? `c/o ${r.pick(LAST)} & ${r.pick(LAST)} CPAs` : null;
  const mailing =
    careOf && !b.mailingDiffers
      ? { ...b.mailing, line1: `PO Box ${r.int(100, 9999)}`, line2: null }
      : b.mailing;
  const billTo = r.chance(0.5)
    ? [`ATTN: ${r.pick(['Accounts Payable', b.contact])}`, b.accountName]
    : [b.accountName, `ATTN: ${r.pick(['Accounts Payable', b.contact])}`];
  doc.text('Bill to', 40, 100, { size: 7.5, font: 'bold', color: GREY });
  doc.lines(
    [
      ...billTo,
      ...(careOf ? [careOf] : []),
      mailing.line1,
      ...(mailing.line2 ? [mailing.line2] : []),
      cityLine(mailing),
    ],
    40,
    112,
    11,
    { size: 9 },
  );
  doc.text('Remit payment to', 340, 124, { size: 7.5, font: 'bold', color: GREY });
  doc.lines(['Trellis Cloud Voice', 'Lockbox 771402', cityLine(b.remit)], 340, 136, 11, { size: 9 });

  y = 196;
  if (r.chance(0.5)) {
    // the primary location named on page 1 (the address sits with its section on the next pages)
    doc.text(`${w.name}: ${b.accountName}`, 40, y, { size: 9, font: 'bold' });
    doc.text(`${w.btn}: ${p(b.btn, ps)}    Primary location: ${hq.name}`, 40, y + 13, { size: 8.5 });
    y += 34;
  } else {
    doc.text(`${w.name}: ${b.accountName}    ${w.btn}: ${p(b.btn, ps)}`, 40, y, { size: 9 });
    y += 22;
  }
  doc.text('Charges by location', 40, y, { size: 11, font: T.bold, color: PLUM });
  const tax = Math.round(b.taxes * 100) / 100;
  y = table(doc, {
    x: 40,
    y: y + 16,
    size: 8,
    rowH: 12,
    bottom: 700,
    headFill: MIST,
    cols: [
      { title: 'Location', w: 150 },
      { title: 'City', w: 150 },
      { title: 'Active lines', w: 80, align: 'right' },
      { title: 'Charges', w: 152, align: 'right' },
    ],
    rows: sites.map((s) => [
      s.primary ? `${s.name} (primary)` : s.name,
      `${s.addr.city}, ${s.addr.state}`,
      String(s.rows.filter((x) => x.status === 'Active').length),
      money(s.rows.reduce((t, x) => t + x.charge, 0)),
    ]),
    onNewPage: () => 60,
  });
  y += 10;
  for (const [l, v] of [
    ['Previous balance', b.prevBalance],
    ['Payment received - thank you', b.payment],
    ['Current charges', b.current],
    ['Taxes, surcharges and regulatory fees', tax],
  ] as [string, number][]) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(money(v), 340, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.text('Total amount due', 40, y + 3, { size: 9.5, font: 'bold' });
  doc.text(money(b.total), 340, y + 3, { size: 9.5, font: 'bold', align: 'right' });
  doc.rect(40, 706, 532, 30, { stroke: LIGHT });
  doc.text(
    `Support ${b.tollFree.care}   Billing ${b.tollFree.billing}   Local office ${p(b.office, ps)}   Period ${period(b, 'mon')}`,
    48,
    719,
    { size: 7, color: GREY },
  );
  doc.text('Emergency calls use the E911 address registered for each location.', 48, 729, {
    size: 6.5,
    color: GREY,
  });

  // ---- one section per location ---------------------------------------------------------------
  const head = (): number => {
    doc.addPage();
    doc.text(`Trellis Cloud Voice   ${w.acct} ${b.accountNumber}   ${d(b.billDate, 'mdy')}`, 40, 40, {
      size: 7.5,
      color: GREY,
    });
    return 66;
  };
  y = head();
  sites.forEach((s, k) => {
    if (y > 600) y = head();
    doc.rect(40, y - 12, 532, 18, { fill: MIST });
    doc.text(
      `Location ${k + 1} of ${sites.length}: ${s.name}${s.primary ? ' - Primary location' : ''}`,
      46,
      y,
      { size: 10, font: 'bold', color: PLUM },
    );
    doc.text(`Location ID ${s.id}`, 566, y, { size: 7.5, align: 'right', color: GREY });
    y += 18;
    if (addrOneLine) {
      doc.text(`${w.svc}: ${oneLine(s.addr)}`, 46, y, { size: 8.5 });
      y += 16;
    } else {
      doc.text(`${w.svc}:`, 46, y, { size: 8, color: GREY });
      y = doc.lines([s.addr.line1, ...(s.addr.line2 ? [s.addr.line2] : []), cityLine(s.addr)], 150, y, 11, {
        size: 8.5,
      });
      y += 6;
    }
    y = table(doc, {
      x: 46,
      y: y + 4,
      size: 8,
      rowH: 12,
      bottom: 735,
      rule: PLUM,
      cols: [
        { title: 'Number', w: 110 },
        { title: 'Description', w: 190 },
        { title: 'Status', w: 110 },
        { title: 'Monthly', w: 116, align: 'right' },
      ],
      rows: s.rows.map((x) => [p(x.num, ps), x.desc, x.status, money(x.charge)]),
      onNewPage: () => {
        const yy = head();
        doc.text(`${s.name} (continued)`, 46, yy, { size: 9, font: 'bold', color: PLUM });
        return yy + 18;
      },
    });
    y += 18;
  });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: GREY }),
  );
}

export const trellis: Template = {
  id: 'trellis-cloud-voice',
  carrier: 'Trellis Cloud Voice',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'prefixed',
  acctPrefix: 'TCV',
  businessShare: 1,
  lineRange: [4, 30],
  disconnectedShare: 0.85,
  remit: { line1: 'Lockbox 771402', line2: null, city: 'Philadelphia', state: 'PA', zip: '19177-1402' },
  layout:
    "a multi-site business bill: a summary by location, then a section per location with its own service address and a numbers table with a Status column (only Active numbers are on the account); the service address is the primary location's (the one with the main number); bill-to with ATTN and c/o",
  suite: 'business',
  faxShare: 0.2,
  draw,
};
