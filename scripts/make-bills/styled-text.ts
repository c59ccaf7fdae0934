// The `styled-pdf` producer: text styled with the text state instead of with fonts, as report
// writers, mainframe-to-PDF converters and office tools write it. The page looks like `text-pdf`
// (a little bolder, more spaced or condensed); the text layer does not read like it:
// - bold by overstrike: a bold string drawn two or three times, 0.2-0.6 pt apart, so the layer
//   holds every word twice or thrice at nearly the same place;
// - letter spacing (Tc, 0.1-0.5 em) on headings and some values (account numbers, names), with
//   word spacing (Tw) on top, so a gap between letters can be as wide as a word gap;
// - condensed type (Tz 70-90%) on small print (the dense tables);
// - small caps faked with two sizes: a caption's lower-case letters drawn as capitals at 72-82%
//   of its size, so the layer breaks each word where the size changes ("A" "CCOUNT").
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSpacing,
  setCharacterSqueeze,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setWordSpacing,
  showText,
  type PDFFont,
  type PDFOperator,
} from 'pdf-lib';
import { fontKey, round, type Producer, type Run } from './producers';
import type { Rng } from './rng';

export interface StyledChoice {
  /** times a bold string is drawn (1: no overstrike) and the step between passes, in points */
  passes: number;
  step: number;
  /** a pass's step down as well as across (some converters offset both ways) */
  stepDown: boolean;
  /** letter spacing in em on headings and on a share of bold values; 0: none */
  headingEm: number;
  valueEm: number;
  valueShare: number;
  /** word spacing in em on letter-spaced strings and long lines of prose; 0: none */
  wordEm: number;
  /** horizontal scaling (percent) of small print; 100: none */
  squeeze: number;
  /** small caps on a share of captions, the capitals' size as a share of the caption's; 0: none */
  capsShare: number;
  capsSize: number;
}

/** One bill's mix: each habit on or off, at least one on. */
export function styledChoice(rng: Rng): StyledChoice {
  const c: StyledChoice = {
    passes: rng.chance(0.6) ? rng.int(2, 3) : 1,
    step: round(rng.float(0.2, 0.6)),
    stepDown: rng.chance(0.3),
    headingEm: 0,
    valueEm: 0,
    valueShare: 0,
    wordEm: 0,
    squeeze: 100,
    capsShare: 0,
    capsSize: round(rng.float(0.72, 0.82)),
  };
  if (rng.chance(0.6)) {
    c.headingEm = round(rng.float(0.1, 0.5));
    c.valueEm = rng.chance(0.7) ? round(rng.float(0.1, 0.3)) : 0;
    c.valueShare = round(rng.float(0.3, 0.8));
  }
  if (rng.chance(0.5)) c.wordEm = round(rng.float(0.1, 0.5));
  if (rng.chance(0.5)) c.squeeze = rng.int(70, 90);
  if (rng.chance(0.4)) c.capsShare = round(rng.float(0.5, 1));
  if (c.passes === 1 && !c.headingEm && !c.wordEm && c.squeeze === 100 && !c.capsShare) c.passes = 2;
  return c;
}

const isBold = (font: PDFFont): boolean => /bold/i.test(font.name);
/** A heading: big type, or a caption in capitals ("ACCOUNT SUMMARY"). */
const isHeading = (s: string, size: number): boolean =>
  size >= 11 || (!/\d/.test(s) && /[A-Z]{3}/.test(s) && !/[a-z]/.test(s));

/** `s` in faked small caps: runs of [text, size], a lower-case letter a capital at the smaller size. */
export function smallCaps(s: string, size: number, ratio: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const ch of s) {
    const small = ch !== ch.toUpperCase();
    const t = small ? ch.toUpperCase() : ch;
    const sz = small ? round(size * ratio) : size;
    const last = out[out.length - 1];
    if (last && last[1] === sz) last[0] += t;
    else out.push([t, sz]);
  }
  return out;
}

