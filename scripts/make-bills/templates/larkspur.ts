// A consumer carrier's bill whose page 1 is mostly marketing and notices. What no other template has:
// - page 1 sells: a promo box with the carrier's sales numbers ("Call 1-855-555-0142, text FIBER
//   to 55501", "visit larkspur.com/deals or call 888 555 0119"), a local store with its street
//   address and a number in the customer's own area code, a "Did you know?" box with another
//   number, a QR code, notices with future dates (a fee change, a 911 reminder);
// - the real account summary either in a small "Account summary" box at the bottom of page 1 or
//   on page 2, the BTN labelled only `Billed number` / `Number billed`;
// - the service address only as `Where we provide service:` (page 2), the name in the window
//   block and a greeting ("Hi Maria,");
// - "Your lines": every line with the nickname the customer gave it ("Mom's phone", "Kitchen
//   fax", "Front desk"), before or after the number, or over it; a line nicknamed "fax" is the
//   customer's line all the same;
// - removed lines with their nickname ("Old fax - removed Nov 14").
// None of the promo, store or "did you know" numbers is on the account (they come from the numbers
// free in the customer's area code).
import { hex, money, type Doc, GREY, LIGHT } from '../draw';
import { addrLines, MONTH, type Bill, type DateStyle, type PhoneStyle } from '../model';
import { STREET_NAMES } from '../data';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import { d, p, para, remitLines, summary } from './common';
import type { Template } from './types';
import { qrBlock } from './wren';

const PLUM = hex('#5b2a86');
const LILAC = hex('#f1e9f8');
const SAND = hex('#fbf6e9');

const NICK_HOME = [
  "Mom's phone",
  "Dad's cell",
  'Kitchen fax',
  'Home office',
  "Emma's iPhone",
  'Grandpa Joe',
  'Work phone',
  'Line 2',
  "Jake's tablet",
  'Alarm line',
  'Backup line',
  'Fax',
];
const NICK_BUSINESS = [
  'Front desk',
  'Shop fax',
  'Warehouse',
  'Sales 1',
  'Owner cell',
  'Service van',
  'Fax line',
  'Back office',
  'Dispatch',
  'Line 3',
];

