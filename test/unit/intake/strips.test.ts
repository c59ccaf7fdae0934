// Cutting a page into strips for parallel OCR: balanced, at the emptiest row near the balance
// point (a gap between lines where there is one), strips overlapping past each cut.
import { describe, expect, it } from 'vitest';
import { inkBlobs } from '../../../electron/desk/intake/ink-blobs';
import {
  cutRows,
  jobCost,
  letterRows,
  pageStrips,
  stripCount,
  stripsOf,
} from '../../../electron/desk/intake/strips';

const DPI = 250;
const W = 2000;

/**
 * A page of paper (with scan speckles) and lines of print: rows of letter-sized marks, `pitch`
 * pixels apart, each `pitch - 10` wide.
 */
function page(height: number, lines: Array<[top: number, bottom: number]>, speckles = true, pitch = 30) {
  const data = new Uint8Array(W * height).fill(235);
  if (speckles) for (let i = 0; i < data.length; i += 997) data[i] = 40;
  for (const [top, bottom] of lines)
    for (let y = top; y < bottom; y++)
      for (let x = 100; x + pitch - 10 <= 1500; x += pitch) data.fill(20, y * W + x, y * W + x + pitch - 10);
  return { data, width: W, height, pointsPerPixel: 72 / DPI };
}

const inLine = (y: number, lines: Array<[number, number]>) => lines.some(([t, b]) => y >= t && y < b);

describe('cutRows', () => {
  it('cuts an evenly printed page near its middle, in a gap between lines', () => {
    const lines: Array<[number, number]> = Array.from({ length: 40 }, (_, i) => [100 + i * 60, 130 + i * 60]);
    const cuts = cutRows(page(2600, lines), 2);
    expect(cuts).toHaveLength(1);
    expect(inLine(cuts[0]!, lines)).toBe(false);
    expect(cuts[0]!).toBeGreaterThan(1000);
    expect(cuts[0]!).toBeLessThan(1600);
  });

  it('gives three strips when asked, in order', () => {
    const lines: Array<[number, number]> = Array.from({ length: 40 }, (_, i) => [100 + i * 60, 130 + i * 60]);
    const cuts = cutRows(page(2600, lines), 3);
    expect(cuts).toHaveLength(2);
    expect(cuts[0]!).toBeLessThan(cuts[1]!);
    for (const c of cuts) expect(inLine(c, lines)).toBe(false);
  });

  it('cuts a page with no blank row (a skewed table) near its balance point, at its emptiest row', () => {
    // Dense rows of print with no gap at all, a little lighter every 50th row.
    const dense: Array<[number, number]> = Array.from({ length: 48 }, (_, i) => [i * 50, i * 50 + 50]);
    const img = page(2400, dense);
    for (let y = 24; y < 2400; y += 50) img.data.fill(235, y * W + 100, y * W + 1200);
    const cuts = cutRows(img, 2);
    expect(cuts).toHaveLength(1);
    expect(cuts[0]!).toBeGreaterThan(1100);
    expect(cuts[0]!).toBeLessThan(1300);
    expect(cuts[0]! % 50).toBe(24);
  });

  it('balances letters, not ink: a bold headline costs what its few letters cost', () => {
    // A headline of 8 big, heavy letters, then 30 lines of small print.
    const head = page(2600, [[100, 250]], true, 170);
    const body = page(
      2600,
      Array.from({ length: 30 }, (_, i) => [400 + i * 70, 430 + i * 70] as [number, number]),
    );
    for (let i = 0; i < head.data.length; i++) head.data[i] = Math.min(head.data[i]!, body.data[i]!);
    const cut = cutRows(head, 2)[0]!;
    // Half the letters lie above row ~1450, the paper pulls the cut up a little; balancing ink
    // (the headline's is a fifth of the page's) cut at row 1167.
    expect(cut).toBeGreaterThan(1300);
    expect(cut).toBeLessThan(1600);
  });

  it('takes the letter count the page preparation found, when there is one', () => {
    const lines: Array<[number, number]> = Array.from({ length: 40 }, (_, i) => [100 + i * 60, 130 + i * 60]);
    const img = page(2600, lines);
    // All the letters said to lie in the top rows: the cut moves up with them.
    const letterRowsTop = new Uint16Array(2600);
    for (let y = 100; y < 800; y++) letterRowsTop[y] = 10;
    const [cut] = cutRows({ ...img, letterRows: letterRowsTop }, 2);
    expect(cut!).toBeLessThan(800);
    expect(inLine(cut!, lines)).toBe(false);
  });

  it('does not cut a blank page', () => {
    expect(cutRows(page(2600, [], false), 2)).toEqual([]);
  });
});

