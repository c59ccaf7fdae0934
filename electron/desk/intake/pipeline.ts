// From a bill file to words with boxes: text layer first, OCR only for pages without text.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PageWords } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { MAX_INPUT_PIXELS, OCR_DPI, loadSharp, prepareForOcr, type PreparedImage } from './images';
import { toPnm, tsvToWords } from './ocr';
import { sharedOcrPool, type OcrPool } from './ocr-pool';
import { openPdf, pageTextWords } from './pdf-text';
import { renderPdfPage, scanDpi, type RawImage } from './render';
import { LIMITS, checkPages, checkPixels, headerDimensions, sniffKind, type BillKind } from './sniff';

export type IntakeStage = 'read' | 'ocr' | 'extract' | 'store';

export interface IntakeProgress {
  stage: IntakeStage;
  done: number;
  total: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: IntakeProgress) => void;
  /** Name for messages ("bill.pdf is password-protected…"). Defaults to the path's basename. */
  name?: string;
  pool?: OcrPool;
}

/** How the bill reached us, as far as we can tell: drives the preview and the benchmark. */
export type RenditionHint = 'text-pdf' | 'scan-pdf' | 'mixed-pdf' | 'image';

export interface BillWords {
  kind: BillKind;
  pages: PageWords[];
  renditionHint: RenditionHint;
  /** Non-fatal observations for the agent ("page 2 was upside down and was turned"). */
  warnings: string[];
}

/** A page has a usable text layer when it has a few real words. */
const MIN_TEXT_WORDS = 3;

export async function readBillWords(input: Uint8Array | string, opts: ReadOptions = {}): Promise<BillWords> {
  const name = opts.name ?? (typeof input === 'string' ? path.basename(input) : 'The file');
  const bytes = typeof input === 'string' ? await readFileChecked(input, name) : input;
  const kind = sniffKind(bytes, name);
  opts.signal?.throwIfAborted();
  if (kind === 'pdf') return readPdf(bytes, name, opts);
  return readImage(bytes, kind, name, opts);
}

