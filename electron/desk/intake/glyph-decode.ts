// Reading a text layer of glyph ids (text-legible.ts) as text. Print-stream converters embed
// every font as a subset, so within one font a glyph id stands for one character throughout the
// document. OCR of one page says which: each OCR word that covers as many glyphs as it has
// characters votes, character by character, for what those glyphs' codes mean, and the document
// is decided by the votes of all its words, which outvote OCR's slips. The page is then read from
// its glyphs, at their exact places, as a text PDF is; later pages whose codes are all decided
// need no OCR at all.
import type { Word } from '../../../shared/domain';
import { round2 } from './round';

/** One glyph drawn on the page, in points with the origin top-left. */
export interface Glyph {
  /** The font it is drawn in (pdfjs' name for the font object: one per embedded subset). */
  font: string;
  /** Its code in that font (the glyph id, for Identity-H). */
  code: number;
  /** A glyph with no outline: a space, whatever its code. */
  blank: boolean;
  x0: number;
  x1: number;
  baseline: number;
  /** Its font's size on the page (points). */
  size: number;
}

/** Votes for each (font, code), by character, weighted by the OCR word's confidence. */
export type GlyphVotes = Map<string, Map<string, number>>;

export function glyphKey(g: Pick<Glyph, 'font' | 'code'>): string {
  return `${g.font}\u0000${g.code}`;
}

/**
 * A gap between two glyphs wider than this share of the font size is a word break (pdfjs
 * inserts a space from about a tenth of the size on).
 */
const WORD_GAP = 0.1;
/** Glyphs whose baselines differ by more than this share of the size are on different lines. */
const LINE_SHIFT = 0.3;
/** OCR words read less sure than this do not vote. */
const MIN_VOTER_CONF = 0.5;
/** A one-character word's vote counts this much of its confidence. */
const LONE_WEIGHT = 0.25;

/** Whether glyph `b` continues the line `a` ended (same line, no wide gap, not sent back). */
function continues(a: Glyph, b: Glyph): boolean {
  const size = Math.max(a.size, b.size);
  return (
    Math.abs(a.baseline - b.baseline) <= LINE_SHIFT * size &&
    Math.abs(a.size - b.size) <= 0.2 * size &&
    b.x0 - a.x1 <= WORD_GAP * size &&
    b.x0 - a.x1 >= -0.3 * size
  );
}

/**
 * The page's runs: glyphs drawn one after another along a line, with the spaces between them
 * (a blank glyph, or a gap) as `null`. A run ends where the next glyph starts elsewhere.
 */
export function glyphRuns(glyphs: readonly Glyph[]): Array<Array<Glyph | null>> {
  const runs: Array<Array<Glyph | null>> = [];
  let run: Array<Glyph | null> = [];
  let last: Glyph | null = null;
  for (const g of glyphs) {
    if (last) {
      const size = Math.max(last.size, g.size);
      const sameLine = Math.abs(last.baseline - g.baseline) <= LINE_SHIFT * size;
      const gap = g.x0 - last.x1;
      // (a change of font ends a run as it ends a text layer's item: a logo's "BAY" in bold and
      // "front" beside it are two words there)
      if (!sameLine || gap < -0.3 * size || gap > 3 * size || g.font !== last.font || g.size !== last.size) {
        runs.push(run);
        run = [];
      } else if (!continues(last, g) && run.at(-1) !== null) {
        run.push(null);
      }
    }
    if (g.blank) {
      if (run.length && run.at(-1) !== null) run.push(null);
    } else {
      run.push(g);
    }
    last = g;
  }
  if (run.length) runs.push(run);
  return runs.map((r) => (r.at(-1) === null ? r.slice(0, -1) : r)).filter((r) => r.length);
}

/**
 * Adds the votes of one OCR reading of a page: each word votes for the glyphs whose centres it
 * covers, when it covers exactly as many as it has characters (a split or merged word, a
 * dropped character, says nothing about which glyph is which).
 */
export function addVotes(votes: GlyphVotes, glyphs: readonly Glyph[], ocr: readonly Word[]): void {
  const inked = glyphs.filter((g) => !g.blank);
  for (const w of ocr) {
    if (w.conf < MIN_VOTER_CONF) continue;
    const chars = [...w.text];
    const under = inked
      .filter((g) => {
        const cx = (g.x0 + g.x1) / 2;
        const cy = g.baseline - 0.35 * g.size;
        return cx >= w.x0 && cx <= w.x1 && cy >= w.y0 && cy <= w.y1;
      })
      .sort((a, b) => a.x0 - b.x0);
    if (under.length !== chars.length) continue;
    const cased = caseByHeight(chars, w, under[0]!.size);
    // A mark standing alone (a leader's dot, a bullet) is what OCR guesses most freely: in a
    // row of leaders every `·` was read `-`, and outvoted the hyphens of the phone numbers.
    const weight = chars.length === 1 ? LONE_WEIGHT * w.conf : w.conf;
    under.forEach((g, i) => {
      const key = glyphKey(g);
      const byChar = votes.get(key) ?? new Map<string, number>();
      byChar.set(cased[i]!, (byChar.get(cased[i]!) ?? 0) + weight);
      votes.set(key, byChar);
    });
  }
}

