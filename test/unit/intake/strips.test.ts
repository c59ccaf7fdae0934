// Cutting a page into strips for parallel OCR: balanced, at the emptiest row near the balance
// point (a gap between lines where there is one), strips overlapping past each cut.
import { describe, expect, it } from 'vitest';
import { cutRows, pageStrips, stripsOf } from '../../../electron/desk/intake/strips';

const DPI = 250;
const W = 2000;

/** A page of paper (with scan speckles) and solid bars standing for lines of print. */
function page(height: number, lines: Array<[top: number, bottom: number]>, speckles = true) {
  const data = new Uint8Array(W * height).fill(235);
  if (speckles) for (let i = 0; i < data.length; i += 997) data[i] = 40;
  for (const [top, bottom] of lines)
    for (let y = top; y < bottom; y++) data.fill(20, y * W + 100, y * W + 1500);
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

  it('does not cut a blank page', () => {
    expect(cutRows(page(2600, [], false), 2)).toEqual([]);
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
