// Customer marks on the paper: what a customer draws on a bill before sending it to the porting
// desk. An opt-in overlay (index.ts --marks) drawn on top of any template's pages before the
// rendition, so scans and photos carry them and a text PDF carries them as a markup tool flattens
// them into the page. Nothing here changes the truth: the marks add no fact of the account, and
// the handwritten phone number is the customer's contact, not a line on the account.
import { BlendMode, degrees, type PDFFont, type PDFPage } from 'pdf-lib';
import { hex, type Doc, type Drawn } from './draw';
import { fmtDate, MON, addDays, type Bill } from './model';
import type { Rng } from './rng';

export interface Marks {
  /** what was drawn, for the truth file's notes */
  kinds: string[];
  /** the handwritten contact number (10 digits): never on the account */
  notePhone?: string;
  noteText?: string;
  /** the PAID stamp's date (ISO): the day the customer paid, never the bill date */
  stampDate?: string;
}

const YELLOW = hex('#ffe94d');
const INKS = [hex('#1d3a9e'), hex('#1b2a6b'), hex('#222222')];
const RED = hex('#c62832');

const digitsOf = (s: string): string => s.replace(/\D/g, '');

interface Box {
  page: number;
  x: number;
  y: number; // top, from the top of the page
  w: number;
  h: number;
}
const boxOf = (d: Drawn): Box => ({ page: d.page, x: d.x, y: d.y - d.size * 0.8, w: d.w, h: d.size });
const overlaps = (a: Box, b: Box): boolean =>
  a.page === b.page && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/g;

/**
 * The account's phone numbers as drawn, each narrowed to the number itself ("Line 4 · 775-555-0173
 * · Daniel W." gives the box of "775-555-0173"): a pen circles or ticks the number, not its row.
 */
function numberRuns(doc: Doc, b: Bill): Drawn[] {
  const nums = new Set(b.lines.map((l) => l.num));
  const out: Drawn[] = [];
  for (const d of doc.drawn)
    for (const m of d.s.matchAll(PHONE)) {
      if (!nums.has(digitsOf(m[0]).slice(-10))) continue;
      const x = d.x + d.font.widthOfTextAtSize(d.s.slice(0, m.index), d.size);
      out.push({ ...d, x, w: d.font.widthOfTextAtSize(m[0], d.size), s: m[0] });
    }
  return out;
}

function highlight(page: PDFPage, H: number, box: Box, r: Rng): void {
  const pad = box.h * 0.35;
  page.drawRectangle({
    x: box.x - pad + r.float(-2, 2),
    y: H - (box.y + box.h + pad * 0.6),
    width: box.w + pad * 2 + r.float(-3, 6),
    height: box.h + pad * 1.4,
    rotate: degrees(r.float(-1.5, 1.5)),
    color: YELLOW,
    opacity: r.float(0.45, 0.6),
    blendMode: BlendMode.Multiply,
  });
}

function circle(page: PDFPage, H: number, box: Box, r: Rng, ink: ReturnType<typeof hex>): void {
  page.drawEllipse({
    x: box.x + box.w / 2 + r.float(-2, 2),
    y: H - (box.y + box.h / 2),
    xScale: box.w / 2 + r.float(8, 14),
    yScale: box.h / 2 + r.float(5, 9),
    rotate: degrees(r.float(-6, 6)),
    borderColor: ink,
    borderWidth: r.float(0.9, 1.4),
    borderOpacity: 0.9,
  });
}

function tick(page: PDFPage, H: number, box: Box, r: Rng, ink: ReturnType<typeof hex>): void {
  // a check mark just left of the number, its tail rising across the gap
  const s = box.h / 9;
  const x = box.x - 12 * s - r.float(1, 4);
  const y = box.y + box.h * 0.55;
  page.drawSvgPath(`M 0 0 L ${3 * s} ${4 * s} L ${11 * s} ${-7 * s}`, {
    x,
    y: H - y,
    borderColor: ink,
    borderWidth: r.float(1, 1.5),
  });
}

/** A short handwritten-looking line: oblique type in ink, each word on its own slightly wandering baseline. */
function scrawl(
  page: PDFPage,
  font: PDFFont,
  H: number,
  text: string,
  x: number,
  y: number,
  size: number,
  angle: number,
  ink: ReturnType<typeof hex>,
  r: Rng,
): number {
  const rad = (angle * Math.PI) / 180;
  let along = 0;
  for (const w of text.split(' ')) {
    const dy = r.float(-1, 1);
    page.drawText(w, {
      x: x + along * Math.cos(rad),
      y: H - y + along * Math.sin(rad) + dy,
      size: size * r.float(0.95, 1.05),
      font,
      color: ink,
      rotate: degrees(angle),
    });
    along += font.widthOfTextAtSize(w + ' ', size) + r.float(0, 2);
  }
  return along;
}

