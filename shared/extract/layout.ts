// Page geometry: undo skew, group words into lines, split lines into segments (column pieces)
// at wide gaps. Everything downstream reads the page through these structures.
import type { Box, PageWords, Word } from '../domain';
import { rejoinBentWords } from './bent-words';

export interface LWord {
  text: string;
  /** de-rotated coordinates used for layout decisions */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  conf: number;
  page: number;
  /** read by OCR (look-alike repairs apply) rather than taken from a text layer */
  ocr: boolean;
  /** the original box, reported back to the UI */
  box: Box;
}

export interface Segment {
  words: LWord[];
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  line: Line;
  /** index inside line.segs */
  index: number;
}

export interface Line {
  page: number;
  words: LWord[];
  segs: Segment[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cy: number;
  /** typical word height on this line */
  h: number;
  /** index in Doc.lines (document order: page, then top to bottom) */
  index: number;
  pageWidth: number;
  pageHeight: number;
}

export interface Doc {
  lines: Line[];
  pages: { page: number; width: number; height: number; source: 'text' | 'ocr'; skewDeg: number }[];
}

const median = (a: number[]): number => {
  if (!a.length) return 0;
  const s = a.slice().sort((x, y) => x - y);
  return s[s.length >> 1]!;
};

const cx = (w: { x0: number; x1: number }) => (w.x0 + w.x1) / 2;
const cy = (w: { y0: number; y1: number }) => (w.y0 + w.y1) / 2;
const hh = (w: { y0: number; y1: number }) => Math.max(1e-6, w.y1 - w.y0);

/**
 * Estimates page skew from neighbouring words on the same text line: the median slope of the
 * line joining their centres, weighted towards long baselines. Text layers are assumed straight.
 */
export function estimateSkew(words: Word[]): number {
  // Glyphs that reach below the baseline or past the capitals ("(312)", "Reno,", "pay") move a
  // word's box centre off its line's: beside a plain word they tilt the slope by a degree or
  // more, and a page of "(312) 555-0147" rows would be turned that much the wrong way.
  const ws = words.filter(
    (w) => w.text.trim().length > 0 && w.x1 > w.x0 && w.y1 > w.y0 && !/[()[\]{}|,;gjpqy$@]/.test(w.text),
  );
  if (ws.length < 4) return 0;
  const hMed = median(ws.map(hh));
  const byX = ws.slice().sort((a, b) => a.x0 - b.x0);
  const slopes: number[] = [];
  for (let i = 0; i < byX.length; i++) {
    const a = byX[i]!;
    if (Math.abs(hh(a) - hMed) > hMed * 0.6) continue;
    // nearest right neighbour with vertical overlap (tolerates ~6° at this distance)
    let best: Word | null = null;
    for (let j = i + 1; j < byX.length; j++) {
      const b = byX[j]!;
      if (b.x0 - a.x1 > hMed * 3) break;
      if (b.x0 < a.x1 - hMed * 0.3) continue;
      if (Math.abs(cy(b) - cy(a)) > hMed * 0.6 || Math.abs(hh(b) - hh(a)) > hMed * 0.4) continue;
      if (!best || b.x0 < best.x0) best = b;
    }
    if (best) {
      const dx = cx(best) - cx(a);
      // use bottoms (baselines ignoring descenders would be better; bottoms of like-height words are close)
      const dy = (best.y1 + best.y0) / 2 - (a.y1 + a.y0) / 2;
      if (dx > hMed) slopes.push(dy / dx);
    }
  }
  if (slopes.length < 3) return 0;
  const s = median(slopes);
  const deg = (Math.atan(s) * 180) / Math.PI;
  return Math.max(-8, Math.min(8, deg));
}

/**
 * A customer's pen tick beside a number, as OCR reads it ("V/", "\/", "✓"), unsure: no word of
 * the bill's. Left in, it stood between "MEMBER ACCOUNT:" and "207 555-0102 741" and the account
 * number was read as none.
 */
const isPenTick = (w: PageWords['words'][number]): boolean =>
  w.conf < 0.7 && /^(?:[vV]\/|\\\/|[√✓✔])$/.test(w.text.trim());

function rotateWords(p: PageWords, deg: number): LWord[] {
  const r = (-deg * Math.PI) / 180;
  const c = Math.cos(r);
  const s = Math.sin(r);
  const ox = p.width / 2;
  const oy = p.height / 2;
  return p.words
    .filter((w) => w.text.trim().length > 0 && !(p.source === 'ocr' && isPenTick(w)))
    .map((w) => {
      const mx = cx(w) - ox;
      const my = cy(w) - oy;
      const nx = mx * c - my * s + ox;
      const ny = mx * s + my * c + oy;
      const hw = (w.x1 - w.x0) / 2;
      const hv = (w.y1 - w.y0) / 2;
      return {
        text: w.text.trim(),
        x0: nx - hw,
        x1: nx + hw,
        y0: ny - hv,
        y1: ny + hv,
        conf: Math.max(0, Math.min(1, w.conf)),
        page: p.page,
        ocr: p.source === 'ocr',
        box: { page: p.page, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 },
      };
    });
}

/** Groups words into lines by chaining each word to the line whose right end it continues. */
function groupLines(words: LWord[], page: PageWords): Omit<Line, 'index'>[] {
  const sorted = words.slice().sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
  const open: { words: LWord[]; lastCy: number; lastH: number; x1: number }[] = [];
  for (const w of sorted) {
    const h = hh(w);
    let best: (typeof open)[number] | null = null;
    let bestD = Infinity;
    for (const l of open) {
      if (w.x0 < l.x1 - Math.min(h, l.lastH) * 0.5) continue;
      const d = Math.abs(cy(w) - l.lastCy);
      // a sliver (a dash, a dot) joins a line when it lies within the line's letters: measured
      // by its own hairline height, the "—" of "(617) 555-0107 — 555-0126 [20]" on a fax opened
      // a line of its own, which then took the "[20]" beside it away from the range
      const sliver = h < l.lastH * 0.6 && !/[A-Za-z0-9]/.test(w.text);
      const tol = Math.max((sliver ? l.lastH : Math.min(h, l.lastH)) * 0.55, 0.001);
      // of two lines at nearly the same height, a word continues the one that ends nearest to
      // its left (a photo's perspective tilts far columns towards the wrong neighbour)
      const cost = d / Math.max(h, 0.001) + (w.x0 - l.x1) / Math.max(h * 40, 0.001);
      if (d <= tol && cost < bestD) {
        best = l;
        bestD = cost;
      }
    }
    if (best) {
      best.words.push(w);
      // a dash or a dot is a sliver at mid-height: the line goes on at its letters' height
      if (/[A-Za-z0-9]/.test(w.text) || h >= best.lastH * 0.6) {
        best.lastCy = cy(w);
        best.lastH = h;
      }
      best.x1 = w.x1;
    } else open.push({ words: [w], lastCy: cy(w), lastH: h, x1: w.x1 });
  }
  // Lines that were split by an overlapping word are merged when they sit at the same height.
  const lines = open.map((l) => l.words);
  lines.sort((a, b) => cy(a[0]!) - cy(b[0]!));
  return lines.map((ws) => {
    const line: Omit<Line, 'index'> = {
      page: page.page,
      words: ws,
      segs: [],
      x0: Math.min(...ws.map((w) => w.x0)),
      x1: Math.max(...ws.map((w) => w.x1)),
      y0: Math.min(...ws.map((w) => w.y0)),
      y1: Math.max(...ws.map((w) => w.y1)),
      cy: median(ws.map(cy)),
      h: median(ws.map(hh)),
      pageWidth: page.width,
      pageHeight: page.height,
    };
    return line;
  });
}

/** A leader token: dots, underscores or dashes used to join a label to its value. */
export const isLeader = (t: string): boolean => /^[.·…_\-:]{2,}:?$/.test(t) || /^[.·…_]{3,}/.test(t);

function splitSegments(line: Line): void {
  const ws = line.words;
  // Average character width: monospaced layouts put two spaces between words, so the column gap
  // must be measured in characters as well as in line heights.
  const long = ws.filter((w) => w.text.length >= 2);
  const charW = long.length
    ? long.reduce((s, w) => s + (w.x1 - w.x0), 0) / long.reduce((s, w) => s + w.text.length, 0)
    : line.h * 0.5;
  const segs: LWord[][] = [];
  let cur: LWord[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const prev = ws[i - 1];
    if (prev) {
      const gap = w.x0 - prev.x1;
      const ref = Math.max(Math.min(hh(prev), hh(w)), line.h * 0.6);
      if (gap > Math.max(ref * 1.3, charW * 2.6)) {
        segs.push(cur);
        cur = [];
      }
    }
    cur.push(w);
  }
  if (cur.length) segs.push(cur);
  // A ZIP that drifted away from its state ("Savannah, GA      31458") belongs to the same piece.
  for (let i = segs.length - 1; i > 0; i--) {
    const a = segs[i - 1]!;
    const b = segs[i]!;
    if (
      b.length === 1 &&
      /^\d{5}(-\d{4})?$/.test(b[0]!.text) &&
      /^[A-Z]{2}[.,]?$/.test(a[a.length - 1]!.text) &&
      b[0]!.x0 - a[a.length - 1]!.x1 < line.h * 8
    ) {
      segs.splice(i - 1, 2, [...a, ...b]);
    }
  }
  joinSplitNumbers(segs, line.h);
  line.segs = segs.map((sw, index) => ({
    words: sw,
    text: sw.map((w) => w.text).join(' '),
    x0: sw[0]!.x0,
    x1: sw[sw.length - 1]!.x1,
    y0: Math.min(...sw.map((w) => w.y0)),
    y1: Math.max(...sw.map((w) => w.y1)),
    line,
    index,
  }));
}

const SPLIT_PARTS = [/^\(?\d{3}\)?$/, /^\d{3}$/, /^\d{4}$/];

/**
 * A telephone number printed in columns of its own ("NPA  NXX  LINE" over "303   555   0143",
 * a mainframe report's fixed columns) is one piece: three words of 3, 3 and 4 digits, each in
 * the next piece, not far apart. Split, no piece held a number.
 */
function joinSplitNumbers(segs: LWord[][], h: number): void {
  for (let i = 1; i < segs.length; i++) {
    const a = segs[i - 1]!;
    const b = segs[i]!;
    if (b[0]!.x0 - a[a.length - 1]!.x1 > h * 6) continue;
    // the three words around the cut: two before it and one after, or one before and two after
    const around = [
      [a[a.length - 2], a[a.length - 1], b[0]],
      [a[a.length - 1], b[0], b[1] ?? segs[i + 1]?.[0]],
    ];
    if (around.some((ws) => ws.every((w, k) => !!w && SPLIT_PARTS[k]!.test(w.text)))) {
      // (the joined piece may join the next: "303" | "555" | "0143")
      segs.splice(i - 1, 2, [...a, ...b]);
      i--;
    }
  }
}

/**
 * OCR sometimes gives the first word of a line the whole line's box ("Name" spanning "Name on
 * account"); such a box swallows its neighbours and splits the line. It is cut back to end where
 * the next word starts.
 */
export function trimSwallowingBoxes(words: Word[]): Word[] {
  return words.map((a) => {
    const h = hh(a);
    let cut = Infinity;
    let end = -Infinity;
    for (const b of words) {
      if (b === a || b.x0 <= a.x0 + h * 0.2 || cx(b) >= a.x1) continue;
      if (Math.abs(cy(b) - cy(a)) > Math.max(h, hh(b)) * 0.5) continue;
      cut = Math.min(cut, b.x0);
      end = Math.max(end, b.x1);
    }
    // the line-box signature: it ends exactly where the last swallowed word ends (a ghost word
    // OCR read twice inside a real one does not)
    if (cut === Infinity || Math.abs(a.x1 - end) > Math.max(h * 0.3, 1.5)) return a;
    const x1 = Math.max(a.x0 + h * 0.5, cut - h * 0.3);
    return x1 < a.x1 ? { ...a, x1 } : a;
  });
}

/**
 * OCR sometimes gives a word a box two or three lines tall, a stroke of a watermark or of the
 * line below taken into it ("DATE" 18 pt tall between "INVOICE" and "07/28/2024", both 7 pt, on
 * a reprinted scan); the word then stands on a line of its own and its caption loses it. A word
 * at least twice as tall as the words just before and after it, which stand on one band inside
 * its box, is cut back to that band.
 */
export function trimTallBoxes(words: Word[]): Word[] {
  // (only a word twice the page's usual height can be one: the rest are passed by at once)
  const hs = words.map(hh).sort((x, y) => x - y);
  const usual = hs[hs.length >> 1] ?? 0;
  return words.map((a) => {
    const h = hh(a);
    // (a ghost OCR read over its neighbours, "ppe" in "Copper Kettle" on a photo, unsure and
    // overlapping one of them, is no word of the line and keeps its box)
    if (h < usual * 2 || a.conf < 0.8) return a;
    // (a neighbour a little under half its height counts: "Sep" 15.9 pt tall beside "DATE" at 7.1
    // and "9,2024" at 8.1, an unsure comma's box a little taller than its line)
    const near = (b: Word, left: boolean) => {
      if (b === a || hh(b) * 1.7 > h) return false;
      const gap = left ? a.x0 - b.x1 : b.x0 - a.x1;
      return gap > 0 && gap <= hh(b) * 1.5 && b.y0 >= a.y0 - hh(b) * 0.3 && b.y1 <= a.y1 + hh(b) * 0.3;
    };
    const before = words.filter((b) => near(b, true));
    const after = words.filter((b) => near(b, false));
    if (!before.length || !after.length) return a;
    const b = before.reduce((p, q) => (q.x1 > p.x1 ? q : p));
    const c = after.reduce((p, q) => (q.x0 < p.x0 ? q : p));
    // the two neighbours on one line
    if (Math.abs(cy(b) - cy(c)) > Math.min(hh(b), hh(c)) * 0.5) return a;
    return { ...a, y0: Math.max(a.y0, Math.min(b.y0, c.y0)), y1: Math.min(a.y1, Math.max(b.y1, c.y1)) };
  });
}

/** Below this a word is OCR's guess at a speck, not a reading. */
const GHOST_CONF = 0.5;

/**
 * A sliver of print OCR reads as a word inside another word's width, unsurely ("hs" at 0.26,
 * 2 pt wide and reaching up into the line above, over "Suite" of "Suite 2C" on a photo): no
 * word of the line, yet it would be read as one before or after its host ("hs Suite 2C"). A
 * word that unsure, lying across a sure word's whole width band, is dropped (after the boxes OCR
 * stretched over their neighbours are cut back: such a box is no host).
 */
export function dropGhostWords(words: Word[]): Word[] {
  return words.filter(
    (a) =>
      (a.conf >= GHOST_CONF ||
        !words.some(
          (b) =>
            b !== a &&
            b.conf >= 0.8 &&
            a.x0 >= b.x0 &&
            a.x1 <= b.x1 &&
            Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.3 * Math.min(hh(a), hh(b)),
        )) &&
      !words.some((b) => partOf(a, b)),
  );
}

/**
 * Whether `a` is a second, partial reading of `b`'s ink: its box inside `b`'s on the same line,
 * its text the start of `b`'s ("SILVE" over "SILVERLINE", both sure, on a bent photo). The
 * line would otherwise read "SILVE" as a word of its own and split from the rest of the name.
 */
function partOf(a: Word, b: Word): boolean {
  if (b === a || b.text.length <= a.text.length || !/^[A-Za-z]{2}/.test(a.text)) return false;
  const h = Math.min(hh(a), hh(b));
  return (
    a.x0 >= b.x0 - h * 0.3 &&
    a.x1 <= b.x1 + h * 0.3 &&
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.6 * h &&
    b.text.toUpperCase().startsWith(a.text.toUpperCase())
  );
}

/**
 * A label and its value with the space lost after the colon ("for:839", "Acct#:1234") or before
 * a phone number ("Number937-555-0126") are two words to a reader, and so are a dotted legal form
 * or abbreviated one and the caption OCR ran into it ("L.L.C.Billing", "Ltd.Billing"), and two words
 * a column rule joined ("UNION|CT,"; the bar is dropped). Times ("8:30") and addresses ("https://")
 * stay whole.
 */
export function splitAtColon(words: Word[]): Word[] {
  return words.flatMap((w) => {
    const m =
      /^([A-Za-z][A-Za-z#.]+:)([^\s/:][^\s]*)$/.exec(w.text.trim()) ??
      // a caption run into a phone number or an account number ("Number937-555-0126",
      // "Account4873")
      /^([A-Za-z]{3,}[#:]?)(\(?\d{3}\)?[\d.-]{7,}|\d{4,})$/.exec(w.text.trim()) ??
      // a name's dotted legal form run into the caption after it ("L.L.C.Billing" or
      // "Ltd.Billing" before "Period:" on a side-turned scan): the caption would end the name
      /^((?:[A-Za-z]\.){2,}|(?:Ltd|Inc|Corp|Co|Ltée|Cie)\.)([A-Z][a-z]{2,}[#:]?)$/.exec(w.text.trim()) ??
      // two words joined by a column rule OCR read as a bar ("UNION|CT," on a greenbar report's
      // photo): the bar is no letter of either, and no address or name holds one
      /^([A-Za-z]{2,})\|([A-Za-z]{2,}[,.]?)$/.exec(w.text.trim());
    if (!m) return [w];
    const n = m[1]!.length + m[2]!.length;
    const xm = w.x0 + ((w.x1 - w.x0) * m[1]!.length) / n;
    return [
      { ...w, text: m[1]!, x1: xm },
      { ...w, text: m[2]!, x0: xm + (w.x1 - w.x0) / n / 2 },
    ];
  });
}

export function buildDoc(pages: PageWords[]): Doc {
  const lines: Line[] = [];
  const meta: Doc['pages'] = [];
  for (const p0 of pages.slice().sort((a, b) => a.page - b.page)) {
    const p = {
      ...p0,
      words: splitAtColon(
        p0.source === 'ocr'
          ? rejoinBentWords(dropGhostWords(trimTallBoxes(trimSwallowingBoxes(p0.words))))
          : p0.words,
      ),
    };
    const skew = p.source === 'ocr' ? estimateSkew(p.words) : 0;
    const words = rotateWords(p, Math.abs(skew) < 0.05 ? 0 : skew);
    meta.push({ page: p.page, width: p.width, height: p.height, source: p.source, skewDeg: skew });
    for (const l of groupLines(words, p)) {
      // a line of nothing but specks ("~", ",", "-") OCR found between real lines would stand
      // between a caption and its value
      if (p.source === 'ocr' && !l.words.some((w) => /[A-Za-z0-9$#]/.test(w.text))) continue;
      const line: Line = { ...l, index: lines.length };
      splitSegments(line);
      lines.push(line);
    }
  }
  return { lines, pages: meta };
}

/**
 * The piece of line `k` that stands in `seg`'s column (starts within a line and a half of it, on
 * its page): the next or previous line of an address block, read down or up its column.
 */
export function columnPiece(lines: Line[], k: number, seg: Segment): Segment | undefined {
  const ln = lines[k];
  return ln?.page === seg.line.page
    ? ln.segs.find((x) => Math.abs(x.x0 - seg.x0) < seg.line.h * 1.5)
    : undefined;
}

export function boxOf(words: LWord[]): Box[] {
  if (!words.length) return [];
  const byPage = new Map<number, LWord[]>();
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  return [...byPage.entries()].map(([page, ws]) => ({
    page,
    x0: Math.min(...ws.map((w) => w.box.x0)),
    y0: Math.min(...ws.map((w) => w.box.y0)),
    x1: Math.max(...ws.map((w) => w.box.x1)),
    y1: Math.max(...ws.map((w) => w.box.y1)),
  }));
}

export const meanConf = (words: LWord[]): number =>
  words.length ? words.reduce((s, w) => s + w.conf, 0) / words.length : 0;
