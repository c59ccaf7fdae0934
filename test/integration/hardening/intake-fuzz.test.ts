// Intake fuzzing: inputs mutated from the repo's fixture bills (bit flips, truncation, spliced
// headers, wrong types, random bytes, zero length, oversized headers) by a seeded mutator. Every
// one gets a result or a DeskError with a clear message within its time bound, and the OCR pool
// still reads a good bill afterwards. The tally is asserted, not just printed: every input is
// accounted for, none ran past its bound, and both results and clear errors occur (a fuzzer whose
// inputs all fail at the first byte, or all pass, tests nothing).
// - 1,000+ inputs go through the cheap path every bill takes first: sniff by magic bytes, size
//   and page/pixel limits, pdfjs parse and the text layer of each page, image header decode.
// - 30 go through the full path (intakeBill: render, prepare, OCR, extract) on a real pool.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { loadSharp } from '../../../electron/desk/intake/images';
import { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { openPdf, pageTextWords } from '../../../electron/desk/intake/pdf-text';
import { checkPages, checkPixels, headerDimensions, sniffKind } from '../../../electron/desk/intake/sniff';
import { root, rng, tinyBill } from './support';

const CHEAP = Number(process.env.DESK_FUZZ_INPUTS ?? 1000);
const FULL = Number(process.env.DESK_FUZZ_FULL ?? 30);
const SEED = Number(process.env.DESK_HARDENING_SEED ?? 20261122);
/** Time bound per input: the cheap path, and the full path (render, OCR, extract). */
const CAP_MS = 10_000;
const FULL_CAP_MS = 40_000;

const pool = new OcrPool({ size: 1, jobTimeoutMs: 20_000 });
afterAll(() => pool.close());

// The repo's own bills, so the seeds (and so every mutation) are the same on every machine.
const SAMPLES = path.join(root, 'test/fixtures/bills');

async function smallPngBill(): Promise<Buffer> {
  const sharp = await loadSharp();
  const lines = [
    'Cascade Wireless',
    'Account Number: 5521-0087',
    'Bill Date: April 2, 2026',
    'Billing Telephone Number: (503) 555-0142',
    'Service Address: 88 Pine St, Portland, OR 97204',
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1100" height="420"><rect width="100%" height="100%" fill="white"/>${lines
    .map((l, i) => `<text x="40" y="${70 + i * 64}" font-family="DejaVu Sans" font-size="34">${l}</text>`)
    .join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

type Seed = { name: string; bytes: Buffer<ArrayBufferLike> };

async function seeds(): Promise<Seed[]> {
  const dir = SAMPLES;
  const files: Seed[] = fs
    .readdirSync(dir)
    .filter((f) => /\.(pdf|png|jpe?g|tiff?|heic)$/i.test(f))
    .slice(0, 24)
    .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(dir, f)) }));
  const png = await smallPngBill();
  const sharp = await loadSharp();
  files.push(
    { name: 'generated.pdf', bytes: Buffer.from(await tinyBill(1)) },
    { name: 'generated.png', bytes: png },
    { name: 'generated.jpg', bytes: await sharp(png).jpeg().toBuffer() },
    { name: 'generated.tif', bytes: await sharp(png).tiff().toBuffer() },
  );
  return files;
}

const HEADERS: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  tiff: Buffer.from([0x49, 0x49, 0x2a, 0x00]),
  heic: Buffer.from([
    0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31,
  ]),
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  gif: Buffer.from('GIF89a'),
  html: Buffer.from('<!doctype html><html>'),
};
const EXT = ['pdf', 'png', 'jpg', 'tif', 'heic', 'docx', 'txt', ''];
const MUTATIONS = [
  'bitflip',
  'bitflip-head',
  'truncate',
  'truncate-head',
  'splice',
  'wrong-type',
  'random',
  'zero',
  'overwrite',
  'duplicate',
  'huge-dims',
];

