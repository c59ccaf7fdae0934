// A warm pool of tesseract.js workers: one per core, created on first use, reused across bills.
// We keep our own slots instead of tesseract's Scheduler because a job that overruns its time
// limit (or is cancelled) must kill *its* worker (the WASM engine cannot be interrupted) and
// have it replaced, while the other workers carry on; Scheduler can only terminate them all.
import os from 'node:os';
import { DeskError } from '../../../shared/errors';
import { onRelease } from '../release';
import { OCR_DPI } from './images';
import { createOcrWorker, type OcrWorker } from './ocr';
import { WARMUP_PAGE_DPI, WARMUP_PAGE_PNG } from './warmup-page';

export interface OcrJobOptions {
  signal?: AbortSignal;
  /** Overrides the pool's per-job limit. */
  timeoutMs?: number;
  /** Page segmentation mode for this job. */
  psm?: string;
  /**
   * Binarisation: 'otsu' (one global threshold; best for scans) or 'sauvola' (local; for photos
   * with uneven light or low-contrast print).
   */
  threshold?: 'otsu' | 'sauvola';
  /**
   * The image's resolution: tesseract sizes its noise and text filters by it, and would
   * otherwise guess it from the print.
   */
  dpi?: number;
  /**
   * The only characters the engine may read (tesseract's whitelist): a learned account number's
   * letter places are read again as letters only (shared/extract/learn/letters.ts).
   */
  chars?: string;
}

interface Slot {
  worker: Promise<OcrWorker> | null;
  busy: boolean;
  psm: string | null;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
}

export interface OcrPoolOptions {
  size?: number;
  /** Per-page OCR limit; past it the worker is terminated and replaced. */
  jobTimeoutMs?: number;
}

export const DEFAULT_OCR_TIMEOUT_MS = 60_000;

