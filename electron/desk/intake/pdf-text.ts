// PDF reading with pdfjs-dist (legacy build: the modern one needs browser globals Node lacks).
// The text layer is turned into words with boxes in PDF points, origin top-left, so the
// extractor sees text-layer and OCR pages in one coordinate system.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageWords, Word } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { plainTypography } from '../../../shared/normalize/typography';

import { formFieldRuns } from './form-fields';
import { dropOverstrikes, joinSmallCaps, letterSpaced, type PlacedWord } from './styled-runs';
import { loadPdfJs, type PdfJs } from './pdfjs-load';
import { pageTurn, runAxis, turnField, turnPoint, turnedSize, type Turn } from './text-turn';
import { round2 } from './round';

export { loadPdfJs, loadPdfJsForOneShot } from './pdfjs-load';

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

function pdfjsAssetUrl(sub: string): string {
  const req = createRequire(import.meta.url);
  const root = path.dirname(req.resolve('pdfjs-dist/package.json'));
  return pathToFileURL(path.join(root, sub) + path.sep).href;
}

export interface OpenPdfOptions {
  /** Name used in error messages ("bill.pdf is password-protected…"). */
  name?: string;
}

/** Opens a PDF, turning pdfjs' exceptions into errors an agent can act on. */
export async function openPdf(data: Uint8Array, opts: OpenPdfOptions = {}): Promise<PdfDocument> {
  const name = opts.name ?? 'The PDF';
  // A cut-off download or e-mail attachment loses the end of the file; pdfjs would patch
  // together whatever pages survive, and the agent would never know part of the bill is gone.
  const tail = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    .subarray(Math.max(0, data.byteLength - 2048))
    .toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is truncated: the PDF stops before its end; ask for the file again`,
    );
  }
  const pdfjs = await loadPdfJs();
  // pdfjs transfers (detaches) the buffer it is given; hand it a copy so callers keep theirs.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: pdfjsAssetUrl('standard_fonts'),
    cMapUrl: pdfjsAssetUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: pdfjsAssetUrl('wasm'),
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e?.name === 'PasswordException') {
      throw new DeskError(
        'BAD_INPUT_FILE',
        `${name} is password-protected; ask the customer for an unlocked copy`,
      );
    }
    if (e?.name === 'InvalidPDFException') {
      throw new DeskError(
        'BAD_INPUT_FILE',
        `${name} is not a readable PDF (corrupt or truncated): ${e.message ?? 'invalid structure'}`,
      );
    }
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} could not be read as a PDF (${e?.message ?? String(err)})`,
    );
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(x: unknown): x is TextItemLike {
  return typeof (x as TextItemLike).str === 'string' && Array.isArray((x as TextItemLike).transform);
}

/**
 * Reads the text layer of one page as words. A text item is a run of glyphs; we split it at
 * spaces and give each word a share of the run's width proportional to its character count
 * (exact glyph widths are not exposed, and proportional boxes are good enough to outline).
 */
