// Grey-shaded heading cells are turned paper-white under their print, so OCR reads the label
// instead of a black bar. Real type rasterised by librsvg, real OCR.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { toPnm, tsvToWords } from '../../../electron/desk/intake/ocr';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { lightenShading } from '../../../electron/desk/intake/shading';

async function grey(svg: string) {
  const { data, info } = await sharp(Buffer.from(svg))
    .grayscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 as const };
}

const HEADING = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="260">
  <rect width="100%" height="100%" fill="#f4f4f4"/>
  <rect x="40" y="40" width="700" height="64" fill="#a8a8a8"/><rect x="800" y="40" width="700" height="64" fill="#a8a8a8"/>
  <g font-family="DejaVu Sans" font-weight="bold" font-size="38" fill="#111">
    <text x="60" y="86">BILL TO</text><text x="820" y="86">SERVICE LOCATION</text>
  </g>
  <g font-family="DejaVu Sans Mono" font-size="36" fill="#111">
    <text x="60" y="170">160 MADISON TRL</text><text x="820" y="170">27700 WILLOW AVE</text>
  </g></svg>`;

let pool: OcrPool | undefined;

describe('shaded cells', () => {
  it('whitens the shading and keeps the print dark', async () => {
    const img = await grey(HEADING);
    const cells = lightenShading(img.data, img.width, img.height);
    expect(cells).toBeGreaterThan(50);
    // Inside the shaded rectangle, away from the print: paper now.
    expect(img.data[50 * img.width + 600]).toBeGreaterThan(240);
    // The heading's letters are still ink.
    let ink = 0;
    for (let y = 55; y < 90; y++)
      for (let x = 60; x < 230; x++) if (img.data[y * img.width + x]! < 100) ink++;
    expect(ink).toBeGreaterThan(300);
  });

  it('lets OCR read the label on the shading', async () => {
    const img = await grey(HEADING);
    lightenShading(img.data, img.width, img.height);
    pool = sharedOcrPool();
    const words = tsvToWords(await pool.recognizeTsv(toPnm(img), {}), 1).map((w) => w.text);
    expect(words).toContain('SERVICE');
    expect(words).toContain('LOCATION');
  });

  it('leaves plain paper and print alone', async () => {
    const img =
      await grey(`<svg xmlns="http://www.w3.org/2000/svg" width="800" height="160"><rect width="100%" height="100%" fill="#f0f0f0"/>
      <text x="20" y="90" font-family="DejaVu Serif" font-size="40" fill="#151515">Service Location 27700 Willow Ave</text></svg>`);
    const before = Buffer.from(img.data);
    expect(lightenShading(img.data, img.width, img.height)).toBe(0);
    expect(Buffer.from(img.data).equals(before)).toBe(true);
  });
});
