// Pieces the business-suite templates share: DID ranges, the "numbers on this account" appendix,
// a browser's print header and footer, a fax machine's header line, IMEI/SIM/agreement ids.
import { StandardFonts, type RGB } from 'pdf-lib';
import { type Doc, GREY } from '../draw';
import { blockNums, type Bill, type DidBlock, fmtPhone } from '../model';
import { luhnDigit } from '../check-digits';
import type { Rng } from '../rng';

/**
 * How a DID block is printed. Every style expands to every number of the block (truth lists
 * them all): "312-555-0100 to 0149", "312.555.0150 thru 312.555.0159",
 * "(312) 555-0120 – 555-0139 [20]".
 */
export type RangeStyle = 'to' | 'thru' | 'dash-count';
export const RANGE_STYLES: RangeStyle[] = ['to', 'thru', 'dash-count'];

export function rangeText(b: DidBlock, s: RangeStyle): string {
  const last = blockNums(b)[b.count - 1]!;
  switch (s) {
    case 'to':
      return `${fmtPhone(b.first, 'dash')} to ${last.slice(6)}`;
    case 'thru':
      return `${fmtPhone(b.first, 'dot')} thru ${fmtPhone(last, 'dot')}`;
    case 'dash-count':
      return `${fmtPhone(b.first, 'paren')} \u2013 ${last.slice(3, 6)}-${last.slice(6)} [${b.count}]`;
  }
}

/** Numbers of the account that are not in a DID block (single lines), in account order. */
export function singles(b: Bill): Bill['lines'] {
  const inBlock = new Set(b.blocks.flatMap(blockNums));
  return b.lines.filter((l) => !inBlock.has(l.num));
}

export interface AppendixOpts {
  x: number;
  y: number;
  cols: number;
  colW: number;
  size: number;
  bottom: number;
  style: 'dash' | 'paren' | 'dot';
  onNewPage: () => number;
}

/**
 * "Numbers on this account": every number, sorted, filled down the columns of each page as
 * billing systems print their number lists. Returns the y below the list.
 */
export function numberList(doc: Doc, nums: string[], o: AppendixOpts): number {
  const sorted = [...nums].sort();
  const lh = o.size * 1.45;
  let y = o.y;
  let i = 0;
  while (i < sorted.length) {
    const rows = Math.max(1, Math.floor((o.bottom - y) / lh));
    const take = Math.min(sorted.length - i, rows * o.cols);
    const perCol = Math.ceil(take / o.cols);
    for (let k = 0; k < take; k++) {
      const c = Math.floor(k / perCol);
      const r = k % perCol;
      doc.text(fmtPhone(sorted[i + k]!, o.style), o.x + c * o.colW, y + r * lh, { size: o.size });
    }
    i += take;
    y += perCol * lh;
    if (i < sorted.length) y = o.onNewPage();
  }
  return y + 4;
}

/** A browser's print header and footer on every page ("Printed 04/22/2025 3:14 PM", URL, "2/5"). */
export function browserChrome(
  doc: Doc,
  o: { style: 'chrome' | 'printed'; at: Date; title: string; url: string },
): void {
  const t = o.at;
  const hh = t.getUTCHours();
  const time = `${((hh + 11) % 12) + 1}:${String(t.getUTCMinutes()).padStart(2, '0')} ${hh < 12 ? 'AM' : 'PM'}`;
  const m = t.getUTCMonth() + 1;
  const dd = t.getUTCDate();
  const y = t.getUTCFullYear();
  doc.eachPage((i, n) => {
    const W = doc.W;
    const H = doc.H;
    const fo = { size: 7, font: 'reg' as const, color: GREY };
    if (o.style === 'chrome') {
      doc.text(`${m}/${dd}/${String(y).slice(2)}, ${time}`, 24, 16, fo);
      doc.text(o.title, W / 2, 16, { ...fo, align: 'center' });
      doc.text(o.url, 24, H - 12, fo);
      doc.text(`${i + 1}/${n}`, W - 24, H - 12, { ...fo, align: 'right' });
    } else {
      const pad = (v: number) => String(v).padStart(2, '0');
      doc.text(`Printed ${pad(m)}/${pad(dd)}/${y} ${time}`, 24, 16, fo);
      doc.text(o.title, W - 24, 16, { ...fo, align: 'right' });
      doc.text(o.url, 24, H - 12, fo);
      doc.text(`Page ${i + 1} of ${n}`, W - 24, H - 12, { ...fo, align: 'right' });
    }
  });
}

export interface FaxHeader {
  style: 0 | 1 | 2;
  at: Date;
  /** the sending machine's number: never a number of the account */
  from: string;
  /** the station id the sender programmed (a name, or blank) */
  station: string;
  to: string;
}

