// Glyphs two readings of one value dispute. A bill prints its account number more than once
// (header, stub, summary), and OCR now and then reads one copy a glyph off ("5061 …" beside
// "5961 …", both at 0.95): the bill then seems to name two accounts, and which wins is a coin
// toss. Reading the same crop the same way repeats the misread, so each copy is read again on
// its own, enlarged and as one line, with only the characters the value can hold, and every
// reading votes per disputed place. Where no copy disputes a place, the reading stands.
//
// A unit designator's id whose last glyph reads 8 ("Apt 338" for "Apt 33B") gets the same look
// at that one place even with one copy: B and 8 are the pair OCR swaps there, and an address
// cross-check would call the slip a different apartment. So does an account that mixes letters
// and digits, read unsurely wherever it is printed: the looks then say which glyph is in doubt.
// Settled words keep their confidence: a value read unsurely is still doubted (the agent checks).
import type { Extraction, PageWords, Word } from '../domain';
import { LOOKS_LIKE_DIGIT } from '../normalize/account';
import type { PageBox } from './learn/second-look';
import { centreIn, wordKey } from './learn/second-look';

/** The characters the looks may read (digits-only values keep letters out of the vote). */
const DIGITS = '0123456789-';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';

/**
 * Three enlarged single-line looks with the value's characters only, at three sizes. Not at
 * twice the size: a weak line was already read again so (reread.ts), and that reading came
 * back glyph for glyph ("GR6-9315-4426" where three other sizes read "GR6-931S-4426").
 */
export const DISPUTE_LOOKS: readonly { psm: string; zoom: number }[] = [
  { psm: '7', zoom: 3 },
  { psm: '7', zoom: 4 },
  { psm: '7', zoom: 2.5 },
];

/**
 * A place is settled when its winner carries this share of the votes (one copy's slip against
 * one copy, both read again at three sizes: five readings of eight agreeing is about 0.6).
 */
const SETTLED = 0.6;

/** A value mixing letters and digits read below this is looked at again even with no copy against it. */
const UNSURE_MIXED = 0.9;
/**
 * An all-digit value read below this is looked at again too: a scan read "1006 9506 1611" as
 * "10069500 1011" (0.58 and 0.76), two 6s as 0s, with no other copy to set against it.
 */
const UNSURE_DIGITS = 0.8;

/** Letters a digit is read for in a unit's id (and the digit each reads as). */
const UNIT_LOOKALIKE: Readonly<Record<string, string>> = { '8': 'B' };

/**
 * Letter–digit pairs OCR swaps in identifiers: a letter read beside a digit here is a slip of one.
 * Those the account comparison knows (LOOKS_LIKE_DIGIT), and an S read for an 8 ("171S" for 1718).
 */
const lookalike = (letter: string, digit: string): boolean =>
  LOOKS_LIKE_DIGIT[letter] === digit || (letter === 'S' && digit === '8');
const pairOf = (a: string, b: string): boolean => lookalike(a, b) || lookalike(b, a);

export interface Copy {
  page: number;
  words: Word[];
  /** its letters and digits, upper case: what is compared */
  key: string;
  conf: number;
  region: PageBox;
}

export interface Dispute {
  field: 'accountNumber' | 'serviceAddress';
  copies: Copy[];
  /** key places the first readings dispute (or the one suspect place of a unit's id) */
  places: number[];
  /** the characters each place may take: those a first reading put there */
  allowed: Map<number, Set<string>>;
  chars: string;
}

function meanConf(ws: readonly Word[]): number {
  let n = 0;
  let s = 0;
  for (const w of ws) {
    const len = Math.max(1, wordKey(w.text).length);
    n += len;
    s += w.conf * len;
  }
  return n ? s / n : 0;
}

function regionOf(page: PageWords, ws: readonly Word[]): PageBox {
  const x0 = Math.min(...ws.map((o) => o.x0));
  const x1 = Math.max(...ws.map((o) => o.x1));
  const y0 = Math.min(...ws.map((o) => o.y0));
  const y1 = Math.max(...ws.map((o) => o.y1));
  const m = (y1 - y0) * 0.3;
  return {
    page: page.page,
    x0: Math.max(0, x0 - m),
    y0: Math.max(0, y0 - m),
    x1: Math.min(page.width, x1 + m),
    y1: Math.min(page.height, y1 + m),
  };
}

