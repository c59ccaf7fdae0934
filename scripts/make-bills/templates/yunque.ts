// A Puerto Rico carrier that bills in Spanish only: Spanish labels ("Número de cuenta", "Fecha de
// emisión", "Dirección de servicio", "Titular de la cuenta"), dates in words ("15 de marzo de
// 2025") or day first ("15/03/2025", "15-mar-2025"), dollar amounts, the state and municipal IVU
// (Impuesto sobre Ventas y Uso), island addresses (an urbanization or condominium line over the
// street or apartment, "Carolina PR 00985"), 787/939 numbers and "Líneas desconectadas".
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { type Addr, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { factRows, p } from './common';
import type { Template } from './types';

const GREEN = hex('#1b6b3a');
const MINT = hex('#e7f3eb');

const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const MESES_ABR = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** "15 de marzo de 2025", day first with slashes ("15/03/2025") or "15-mar-2025". */
export type DateEs = 'long' | 'dmy' | 'dmon';
export function dateEs(dt: Date, s: DateEs): string {
  const y = dt.getUTCFullYear(),
    m = dt.getUTCMonth(),
    day = dt.getUTCDate();
  const z = (n: number): string => String(n).padStart(2, '0');
  if (s === 'long') return `${day} de ${MESES[m]} de ${y}`;
  if (s === 'dmy') return `${z(day)}/${z(m + 1)}/${y}`;
  return `${z(day)}-${MESES_ABR[m]}-${y}`;
}

/** The island's address block: as printed, or the street lines run together on one line. */
function addrPrLines(a: Addr, upper: boolean, comma: boolean): string[] {
  const city = `${a.city}${comma ? ',' : ''} PR ${a.zip}`;
  const ls = [a.line1, ...(a.line2 ? [a.line2] : []), city];
  return upper ? ls.map((l) => l.toUpperCase()) : ls;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acct = r.pick(['Número de cuenta', 'Núm. de cuenta', 'Cuenta núm.']);
  const name = r.pick(['Titular de la cuenta', 'Nombre del cliente']);
  const btn = r.pick(['Número de teléfono principal', 'Teléfono principal']);
  const svc = r.pick(['Dirección de servicio', 'Dirección del servicio']);
  const date = r.pick(['Fecha de factura', 'Fecha de emisión']);
  const ds: DateEs = r.pick(['long', 'dmy', 'dmon']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dash']);
  const upper = r.chance(0.35);
  const comma = r.chance(0.4);
  const T = doc.alt;

  doc.text('YUNQUE', 40, 50, { size: 22, font: 'bold', color: GREEN });
  doc.text('comunicaciones', 40 + doc.width('YUNQUE', 22, 'bold') + 5, 50, { size: 16, color: GREY });
  doc.text('Su factura mensual', 572, 42, { size: 10, align: 'right', font: 'bold' });
  doc.text(`Período de servicio: ${dateEs(b.periodStart, ds)} al ${dateEs(b.periodEnd, ds)}`, 572, 56, {
    size: 7,
    align: 'right',
    color: GREY,
  });

  const facts: [string, string[]][] = [
    [name, [b.accountName]],
    [acct, [b.accountNumber]],
    [btn, [p(b.btn, ps)]],
    [date, [dateEs(b.billDate, ds)]],
    ['Fecha de vencimiento', [dateEs(b.dueDate, ds)]],
    [svc, addrPrLines(b.service, upper, comma)],
  ];
  let y = factRows(doc, facts, 80, { labelWidth: 170, valueX: 218, shade: MINT, rule: LIGHT, lw: 0.5 });

  y += 18;
  doc.text('Dirección postal', 40, y, { size: 7.5, color: GREY });
  const mail = [
    b.accountName,
    ...(b.accountType === 'business' && b.mailingDiffers ? [`Atención: ${b.contact}`] : []),
    ...addrPrLines(b.mailing, upper, comma),
  ];
  doc.lines(mail, 40, y + 12, 11, { size: 9 });
  doc.text('Envíe su pago a', 330, y, { size: 7.5, color: GREY });
  doc.lines(['Yunque Comunicaciones, LLC', ...addrPrLines(b.remit, false, true)], 330, y + 12, 11, {
    size: 9,
  });
  y += 76;

  // the summary: the state's 10.5% and the municipality's 1% of the IVU
  const ivuE = Math.round(b.current * 0.105 * 100) / 100;
  const ivuM = Math.round(b.current * 0.01 * 100) / 100;
  const total = Math.round((b.prevBalance + b.payment + b.current + ivuE + ivuM) * 100) / 100;
  const rows: [string, number][] = [
    ['Balance anterior', b.prevBalance],
    ['Pago recibido - ¡gracias!', b.payment],
    ['Cargos del mes', b.current],
    ['IVU estatal (10.5%)', ivuE],
    ['IVU municipal (1%)', ivuM],
  ];
  for (const [l, v] of rows) {
    doc.text(l, 40, y, { size: 8.5 });
    doc.text(money(v), 330, y, { size: 8.5, align: 'right' });
    y += 12;
  }
  doc.hline(40, 330, y - 8, { color: GREY });
  doc.text('Total a pagar', 40, y + 3, { size: 9.5, font: 'bold' });
  doc.text(money(total), 330, y + 3, { size: 9.5, align: 'right', font: 'bold' });
  doc.lines(
    [
      `Servicio al cliente: ${b.tollFree.care}`,
      `Reparaciones: ${b.tollFree.repair}`,
      `Oficina comercial: ${p(b.office, ps)}`,
      `Fax: ${p(b.fax, ps)}`,
      'IVU: Impuesto sobre Ventas y Uso',
    ],
    360,
    y - 68,
    11,
    { size: 7.5, color: GREY },
  );
  y += 32;

  doc.text('Líneas', 40, y, { size: 11, font: T.bold, color: GREEN });
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 12.5,
    bottom: 720,
    headFill: MINT,
    cols: [
      { title: 'Número de teléfono', w: 150 },
      { title: 'Servicio', w: 240 },
      { title: 'Cargo', w: 142, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Yunque Comunicaciones - ${acct} ${b.accountNumber} - continuación`, 40, 44, {
        size: 8,
        color: GREY,
      });
      return 70;
    },
  });
  if (b.disconnected.length) {
    let yy = end + 14;
    if (yy > 730) {
      doc.addPage();
      yy = 70;
    }
    doc.text('Líneas desconectadas', 40, yy, { size: 9.5, font: 'bold' });
    yy += 14;
    for (const n of b.disconnected) {
      doc.text(p(n, ps), 40, yy, { size: 8.5 });
      doc.text(`Desconectada el ${dateEs(new Date(b.periodStart.getTime() + 9 * 86400000), ds)}`, 190, yy, {
        size: 8.5,
        color: GREY,
      });
      yy += 12;
    }
  }
  doc.eachPage((i, n) =>
    doc.text(`Yunque Comunicaciones, LLC  ·  yunquepr.com  ·  Página ${i + 1} de ${n}`, 306, 772, {
      size: 7,
      align: 'center',
      color: GREY,
    }),
  );
}

export const yunque: Template = {
  id: 'yunque-comunicaciones',
  carrier: 'Yunque Comunicaciones',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'plain9',
  businessShare: 0.5,
  lineRange: [1, 20],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 70333', line2: null, city: 'San Juan', state: 'PR', zip: '00936-8333' },
  layout:
    'a Puerto Rico bill in Spanish only: Spanish labels, dates in words or day first, IVU tax lines, urbanization and condominium addresses, 787/939 numbers, "Líneas desconectadas"',
  suite: 'business',
  locale: 'pr',
  draw,
};