const fmt = (n: string, k: number): string => {
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  return [`${a}-${b}-${c}`, `(${a}) ${b}-${c}`, `${a}.${b}.${c}`, `${a} ${b} ${c}`][k % 4]!;
};

/** The customer's own contact number: the BTN's area code, 555-01XX, nothing the bill prints. */
function contactNumber(b: Bill, r: Rng): string | null {
  const taken = new Set([...b.lines.map((l) => l.num), ...b.disconnected, b.office, b.repairLocal, b.fax]);
  const free = Array.from(
    { length: 100 },
    (_, i) => `${b.btn.slice(0, 6)}01${String(i).padStart(2, '0')}`,
  ).filter((n) => !taken.has(n));
  return free.length ? r.pick(free) : null;
}

/** A free area of page 1 for the note: a margin band no drawn string crosses. */
function freeSpot(doc: Doc, w: number, h: number, r: Rng): Box | null {
  const page = doc.pages[0]!;
  const W = page.getWidth();
  const H = page.getHeight();
  const cands: Box[] = [];
  for (let y = 14; y + h < H - 8; y += 6)
    for (const x of [W - w - 14, W - w - 40, 30, 60, (W - w) / 2])
      if (x > 8) cands.push({ page: 0, x, y, w, h });
  const taken = doc.drawn.filter((d) => d.page === 0).map(boxOf);
  const free = cands.filter((c) => !taken.some((t) => overlaps(c, { ...t, x: t.x - 4, w: t.w + 8 })));
  if (!free.length) return null;
  // prefer the top and bottom margins, where people write
  const edge = free.filter((c) => c.y < 90 || c.y > H - 110);
  return r.pick(edge.length ? edge : free);
}

const NOTES = [
  'Port all lines',
  'port ALL lines pls',
  'Port all numbers',
  'Please port all lines',
  'Port these',
  'keep all #s',
];
const CONTACTS = [
  'call me',
  'my cell',
  'questions? call',
  'call Dave',
  'ask for Maria',
  'reach me at',
  'text me',
];

