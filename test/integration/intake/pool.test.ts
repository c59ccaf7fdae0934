// The OCR pool: a job past its time limit is stopped and its worker replaced; a cancelled job
// stops at once; the pool keeps working afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { toPnm } from '../../../electron/desk/intake/ocr';
import { prepareForOcr } from '../../../electron/desk/intake/images';
import { DeskError } from '../../../shared/errors';
import { rasterise, textBillPdf } from './fixtures';

let pool: OcrPool;
let page: Buffer;
beforeAll(async () => {
  pool = new OcrPool({ size: 1, jobTimeoutMs: 60_000 });
  const jpeg = await rasterise(await textBillPdf(), 200);
  page = toPnm(await prepareForOcr(jpeg, { scale: 1.5, pointsPerSourcePixel: 72 / 200 }));
  await pool.warm();
});
afterAll(async () => {
  await pool.close();
});

describe('OCR pool', () => {
  it('stops a job past its limit, replaces the worker, and carries on', async () => {
    expect(pool.created).toBe(1);
    const err = await pool.recognizeTsv(page, { timeoutMs: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect((err as DeskError).code).toBe('LIMIT_EXCEEDED');
    expect((err as DeskError).message).toMatch(/took longer than/);
    expect(pool.alive).toBe(0);
    const tsv = await pool.recognizeTsv(page);
    expect(tsv).toContain('4471-902-336');
    expect(pool.created).toBe(2);
  });

  it('cancels a running job and a queued one', async () => {
    const ac = new AbortController();
    const running = pool.recognizeTsv(page, { signal: ac.signal }).catch((e: unknown) => e);
    const queued = pool.recognizeTsv(page, { signal: ac.signal }).catch((e: unknown) => e);
    setTimeout(() => ac.abort(), 50);
    for (const r of [await running, await queued]) {
      expect(r).toBeInstanceOf(DeskError);
      expect((r as DeskError).code).toBe('CANCELED');
    }
    const tsv = await pool.recognizeTsv(page);
    expect(tsv).toContain('4471-902-336');
  });
});
