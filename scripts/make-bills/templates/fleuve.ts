// A Quebec carrier's bill in French, or bilingual with the French first ("Numéro de compte /
// Account number"): day-first dates ("15 avril 2025", "2025-04-15", "15/04/2025"), amounts as
// "1 234,56 $", addresses as "1250, boul. René-Lévesque O., bureau 400, Montréal (Québec) H3B 4W8",
// GST/QST lines, and a fax line among the customer's own lines.
import { hex, table, type Doc, GREY } from '../draw';
import { type Addr, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { factRows, p } from './common';
import type { Template } from './types';

const TEAL = hex('#006d77');
const PALE = hex('#e6f2f3');

const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
export type DateFr = 'long' | 'iso' | 'dmy';
export function dateFr(dt: Date, s: DateFr): string {
  const y = dt.getUTCFullYear(),
    m = dt.getUTCMonth(),
    day = dt.getUTCDate();
  const z = (n: number): string => String(n).padStart(2, '0');
  if (s === 'long') return `${day === 1 ? '1er' : day} ${MOIS[m]} ${y}`;
  if (s === 'iso') return `${y}-${z(m + 1)}-${z(day)}`;
  return `${z(day)}/${z(m + 1)}/${y}`;
}

/** "1 234,56 $": a space between thousands, a decimal comma, the sign after. */
export function moneyFr(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${n < 0 ? '-' : ''}${grouped},${dec} $`;
}

/** Canada Post order: "Montréal (Québec) H3B 4W8" or "Montréal QC  H3B 4W8". */
function cityLineQc(a: Addr, paren: boolean): string {
  return paren ? `${a.city} (Québec) ${a.zip}` : `${a.city} QC  ${a.zip}`;
}
function addrQcLines(a: Addr, paren: boolean, oneLine: boolean): string[] {
  const street = [a.line1, a.line2].filter(Boolean).join(', ');
  return oneLine ? [`${street}, ${cityLineQc(a, paren)}`] : [street, cityLineQc(a, paren)];
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const bi = r.chance(0.5);
  const L = (fr: string, en: string): string => (bi ? `${fr} / ${en}` : fr);
  const acct = L(r.pick(['Numéro de compte', 'No de compte']), 'Account number');
  const name = L(r.pick(['Titulaire du compte', 'Nom du client']), 'Account holder');
  const btn = L(r.pick(['Numéro principal', 'No de téléphone principal']), 'Main number');
  const svc = L(r.pick(['Adresse de service', 'Adresse du service']), 'Service address');
  const date = L(r.pick(['Date de facturation', 'Date de la facture']), 'Bill date');
  const ds: DateFr = r.pick(['long', 'iso', 'dmy']);
  const ps: PhoneStyle = r.pick(['space', 'paren', 'dash']);
  const ph = (n: string): string =>
    ps === 'space' ? `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}` : p(n, ps);
  const paren = r.chance(0.6);
  const oneLine = r.chance(0.4);
  const T = doc.alt;

  doc.text('FLEUVE', 40, 50, { size: 22, font: T.bold, color: TEAL });
  doc.text('télécom', 40 + doc.width('FLEUVE', 22, T.bold) + 4, 50, { size: 22, font: T.ital, color: GREY });
  doc.text(bi ? 'Votre facture / Your bill' : 'Votre facture', 572, 42, {
    size: 10,
    align: 'right',
    font: 'bold',
  });
  doc.text(`${L('Période de facturation', 'Billing period')} :`, 572, 56, {
    size: 7,
    align: 'right',
    color: GREY,
  });
  doc.text(`du ${dateFr(b.periodStart, ds)} au ${dateFr(b.periodEnd, ds)}`, 572, 66, {
    size: 7.5,
    align: 'right',
  });

  // account facts in a ruled box, French label left, value right
  const facts: [string, string[]][] = [
    [name, [b.accountName]],
    [acct, [b.accountNumber]],
    [btn, [ph(b.btn)]],
    [date, [dateFr(b.billDate, ds)]],
    [L("Date d'échéance", 'Due date'), [dateFr(b.dueDate, ds)]],
    [svc, addrQcLines(b.service, paren, oneLine)],
  ];
  let y = factRows(doc, facts, 84, { labelWidth: 190, valueX: 236, shade: PALE, rule: GREY, lw: 0.4 });

  // mailing block and remittance
  y += 16;
  doc.text(L('Adresse postale', 'Mailing address'), 40, y, { size: 7.5, color: GREY });
  const mail = [
    b.accountName,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`a/s ${b.contact}`] : []),
    ...addrQcLines(b.mailing, paren, false),
  ];
  doc.lines(mail, 40, y + 12, 11, { size: 9 });
  doc.text(L('Libellez votre chèque à', 'Make cheque payable to'), 330, y, { size: 7.5, color: GREY });
  doc.lines(['Fleuve Télécom inc.', ...addrQcLines(b.remit, paren, false)], 330, y + 12, 11, { size: 9 });
  y += 74;

  // summary with GST / QST
  const tps = Math.round(b.current * 0.05 * 100) / 100;
  const tvq = Math.round((b.taxes - tps) * 100) / 100;
  const rows: [string, number][] = [
    [L('Solde précédent', 'Previous balance'), b.prevBalance],
    [L('Paiement reçu - merci', 'Payment received'), b.payment],
    [L('Frais mensuels', 'Monthly charges'), b.current],
    ['TPS (5 %)', tps],
    ['TVQ (9,975 %)', tvq],
  ];
  for (const [l, v] of rows) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(moneyFr(v), 330, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.text(L('Montant total à payer', 'Total amount due'), 40, y + 2, { size: 9.5, font: 'bold' });
  doc.text(moneyFr(b.total), 330, y + 2, { size: 9.5, align: 'right', font: 'bold' });
  doc.lines(
    [
      `${L('Service à la clientèle', 'Customer service')} : ${b.tollFree.care}`,
      `${L('Dépannage', 'Repairs')} : ${b.tollFree.repair}`,
      `${L('Télécopieur', 'Fax')} : ${ph(b.fax)}`,
    ],
    360,
    y - 48,
    11,
    { size: 7.5, color: GREY },
  );
  y += 30;

  doc.text(r.pick(['Numéros de téléphone', 'Lignes', 'Vos lignes']), 40, y, {
    size: 11,
    font: T.bold,
    color: TEAL,
  });
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 12.5,
    bottom: 720,
    headFill: PALE,
    cols: [
      { title: 'Numéro', w: 120 },
      { title: 'Service', w: 250 },
      { title: 'Montant', w: 162, align: 'right' },
    ],
    rows: b.lines.map((l) => [ph(l.num), l.plan, moneyFr(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Fleuve Télécom - ${acct} ${b.accountNumber} - suite`, 40, 44, { size: 8, color: GREY });
      return 70;
    },
  });
  if (b.disconnected.length) {
    let yy = end + 14;
    doc.text(L('Lignes débranchées', 'Disconnected lines'), 40, yy, { size: 9.5, font: 'bold' });
    yy += 14;
    for (const n of b.disconnected) {
      doc.text(ph(n), 40, yy, { size: 8.5 });
      doc.text(`Débranchée le ${dateFr(new Date(b.periodStart.getTime() + 9 * 86400000), ds)}`, 170, yy, {
        size: 8.5,
        color: GREY,
      });
      yy += 12;
    }
  }
  doc.eachPage((i, n) =>
    doc.text(`Fleuve Télécom inc.  ·  fleuvetelecom.ca  ·  Page ${i + 1} de ${n}`, 306, 772, {
      size: 7,
      align: 'center',
      color: GREY,
    }),
  );
}

export const fleuve: Template = {
  id: 'fleuve-telecom',
  carrier: 'Fleuve Télécom',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'space444',
  businessShare: 0.7,
  lineRange: [1, 30],
  disconnectedShare: 0.3,
  remit: {
    line1: 'C.P. 11560, succursale Centre-ville',
    line2: null,
    city: 'Montréal',
    state: 'QC',
    zip: 'H3C 5N2',
  },
  layout:
    'a Quebec bill in French or bilingual (French first): day-first dates, amounts as "123,45 $", Canadian postal codes and area codes',
  suite: 'business',
  locale: 'qc',
  draw,
};
