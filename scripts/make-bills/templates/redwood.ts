// Residential-leaning cable bill: label left, value right-aligned in a shaded box, no colons.
import { hex, money, table, type Doc, GREY } from '../draw';
import { addrLines, type Bill } from '../model';
import type { Rng } from '../rng';
import { d, kv, nameBlock, p, removedSection, words } from './common';
import type { Template } from './types';

const GREEN = hex('#2e6b3a');
const WHITE = hex('#ffffff');

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Customer ID', 'Account Number'],
    btn: ['Primary Number', 'Your number'],
    svc: ['Service Location', 'Service installed at'],
    date: ['Bill Date', 'Statement Date'],
    name: ['Customer', 'Account Name'],
  });
  doc.rect(0, 0, 612, 74, { fill: GREEN });
  const after = doc.text('redwood', 40, 46, { size: 24, font: 'bold', color: WHITE });
  doc.text('networks', after + 1, 46, { size: 24, color: hex('#cfe8d2') });
  doc.text('TV  |  Internet  |  Home Phone', 572, 46, { size: 9, color: WHITE, align: 'right' });
  doc.rect(340, 92, 232, 100, { fill: hex('#eaf3eb') });
  let y = 110;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, 'mon')],
    [w.btn, p(b.btn, 'dash')],
    ['AutoPay Date', d(b.autopayDate, 'mon')],
    ['Amount', money(b.total)],
  ] as [string, string][]) {
    y = kv(doc, 350, y, l, v, { style: 'right', valueX: 562, size: 10, labelSize: 9 }) + 6;
  }
  let ly = kv(doc, 40, 100, w.name, b.accountName, { style: 'below', size: 12, labelSize: 8 }) + 8;
  ly =
    kv(doc, 40, ly, w.svc, addrLines(b.service), {
      style: 'below',
      size: 10,
      labelSize: 8,
      valueFont: 'reg',
      lh: 13,
    }) + 6;
  if (b.mailingDiffers)
    kv(doc, 210, 126, 'Send bills to', nameBlock(b).slice(1), {
      style: 'below',
      size: 8,
      labelSize: 7,
      valueFont: 'reg',
      lh: 10,
    });
  y = Math.max(ly, 210) + 6;
  doc.text('Account activity', 40, y, { size: 12, font: 'bold', color: GREEN });
  y += 16;
  for (const [l, v] of [
    [`Balance from bill dated ${d(b.prevBillDate, 'mon')}`, b.prevBalance],
    ['Payment - thank you', b.payment],
    ['New charges', b.current + b.taxes],
  ] as const) {
    doc.text(l, 40, y, { size: 9.5 });
    doc.text(money(v), 330, y, { size: 9.5, align: 'right' });
    y += 14;
  }
  doc.hline(40, 330, y - 8, { color: GREEN });
  doc.text('Total due ' + d(b.dueDate, 'mon'), 40, y + 4, { size: 10.5, font: 'bold' });
  doc.text(money(b.total), 330, y + 4, { size: 10.5, font: 'bold', align: 'right' });
  y += 30;
  doc.text('Your services', 40, y, { size: 12, font: 'bold', color: GREEN });
  const rows: string[][] = [
    ['Internet', r.pick(['Gig Speed', 'Ultra 600', 'Essentials 300']), money(r.int(4999, 8999) / 100)],
    ...(r.chance(0.5)
      ? [['TV', r.pick(['Basic TV', 'Select TV', 'Premier TV']), money(r.int(2999, 9999) / 100)]]
      : []),
    ...b.lines.map((l) => ['Home Phone ' + p(l.num, 'dash'), 'Unlimited Nationwide', money(l.charge)]),
    ['Equipment', 'Gateway rental', money(15)],
    ['Taxes & fees', '', money(b.taxes)],
  ];
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 9.5,
    rowH: 15,
    bottom: 720,
    rule: GREEN,
    bodyFont: 'reg',
    zebra: hex('#f6f9f6'),
    cols: [
      { title: 'Service', w: 200 },
      { title: 'Package', w: 220 },
      { title: 'Monthly', w: 112, align: 'right' },
    ],
    rows,
    onNewPage: () => {
      doc.addPage();
      return 60;
    },
  });
  removedSection(doc, 40, end + 14, b, { title: 'Phone numbers removed', style: 'dash', size: 9 });
  doc.hline(40, 572, 738, { color: GREY, lw: 0.4 });
  doc.text(
    `Questions? ${b.tollFree.care}  |  Outages ${b.tollFree.repair}  |  Mail payments to Redwood Networks, ${addrLines(b.remit).join(', ')}`,
    306,
    752,
    { size: 7, color: GREY, align: 'center' },
  );
}

export const redwood: Template = {
  id: 'redwood-networks',
  carrier: 'Redwood Networks',
  kind: 'cable',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'btn-embed',
  businessShare: 0.25,
  lineRange: [1, 3],
  disconnectedShare: 0.4,
  remit: { line1: 'PO Box 2288', line2: null, city: 'Sacramento', state: 'CA', zip: '95812-2288' },
  layout:
    'cable bill, values right-aligned in a shaded box without colons, account number embeds the BTN, rows without numbers',
  draw,
};