export class OcrPool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly waiters: Waiter[] = [];
  private readonly jobTimeoutMs: number;
  private closed = false;
  private priming: Promise<void> | null = null;
  /** Workers created so far (recycling included); for tests and the benchmark. */
  created = 0;
  /** Told of every job read, with its mode and engine time (not its wait): for the benchmark. */
  onJob: ((psm: string, ms: number) => void) | null = null;

  constructor(opts: OcrPoolOptions = {}) {
    this.size = Math.max(1, opts.size ?? os.availableParallelism());
    this.jobTimeoutMs = opts.jobTimeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
    this.slots = Array.from({ length: this.size }, () => ({ worker: null, busy: false, psm: null }));
  }

  /**
   * Starts the first `n` workers now. Intake calls it as soon as a bill needs OCR, so the
   * engines start while the page is prepared; the benchmark, to time a warm pool.
   */
  async warm(n = this.size): Promise<void> {
    // A closed pool starts nothing: a worker started now would never be terminated.
    if (this.closed) return;
    await Promise.all(this.slots.slice(0, n).map((s) => this.workerOf(s)));
  }

  /**
   * Starts the engines and has one of them read a small page of print (warmup-page.ts), so that
   * the first bill is read by optimised code. The engine is WebAssembly: V8 runs each function in
   * its baseline tier until it has run enough, then compiles it optimised in the background, and
   * a bill read on fresh engines spends much of its time in the baseline tier (a photo's strip:
   * 700 ms on a fresh engine, 400 ms once warm). V8 shares a module's compiled code between the
   * worker threads of a process, so one read warms every engine, also those started later.
   * For a desk that has just started (the app, a team server), never in the middle of a bill:
   * the warm-up holds an engine a page would want. Failures show on the first real read instead.
   */
  prime(n = this.size): Promise<void> {
    this.priming ??= (async () => {
      const started = this.warm(n);
      await this.recognizeTsv(WARMUP_PAGE_PNG, { psm: '3', dpi: WARMUP_PAGE_DPI });
      await started;
    })().catch(() => undefined);
    return this.priming;
  }

  /** Recognises one image (any format Leptonica reads; we pass PNM) and returns tesseract's TSV. */
  async recognizeTsv(image: Buffer, opts: OcrJobOptions = {}): Promise<string> {
    if (this.closed) throw new DeskError('CANCELED', 'The OCR engine is shut down');
    opts.signal?.throwIfAborted?.();
    const slot = await this.acquire(opts.signal);
    try {
      return await this.runOn(slot, image, opts);
    } finally {
      this.release(slot);
    }
  }

  private async runOn(slot: Slot, image: Buffer, opts: OcrJobOptions): Promise<string> {
    const worker = await this.workerOf(slot);
    const psm = opts.psm ?? '3';
    const method = opts.threshold === 'sauvola' ? '2' : '0';
    const dpi = String(Math.round(opts.dpi ?? OCR_DPI));
    const chars = opts.chars ?? '';
    const key = `${psm}/${method}/${dpi}/${chars}`;
    if (slot.psm !== key) {
      await worker.setParameters({
        tessedit_pageseg_mode: psm as never,
        thresholding_method: method,
        user_defined_dpi: dpi,
        tessedit_char_whitelist: chars,
      });
      slot.psm = key;
    }
    const limit = opts.timeoutMs ?? this.jobTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DeskError(
              'LIMIT_EXCEEDED',
              `OCR of a page took longer than ${Math.round(limit / 1000)} s and was stopped`,
            ),
          ),
        limit,
      );
      onAbort = () => reject(new DeskError('CANCELED', 'Reading the bill was cancelled'));
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    const t0 = performance.now();
    try {
      const res = await Promise.race([
        worker.recognize(image, {}, { text: false, blocks: false, hocr: false, tsv: true }),
        stop,
      ]);
      this.onJob?.(psm, performance.now() - t0);
      return (res.data as unknown as { tsv?: string }).tsv ?? '';
    } catch (err) {
      // The engine may still be grinding on the page; kill it and let the slot start afresh.
      this.recycle(slot);
      throw err;
    } finally {
      clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  private recycle(slot: Slot): void {
    const old = slot.worker;
    slot.worker = null;
    slot.psm = null;
    if (old) void old.then((w) => w.terminate()).catch(() => undefined);
  }

  private workerOf(slot: Slot): Promise<OcrWorker> {
    if (!slot.worker) {
      this.created++;
      slot.psm = `3/0/${OCR_DPI}/`;
      const p = createOcrWorker({ psm: '3' });
      slot.worker = p;
      p.catch(() => {
        if (slot.worker === p) slot.worker = null;
      });
    }
    return slot.worker;
  }

  private acquire(signal?: AbortSignal): Promise<Slot> {
    // Prefer a slot whose worker is already warm.
    const free = this.slots.filter((s) => !s.busy);
    const slot = free.find((s) => s.worker !== null) ?? free[0];
    if (slot) {
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, ...(signal ? { signal } : {}) };
      this.waiters.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new DeskError('CANCELED', 'Reading the bill was cancelled'));
        },
        { once: true },
      );
    });
  }

  private release(slot: Slot): void {
    const next = this.waiters.shift();
    if (next && !this.closed) next.resolve(slot);
    else slot.busy = false;
  }

  /** Workers started and not reading anything now. */
  get idle(): number {
    return this.slots.filter((s) => s.worker !== null && !s.busy).length;
  }

  /** Number of workers alive now. */
  get alive(): number {
    return this.slots.filter((s) => s.worker !== null).length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0))
      w.reject(new DeskError('CANCELED', 'The OCR engine is shut down'));
    await Promise.all(
      this.slots.map(async (s) => {
        const w = s.worker;
        s.worker = null;
        if (w) await w.then((x) => x.terminate()).catch(() => undefined);
      }),
    );
  }
}

let shared: OcrPool | null = null;
/** The process-wide pool (the app and batch CLI reuse it across bills). */
export function sharedOcrPool(): OcrPool {
  if (!shared || (shared as unknown as { closed: boolean }).closed) {
    shared = new OcrPool();
    // Its worker threads would keep a one-shot CLI alive after its work is done.
    onRelease(closeSharedOcrPool);
  }
  return shared;
}

export async function closeSharedOcrPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
