// Lines of print the first reading skipped (missed-ink.ts), on a drawn page: a report's split
// columns ("541  555  0138") print groups of three marks two spaces apart.
import { describe, expect, it } from 'vitest';
import { missedLines } from '../../../electron/desk/intake/missed-ink';

const W = 600;
const H = 200;
const GLYPH_W = 7;
const GLYPH_H = 12;
/** Character advance: a glyph and three pixels of space. */
const ADV = 10;

/** A page at 150 dpi with letter-like outlines: each group is a run of glyphs, spaces between. */
function page(rows: { y: number; x: number; text: string }[]) {
  // paper and ink a little uneven, as a scan's are (a threshold needs two greys on each side)
  const data = Buffer.from(Uint8Array.from({ length: W * H }, (_, i) => (i % 2 ? 255 : 235)));
  const ink = (x: number, y: number) => (data[y * W + x] = (x + y) % 2 ? 0 : 25);
  for (const row of rows)
    [...row.text].forEach((ch, i) => {
      if (ch === ' ') return;
      const x0 = row.x + i * ADV;
      for (let y = row.y; y < row.y + GLYPH_H; y++)
        for (let x = x0; x < x0 + GLYPH_W; x++) {
          const edge = y < row.y + 2 || y >= row.y + GLYPH_H - 2 || x < x0 + 2 || x >= x0 + GLYPH_W - 2;
          if (edge) ink(x, y);
        }
    });
  return { data, width: W, height: H, pointsPerPixel: 72 / 150, originPt: { x: 0, y: 0 } };
}

describe('missed lines', () => {
  it('reads three-mark groups of split columns with their neighbours, as one line', () => {
    const lines = missedLines(page([{ y: 50, x: 40, text: '541  555  0138' }]), []);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.marks).toBe(10);
    expect(lines[0]!.left).toBe(40);
    expect(lines[0]!.left + lines[0]!.width).toBe(40 + 13 * ADV + GLYPH_W);
  });

  it('leaves a lone group of three marks for specks, and runs of print apart', () => {
    expect(missedLines(page([{ y: 50, x: 40, text: '1FB' }]), [])).toEqual([]);
    const two = missedLines(page([{ y: 50, x: 40, text: '0138  ESC3' }]), []);
    expect(two.map((l) => l.marks)).toEqual([4, 4]);
  });
});