/** Letters whose capital is the small letter drawn larger: OCR tells them apart by size alone. */
const SAME_SHAPE = /^[cosuvwxzCOSUVWXZ]+$/;
/** Ink of a word of such letters standing taller than this share of the font size is capitals. */
const CAPITAL_HEIGHT = 0.6;

/**
 * A word all of letters like `c o s u v w x z` is read in capitals or small letters by how tall
 * its ink stands against the glyphs' font size (capitals ~0.66-0.69 em, small ones ~0.45-0.53).
 * Tesseract cased "USOC" in a table heading as "usoc", and every `U` of the bill would have been.
 */
export function caseByHeight(chars: string[], w: Word, size: number): string[] {
  if (!SAME_SHAPE.test(chars.join('')) || size <= 0) return chars;
  const capitals = w.y1 - w.y0 > CAPITAL_HEIGHT * size;
  return chars.map((c) => (capitals ? c.toUpperCase() : c.toLowerCase()));
}

/**
 * The weight of votes a reading needs: one sure OCR reading. A code only one word votes for is
 * read as OCR read that word, so it is never worse than the page read as a picture.
 */
const MIN_WEIGHT = 0.8;
/** The runner-up may hold at most this share of the winner's weight. */
const MAX_RIVAL = 0.25;

/**
 * What each (font, code) stands for, where the votes agree enough. Of two codes of one font that
 * win the same character, one is OCR's mistake (a subset holds one glyph per character: a leader
 * dot `·` read as `-` wherever it stands, say): the code with twice the other's votes keeps it,
 * and with no such lead neither does.
 */
export function decide(votes: GlyphVotes): Map<string, string> {
  const won = new Map<string, { ch: string; weight: number }>();
  for (const [key, byChar] of votes) {
    const ranked = [...byChar].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (!top || top[1] < MIN_WEIGHT) continue;
    if (second && second[1] > MAX_RIVAL * top[1]) continue;
    won.set(key, { ch: top[0], weight: top[1] });
  }
  // The code with the stronger votes keeps the character, unless the other comes near it.
  const holder = new Map<string, string>();
  const lost = new Set<string>();
  for (const [key, { ch, weight }] of won) {
    const fontChar = `${key.slice(0, key.indexOf('\u0000'))}\u0000${ch}`;
    const other = holder.get(fontChar);
    if (other === undefined) {
      holder.set(fontChar, key);
      continue;
    }
    const otherWeight = won.get(other)!.weight;
    if (Math.max(weight, otherWeight) < 2 * Math.min(weight, otherWeight)) {
      lost.add(key);
      lost.add(other);
    } else if (weight > otherWeight) {
      lost.add(other);
      holder.set(fontChar, key);
    } else {
      lost.add(key);
    }
  }
  const out = new Map<string, string>();
  for (const [key, { ch }] of won) if (!lost.has(key)) out.set(key, ch);
  return out;
}

/** The codes among `glyphs` (spaces aside) that `decided` has no character for. */
export function undecided(glyphs: readonly Glyph[], decided: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const g of glyphs) if (!g.blank && !decided.has(glyphKey(g))) out.add(glyphKey(g));
  return out;
}

/**
 * The page's words from its glyphs, read by `decided`, boxed as a text layer's words are (the
 * font's height about the baseline), but at the glyphs' exact places. A run spaced out letter by
 * letter ("W I R E L E S S") is one word, as a reader sees it. A word holding a code without a
 * character comes back `null` in its place, for the caller to read some other way.
 */
export function decodedWords(
  glyphs: readonly Glyph[],
  decided: ReadonlyMap<string, string>,
): Array<Word | { unread: Glyph[] }> {
  const out: Array<Word | { unread: Glyph[] }> = [];
  for (const run of glyphRuns(glyphs)) {
    const words: Glyph[][] = [];
    let cur: Glyph[] = [];
    for (const g of run) {
      if (g === null) {
        if (cur.length) words.push(cur);
        cur = [];
      } else {
        cur.push(g);
      }
    }
    if (cur.length) words.push(cur);
    const spaced = words.length >= 3 && words.every((w) => w.length === 1);
    for (const w of spaced ? [words.flat()] : words) {
      const chars = w.map((g) => decided.get(glyphKey(g)));
      if (chars.some((c) => c === undefined)) {
        out.push({ unread: w });
        continue;
      }
      const size = Math.max(...w.map((g) => g.size));
      const baseline = w[0]!.baseline;
      out.push({
        text: chars.join(''),
        x0: round2(w[0]!.x0),
        y0: round2(baseline - 0.8 * size),
        x1: round2(Math.max(...w.map((g) => g.x1))),
        y1: round2(baseline + 0.2 * size),
        conf: 1,
      });
    }
  }
  return out;
}
