// Recognising a carrier's next bill: the carrier's name must be printed on it, and the wording its
// taught bill printed (labels, headings, notices) must mostly be there too. Both are compared the
// way OCR leaves text: words split, run together, or one letter off.
import type { Doc } from '../layout';
import { lev } from '../labels';
import { foldAccents } from '../../normalize/accents';

/** Words of a carrier name that say nothing about which carrier it is. */
const NAME_FILLER = new Set([
  'THE',
  'INC',
  'LLC',
  'CO',
  'CORP',
  'COMPANY',
  'CORPORATION',
  'LTD',
  'OF',
  'AND',
]);

const MONTHS =
  /^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)$/;

/**
 * Upper-case letters of a word, with OCR's look-alike digits read as the letters they imitate;
 * `keep` names other characters that stay ('#' in a label).
 */
export function letters(s: string, keep = ''): string {
  const drop = new RegExp(`[^A-Z${keep.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
  return foldAccents(s)
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/[1|]/g, 'I')
    .replace(/5/g, 'S')
    .replace(drop, '');
}

export function nameTokensOf(carrier: string): string[] {
  return carrier
    .split(/[\s\-/&,.]+/)
    .map((t) => letters(t))
    .filter((t) => t.length >= 2 && !NAME_FILLER.has(t))
    .slice(0, 8);
}

/**
 * The pages whose words are a bill's wording. Page 1 alone is not the layout's every time: a
 * carrier puts a payment coupon first on some of its bills (Sorrel), a fax cover sheet goes before
 * another's (Gannet), and the taught bill's statement page was then looked for on the coupon
 * (sorrel la-170 of dev seed 11500 kept 14% of the wording and went unrecognised).
 */
const WORDING_PAGES = 3;

/** The words of the first pages, and every line's words squashed (for names OCR split or ran together). */
export interface BillText {
  tokens: Set<string>;
  byLength: Map<number, string[]>;
  squashed: string[];
  /** where each squashed line stands: its page, centre and height */
  places: Array<{ page: number; cy: number; h: number }>;
}

export function billText(doc: Doc, skip: ReadonlySet<string> = new Set()): BillText {
  const first = new Set(doc.pages.slice(0, WORDING_PAGES).map((p) => p.page));
  const tokens = new Set<string>();
  const squashed: string[] = [];
  const places: BillText['places'] = [];
  for (const line of doc.lines) {
    places.push({ page: line.page, cy: line.cy, h: line.h });
    squashed.push(line.words.map((w) => letters(w.text)).join(' '));
    if (!first.has(line.page)) continue;
    for (const w of line.words) {
      // digits inside a word make it a value (an amount, an id), not wording
      if (/\d{2}/.test(w.text)) continue;
      const t = letters(w.text);
      if (t.length >= 3 && !MONTHS.test(t) && !skip.has(t)) tokens.add(t);
    }
  }
  const byLength = new Map<number, string[]>();
  for (const t of tokens) byLength.set(t.length, [...(byLength.get(t.length) ?? []), t]);
  return { tokens, byLength, squashed, places };
}

/** Whether the bill has a word one OCR slip away from t (two on long words). */
function hasWord(b: BillText, t: string): boolean {
  if (b.tokens.has(t)) return true;
  if (t.length < 5) return false;
  const max = t.length >= 9 ? 2 : 1;
  for (let n = t.length - max; n <= t.length + max; n++)
    for (const c of b.byLength.get(n) ?? []) if (lev(t, c, max) <= max) return true;
  return false;
}

/** Share of the taught bill's wording found on this bill. */
export function wordingSimilarity(wording: readonly string[], b: BillText): number {
  if (!wording.length) return 0;
  let found = 0;
  for (const t of wording) if (hasWord(b, t)) found++;
  return found / wording.length;
}

/**
 * Whether the carrier's name is printed on the bill: every distinctive word of it on one line or
 * the next (a logo set on two lines), as OCR leaves it: words split ("NORTH WIND"), run together
 * ("BLUEBIRDFIBER") or a letter off. Its words scattered over the page do not make the name: a
 * business bill names its customer ("Driftwood & Co.") and sells "Voice" service, and took
 * Driftwood Voice's profile when each word could stand anywhere (held-out p10307-022).
 */
export function namePrinted(nameTokens: readonly string[], b: BillText): boolean {
  if (!nameTokens.length) return false;
  const lines = b.squashed;
  for (let i = 0; i < lines.length; i++) {
    const near = i + 1 < lines.length ? `${lines[i]!} ${lines[i + 1]!}` : lines[i]!;
    if (nameIn(near, nameTokens)) return true;
    // a photo's lines come in order of height, and a logo's second line may follow a line of
    // the next column set between its two lines (harrow la-110 of dev seed 11500: "HARROWGATE",
    // "Bill Date 09/08/2024", "business communications | Billing Telephone Number")
    const at = b.places[i]!;
    for (let j = i + 2; j <= i + 3 && j < lines.length; j++) {
      const there = b.places[j]!;
      if (there.page !== at.page || there.cy - at.cy > 2.5 * at.h) break;
      if (nameIn(`${lines[i]!} ${lines[j]!}`, nameTokens)) return true;
    }
  }
  return false;
}

/**
 * Every word of a carrier's name in a line's words (letters, space between words): exactly, or one
 * OCR slip off (two on long ones). A name word starts and ends where a printed word does, or where
 * another word of the name run together with it does ("BLUEBIRDFIBER", "NORTH WIND"): inside
 * another word it is not printed ("INVOICE DATE" holds no "VOICE": halyard la-118 of dev seed
 * 11500, whose customer was "Driftwood Title Company", took Driftwood Voice's profile).
 */
function nameIn(line: string, nameTokens: readonly string[]): boolean {
  const words = line.split(' ').filter(Boolean);
  const flat = words.join('');
  const edges = new Set<number>([0]);
  let at = 0;
  for (const w of words) edges.add((at += w.length));
  const spans = nameTokens.map((t) => spansOf(flat, t, t.length < 5 ? 0 : t.length >= 9 ? 2 : 1));
  const starts = new Set(spans.flat().map(([a]) => a));
  const ends = new Set(spans.flat().map(([, z]) => z));
  return spans.every((ss) =>
    ss.some(([a, z]) => (edges.has(a) || ends.has(a)) && (edges.has(z) || starts.has(z))),
  );
}

/** Where t stands in s with at most max substitutions (OCR swaps letters far more than it drops them). */
function spansOf(s: string, t: string, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + t.length <= s.length; i++) {
    let d = 0;
    for (let k = 0; k < t.length && d <= max; k++) if (s[i + k] !== t[k]) d++;
    if (d <= max) out.push([i, i + t.length]);
  }
  return out;
}

/**
 * A bill is the profile's carrier and layout when the carrier's name is printed on it and at
 * least this share of the taught bill's wording is too. Bills of the same template keep 70-95%
 * of it through scans and photos (45% on a poor photo of 7 pt print); another carrier's bill
 * shares only common bill words (up to 69% in our generated bills), which is why the name must
 * be printed too.
 */
export const SAME_LAYOUT = 0.4;
