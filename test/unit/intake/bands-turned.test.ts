// A page found upside down, or on its side the other way than it was first turned, is turned
// half over before it is read: its light-on-dark bands must turn with it, crops and cells, or
// their words are lost (a Northwind sidebar on a scan that needed a 270° turn).
import { describe, expect, it } from 'vitest';
import { inBand } from '../../../electron/desk/intake/bands';
import { prepareForOcr, turnHalf } from '../../../electron/desk/intake/images';

// Not a multiple of the 16-pixel cells: the last row and column of cells are cut short.
const W = 803;
const H = 611;

function page(): Buffer {
  const px = Buffer.alloc(W * H, 240);
  const fill = (x: number, y: number, w: number, h: number, v: number) => {
    for (let r = y; r < y + h; r++) px.fill(v, r * W + x, r * W + x + w);
  };
  // a dark sidebar down the left, and a header band across the top right, light print on both
  fill(0, 0, 230, H, 40);
  fill(300, 0, W - 300, 90, 40);
  for (let i = 0; i < 10; i++) {
    fill(20 + i * 14, 200, 6, 18, 230);
    fill(420 + i * 14, 40, 6, 18, 230);
  }
  // black print on the paper
  for (let i = 0; i < 30; i++) fill(300 + i * 14, 300, 6, 18, 20);
  return px;
}

describe('bands of a page turned half over', () => {
  it('turn with it: each crop turned and moved to the opposite corner, its cells with it', async () => {
    const img = await prepareForOcr(
      { data: page(), width: W, height: H, channels: 1 },
      { scale: 1, pointsPerSourcePixel: 72 / 200 },
    );
    expect(img.bands?.crops.length).toBeGreaterThanOrEqual(2);
    const turned = turnHalf(img);
    expect(turned.turned).toBe(180);
    expect(turned.bands).toBeDefined();
    const [before, after] = [img.bands!, turned.bands!];
    expect(after.crops.length).toBe(before.crops.length);
    before.crops.forEach((c, i) => {
      const t = after.crops[i]!;
      expect(t.rect).toEqual({
        left: W - c.rect.left - c.rect.width,
        top: H - c.rect.top - c.rect.height,
        width: c.rect.width,
        height: c.rect.height,
      });
      expect(Buffer.compare(t.data, Buffer.from(c.data).reverse())).toBe(0);
    });
    // every point is in a band turned over exactly when it was before
    let inside = 0;
    let moved = 0;
    for (let y = 0.5; y < H; y += 3)
      for (let x = 0.5; x < W; x += 3) {
        const was = inBand(before.cells, x, y);
        if (inBand(after.cells, W - x, H - y) !== was) moved++;
        inside += +was;
      }
    expect(moved).toBe(0);
    expect(inside).toBeGreaterThan(10_000);
    // turned back, they are where they were found
    const back = turnHalf(turned).bands!;
    expect(back.crops.map((c) => c.rect)).toEqual(before.crops.map((c) => c.rect));
    expect(inBand(back.cells, 100, 300)).toBe(true);
    expect(inBand(back.cells, 500, 300)).toBe(false);
  });
});
