// A customer's pen loop round a number is erased before OCR, and nothing else is: a crop of a
// scanned bill with two circled lines (real scan noise, real OCR), and drawn pages without a loop.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { eraseLeaders } from '../../../electron/desk/intake/leaders';
import { erasePenCircles, type PenCircle } from '../../../electron/desk/intake/pen-circles';
import { toPnm, tsvToWords } from '../../../electron/desk/intake/ocr';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';

const CROP = path.join(__dirname, '../../fixtures/regressions/meridian-scan-11420-pd009-circles.jpg');
const DPI = 205;

async function grey(input: string | Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(input)
    .grayscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function prepare(img: { data: Buffer; width: number; height: number }, dpi: number): PenCircle[] {
  const marks = eraseLeaders(img.data, img.width, img.height, { dpi });
  return erasePenCircles(img.data, img.width, img.height, marks.ink, marks.threshold, dpi);
}

/** Dark pixels within a pixel of the loop's line, at its left and right ends (no print there). */
function inkAtEnds(img: { data: Buffer; width: number }, c: PenCircle): number {
  let n = 0;
  for (const t of [Math.PI - 0.25, Math.PI, Math.PI + 0.25, -0.25, 0, 0.25]) {
    const u = c.a * Math.cos(t);
    const v = c.b * Math.sin(t);
    const x = Math.round(c.cx + u * Math.cos(c.angle) - v * Math.sin(c.angle));
    const y = Math.round(c.cy + u * Math.sin(c.angle) + v * Math.cos(c.angle));
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) if (img.data[(y + dy) * img.width + x + dx]! < 128) n++;
  }
  return n;
}

let pool: OcrPool | undefined;

/** The lines OCR reads in the number column (left of "User"), top to bottom. */
async function numberColumn(img: { data: Buffer; width: number; height: number }): Promise<string[]> {
  pool ??= sharedOcrPool();
  const tsv = await pool.recognizeTsv(toPnm({ ...img, channels: 1 }), { psm: '3' });
  const words = tsvToWords(tsv, 72 / DPI);
  const user = words.find((w) => w.text === 'User');
  expect(user).toBeDefined();
  const lines: Array<{ y: number; text: string[] }> = [];
  for (const w of words.filter((w) => w.x1 < user!.x0 && /\d{3}/.test(w.text)).sort((a, b) => a.y0 - b.y0)) {
    const line = lines.find((l) => Math.abs(l.y - w.y0) < 4);
    if (line) line.text.push(w.text);
    else lines.push({ y: w.y0, text: [w.text] });
  }
  return lines.map((l) => l.text.join(' '));
}

describe('pen loops', () => {
  it('finds both loops on a scanned line summary and paints their lines paper', async () => {
    const img = await grey(CROP);
    const before = { ...img, data: Buffer.from(img.data) };
    const loops = prepare(img, DPI);
    expect(loops).toHaveLength(2);
    for (const c of loops) {
      // round a number: about as wide as "540-555-0198" and a pen's width
      expect(2 * c.a).toBeGreaterThan(0.7 * DPI);
      expect(2 * c.b).toBeGreaterThan(0.2 * DPI);
      expect(c.width).toBeLessThan(0.04 * DPI);
      expect(inkAtEnds(before, c)).toBeGreaterThan(20);
      expect(inkAtEnds(img, c)).toBe(0);
    }
  });

  it('lets OCR read the rows the loops cross as lines of their own', async () => {
    // Read as it was scanned, the two rows the loops cross were lost and the loops read as brackets.
    const img = await grey(CROP);
    prepare(img, DPI);
    const rows = await numberColumn(img);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe('540-555-0198');
    expect(rows[3]).toBe('540-555-0174');
  });

  it('leaves a page with a big letter O, a rounded box and a ruled table exactly as it was', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="900">
      <rect width="100%" height="100%" fill="#f6f6f6"/>
      <text x="40" y="150" font-family="DejaVu Sans" font-size="150" font-weight="bold" fill="#111">OCEAN</text>
      <rect x="60" y="250" width="520" height="90" rx="45" fill="none" stroke="#111" stroke-width="3"/>
      <text x="100" y="310" font-family="DejaVu Sans" font-size="40" fill="#111">Amount due $84.10</text>
      <g fill="none" stroke="#111" stroke-width="2">
        <rect x="700" y="250" width="900" height="300"/>
        <line x1="700" y1="350" x2="1600" y2="350"/><line x1="700" y1="450" x2="1600" y2="450"/>
        <line x1="1100" y1="250" x2="1100" y2="550"/>
      </g>
      <g font-family="DejaVu Sans" font-size="36" fill="#111">
        <text x="720" y="320">Number</text><text x="1120" y="320">Plan</text>
        <text x="720" y="420">312-555-0147</text><text x="1120" y="420">Unlimited</text>
        <text x="720" y="520">312-555-0188</text><text x="1120" y="520">Basic</text>
      </g>
      <ellipse cx="400" cy="700" rx="300" ry="90" fill="#111" opacity="0.9"/>
    </svg>`;
    const img = await grey(Buffer.from(svg));
    const before = Buffer.from(img.data);
    expect(prepare(img, 200)).toHaveLength(0);
    eraseLeaders(before, img.width, img.height, { dpi: 200 });
    expect(img.data.equals(before)).toBe(true);
  });
});
