// A light-on-dark header band that sparse reading (PSM 11) finds nothing in is read as a block.
// The picture: the top of page 1 of a photographed Alderbrook reprint (make-bills seed 11440,
// bill pa-032, see test/fixtures/regressions/README.md), its header band holding the account
// number and the invoice date; read sparse, the band gave no word, and the bill date was lost.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareForOcr } from '../../../electron/desk/intake/images';
import { sharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { readBands } from '../../../electron/desk/intake/pipeline';

const pool = sharedOcrPool();

describe('a header band on a photographed page', () => {
  it('is read as a block when sparse reading finds nothing in it', { timeout: 30_000 }, async () => {
    const jpg = fs.readFileSync(
      path.join(__dirname, '../../fixtures/regressions/alderbrook-photo-band-header.jpg'),
    );
    // as a photographed page of a PDF is prepared: 163 dpi, read at 200
    const img = await prepareForOcr(jpg, { scale: 200 / 163, pointsPerSourcePixel: 612 / 1387 });
    expect(img.bands?.crops.length).toBeGreaterThan(0);
    const words = await readBands(pool, img, { threshold: 'otsu', dpi: Math.round(72 / img.pointsPerPixel) });
    const text = words.map((w) => w.text).join(' ');
    expect(text).toMatch(/INVOICE DATE 05\/02\/2024/);
    expect(text).toMatch(/4230-488503-007/);
  });
});
