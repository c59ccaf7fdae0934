// A form's comb field (one digit per small box) has its frame erased before OCR; the digits, a
// caption box and a table row of unequal columns are left alone. Real rasterised type (librsvg
// through sharp) and real OCR.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { inkIn, svgGrey } from '../../support/svg-grey';
import { rasterise, textBillPdf } from './fixtures';
import { eraseCombs } from '../../../electron/desk/intake/combs';
import { inkBlobs } from '../../../electron/desk/intake/ink-blobs';
import { toPnm, tsvToWords } from '../../../electron/desk/intake/ocr';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { otsuThreshold } from '../../../electron/desk/intake/threshold';

const DPI = 250;
const W = 1400;
const H = 360;
const DIGITS = '0006498056242';
/** Cell pitch and height in pixels (11 x 14 pt at 250 dpi), and where the comb starts. */
const PITCH = 38;
const CELL_H = 48;
const CX = 60;
const CY = 60;

/**
 * A strip of a form-printed bill: a comb whose digits the printer set 6 px right and 5 px low
 * (misregistered, so several touch the separators and the bottom rule), a caption box with its
 * value, and a table row whose columns differ in width.
 */
async function strip(): Promise<{ data: Buffer; width: number; height: number }> {
  const cells = [...DIGITS]
    .map((_, i) => `<rect x="${CX + i * PITCH}" y="${CY}" width="${PITCH}" height="${CELL_H}"/>`)
    .join('');
  const digits = [...DIGITS]
    .map((d, i) => `<text x="${CX + i * PITCH + 10 + 6}" y="${CY + 38 + 5}">${d}</text>`)
    .join('');
  const row = [0, 120, 560, 1000, 1300]
    .map((x, i, xs) =>
      i < xs.length - 1 ? `<rect x="${40 + x}" y="230" width="${xs[i + 1]! - x}" height="52"/>` : '',
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect width="100%" height="100%" fill="#f6f6f6"/>
    <g fill="none" stroke="#333" stroke-width="3">${cells}
      <rect x="700" y="40" width="400" height="100"/>${row}</g>
    <g font-family="DejaVu Sans Mono" font-size="36" fill="#111">${digits}
      <text x="720" y="115">06/16/25</text><text x="60" y="268">01</text><text x="180" y="268">605 555-0134</text></g>
  </svg>`;
  return svgGrey(svg);
}

const ink = inkIn;

function erase(img: { data: Buffer; width: number; height: number }): number {
  const t = otsuThreshold(img.data);
  return eraseCombs(img.data, img.width, inkBlobs(img.data, img.width, img.height, t), t, DPI).length;
}

let pool: OcrPool | undefined;

describe('comb erasing', () => {
  it("erases a comb's frame and keeps its digits, the caption box and the table row", async () => {
    const img = await strip();
    const before = Buffer.from(img.data);
    expect(erase(img)).toBe(1);
    const right = CX + DIGITS.length * PITCH;
    // The top rule is gone; the digits (their rows between the rules) keep most of their ink.
    expect(ink(before, W, CX, CY - 2, right, CY + 3)).toBeGreaterThan(1000);
    expect(ink(img.data, W, CX, CY - 2, right, CY + 3)).toBe(0);
    const digitsBefore = ink(before, W, CX + 4, CY + 8, right, CY + CELL_H - 4);
    const digitsAfter = ink(img.data, W, CX + 4, CY + 8, right, CY + CELL_H - 4);
    expect(digitsAfter).toBeGreaterThan(0.75 * (digitsBefore - 13 * 3 * 34));
    // Nothing else on the strip changed.
    expect(ink(img.data, W, 690, 30, 1110, 150)).toBe(ink(before, W, 690, 30, 1110, 150));
    expect(ink(img.data, W, 30, 220, 1350, 292)).toBe(ink(before, W, 30, 220, 1350, 292));
  });

  it('leaves a scanned text bill alone: its bold capitals ran into one mark are no comb', async () => {
    // the OCR test's scanned page (200 dpi, JPEG): its carrier name in bold capitals has flat
    // tops and bottoms and upright strokes at an even pitch, as a comb has, and lost a word to
    // the eraser until a comb's rules had to run unbroken along its width
    const jpeg = await rasterise(await textBillPdf(), 200);
    const { data, info } = await sharp(jpeg).grayscale().raw().toBuffer({ resolveWithObject: true });
    const t = otsuThreshold(data);
    const before = Buffer.from(data);
    expect(eraseCombs(data, info.width, inkBlobs(data, info.width, info.height, t), t, 200)).toEqual([]);
    expect(data.equals(before)).toBe(true);
  });

  it('lets OCR read the comb as one number', async () => {
    const img = await strip();
    erase(img);
    pool = sharedOcrPool();
    const crop = { width: 620, height: 100 };
    const data = Buffer.alloc(crop.width * crop.height);
    for (let y = 0; y < crop.height; y++)
      img.data.copy(
        data,
        y * crop.width,
        (CY - 25 + y) * W + CX - 30,
        (CY - 25 + y) * W + CX - 30 + crop.width,
      );
    const tsv = await pool.recognizeTsv(toPnm({ data, ...crop, channels: 1 }), { psm: '7' });
    const text = tsvToWords(tsv, 72 / DPI)
      .map((w) => w.text)
      .join('');
    expect(text).toBe(DIGITS);
  });

  // Account boxes of generated Plover bills (make-bills, `--templates plover-telephone`), cut
  // from the page as the reader prepares it just before the combs go (seed 11520 bill pd-004 and
  // 11523 pb-027, scans; 11524 pq-011, a flattened photo). The printer's misregistration set the
  // digits on the separators (a 0 with one through its middle, a 7 whose stem lies along one) or
  // over a rule. Painting the frame by the mark's edges and keeping whole separators beside a
  // digit read "000~"2614294"~1", "caa4112389172300" and "9999475405288".
  it.each([
    ['plover-scan-11520-pd004.png', 246, '0007261429471'],
    ['plover-scan-11523-pb027.png', 205, '0004112817200'],
    ['plover-photo-11524-pq011.png', 225, '0009475405288'],
  ])('keeps the digits a comb misregistered onto its lines (%s)', async (file, dpi, account) => {
    const { data, info } = await sharp(path.join(__dirname, '../../fixtures/combs', file))
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const t = otsuThreshold(data);
    expect(eraseCombs(data, info.width, inkBlobs(data, info.width, info.height, t), t, dpi)).toHaveLength(1);
    pool ??= sharedOcrPool();
    const tsv = await pool.recognizeTsv(
      toPnm({ data, width: info.width, height: info.height, channels: 1 }),
      {
        psm: '6',
        dpi,
      },
    );
    const digits = tsvToWords(tsv, 72 / dpi)
      .map((w) => w.text)
      .join(' ')
      .replace(/[^0-9 ]/g, '');
    expect(digits.split(' ')).toContain(account);
  });
});
