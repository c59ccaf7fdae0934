// The OCR pool: a job past its time limit is stopped and its worker replaced; a cancelled job
// stops at once; the pool keeps working afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { toPnm } from '../../../electron/desk/intake/ocr';
import { WARMUP_PAGE_DPI, WARMUP_PAGE_PNG } from '../../../electron/desk/intake/warmup-page';
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

describe('priming a desk that has just started', () => {
  it('starts every engine and reads the built-in warm-up page once', async () => {
    const fresh = new OcrPool({ size: 2 });
    try {
      // The warm-up page is real print: the engine must find its words, or it warms nothing.
      const primed = fresh.prime();
      expect(fresh.prime()).toBe(primed);
      await primed;
      expect(fresh.alive).toBe(2);
      expect(fresh.created).toBe(2);
      expect(fresh.idle).toBe(2);
      const tsv = await fresh.recognizeTsv(WARMUP_PAGE_PNG, { psm: '3', dpi: WARMUP_PAGE_DPI });
      expect(tsv).toMatch(/\tResidential\n/);
      expect(tsv).toMatch(/\tForwarding\n/);
      // A second prime neither starts engines nor reads again.
      await fresh.prime();
      expect(fresh.created).toBe(2);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('a closed pool primes to nothing, without throwing', async () => {
    const closed = new OcrPool({ size: 1 });
    await closed.close();
    await expect(closed.prime()).resolves.toBeUndefined();
    expect(closed.alive).toBe(0);
  });
});