function draw(doc: Doc, b: Bill, r: Rng): void {
  const ds: DateStyle = r.pick(['mon', 'month', 'mdy']);
  const ps: PhoneStyle = r.pick(['paren', 'dash', 'dot']);
  const acctL = r.pick(['Account number', 'Account #', 'Acct. no.']);
  const btnL = r.pick(['Billed number', 'Number billed']);
  const dateL = r.pick(['Bill date', 'Statement date', 'Bill issued']);
  const summaryOnP1 = r.chance(0.45);
  const nickStyle = r.pick(['before', 'after', 'over'] as const);
  const free = r.shuffle(freeNumbers(b));
  const nicks = r.shuffle(b.accountType === 'business' ? NICK_BUSINESS : NICK_HOME);
  const nick = (i: number): string | null => (i < nicks.length && r.chance(0.9) ? nicks[i]! : null);
  const lineNicks = b.lines.map((_, i) => nick(i));
  const goneNicks = b.disconnected.map(() =>
    r.pick(['Old fax', 'Old line', "Kid's old phone", 'Spare line']),
  );
  const toll = (pre: string) => `${pre}-555-01${r.digits(2)}`;
  const salesCall = toll(r.pick(['1-855', '1-844', '1-833']));
  const store = {
    line1: `${r.int(100, 2999)} ${r.pick(STREET_NAMES)} ${r.pick(['St', 'Ave', 'Blvd'])}`,
    phone: free[0]!,
  };
  const shortCode = `555${r.int(10, 99)}`;

  // page 1: the sell, the notices, and perhaps a small summary box at the bottom
  doc.text('larkspur', 40, 58, { size: 28, font: 'bold', color: PLUM });
  doc.text('home phone  \u00b7  mobile  \u00b7  internet', 42, 71, { size: 8, color: GREY });
  doc.text(`Your ${MONTH[b.billDate.getUTCMonth()]} bill`, 572, 50, {
    size: 13,
    font: 'bold',
    align: 'right',
  });
  doc.lines(
    [
      b.accountName,
      ...(b.mailingDiffers && b.accountType === 'business' ? [`Attn: ${b.contact}`] : []),
      ...addrLines(b.mailing),
    ],
    60,
    108,
    12,
    { size: 10 },
  );
  let y = 186;
  if (r.chance(0.6)) {
    const hi = b.accountType === 'business' ? b.accountName : b.accountName.split(' ')[0]!;
    doc.text(`Hi ${hi},`, 40, y, { size: 12, font: 'bold' });
    para(
      doc,
      `Thanks for being with Larkspur since ${r.int(2009, 2021)}. Here's what's new this month.`,
      40,
      y + 16,
      520,
      {
        size: 9.5,
      },
    );
    y += 44;
  }
  // the promo box: sales numbers, a text-to short code or a local number, a website
  doc.rect(40, y, 532, 118, { fill: LILAC });
  const promo = r.pick([
    {
      title: 'Switch to Larkspur Fiber Gig: $45/mo for 12 months',
      body: `Speeds up to 1 Gig with no data caps. Call ${salesCall}, text FIBER to ${shortCode}, or visit larkspur.com/fiber.`,
    },
    {
      title: 'Add a line for just $20/mo',
      body: `Bring the whole family. Call ${p(free[1]!, ps)} or text ADD to ${p(free[2]!, ps)} and a Larkspur expert will set it up.`,
    },
    {
      title: 'Get a new phone on us when you switch',
      body: `Trade in any phone in good condition. Visit larkspur.com/deals or call 888 555 01${r.digits(2)}. Offer ends soon.`,
    },
  ]);
  doc.text(promo.title, 56, y + 28, { size: 15, font: 'bold', color: PLUM });
  para(doc, promo.body, 56, y + 50, 340, { size: 10, lh: 13 });
  doc.text(`Questions? Our sales team: ${salesCall}`, 56, y + 104, { size: 8.5, color: GREY });
  qrBlock(doc, r, 470, y + 14, 80);
  doc.text('Scan to see offers', 510, y + 108, { size: 7, align: 'center', color: GREY });
  y += 136;
  // the store and the "did you know" box, side by side
  doc.rect(40, y, 256, 96, { fill: SAND });
  doc.text('Visit your local Larkspur store', 52, y + 18, { size: 10, font: 'bold' });
  doc.lines(
    [
      `${store.line1}, ${b.service.city}`,
      `Open 9-7 Mon-Sat  \u00b7  ${p(store.phone, ps)}`,
      'Walk-ins welcome for repairs and upgrades.',
    ],
    52,
    y + 34,
    12,
    { size: 8.5 },
  );
  doc.rect(316, y, 256, 96, { stroke: PLUM, lw: 1 });
  doc.text('Did you know?', 328, y + 18, { size: 10, font: 'bold', color: PLUM });
  para(
    doc,
    r.pick([
      `You can pay by phone 24/7 at ${p(free[3]!, ps)}, or set up AutoPay and save $5 a month.`,
      `Report an outage any time by calling ${p(free[3]!, ps)} or texting OUT to ${shortCode}.`,
      `Larkspur Lifeline can lower your bill. Call ${toll('1-800')} to see if you qualify.`,
    ]),
    328,
    y + 34,
    232,
    { size: 8.5, lh: 11 },
  );
  y += 112;
  doc.text('Important notices', 40, y, { size: 10, font: 'bold' });
  const change = new Date(b.billDate.getTime() + r.int(35, 75) * 86400000);
  y = para(
    doc,
    `Starting ${d(change, ds)}, the Regulatory Cost Recovery Fee will change from $1.99 to $2.49 per line. ` +
      `911 reminder: keep the address where we provide service up to date so emergency responders can find you. ` +
      `Hearing or speech impaired? Dial 711 or call ${toll('1-877')}.`,
    40,
    y + 14,
    532,
    { size: 8, lh: 10.5 },
  );

  const facts: [string, string][] = [
    [acctL, b.accountNumber],
    [btnL, p(b.btn, ps)],
    [dateL, d(b.billDate, ds)],
    ['Amount due', money(b.total)],
    ['Due by', d(b.dueDate, ds)],
  ];
  if (summaryOnP1) {
    const by = Math.max(y + 10, 626);
    doc.rect(330, by, 242, 92, { stroke: GREY, lw: 0.6 });
    doc.text('Account summary', 340, by + 14, { size: 9, font: 'bold' });
    facts.forEach(([l, v], i) => {
      doc.text(l, 340, by + 29 + i * 12, { size: 7.5, color: GREY });
      doc.text(v, 564, by + 29 + i * 12, { size: 8, align: 'right', font: 'bold' });
    });
  } else
    doc.text('Your account summary and your lines are on the next page.', 40, 730, {
      size: 9,
      font: 'bold',
      color: PLUM,
    });

  // page 2: the summary (when not on page 1), where service is, the lines
  doc.addPage();
  const pageHead = (): number => {
    doc.text('larkspur', 40, 44, { size: 12, font: 'bold', color: PLUM });
    doc.text(`${acctL} ${b.accountNumber}`, 572, 44, { size: 8, align: 'right', color: GREY });
    return 74;
  };
  y = pageHead();
  if (!summaryOnP1) {
    doc.text('Account summary', 40, y, { size: 12, font: 'bold' });
    facts.forEach(([l, v], i) => {
      doc.text(l, 40, y + 18 + i * 13, { size: 8.5, color: GREY });
      doc.text(v, 290, y + 18 + i * 13, { size: 9, align: 'right', font: 'bold' });
    });
  }
  const sy = y;
  doc.text('Where we provide service:', 330, sy, { size: 9, color: GREY });
  doc.lines(addrLines(b.service), 330, sy + 14, 11.5, { size: 9.5, font: 'bold' });
  y = Math.max(y + (summaryOnP1 ? 56 : 90), sy + 62);
  doc.text('Charges', 40, y, { size: 11, font: 'bold' });
  y = summary(doc, 40, y + 16, 300, b, { size: 8.5 }) + 10;

  doc.text('Your lines', 40, y, { size: 12, font: 'bold', color: PLUM });
  y += 16;
  doc.hline(40, 572, y - 10, { color: LIGHT });
  b.lines.forEach((l, i) => {
    if (y > 700) {
      doc.addPage();
      y = pageHead();
    }
    const nk = lineNicks[i];
    const num = p(l.num, ps);
    if (nickStyle === 'over' && nk) {
      doc.text(nk, 40, y, { size: 9.5, font: 'bold' });
      doc.text(num, 40, y + 12, { size: 8.5, color: GREY });
      doc.text(l.plan, 250, y + 6, { size: 8.5 });
      doc.text(money(l.charge), 572, y + 6, { size: 9, align: 'right' });
      y += 28;
      return;
    }
    const [first, second] = nickStyle === 'after' ? [num, nk ?? ''] : [nk ?? '', num];
    doc.text(first, 40, y, { size: 9, font: nickStyle === 'after' ? 'reg' : 'bold' });
    doc.text(second, 150, y, { size: 9, font: nickStyle === 'after' ? 'bold' : 'reg' });
    doc.text(l.plan, 270, y, { size: 8.5 });
    doc.text(money(l.charge), 572, y, { size: 9, align: 'right' });
    y += 15;
  });
  if (b.disconnected.length) {
    y += 8;
    doc.text('Removed this month', 40, y, { size: 10, font: 'bold' });
    y += 14;
    b.disconnected.forEach((n, i) => {
      const when = new Date(b.periodStart.getTime() + 86400000 * (9 + i));
      doc.text(`${p(n, ps)}  \u00b7  ${goneNicks[i]}  \u00b7  removed ${d(when, 'mon')}`, 40, y, {
        size: 8.5,
        color: GREY,
      });
      y += 12;
    });
  }

  // the payment stub on the last page
  if (y > 640) {
    doc.addPage();
    y = pageHead();
  }
  y += 24;
  doc.hline(30, 582, y, { color: GREY, dash: [3, 3] });
  doc.text('Return this part with your payment', 306, y + 12, { size: 7, align: 'center', color: GREY });
  doc.lines([b.accountName, ...addrLines(b.mailing)], 40, y + 32, 11, { size: 9 });
  doc.text(`${acctL} ${b.accountNumber}`, 330, y + 32, { size: 9 });
  doc.text(`Amount due ${money(b.total)}`, 330, y + 44, { size: 9 });
  doc.lines(remitLines('Larkspur Communications', b.remit), 330, y + 62, 11, { size: 9 });
  doc.eachPage((i, n) =>
    doc.text(`Page ${i + 1} of ${n}`, 572, 772, { size: 7, align: 'right', color: LIGHT }),
  );
}

export const larkspur: Template = {
  id: 'larkspur-mobile',
  carrier: 'Larkspur Communications',
  kind: 'wireless',
  family: 'helvetica',
  alt: 'helvetica',
  acctStyle: 'space444',
  businessShare: 0.3,
  lineRange: [1, 8],
  disconnectedShare: 0.35,
  remit: { line1: 'PO Box 209415', line2: null, city: 'Kansas City', state: 'MO', zip: '64121-9415' },
  layout:
    'page 1 mostly marketing and notices (a promo box with sales numbers, text-to codes and a QR, a local store with its address and a number in the customer\'s area code, a "Did you know?" box with a number, fee-change notices with future dates); the account summary in a small box at the bottom of page 1 or on page 2, the BTN as Billed number / Number billed, the service address as Where we provide service:, and Your lines with a nickname per line (Mom\'s phone, Kitchen fax) before, after or over the number',
  suite: 'business',
  draw,
};
