// Lines printed without their area code, as small telephone companies list them: by their last
// four under an exchange heading ("Exchange: 618-555" or "(618) 555-" over "0147  0148  0162"),
// as a hunt group's members under its pilot ("Hunt group: 0105, 0106, 0107"), as the further
// items of a list after a number ("618-555-0100, -0101 and -0145", "555-0100 through -0119"), or
// in seven bare digits in a priced row under the bill's one area code ("5550147 … $32.50"). Each
// last four takes the area code and exchange of what it is listed under; nothing else of four
// digits (a year, a street number, an amount) is read so.
import type { Line, Segment } from './layout';
import { declaredAreaCode, findLocalPhones, findPhones, MONEY_RE, type PhoneHit, validNanp } from './shapes';

/** A number read from a list: `after` is the start of the item it follows in its piece (null: the first). */
export interface ListedHit extends PhoneHit {
  after: number | null;
}

export interface LocalLists {
  /** numbers in seven digits or by their last four, per piece of a line */
  bySeg: Map<Segment, ListedHit[]>;
}

// "Exchange: 618-555", "Exchange 618-555", "Lines in exchange (618) 555:"
const EXCHANGE_WORD = /\bexchange\s*:?\s*\(?([2-9]\d{2})\)?[\s.-]?\s?([2-9]\d{2})\s*[:-]?\s*$/i;
// "(618) 555-" alone: the area code and exchange of the last fours under it
const EXCHANGE_DASH = /^\s*\(([2-9]\d{2})\)\s?([2-9]\d{2})-\s*:?\s*$/;
// a hunt group's members by their last four, under the pilot's row
const HUNT = /^\s*hunt(?:ing)?(?:\s*(?:group|grp))?\s*:?\s*$/i;
const HUNT_ROW = /^\s*hunt(?:ing)?(?:\s*(?:group|grp))?\s*:?\s*\d{4}/i;
// what may follow a list's further item: the list's end or its next item ("970-555-0143, 1200
// Main St" is a street number after a number, not a line)
const ITEM_END = /^\s*(?:$|[,;&.)]|and\b|through\b|thru\b)/i;
// what joins the items of a list ("," "and" "&"), and a block's two ends ("through")
const JOIN = /^\s*(?:,|;|&|and|,\s*and)?\s*$/i;
const THROUGH = /^\s*(?:through|thru|to|–|—)\s*$/i;
// a last four: four digits alone, or after the hyphen that stands for the exchange ("-0101"); not
// a year after a slash, a time, a money amount or part of a longer number
const TAIL = /(?<![\w$.,/:-])(-?)(\d{4})(?![\w/:-]|[.,]\d)/g;
// seven bare digits opening a priced row: a line under the bill's one area code
const BARE7 = /^([2-9]\d{2})(\d{4})(?!\d)/;
/** How far a list under an exchange heading may run (its rows, a grid's rows). */
const REACH = 40;

const textOf = (ln: Line): string => ln.segs.map((s) => s.text).join(' ');

function exchangeOf(text: string): string | null {
  const m = EXCHANGE_WORD.exec(text) ?? EXCHANGE_DASH.exec(text);
  return m && validNanp(`${m[1]}${m[2]}2000`) ? `${m[1]}${m[2]}` : null;
}

/** Whether a line is a row of a last-four list: it opens with four digits, a hunt group or a block. */
function listRow(ln: Line): boolean {
  const first = ln.segs[0]?.text ?? '';
  return /^\d{4}(?!\d)/.test(first) || HUNT_ROW.test(first);
}

/**
 * The one area code a bill gives its local numbers: declared ("Area code 618"), or the area code
 * of its exchange headings ("Exchange: 618-555") when they name one; null otherwise.
 */
export function localAreaCode(lines: Line[]): string | null {
  const texts = lines.map(textOf);
  const declared = declaredAreaCode(texts) ?? numbersCode(texts);
  if (declared) return declared;
  const heads = new Set(
    texts
      .map(exchangeOf)
      .filter((x): x is string => !!x)
      .map((x) => x.slice(0, 3)),
  );
  return heads.size === 1 ? [...heads][0]! : null;
}

// "All numbers are in area code (479)" whose "in area" a scan lost under a dark band ("All
// numbers are —— code (479)"): what the code is of is still said by the numbers it is for
const NUMBERS_CODE = /\bnumbers?\b.{0,24}\bcode\s*:?\s*\(?([2-9]\d{2})\)?(?!\d)/i;

function numbersCode(texts: string[]): string | null {
  const codes = new Set(texts.map((t) => NUMBERS_CODE.exec(t)?.[1]).filter((x): x is string => !!x));
  return codes.size === 1 ? [...codes][0]! : null;
}

/** A value in seven digits ("555-0133"), the exchange set off, at the start of a field's text. */
export function sevenDigitValue(text: string, areaCode: string): string | null {
  const m = /^\s*([2-9]\d{2})[.-](\d{4})(?![\d-])/.exec(text);
  const number = m ? `${areaCode}${m[1]}${m[2]}` : '';
  return m && validNanp(number) ? number : null;
}

