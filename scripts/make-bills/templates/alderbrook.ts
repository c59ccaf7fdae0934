// A bill reprinted from the carrier's archive, as a customer downloads or asks for a past
// statement: a diagonal grey watermark ("DUPLICATE", "COPY", "REPRINT - NOT A BILL") crossing the
// page over the fields; on most bills a header band of reverse type (white on a dark coloured
// band) holding the account number and the bill date; zebra-striped rows in the numbers table;
// the account number with its three-digit suffix ("0123-456789-001") in the header and run
// together on the stub and the continuation pages ("0123456789001"); a reprint date that is not
// the bill date.
import { degrees, type RGB } from 'pdf-lib';
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, fmtDate, type Bill, type DateStyle, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { kv, nameBlock, p, remitLines, summary } from './common';
import type { Template } from './types';

const BANDS = [hex('#1f3a5f'), hex('#0f5257'), hex('#6b1d2a'), hex('#2d2d2d'), hex('#3c2f6b')];
const WHITE = hex('#ffffff');

/**
 * A watermark across the page, centred on (cx, cy) in top-left coordinates, drawn over what is
 * already on it (archive systems stamp the finished page).
 */
function watermark(
  doc: Doc,
  s: string,
  cx: number,
  cy: number,
  o: { angle: number; grey: number; opacity: number; maxW: number },
): void {
  const font = doc.fonts.bold;
  const size = Math.min(130, o.maxW / font.widthOfTextAtSize(s, 1));
  const w = font.widthOfTextAtSize(s, size);
  const a = (o.angle * Math.PI) / 180;
  // pdf-lib turns text about its baseline origin: place the origin so the text's middle is (cx, cy)
  const mx = cx;
  const my = doc.H - cy;
  const x = mx - (w / 2) * Math.cos(a) + size * 0.35 * Math.sin(a);
  const y = my - (w / 2) * Math.sin(a) - size * 0.35 * Math.cos(a);
  const g = o.grey / 255;
  doc.page.drawText(s, {
    x,
    y,
    size,
    font,
    rotate: degrees(o.angle),
    opacity: o.opacity,
    color: { type: 'RGB', red: g, green: g, blue: g } as RGB,
  });
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const acctL = r.pick(['Account Number', 'Account No.', 'Account #']);
  const dateL = r.pick(['Bill Date', 'Statement Date', 'Invoice Date']);
  const btnL = r.pick(['Billing Telephone Number', 'Main Number', 'Account Telephone']);
  const svcL = r.pick(['Service Address', 'Service Location', 'Premises']);
  const nameL = r.pick(['Account Name', 'Customer Name', 'Billed To']);
  const ds: DateStyle = r.pick(['month', 'mdy', 'mon']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const band = r.chance(0.6);
  const bandColor = r.pick(BANDS);
  const mark = r.pick(['DUPLICATE', 'COPY', 'REPRINT - NOT A BILL', 'DUPLICATE COPY', 'ARCHIVE COPY']);
  const markOpts = {
    angle: r.pick([30, 35, 40, 45, 50, 55]),
    grey: r.int(110, 170),
    opacity: Math.round(r.float(0.25, 0.45) * 100) / 100,
    maxW: r.int(520, 680),
  };
  const twice = r.chance(0.3);
  const markY = r.int(300, 430);
  const runTogether = b.accountNumber.replace(/\D/g, '');
  const reprinted = new Date(b.billDate.getTime() + r.int(20, 240) * 86400000);
  const T = doc.alt;

  doc.text('ALDERBROOK', 40, 50, { size: 20, font: T.bold, color: bandColor });
  doc.text('TELEPHONE COMPANY', 41, 62, { size: 7.5, color: GREY });
  doc.text('Customer Statement', 572, 46, { size: 12, align: 'right', font: 'bold' });
  doc.text(`Reprinted ${fmtDate(reprinted, 'mdy')} from account archive`, 572, 58, {
    size: 7.5,
    align: 'right',
    color: GREY,
  });

  let y = 76;
  if (band) {
    // reverse type: the account number and the bill date white on a dark band
    doc.rect(40, y, 532, 26, { fill: bandColor });
    const parts = [
      `${acctL.toUpperCase()}  ${b.accountNumber}`,
      `${dateL.toUpperCase()}  ${fmtDate(b.billDate, ds)}`,
    ];
    doc.text(parts[0]!, 50, y + 17, { size: 9.5, font: 'bold', color: WHITE });
    doc.text(parts[1]!, 562, y + 17, { size: 9.5, font: 'bold', color: WHITE, align: 'right' });
    y += 44;
  } else {
    doc.rect(40, y, 532, 2, { fill: bandColor });
    y += 18;
  }

  // the account facts, left; the amount, right
  const kvo = { style: 'colon' as const, size: 9, valueX: 170 };
  let ly = y;
  if (!band) {
    ly = kv(doc, 40, ly, acctL, b.accountNumber, kvo) + 3;
    ly = kv(doc, 40, ly, dateL, fmtDate(b.billDate, ds), kvo) + 3;
  }
  ly = kv(doc, 40, ly, nameL, b.accountName, kvo) + 3;
  ly = kv(doc, 40, ly, btnL, p(b.btn, ps), kvo) + 3;
  ly = kv(doc, 40, ly, svcL, addrLines(b.service), kvo) + 3;
  ly = kv(
    doc,
    40,
    ly,
    'Billing Period',
    `${fmtDate(b.periodStart, 'mdy')} - ${fmtDate(b.periodEnd, 'mdy')}`,
    {
      ...kvo,
      valueFont: 'reg',
    },
  );
  doc.rect(392, y - 12, 180, 62, { stroke: LIGHT, lw: 0.8 });
  doc.text('Amount Due', 402, y + 2, { size: 8.5, color: GREY });
  doc.text(money(b.total), 562, y + 24, { size: 16, font: 'bold', align: 'right' });
  doc.text(`Due by ${fmtDate(b.dueDate, 'mdy')}`, 562, y + 40, { size: 8, align: 'right' });
  y = Math.max(ly, y + 60) + 14;

  // the envelope window and the remit-to
  doc.lines(nameBlock(b, r.chance(0.5)), 60, y, 11, { size: 9 });
  doc.text('Remit payment to', 360, y - 11, { size: 7.5, color: GREY });
  doc.lines(remitLines('Alderbrook Telephone Company', b.remit), 360, y, 11, { size: 9 });
  y += 66;
  y = summary(doc, 40, y, 300, b, { size: 8.5 });
  doc.lines(
    [
      `Customer Service ${b.tollFree.care}`,
      `Repair ${p(b.repairLocal, ps)}`,
      `Business Office ${p(b.office, ps)}`,
    ],
    372,
    y - 56,
    11,
    { size: 7.5, color: GREY },
  );
  y += 16;

  doc.text('Local Service Detail', 40, y, { size: 11, font: T.bold, color: bandColor });
  const zebra = r.pick([hex('#dde3ea'), hex('#e4e4e4'), hex('#d6e6e3'), hex('#ece3d4')]);
  const end = table(doc, {
    x: 40,
    y: y + 18,
    size: 8.5,
    rowH: 14,
    bottom: 640,
    zebra,
    headFill: bandColor,
    headColor: WHITE,
    cols: [
      { title: 'Telephone Number', w: 130 },
      { title: 'Service', w: 230 },
      { title: 'Monthly Rate', w: 86, align: 'right' },
      { title: 'Amount', w: 86, align: 'right' },
    ],
    rows: b.lines.map((l) => [p(l.num, ps), l.plan, money(l.charge), money(l.charge)]),
    onNewPage: () => {
      doc.addPage();
      doc.text(`Alderbrook Telephone  Account ${runTogether}  ${fmtDate(b.billDate, 'mdy')}`, 40, 44, {
        size: 8,
        color: GREY,
      });
      return 72;
    },
  });
  let yy = end + 10;
  if (b.disconnected.length) {
    if (yy > (doc.pages.length === 1 ? 600 : 690)) {
      doc.addPage();
      yy = 72;
    }
    doc.text('Service Disconnected This Period', 40, yy + 6, { size: 9.5, font: 'bold' });
    b.disconnected.forEach((n, i) => {
      doc.text(p(n, ps), 40, yy + 20 + i * 12, { size: 8.5 });
      doc.text(`Disconnected ${fmtDate(b.periodEnd, 'mdy')}`, 170, yy + 20 + i * 12, {
        size: 8.5,
        color: GREY,
      });
    });
  }

  // the stub on page 1: the account number run together, as the scan line's neighbours print it
  doc.page = doc.pages[0]!;
  doc.hline(40, 572, 690, { color: GREY, dash: [3, 3] });
  doc.text('Please return this portion with your payment', 40, 702, { size: 7, color: GREY });
  doc.text(`Account ${runTogether}`, 40, 720, { size: 9, font: 'bold' });
  doc.text(`Amount Due ${money(b.total)}`, 572, 720, { size: 9, font: 'bold', align: 'right' });
  doc.lines(remitLines('ALDERBROOK TELEPHONE CO', b.remit, true), 360, 738, 10, { size: 8 });
  doc.page = doc.pages[doc.pages.length - 1]!;

  doc.eachPage((i, n) => {
    doc.text(`Page ${i + 1} of ${n}  -  Duplicate statement`, 306, 772, {
      size: 7,
      align: 'center',
      color: LIGHT,
    });
    // the watermark crosses each page over the fields, once or twice
    if (twice) {
      watermark(doc, mark, 306, 260, markOpts);
      watermark(doc, mark, 306, 560, markOpts);
    } else watermark(doc, mark, 306, markY, markOpts);
  });
}

export const alderbrook: Template = {
  id: 'alderbrook-telephone',
  carrier: 'Alderbrook Telephone Company',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'check3',
  businessShare: 0.6,
  lineRange: [1, 22],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 40318', line2: null, city: 'Columbus', state: 'OH', zip: '43240-0318' },
  layout:
    'a reprint from the archive: a diagonal grey watermark (DUPLICATE, COPY, REPRINT - NOT A BILL) over the fields, a reverse-type header band with the account number and bill date (60%), zebra-striped number rows, the account number with a three-digit suffix in the header and run together on the stub, a reprint date',
  suite: 'business',
  faxShare: 0.15,
  draw,
};
