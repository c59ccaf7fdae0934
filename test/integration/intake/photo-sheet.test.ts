// A phone photo is read flattened (rectify.ts), but the agent sees the photo: the fields' boxes
// and the page's size come back on the photo. Checked by cutting the photo at the BTN's box and
// reading that crop on its own.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { prepareForOcr } from '../../../electron/desk/intake/images';
import { sharedOcrPool } from '../../../electron/desk/intake/ocr-pool';

const PHOTO = path.join(__dirname, '../../fixtures/bills/fx-004.jpg');
const pool = sharedOcrPool();

describe('a flattened phone photo', () => {
  it('is prepared as its sheet alone, upright, at the size of a letter page', async () => {
    const bytes = fs.readFileSync(PHOTO);
    const { width = 0 } = await sharp(bytes).metadata();
    const img = await prepareForOcr(bytes, {
      scale: 1,
      pointsPerSourcePixel: (72 * 8.5) / width,
      autoOrient: true,
      findPaper: true,
      detectSideways: true,
    });
    expect(img.sheet).toBeDefined();
    expect(img.cropped).toBe(false);
    expect(img.pageWidthPt).toBeGreaterThan(600);
    expect(img.pageWidthPt).toBeLessThan(624);
    expect(img.pageHeightPt / img.pageWidthPt).toBeCloseTo(11 / 8.5, 1);
  });

  it("puts the fields' boxes on the photo the agent sees", async () => {
    const bytes = fs.readFileSync(PHOTO);
    const meta = await sharp(bytes).metadata();
    const res = await intakeBill(bytes, { pool, name: 'fx-004.jpg' });
    const { fields, meta: boxes, pages } = res.extraction;
    expect(fields.btn).toBe('8065550194');
    // The page is the photo, in points, a photo pixel being 8.5 in / its width.
    const pt = 612 / meta.width;
    expect(pages[0]!.width).toBeCloseTo(meta.width * pt, 1);
    expect(pages[0]!.height).toBeCloseTo(meta.height * pt, 1);
    expect(res.pages[0]!.width).toBeCloseTo(pages[0]!.width, 1);
    const box = boxes.btn!.boxes[0]!;
    const px = (v: number) => Math.round(v / pt);
    const pad = 6;
    const crop = await sharp(bytes)
      .extract({
        left: px(box.x0) - pad,
        top: px(box.y0) - pad,
        width: px(box.x1) - px(box.x0) + 2 * pad,
        height: px(box.y1) - px(box.y0) + 2 * pad,
      })
      .resize({ height: 120 })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { toPnm } = await import('../../../electron/desk/intake/ocr');
    const tsv = await pool.recognizeTsv(
      toPnm({ data: crop.data, width: crop.info.width, height: crop.info.height, channels: 1 }),
      { psm: '7' },
    );
    const digits = tsv
      .split('\n')
      .filter((l) => l.startsWith('5\t'))
      .map((l) => l.split('\t').slice(11).join(''))
      .join('')
      .replace(/\D/g, '');
    expect(digits).toContain('5550194');
  }, 60_000);
});
