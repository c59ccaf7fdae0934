// Reading glyph ids as characters by OCR's votes (glyph-decode.ts), on small made-up pages: a line
// of glyphs in one subset font, and the OCR words read over it.
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain';
import {
  addVotes,
  caseByHeight,
  decide,
  decodedWords,
  glyphKey,
  glyphRuns,
  type Glyph,
  type GlyphVotes,
} from '../../../electron/desk/intake/glyph-decode';
import { ocrWordsOver } from '../../../electron/desk/intake/glyph-pages';

const SIZE = 10;
const ADVANCE = 6;

/**
 * `text` drawn on a line in font `font` whose subset numbers each character by `codes`, one
 * glyph per character, spaces as the font's blank glyph; `gapAfter` leaves room without a glyph.
 */
function line(text: string, codes: Map<string, number>, baseline: number, font = 'F1', x = 20): Glyph[] {
  const out: Glyph[] = [];
  for (const ch of text) {
    if (!codes.has(ch)) codes.set(ch, codes.size + 1);
    out.push({ font, code: codes.get(ch)!, blank: ch === ' ', x0: x, x1: x + ADVANCE, baseline, size: SIZE });
    x += ADVANCE;
  }
  return out;
}

/** The OCR words a reader would give for `line`'s glyphs, read as `read` says (same lengths). */
function ocrOf(glyphs: Glyph[], read: string, conf = 0.95): Word[] {
  const words: Word[] = [];
  let i = 0;
  for (const w of read.split(' ')) {
    const gs = glyphs.slice(i, i + w.length);
    const b = gs[0]!.baseline;
    words.push({ text: w, x0: gs[0]!.x0 + 0.5, x1: gs.at(-1)!.x1 - 0.5, y0: b - 7, y1: b, conf });
    i += w.length + 1;
  }
  return words;
}

describe('glyph runs', () => {
  it('splits a line into words at blank glyphs and at gaps, and lines apart', () => {
    const codes = new Map<string, number>();
    const a = line('Due 05', codes, 100);
    const b = line('Total', codes, 100, 'F1', a.at(-1)!.x1 + 4); // 0.4 em gap: a new word
    const c = line('Next', codes, 130);
    const runs = glyphRuns([...a, ...b, ...c]);
    expect(runs.map((r) => r.map((g) => (g ? '#' : '_')).join(''))).toEqual(['###_##_#####', '####']);
  });
});