/**
 * Anchors of a piece: its numbers in full, in seven digits under the bill's area code, or in
 * seven bare digits opening a priced row.
 */
function anchorsOf(seg: Segment, areaCode: string | null): PhoneHit[] {
  const full = findPhones(seg.text);
  const local = areaCode ? findLocalPhones(seg.text, areaCode) : [];
  const out = [...full, ...local];
  if (areaCode && seg.index === 0) {
    const m = BARE7.exec(seg.text);
    const number = m ? `${areaCode}${m[1]}${m[2]}` : '';
    if (
      m &&
      validNanp(number) &&
      seg.line.segs.some((x) => MONEY_RE.test(x.text)) &&
      !out.some((h) => h.start === 0)
    )
      out.push({ number, start: 0, end: m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The numbers a bill lists without their area code, found piece by piece in document order:
 * `prefix` carries the area code and exchange a list runs under (an exchange heading's, or the
 * last number of the line above when that line ends in a joiner or the line is a hunt group).
 */
export function localLists(lines: Line[], areaCode: string | null): LocalLists {
  const bySeg = new Map<Segment, ListedHit[]>();
  let heading: { prefix: string; page: number; at: number } | null = null;
  let lastOfLine: string | null = null;
  let lastEndsList = false;
  for (const line of lines) {
    const text = textOf(line);
    const ex = exchangeOf(text);
    if (ex) {
      heading = { prefix: ex, page: line.page, at: line.index };
      lastOfLine = null;
      lastEndsList = false;
      continue;
    }
    // (a heading's list ends at the first line that is no row of it)
    if (heading && (heading.page !== line.page || line.index - heading.at > REACH || !listRow(line)))
      heading = null;
    const huntLine = HUNT_ROW.test(line.segs[0]?.text ?? '');
    const carried = (huntLine || lastEndsList) && lastOfLine ? lastOfLine.slice(0, 6) : null;
    const ctx = heading?.prefix ?? carried;
    let last: string | null = null;
    for (const seg of line.segs) {
      const hits = readPiece(seg, areaCode, ctx, seg.index === 0 || !!heading, !!heading);
      if (hits.length) bySeg.set(seg, hits);
      const anchors = anchorsOf(seg, areaCode);
      const ends = [...anchors, ...hits].sort((a, b) => a.start - b.start);
      if (ends.length) last = ends[ends.length - 1]!.number;
    }
    lastOfLine = last ?? (heading ? lastOfLine : null);
    lastEndsList = !!last && /(?:,|&|\band|through|thru)\s*$/i.test(text);
  }
  return { bySeg };
}

/**
 * The last fours of one piece: each after a number of the piece joined to it by a list's joiner,
 * or (with `ctx`, the prefix the piece is listed under) opening the piece or after a hunt caption.
 */
function readPiece(
  seg: Segment,
  areaCode: string | null,
  ctx: string | null,
  opens: boolean,
  grid: boolean,
): ListedHit[] {
  const anchors = anchorsOf(seg, areaCode);
  const out: ListedHit[] = [];
  // the local anchors (seven digits) are read here too: the caller scores them as numbers
  for (const a of anchors)
    if (!findPhones(seg.text).some((f) => f.start === a.start)) out.push({ ...a, after: null });
  let prev: ListedHit | PhoneHit | null = null;
  const items = [...anchors];
  // the number a further item is scored with: the first of its list
  // the last fours that open a list of their own (under a prefix, or a hunt caption)
  const opened = new Set<number>();
  const root = (x: ListedHit | PhoneHit): number => ('after' in x && x.after !== null ? x.after : x.start);
  for (const m of seg.text.matchAll(TAIL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (anchors.some((a) => a.start < end && start < a.end)) continue;
    prev = [...items, ...out].filter((x) => x.end <= start).sort((a, b) => b.end - a.end)[0] ?? null;
    const between = seg.text.slice(prev ? prev.end : 0, start);
    // (a grid's last fours stand apart with nothing between them, a list's after a joiner)
    const joined = grid ? JOIN.test(between) : JOIN.test(between) && between.trim() !== '';
    // (a list of last fours only, a hunt group's, runs into the row's next cell: "0107 Hunt group members")
    const ownList = prev !== null && opened.has(root(prev));
    if (prev && joined && (grid || ownList || ITEM_END.test(seg.text.slice(end)))) {
      const number = prev.number.slice(0, 6) + m[2]!;
      if (validNanp(number)) out.push({ number, start, end, after: root(prev) });
      continue;
    }
    if (prev && THROUGH.test(between)) {
      const a = Number(prev.number.slice(6));
      const b = Number(m[2]);
      if (b > a && b - a <= 1000)
        for (let n = a + 1; n <= b; n++)
          out.push({
            number: prev.number.slice(0, 6) + String(n).padStart(4, '0'),
            start,
            end,
            after: root(prev),
          });
      continue;
    }
    // first in its piece: only under a prefix, opening the piece or after a hunt caption
    if (!prev && ctx && ((opens && between.trim() === '') || HUNT.test(between))) {
      const number = ctx + m[2]!;
      if (validNanp(number)) {
        out.push({ number, start, end, after: null });
        opened.add(start);
      }
    }
  }
  return out;
}
