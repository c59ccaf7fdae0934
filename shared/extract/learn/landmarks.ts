// Landmarks: words the taught bill printed once on a page (headings, captions, notices), kept with
// their place. On the carrier's next bill the same words stand at nearly the same places, shifted
// and scaled by how it was scanned or photographed; fitting that shift maps a learned value's place
// onto the new page even where OCR lost the value's label.
import type { Doc } from '../layout';
import { lev } from '../labels';
import { wordKey } from './anchor';
import type { Landmark } from './profile';

const PER_PAGE = 40;
const MAX_PAGES = 3;

function uniqueWords(doc: Doc, page: number, skip: ReadonlySet<string>) {
  const seen = new Map<string, { x: number; y: number } | null>();
  for (const line of doc.lines) {
    if (line.page !== page) continue;
    for (const w of line.words) {
      if (/\d/.test(w.text)) continue;
      const k = wordKey(w);
      if (k.length < 4 || skip.has(k)) continue;
      // a word printed twice on the page says nothing about where either copy is
      seen.set(
        k,
        seen.has(k)
          ? null
          : { x: (w.x0 + w.x1) / 2 / line.pageWidth, y: (w.y0 + w.y1) / 2 / line.pageHeight },
      );
    }
  }
  return seen;
}

export function landmarksOf(doc: Doc, skip: ReadonlySet<string>): Landmark[] {
  const out: Landmark[] = [];
  for (const p of doc.pages.slice(0, MAX_PAGES)) {
    const all = [...uniqueWords(doc, p.page, skip).entries()].filter(
      (e): e is [string, { x: number; y: number }] => e[1] !== null,
    );
    // spread over the page: every n-th in reading order
    const step = Math.max(1, all.length / PER_PAGE);
    for (let i = 0; i < all.length && out.length < PER_PAGE * MAX_PAGES; i += step) {
      const [t, at] = all[Math.floor(i)]!;
      out.push({ t, page: p.page, x: round(at.x), y: round(at.y) });
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 10000) / 10000;

export interface PageMap {
  /** a taught page fraction (x, y) to this bill's page units */
  map(page: number, x: number, y: number): { x: number; y: number } | null;
}

interface Fit {
  ax: number;
  bx: number;
  ay: number;
  by: number;
  pairs: { from: { x: number; y: number }; to: { x: number; y: number } }[];
}

/** Least squares of to = a*from + b along one axis, twice, dropping pairs far off the first fit. */
function fitAxis(xs: number[], ys: number[]): { a: number; b: number } {
  const solve = (idx: number[]) => {
    const n = idx.length;
    const mx = idx.reduce((s, i) => s + xs[i]!, 0) / n;
    const my = idx.reduce((s, i) => s + ys[i]!, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (const i of idx) {
      sxx += (xs[i]! - mx) ** 2;
      sxy += (xs[i]! - mx) * (ys[i]! - my);
    }
    const a = sxx > 1e-9 ? sxy / sxx : 1;
    return { a, b: my - a * mx };
  };
  let idx = xs.map((_, i) => i);
  let f = solve(idx);
  for (let pass = 0; pass < 2; pass++) {
    const res = idx.map((i) => Math.abs(ys[i]! - (f.a * xs[i]! + f.b)));
    const med = res.slice().sort((a, b) => a - b)[res.length >> 1]!;
    const kept = idx.filter((_, k) => res[k]! <= Math.max(med * 3, 0.004));
    if (kept.length < 3 || kept.length === idx.length) break;
    idx = kept;
    f = solve(idx);
  }
  return f;
}

export function pageMap(doc: Doc, landmarks: readonly Landmark[]): PageMap {
  const fits = new Map<number, Fit | null>();
  const fitFor = (page: number): Fit | null => {
    if (fits.has(page)) return fits.get(page)!;
    const here = uniqueWords(doc, page, new Set());
    const byLen = new Map<number, string[]>();
    for (const [k, v] of here) if (v) byLen.set(k.length, [...(byLen.get(k.length) ?? []), k]);
    const pairs: Fit['pairs'] = [];
    for (const lm of landmarks) {
      if (lm.page !== page) continue;
      let at = here.get(lm.t);
      if (at === undefined && lm.t.length >= 6) {
        // one OCR slip; only when a single word of the page is that close
        const near = [lm.t.length - 1, lm.t.length, lm.t.length + 1]
          .flatMap((n) => byLen.get(n) ?? [])
          .filter((k) => lev(k, lm.t, 1) <= 1);
        if (near.length === 1) at = here.get(near[0]!);
      }
      if (at) pairs.push({ from: { x: lm.x, y: lm.y }, to: at });
    }
    let fit: Fit | null = null;
    if (pairs.length >= 4) {
      const fx = fitAxis(
        pairs.map((p) => p.from.x),
        pairs.map((p) => p.to.x),
      );
      const fy = fitAxis(
        pairs.map((p) => p.from.y),
        pairs.map((p) => p.to.y),
      );
      // a fit that shrinks or stretches the page past what a scan or photo does is a mismatch
      if (fx.a > 0.5 && fx.a < 2 && fy.a > 0.5 && fy.a < 2)
        fit = { ax: fx.a, bx: fx.b, ay: fy.a, by: fy.b, pairs };
    }
    fits.set(page, fit);
    return fit;
  };
  return {
    map(page, x, y) {
      const info = doc.pages.find((p) => p.page === page);
      const f = fitFor(page);
      if (!info || !f) return null;
      let gx = f.ax * x + f.bx;
      let gy = f.ay * y + f.by;
      // a photo bends the page: the nearest landmarks say how far off the straight fit it is here
      const near = f.pairs
        .map((p) => ({ p, d: Math.hypot(p.from.x - x, p.from.y - y) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3);
      if (near.length === 3) {
        const ex = near.reduce((s, n) => s + (n.p.to.x - (f.ax * n.p.from.x + f.bx)), 0) / 3;
        const ey = near.reduce((s, n) => s + (n.p.to.y - (f.ay * n.p.from.y + f.by)), 0) / 3;
        if (Math.abs(ex) < 0.03 && Math.abs(ey) < 0.03) {
          gx += ex;
          gy += ey;
        }
      }
      return { x: gx * info.width, y: gy * info.height };
    },
  };
}