export function drawMarks(doc: Doc, b: Bill, r: Rng): Marks {
  const out: Marks = { kinds: [] };
  const ink = r.pick(INKS);
  const hand = doc.fonts.ital.name.includes('Courier') ? doc.alt.ital : doc.fonts.ital;
  const page0 = doc.pages[0]!;
  const keep: Box[] = []; // where the truth is printed: the stamp must not hide it
  const acct = digitsOf(b.accountNumber);
  const acctRun = doc.drawn.find((d) => d.page === 0 && acct.length >= 6 && digitsOf(d.s).includes(acct));
  const btnRun = doc.drawn.find((d) => d.page === 0 && digitsOf(d.s).slice(-10) === b.btn);
  const runs = numberRuns(doc, b);
  for (const d of [acctRun, btnRun, ...runs]) if (d) keep.push(boxOf(d));
  // the name, the service address and the bill date stay legible under the stamp too
  const fields = [b.accountName, ...(b.nameLines ?? []), b.service.line1, b.service.line2, b.service.city]
    .filter((s): s is string => !!s)
    .map((s) => s.toLowerCase());
  for (const d of doc.drawn)
    if (
      d.page === 0 &&
      fields.some((f) => d.s.toLowerCase().includes(f) || (d.s.length > 5 && f.includes(d.s.toLowerCase())))
    )
      keep.push(boxOf(d));
  const dateRuns = doc.drawn.filter((d) => d.page === 0 && /\b(19|20)?\d\d\b/.test(d.s) && /\d/.test(d.s));
  // 1. highlighter over the account number, the BTN and a few numbers
  const marker = () => {
    out.kinds.push('highlight');
    const picks = [acctRun, btnRun, ...r.shuffle(runs).slice(0, r.int(0, 3))].filter((d): d is Drawn => !!d);
    for (const d of picks) highlight(doc.pages[d.page]!, doc.pages[d.page]!.getHeight(), boxOf(d), r);
  };
  if (r.chance(0.7)) marker();
  // 2. a pen circle around a number or two, or ticks beside the numbers to port
  if (runs.length && r.chance(0.6)) {
    const ticks = r.chance(0.5);
    out.kinds.push(ticks ? 'ticks' : 'circle');
    const some = ticks ? runs.slice(0, r.int(2, 8)) : r.shuffle(runs).slice(0, r.int(1, 2));
    for (const d of some) {
      const p = doc.pages[d.page]!;
      if (ticks) tick(p, p.getHeight(), boxOf(d), r, ink);
      else circle(p, p.getHeight(), boxOf(d), r, ink);
    }
  }
  // 3. a handwritten note in a margin: "port all lines", often with the customer's own number
  if (r.chance(0.55)) {
    const phone = r.chance(0.7) ? contactNumber(b, r) : null;
    const text = phone
      ? `${r.chance(0.5) ? r.pick(NOTES) + ' - ' : ''}${r.pick(CONTACTS)} ${fmt(phone, r.int(0, 3))}`
      : r.pick(NOTES);
    const size = r.float(11, 14);
    const spot = freeSpot(doc, doc.fonts.ital.widthOfTextAtSize(text, size) + 12, size + 8, r);
    if (spot) {
      out.kinds.push('note');
      out.noteText = text;
      if (phone) out.notePhone = phone;
      scrawl(
        page0,
        hand,
        page0.getHeight(),
        text,
        spot.x + 4,
        spot.y + size + 2,
        size,
        r.float(-4, 4),
        ink,
        r,
      );
    }
  }
  // 4. a red PAID stamp with the payment date over the summary
  if (r.chance(0.4)) {
    const paid = addDays(b.billDate, r.int(6, 24));
    const style = r.pick(['MON', 'mdy', 'mon'] as const);
    const date =
      style === 'MON'
        ? `${MON[paid.getUTCMonth()]!.toUpperCase()} ${String(paid.getUTCDate()).padStart(2, '0')} ${paid.getUTCFullYear()}`
        : fmtDate(paid, style);
    const word = r.pick(['PAID', 'PAID', 'RECEIVED']);
    const bold = doc.fonts.bold.name.includes('Courier') ? doc.alt.bold : doc.fonts.bold;
    const bw = Math.max(bold.widthOfTextAtSize(word, 22), bold.widthOfTextAtSize(date, 10)) + 18;
    const bh = 46;
    // near the amount due, off the fields the port needs
    const total = doc.drawn.find((d) => d.page === 0 && /total|amount due|balance|due/i.test(d.s));
    const H = page0.getHeight();
    const W = page0.getWidth();
    const cands: Box[] = [];
    const cx = total ? total.x : W / 2;
    const cy = total ? total.y - 10 : H / 3;
    for (let dy = 0; dy < 260; dy += 10)
      for (const dx of [0, 60, -60, 120, -120, 200, -200])
        for (const sy of [1, -1]) cands.push({ page: 0, x: cx + dx, y: cy + sy * dy, w: bw, h: bh });
    const angle = r.float(-9, 9);
    // the box the turned stamp covers (it turns about its lower left corner)
    const lift = Math.abs(Math.sin((angle * Math.PI) / 180)) * bw;
    const fits = (c: Box) => {
      const hull = { ...c, y: c.y - (angle > 0 ? lift : 0), h: c.h + lift };
      return (
        c.x > 10 &&
        c.x + c.w < W - 10 &&
        hull.y > 10 &&
        hull.y + hull.h < H - 10 &&
        !keep.some((k) => overlaps(hull, { ...k, x: k.x - 6, y: k.y - 6, w: k.w + 12, h: k.h + 12 })) &&
        !dateRuns.some((d) => /date|issued|statement/i.test(d.s) && overlaps(hull, boxOf(d)))
      );
    };
    const spot = cands.find(fits);
    if (spot) {
      out.kinds.push('stamp');
      out.stampDate = paid.toISOString().slice(0, 10);
      const o = { opacity: 0.8 };
      const y0 = H - spot.y - spot.h;
      page0.drawRectangle({
        x: spot.x,
        y: y0,
        width: spot.w,
        height: spot.h,
        rotate: degrees(angle),
        borderColor: RED,
        borderWidth: 2,
        borderOpacity: 0.8,
      });
      const rad = (angle * Math.PI) / 180;
      const at = (dx: number, dy: number) => ({
        x: spot.x + dx * Math.cos(rad) - dy * Math.sin(rad),
        y: y0 + dx * Math.sin(rad) + dy * Math.cos(rad),
      });
      page0.drawText(word, {
        ...at((spot.w - bold.widthOfTextAtSize(word, 22)) / 2, 20),
        size: 22,
        font: bold,
        color: RED,
        rotate: degrees(angle),
        ...o,
      });
      page0.drawText(date, {
        ...at((spot.w - bold.widthOfTextAtSize(date, 10)) / 2, 7),
        size: 10,
        font: bold,
        color: RED,
        rotate: degrees(angle),
        ...o,
      });
    }
  }
  // a marked bill has at least one mark
  if (!out.kinds.length) marker();
  return out;
}
