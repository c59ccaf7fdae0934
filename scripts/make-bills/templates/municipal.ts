// A town's (or a county PUD's) combined utility bill: one statement for electric, water, sewer,
// refuse and telephone/broadband, the telephone lines one section among the meters. What no other
// template has:
// - the carrier named after the town it serves ("City of Billings Utilities", "Billings Municipal
//   Light & Telephone") or after its county ("Lincoln County Public Utility District"), so the
//   carrier's name shares a word with the service address's town (or a street's name);
// - an Account Number beside a Customer Number and a Location / Premise / Service Point ID (ten
//   digits on some bills, shaped like a telephone number of the customer's area code on a share),
//   meter numbers of 8-10 digits, meter readings, rate codes (`RS-1`) and multipliers;
// - the telephone lines as `Telephone Service 406-555-0142` / `Additional Line` rows, or as `Line 1`,
//   `Line 2` with the numbers beside them, and a `Broadband 100 Mbps` row with no number;
// - the service address printed as the premise, often without its town (`Service Location: 118 N
//   Willow St`): the town, state and ZIP are the mailing address's (a PO Box in the same town);
// - a county district's office in the county seat, another town than the premise's;
// - the utility office's, the after-hours outage line's and the pay-by-phone line's numbers in the
//   customer's area code, a budget billing note, a 12-month usage chart of bars, a return stub.
import { GREY, hex, LIGHT, money, type Doc } from '../draw';
import { type Bill, fmtPhone, MON, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { d, period } from './common';
import type { Template } from './types';

const INK = hex('#1f3f66');
const BAR = hex('#7a9cc6');
const SHADE = hex('#e8eef6');

const COUNTIES = [
  'Lincoln',
  'Grant',
  'Mason',
  'Douglas',
  'Okanogan',
  'Franklin',
  'Benton',
  'Clark',
  'Pacific',
];
const COUNTY_SEATS = [
  'Ephrata',
  'Shelton',
  'Waterville',
  'Davenport',
  'Pasco',
  'Prosser',
  'Long Beach',
  'Colville',
];
const OFFICE_STREETS = ['W Main St', 'N Central Ave', 'E 2nd St', 'S Broadway', 'Court St', 'N 1st Ave'];
const SPEEDS = ['25 Mbps', '50 Mbps', '100 Mbps', '250 Mbps', '500 Mbps', '1 Gig'];

/** The utility's printed name: the carrier truth (the losing carrier of the telephone lines). */
function utilityName(r: Rng, town: string): string {
  return r.pick([
    `City of ${town} Utilities`,
    `${r.pick(COUNTIES)} County Public Utility District`,
    `${town} Municipal Light & Telephone`,
    `${town} Municipal Utilities`,
    `${r.pick(COUNTIES)} County PUD No. ${r.int(1, 3)}`,
  ]);
}

/** A utility's own account number: `041287-002`, `12-04417-01` or plain digits. */
function utilityAccount(r: Rng): string {
  return r.pick([
    (): string => `${r.digits(6)}-${r.digits(3)}`,
    (): string => `${r.digits(2)}-${r.digits(5)}-${r.digits(2)}`,
    (): string => `${r.int(1, 9)}${r.digits(r.int(6, 8))}`,
  ])();
}

/** Ten digits a telephone number could have, in the customer's area code (an id, not a number). */
const phoneShaped = (r: Rng, npa: string): string => `${npa}${r.int(2, 9)}${r.digits(6)}`;

const group = (n: number): string => n.toLocaleString('en-US');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const town = b.service.city;
  const name = utilityName(r, town);
  b.carrier = name;
  doc.pdf.setTitle(`${name} statement`);
  doc.pdf.setAuthor(name);
  doc.pdf.setProducer(`${name} billing system`);
  doc.pdf.setCreator(name);
  b.accountNumber = utilityAccount(r);
  const npa = b.btn.slice(0, 3);
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot'] as const);
  const ph = (n: string): string => fmtPhone(n, ps);
  const zip5 = b.service.zip.slice(0, 5);
  const office = `${r.int(100, 499)} ${r.pick(OFFICE_STREETS)}`;
  // a county's district keeps its office in the county seat, another town than the premise's
  const seat = name.includes('County') ? r.pick(COUNTY_SEATS) : null;
  const officeTown = seat ?? town;
  const officeZip = seat ? String((Number(zip5) + r.int(3, 60)) % 100000).padStart(5, '0') : zip5;
  b.remit = {
    line1: `PO Box ${r.int(10, 990)}`,
    line2: null,
    city: officeTown,
    state: b.service.state,
    zip: officeZip,
  };

  // The premise alone, without its town, when the mailing address is in the same town: the town,
  // state and ZIP on the bill are then the mailing block's (the truth takes them from there).
  const sameTown = b.mailing.city === b.service.city && b.mailing.state === b.service.state;
  const premiseOnly = sameTown && r.chance(0.6);
  if (premiseOnly) b.service = { ...b.service, zip: b.mailing.zip };
  const upperPremise = r.chance(0.35);
  const premise = [b.service.line1, ...(b.service.line2 ? [b.service.line2] : [])].map((s) =>
    upperPremise ? s.toUpperCase() : s,
  );

  // ---- header: the utility, its services, its office and its three local numbers
  doc.text(name, 40, 50, { size: name.length > 34 ? 15 : 18, font: 'bold', color: INK });
  doc.text(
    r.pick([
      'Electric  ·  Water  ·  Sewer  ·  Refuse  ·  Telephone  ·  Broadband',
      'ELECTRIC - WATER - WASTEWATER - SOLID WASTE - PHONE - INTERNET',
    ]),
    40,
    64,
    { size: 7.5, color: GREY },
  );
  doc.text(`${office}, ${officeTown}, ${b.service.state} ${officeZip}`, 40, 76, { size: 7.5, color: GREY });
  const contacts = r.shuffle([
    `${r.pick(['Customer Service', 'Utility Office', 'Billing Office'])} ${ph(b.office)}`,
    `${r.pick(['After-hours outages', 'Outages 24 hrs', 'Power outage / water emergency'])} ${ph(b.repairLocal)}`,
    `${r.pick(['Pay by phone', 'Automated payment line', 'Pay-by-phone 24/7'])} ${ph(b.fax)}`,
  ]);
  doc.lines(contacts, 40, 88, 9.5, { size: 7.5, color: GREY });

  // ---- account facts box (right)
  const custNo = r.chance(0.35) ? phoneShaped(r, npa) : `${r.int(1, 9)}${r.digits(r.int(5, 9))}`;
  const locLabel = r.pick(['Location ID', 'Premise ID', 'Service Point ID', 'Location No.']);
  const locNo = r.chance(0.3)
    ? phoneShaped(r, npa)
    : r.chance(0.5)
      ? `${r.int(1, 9)}${r.digits(9)}`
      : `${r.int(1, 9)}${r.digits(r.int(5, 7))}`;
  const acctLabel = r.pick(['Account Number', 'Account No.', 'Utility Account']);
  const dateLabel = r.pick(['Bill Date', 'Statement Date', 'Billing Date']);
  const facts: [string, string][] = r.shuffle([
    [locLabel, locNo],
    ['Customer Number', custNo],
  ]);
  facts.unshift([acctLabel, b.accountNumber]);
  facts.push([dateLabel, d(b.billDate, r.pick(['mdy', 'mon'] as const))]);
  facts.push(['Due Date', d(b.dueDate, 'mdy')]);
  facts.push(['Service Period', period(b, 'mdy2')]);
  const btnFact = r.chance(0.4);
  if (btnFact) facts.splice(3, 0, [r.pick(['Primary Phone', 'Telephone Number', 'Phone No.']), ph(b.btn)]);
  const boxBottom = 34 + 14 + facts.length * 12.5;
  doc.rect(352, 34, 220, boxBottom - 34, { stroke: INK, lw: 0.8 });
  let y = 46;
  for (const [l, v] of facts) {
    doc.text(l, 360, y, { size: 7.5, color: GREY });
    doc.text(v, 564, y, { size: 8.5, font: 'bold', align: 'right' });
    y += 12.5;
  }

  // ---- mailing block (window) and the premise
  const mail = [
    b.accountName,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`Attn: ${b.contact}`] : []),
    b.mailing.line1,
    ...(b.mailing.line2 ? [b.mailing.line2] : []),
    `${b.mailing.city} ${b.mailing.state} ${b.mailing.zip}`,
  ];
  doc.lines(r.chance(0.5) ? mail.map((s) => s.toUpperCase()) : mail, 56, 138, 11, { size: 9 });
  const svcLabel = r.pick(['Service Location', 'Service Address', 'Premise Address', 'Location']);
  const townLine = `${upperPremise ? town.toUpperCase() : town} ${b.service.state} ${b.service.zip}`;
  y = 214;
  if (premiseOnly || r.chance(0.5)) {
    // one line: the premise, with its town only when the mailing block does not give it
    const one = premiseOnly ? premise.join(' ') : `${premise.join(' ')}, ${townLine}`;
    doc.text(`${svcLabel}:`, 56, y, { size: 8, color: GREY });
    doc.text(one, 56 + doc.width(`${svcLabel}: `, 8), y, { size: 8.5, font: 'bold' });
    y += 14;
  } else {
    doc.text(`${svcLabel}:`, 56, y, { size: 8, color: GREY });
    y = doc.lines([...premise, townLine], 56, y + 11, 10.5, { size: 8.5, font: 'bold' });
  }

  // ---- summary (right of the premise)
  const srows: [string, number][] = [
    ['Previous Balance', b.prevBalance],
    ['Payment Received - Thank You', b.payment],
    ['Current Charges', b.current + b.taxes],
  ];
  let sy = Math.max(150, boxBottom + 16);
  doc.text('ACCOUNT SUMMARY', 352, sy, { size: 8.5, font: 'bold', color: INK });
  sy += 13;
  for (const [l, v] of srows) {
    doc.text(l, 352, sy, { size: 8 });
    doc.text(money(v), 572, sy, { size: 8, align: 'right' });
    sy += 11.5;
  }
  doc.hline(352, 572, sy - 8, { color: GREY });
  sy += 4;
  doc.text('Total Amount Due', 352, sy, { size: 9.5, font: 'bold' });
  doc.text(money(b.total), 572, sy, { size: 9.5, font: 'bold', align: 'right' });

  // ---- metered services
  y = Math.max(y, sy) + 18;
  doc.rect(40, y - 10, 532, 14, { fill: SHADE });
  const cols = [40, 110, 186, 236, 296, 356, 396, 470];
  const heads = ['Service', 'Meter #', 'Rate', 'Previous', 'Current', 'Mult', 'Usage', 'Amount'];
  heads.forEach((h, i) =>
    doc.text(h, i === 7 ? 566 : cols[i]! + 4, y, {
      size: 7.5,
      font: 'bold',
      align: i === 7 ? 'right' : 'left',
    }),
  );
  y += 15;
  const meterDigits = (): string => `${r.int(1, 9)}${r.digits(r.int(7, 9))}`;
  const kwh = r.int(380, 2100);
  const gallons = r.int(18, 140) * 100;
  const ePrev = r.int(10000, 98000);
  const wPrev = r.int(100, 9000) * 100;
  const mult = r.pick([1, 1, 1, 10, 40]);
  const commercial = b.accountType === 'business';
  const metered: [string, string, string, string, string, string, string, number][] = [
    [
      'Electric',
      meterDigits(),
      commercial ? r.pick(['GS-1', 'GS-2']) : r.pick(['RS-1', 'RS-2', 'R-1']),
      group(ePrev),
      group(ePrev + Math.round(kwh / mult)),
      String(mult),
      `${group(kwh)} kWh`,
      r.int(5000, 24000) / 100,
    ],
    [
      'Water',
      meterDigits(),
      commercial ? 'W-2' : r.pick(['W-1', 'WR-1']),
      group(wPrev),
      group(wPrev + gallons),
      '1',
      `${group(gallons)} Gal`,
      r.int(2500, 9000) / 100,
    ],
  ];
  for (const row of metered) {
    row.slice(0, 7).forEach((v, i) => doc.text(String(v), cols[i]! + 4, y, { size: 8 }));
    doc.text(money(row[7]), 566, y, { size: 8, align: 'right' });
    y += 12;
  }
  const flat: [string, string, number][] = [
    ['Sewer', r.pick(['SW-1', 'Sewer base + volume']), r.int(2200, 6800) / 100],
    [
      'Refuse',
      r.pick(['95 gal cart weekly', '64 gal cart', 'Residential collection']),
      r.int(1400, 3200) / 100,
    ],
  ];
  for (const [l, rate, amt] of flat) {
    doc.text(l, cols[0]! + 4, y, { size: 8 });
    doc.text(rate, cols[2]! + 4, y, { size: 8 });
    doc.text(money(amt), 566, y, { size: 8, align: 'right' });
    y += 12;
  }

  // ---- telephone and broadband: a section among the others
  y += 8;
  doc.rect(40, y - 10, 532, 14, { fill: SHADE });
  doc.text(r.pick(['TELEPHONE & BROADBAND', 'Telephone / Internet', 'COMMUNICATIONS']), 44, y, {
    size: 8,
    font: 'bold',
  });
  y += 15;
  const numbered = r.chance(0.35) || b.lines.length > 2;
  b.lines.forEach((l, i) => {
    const label = numbered
      ? `Line ${i + 1}`
      : i === 0
        ? r.pick(['Telephone Service', 'Local Telephone Service', 'Residential Phone Service'])
        : r.pick(['Additional Line', 'Second Line', 'Telephone Service']);
    doc.text(label, 44, y, { size: 8 });
    doc.text(ph(l.num), numbered ? 110 : 190, y, { size: 8, font: numbered ? 'bold' : 'reg' });
    doc.text(money(l.charge), 566, y, { size: 8, align: 'right' });
    y += 12;
    for (const f of l.features.slice(0, 2)) {
      doc.text(f.name, 56, y, { size: 7.5, color: GREY });
      doc.text(money(f.amount), 566, y, { size: 7.5, align: 'right', color: GREY });
      y += 10.5;
    }
  });
  for (const n of b.disconnected) {
    const when = d(new Date(b.periodStart.getTime() + 86400000 * r.int(3, 20)), 'mdy');
    doc.text(
      r.pick([
        `Line ${ph(n)} disconnected ${when} - final charges`,
        `Telephone ${ph(n)} service ended ${when}`,
      ]),
      44,
      y,
      { size: 8, color: GREY },
    );
    doc.text(money(r.int(100, 1500) / 100), 566, y, { size: 8, align: 'right', color: GREY });
    y += 12;
  }
  doc.text(`Broadband ${r.pick(SPEEDS)}`, 44, y, { size: 8 });
  doc.text(money(r.int(3995, 8995) / 100), 566, y, { size: 8, align: 'right' });
  y += 12;
  if (r.chance(0.5)) {
    doc.text(
      r.pick(['Wi-Fi Router Rental', 'Long Distance 42 min', 'Federal Subscriber Line Charge']),
      44,
      y,
      {
        size: 8,
      },
    );
    doc.text(money(r.int(200, 900) / 100), 566, y, { size: 8, align: 'right' });
    y += 12;
  }
  doc.text('Taxes, Fees & Franchise Charges', 44, y, { size: 8 });
  doc.text(money(b.taxes), 566, y, { size: 8, align: 'right' });
  y += 16;

  // ---- budget billing note
  const level = Math.round((b.current + b.taxes) * r.float(0.8, 1.1));
  doc.text(
    r.pick([
      `Budget Billing: your levelized amount is ${money(level)} per month; actual charges this period ${money(b.current + b.taxes)}.`,
      `You are enrolled in Levelized Billing. Monthly budget amount ${money(level)}. Deferred balance ${money(r.int(1000, 30000) / 100)}.`,
      `Ask about Budget Billing: spread your utility costs evenly over 12 months. Call ${ph(b.office)}.`,
    ]),
    40,
    y,
    { size: 7.5, font: 'ital' },
  );
  y += 14;

  // ---- usage history chart: 12 bars, month labels, a scale
  const chartTop = y + 12;
  const chartH = 60;
  doc.text(
    r.pick(['12-Month Electric Usage (kWh)', 'Usage History - kWh', 'Your electric use, last 12 months']),
    40,
    y,
    {
      size: 8,
      font: 'bold',
      color: INK,
    },
  );
  const months = Array.from({ length: 12 }, (_, k) => (b.billDate.getUTCMonth() + 1 + k) % 12);
  const hist = months.map((_, k) => (k === 11 ? kwh : r.int(300, 2200)));
  const top = Math.max(...hist);
  doc.hline(70, 330, chartTop + chartH, { color: GREY });
  for (const v of [0, Math.round(top / 2 / 100) * 100]) {
    const yy = chartTop + chartH - (v / top) * chartH;
    doc.text(String(v), 66, yy + 2, { size: 6, color: GREY, align: 'right' });
  }
  const initials = r.chance(0.4);
  months.forEach((m, k) => {
    const h = (hist[k]! / top) * chartH;
    const x = 76 + k * 21;
    doc.rect(x, chartTop + chartH - h, 13, h, { fill: k === 11 ? INK : BAR });
    const lab = initials ? MON[m]!.charAt(0) : MON[m]!;
    doc.text(lab, x + 6.5, chartTop + chartH + 9, { size: 6, color: GREY, align: 'center' });
  });
  const days = Math.round((b.periodEnd.getTime() - b.periodStart.getTime()) / 86400000);
  doc.lines(
    [
      `Days in period: ${days}`,
      `Average daily kWh: ${Math.round(kwh / days)}`,
      `Same month last year: ${group(r.int(300, 2200))} kWh`,
      `Average daily water: ${Math.round(gallons / days)} gal`,
    ],
    360,
    chartTop + 8,
    11,
    { size: 7.5 },
  );
  doc.text('Call 811 before you dig.', 360, chartTop + 58, { size: 7, color: GREY });

  // ---- return stub
  const stub = 652;
  doc.hline(30, 582, stub, { color: LIGHT, dash: [4, 3] });
  doc.text('Please detach and return this portion with your payment', 306, stub + 10, {
    size: 6.5,
    color: GREY,
    align: 'center',
  });
  doc.text(name.toUpperCase(), 40, stub + 30, { size: 9, font: 'bold' });
  const stubFacts: [string, string][] = [
    [r.pick(['Account Number', 'Account No.', 'Acct #']), b.accountNumber],
    ['Due Date', d(b.dueDate, 'mdy')],
    ['Amount Due', money(b.total)],
    ['Amount Enclosed', '$ ____________'],
  ];
  let ty = stub + 30;
  for (const [l, v] of stubFacts) {
    doc.text(l, 360, ty, { size: 8, color: GREY });
    doc.text(v, 572, ty, { size: 9, font: 'bold', align: 'right' });
    ty += 13;
  }
  doc.lines([b.accountName.toUpperCase(), premise.join(' ').toUpperCase()], 40, stub + 48, 11, { size: 8 });
  doc.lines(
    ['Make checks payable to:', name, b.remit.line1, `${b.remit.city} ${b.remit.state} ${b.remit.zip}`],
    40,
    stub + 80,
    10,
    { size: 7.5, color: GREY },
  );
}

export const municipal: Template = {
  id: 'municipal-utilities',
  carrier: 'Municipal Utilities',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 0.2,
  lineRange: [1, 3],
  disconnectedShare: 0.2,
  remit: { line1: 'PO Box 1', line2: null, city: 'Billings', state: 'MT', zip: '59101' },
  layout:
    "a town's or county PUD's combined bill (electric, water, sewer, refuse, telephone, broadband): the carrier named after the town, account number beside a customer number and a location id (some phone-shaped), meters and readings, phone lines among the services, the premise without its town, the office/outage/pay-by-phone numbers, budget billing, a usage chart and a return stub",
  suite: 'business',
  faxShare: 0,
  draw,
};
