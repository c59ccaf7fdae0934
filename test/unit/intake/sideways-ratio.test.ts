// The ink test of whether a page lies on its side (isSideways), on drawn pictures: lines of print
// alternate down an upright page; solid dark areas (a phone's bezel, a filled band) are no print.
import { describe, expect, it } from 'vitest';
import { isSideways, sidewaysRatio } from '../../../electron/desk/intake/images';
import type { RawImage } from '../../../electron/desk/intake/render';

/** A white picture with dark rectangles [x, y, w, h]. */
function picture(width: number, height: number, rects: number[][]): RawImage {
  const data = Buffer.alloc(width * height, 255);
  for (const [x, y, w, h] of rects)
    for (let j = y!; j < y! + h!; j++) data.fill(20, j * width + x!, j * width + x! + w!);
  return { data, width, height, channels: 1 };
}

/** Lines of print: rows of word-sized dashes, 12 px tall every `pitch` px, from x0 to x1. */
function print(x0: number, x1: number, y0: number, y1: number, pitch = 36): number[][] {
  const out: number[][] = [];
  for (let y = y0; y + 12 < y1; y += pitch)
    for (let x = x0; x + 60 < x1; x += 90) out.push([x, y, 60 + ((x * 7 + y) % 20), 12]);
  return out;
}

const turn = (img: RawImage): RawImage => {
  const { width: w, height: h } = img;
  const data = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[x * h + (h - 1 - y)] = img.data[y * w + x]!;
  return { data, width: h, height: w, channels: 1 };
};

describe('isSideways', () => {
  it('tells a page of print from the same page on its side', () => {
    const page = picture(1000, 1400, print(80, 920, 80, 1320));
    expect(isSideways(page)).toBe(false);
    expect(isSideways(turn(page))).toBe(true);
  });

  it("does not count a phone's bezel, solid from top to bottom, as print", () => {
    // a screen of short lines between the two long dark sides of its bezel
    const bezel = [
      [60, 0, 70, 1400],
      [870, 0, 70, 1400],
    ];
    const phone = picture(1000, 1400, [...bezel, ...print(200, 470, 120, 1300, 120)]);
    expect(sidewaysRatio(phone)).toBeLessThan(1.7);
    expect(isSideways(phone)).toBe(false);
  });
});
