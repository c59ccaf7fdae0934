// A value's place on its page, told the way a reader finds it again: by the label printed beside,
// above or below it, and by where it sits on the page. Used both to describe a taught value and to
// find the value at the same place on the carrier's next bill.
import { lev } from '../labels';
import { isLeader, type Doc, type Line, type LWord, type Segment } from '../layout';
import type { Anchor } from './profile';
import { letters } from './identity';

/** A label's words as compared: upper-case letters and '#', look-alike digits read as letters. */
export function squash(words: readonly LWord[]): string {
  return words.map((w) => letters(w.text, '#')).join('');
}

/** Words that can be part of a label: no digits (a value), not a leader or a lone mark. */
const labelWord = (w: LWord) => !/\d/.test(w.text) && /[A-Za-z#]/.test(w.text);
const MAX_LABEL_WORDS = 5;

function tail(words: LWord[]): LWord[] {
  const out: LWord[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < MAX_LABEL_WORDS; i--) {
    const w = words[i]!;
    if (isLeader(w.text) || /^[^A-Za-z0-9#]+$/.test(w.text)) {
      if (out.length) break;
      continue;
    }
    if (!labelWord(w)) break;
    out.unshift(w);
  }
  return out;
}

/** Upper-case letters of a word, look-alike digits as letters: how value words are told apart. */
export const wordKey = (w: { text: string }) => squash([w as LWord]).replace(/#/g, '');

/**
 * The label of a value above or below it: the nearest piece of a nearby line under or over x
 * made of label words. Pieces holding other taught values (the name over an address) are
 * stepped over; anything else in between means the value has no label there.
 */
function labelNear(
  doc: Doc,
  line: Line,
  x: number,
  dir: -1 | 1,
  maxDy: number,
  isValue: (w: LWord) => boolean,
): LWord[] | null {
  for (let i = line.index + dir; i >= 0 && i < doc.lines.length; i += dir) {
    const ln = doc.lines[i]!;
    if (ln.page !== line.page || Math.abs(ln.cy - line.cy) > line.h * maxDy) break;
    const seg = ln.segs.find((s) => s.x0 - line.h * 1.5 <= x && s.x1 + line.h * 0.5 >= x);
    if (!seg) continue;
    if (seg.words.some(isValue)) continue;
    return seg.words.every(labelWord) && seg.words.length <= MAX_LABEL_WORDS ? seg.words : null;
  }
  return null;
}

/**
 * Describes where the value starting at word `first` (of segment `seg`) sits: every label a
 * reader could find it by, nearest first (after it on its piece, the piece to its left, the
 * caption above, the caption below), or only its place on the page when none is. `taught` holds
 * the keys of every taught value's words: a label made of them is another value, not a label.
 */
export function anchorsOf(
  doc: Doc,
  seg: Segment,
  first: number,
  lines: number,
  taught: ReadonlySet<string> = new Set(),
): Array<Anchor & { words: LWord[] }> {
  const line = seg.line;
  const v = seg.words[first]!;
  const h = line.h;
  const isValue = (w: LWord) => {
    const k = wordKey(w);
    return k.length >= 2 && taught.has(k);
  };
  const page = {
    page: line.page,
    px: round(v.x0 / line.pageWidth),
    py: round((v.y0 + v.y1) / 2 / line.pageHeight),
    lines,
  };
  const make = (how: Anchor['how'], words: LWord[] | null): (Anchor & { words: LWord[] }) | null => {
    if (!words?.length || words.some(isValue)) return null;
    const label = squash(words);
    if (label.length < 2) return null;
    const l0 = words[0]!;
    return {
      label: label.slice(0, 80),
      how,
      dx: round((v.x0 - l0.x0) / h),
      dy: round(((v.y0 + v.y1) / 2 - (l0.y0 + l0.y1) / 2) / h),
      dxPt: round(v.x0 - l0.x0),
      dyPt: round((v.y0 + v.y1) / 2 - (l0.y0 + l0.y1) / 2),
      ...page,
      known: false,
      words,
    };
  };
  const prev = line.segs[seg.index - 1];
  const right = first === 0 && prev && v.x0 - prev.x1 < line.pageWidth * 0.45 ? tail(prev.words) : null;
  const found = [
    make('same', tail(seg.words.slice(0, first))),
    make('right', right),
    first === 0 ? make('below', labelNear(doc, line, v.x0, -1, 5, isValue)) : null,
    first === 0 ? make('above', labelNear(doc, line, v.x0, 1, 2.5, isValue)) : null,
  ].filter((a): a is Anchor & { words: LWord[] } => a !== null);
  return found.length ? found : [{ label: '', how: 'page', dx: 0, dy: 0, ...page, known: false, words: [] }];
}

/** The nearest way to find the value starting at word `first` (see anchorsOf). */
export function anchorOf(
  doc: Doc,
  seg: Segment,
  first: number,
  lines: number,
  taught: ReadonlySet<string> = new Set(),
): Anchor & { words: LWord[] } {
  return anchorsOf(doc, seg, first, lines, taught)[0]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export interface Found {
  words: LWord[];
  line: Line;
  seg: Segment;
  /** index of the label's last word in seg.words */
  end: number;
}

/**
 * Where a learned label is printed on a bill: runs of words on one line whose squashed letters are
 * the label's, give or take what OCR does to a word or two (split, glued, a letter off).
 */
export function findLabel(doc: Doc, label: string, page: number | null, whole = false): Found[] {
  const tol = label.length >= 12 ? 2 : label.length >= 5 ? 1 : 0;
  const out: Found[] = [];
  for (const line of doc.lines) {
    if (page !== null && line.page !== page) continue;
    for (const seg of line.segs) {
      const ws = seg.words;
      for (let i = 0; i < ws.length; i++) {
        // a label is all the label words before its value: "Bill Date" inside "Last Bill Date"
        // is another label
        if (i > 0 && labelWord(ws[i - 1]!)) continue;
        let acc = '';
        let best: { end: number; d: number } | null = null;
        for (let j = i; j < ws.length && j < i + MAX_LABEL_WORDS + 2; j++) {
          acc += squash([ws[j]!]);
          if (acc.length > label.length + tol) break;
          if (acc.length < label.length - tol) continue;
          const d = acc === label ? 0 : lev(acc, label, tol);
          if (d <= tol && (!best || d < best.d)) best = { end: j, d };
        }
        // a caption over or under its value is its piece's only words
        if (best && whole && ws.slice(best.end + 1).some(labelWord)) best = null;
        if (best) {
          out.push({ words: ws.slice(i, best.end + 1), line, seg, end: best.end });
          i = best.end;
        }
      }
    }
  }
  return out;
}

export interface Spot {
  seg: Segment;
  first: number;
}

/** The word nearest to (x, y) on a page, within a line height or so: where a value should start. */
export function wordAt(doc: Doc, page: number, x: number, y: number, h: number): Spot | null {
  let best: (Spot & { d: number }) | null = null;
  for (const line of doc.lines) {
    if (line.page !== page || Math.abs(line.cy - y) > Math.max(h, line.h) * 0.9) continue;
    for (const seg of line.segs)
      seg.words.forEach((w, i) => {
        const dx = Math.abs(w.x0 - x);
        if (dx > Math.max(h, line.h) * 3) return;
        const d = dx + Math.abs(line.cy - y) * 2;
        if (!best || d < best.d) best = { seg, first: i, d };
      });
  }
  return best;
}

/** Where a caption's value should start (page points), from the caption found on this bill. */
export function captionValue(a: Anchor, f: Found): { x: number; y: number } {
  const l0 = f.words[0]!;
  const h = f.line.h;
  return {
    x: l0.x0 + (a.dxPt ?? a.dx * h),
    y: (l0.y0 + l0.y1) / 2 + (a.dyPt ?? a.dy * h),
  };
}

/** Where the value of an anchor starts, found from its label on this bill. */
export function valueFrom(doc: Doc, a: Anchor, f: Found): Spot | null {
  const { seg, end, line } = f;
  const rest = (s: Segment, from: number): Spot | null => {
    let k = from;
    while (k < s.words.length && (isLeader(s.words[k]!.text) || /^[^A-Za-z0-9$(#]+$/.test(s.words[k]!.text)))
      k++;
    return k < s.words.length ? { seg: s, first: k } : null;
  };
  const next = () => {
    const n = line.segs[seg.index + 1];
    return n ? rest(n, 0) : null;
  };
  switch (a.how) {
    case 'same':
      return rest(seg, end + 1) ?? next();
    case 'right':
      return next() ?? rest(seg, end + 1);
    case 'below':
    case 'above': {
      const at = captionValue(a, f);
      const spot = wordAt(doc, line.page, at.x, at.y, line.h);
      if (!spot || spot.first === 0) return spot;
      // one bill of a carrier left-aligns a cell under its caption, another centres it
      // ("Nakamura Title Company Co." under "Account Name"): a value centred on its caption is
      // the whole cell, not what starts nearest where the taught one began
      const ws = spot.seg.words;
      const mid = (ws[0]!.x0 + ws[ws.length - 1]!.x1) / 2;
      const cap = (f.words[0]!.x0 + f.words[f.words.length - 1]!.x1) / 2;
      return Math.abs(mid - cap) <= line.h ? { seg: spot.seg, first: 0 } : spot;
    }
    case 'page':
      return null;
  }
}
