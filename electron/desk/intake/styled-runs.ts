// Text styled with the text state rather than with fonts, as report writers, mainframe-to-PDF
// converters and office tools write it, read as the words the page shows:
// - bold by overstrike: a string drawn two or three times a fraction of a point apart puts every
//   word in the text layer twice or thrice; an account name read "Hannah Chowdhury Hannah
//   Chowdhury" and an address's street came back as its second line;
// - small caps faked with two sizes: pdfjs starts a new item where the size changes, so
//   "KEIKO HOANG" came as "K" "EIKO" "H" "OANG";
// - letter spacing (Tc): pdfjs writes a space between every two letters and, where a word gap is
//   wider than 0.6 em, starts a new item: "4 7 3" "I n d u s t r i a l" "C t". A lone letter
//   is not a word, but two letters spaced beside a spaced word are one ("C t", "5 5", "7 ,").

/** A word with where it sits and which text item it came from. */
export interface PlacedWord {
  text: string;
  x0: number;
  x1: number;
  /** baseline and font height (device space, top-left origin) */
  base: number;
  h: number;
  item: number;
  /** whether the word begins (ends) its item with no space before (after) it */
  opens: boolean;
  closes: boolean;
}

/** A text item whose every glyph stands alone, one space between ("A u g u s t", "5 5"). */
export const SPACED = /^\s*\S( \S)+\s*$/;
const glyphs = (s: string): number => s.replace(/\s/g, '').length;

/** A run's box along its line, for telling which spaced runs are neighbours. */
export interface RunBox {
  str: string;
  x0: number;
  x1: number;
  base: number;
  h: number;
}

/**
 * Which runs are letter-spaced words: three glyphs or more spaced out, or two beside such a run
 * on its line (within 2.5 em), as the last word of a spaced name or number is.
 */
export function letterSpaced(runs: RunBox[]): boolean[] {
  const long = runs.map((r) => SPACED.test(r.str) && glyphs(r.str) >= 3);
  return runs.map((r, i) => {
    if (!SPACED.test(r.str)) return false;
    if (long[i]) return true;
    return runs.some(
      (o, j) =>
        long[j] &&
        Math.abs(o.base - r.base) < 0.2 * Math.max(o.h, r.h) &&
        Math.max(o.x0 - r.x1, r.x0 - o.x1) < 2.5 * Math.max(o.h, r.h),
    );
  });
}

/**
 * Drops a word that another item already put at nearly the same place (within a quarter em
 * either way, the same size): the second and third strokes of an overstruck bold string.
 */
export function dropOverstrikes(words: PlacedWord[]): PlacedWord[] {
  const seen = new Map<string, PlacedWord[]>();
  const out: PlacedWord[] = [];
  for (const w of words) {
    const same = seen.get(w.text) ?? [];
    const twin = same.some(
      (o) =>
        o.item !== w.item &&
        Math.abs(o.h - w.h) < 0.05 * w.h &&
        Math.abs(o.x0 - w.x0) < 0.25 * w.h &&
        Math.abs(o.base - w.base) < 0.25 * w.h,
    );
    if (twin) continue;
    same.push(w);
    seen.set(w.text, same);
    out.push(w);
  }
  return out;
}

/**
 * Joins faked small caps: a word that ends its item and one that begins the next, on one
 * baseline with no gap, one of them smaller (60-92% of the other's size) and in capitals.
 */
export function joinSmallCaps(words: PlacedWord[]): PlacedWord[] {
  const out: PlacedWord[] = [];
  // the last piece joined into out's last word: its size, not the word's, meets the next piece
  let piece: PlacedWord | undefined;
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && piece && prev.closes && w.opens && prev.item !== w.item && smallCapsPair(piece, w)) {
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        x1: w.x1,
        h: Math.max(prev.h, w.h),
        item: w.item,
        closes: w.closes,
      };
    } else out.push(w);
    piece = w;
  }
  return out;
}

function smallCapsPair(a: PlacedWord, b: PlacedWord): boolean {
  const big = Math.max(a.h, b.h);
  const small = a.h < b.h ? a : b;
  const ratio = Math.min(a.h, b.h) / big;
  return (
    ratio >= 0.6 &&
    ratio <= 0.92 &&
    !/\p{Ll}/u.test(small.text) &&
    Math.abs(a.base - b.base) < 0.1 * big &&
    Math.abs(b.x0 - a.x1) < 0.08 * big
  );
}