describe('voting glyph codes into characters', () => {
  it('decides each code by the OCR words over it, and an OCR slip is outvoted', () => {
    const codes = new Map<string, number>();
    const l1 = line('Account 0550', codes, 100);
    const l2 = line('Amount 50.00', codes, 120);
    const l3 = line('Due 05/05', codes, 140);
    const glyphs = [...l1, ...l2, ...l3];
    const votes: GlyphVotes = new Map();
    // OCR read the first 0 of the first line as an O; the two other lines read it right.
    addVotes(votes, glyphs, [
      ...ocrOf(l1, 'Account O550'),
      ...ocrOf(l2, 'Amount 50.00'),
      ...ocrOf(l3, 'Due 05/05'),
    ]);
    const decided = decide(votes);
    expect(decided.get(glyphKey({ font: 'F1', code: codes.get('0')! }))).toBe('0');
    const words = decodedWords(glyphs, decided);
    expect(words.map((w) => ('text' in w ? w.text : null))).toEqual([
      'Account',
      '0550',
      'Amount',
      '50.00',
      'Due',
      '05/05',
    ]);
    // boxed at the glyphs' own places, a font size tall about the baseline
    expect(words[1]).toMatchObject({ x0: 20 + 8 * ADVANCE, x1: 20 + 12 * ADVANCE, y0: 92, y1: 102, conf: 1 });
  });

  it('lets no word vote that covers more or fewer glyphs than it has characters', () => {
    const codes = new Map<string, number>();
    const l1 = line('5550142', codes, 100);
    const votes: GlyphVotes = new Map();
    // a dropped 1 over the whole number: which glyph is which?
    addVotes(votes, l1, [{ ...ocrOf(l1, '5550142')[0]!, text: '555042' }]);
    expect(votes.size).toBe(0);
  });

  it('leaves undecided a code whose votes disagree, and the word it is in unread', () => {
    const codes = new Map<string, number>();
    const l1 = line('Bill', codes, 100);
    const l2 = line('Bill', codes, 120);
    const votes: GlyphVotes = new Map();
    addVotes(votes, [...l1, ...l2], [...ocrOf(l1, 'Bill'), ...ocrOf(l2, 'BiIl')]);
    const decided = decide(votes);
    // the second l was read I once, l once: no winner for l's code
    expect(decided.has(glyphKey({ font: 'F1', code: codes.get('l')! }))).toBe(false);
    const words = decodedWords([...l1, ...l2], decided);
    expect(words.every((w) => 'unread' in w)).toBe(true);
  });

  it('leaves undecided two codes of one font that win the same character by like votes', () => {
    const codes = new Map<string, number>();
    const l1 = line('Il', codes, 100); // I and l: two glyphs of the subset
    const votes: GlyphVotes = new Map();
    addVotes(votes, l1, ocrOf(l1, 'II'));
    const decided = decide(votes);
    expect(decided.size).toBe(0);
  });

  it('keeps codes of different fonts apart', () => {
    const regular = new Map<string, number>();
    const bold = new Map<string, number>();
    const l1 = line('ab', regular, 100, 'F1');
    const l2 = line('ba', bold, 120, 'F2'); // in F2, b is code 1 and a is code 2
    const votes: GlyphVotes = new Map();
    addVotes(votes, [...l1, ...l2], [...ocrOf(l1, 'ab'), ...ocrOf(l2, 'ba')]);
    const decided = decide(votes);
    expect(decided.get('F1\u00001')).toBe('a');
    expect(decided.get('F2\u00001')).toBe('b');
  });

  it('cases a word of same-shaped letters by how tall its ink stands', () => {
    const w = (y0: number): Word => ({ text: 'usoc', x0: 0, x1: 20, y0, y1: 100, conf: 0.9 });
    expect(caseByHeight([...'usoc'], w(100 - 6.8), SIZE)).toEqual([...'USOC']);
    expect(caseByHeight([...'USOC'], w(100 - 5.2), SIZE)).toEqual([...'usoc']);
    expect(caseByHeight([...'Bill'], w(100 - 5.2), SIZE)).toEqual([...'Bill']);
  });

  it('reads a letter-spaced heading as one word, as a text layer does', () => {
    const codes = new Map<string, number>();
    const l1 = line('W I R E', codes, 100);
    const decided = new Map([...codes].filter(([c]) => c !== ' ').map(([c, n]) => [`F1\u0000${n}`, c]));
    expect(decodedWords(l1, decided).map((w) => ('text' in w ? w.text : null))).toEqual(['WIRE']);
  });

  it('finds the OCR words that stand in for a word it could not decode', () => {
    const codes = new Map<string, number>();
    const l1 = line('Pay Now', codes, 100);
    const ocr = ocrOf(l1, 'Pay Now');
    expect(ocrWordsOver(l1.slice(4), ocr).map((w) => w.text)).toEqual(['Now']);
  });
});

describe('two codes of one font voted the same character', () => {
  it('gives it to the code with twice the votes, and leaves the other undecided', () => {
    const codes = new Map<string, number>();
    const l1 = line('555-0102 555-0199 ·', codes, 100); // a leader dot OCR reads as a hyphen
    const votes: GlyphVotes = new Map();
    addVotes(votes, l1, ocrOf(l1, '555-0102 555-0199 -'));
    const decided = decide(votes);
    expect(decided.get(glyphKey({ font: 'F1', code: codes.get('-')! }))).toBe('-');
    expect(decided.has(glyphKey({ font: 'F1', code: codes.get('·')! }))).toBe(false);
  });
});
