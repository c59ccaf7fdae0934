// A scanned sheet that holds two of a bill's pages side by side (a copier's "2 pages per
// sheet"): each page is shrunk to fit its half (x0.65 for letter), so its print reaches the OCR
// at two thirds of the scan's resolution, 130 dpi for a 200 dpi scan, where 7 pt print loses
// digits. Such a sheet is read enlarged. What marks it: landscape, and a gutter down the middle
// no print crosses, with a page's print to its left. (Its pages are cut apart after reading, in
// shared/extract/two-up.ts, from where the words lie.)
import { otsuOfHistogram } from './threshold';

interface Grey {
  data: Buffer;
  width: number;
  height: number;
}

/** The gutter's half-width, in sheet widths: a copier leaves two pages' margins (~7%) there. */
const GUTTER_HALF = 0.015;
/** A gutter column may hold this share of ink samples (scan noise, a speck). */
const SPECK = 0.004;
/** The left half holds a page: print in this share of its columns at least. */
const PAGE_INKED = 0.35;

/** Whether a grey picture of a sheet looks like two pages side by side (or one, its right half blank). */
export function looksTwoUp(g: Grey): boolean {
  const { data, width: w, height: h } = g;
  if (w < h * 1.15 || h < 200) return false;
  const rowStep = Math.max(1, Math.floor(h / 500));
  const colStep = Math.max(1, Math.floor(w / 800));
  const top = Math.floor(h * 0.03);
  const bottom = Math.ceil(h * 0.97);
  const hist = new Array<number>(256).fill(0);
  let total = 0;
  for (let y = top; y < bottom; y += rowStep * 4)
    for (let x = 0; x < w; x += colStep * 2) {
      hist[data[y * w + x]!]!++;
      total++;
    }
  const ink = Math.min(otsuOfHistogram(hist, total), 160);
  const rows = Math.ceil((bottom - top) / rowStep);
  const inked = (x: number): number => {
    let n = 0;
    for (let y = top; y < bottom; y += rowStep) if (data[y * w + x]! < ink) n++;
    return n;
  };
  const mid = w / 2;
  for (let x = Math.floor(mid - w * GUTTER_HALF); x <= Math.ceil(mid + w * GUTTER_HALF); x += colStep)
    if (inked(x) > Math.max(1, rows * SPECK)) return false;
  let cols = 0;
  let printed = 0;
  for (let x = Math.floor(w * 0.05); x < Math.floor(w * 0.45); x += colStep * 2) {
    cols++;
    if (inked(x) >= 2) printed++;
  }
  return printed >= cols * PAGE_INKED;
}

/** Reading resolution for a two-up sheet's shrunk pages: the page's own print near 200-300 dpi. */
export const TWO_UP_ZOOM = 1.55;
/** But a sheet is never read finer than this (dpi): a 300 dpi scan enlarged costs more than it gives. */
export const TWO_UP_MAX_DPI = 360;
