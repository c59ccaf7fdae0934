// A phone photographed in its bezel on a table, at a slant: its outline is found and the phone is
// flattened upright before OCR, as a photographed sheet is (see findPhone).
import { describe, expect, it } from 'vitest';
import { prepareForOcr, shrinkGrey } from '../../../electron/desk/intake/images';
import { applyHomography, findPhone, homography, type Quad } from '../../../electron/desk/intake/rectify';

const W = 900;
const H = 1400;
/** The phone: 500×1080 with a 25 px bezel at the sides and 50 px above and below its screen. */
const PW = 500;
const PH = 1080;

/** The phone's corners turned `deg` about the picture's centre. */
function phoneQuad(deg: number, w = PW, h = PH): Quad {
  const a = (deg * Math.PI) / 180;
  const turn = (x: number, y: number) => ({
    x: W / 2 + x * Math.cos(a) - y * Math.sin(a),
    y: H / 2 + x * Math.sin(a) + y * Math.cos(a),
  });
  return [turn(-w / 2, -h / 2), turn(w / 2, -h / 2), turn(w / 2, h / 2), turn(-w / 2, h / 2)];
}

/**
 * A photo of the phone on a table: near-black bezel, the screen light (or dark, with light print),
 * and on it lines of letter-sized marks 14 px tall every 40 px, 60 to 400 px across.
 */
function phonePhoto(quad: Quad, o: { table: number; dark?: boolean }): Uint8Array {
  const data = new Uint8Array(W * H).fill(o.table);
  const rect: Quad = [
    { x: 0, y: 0 },
    { x: PW, y: 0 },
    { x: PW, y: PH },
    { x: 0, y: PH },
  ];
  const toPhone = homography(quad, rect);
  const [screen, ink] = o.dark ? [28, 235] : [240, 30];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const p = applyHomography(toPhone, x + 0.5, y + 0.5);
      if (p.x < 0 || p.x > PW || p.y < 0 || p.y > PH) continue;
      const onScreen = p.x >= 25 && p.x <= PW - 25 && p.y >= 50 && p.y <= PH - 50;
      const print =
        onScreen &&
        p.x >= 60 &&
        p.x <= 400 &&
        p.y >= 100 &&
        p.y <= PH - 100 &&
        (p.y - 100) % 40 < 14 &&
        (p.x - 60) % 14 < 9;
      data[y * W + x] = !onScreen ? 10 : print ? ink : screen;
    }
  }
  return data;
}

const small = (data: Uint8Array) =>
  shrinkGrey({ data: Buffer.from(data), width: W, height: H, channels: 1 }, 3);

describe('findPhone', () => {
  it("finds a tilted phone's outline on a light table and on a dark one, light screen or dark", () => {
    for (const [table, dark] of [
      [195, false],
      [195, true],
      [72, true],
    ] as const) {
      const quad = phoneQuad(-4.5);
      const found = findPhone(small(phonePhoto(quad, { table, dark })));
      expect(found, `table ${table}`).not.toBeNull();
      found!.forEach((p, i) => {
        expect(Math.abs(p.x * 3 + 1 - quad[i]!.x)).toBeLessThan(6);
        expect(Math.abs(p.y * 3 + 1 - quad[i]!.y)).toBeLessThan(6);
      });
    }
  });

  it('finds no phone in a sheet of paper, nor in a phone lying on its side', () => {
    // a page-shaped light sheet on a table: its rim is paper, not a bezel
    const sheet = new Uint8Array(W * H).fill(70);
    for (let y = 200; y < 1200; y++) sheet.fill(230, y * W + 100, y * W + 870);
    expect(findPhone(small(sheet))).toBeNull();
    // the phone the other way round: as wide as a phone is tall (left to the sideways test)
    const side = new Uint8Array(W * H).fill(195);
    for (let y = 450; y < 950; y++) side.fill(10, y * W + 20, y * W + 880);
    expect(findPhone(small(side))).toBeNull();
  });
});

describe('a phone photographed at a slant, prepared for OCR', () => {
  it('comes out flattened and upright: its lines of print level', async () => {
    const data = phonePhoto(phoneQuad(-4.5), { table: 195 });
    const img = await prepareForOcr(
      { data: Buffer.from(data), width: W, height: H, channels: 1 },
      { scale: 1, pointsPerSourcePixel: 72 / 150, findPaper: true, detectSideways: true },
    );
    expect(img.sheet).toBeDefined();
    expect(img.framed).toBe(true);
    expect(img.turned).toBe(0);
    // The first line of print: where its top edge lies near its left end and near its right end.
    const topOf = (x: number): number => {
      for (let y = 0; y < img.height; y++) if (img.data[y * img.width + x]! < 128 && bezelClear(y)) return y;
      return -1;
    };
    const bezelClear = (y: number) => y > 60 && y < img.height - 60;
    // (the middle of a mark near each end: marks start 60 px in, one every 14 px)
    const left = topOf(60 + 14 + 4);
    const right = topOf(60 + 14 * 22 + 4);
    expect(left).toBeGreaterThan(0);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
    // and the viewer's map takes the flat phone's corner back onto the photo's
    const corner = img.sheet!.toPhoto(0, 0);
    const want = phoneQuad(-4.5)[0];
    expect(Math.abs(corner.x / (72 / 150) - want.x)).toBeLessThan(6);
    expect(Math.abs(corner.y / (72 / 150) - want.y)).toBeLessThan(6);
  });
});
