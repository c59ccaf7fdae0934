// The producer renditions: text PDFs whose page looks like `text-pdf` but whose text layer is
// written the way other billing systems' PDF writers write it. `draw.ts` draws every string with
// one `page.drawText` of the whole string, in the order the template lays it out, with ASCII
// spaces; real writers do not:
// - `glyph-pdf`: report writers (Crystal Reports) and AFP converters place every glyph on its
//   own (its own text matrix, or one TJ array with an explicit offset before each glyph) and
//   write no space characters at all: a word gap is only a gap. Some kern inside words too.
// - `shuffled-pdf`: form-fill and report engines draw a page's strings in an order of their own
//   (all captions, then all values; column by column from the bottom; a hash order).
// - `typeset-pdf`: word processors write typographic Unicode: fi/fl ligatures, no-break, thin
//   and figure spaces, Unicode hyphens and dashes, curly apostrophes, soft hyphens.
// - `styled-pdf`: report writers and office tools style text with the text state rather than
//   with fonts: bold by overstrike, letter and word spacing (Tc, Tw), condensed type (Tz) and
//   small caps faked with two sizes (styled-text.ts).
import type { PDFHexString, PDFName } from 'pdf-lib';
import {
  PDFArray,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  TextRenderingMode,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import type { Rng } from './rng';

export const PRODUCER_RENDITIONS = [
  'glyph-pdf',
  'shuffled-pdf',
  'typeset-pdf',
  'styled-pdf',
  'outline-pdf',
] as const;
export type ProducerRendition = (typeof PRODUCER_RENDITIONS)[number];

/** One string as a template asked for it: where its baseline starts (PDF space, bottom-left origin). */
export interface Run {
  page: PDFPage;
  s: string;
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color: RGB;
  /** how the template aligned it at x (a producer that changes its width keeps that edge) */
  align?: 'left' | 'right' | 'center';
}

/** How a producer draws: `text` for each string, `flush` once the template is done. */
export interface Producer {
  readonly render: Record<string, string | number | boolean>;
  /** the string as this producer prints it (typographic characters), before it is measured */
  shape(s: string, font: PDFFont): string;
  text(r: Run): void;
  flush(): void;
}

/** The soft hyphen: drawn invisibly (render mode 3), it is in the text layer and not on the paper. */
const SHY = '\u00ad';

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
/** The name `font` has in `page`'s resources (one per page and font, as pdf-lib's own drawText keeps it). */
export function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let m = fontKeys.get(page);
  if (!m) fontKeys.set(page, (m = new Map()));
  let k = m.get(font);
  if (!k) m.set(font, (k = page.node.newFontDictionary(font.name, font.ref)));
  return k;
}

export const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Standard-font glyph ids of `ch` as pdf-lib encodes it. */
const glyph = (font: PDFFont, ch: string): PDFHexString => font.encodeText(ch);

export const GLYPH_MODES = ['tm', 'tm1', 'bt', 'tj'] as const;
export type GlyphMode = (typeof GLYPH_MODES)[number];

/**
 * `glyph-pdf`: every glyph placed on its own. `tm`: each glyph its own text matrix (Crystal
 * Reports); `tm1`: the same with the font set at size 1 and the size in the matrix (AFP
 * converters); `bt`: each glyph its own BT/ET block with its colour (a print driver); `tj`: one
 * TJ per string, an explicit offset before every glyph and the word gaps only offsets. `kern`
 * (thousandths of an em) jiggles each glyph inside its word without moving the word's ends, so
 * the page reads the same to the eye. No space character is ever written.
 */
