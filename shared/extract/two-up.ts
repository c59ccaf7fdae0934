// A bill copied "2 pages per sheet": landscape sheets, each holding two of the bill's pages side
// by side, shrunk to fit their half. Read as one page, its two pages' lines run side by side:
// page 2's table rows sit beside page 1's header, the cover sheet of a faxed bill shares a page
// with the bill's first page, a landscape call-detail page shrunk into a half is no longer a
// page of its own. So each half is given back as a page of its own, at its own size, in order
// (left, then right), and the boxes found on it are put back on the sheet.
import type { Box, PageWords, Word } from '../domain';

/** A page read from one half of a two-up sheet: where its points lie on the sheet. */
export interface Half {
  sheet: number;
  /** sheet point = origin + page point * scale */
  ox: number;
  oy: number;
  scale: number;
}

/** The page a copier shrinks into a half: letter, portrait. */
const PAGE_W = 612;
const PAGE_H = 792;
/** A sheet is landscape when its width passes its height by this much. */
const LANDSCAPE = 1.15;
/** Fewer words than this on a sheet tell nothing about its halves. */
const MIN_WORDS = 12;
/**
 * The gutter, the strip no word crosses, must hold the sheet's middle with this much room (in
 * sheet widths) each side: a copier centres each page in its half, so two pages' margins meet
 * there (~60 pt of a 792 pt sheet for letter pages).
 */
const GUTTER_HALF = 0.012;
/**
 * Each half's print spans this much of the sheet's height at least: a page's, not a landscape
 * page's column of a few lines.
 */
const HALF_TALL = 0.3;
/**
 * A copier centres every page in its half, and a bill's pages share their margins: the right
 * half's print starts as far from the middle as the left half's from the sheet's edge, within
 * this (pt). A landscape page in two columns (Crestline's call detail) starts its second column
 * just past the middle, nowhere near its outer margin.
 */
const SAME_MARGIN = 12;
/**
 * The print on a two-up sheet is a shrunk page's (x0.65 for letter): its median word height is
 * below this (pt). A landscape bill's own small print (Crestline's 6.5 pt call detail) stands
 * 6.5-8 pt tall as words; two-up body text of 8-10 pt stands 4.5-6.5 pt.
 */
const SHRUNK_WORD_PT = 6.6;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/**
 * How a landscape sheet splits, if it is two pages side by side: the words of each half (the
 * right one empty for the last sheet of an odd page count), or null when it is a page of its own.
 */
export function twoUpHalves(p: PageWords): [Word[], Word[]] | null {
  const words = p.words.filter((w) => w.text.trim());
  if (p.width < p.height * LANDSCAPE || words.length < MIN_WORDS) return null;
  const mid = p.width / 2;
  const room = p.width * GUTTER_HALF;
  if (words.some((w) => w.x0 < mid + room && w.x1 > mid - room)) return null;
  if (median(words.map((w) => w.y1 - w.y0)) > SHRUNK_WORD_PT) return null;
  const left = words.filter((w) => w.x1 <= mid);
  const right = words.filter((w) => w.x0 >= mid);
  const tall = (ws: Word[]) =>
    ws.length >= MIN_WORDS &&
    Math.max(...ws.map((w) => w.y1)) - Math.min(...ws.map((w) => w.y0)) >= p.height * HALF_TALL;
  if (!tall(left)) return null;
  // a right half with print must be a page too (a short one, a bill's last page, stands as tall as
  // its few lines: its margin below tells it from a landscape page's column); a few words there
  // are a landscape page's margin notes
  if (right.length && right.length < MIN_WORDS) return null;
  const x0 = (ws: Word[]) => Math.min(...ws.map((w) => w.x0));
  if (right.length && Math.abs(x0(left) - (x0(right) - mid)) > SAME_MARGIN) return null;
  return [left, right];
}

/** Where a half's page lies on the sheet: a letter page shrunk to fit the half, centred in it. */
function halfFrame(p: PageWords, k: 0 | 1): Half {
  const hw = p.width / 2;
  const scale = Math.min(hw / PAGE_W, p.height / PAGE_H);
  return {
    sheet: p.page,
    ox: k * hw + (hw - PAGE_W * scale) / 2,
    oy: (p.height - PAGE_H * scale) / 2,
    scale,
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function onPage(w: Word, h: Half): Word {
  return {
    ...w,
    x0: round2((w.x0 - h.ox) / h.scale),
    y0: round2((w.y0 - h.oy) / h.scale),
    x1: round2((w.x1 - h.ox) / h.scale),
    y1: round2((w.y1 - h.oy) / h.scale),
  };
}

/**
 * The bill's pages with every two-up sheet cut into its pages, numbered in reading order, and
 * where each cut page lies on its sheet; null when no sheet is two-up (the pages stand as they are).
 */
export function splitTwoUp(pages: PageWords[]): { pages: PageWords[]; halves: Map<number, Half> } | null {
  const sorted = pages.slice().sort((a, b) => a.page - b.page);
  const cuts = sorted.map(twoUpHalves);
  if (!cuts.some(Boolean)) return null;
  const out: PageWords[] = [];
  const halves = new Map<number, Half>();
  sorted.forEach((p, i) => {
    const cut = cuts[i];
    if (!cut) {
      const n = out.length + 1;
      out.push({ ...p, page: n });
      halves.set(n, { sheet: p.page, ox: 0, oy: 0, scale: 1 });
      return;
    }
    cut.forEach((ws, k) => {
      if (k === 1 && !ws.length) return;
      const h = halfFrame(p, k as 0 | 1);
      const n = out.length + 1;
      // the page keeps the sheet's turn: its words lie on the sheet turned that way
      out.push({ ...p, page: n, width: PAGE_W, height: PAGE_H, words: ws.map((w) => onPage(w, h)) });
      halves.set(n, h);
    });
  });
  return { pages: out, halves };
}

/** A box found on a cut page, put back on its sheet. */
export function onSheet(b: Box, halves: ReadonlyMap<number, Half>): Box {
  const h = halves.get(b.page);
  if (!h) return b;
  return {
    page: h.sheet,
    x0: round2(h.ox + b.x0 * h.scale),
    y0: round2(h.oy + b.y0 * h.scale),
    x1: round2(h.ox + b.x1 * h.scale),
    y1: round2(h.oy + b.y1 * h.scale),
  };
}
