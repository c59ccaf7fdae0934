// A line read in an exchange one digit from the account's common one ("859-565-0118" among
// eighteen 859-555 lines). The generic reader takes such a number for the common exchange only
// when OCR was unsure of it or the bill prints it elsewhere in the common one (numbers.ts,
// repairExchanges): a number read surely in the neighbouring exchange may be a real branch line,
// and a photo reads the wrong digit surely now and then. Neither what was learned (the taught bill
// is another account, whose exchanges say nothing of this one's) nor the page's other numbers can
// tell the two apart; the print can. So on an OCR'd bill (a learned carrier's or not) such a
// number's place is read again on its own, enlarged, in each of the looks, and the number moves to the common
// exchange only when every look reads it there, with the same line digits. A branch line the
// looks read where the first reading did stays where it is.
import type { Extraction, PageWords, Word } from '../../domain';
import { parsePhone, placesApart } from '../shapes';
import { centreIn, type PageBox } from './second-look';

export interface OddNumber {
  /** the number as the first reading has it */
  number: string;
  /** the same line in the account's common exchange */
  common: string;
  /** its place on the page (points), with a margin, to read again */
  region: PageBox;
}

/** An exchange held by this many of the account's numbers is the account's own (as repairExchanges takes it). */
const COMMON = 6;
/** At most this many numbers under an exchange one digit from it make it an odd one. */
const FEW = 2;
/** Each look must read the number no less surely than this (a look of noise is no evidence). */
const SURE_LOOK = 0.8;

/** Numbers of an OCR'd page under an odd exchange one digit from the account's common one. */
export function oddNumbers(x: Extraction, pages: readonly PageWords[]): OddNumber[] {
  const byPrefix = new Map<string, string[]>();
  for (const n of x.fields.numbers) byPrefix.set(n.slice(0, 6), [...(byPrefix.get(n.slice(0, 6)) ?? []), n]);
  // an account of few lines has no common exchange by count; the BTN's, holding another line
  // too, is its own: a lone line one digit from it is read again (the look, not the count, moves it)
  const btnPrefix = x.fields.btn?.slice(0, 6);
  const small = (p: string, ns: readonly string[]) => p === btnPrefix && ns.length >= 2;
  const common = [...byPrefix]
    .filter(([p, ns]) => ns.length >= COMMON || small(p, ns))
    .sort((a, b) => b[1].length - a[1].length)
    .map(([p]) => p);
  const out: OddNumber[] = [];
  for (const [p, ns] of byPrefix) {
    if (ns.length > FEW) continue;
    const big = common.some((q) => (byPrefix.get(q)?.length ?? 0) >= COMMON);
    // beside a small account's own exchange, only a lone line is odd
    if (!big && ns.length > 1) continue;
    const q = common.find((c) => placesApart(c, p) === 1);
    if (!q) continue;
    for (const n of ns) {
      // the BTN is read from its label, and checked against the lines list as it is
      if (n === x.fields.btn) continue;
      const line = q + n.slice(6);
      if (x.fields.numbers.includes(line)) continue;
      const boxes = x.numberMeta[n]?.boxes ?? [];
      const b = boxes[0];
      if (boxes.length !== 1 || !b) continue;
      if (pages.find((pg) => pg.page === b.page)?.source !== 'ocr') continue;
      const h = b.y1 - b.y0;
      out.push({
        number: n,
        common: line,
        region: { page: b.page, x0: b.x0 - h, y0: b.y0 - 0.4 * h, x1: b.x1 + h, y1: b.y1 + 0.4 * h },
      });
    }
  }
  return out;
}

/**
 * The number a look read in a region, and how surely: null when it read none, or not one. A
 * tilted photo's box is tall, and its region takes in the lines above and below: the line read
 * nearest the region's middle is the one looked at ("517.555.0123" over "517.555.0124").
 */
function lookNumber(words: readonly Word[], r: PageBox): { number: string; conf: number } | null {
  const lines: Word[][] = [];
  for (const w of words.filter((w) => centreIn(w, r)).sort((a, b) => a.x0 - b.x0)) {
    const same = lines.find((l) => l.some((o) => sameLine(o, w)));
    if (same) same.push(w);
    else lines.push([w]);
  }
  const mid = (r.y0 + r.y1) / 2;
  const ws = lines.sort((a, b) => Math.abs(middle(a) - mid) - Math.abs(middle(b) - mid))[0];
  if (!ws) return null;
  const number = parsePhone(ws.map((w) => w.text).join(' '));
  if (!number) return null;
  return { number, conf: Math.min(...ws.filter((w) => /\d/.test(w.text)).map((w) => w.conf)) };
}

/** Two words share a line when their heights overlap by half the shorter one's. */
function sameLine(a: Word, b: Word): boolean {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return overlap > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}
const middle = (ws: readonly Word[]): number => ws.reduce((s, w) => s + (w.y0 + w.y1) / 2, 0) / ws.length;

/**
 * The reading with each odd number moved to the common exchange where every look read it there
 * (`looks[k][i]`: look k's words in odd[i]'s region), surely enough; every other number stays.
 */
export function settleOddNumbers(
  x: Extraction,
  odd: readonly OddNumber[],
  looks: readonly (readonly Word[][])[],
): { extraction: Extraction; moved: string[] } {
  const moved: string[] = [];
  let numbers = x.fields.numbers;
  let numberMeta = x.numberMeta;
  odd.forEach((o, i) => {
    if (!looks.length) return;
    const reads = looks.map((l) => lookNumber(l[i] ?? [], o.region));
    if (!reads.every((r) => r !== null && r.number === o.common && r.conf >= SURE_LOOK)) return;
    numbers = numbers.map((n) => (n === o.number ? o.common : n));
    const { [o.number]: meta, ...rest } = numberMeta;
    numberMeta = meta ? { ...rest, [o.common]: meta } : rest;
    moved.push(o.number);
  });
  return moved.length
    ? { extraction: { ...x, fields: { ...x.fields, numbers }, numberMeta }, moved }
    : { extraction: x, moved };
}