export function glyphProducer(rng: Rng, force: { mode?: GlyphMode; kern?: number } = {}): Producer {
  const mode = force.mode ?? rng.pick(GLYPH_MODES);
  const kern = force.kern ?? (rng.chance(0.4) ? rng.int(12, 45) : 0);
  const jig = (): number => (kern ? rng.float(-kern, kern) : 0);
  return {
    render: { producer: 'glyph', glyphMode: mode, kern },
    shape: (s) => s,
    text({ page, s, x, y, size, font, color }) {
      const key = fontKey(page, font);
      const ops: PDFOperator[] = [];
      const open = (): void => {
        ops.push(pushGraphicsState(), beginText(), setFillingColor(color));
        ops.push(setFontAndSize(key, mode === 'tm1' ? 1 : size));
      };
      const close = (): void => {
        ops.push(endText(), popGraphicsState());
      };
      const chars = [...s];
      if (mode !== 'tj') {
        if (mode !== 'bt') open();
        let at = 0;
        for (const ch of chars) {
          const w = font.widthOfTextAtSize(ch, size);
          if (ch.trim()) {
            if (mode === 'bt') open();
            const gx = round(x + at + (jig() * size) / 1000);
            if (mode === 'tm1') ops.push(setTextMatrix(size, 0, 0, size, gx, round(y)));
            else ops.push(setTextMatrix(1, 0, 0, 1, gx, round(y)));
            ops.push(showText(glyph(font, ch)));
            if (mode === 'bt') close();
          }
          at += w;
        }
        if (mode !== 'bt') close();
      } else {
        open();
        ops.push(setTextMatrix(1, 0, 0, 1, round(x), round(y)));
        // TJ numbers move the next glyph left by thousandths of an em: a gap is a negative one
        const arr: Array<PDFHexString | number> = [];
        let gap = 0;
        let prevJig = 0;
        for (const ch of chars) {
          if (!ch.trim()) {
            gap += font.widthOfTextAtSize(ch, 1000);
            continue;
          }
          const j = jig();
          const off = -(gap + j - prevJig);
          if (Math.abs(off) > 0.01 || arr.length) arr.push(round(off));
          arr.push(glyph(font, ch));
          prevJig = j;
          gap = 0;
        }
        const tj = PDFArray.withContext(page.doc.context);
        for (const a of arr) tj.push(typeof a === 'number' ? PDFNumber.of(a) : a);
        ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [tj]));
        close();
      }
      page.pushOperators(...ops);
    },
    flush: () => undefined,
  };
}

export type ShuffleOrder = 'captions-first' | 'columns-up' | 'hashed';

/**
 * `shuffled-pdf`: the strings (or, for half the bills, each of their words) are held back and
 * drawn, page by page, in an order of the producer's: every string without a digit first and then those with one (a form engine's
 * captions, then its values), column by column from the bottom of the page up (a report
 * engine's bands), or a hash order that looks random.
 */
export function shuffledProducer(rng: Rng, force: { order?: ShuffleOrder; words?: boolean } = {}): Producer {
  const order: ShuffleOrder = force.order ?? rng.pick(['captions-first', 'columns-up', 'hashed'] as const);
  // half the engines write a word at a time, so a line's words are runs of their own
  const words = force.words ?? rng.chance(0.5);
  const held: Run[] = [];
  return {
    render: { producer: 'shuffled', order, words },
    shape: (s) => s,
    text(r) {
      if (!words) {
        held.push(r);
        return;
      }
      const re = /\S+/g;
      for (let m = re.exec(r.s); m; m = re.exec(r.s))
        held.push({ ...r, s: m[0], x: r.x + r.font.widthOfTextAtSize(r.s.slice(0, m.index), r.size) });
    },
    flush() {
      const pages = [...new Set(held.map((r) => r.page))];
      for (const page of pages) {
        const on = held.filter((r) => r.page === page);
        let sorted: Run[];
        if (order === 'captions-first')
          sorted = [...on.filter((r) => !/\d/.test(r.s)), ...on.filter((r) => /\d/.test(r.s))];
        else if (order === 'columns-up')
          sorted = on
            .map((r, k) => ({ r, k }))
            .sort((a, b) => Math.floor(a.r.x / 150) - Math.floor(b.r.x / 150) || a.r.y - b.r.y || a.k - b.k)
            .map((e) => e.r);
        else sorted = rng.shuffle(on);
        for (const r of sorted)
          page.drawText(r.s, { x: r.x, y: r.y, size: r.size, font: r.font, color: r.color });
      }
      held.length = 0;
    },
  };
}