describe('balancing around jobs queued ahead', () => {
  const lines: Array<[number, number]> = Array.from({ length: 40 }, (_, i) => [100 + i * 60, 130 + i * 60]);
  const img = page(2600, lines);
  const whole = jobCost(img.data, W, 2600, img.pointsPerPixel);

  it('prices an image by its letters and its area', () => {
    // 40 lines of 47 marks, and 8 x 10.4 inches of page at 1.2 letters a square inch.
    expect(whole).toBeCloseTo(40 * 47 + (W / DPI) * (2600 / DPI) * 1.2, 0);
    const blank = page(500, [], false);
    expect(jobCost(blank.data, W, 500, blank.pointsPerPixel)).toBeCloseTo((W / DPI) * (500 / DPI) * 1.2, 5);
  });

  it('gives the top strip more when a band takes the other engine first', () => {
    const [even] = cutRows(img, 2);
    // A band a fifth of the page's cost: the bottom strip waits for it, so it gets less.
    const [around] = cutRows(img, 2, [whole / 5]);
    expect(around!).toBeGreaterThan(even! + 150);
    expect(inLine(around!, lines)).toBe(false);
    // Top = bottom + band: the cut sits at (1 + 1/5) / 2 = 60% of the cost.
    expect(around! / 2600).toBeGreaterThan(0.55);
    expect(around! / 2600).toBeLessThan(0.65);
    // Two equal bands, one on each engine, change nothing.
    expect(cutRows(img, 2, [whole / 10, whole / 10])).toEqual([even]);
  });

  it('reads the page whole when a band would leave the other strip too little', () => {
    expect(cutRows(img, 2, [whole])).toEqual([]);
  });
});

describe('letterRows', () => {
  it('counts letter-sized marks at their centre row, not rules, specks or tall bars', () => {
    const img = page(400, [[100, 130]], false);
    img.data.fill(20, 300 * W + 100, 300 * W + 1900); // a rule: one row, 1800 px long
    img.data[350 * W + 50] = 20; // a speck
    for (let y = 0; y < 400; y++) img.data[y * W + 1950] = 20; // a bar taller than any letter
    const rows = letterRows(inkBlobs(img.data, W, 400, 128).blobs, 400, DPI);
    expect(rows[114]).toBe(47); // 47 marks in the line, centred on row (100 + 129) >> 1
    expect(rows.reduce((a, n) => a + n, 0)).toBe(47);
  });
});

describe('stripsOf', () => {
  it('overlaps strips past each cut, and keeps every row in exactly one strip', () => {
    const strips = stripsOf(3000, [1000, 2000], 50);
    expect(strips).toEqual([
      { top: 0, end: 1050, keepTop: 0, keepEnd: 1000 },
      { top: 950, end: 2050, keepTop: 1000, keepEnd: 2000 },
      { top: 1950, end: 3000, keepTop: 2000, keepEnd: 3000 },
    ]);
    expect(stripsOf(3000, [], 50)).toEqual([{ top: 0, end: 3000, keepTop: 0, keepEnd: 3000 }]);
    // A page not shared is one strip, the whole page; a shared one overlaps by 0.2 in (50 rows).
    expect(pageStrips(page(2600, []), 1)).toEqual([{ top: 0, end: 2600, keepTop: 0, keepEnd: 2600 }]);
    const lines: Array<[number, number]> = Array.from({ length: 40 }, (_, i) => [100 + i * 60, 130 + i * 60]);
    const [a, b] = pageStrips(page(2600, lines), 2);
    expect(a!.end - a!.keepEnd).toBe(50);
    expect(b!.keepTop - b!.top).toBe(50);
  });
});

describe('stripCount', () => {
  const turn = { lanes: 2, idle: 0, alive: 2, engines: 2, photo: false };

  it('shares a one-page scan between the idle engines, never a photo', () => {
    expect(stripCount({ ...turn, index: 0, pages: 1, lanes: 1, begun: 0, idle: 2 })).toBe(2);
    expect(stripCount({ ...turn, index: 0, pages: 1, lanes: 1, begun: 0, idle: 2, photo: true })).toBe(1);
  });

  it('shares the last page of a long scan with the engine still finishing the page before', () => {
    // 7 pages on 2 engines: page 7 begins as its lane ends page 5, with page 6 nearly read on
    // the other engine; read whole, that engine would idle for most of a page.
    expect(stripCount({ ...turn, index: 6, pages: 7, begun: 6 })).toBe(2);
    expect(stripCount({ ...turn, index: 2, pages: 3, begun: 2, idle: 0 })).toBe(2);
  });

  it('reads whole the pages before the last, and a last page begun with another', () => {
    expect(stripCount({ ...turn, index: 4, pages: 7, begun: 4 })).toBe(1);
    expect(stripCount({ ...turn, index: 1, pages: 2, begun: 1 })).toBe(1);
    // 6 pages: the 6th begins as the 5th does, on the other engine.
    expect(stripCount({ ...turn, index: 5, pages: 6, begun: 5 })).toBe(1);
    expect(stripCount({ ...turn, index: 6, pages: 7, begun: 6, photo: true })).toBe(1);
  });
});