/** One seeded mutation of a seed; returns the bytes, a (possibly misleading) name and the kind of mutation. */
function mutate(r: () => number, s: Seed): { bytes: Buffer; name: string; how: string } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const b = Buffer.from(s.bytes);
  const base = s.name.replace(/\.[^.]+$/, '');
  const how = pick(['bitflip', ...MUTATIONS]); // bit flips twice as often
  switch (how) {
    case 'bitflip':
    case 'bitflip-head': {
      const flips = 1 + Math.floor(r() * 24);
      const span = how === 'bitflip-head' ? Math.min(b.length, 2048) : b.length;
      for (let i = 0; i < flips; i++) b[Math.floor(r() * span)]! ^= 1 << Math.floor(r() * 8);
      return { bytes: b, name: s.name, how };
    }
    case 'truncate':
      return { bytes: b.subarray(0, Math.floor(r() * b.length)), name: s.name, how };
    case 'truncate-head':
      return { bytes: b.subarray(0, Math.floor(r() * 600)), name: s.name, how };
    case 'splice': {
      const header = pick(Object.values(HEADERS));
      const cut = Math.floor(r() * 64);
      return { bytes: Buffer.concat([header, b.subarray(cut)]), name: `${base}.${pick(EXT)}`, how };
    }
    case 'wrong-type':
      return { bytes: b, name: `${base}.${pick(EXT)}`, how };
    case 'random': {
      const out = Buffer.alloc(Math.floor(r() * 4096));
      for (let i = 0; i < out.length; i++) out[i] = Math.floor(r() * 256);
      return { bytes: out, name: `${base}.${pick(EXT)}`, how };
    }
    case 'zero':
      return { bytes: Buffer.alloc(0), name: s.name, how };
    case 'overwrite': {
      const at = Math.floor(r() * b.length);
      const len = Math.min(b.length - at, 1 + Math.floor(r() * 512));
      for (let i = 0; i < len; i++) b[at + i] = Math.floor(r() * 256);
      return { bytes: b, name: s.name, how };
    }
    case 'duplicate': {
      const at = Math.floor(r() * b.length);
      const chunk = b.subarray(at, at + 1 + Math.floor(r() * 4096));
      return { bytes: Buffer.concat([b.subarray(0, at), chunk, chunk, b.subarray(at)]), name: s.name, how };
    }
    default: {
      // An image bomb's header: a PNG claiming 100,000 x 100,000 pixels over a real body.
      const png = Buffer.concat([
        HEADERS.png!,
        Buffer.from([0, 0, 0, 13]),
        Buffer.from('IHDR'),
        Buffer.alloc(8),
      ]);
      png.writeUInt32BE(100_000 + Math.floor(r() * 10_000), 16);
      png.writeUInt32BE(100_000, 20);
      return { bytes: Buffer.concat([png, b.subarray(33)]), name: `${base}.png`, how };
    }
  }
}

/** The cheap path: what intake does before any rendering or OCR. */
async function cheapIntake(bytes: Uint8Array, name: string): Promise<string> {
  const kind = sniffKind(bytes, name);
  if (kind === 'pdf') {
    const doc = await openPdf(bytes, { name });
    try {
      checkPages(doc.numPages, name);
      let words = 0;
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i).catch((err: Error) => {
          throw new DeskError(
            'BAD_INPUT_FILE',
            `${name} is damaged: page ${i} cannot be read (${err.message})`,
          );
        });
        words += (await pageTextWords(page, i)).words.length;
        page.cleanup();
      }
      return `pdf:${doc.numPages}p:${words}w`;
    } finally {
      await doc.destroy();
    }
  }
  const dims = headerDimensions(bytes, kind);
  if (dims) checkPixels(dims.width, dims.height, name);
  if (kind === 'heic') return 'heic';
  const sharp = await loadSharp();
  const meta = await sharp(Buffer.from(bytes), { limitInputPixels: 60_000_000, pages: -1 })
    .metadata()
    .catch((err: Error) => {
      throw new DeskError('BAD_INPUT_FILE', `${name} is damaged or not a ${kind} image (${err.message})`);
    });
  checkPixels(meta.width ?? 0, meta.height ?? 0, name);
  return `${kind}:${meta.width}x${meta.height}`;
}

interface Tally {
  tried: number;
  results: number;
  clearErrors: number;
  unclear: string[];
  timeouts: number;
  /** The slowest input that finished (ms), and what it was. */
  slowest: { ms: number; how: string };
  byHow: Record<string, number>;
}

const clear = (e: DeskError) =>
  e.message.length >= 10 &&
  !/undefined|\[object|at \S+ \(/.test(e.message) &&
  !e.message.includes('\n    at ');

async function capped<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), ms)));
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