/** The words after w on its line, left to right, each within a few letter heights of the last. */
function runFrom(words: readonly Word[], w: Word, max: number): Word[] {
  const h = w.y1 - w.y0;
  const out = [w];
  let last = w;
  while (out.length < max) {
    const next = words
      .filter((o) => {
        if (o.x0 <= last.x1 - 0.2 * h || o.x0 - last.x1 > 2.5 * h) return false;
        const ov = Math.min(o.y1, last.y1) - Math.max(o.y0, last.y0);
        return ov > 0.5 * Math.min(o.y1 - o.y0, h);
      })
      .sort((a, b) => a.x0 - b.x0)[0];
    if (!next) break;
    out.push(next);
    last = next;
  }
  return out;
}

function differing(a: string, b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** Every OCR'd copy of an account number: runs of words on a line whose key is its key but a place or two. */
function accountCopies(pages: readonly PageWords[], value: string): Copy[] {
  const want = wordKey(value);
  if (want.length < 6) return [];
  const slack = want.length > 10 ? 2 : 1;
  const out: Copy[] = [];
  for (const p of pages) {
    if (p.source !== 'ocr') continue;
    const used = new Set<Word>();
    const sorted = [...p.words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    for (const w of sorted) {
      if (used.has(w) || !/^[A-Za-z0-9]/.test(w.text)) continue;
      const run = runFrom(p.words, w, 6);
      let key = '';
      const ws: Word[] = [];
      for (const o of run) {
        if (key.length >= want.length) break;
        key += wordKey(o.text);
        ws.push(o);
      }
      if (key.length !== want.length) continue;
      // the value read with more around it ("#4391…") or inside a longer one is not a copy
      const after = run[ws.length];
      if (after && wordKey(after.text) && after.x0 - ws[ws.length - 1]!.x1 < 0.6 * (w.y1 - w.y0)) continue;
      const diff = differing(key, want);
      if (diff.length > slack) continue;
      for (const o of ws) used.add(o);
      out.push({ page: p.page, words: ws, key, conf: meanConf(ws), region: regionOf(p, ws) });
    }
  }
  return out;
}

const UNIT_WORD = /^(APT|APARTMENT|UNIT|STE|SUITE|RM|ROOM|#)\.?$/i;

/** Every OCR'd copy of a unit's id: the word after a unit designator that reads as it but a place. */
function unitCopies(pages: readonly PageWords[], id: string): Copy[] {
  const want = wordKey(id);
  const out: Copy[] = [];
  for (const p of pages) {
    if (p.source !== 'ocr') continue;
    for (const w of p.words) {
      const glued = /^#(\w+)$/.exec(w.text);
      let idWord: Word | undefined;
      if (glued) idWord = w;
      else if (UNIT_WORD.test(w.text)) idWord = runFrom(p.words, w, 2)[1];
      if (!idWord) continue;
      const key = wordKey(glued ? glued[1]! : idWord.text);
      if (key.length !== want.length || differing(key, want).length > 1) continue;
      const ws = [idWord];
      out.push({ page: p.page, words: ws, key, conf: idWord.conf, region: regionOf(p, ws) });
    }
  }
  return out;
}

/** The disputed places of a set of copies (and what each may take), or null when they agree. */
function disputeOf(field: Dispute['field'], copies: Copy[], suspect?: Map<number, string>): Dispute | null {
  if (!copies.length) return null;
  const places = new Set<number>();
  const allowed = new Map<number, Set<string>>();
  const n = copies[0]!.key.length;
  for (let i = 0; i < n; i++) {
    const seen = new Set(copies.map((c) => c.key[i]!));
    const alt = suspect?.get(i);
    if (alt) seen.add(alt);
    if (seen.size < 2) continue;
    places.add(i);
    allowed.set(i, seen);
  }
  if (!places.size) return null;
  const letters = copies.some((c) => /[A-Z]/.test(c.key)) || !!suspect?.size;
  return { field, copies, places: [...places], allowed, chars: letters ? ALNUM : DIGITS };
}

/** What is worth a second look: the account number's copies that disagree, a unit id ending in 8. */
export function findDisputes(pages: readonly PageWords[], x: Extraction): Dispute[] {
  const out: Dispute[] = [];
  const acct = x.fields.accountNumber;
  if (acct) {
    const copies = accountCopies(pages, acct);
    const d = copies.length >= 2 ? disputeOf('accountNumber', copies) : null;
    if (d) out.push(d);
    else if (
      copies.length &&
      /[A-Z]/i.test(acct) &&
      /\d/.test(acct) &&
      copies.every((c) => c.key === copies[0]!.key && c.conf < UNSURE_MIXED)
    )
      // read alike wherever printed, unsurely, in a value that mixes letters and digits: the looks
      // say which glyph is in doubt (settleOpen)
      out.push({ field: 'accountNumber', copies, places: [], allowed: new Map(), chars: ALNUM });
    else if (
      copies.length &&
      /^[\d\s.-]+$/.test(acct) &&
      copies.every((c) => c.key === copies[0]!.key && c.conf < UNSURE_DIGITS)
    )
      // all digits, read alike and unsurely: the looks may read a digit as another digit
      out.push({ field: 'accountNumber', copies, places: [], allowed: new Map(), chars: DIGITS });
  }
  const a = x.fields.serviceAddress;
  const unit =
    a && /\b(?:APT|APARTMENT|UNIT|STE|SUITE|RM|ROOM)\.?\s*#?\s*(\w+)$|#(\w+)$/i.exec(a.line2 ?? a.line1);
  const id = unit && (unit[1] ?? unit[2]);
  if (id && /^\d*[A-Z]?\d*$/i.test(id) && id.length >= 2) {
    const copies = unitCopies(pages, id);
    const last = wordKey(id).length - 1;
    const alt = UNIT_LOOKALIKE[wordKey(id)[last]!];
    // a lone copy is looked at only where its id ends in a glyph a letter is read as
    const suspect =
      alt && copies.length && /^\d+$/.test(wordKey(id)) && id.length >= 3
        ? new Map([[last, alt]])
        : undefined;
    const d = disputeOf('serviceAddress', copies, suspect);
    if (d && (copies.length >= 2 || suspect)) out.push(d);
  }
  return out;
}

/**
 * The key each place settles on, from the first readings and the looks (`reads[look][copy]`), or
 * null where a place stays disputed (the bill keeps its doubt). A look is laid over its copy
 * (alignTo); one that does not line up is left out.
 */
export function settleDispute(d: Dispute, reads: readonly (readonly Word[][])[]): string | null {
  if (!d.places.length) return settleOpen(d, reads);
  const votes: { key: string; weight: number; first: boolean }[] = d.copies.map((c) => ({
    key: c.key,
    weight: c.conf,
    first: true,
  }));
  for (const look of reads)
    d.copies.forEach((c, i) => {
      const ws = (look[i] ?? []).filter((w) => centreIn(w, c.region)).sort((a, b) => a.x0 - b.x0);
      const key = alignTo(ws.map((w) => wordKey(w.text)).join(''), c.key, Math.max(1, d.places.length));
      // a look with a character list reports no confidence: each counts as one clean reading
      if (key) votes.push({ key, weight: LOOK_WEIGHT, first: false });
    });
  // a look that read nothing of the value is no vote; without any look, nothing is settled
  if (!votes.some((v) => !v.first)) return null;
  const out = [...d.copies.reduce((a, c) => (c.conf > a.conf ? c : a)).key];
  for (const i of d.places) {
    const ok = d.allowed.get(i)!;
    const tally = new Map<string, number>();
    let total = 0;
    for (const v of votes) {
      const ch = v.key[i]!;
      if (!ok.has(ch)) continue;
      tally.set(ch, (tally.get(ch) ?? 0) + v.weight);
      total += v.weight;
    }
    const ranked = [...tally].sort((a, b) => b[1] - a[1]);
    const [win, second] = ranked;
    if (!win || total <= 0) return null;
    let pick = win[0];
    if (win[1] / total < SETTLED) {
      // split even by the looks: in a value that mixes letters and digits, a letter read where
      // another reading put its look-alike digit is the carrier's letter (OCR reads a letter as a
      // digit far more often than the other way round)
      const mixed =
        d.field === 'accountNumber' && d.copies.some((c) => /[A-Z]/.test(c.key) && /\d/.test(c.key));
      if (!(mixed && second && /[A-Z]/.test(second[0]) !== /[A-Z]/.test(win[0]) && pairOf(win[0], second[0])))
        return null;
      pick = /[A-Z]/.test(win[0]) ? win[0] : second[0];
    }
    out[i] = pick;
  }
  return out.join('');
}

/**
 * Copies that all read alike, unsurely: a place is in doubt where most looks read the look-alike
 * of the first reading's glyph ("GR6-931S-…" where the page read "GR6-9315-…"), and is then voted
 * on as a disputed one. With no such place the reading stands.
 */
function settleOpen(d: Dispute, reads: readonly (readonly Word[][])[]): string | null {
  const own = d.copies[0]!.key;
  const digitsOnly = /^\d+$/.test(own);
  // (a long all-digit value may have two glyphs misread: "10069500 1011" for "1006 9506 1611")
  const room = digitsOnly && own.length >= 8 ? 2 : 1;
  const keys: string[] = [];
  for (const look of reads)
    d.copies.forEach((c, i) => {
      const ws = (look[i] ?? []).filter((w) => centreIn(w, c.region)).sort((a, b) => a.x0 - b.x0);
      keys.push(alignTo(ws.map((w) => wordKey(w.text)).join(''), own, room) ?? '');
    });
  const lined = keys.filter((k) => k.length === own.length);
  if (lined.length < 2) return null;
  const places: number[] = [];
  const allowed = new Map<number, Set<string>>();
  for (let i = 0; i < own.length; i++) {
    const tally = new Map<string, number>();
    for (const k of lined) tally.set(k[i]!, (tally.get(k[i]!) ?? 0) + 1);
    const [ch, n] = [...tally].sort((a, b) => b[1] - a[1])[0]!;
    // most looks, and at least two, read the glyph's look-alike (in an all-digit value, any
    // other digit: the looks read with digits only)
    const alike = pairOf(ch, own[i]!) || (digitsOnly && /\d/.test(ch) && /\d/.test(own[i]!));
    if (ch === own[i] || n < 2 || 2 * n <= keys.length || !alike) continue;
    // A letter the page read, in a value that holds letters elsewhere too (a lettered account,
    // not a digit run with one slip), stands against looks that read its look-alike digit: OCR
    // reads a letter as a digit far more often than the other way round, and the looks, one
    // engine on the same pixels, share that slip ("AM1-938S-1748" read "…9385…" at three sizes).
    if (/[A-Z]/.test(own[i]!) && /\d/.test(ch) && [...own].some((c, j) => j !== i && /[A-Z]/.test(c)))
      continue;
    places.push(i);
    allowed.set(i, new Set([ch, own[i]!]));
  }
  return places.length ? settleDispute({ ...d, places, allowed }, reads) : null;
}

/** What one look counts for: a clean first reading's confidence. */
const LOOK_WEIGHT = 0.9;

/**
 * A look's key laid over the copy's: the look's crop reaches a little past the copy and can take
 * in a neighbour's last glyph ("T33B" for "APT 33B"), so the copy's length is found in it where it
 * differs least from the first reading, and only as far as the disputed places.
 */
function alignTo(read: string, own: string, disputed: number): string | null {
  if (read.length < own.length) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (let k = 0; k + own.length <= read.length; k++) {
    const sub = read.slice(k, k + own.length);
    const dd = differing(sub, own).length;
    if (dd < bestD) {
      bestD = dd;
      best = sub;
    }
  }
  return bestD <= disputed ? best : null;
}

/**
 * The pages with every copy's words reading the settled key: each letter or digit of a copy's
 * words takes the settled character at its place; separators and case stay as printed.
 */
export function withSettled(pages: PageWords[], d: Dispute, key: string): PageWords[] {
  const swap = new Map<Word, Word>();
  for (const c of d.copies) {
    if (c.key === key) continue;
    let i = 0;
    for (const w of c.words) {
      const text = w.text.replace(/[A-Za-z0-9]/g, (ch) => {
        const to = key[i++] ?? ch;
        return ch.toUpperCase() === to ? ch : to;
      });
      if (text !== w.text) swap.set(w, { ...w, text });
    }
  }
  if (!swap.size) return pages;
  return pages.map((p) =>
    p.words.some((w) => swap.has(w)) ? { ...p, words: p.words.map((w) => swap.get(w) ?? w) } : p,
  );
}