/** Draws a fax machine's header line across the top of every page, as a received fax shows it. */
/** The header line a fax machine or service prints on page `i` (0-based) of `n`. */
export function faxHeaderLine(f: FaxHeader, i: number, n: number): string {
  const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const pad = (v: number) => String(v).padStart(2, '0');
  const t = f.at;
  const hm = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
  return f.style === 0
    ? `${MON[t.getUTCMonth()]}-${pad(t.getUTCDate())}-${t.getUTCFullYear()} ${hm}  FROM:${f.station ? ` ${f.station.toUpperCase()}` : ''}  ${fmtPhone(f.from, 'space')}  TO: ${f.to}  P.${String(i + 1).padStart(3, '0')}/${String(n).padStart(3, '0')}`
    : f.style === 1
      ? `${pad(t.getUTCMonth() + 1)}/${pad(t.getUTCDate())}/${t.getUTCFullYear()} ${hm}  ${fmtPhone(f.from, 'paren')}  ${f.station}  PAGE ${i + 1}/${n}`
      : `Fax from: ${fmtPhone(f.from, 'dash')}  ${f.station}  ${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}-${String(t.getUTCFullYear()).slice(2)} ${hm}  Pg: ${i + 1}/${n}`;
}

export function faxHeader(doc: Doc, f: FaxHeader): void {
  const courier = doc.standardFont(StandardFonts.Courier);
  doc.eachPage((i, n) => {
    doc.text(faxHeaderLine(f, i, n), 18, 11, { size: 8, font: courier });
  });
}

/** A fax header for a bill: its own number, free in the account's area code. */
export function makeFaxHeader(r: Rng, b: Bill): FaxHeader {
  const used = new Set([...b.lines.map((l) => l.num), ...b.disconnected, b.office, b.repairLocal, b.fax]);
  const npa = b.btn.slice(0, 3);
  const free = Array.from({ length: 100 }, (_, i) => `${npa}55501${String(i).padStart(2, '0')}`).filter(
    (n) => !used.has(n),
  );
  return {
    style: r.pick([0, 1, 2] as const),
    at: new Date(b.billDate.getTime() + r.int(2, 20) * 86400000 + r.int(8 * 60, 17 * 60) * 60000),
    from: r.pick(free),
    station: r.pick([b.accountName.slice(0, 20), 'ACCOUNTING', 'FRONT DESK', '']),
    to: `1${b.tollFree.billing.replace(/\D/g, '').slice(-10)}`,
  };
}

/** Device identifiers a wireless bill prints per line; none is an account or phone number. */
export function imei(r: Rng, style: number): string {
  const body = `35${r.digits(12)}`;
  const d = body + luhnDigit(body);
  return style === 0
    ? d
    : style === 1
      ? `${d.slice(0, 2)}-${d.slice(2, 8)}-${d.slice(8, 14)}-${d.slice(14)}`
      : `${d.slice(0, 2)} ${d.slice(2, 8)} ${d.slice(8, 14)} ${d.slice(14)}`;
}
export function iccid(r: Rng, grouped: boolean): string {
  const body = `8901${r.digits(15)}`;
  const d = body + luhnDigit(body);
  return grouped ? d.replace(/(\d{4})(?=\d)/g, '$1 ') : d;
}
export function agreementId(r: Rng, dashed: boolean): string {
  const d = `${r.int(1, 9)}${r.digits(12)}`;
  return dashed ? `${d.slice(0, 4)}-${d.slice(4, 10)}-${d.slice(10)}` : d;
}

/** Draws each letter on its own with extra spacing: logos OCR reads in fragments ("I RON WOO D"). */
export function spacedLogo(
  doc: Doc,
  s: string,
  x: number,
  y: number,
  o: { size: number; gap: number; font?: 'reg' | 'bold'; color?: RGB },
): number {
  let cx = x;
  for (const ch of s) {
    if (ch === ' ') {
      cx += o.size * 0.6;
      continue;
    }
    cx = doc.text(ch, cx, y, { size: o.size, font: o.font ?? 'bold', color: o.color }) + o.gap;
  }
  return cx;
}

/**
 * Numbers free in the account's area code: a fax cover's, a promo's or a called number that is
 * never the account's.
 */
export function freeNumbers(b: Bill): string[] {
  const used = new Set([...b.lines.map((l) => l.num), ...b.disconnected, b.office, b.repairLocal, b.fax]);
  const npa = b.btn.slice(0, 3);
  return Array.from({ length: 100 }, (_, i) => `${npa}55501${String(i).padStart(2, '0')}`).filter(
    (n) => !used.has(n),
  );
}
