// The second look at weak lines: grouping words into line segments, and re-reading a line
// from real pixels when the first reading was unsure.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Word } from '../../../shared/domain';
import type { PreparedImage } from '../../../electron/desk/intake/images';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { missedLines } from '../../../electron/desk/intake/missed-ink';
import { lineSegments, readMissedInk, rereadWeakLines } from '../../../electron/desk/intake/reread';

const word = (text: string, x0: number, y0: number, conf = 0.95, w = 40, h = 10): Word => ({
  text,
  x0,
  y0,
  x1: x0 + w,
  y1: y0 + h,
  conf,
});

let pool: OcrPool | undefined;

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

const DPI = 250;
const k = 72 / DPI;

/** A prepared 250 dpi page with these lines of print (SVG text at baseline y, in pixels). */
async function page(lines: Array<[x: number, y: number, text: string]>): Promise<PreparedImage> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="300">
      <rect width="100%" height="100%" fill="#fff"/>
      <g font-family="DejaVu Serif" font-size="42" fill="#111">
        ${lines.map(([x, y, t]) => `<text x="${x}" y="${y}">${t}</text>`).join('\n')}
      </g></svg>`;
  const { data, info } = await sharp(Buffer.from(svg))
    .grayscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
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
}

describe('re-reading weak lines', () => {
  it('replaces an unsure reading with what the pixels say, and keeps sure ones', async () => {
    const img = await page([
      [60, 90, 'Fort Wayne, IN 46892'],
      [60, 220, 'Account 8164 2706 3839'],
    ]);
    // A first reading in points: the city line garbled and unsure, the account line sure.
    const line1 = (y: number) => ({ y0: (y - 34) * k, y1: (y + 10) * k });
    const weak: Word[] = [
      { text: 'Fort', x0: 60 * k, x1: 140 * k, ...line1(90), conf: 0.9 },
      { text: 'Wane,', x0: 160 * k, x1: 300 * k, ...line1(90), conf: 0.0 },
      { text: 'IN', x0: 320 * k, x1: 370 * k, ...line1(90), conf: 0.46 },
      { text: '40892', x0: 390 * k, x1: 520 * k, ...line1(90), conf: 0.46 },
    ];
    const sure: Word[] = [{ text: 'Account', x0: 60 * k, x1: 230 * k, ...line1(220), conf: 0.96 }];
    pool = sharedOcrPool();
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

describe('ink the first reading skipped', () => {
  it('finds a line of print no word covers and reads it, leaving covered lines alone', async () => {
    const img = await page([
      [60, 90, 'DATE OF BILL: APR 01 2025'],
      [60, 220, 'Account 8164 2706 3839'],
    ]);
    // A first reading that dropped the whole first line (as tesseract's layout sometimes does).
    const line2 = { y0: (220 - 34) * k, y1: (220 + 10) * k, conf: 0.95 };
    const read: Word[] = [
      { text: 'Account', x0: 60 * k, x1: 230 * k, ...line2 },
      { text: '8164', x0: 250 * k, x1: 350 * k, ...line2 },
      { text: '2706', x0: 370 * k, x1: 470 * k, ...line2 },
      { text: '3839', x0: 490 * k, x1: 590 * k, ...line2 },
    ];
    const lines = missedLines(img, read);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.top).toBeLessThan(90);
    expect(lines[0]!.top + lines[0]!.height).toBeGreaterThan(60);
    pool ??= sharedOcrPool();
    const res = await readMissedInk(pool, img, read, {});
    expect(res.lines).toBe(1);
    const text = res.words.map((w) => w.text).join(' ');
    expect(text).toContain('DATE OF BILL:');
    expect(text).toContain('2025');
    // The words read already are kept as they were, once.
    expect(res.words.filter((w) => w.text === '8164')).toHaveLength(1);
    // With every line covered there is nothing to look at again.
    expect(missedLines(img, res.words)).toEqual([]);
  });

  it('looks at one strip of the page: only lines centred on the rows it keeps', async () => {
    const img = await page([
      [60, 90, 'DATE OF BILL: APR 01 2025'],
      [60, 220, 'Account 8164 2706 3839'],
    ]);
    // Cut at row 150, each strip reaching 40 rows past it (as strips.ts cuts a page).
    const upper = { top: 0, end: 190, keepTop: 0, keepEnd: 150 };
    const lower = { top: 110, end: 300, keepTop: 150, keepEnd: 300 };
    const inUpper = missedLines(img, [], { region: upper });
    const inLower = missedLines(img, [], { region: lower });
    expect(inUpper).toHaveLength(1);
    expect(inLower).toHaveLength(1);
    const [a, b] = [inUpper[0]!, inLower[0]!];
    // Boxes are in the page's rows, whichever strip found them.
    expect(a.top).toBeLessThan(90);
    expect(a.top + a.height).toBeGreaterThan(60);
    expect(b.top).toBeGreaterThan(150);
    expect(b.top).toBeLessThan(220);
    // A line read already is covered in the strip as on the page.
    const line2 = { y0: (220 - 34) * k, y1: (220 + 10) * k, conf: 0.95 };
    expect(
      missedLines(img, [{ text: 'Account 8164 2706 3839', x0: 60 * k, x1: 600 * k, ...line2 }], {
        region: lower,
      }),
    ).toEqual([]);
  });

  it('does not take specks, rules or a blank page for print', async () => {
    const img = await page([]);
    // A horizontal rule, a box and scattered specks.
    for (let x = 50; x < 1300; x++) img.data[150 * img.width + x] = 0;
    for (let y = 30; y < 120; y++) {
      img.data[y * img.width + 900] = 0;
      img.data[y * img.width + 1200] = 0;
    }
    for (let i = 0; i < 40; i++) img.data[(200 + (i % 5) * 10) * img.width + 100 + i * 23] = 0;
    expect(missedLines(img, [])).toEqual([]);
  });
});
