import { describe, expect, it } from 'vitest';
import { blankBands, inBand, invertDarkBands } from '../../../electron/desk/intake/bands';

const W = 800;
const H = 600;

function page(): Uint8Array {
  return new Uint8Array(W * H).fill(240);
}

function fill(px: Uint8Array, x: number, y: number, w: number, h: number, v: number): void {
  for (let r = y; r < y + h; r++) px.fill(v, r * W + x, r * W + x + w);
}

/** Light "letters": small bright blocks in a row, as print on a band would be. */
function letters(px: Uint8Array, x: number, y: number, n: number, v: number): void {
  for (let i = 0; i < n; i++) fill(px, x + i * 14, y, 6, 18, v);
}

describe('dark bands', () => {
  it('turns light print on a dark header band into dark print on white', () => {
    const px = page();
    fill(px, 0, 0, W, 120, 40);
    letters(px, 500, 50, 12, 230);
    const found = invertDarkBands(px, W, H);
    expect(found).not.toBeNull();
    expect(found!.rects.length).toBe(1);
    // Background of the band is now light, its letters dark.
    expect(px[20 * W + 100]!).toBeGreaterThan(200);
    expect(px[55 * W + 502]!).toBeLessThan(60);
    expect(inBand(found!, 100, 20)).toBe(true);
    expect(inBand(found!, 100, 400)).toBe(false);
    blankBands(px, W, found!);
    expect(px[55 * W + 502]).toBe(255);
  });

  it('leaves black print on paper, a thick rule and a dark table without print alone', () => {
    const px = page();
    letters(px, 100, 300, 30, 20); // a line of black print
    fill(px, 50, 400, 700, 6, 0); // a thick rule
    fill(px, 0, 500, W, 100, 30); // dark table below the sheet, nothing printed on it
    const before = Buffer.from(px);
    expect(invertDarkBands(px, W, H)).toBeNull();
    expect(Buffer.from(px).equals(before)).toBe(true);
  });
});
