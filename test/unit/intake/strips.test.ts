// Cutting a page into strips for parallel OCR: only through blank rows, balanced, never
// through a line of print.
import { describe, expect, it } from 'vitest';
import { cutRows } from '../../../electron/desk/intake/strips';

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

  it('does not cut where there is no blank gap, or nothing to share', () => {
    // One tall block of print with gaps thinner than a line space.
    const dense: Array<[number, number]> = Array.from({ length: 200 }, (_, i) => [i * 12, i * 12 + 10]);
    expect(cutRows(page(2400, dense), 2)).toEqual([]);
    expect(cutRows(page(2600, [], false), 2)).toEqual([]);
    // One block of print and paper below it: no gap between lines of print to cut in.
    expect(cutRows(page(2600, [[100, 190]]), 2)).toEqual([]);
    // A lone page number below one block: the only cut would leave one strip nearly all.
    expect(
      cutRows(
        page(1400, [
          [100, 1300],
          [1370, 1390],
        ]),
        2,
      ),
    ).toEqual([]);
  });
});
