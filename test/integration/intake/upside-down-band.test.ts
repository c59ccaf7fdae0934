// A page read upside down is turned half over and read again: its light-on-dark band must be
// read from crops turned with it. The half turn once dropped the band crops, and with them the
// account number and bill date a Northwind sidebar carries (on a scan that needed a 270° turn).
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { readBillWords } from '../../../electron/desk/intake/pipeline';

let pool: OcrPool;
beforeAll(() => {
  pool = sharedOcrPool();
});

/** A small page at 200 dpi, a dark band with white print over lines of black print, upside down. */
function upsideDownPage(): Buffer {
  const W = 1400;
  const H = 560;
  const c = createCanvas(W, H);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  ctx.translate(W, H);
  ctx.rotate(Math.PI);
  ctx.fillStyle = '#1f3a5f';
  ctx.fillRect(60, 40, W - 120, 70);
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 30px DejaVu Sans';
  ctx.fillText('ACCOUNT NUMBER 4417-2290-318', 90, 87);
  ctx.fillStyle = '#000000';
  ctx.font = '28px DejaVu Sans';
  const lines = [
    'Service address 1200 Harbor Road, Portland',
    'Billing telephone number 503-555-0142',
    'Monthly service charges for your business lines',
    'Thank you for choosing our telephone company',
    'Questions about this statement? Call customer care',
  ];
  lines.forEach((t, i) => ctx.fillText(t, 90, 180 + i * 70));
  return c.toBuffer('image/png');
}

describe('a page read upside down', () => {
  it('reads its light-on-dark band the right way up', { timeout: 30_000 }, async () => {
    const res = await readBillWords(upsideDownPage(), { pool, name: 'upside-down.png' });
    const page = res.pages[0]!;
    expect(page.rotate).toBe(180);
    const text = page.words.map((w) => w.text).join(' ');
    expect(text).toContain('Harbor');
    expect(text).toContain('4417-2290-318');
  });
});
