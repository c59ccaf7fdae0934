// Page preparation off the caller's thread. prepareForOcr is 0.3-0.4 s of pixel arithmetic in
// JavaScript per photo or scanned page; run where intake is called from, the app's main process
// answered no IPC and ran no timer for that long, over and over on a multi-page scan (`npm run
// bench -- stalls`). One worker thread does it instead, started on first use and kept for the
// next page; it holds the process open only while a page is being prepared.
// Where the thread cannot be started (its script missing from a build), pages are prepared on
// the calling thread as before: slower to answer, never a failed intake.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Threads from 'node:worker_threads';
import { DeskError } from '../../../shared/errors';
import { onRelease } from '../release';
import { prepareForOcr, sheetToPhoto, type PreparedImage, type PrepareOptions } from './images';
import { asBuffer, type PrepareReply, type PrepareRequest } from './prepare-messages';
import { pagesPreparedInline } from './prepare-where';
import type { RawImage } from './render';

const require = createRequire(import.meta.url);

interface Pending {
  resolve: (img: PreparedImage) => void;
  reject: (err: Error) => void;
  /** Prepares the page on this thread instead, settling the same promise. */
  retry: () => void;
}

/** What a Worker is started with: a script's path, or (in the sources) code to evaluate. */
interface Script {
  code: string;
  eval: boolean;
}

/**
 * The worker's script: in a build, prepare-worker.mjs beside the entry points (this module may
 * sit in a chunk folder below them); in the sources, prepare-worker.ts through tsx, which the
 * worker registers itself (Node 20 does not apply an `--import` loader to a worker's entry).
 */
function workerScript(): Script | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.dirname(here)]) {
    const built = path.join(dir, 'prepare-worker.mjs');
    if (fs.existsSync(built)) return { code: built, eval: false };
  }
  const source = path.join(here, 'prepare-worker.ts');
  if (!fs.existsSync(source)) return null;
  const tsx = tsxEsmApi();
  if (!tsx) return null;
  const entry = pathToFileURL(source).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
    eval: true,
  };
}

/** Set once a thread has failed to start: pages are prepared on the calling thread from then on. */
let unavailable = false;

/**
 * tsx's ESM API, the file its package exports to `import`: require.resolve would give the
 * CommonJS one, whose register() fails from a worker's evaluated code.
 */
function tsxEsmApi(): string | null {
  try {
    const pkgFile = require.resolve('tsx/package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as {
      exports?: Record<string, { import?: { default?: string } }>;
    };
    const file = pkg.exports?.['./esm/api']?.import?.default;
    return file ? pathToFileURL(path.join(path.dirname(pkgFile), file)).href : null;
  } catch {
    return null;
  }
}

class PrepareThread {
  private readonly worker: Threads.Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Whether the thread's code has loaded: a thread that fails before is taken as unable to start. */
  private ready = false;
  private closing = false;
  dead = false;

  constructor(script: Script) {
    // required here, not imported: a text PDF never starts the thread, and loading worker
    // threads was a few ms of every one-shot `desk intake`
    const threads = require('node:worker_threads') as typeof Threads;
    this.worker = new threads.Worker(script.code, { eval: script.eval });
    // Idle, the thread must not keep a finished command alive; busy, it must (see run).
    this.worker.unref();
    this.worker.on('message', (msg: PrepareReply | 'ready') => {
      if (msg === 'ready') this.ready = true;
      else this.settle(msg);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the page preparation thread stopped (exit code ${code})`)),
    );
  }

  run(input: Buffer | RawImage, opts: PrepareOptions): Promise<PreparedImage> {
    const id = this.nextId++;
    const req: PrepareRequest = {
      id,
      input: Buffer.isBuffer(input) ? ownBytes(input) : { ...input, data: ownBytes(input.data) },
      opts,
    };
    return new Promise<PreparedImage>((resolve, reject) => {
      const retry = () => void prepareForOcr(input, opts).then(resolve, reject);
      this.pending.set(id, { resolve, reject, retry });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage(req);
    });
  }

  private settle(reply: PrepareReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) {
      const { message, code } = reply.error;
      p.reject(code ? new DeskError(code, message) : new Error(message));
      return;
    }
    p.resolve(fromWire(reply.image));
  }

  private fail(err: Error): void {
    this.dead = true;
    const pending = [...this.pending.values()];
    this.pending.clear();
    if (!this.ready && !this.closing) {
      // The thread never worked here (its script would not load): prepare on this thread from
      // now on, these pages included.
      unavailable = true;
      for (const p of pending) p.retry();
      return;
    }
    for (const p of pending) p.reject(err);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new DeskError('CANCELED', 'Reading the bill was cancelled'));
    await this.worker.terminate();
  }
}

/**
 * A view's own bytes. A message copies a view's whole ArrayBuffer: a scanned page's JPEG is a
 * view into the PDF, and each page would otherwise carry the whole file across.
 */
function ownBytes(u: Uint8Array): Uint8Array {
  return u.byteOffset === 0 && u.byteLength === u.buffer.byteLength ? u : new Uint8Array(u);
}

/** Buffers cross threads as plain Uint8Arrays; the sheet's map becomes its function again. */
function fromWire(img: Extract<PrepareReply, { image: unknown }>['image']): PreparedImage {
  const { sheet, bands, ...rest } = img;
  return {
    ...rest,
    data: asBuffer(img.data),
    ...(bands
      ? { bands: { ...bands, crops: bands.crops.map((c) => ({ ...c, data: asBuffer(c.data) })) } }
      : {}),
    ...(sheet ? { sheet: { ...sheet, toPhoto: sheetToPhoto(sheet.map) } } : {}),
  };
}

let thread: PrepareThread | null = null;

function theThread(): PrepareThread | null {
  if (unavailable || pagesPreparedInline()) return null;
  if (!thread || thread.dead) {
    const script = workerScript();
    if (!script) {
      unavailable = true;
      return null;
    }
    thread = new PrepareThread(script);
    onRelease(closePrepareThread);
  }
  return thread;
}

/**
 * Starts the thread now (its code and sharp load in ~0.1 s), for a command that knows it will
 * prepare a picture: its first page then does not wait for it.
 */
export function warmPrepareThread(): void {
  theThread();
}

/** prepareForOcr, on the preparation thread. Same result, same errors. */
export function prepareOffThread(input: Buffer | RawImage, opts: PrepareOptions): Promise<PreparedImage> {
  const t = theThread();
  return t ? t.run(input, opts) : prepareForOcr(input, opts);
}

export async function closePrepareThread(): Promise<void> {
  const t = thread;
  thread = null;
  await t?.close();
}