async function classify(tally: Tally, how: string, run: () => Promise<unknown>, cap: number): Promise<void> {
  tally.tried++;
  tally.byHow[how] = (tally.byHow[how] ?? 0) + 1;
  const t0 = performance.now();
  const took = () => {
    const ms = performance.now() - t0;
    if (ms > tally.slowest.ms) tally.slowest = { ms, how };
  };
  try {
    const r = await capped(run(), cap);
    if (r === 'timeout') tally.timeouts++;
    else {
      took();
      tally.results++;
    }
  } catch (err) {
    took();
    if (err instanceof DeskError && clear(err)) tally.clearErrors++;
    else
      tally.unclear.push(
        `${how}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`.slice(0, 200),
      );
  }
}

const newTally = (): Tally => ({
  tried: 0,
  results: 0,
  clearErrors: 0,
  unclear: [],
  timeouts: 0,
  slowest: { ms: 0, how: '' },
  byHow: {},
});
const line = (label: string, t: Tally) =>
  `${label}: tried ${t.tried}, results ${t.results}, clear errors ${t.clearErrors}, unclear errors ${t.unclear.length}, ` +
  `timeouts ${t.timeouts}, slowest ${Math.round(t.slowest.ms)} ms (${t.slowest.how})`;

/** What every run must show: each input accounted for, none past its bound, none unclear. */
function expectSound(t: Tally, label: string): void {
  expect(
    t.results + t.clearErrors + t.unclear.length + t.timeouts,
    `${label}: every input accounted for`,
  ).toBe(t.tried);
  expect(t.unclear, `${label}: unclear errors`).toEqual([]);
  expect(t.timeouts, `${label}: inputs past their time bound`).toBe(0);
  // Both outcomes occur: the mutations neither all bounce off the first check nor all slip through.
  expect(t.results, `${label}: inputs that still read`).toBeGreaterThan(0);
  expect(t.clearErrors, `${label}: inputs refused with a clear error`).toBeGreaterThan(0);
}

describe('hardening: intake fuzzing', () => {
  let all: Seed[] = [];

  it(
    `${CHEAP} mutated bills through sniff, limits and the PDF text layer`,
    { timeout: 600_000 },
    async () => {
      all = await seeds();
      const r = rng(SEED);
      const tally = newTally();
      // Unmutated seeds first: they must all read.
      for (const s of all) await classify(tally, 'seed', () => cheapIntake(s.bytes, s.name), CAP_MS);
      expect(tally.results, 'every sample bill reads').toBe(all.length);
      while (tally.tried < CHEAP) {
        const m = mutate(r, all[Math.floor(r() * all.length)]!);
        await classify(tally, m.how, () => cheapIntake(m.bytes, m.name), CAP_MS);
      }
      console.log(line('intake fuzz (cheap path)', tally), JSON.stringify(tally.byHow));
      expect(tally.tried).toBeGreaterThanOrEqual(CHEAP);
      expectSound(tally, 'cheap path');
      // Every kind of mutation was tried, often enough to mean something.
      for (const how of MUTATIONS) expect(tally.byHow[how] ?? 0, how).toBeGreaterThanOrEqual(CHEAP / 40);
    },
  );

  it(
    `${FULL} mutated bills through the full path (render, OCR, extract); the pool still reads a good bill`,
    { timeout: 600_000 },
    async () => {
      if (!all.length) all = await seeds();
      const small = all.filter((s) => s.name.startsWith('generated'));
      const r = rng(SEED + 1);
      const tally = newTally();
      for (let i = 0; i < FULL; i++) {
        const m = mutate(r, small[i % small.length]!);
        const ac = new AbortController();
        await classify(
          tally,
          m.how,
          () => intakeBill(m.bytes, { name: m.name, pool, signal: ac.signal }).finally(() => ac.abort()),
          FULL_CAP_MS,
        );
        ac.abort();
      }
      console.log(line('intake fuzz (full OCR path)', tally), JSON.stringify(tally.byHow));
      expect(tally.tried).toBe(FULL);
      expectSound(tally, 'full path');
      const good = await intakeBill(small.find((s) => s.name === 'generated.png')!.bytes, {
        name: 'good.png',
        pool,
      });
      expect(good.extraction.fields.accountNumber?.replace(/\D/g, '')).toBe('55210087');
    },
  );
});
