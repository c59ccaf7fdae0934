import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { shrinkGrey } from '../../../electron/desk/intake/images';
import {
  applyHomography,
  evenLight,
  findSheet,
  fitLight,
  fitLine,
  homography,
  warpGrey,
  type Quad,
} from '../../../electron/desk/intake/rectify';

const FIXTURES = path.join(__dirname, '../../fixtures/bills');

/** A light sheet (quad) on a dark table, with a full-width dark band along the sheet's top. */
function photo(w: number, h: number, quad: Quad, band = 0): Uint8Array {
  const data = new Uint8Array(w * h).fill(70);
  const rect: Quad = [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ];
  // Which sheet point (0..1) each pixel shows: through the homography from the picture to the sheet.
  const toSheet = homography(quad, rect);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = applyHomography(toSheet, x + 0.5, y + 0.5);
      if (p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1) data[y * w + x] = p.y < band ? 55 : 215;
    }
  }
  return data;
}

/** Corners found (pixel indices, a pixel's centre at its index) against corners drawn (edges). */
const near = (q: Quad, want: Quad, tol: number) =>
  q.every((p, i) => Math.hypot(p.x + 0.5 - want[i]!.x, p.y + 0.5 - want[i]!.y) <= tol);

describe('homography', () => {
  it('takes each corner to its partner and a point between them to its place in perspective', () => {
    const from: Quad = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 130 },
      { x: 0, y: 130 },
    ];
    const to: Quad = [
      { x: 12, y: 9 },
      { x: 118, y: 14 },
      { x: 121, y: 150 },
      { x: 8, y: 141 },
    ];
    const hm = homography(from, to);
    from.forEach((p, i) => {
      const q = applyHomography(hm, p.x, p.y);
      expect(q.x).toBeCloseTo(to[i]!.x, 6);
      expect(q.y).toBeCloseTo(to[i]!.y, 6);
    });
    // And back again.
    const back = homography(to, from);
    const mid = applyHomography(back, ...(Object.values(applyHomography(hm, 40, 70)) as [number, number]));
    expect(mid.x).toBeCloseTo(40, 6);
    expect(mid.y).toBeCloseTo(70, 6);
  });
});

describe('findSheet', () => {
  const quad: Quad = [
    { x: 52, y: 40 },
    { x: 402, y: 55 },
    { x: 410, y: 520 },
    { x: 41, y: 505 },
  ];

  it('finds the corners of a tilted, sheared sheet on a table', () => {
    const found = findSheet({ data: photo(460, 580, quad), width: 460, height: 580 });
    expect(found).not.toBeNull();
    expect(near(found!, quad, 1.5)).toBe(true);
  });

  it('keeps a dark band printed to the sheet edge on the sheet, not on the table', () => {
    // The band (grey 55) is darker than the table (70): a paper threshold would start the sheet below it.
    const found = findSheet({ data: photo(460, 580, quad, 0.12), width: 460, height: 580 });
    expect(found).not.toBeNull();
    expect(near(found!, quad, 1.5)).toBe(true);
  });

  it('finds no sheet in a scan (paper to the frame) nor in a sheet cut off by the frame', () => {
    const scan = new Uint8Array(460 * 580).fill(230);
    for (let y = 100; y < 110; y++) scan.fill(20, y * 460 + 60, y * 460 + 400);
    expect(findSheet({ data: scan, width: 460, height: 580 })).toBeNull();
    const cut: Quad = [
      { x: 52, y: -40 },
      { x: 402, y: -25 },
      { x: 410, y: 520 },
      { x: 41, y: 505 },
    ];
    expect(findSheet({ data: photo(460, 580, cut), width: 460, height: 580 })).toBeNull();
  });

  it('finds a page-shaped sheet in a generated phone photo', async () => {
    const { data, info } = await sharp(fs.readFileSync(path.join(FIXTURES, 'fx-004.jpg')))
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const f = Math.ceil(Math.max(info.width, info.height) / 512);
    const small = shrinkGrey({ data, width: info.width, height: info.height, channels: 1 }, f);
    const found = findSheet(small);
    expect(found).not.toBeNull();
    const [tl, tr, br, bl] = found!;
    const width = (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(br.x - bl.x, br.y - bl.y)) / 2;
    const height = (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y)) / 2;
    // A letter page: 11 by 8.5.
    expect(height / width).toBeGreaterThan(1.25);
    expect(height / width).toBeLessThan(1.34);
  });
});

describe('fitLine', () => {
  it('follows the edge past a stretch where something else was found', () => {
    const pts: Array<[number, number]> = [];
    for (let t = 0; t < 100; t++) pts.push([t, t >= 30 && t < 55 ? 40 : 10 + 0.05 * t]);
    const line = fitLine(pts)!;
    expect(line.a).toBeCloseTo(0.05, 3);
    expect(line.b).toBeCloseTo(10, 2);
  });
});

describe('warpGrey', () => {
  it('lays the sheet out upright: a mark at a sheet point lands at its place, outside is white', () => {
    const src = { data: new Uint8Array(200 * 200).fill(200), width: 200, height: 200 };
    // A dark 3×3 mark at (120, 80) in the picture.
    for (let y = 79; y <= 81; y++) src.data.fill(0, y * 200 + 119, y * 200 + 122);
    // Output (u, v) shows the picture at (u + 100, v + 50).
    const hm = [1, 0, 100, 0, 1, 50, 0, 0, 1];
    const out = warpGrey(src, hm, 150, 100);
    expect(out[30 * 150 + 20]).toBe(0);
    expect(out[10 * 150 + 10]).toBe(200);
    // Past the picture's right edge.
    expect(out[10 * 150 + 120]).toBe(255);
  });
});

describe('fitLight', () => {
  const w = 300;
  const h = 400;
  /** Paper under a light falling off to the right, a dark band across the top, a line of print. */
  const lit = () => {
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) data[y * w + x] = y < 40 ? 50 : Math.round(230 - (x / w) * 90);
    for (let y = 200; y < 206; y++) data.fill(30, y * w + 20, y * w + 280);
    return data;
  };

  it('brings the paper to one grey, keeping the band and the print dark', () => {
    const data = lit();
    evenLight(data, w, h, fitLight(data, w, h, 30)!);
    const at = (x: number, y: number) => data[y * w + x]!;
    expect(Math.abs(at(10, 300) - at(290, 300))).toBeLessThan(12);
    expect(at(150, 20)).toBeLessThan(120);
    expect(at(250, 203)).toBeLessThan(80);
  });
});
