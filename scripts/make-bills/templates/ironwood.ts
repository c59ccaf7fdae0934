// A big business bill: 60-250 numbers over 4-10 pages. DID blocks printed as ranges, charges
// grouped by service with subtotals, a "numbers on this account" appendix, a page header
// repeating the account number (grouped with spaces on page 1, run together on the others) and
// "Page N of M", the service address on one line.
import { hex, money, table, type Doc, GREY, LIGHT } from '../draw';
import { blockNums, type Bill, type PhoneStyle } from '../model';
import type { Rng } from '../rng';
import { numberList, rangeText, RANGE_STYLES, singles, spacedLogo } from './business';
import { d, kv, nameBlock, p, removedSection, remitLines, words } from './common';
import type { Template } from './types';

const BARK = hex('#5b3a1e');
const MOSS = hex('#4f6d3a');

/** "77 W Lake St Apt 4B, Chicago IL 60601-1234", with or without the comma before the state. */
export function oneLineAddress(b: Bill, r: Rng): string {
  const a = b.service;
  const street = [a.line1, a.line2].filter(Boolean).join(r.chance(0.5) ? ' ' : ', ');
  return `${street}, ${a.city}${r.chance(0.5) ? ',' : ''} ${a.state} ${a.zip}`;
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const w = words(r, b, {
    acct: ['Account Number', 'Account No.', 'Billing Account'],
    btn: ['Main Billing Number', 'Billing Telephone Number', 'Main Number'],
    svc: ['Service Address', 'Service Location', 'Premises'],
    date: ['Invoice Date', 'Bill Date', 'Statement Date'],
    name: ['Customer Name', 'Account Name', 'Business Name'],
  });
  const ps: PhoneStyle = r.pick(['dash', 'paren', 'dot']);
  const mixed = r.chance(0.3);
  const style = r.pick(RANGE_STYLES);
  // some billing systems print a block as a table row: first number, last number, quantity
  const asColumns = r.chance(0.25);
  const unspaced = b.accountNumber.replace(/\s/g, '');
  const invoice = `${r.int(1, 9)}${r.digits(6)}`;
  const H = doc.alt;

  // ---- page 1 --------------------------------------------------------------------------
  spacedLogo(doc, 'IRONWOOD', 40, 50, { size: 21, gap: 3.2, color: BARK });
  doc.text('BUSINESS COMMUNICATIONS', 41, 62, { size: 6.5, color: MOSS });
  doc.rect(352, 30, 220, 62, { fill: hex('#f3efe8') });
  const ko = { style: 'colon' as const, size: 8.5, labelSize: 7.5, labelFont: 'reg' as const, valueX: 450 };
  let y = 44;
  for (const [l, v] of [
    [w.acct, b.accountNumber],
    [w.date, d(b.billDate, r.pick(['mon', 'mdy'] as const))],
    ['Invoice Number', invoice],
    ['Amount Due', money(b.total)],
  ] as [string, string][])
    y = kv(doc, 358, y, l, v, ko) + 2;
  doc.lines(nameBlock(b), 60, 118, 11, { size: 9 });
  // account facts, right
  y = 118;
  y = kv(doc, 330, y, w.name, b.accountName, {
    style: 'below',
    size: 8.5,
    labelSize: 7,
    labelFont: 'bold',
    labelColor: MOSS,
  });
  y = kv(doc, 330, y + 4, w.btn, p(b.btn, ps), {
    style: 'below',
    size: 8.5,
    labelSize: 7,
    labelFont: 'bold',
    labelColor: MOSS,
  });
  if (r.chance(0.65)) {
    doc.text(`${w.svc}: ${oneLineAddress(b, r)}`, 40, 206, { size: 8 });
  } else {
    kv(
      doc,
      330,
      y + 4,
      w.svc,
      [
        b.service.line1,
        ...(b.service.line2 ? [b.service.line2] : []),
        `${b.service.city}, ${b.service.state} ${b.service.zip}`,
      ],
      {
        style: 'below',
        size: 8.5,
        labelSize: 7,
        labelFont: 'bold',
        labelColor: MOSS,
        lh: 10.5,
      },
    );
  }
  // summary by service group
  const one = singles(b);
  const voice = one.filter((l) => !/Fax|Alarm/.test(l.plan));
  const fax = one.filter((l) => /Fax|Alarm/.test(l.plan));
  const sum = (ls: Bill['lines']) =>
    ls.reduce((t, l) => t + l.charge + l.features.reduce((u, f) => u + f.amount, 0), 0);
  const trunks = r.int(4, 46);
  const trunkAmt = (trunks * r.int(1500, 2600)) / 100;
  const didAmt = b.blocks.reduce((t, k) => t + k.charge, 0);
  const groups: [string, number][] = [
    [`Voice lines (${voice.length})`, sum(voice)],
    ...(fax.length ? ([[`Fax and alarm lines (${fax.length})`, sum(fax)]] as [string, number][]) : []),
    [
      `DID number blocks (${b.blocks.length} blocks, ${b.blocks.reduce((t, k) => t + k.count, 0)} numbers)`,
      didAmt,
    ],
    [`SIP trunks and access (${trunks} call paths)`, trunkAmt],
    ['Taxes, fees and surcharges', b.taxes],
  ];
  y = 232;
  doc.text('Summary of charges by service group', 40, y, { size: 10, font: H.bold });
  y += 16;
  for (const [l, v] of [
    ['Previous balance', b.prevBalance],
    [`Payment received ${d(b.prevBillDate, 'mdy')} - thank you`, b.payment],
  ] as [string, number][]) {
    doc.text(l, 48, y, { size: 8 });
    doc.text(money(v), 420, y, { size: 8, align: 'right' });
    y += 11;
  }
  for (const [l, v] of groups) {
    doc.text(l, 48, y, { size: 8 });
    doc.text(money(v), 420, y, { size: 8, align: 'right' });
    y += 11;
  }
  doc.hline(48, 420, y - 7, { color: GREY });
  doc.text('Total amount due', 48, y + 4, { size: 9.5, font: 'bold' });
  doc.text(money(b.total), 420, y + 4, { size: 9.5, font: 'bold', align: 'right' });
  y += 26;
  doc.rect(40, y, 532, 40, { stroke: LIGHT });
  doc.text('Questions about this bill?', 48, y + 12, { size: 7.5, font: 'bold' });
  doc.text(
    `Business care ${b.tollFree.care} (Mon-Fri 7 AM - 7 PM)  |  Repair 24/7 ${b.tollFree.repair}  |  Business office ${p(b.office, ps)}`,
    48,
    y + 24,
    { size: 7 },
  );
  doc.text(`Fax orders and changes to ${p(b.fax, ps)}  |  TTY ${b.tollFree.tty}`, 48, y + 34, { size: 7 });
  // payment stub
  doc.hline(20, 592, 652, { dash: [5, 3], color: GREY });
  doc.text(
    'Please return this portion with your payment. Make checks payable to Ironwood Business Communications.',
    40,
    664,
    {
      size: 6.5,
      color: GREY,
    },
  );
  kv(doc, 40, 684, 'Account', unspaced, { style: 'colon', size: 9, valueX: 130 });
  kv(doc, 40, 698, 'Amount due', money(b.total), { style: 'colon', size: 9, valueX: 130 });
  kv(doc, 40, 712, 'Due by', d(b.dueDate, 'mon'), { style: 'colon', size: 9, valueX: 130 });
  doc.lines(remitLines('Ironwood Business Communications', b.remit), 360, 684, 11.5, { size: 9 });

  // ---- detail pages ----------------------------------------------------------------------
  const head = (title: string): number => {
    doc.addPage();
    spacedLogo(doc, 'IRONWOOD', 40, 40, { size: 11, gap: 1.6, color: BARK });
    doc.text(`${w.acct} ${unspaced}    ${w.date} ${d(b.billDate, 'mdy')}`, 230, 40, {
      size: 7.5,
      color: GREY,
    });
    doc.hline(40, 572, 48, { color: BARK, lw: 0.8 });
    doc.text(title, 40, 66, { size: 10.5, font: H.bold, color: BARK });
    return 84;
  };
  const rows: string[][] = [];
  const subtotal = (label: string, v: number) => {
    rows.push(['', `Subtotal ${label}`, '', money(v)]);
    rows.push(['', '', '', '']);
  };
  const lineRows = (ls: Bill['lines']) => {
    for (const l of ls) {
      rows.push([p(l.num, ps), l.plan, '1', money(l.charge)]);
      for (const f of l.features) rows.push(['', `   ${f.name}`, '', money(f.amount)]);
    }
  };
  rows.push(['', 'VOICE LINES', '', '']);
  lineRows(voice);
  subtotal('voice lines', sum(voice));
  if (fax.length) {
    rows.push(['', 'FAX AND ALARM LINES', '', '']);
    lineRows(fax);
    subtotal('fax and alarm lines', sum(fax));
  }
  if (!asColumns) {
    rows.push(['', 'DID NUMBER BLOCKS', '', '']);
    for (const k of b.blocks)
      rows.push([
        rangeText(k, mixed ? r.pick(RANGE_STYLES) : style),
        `DID block, ${k.count} numbers`,
        String(k.count),
        money(k.charge),
      ]);
    subtotal('DID number blocks', didAmt);
  }
  rows.push(['', 'SIP TRUNKS AND ACCESS', '', '']);
  rows.push(['', 'SIP trunk - concurrent call paths', String(trunks), money(trunkAmt)]);
  rows.push(['', 'E911 service, per trunk', String(trunks), money(trunks * 0.75)]);
  subtotal('SIP trunks and access', trunkAmt + trunks * 0.75);
  const tableOpts = {
    x: 40,
    size: 7.8,
    rowH: 10.6,
    bottom: 744,
    rule: BARK,
    bodyFont: 'reg' as const,
    cols: [
      { title: 'Number(s)', w: 170 },
      { title: 'Service', w: 242 },
      { title: 'Qty', w: 40, align: 'right' as const },
      { title: 'Amount', w: 80, align: 'right' as const },
    ],
  };
  y = table(doc, {
    ...tableOpts,
    y: head('Service detail'),
    rows,
    onNewPage: () => head('Service detail (continued)'),
  });
  if (asColumns) {
    y =
      y > 640
        ? head('DID number blocks')
        : (doc.text('DID number blocks', 40, y + 18, { size: 10.5, font: H.bold, color: BARK }), y + 34);
    y = table(doc, {
      x: 40,
      y,
      size: 7.8,
      rowH: 10.6,
      bottom: 744,
      rule: BARK,
      bodyFont: 'reg',
      cols: [
        { title: 'First number', w: 110 },
        { title: 'Last number', w: 110 },
        { title: 'Description', w: 172 },
        { title: 'Qty', w: 60, align: 'right' },
        { title: 'Amount', w: 80, align: 'right' },
      ],
      rows: [
        ...b.blocks.map((k) => [
          p(k.first, ps),
          p(blockNums(k)[k.count - 1]!, ps),
          'DID block',
          String(k.count),
          money(k.charge),
        ]),
        ['', '', 'Subtotal DID number blocks', '', money(didAmt)],
      ],
      onNewPage: () => head('DID number blocks (continued)'),
    });
  }
  // usage by line, on bills short enough to stay within ten pages
  const usage = one.map((l) => [
    p(l.num, ps),
    String(Math.round(l.minutes * 0.7)),
    String(Math.round(l.minutes * 0.3)),
    String(r.int(0, 12)),
    money(l.features[0]?.amount ?? 0),
  ]);
  const withUsage = doc.pages.length < 6;
  if (withUsage)
    y =
      y > 640
        ? head('Usage summary by line')
        : (doc.text('Usage summary by line', 40, y + 18, { size: 10.5, font: H.bold, color: BARK }), y + 34);
  if (withUsage)
    y = table(doc, {
      x: 40,
      y,
      size: 7.8,
      rowH: 10.6,
      bottom: 744,
      rule: BARK,
      bodyFont: 'reg',
      cols: [
        { title: 'Line', w: 150 },
        { title: 'Local min', w: 90, align: 'right' },
        { title: 'Long distance min', w: 110, align: 'right' },
        { title: 'Intl min', w: 80, align: 'right' },
        { title: 'Usage charges', w: 102, align: 'right' },
      ],
      rows: usage,
      onNewPage: () => head('Usage summary by line (continued)'),
    });
  if (b.disconnected.length) {
    if (y > 690) y = head('Account changes');
    y = removedSection(doc, 40, y + 16, b, { title: 'Numbers disconnected this period', style: ps, size: 8 });
  }
  // the appendix every number of the account is listed in
  if (r.chance(0.7)) {
    const all = b.lines.map((l) => l.num);
    y =
      y > 600
        ? head(`Numbers on this account (${all.length})`)
        : (doc.text(`Numbers on this account (${all.length})`, 40, y + 20, {
            size: 10.5,
            font: H.bold,
            color: BARK,
          }),
          y + 38);
    numberList(doc, all, {
      x: 44,
      y,
      cols: 5,
      colW: 106,
      size: 7.8,
      bottom: 744,
      style: ps === 'paren' ? 'paren' : ps === 'dot' ? 'dot' : 'dash',
      onNewPage: () => head('Numbers on this account (continued)'),
    });
  }
  doc.eachPage((i, n) => {
    doc.text(`Page ${i + 1} of ${n}`, 572, i === 0 ? 20 : 40, { size: 7, align: 'right', color: GREY });
    doc.text(`\u00a9 ${b.billDate.getUTCFullYear()} Ironwood Business Communications`, 306, 776, {
      size: 6,
      align: 'center',
      color: GREY,
    });
  });
}

export const ironwood: Template = {
  id: 'ironwood-business',
  carrier: 'Ironwood Business Communications',
  kind: 'wireline',
  family: 'helvetica',
  alt: 'times',
  acctStyle: 'spaced16',
  businessShare: 1,
  lineRange: [60, 250],
  disconnectedShare: 0.5,
  remit: { line1: 'PO Box 660418', line2: null, city: 'Dallas', state: 'TX', zip: '75266-0418' },
  layout:
    'big business bill: 60-250 numbers over 4-10 pages, DID ranges (to / thru / en dash with a count), subtotals per service group, a numbers-on-this-account appendix, page headers with the account number run together (spaced on page 1), one-line service address',
  suite: 'business',
  numbering: 'blocks',
  faxShare: 0.25,
  draw,
};
