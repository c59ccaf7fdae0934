// An English Canadian carrier (Ontario, the West, the Maritimes): labels in English with the French
// beside them on most bills ("Account number / Numéro de compte"), dates as "2025/03/14",
// "14-Mar-2025" or "March 14, 2025", amounts as "$1,234.56 CAD", GST/HST (or GST + PST) lines by
// province, a GST/HST registration number (a 15-character business number that is not the
// account), Canada Post addresses ("1402-88 Bay St", "Toronto ON  M5V 3L9", "Calgary, Alberta
// T2P 1J9"), a post-office-box mailing address with its station, and Canadian area codes.
import { hex, table, type Doc, GREY, LIGHT } from '../draw';
import { CA_CITIES } from '../data-ca';
import { MON, MONTH, type Addr, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { factRows, p } from './common';
import type { Template } from './types';

const PINE = hex('#1d4e3f');
const FROST = hex('#e8f0ed');

/** How Canadian billing systems print a date: year first with slashes, day-month-year, or in words. */
export type DateCa = 'ymd' | 'dmy' | 'month';
export function dateCa(dt: Date, s: DateCa): string {
  const y = dt.getUTCFullYear(),
    m = dt.getUTCMonth(),
    day = dt.getUTCDate();
  const z = (n: number): string => String(n).padStart(2, '0');
  if (s === 'ymd') return `${y}/${z(m + 1)}/${z(day)}`;
  if (s === 'dmy') return `${z(day)}-${MON[m]}-${y}`;
  return `${MONTH[m]} ${day}, ${y}`;
}

/** "$1,234.56 CAD": Canadian dollars, marked as such on some bills. */
export function moneyCa(n: number, cad: boolean): string {
  const s = Math.abs(n).toLocaleString('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${n < 0 ? '-' : ''}$${s}${cad ? ' CAD' : ''}`;
}

/** Sales taxes by province: HST where it is harmonized, GST plus a provincial tax elsewhere. */
function taxLines(prov: string, base: number): [string, number][] {
  const t = (rate: number) => Math.round(base * rate * 100) / 100;
  switch (prov) {
    case 'ON':
      return [['HST (13%)', t(0.13)]];
    case 'NS':
    case 'NL':
      return [['HST (15%)', t(0.15)]];
    case 'BC':
      return [
        ['GST (5%)', t(0.05)],
        ['PST (7%)', t(0.07)],
      ];
    case 'MB':
      return [
        ['GST (5%)', t(0.05)],
        ['RST (7%)', t(0.07)],
      ];
    case 'SK':
      return [
        ['GST (5%)', t(0.05)],
        ['PST (6%)', t(0.06)],
      ];
    default:
      return [['GST (5%)', t(0.05)]];
  }
}

/** Canada Post city lines: "Toronto ON  M5V 3L9", "Toronto, Ontario M5V 3L9", or in capitals. */
type CityStyle = 'post' | 'province' | 'upper';
function cityLineCa(a: Addr, s: CityStyle): string {
  const province = CA_CITIES.find((c) => c.prov === a.state)?.province ?? a.state;
  if (s === 'province') return `${a.city}, ${province} ${a.zip}`;
  if (s === 'upper') return `${a.city.toUpperCase()} ${a.state}  ${a.zip}`;
  return `${a.city} ${a.state}  ${a.zip}`;
}
function addrCaLines(a: Addr, s: CityStyle): string[] {
  const up = (x: string) => (s === 'upper' ? x.toUpperCase() : x);
  return [up(a.line1), ...(a.line2 ? [up(a.line2)] : []), cityLineCa(a, s)];
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const bi = r.chance(0.65);
  const L = (en: string, fr: string): string => (bi ? `${en} / ${fr}` : en);
  const acct = L(r.pick(['Account number', 'Account No.']), 'Numéro de compte');
  const name = L(r.pick(['Account name', 'Customer name']), r.pick(['Nom du compte', 'Nom du client']));
  const btn = L(r.pick(['Main number', 'Primary phone number']), 'Numéro principal');
  const svc = L(r.pick(['Service address', 'Service location']), 'Adresse de service');
  const date = L(r.pick(['Bill date', 'Statement date']), 'Date de facturation');
  const ds: DateCa = r.pick(['ymd', 'dmy', 'month']);
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'space']);
  const cs: CityStyle = r.pick(['post', 'post', 'province', 'upper']);
  const cad = r.chance(0.6);
  const T = doc.alt;

  doc.text('BOREALIS', 40, 50, { size: 21, font: 'bold', color: PINE });
  doc.text('telecom', 40 + doc.width('BOREALIS', 21, 'bold') + 5, 50, { size: 21, color: GREY });
  doc.text(bi ? 'Your bill / Votre facture' : 'Your bill', 572, 42, {
    size: 10,
    align: 'right',
    font: 'bold',
  });
  doc.text(
    `${L('Billing period', 'Période de facturation')}: ${dateCa(b.periodStart, ds)} - ${dateCa(b.periodEnd, ds)}`,
    572,
    56,
    { size: 7, align: 'right', color: GREY },
  );

  // account facts: a shaded label column beside the values
  const facts: [string, string[]][] = [
    [name, [b.accountName]],
    [acct, [b.accountNumber]],
    [btn, [p(b.btn, ps)]],
    [date, [dateCa(b.billDate, ds)]],
    [L('Payment due', 'Date d’échéance'), [dateCa(b.dueDate, ds)]],
    [svc, addrCaLines(b.service, cs)],
  ];
  let y = factRows(doc, facts, 80, { labelWidth: 200, valueX: 248, shade: FROST, rule: LIGHT, lw: 0.5 });

  // the mailing block in the envelope window, and where cheques go
  y += 18;
  doc.text(L('Mailing address', 'Adresse postale'), 40, y, { size: 7.5, color: GREY });
  const mail = [
    b.accountName,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`Attn: ${b.contact}`] : []),
    ...addrCaLines(b.mailing, cs),
  ];
  doc.lines(mail, 40, y + 12, 11, { size: 9 });
  doc.text(L('Make cheques payable to', 'Libellez votre chèque à'), 330, y, { size: 7.5, color: GREY });
  doc.lines(['Borealis Telecom Inc.', ...addrCaLines(b.remit, 'post')], 330, y + 12, 11, { size: 9 });
  y += 76;

  // the summary, with the province's sales taxes
  const taxes = taxLines(b.service.state, b.current);
  const total =
    Math.round((b.prevBalance + b.payment + b.current + taxes.reduce((s, t) => s + t[1], 0)) * 100) / 100;
  const rows: [string, number][] = [
    [L('Previous balance', 'Solde précédent'), b.prevBalance],
    [L('Payment received - thank you', 'Paiement reçu - merci'), b.payment],
    [L('Monthly services', 'Services mensuels'), b.current],
    ...taxes,
  ];
  for (const [l, v] of rows) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(moneyCa(v, cad), 330, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.hline(40, 330, y - 8, { color: GREY });
  doc.text(L('Total amount due', 'Montant total dû'), 40, y + 3, { size: 9.5, font: 'bold' });
  doc.text(moneyCa(total, cad), 330, y + 3, { size: 9.5, align: 'right', font: 'bold' });
  doc.lines(
    [
      `${L('Customer care', 'Service à la clientèle')}: ${b.tollFree.care}`,
      `${L('Technical support', 'Soutien technique')}: ${b.tollFree.repair}`,
      `${L('Business office', 'Bureau d’affaires')}: ${p(b.office, ps)}`,
      `GST/HST Reg. No. ${r.digits(5)} ${r.digits(4)} RT0001`,
    ],
    360,
    y - 56,
    11,
    { size: 7.5, color: GREY },
  );
  y += 32;

  doc.text(L('Your phone numbers', 'Vos numéros de téléphone'), 40, y, {
    size: 11,
    font: T.bold,
    color: PINE,
  });
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 12.5,
    bottom: 720,
    headFill: FROST,
    cols: [
      { title: bi ? 'Phone number / Numéro' : 'Phone number', w: 150 },
      { title: 'Service', w: 240 },
      { title: bi ? 'Amount / Montant' : 'Amount', w: 142, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, moneyCa(l.charge, false)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Borealis Telecom - ${acct} ${b.accountNumber} - continued`, 40, 44, { size: 8, color: GREY });
      return 70;
    },
  });
  if (b.disconnected.length) {
    let yy = end + 14;
    doc.text(L('Cancelled lines', 'Lignes annulées'), 40, yy, { size: 9.5, font: 'bold' });
    yy += 14;
    for (const n of b.disconnected) {
      doc.text(p(n, ps), 40, yy, { size: 8.5 });
      doc.text(`Cancelled ${dateCa(new Date(b.periodStart.getTime() + 9 * 86400000), ds)}`, 190, yy, {
        size: 8.5,
        color: GREY,
      });
      yy += 12;
    }
  }
  doc.eachPage((i, n) =>
    doc.text(`Borealis Telecom Inc.  ·  borealistelecom.ca  ·  Page ${i + 1} of ${n}`, 306, 772, {
      size: 7,
      align: 'center',
      color: GREY,
    }),
  );
}

export const borealis: Template = {
  id: 'borealis-telecom',
  carrier: 'Borealis Telecom',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 0.6,
  lineRange: [1, 24],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 4500 Stn A', line2: null, city: 'Toronto', state: 'ON', zip: 'M5W 0E4' },
  layout:
    'an English Canadian bill: labels with the French beside them, dates as 2025/03/14 or 14-Mar-2025, amounts in CAD with GST/HST lines, a GST/HST registration number, Canada Post addresses and postal codes',
  suite: 'business',
  locale: 'ca',
  draw,
};
