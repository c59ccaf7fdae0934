// Light print on a dark band, on real pictures: generated bills' scans, read by real OCR.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { prepareForOcr } from '../../../electron/desk/intake/images';
import { toPnm, tsvToWords } from '../../../electron/desk/intake/ocr';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';

let pool: OcrPool;
beforeAll(() => {
  pool = sharedOcrPool();
});

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/regressions', name));

describe('light print on a dark band', () => {
  it('turns a sidebar without striking through digits whose strokes the scan blurred together', async () => {
    // A 205 dpi scan's sidebar (see test/fixtures/regressions/README.md): the crossbars of
    // "634448321" in white bold print touch, and that light run was once kept as paper.
    const img = await prepareForOcr(fixture('sidebar-crossbars-scan.jpg'), {
      scale: 1,
      pointsPerSourcePixel: 72 / 205,
      detectSideways: true,
    });
    expect(img.bands?.crops).toHaveLength(1);
    const { rect, data } = img.bands!.crops[0]!;
    const tsv = await pool.recognizeTsv(
      toPnm({ data, width: rect.width, height: rect.height, channels: 1 }),
      {
        psm: '11',
      },
    );
    const words = tsvToWords(tsv, img.pointsPerPixel, { x: 0, y: 0 }).map((w) => w.text);
    expect(words).toContain('634448321');
    expect(words).toContain('Ironbridge');
  });

  it("turns the cells of a photo's sidebar that its blurred bold print fills", async () => {
    // A phone photo (see the README): the "68" of the sidebar's ZIP filled its cell nearly all
    // light; left unturned, it read "€3102" and the service address was lost.
    const r = await intakeBill(fixture('sidebar-photo.jpg'), { pool });
    expect(r.extraction.fields.serviceAddress).toMatchObject({
      line1: '27032 Mill Hwy',
      city: 'Omaha',
      state: 'NE',
      zip: '68102',
    });
    expect(r.extraction.fields.accountNumber).toBe('342416714');
  }, 60_000);
});