interface Box {
  x0: number;
  x1: number;
  y: number;
  size: number;
}
/** Whether `b` keeps a quarter em clear of every box on its line and of the page's edges. */
function clear(b: Box, others: Box[], pageW: number): boolean {
  if (b.x0 < 12 || b.x1 > pageW - 12) return false;
  const pad = b.size / 4;
  return others.every(
    (o) => Math.abs(o.y - b.y) >= Math.max(o.size, b.size) * 0.8 || o.x1 + pad <= b.x0 || o.x0 >= b.x1 + pad,
  );
}

export function styledProducer(rng: Rng, force: Partial<StyledChoice> = {}): Producer {
  const c = { ...styledChoice(rng), ...force };
  const held: Run[] = [];
  /** Draws one string with its styles; `others` are the boxes of the page's strings it must not run into. */
  const draw = (r: Run, others: Box[]): Box => {
    const { page, s, x, y, size, font, color, align } = r;
    const heading = isHeading(s, size);
    const bold = isBold(font);
    const w0 = font.widthOfTextAtSize(s, size);
    const n = [...s].length;
    const spaces = s.split(' ').length - 1;
    let tc = 0;
    let tw = 0;
    let tz = 100;
    if (c.headingEm && heading) tc = c.headingEm * size;
    else if (c.valueEm && bold && size < 11 && n <= 32 && rng.chance(c.valueShare)) tc = c.valueEm * size;
    // a letter-spaced string grows by at most half its width (a long heading is spaced less)
    if (tc) tc = Math.min(tc, (0.5 * w0) / n);
    if (tc && c.wordEm && spaces) tw = Math.min(c.wordEm * size, (0.3 * w0) / spaces);
    if (c.squeeze < 100 && !tc && size <= 8) tz = c.squeeze;
    let runs: Array<[string, number]> =
      c.capsShare && !bold && !/\d/.test(s) && /[a-z]{2}/.test(s) && rng.chance(c.capsShare)
        ? smallCaps(s, size, c.capsSize)
        : [[s, size]];
    const place = (): Box => {
      const natural = runs.reduce((sum, [t, sz]) => sum + font.widthOfTextAtSize(t, sz), 0);
      const w1 = ((natural + tc * n + tw * spaces) * tz) / 100;
      // the edge the template aligned to stays where it was
      const x0 = align === 'right' ? x + w0 - w1 : align === 'center' ? x + (w0 - w1) / 2 : x;
      return { x0, x1: x0 + w1, y, size };
    };
    let box = place();
    // a spaced string that would run into its neighbour (a logo's second word, the next
    // column) or off the page is drawn plain, as a layout tool would have had to
    if (box.x1 - box.x0 > w0 + 0.01 && !clear(box, others, page.getWidth())) {
      tc = 0;
      tw = 0;
      runs = [[s, size]];
      box = place();
    }
    const passes = bold ? c.passes : 1;
    const ops: PDFOperator[] = [];
    for (let k = 0; k < passes; k++) {
      ops.push(pushGraphicsState(), beginText(), setFillingColor(color));
      ops.push(
        setTextMatrix(1, 0, 0, 1, round(box.x0 + k * c.step), round(y - (c.stepDown ? k * c.step : 0))),
      );
      if (tc) ops.push(setCharacterSpacing(round(tc)));
      if (tw) ops.push(setWordSpacing(round(tw)));
      if (tz !== 100) ops.push(setCharacterSqueeze(tz));
      for (const [t, sz] of runs)
        ops.push(setFontAndSize(fontKey(page, font), sz), showText(font.encodeText(t)));
      ops.push(endText(), popGraphicsState());
    }
    page.pushOperators(...ops);
    return box;
  };
  return {
    render: { producer: 'styled', ...c },
    shape: (s) => s,
    // held back until the page is done, so a string is spaced only where its neighbours leave room
    text(r) {
      held.push(r);
    },
    flush() {
      for (const page of [...new Set(held.map((r) => r.page))]) {
        const on = held.filter((r) => r.page === page);
        const boxes: Box[] = on.map((r) => {
          // (x is the string's left edge however it was aligned)
          return { x0: r.x, x1: r.x + r.font.widthOfTextAtSize(r.s, r.size), y: r.y, size: r.size };
        });
        on.forEach((r, k) => {
          boxes[k] = draw(
            r,
            boxes.filter((_, j) => j !== k),
          );
        });
      }
      held.length = 0;
    },
  };
}
