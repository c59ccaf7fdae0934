// A mailed bill's Intelligent Mail barcode is painted paper before OCR; the address over it, the
// tracking digits under it and rows of uniform strokes ("IIII", "1111") are left alone. Real
// rasterised type and bars (librsvg through sharp) at a scan's 200 dpi.
import { describe, expect, it } from 'vitest';
import { inkIn, svgGrey } from '../../support/svg-grey';
import { eraseBarcodes } from '../../../electron/desk/intake/barcodes';
import { inkBlobs } from '../../../electron/desk/intake/ink-blobs';
import { otsuThreshold } from '../../../electron/desk/intake/threshold';

const DPI = 200;
const PT = DPI / 72;
/** The bars' states, as a barcode font's letters name them: Full, Ascender, Descender, Tracker. */
const LETTERS = 'FADTATDFFTADDTAFTFDAATFDTDAFFTDATADFTFADDATFTDAFATDTFADFTADFDATFA';

function imb(x: number, yTop: number, scale: number): string {
  const full = 10.4 * PT * scale;
  const track = 3.6 * PT * scale;
  const mid = yTop + full / 2;
  return [...LETTERS]
    .map((c, k) => {
      const up = c === 'F' || c === 'A' ? full / 2 : track / 2;
      const down = c === 'F' || c === 'D' ? full / 2 : track / 2;
      return `<rect x="${(x + k * 3.3 * PT * scale).toFixed(1)}" y="${(mid - up).toFixed(1)}" width="${(1.44 * PT * scale).toFixed(1)}" height="${(up + down).toFixed(1)}"/>`;
    })
    .join('');
}

async function page(): Promise<{ data: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1300" height="420">
    <rect width="100%" height="100%" fill="#f4f4f4"/>
    <g font-family="DejaVu Sans" font-size="26" fill="#151515">
      <text x="60" y="50">107 Bridge Avenue</text><text x="60" y="84">Providence, RI 02903</text>
      <text x="60" y="175" font-size="18">00270123456200800001 02903</text>
      <text x="60" y="260">IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII</text>
      <text x="60" y="320">1111111111111111111111111111111</text>
    </g>
    <g fill="#1a1a1a">${imb(60, 110, 0.9)}</g>
  </svg>`;
  return svgGrey(svg);
}

describe('eraseBarcodes', () => {
  it('paints an IMb paper and keeps the print around it', async () => {
    const { data, width, height } = await page();
    const t = otsuThreshold(data);
    const before = {
      address: inkIn(data, width, 50, 20, 600, 95),
      digits: inkIn(data, width, 50, 158, 600, 182),
      strokes: inkIn(data, width, 50, 230, 1250, 330),
    };
    expect(inkIn(data, width, 50, 105, 650, 150)).toBeGreaterThan(500);
    const found = eraseBarcodes(data, width, inkBlobs(data, width, height, t), t, DPI);
    expect(found).toHaveLength(1);
    expect(found[0]!.bars).toBe(65);
    expect(inkIn(data, width, 50, 105, 650, 150)).toBe(0);
    expect(inkIn(data, width, 50, 20, 600, 95)).toBe(before.address);
    expect(inkIn(data, width, 50, 158, 600, 182)).toBe(before.digits);
    expect(inkIn(data, width, 50, 230, 1250, 330)).toBe(before.strokes);
  });
});
