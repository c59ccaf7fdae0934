// Dotted leaders and dashed rules are erased before OCR; letters, decimal points and a short
// ellipsis are not. Real rasterised type (librsvg through sharp) and real OCR.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inkIn, svgGrey } from '../../support/svg-grey';
import { eraseLeaders } from '../../../electron/desk/intake/leaders';
import { toPnm, tsvToWords } from '../../../electron/desk/intake/ocr';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';

const DPI = 250;
const W = 1600;
const H = 420;

/** A strip of a bill: label, drawn leader dots, value; a glyph leader line; a dashed rule. */
async function strip(): Promise<{ data: Buffer; width: number; height: number }> {
  const dots = Array.from({ length: 18 }, (_, i) => `<circle cx="${420 + i * 14}" cy="77" r="2.6"/>`).join(
    '',
  );
  const dashes = Array.from(
    { length: 30 },
    (_, i) => `<rect x="${40 + i * 30}" y="300" width="17" height="4"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect width="100%" height="100%" fill="#f4f4f4"/>
    <g font-family="DejaVu Sans Mono" font-size="40" fill="#111">
      <text x="40" y="80">BILL DATE</text>${dots}<text x="700" y="80">02/01/25</text>
      <text x="40" y="180">TOTAL DUE ............ $1,044.70</text>
      <text x="40" y="260">Wait... see page 2</text>
    </g>
    <g fill="#111">${dashes}</g>
  </svg>`;
  return svgGrey(svg);
}

const ink = inkIn;

let pool: OcrPool | undefined;

describe('leader erasing', () => {
  it('erases drawn and typed leaders and a dashed rule, and nothing else', async () => {
    const img = await strip();
    const before = Buffer.from(img.data);
    const res = eraseLeaders(img.data, img.width, img.height, { dpi: DPI });
    expect(res.runs).toBeGreaterThanOrEqual(3);
    // The drawn leader and the dashed rule are gone.
    expect(ink(before, W, 410, 65, 670, 90)).toBeGreaterThan(100);
    expect(ink(img.data, W, 410, 65, 670, 90)).toBe(0);
    expect(ink(before, W, 30, 290, 960, 310)).toBeGreaterThan(1000);
    expect(ink(img.data, W, 30, 290, 960, 310)).toBe(0);
    // The label and the value keep every pixel.
    expect(ink(img.data, W, 30, 40, 400, 95)).toBe(ink(before, W, 30, 40, 400, 95));
    expect(ink(img.data, W, 690, 40, 900, 95)).toBe(ink(before, W, 690, 40, 900, 95));
    // The short ellipsis line is untouched.
    expect(ink(img.data, W, 30, 220, 600, 275)).toBe(ink(before, W, 30, 220, 600, 275));
  });

  it('leaves a page without leaders exactly as it was', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="200"><rect width="100%" height="100%" fill="#fff"/>
      <text x="20" y="80" font-family="DejaVu Serif" font-size="36">Acct. No. 4471-9023. Pay by 7.10.25, i.e. soon.</text></svg>`;
    const { data, info } = await sharp(Buffer.from(svg))
      .grayscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const before = Buffer.from(data);
    expect(eraseLeaders(data, info.width, info.height, { dpi: DPI }).runs).toBe(0);
    expect(data.equals(before)).toBe(true);
  });

  it('lets OCR read the value beside an erased leader as its own word', async () => {
    const img = await strip();
    eraseLeaders(img.data, img.width, img.height, { dpi: DPI });
    pool = sharedOcrPool();
    const tsv = await pool.recognizeTsv(toPnm({ ...img, channels: 1 }), { psm: '6' });
    const words = tsvToWords(tsv, 72 / DPI).map((w) => w.text);
    expect(words).toContain('02/01/25');
    expect(words).toContain('$1,044.70');
    expect(words.some((w) => /\.{4,}/.test(w))).toBe(false);
  });
});