/** Monospaced fonts: a word processor sets no ligatures in them. */
const mono = (font: PDFFont): boolean => /mono|courier/i.test(font.name);

/** What a typographic character falls back to in a font without its glyph (Liberation Mono has no thin space). */
const PLAIN: Record<string, string> = {
  '\u2009': '\u00a0',
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2010': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2019': "'",
  '\ufb01': 'fi',
  '\ufb02': 'fl',
};
const charSets = new WeakMap<PDFFont, Set<number>>();
function drawable(s: string, font: PDFFont): string {
  let set = charSets.get(font);
  if (!set) charSets.set(font, (set = new Set(font.getCharacterSet())));
  const has = set;
  return [...s].map((c) => (has.has(c.codePointAt(0)!) ? c : (PLAIN[c] ?? c))).join('');
}

/**
 * `typeset-pdf`, drawn with the Liberation fonts (the standard 14 cannot encode these
 * characters) and their ToUnicode maps kept: each bill takes its own mix of a word processor's
 * habits, so a reader meets them alone and together.
 */
export function typesetProducer(rng: Rng): Producer {
  const ligatures = rng.chance(0.8);
  const space = rng.pick(['\u00a0', '\u2009', '\u2007', '\u202f'] as const);
  const digitHyphen = rng.pick(['\u2010', '\u2012', '\u2013', '-'] as const);
  const curly = rng.chance(0.8);
  const softHyphens = rng.chance(0.6);
  const shape = (s: string, font: PDFFont): string => {
    let t = s;
    if (curly) t = t.replace(/(\w)'(\w)/g, '$1\u2019$2').replace(/'/g, '\u2019');
    // a range "0100 - 0199" and a dash between words take an en dash
    t = t.replace(/ - /g, ' \u2013 ');
    // a phone number's or a date's hyphens
    t = t.replace(/(\d)-(?=\d)/g, `$1${digitHyphen}`);
    // a space after a digit is a fixed one: "(802) 555", "1204 Main St", "Suite 4 B"
    t = t.replace(/(\d) (?=\S)/g, `$1${space}`);
    // between an abbreviation and its number: "No. 12", "Apt 4"
    t = t.replace(/\b(No\.|Apt|Unit|Suite|Ste\.?|#) (?=\d)/g, `$1${'\u00a0'}`);
    if (ligatures && !mono(font)) t = t.replace(/fi/g, '\ufb01').replace(/fl/g, '\ufb02');
    // a long word broken where a hyphenation dictionary would let it break
    if (softHyphens) t = t.replace(/\b([A-Za-z]{5})([a-z]{5,})/g, `$1${SHY}$2`);
    return drawable(t, font);
  };
  return {
    render: {
      producer: 'typeset',
      ligatures,
      space: space.codePointAt(0)!,
      digitHyphen: digitHyphen.codePointAt(0)!,
      curly,
      softHyphens,
    },
    shape,
    text({ page, s, x, y, size, font, color }) {
      // the string is already shaped; a soft hyphen is written invisibly and stepped back over
      const parts = s.split(SHY);
      const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFillingColor(color)];
      ops.push(setFontAndSize(fontKey(page, font), size), setTextMatrix(1, 0, 0, 1, round(x), round(y)));
      parts.forEach((p, k) => {
        if (p) ops.push(showText(font.encodeText(p)));
        if (k === parts.length - 1) return;
        const back = PDFArray.withContext(page.doc.context);
        back.push(PDFNumber.of(round(font.widthOfTextAtSize(SHY, 1000))));
        ops.push(setTextRenderingMode(TextRenderingMode.Invisible), showText(font.encodeText(SHY)));
        ops.push(setTextRenderingMode(TextRenderingMode.Fill));
        ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [back]));
      });
      ops.push(endText(), popGraphicsState());
      page.pushOperators(...ops);
    },
    flush: () => undefined,
  };
}
