// One tesseract.js worker and the translation of its output into PageWords.
// tesseract.js runs the WASM engine in a worker_thread under Node, so recognise() never blocks
// the caller's event loop. Language data is read from @tesseract.js-data/eng on disk: the
// default would fetch it from a CDN, which fails offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageWords, Word } from '../../../shared/domain';
import { OCR_DPI } from './images';
import type { RawImage } from './render';

import type * as TesseractNs from 'tesseract.js';
import { round2 } from './round';

type Tesseract = typeof TesseractNs;
export type OcrWorker = Awaited<ReturnType<Tesseract['createWorker']>>;

const require = createRequire(import.meta.url);

/** Folder holding eng.traineddata.gz (the "best_int" LSTM model: accurate and integer-fast). */
export function engLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

export function osdLangPath(): string {
  const root = path.dirname(require.resolve('@tesseract.js-data/osd/package.json'));
  return path.join(root, '4.0.0_best_int');
}

/**
 * Our worker script (ocr-worker.cjs: tesseract.js's, loading the LSTM-only engine). Beside this
 * module in the sources; in the bundle, beside the entry points (scripts/build-electron.mjs copies
 * it there) while this module sits in a chunk folder below them. Without it tesseract.js's own
 * script is used: slower to start, same readings.
 */
export function ocrWorkerPath(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [here, path.dirname(here)]
    .map((dir) => path.join(dir, 'ocr-worker.cjs'))
    .find((file) => fs.existsSync(file));
}

export interface OcrParams {
  /** Page segmentation mode; 3 (auto) is right for bills with columns and tables. */
  psm?: string;
}

export async function createOcrWorker(params: OcrParams = {}): Promise<OcrWorker> {
  const tesseract = (await import('tesseract.js')).default as unknown as Tesseract;
  const workerPath = ocrWorkerPath();
  const worker = await tesseract.createWorker('eng', 1 /* OEM.LSTM_ONLY */, {
    ...(workerPath ? { workerPath } : {}),
    langPath: engLangPath(),
    gzip: true,
    cacheMethod: 'none',
    // Errors are surfaced through the rejected promise; the default handler would also throw
    // an uncaught exception from the worker's message handler.
    errorHandler: () => undefined,
  });
  await worker.setParameters({
    tessedit_pageseg_mode: (params.psm ?? '3') as TesseractNs.PSM,
    // Words and boxes come from the TSV; skip building the text/hOCR we never read.
    preserve_interword_spaces: '0',
    // We always hand over images at OCR_DPI; saying so skips tesseract's guess (and its log line).
    user_defined_dpi: String(OCR_DPI),
    // Tesseract's own notes ("Detected 24 diacritics", layout statistics) went to the process's
    // stderr, where a CLI user or a script reading it takes them for the desk's errors.
    debug_file: '/dev/null',
  });
  return worker;
}

/**
 * Encodes 8-bit grey or RGB pixels as PNM (PGM/PPM). Leptonica reads PNM without decompression,
 * which is far cheaper than PNG and lossless unlike JPEG.
 */
export function toPnm(img: RawImage): Buffer {
  let data = img.data;
  let channels = img.channels;
  if (channels === 4) {
    // Drop alpha: PNM has no alpha channel.
    const rgb = Buffer.allocUnsafe(img.width * img.height * 3);
    for (let i = 0, j = 0; i < data.length; i += 4, j += 3) {
      rgb[j] = data[i]!;
      rgb[j + 1] = data[i + 1]!;
      rgb[j + 2] = data[i + 2]!;
    }
    data = rgb;
    channels = 3;
  }
  const header = Buffer.from(`${channels === 1 ? 'P5' : 'P6'}\n${img.width} ${img.height}\n255\n`, 'ascii');
  return Buffer.concat([header, data.subarray(0, img.width * img.height * channels)]);
}

/** Parses tesseract's TSV (level 5 rows are words) into words scaled by `scale` (px -> points). */
export function tsvToWords(
  tsv: string,
  scale: number,
  origin: { x: number; y: number } = { x: 0, y: 0 },
): Word[] {
  const words: Word[] = [];
  for (const line of tsv.split('\n')) {
    if (!line.startsWith('5\t')) continue;
    const cols = line.split('\t');
    if (cols.length < 12) continue;
    const text = cols.slice(11).join('\t').trim();
    if (!text) continue;
    const left = Number(cols[6]);
    const top = Number(cols[7]);
    const w = Number(cols[8]);
    const h = Number(cols[9]);
    const conf = Number(cols[10]);
    if (degenerate(text, w, h)) continue;
    words.push({
      text,
      x0: round2(origin.x + left * scale),
      y0: round2(origin.y + top * scale),
      x1: round2(origin.x + (left + w) * scale),
      y1: round2(origin.y + (top + h) * scale),
      conf: Math.max(0, Math.min(1, conf / 100)),
    });
  }
  return words;
}

/**
 * A word whose box cannot hold its letters: tesseract now and then reports a fragment of a word
 * it also read whole, in a box a pixel or three across ("Mill ill Drive Dri" on a photo, the
 * "ill" and "Dri" 1 pt square beside the real words). Kept, it split the street line, and the
 * service address was lost. No letters print under 4 pixels tall at the resolutions we read.
 * Nor in a box flatter than a quarter of a letter's width: a rule under a caption, read as a
 * word at confidence 0 ("Riess", 47 pt by 1.2 pt, in an enlarged second look where it was 7 px
 * tall), was taken for the account name below "Name".
 */
function degenerate(text: string, w: number, h: number): boolean {
  const letters = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  return letters >= 2 && (h < 4 || w < letters || 4 * h < w / letters);
}

/**
 * OCRs one prepared image. `scale` maps image pixels to the page unit (points), `width`/`height`
 * are the page size in that unit.
 */
export async function ocrPage(
  worker: OcrWorker,
  image: Buffer,
  page: { page: number; width: number; height: number; scale: number },
): Promise<PageWords> {
  const res = await worker.recognize(image, {}, { text: false, blocks: false, tsv: true, hocr: false });
  const tsv = (res.data as unknown as { tsv?: string }).tsv ?? '';
  return {
    page: page.page,
    width: round2(page.width),
    height: round2(page.height),
    source: 'ocr',
    words: tsvToWords(tsv, page.scale),
  };
}
