// Bilingual (Spanish / English) labels in a ruled two-column key/value table.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, nameBlock, p, removedSection, remitLines } from './common';
import type { Template } from './types';

const ORANGE = hex('#c75000');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acct = r.pick(['Número de cuenta / Account Number', 'No. de cuenta / Account No.']);
  const btn = r.pick(['Número principal / Main Number', 'Teléfono de facturación / BTN']);
  const svc = r.pick(['Dirección de servicio / Service Address', 'Lugar de servicio / Service Location']);
  const date = r.pick(['Fecha de factura / Bill Date', 'Fecha del estado / Statement Date']);
  doc.text('BEACON', 40, 46, { size: 20, font: 'bold', color: ORANGE });
  doc.text('telecom', 126, 46, { size: 20, font: 'ital', color: GREY });
  doc.text('Su factura mensual / Your monthly bill', 572, 46, { size: 9, align: 'right' });
  const rowsKV: [string, string[]][] = [
    ['Nombre / Name', [b.accountName]],
    [acct, [b.accountNumber]],
    [btn, [p(b.btn, 'dash')]],
    [date, [d(b.billDate, 'mdy')]],
    ['Vence / Due', [d(b.dueDate, 'mdy')]],
    [svc, addrLines(b.service)],
  ];
  let y = 66;
  for (const [l, vs] of rowsKV) {
    const h = 8 + vs.length * 11.5;
    doc.rect(40, y, 300, h, { stroke: GREY, lw: 0.5 });
    doc.rect(40, y, 150, h, { fill: hex('#fbeee4') });
    doc.vline(190, y, y + h, { color: GREY, lw: 0.5 });
    doc.text(l, 45, y + 12, { size: 7 });
    doc.lines(vs, 196, y + 12, 11.5, { size: 8.5, font: 'bold' });
    y += h;
  }
  doc.text('Enviar a / Mail to', 370, 78, { size: 7.5, color: GREY });
  doc.lines(nameBlock(b), 370, 90, 11, { size: 9 });
  doc.text('Pagar a / Remit to', 370, 160, { size: 7.5, color: GREY });
  doc.lines(remitLines('Beacon Telecom', b.remit), 370, 172, 11, { size: 9 });
  y += 24;
  for (const [l, v] of [
    ['Saldo anterior / Previous balance', b.prevBalance],
    ['Pago recibido / Payment received', b.payment],
    ['Cargos nuevos / New charges', b.current + b.taxes],
    ['Total a pagar / Total due', b.total],
  ] as [string, number][]) {
    doc.text(l, 40, y, { size: 9, font: l.startsWith('Total') ? 'bold' : 'reg' });
    doc.text(money(v), 340, y, { size: 9, align: 'right', font: l.startsWith('Total') ? 'bold' : 'reg' });
    y += 13;
  }
  doc.text('Líneas / Lines', 40, y + 16, { size: 11, font: 'bold', color: ORANGE });
  const rows = b.lines.map((l) => [p(l.num, 'dash'), l.plan, `${l.minutes} min`, money(l.charge)]);
  const end = table(doc, {
    x: 40,
    y: y + 34,
    size: 8.5,
    rowH: 12.5,
    bottom: 730,
    headFill: hex('#fbeee4'),
    bodyFont: 'reg',
    cols: [
      { title: 'Número / Number', w: 120 },
      { title: 'Plan', w: 220 },
      { title: 'Uso / Usage', w: 100, align: 'right' },
      { title: 'Monto / Amount', w: 92, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      doc.text(`BEACON telecom - ${b.accountNumber} - continuación / continued`, 40, 44, {
        size: 8.5,
        color: GREY,
      });
      return 70;
    },
  });
  removedSection(doc, 40, end + 12, b, {
    title: 'Líneas desconectadas / Disconnected lines',
    style: 'dash',
    size: 8.5,
  });
  doc.eachPage((i, n) =>
    doc.text(
      `Servicio al cliente / Customer service ${b.tollFree.care}  -  Español ${b.tollFree.billing}  -  Página ${i + 1} de ${n}`,
      306,
      770,
      { size: 7, align: 'center', color: GREY },
    ),
  );
}

export const beacon: Template = {
  id: 'beacon-telecom',
  carrier: 'Beacon Telecom',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'dash433',
  businessShare: 0.4,
  lineRange: [1, 12],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 52700', line2: null, city: 'Phoenix', state: 'AZ', zip: '85072-2700' },
  layout: 'bilingual Spanish/English labels in a ruled two-column key/value table',
  draw,
};
