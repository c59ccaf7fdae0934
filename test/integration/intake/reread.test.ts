// The second look at weak lines: grouping words into line segments, and re-reading a line
// from real pixels when the first reading was unsure.
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Word } from '../../../shared/domain';
import type { PreparedImage } from '../../../electron/desk/intake/images';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { lineSegments, rereadWeakLines } from '../../../electron/desk/intake/reread';

const word = (text: string, x0: number, y0: number, conf = 0.95, w = 40, h = 10): Word => ({
  text,
  x0,
  y0,
  x1: x0 + w,
  y1: y0 + h,
  conf,
});

let pool: OcrPool | undefined;
afterAll(async () => {
  await pool?.close();
});

describe('line segments', () => {
  it('joins words along a line and splits at a column gap', () => {
    const segs = lineSegments([
      word('Fort', 300, 100),
      word('Wayne,', 345, 101),
      word('IN', 390, 100, 0.9, 15),
      word('Main', 50, 100),
      word('Number', 95, 99),
      word('Ste', 300, 120),
    ]);
    const texts = segs.map((s) => s.map((w) => w.text).join(' ')).sort();
    expect(texts).toEqual(['Fort Wayne, IN', 'Main Number', 'Ste']);
  });
});

describe('re-reading weak lines', () => {
  it('replaces an unsure reading with what the pixels say, and keeps sure ones', async () => {
    const DPI = 250;
    const k = 72 / DPI;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="300">
      <rect width="100%" height="100%" fill="#fff"/>
      <g font-family="DejaVu Serif" font-size="42" fill="#111">
        <text x="60" y="90">Fort Wayne, IN 46892</text>
        <text x="60" y="220">Account 8164 2706 3839</text>
      </g></svg>`;
    const { data, info } = await sharp(Buffer.from(svg))
      .grayscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const img: PreparedImage = {
      data,
      width: info.width,
      height: info.height,
      channels: 1,
      pointsPerPixel: k,
      originPt: { x: 0, y: 0 },
      pageWidthPt: info.width * k,
      pageHeightPt: info.height * k,
      turned: 0,
      cropped: false,
    };
    // A first reading in points: the city line garbled and unsure, the account line sure.
    const line1 = (y: number) => ({ y0: (y - 34) * k, y1: (y + 10) * k });
    const weak: Word[] = [
      { text: 'Fort', x0: 60 * k, x1: 140 * k, ...line1(90), conf: 0.9 },
      { text: 'Wane,', x0: 160 * k, x1: 300 * k, ...line1(90), conf: 0.0 },
      { text: 'IN', x0: 320 * k, x1: 370 * k, ...line1(90), conf: 0.46 },
      { text: '40892', x0: 390 * k, x1: 520 * k, ...line1(90), conf: 0.46 },
    ];
    const sure: Word[] = [{ text: 'Account', x0: 60 * k, x1: 230 * k, ...line1(220), conf: 0.96 }];
    pool = new OcrPool({ size: 1 });
    const res = await rereadWeakLines(pool, img, [...weak, ...sure], {});
    expect(res.tried).toBe(1);
    expect(res.replaced).toBe(1);
    const text = res.words.map((w) => w.text).join(' ');
    expect(text).toContain('Wayne,');
    expect(text).toContain('46892');
    expect(text).not.toContain('Wane');
    // The sure line was not touched: the very same object is still there.
    expect(res.words).toContain(sure[0]);
    // A second weak segment whose garbled box spans both lines: each line is still kept once.
    const tall: Word = {
      text: 'Acc0vnt',
      x0: 60 * k,
      x1: 230 * k,
      y0: (90 - 34) * k,
      y1: (220 + 10) * k,
      conf: 0.2,
    };
    const twice = await rereadWeakLines(pool, img, [...weak, tall], {});
    const texts = twice.words.map((w) => w.text);
    expect(texts.filter((t) => t === 'Wayne,')).toHaveLength(1);
    expect(texts).toContain('8164');
    // The new words sit where the line is on the page.
    const zip = res.words.find((w) => w.text === '46892')!;
    expect(zip.y0).toBeGreaterThan(15);
    expect(zip.y1).toBeLessThan(35);
  });
});