export async function pageTextWords(page: PdfPage, pageNumber: number): Promise<PageWords> {
  const pdfjs = await loadPdfJs();
  const viewport = page.getViewport({ scale: 1 });
  let content;
  try {
    content = await page.getTextContent();
  } catch (err) {
    // A damaged content stream ("Missing endstream command", a bad xref entry) surfaces here,
    // after the document itself opened; without this it reached the agent as an internal error.
    throw new DeskError(
      'BAD_INPUT_FILE',
      `The PDF is damaged: the text of page ${pageNumber} cannot be read (${(err as Error)?.message ?? String(err)}); ask for the file again`,
    );
  }
  // Each run in device space (top-left origin) with the axis it reads along; then the page is
  // turned so most of its text reads left to right (text-turn.ts says why).
  const runs: Array<{ item: TextItemLike; tx: number[]; axis: Turn | null }> = [];
  const charsByAxis: Record<Turn, number> = { 0: 0, 90: 0, 180: 0, 270: 0 };
  const items: TextItemLike[] = [];
  // a word processor's dashes, apostrophes, fixed spaces and ligatures read as the plain
  // characters the extractor's patterns know (typography.ts)
  for (const item of content.items)
    if (isTextItem(item)) items.push({ ...item, str: plainTypography(item.str) });
  // filled form fields show text the content does not hold (form-fields.ts)
  const fields = (await formFieldRuns(page, items)).map((f) => ({ ...f, str: plainTypography(f.str) }));
  for (const item of [...items, ...fields]) {
    if (!item.str.trim()) continue;
    const tx = pdfjs.Util.transform(viewport.transform, item.transform);
    const axis = runAxis(tx[0], tx[1]);
    if (axis !== null) charsByAxis[axis] += item.str.trim().length;
    runs.push({ item, tx, axis });
  }
  const turn = pageTurn(charsByAxis);
  const along = ((360 - turn) % 360) as Turn;
  // Each run placed along the page's lines first: a letter-spaced run is told by its neighbours.
  const placed: Array<{ item: TextItemLike; x: number; base: number; h: number; runW: number }> = [];
  for (const { item, tx, axis } of runs) {
    // Across the page's lines (a margin strip, a sideways stub): set aside. So is a slanted run,
    // a diagonal watermark ("ARCHIVE COPY" at 40°): laid flat where it started, its box was as
    // tall as its big type, and a line it crossed took the first word of a row into the
    // watermark's line ("(802)" of "(802) 555-0102", and the number was lost).
    if (axis !== along) continue;
    // tx maps glyph space into device space. Its column lengths are the font size along and
    // across the text direction, whatever way the run points.
    const fontH = Math.hypot(tx[2]!, tx[3]!) || item.height || 1;
    const scaleX = Math.hypot(tx[0]!, tx[1]!) || fontH;
    const fontScaleX = item.transform[0] ? scaleX / Math.hypot(item.transform[0], item.transform[1] ?? 0) : 1;
    const runW = item.width * (Number.isFinite(fontScaleX) ? fontScaleX : 1);
    const [x, base] = turnPoint(tx[4]!, tx[5]!, viewport.width, viewport.height, turn);
    placed.push({ item, x, base, h: fontH, runW });
  }
  const spaced = letterSpaced(
    placed.map((p) => ({ str: p.item.str, x0: p.x, x1: p.x + p.runW, base: p.base, h: p.h })),
  );
  const found: PlacedWord[] = [];
  placed.forEach(({ item, x, base, h, runW }, k) => {
    const chars = item.str.length;
    const at = (start: number, end: number, text: string): void => {
      found.push({
        text,
        x0: x + (runW * start) / chars,
        x1: x + (runW * end) / chars,
        base,
        h,
        item: k,
        opens: start === 0,
        closes: end === chars,
      });
    };
    // Letter-spaced words ("W I R E L E S S", "C t" after "I n d u s t r i a l") are one word to a reader.
    if (spaced[k]) {
      at(item.str.search(/\S/), item.str.trimEnd().length, item.str.replace(/\s+/g, ''));
      return;
    }
    const re = /\S+/g;
    for (let m = re.exec(item.str); m; m = re.exec(item.str)) at(m.index, m.index + m[0].length, m[0]);
  });
  // an overstruck bold string's extra strokes, then small caps' two sizes (styled-runs.ts)
  const words: Word[] = joinSmallCaps(dropOverstrikes(found)).map((w) => ({
    text: w.text,
    x0: round2(w.x0),
    y0: round2(w.base - w.h * 0.8),
    x1: round2(w.x1),
    y1: round2(w.base + w.h * 0.2),
    conf: 1,
  }));
  const size = turnedSize(viewport.width, viewport.height, turn);
  return {
    page: pageNumber,
    width: round2(size.width),
    height: round2(size.height),
    source: 'text',
    words,
    ...turnField(turn),
  };
}

/** Reads the text layer of every page (pages without text come back with no words). */
export async function pdfTextWords(data: Uint8Array, opts: OpenPdfOptions = {}): Promise<PageWords[]> {
  const doc = await openPdf(data, opts);
  try {
    const out: PageWords[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      out.push(await pageTextWords(page, i));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