async function readFileChecked(file: string, name: string): Promise<Uint8Array> {
  let st;
  try {
    st = await fs.stat(file);
  } catch {
    throw new DeskError('BAD_INPUT_FILE', `${name} was not found`);
  }
  if (!st.isFile()) throw new DeskError('BAD_INPUT_FILE', `${name} is not a file`);
  if (st.size > LIMITS.maxBytes) {
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${Math.round(st.size / 1048576)} MB; the desk accepts bills of at most ${LIMITS.maxBytes / 1048576} MB`,
    );
  }
  return fs.readFile(file);
}

interface OcrTask {
  page: number;
  widthPt: number;
  heightPt: number;
  prepare: () => Promise<PreparedImage>;
}

async function readPdf(bytes: Uint8Array, name: string, opts: ReadOptions): Promise<BillWords> {
  const doc = await openPdf(bytes, { name });
  try {
    checkPages(doc.numPages, name);
    const pages: PageWords[] = [];
    const tasks: OcrTask[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      opts.signal?.throwIfAborted();
      let page;
      try {
        page = await doc.getPage(i);
      } catch (err) {
        throw new DeskError(
          'BAD_INPUT_FILE',
          `${name} is damaged: page ${i} cannot be read (${(err as Error).message})`,
        );
      }
      const words = await pageTextWords(page, i);
      if (words.words.length >= MIN_TEXT_WORDS) {
        pages.push(words);
        page.cleanup();
      } else {
        const p = page;
        tasks.push({
          page: i,
          widthPt: words.width,
          heightPt: words.height,
          prepare: async () => {
            const native = await scanDpi(p, OCR_DPI);
            // Render at the scan's own resolution or the OCR resolution, whichever is finer:
            // small type in a 200 dpi scan reads far better upsampled to ~300 dpi.
            const dpi = Math.min(Math.max(native, OCR_DPI), 400);
            const { image } = await renderPdfPage(p, dpi);
            checkPixels(image.width, image.height, `Page ${i} of ${name}`);
            const prepared = await prepareForOcr(image, { scale: 1, pointsPerSourcePixel: 72 / dpi });
            p.cleanup();
            return prepared;
          },
        });
      }
      opts.onProgress?.({ stage: 'read', done: i, total: doc.numPages });
    }
    const ocred = await ocrTasks(tasks, opts);
    const all = [...pages, ...ocred].sort((a, b) => a.page - b.page);
    const renditionHint: RenditionHint =
      tasks.length === 0 ? 'text-pdf' : pages.length === 0 ? 'scan-pdf' : 'mixed-pdf';
    return { kind: 'pdf', pages: all, renditionHint, warnings: [] };
  } finally {
    await doc.destroy();
  }
}

async function readImage(
  bytes: Uint8Array,
  kind: BillKind,
  name: string,
  opts: ReadOptions,
): Promise<BillWords> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = headerDimensions(bytes, kind);
  if (dims) checkPixels(dims.width, dims.height, name);
  const sharp = await loadSharp();
  let source: Buffer | RawImage = buf;
  let pageCount = 1;
  let width: number;
  let height: number;
  let density: number | undefined;
  if (kind === 'heic') {
    const raw = await decodeHeic(buf, name);
    source = raw;
    width = raw.width;
    height = raw.height;
  } else {
    let meta;
    try {
      meta = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    } catch (err) {
      throw imageError(err, name);
    }
    width = meta.width ?? 0;
    height = meta.height ?? 0;
    checkPixels(width, height, name);
    if ((meta.orientation ?? 1) >= 5) [width, height] = [height, width];
    pageCount = kind === 'tiff' ? (meta.pages ?? 1) : 1;
    density = meta.density && meta.density >= 100 && meta.density <= 1200 ? meta.density : undefined;
    checkPages(pageCount, name);
  }
  const tasks: OcrTask[] = [];
  for (let i = 0; i < pageCount; i++) {
    const page = i;
    // Without a trustworthy density, assume the picture spans a letter-width page.
    const dpi = density ?? Math.max(72, width / 8.5);
    const ptsPerPx = 72 / dpi;
    const scale = Math.min(2.5, Math.max(1, OCR_DPI / dpi));
    tasks.push({
      page: i + 1,
      widthPt: width * ptsPerPx,
      heightPt: height * ptsPerPx,
      prepare: async () => {
        try {
          return await prepareForOcr(source, {
            scale,
            pointsPerSourcePixel: ptsPerPx,
            autoOrient: kind !== 'heic',
            ...(kind === 'tiff' ? { page } : {}),
          });
        } catch (err) {
          throw imageError(err, name);
        }
      },
    });
  }
  const pages = await ocrTasks(tasks, opts);
  return { kind, pages, renditionHint: 'image', warnings: [] };
}

function imageError(err: unknown, name: string): DeskError {
  if (err instanceof DeskError) return err;
  const msg = (err as Error)?.message ?? String(err);
  if (/pixel limit/i.test(msg)) {
    return new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is larger than ${MAX_INPUT_PIXELS / 1e6} MP; the desk will not decode it`,
    );
  }
  return new DeskError('BAD_INPUT_FILE', `${name} is a damaged or truncated image (${msg.split('\n')[0]})`);
}

async function decodeHeic(buf: Buffer, name: string): Promise<RawImage> {
  try {
    const mod = (await import('heic-decode')) as unknown as {
      default: (o: { buffer: Buffer }) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
    };
    const img = await mod.default({ buffer: buf });
    checkPixels(img.width, img.height, name);
    return {
      data: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength),
      width: img.width,
      height: img.height,
      channels: 4,
    };
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is a HEIC photo that cannot be decoded (${(err as Error).message})`,
    );
  }
}

/**
 * OCRs pages in parallel across the pool while preparing at most pool-size + 1 images ahead,
 * so a 50-page scan never holds 50 rasters in memory.
 */
async function ocrTasks(tasks: OcrTask[], opts: ReadOptions): Promise<PageWords[]> {
  if (tasks.length === 0) return [];
  const pool = opts.pool ?? sharedOcrPool();
  const results: PageWords[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  opts.onProgress?.({ stage: 'ocr', done: 0, total: tasks.length });
  const lanes = Math.min(tasks.length, pool.size);
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const idx = next++;
      const task = tasks[idx]!;
      opts.signal?.throwIfAborted();
      const img = await task.prepare();
      const pnm = toPnm(img);
      const tsv = await pool.recognizeTsv(pnm, opts.signal ? { signal: opts.signal } : {});
      results[idx] = {
        page: task.page,
        width: round2(task.widthPt),
        height: round2(task.heightPt),
        source: 'ocr',
        words: tsvToWords(tsv, img.pointsPerPixel),
      };
      done++;
      opts.onProgress?.({ stage: 'ocr', done, total: tasks.length });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
