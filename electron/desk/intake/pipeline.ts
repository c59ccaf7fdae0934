// From a bill file to words with boxes: text layer first, OCR only for pages without text.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PageWords, Word } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { inBand } from './bands';
import { decodeHeic } from './heic';
import {
  MAX_INPUT_PIXELS,
  OCR_DPI,
  SCAN_DPI,
  loadSharp,
  screenShaped,
  turnHalf,
  type PreparedImage,
  type PrepareOptions,
} from './images';
import { toPnm, tsvToWords } from './ocr';
import { prepareOffThread, warmPrepareThread } from './prepare-thread';
import {
  inkBesideOn,
  KEPT_PAGES,
  lookAgainOn,
  type InkBeside,
  type KeptPage,
  type LookAgain,
} from './look-again';
import { keptBy, MARGIN, meanConf, overlaps, secondLooks, WEAK } from './reread';
import { jobCost, pageStrips, stripCount, type Strip } from './strips';
import { sharedOcrPool, type OcrJobOptions, type OcrPool } from './ocr-pool';
import { openPdf, pageTextWords, type PdfPage } from './pdf-text';
import { hasScanSizedPicture, pagePaint, pageScanPicture, renderPdfPage, type RawImage } from './render';
import { scanJpegFinder, type ScanJpegFinder } from './scan-jpeg';
import { readGlyphPages, type GlyphPage, type GlyphReading } from './glyph-pages';
import { pageGlyphs } from './glyph-runs';
import { textLegible } from './text-legible';
import { LIMITS, checkPages, checkPixels, headerDimensions, sniffKind, type BillKind } from './sniff';
import { round2 } from './round';

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
  /**
   * Keep the pictures of the first pages read by OCR, so that `look` can read a region again
   * (the places a learned carrier prints its fields). Off by default: they cost memory.
   */
  keepPictures?: boolean;
}

/** How the bill reached us, as far as we can tell: drives the preview and the benchmark. */
export type RenditionHint = 'text-pdf' | 'scan-pdf' | 'mixed-pdf' | 'image';

export interface BillWords {
  kind: BillKind;
  pages: PageWords[];
  renditionHint: RenditionHint;
  /** Non-fatal observations for the agent ("page 2 was upside down and was turned"). */
  warnings: string[];
  /**
   * Pages read from a flattened photo (by page number): their words lie on the flat sheet, and
   * this takes them onto the photo the viewer shows (views.ts).
   */
  views?: Record<number, PageView>;
  /** Reads a region of a page again, enlarged (with `keepPictures`, on OCR pages only). */
  look?: LookAgain;
  /** Finds print no word covers after a line's words (with `keepPictures`, on OCR pages only). */
  inkBeside?: InkBeside;
}

/** The second looks a bill's kept page pictures allow (none when no picture was kept). */
function lookTools(
  opts: ReadOptions,
  kept: ReadonlyMap<number, KeptPage> | undefined,
): Pick<BillWords, 'look' | 'inkBeside'> {
  return kept?.size
    ? { look: lookAgainOn(opts.pool ?? sharedOcrPool(), kept), inkBeside: inkBesideOn(kept) }
    : {};
}

/** The photo a flattened sheet came from, as the viewer shows it, and where a sheet point lies on it. */
export interface PageView {
  width: number;
  height: number;
  toView: (x: number, y: number) => { x: number; y: number };
}

/** A page has a usable text layer when it has a few real words. */
const MIN_TEXT_WORDS = 3;
/**
 * Fewer words than this over a picture that covers most of the page are a stamp on a scan (a fax
 * service's "Received … From …" line, an annotator's note), not the bill: the page is read by
 * OCR and keeps those words beside what OCR reads. A text bill's page has far more.
 */
const STAMP_WORDS = 40;
const SCAN_COVERAGE = 0.5;
/** Share of a page's text shows that must be invisible for its text layer to be an OCR layer. */
const INVISIBLE_SHARE = 0.9;
/**
 * Path coordinates from which a page's drawing is type turned to outlines, not rules and a logo
 * (render.ts, pagePaint.pathCoords): a text page measured under 3,000, an outlined one 70,000+.
 */
const OUTLINED_TYPE = 20_000;

/**
 * How a page with a text layer is read: by its text; by OCR of its picture keeping the few
 * words of text beside what OCR reads (a stamp on a scan); or by OCR alone. A picture covering
 * the page under text that is all invisible is a scan with someone else's OCR laid under it
 * (render.ts, pagePaint): the desk reads the picture itself. A layer of glyph ids, not characters
 * (text-legible.ts), is read as a picture too, and so is type drawn as outlines under a stamp.
 */
async function textLayerUse(
  page: PdfPage,
  words: PageWords,
  scanSized: () => boolean,
): Promise<'text' | 'stamp' | 'ocr' | 'glyphs'> {
  const n = words.words.length;
  if (n < MIN_TEXT_WORDS) return 'ocr';
  // Fonts without a ToUnicode map: the layer is glyph ids, the page is read as a picture.
  if (!textLegible(words)) return 'glyphs';
  // A page of text in a file with no scan-sized picture anywhere: nothing to look under.
  if (n >= STAMP_WORDS && !scanSized()) return 'text';
  const paint = await pagePaint(page);
  // A few words of real text over type drawn as outlines (an annotator's "PAID" stamp on a print
  // driver's PDF): the bill is in the drawing, read as a picture beside those words.
  if (n < STAMP_WORDS && paint.pathCoords >= OUTLINED_TYPE) return 'stamp';
  if (paint.coverage < SCAN_COVERAGE) return 'text';
  if (paint.shows > 0 && paint.invisibleShows >= INVISIBLE_SHARE * paint.shows) return 'ocr';
  return n < STAMP_WORDS ? 'stamp' : 'text';
}

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

/** What a reading has shown of how a page lies, overriding the preparation's guess from the ink. */
type PageLie = Pick<PrepareOptions, 'sideways'>;

interface OcrTask {
  page: number;
  /** Real text drawn over the page's scan, kept beside what OCR reads. */
  text?: PageWords;
  /** The page prepared for reading; `sideways` overrides the guess of whether it lies on its side. */
  prepare: (over?: PageLie) => Promise<PreparedImage>;
}

async function readPdf(bytes: Uint8Array, name: string, opts: ReadOptions): Promise<BillWords> {
  const doc = await openPdf(bytes, { name });
  try {
    checkPages(doc.numPages, name);
    const pages: PageWords[] = [];
    const tasks: OcrTask[] = [];
    const jpegOf = scanJpegFinder(bytes);
    let sized: boolean | undefined;
    const glyphPages: number[] = [];
    /** Glyph-id pages read from their glyphs, and the OCR each may need on the way. */
    const glyphEntries: GlyphPage[] = [];
    const glyphTasks = new Map<number, OcrTask>();
    const scanSized = (): boolean => (sized ??= hasScanSizedPicture(bytes));
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
      const use = await textLayerUse(page, words, scanSized);
      if (use === 'glyphs') glyphPages.push(i);
      // A layer of glyph ids laid out upright is read from its glyphs (glyph-pages.ts), with
      // OCR of the page only while codes stay undecided.
      const glyphs = use === 'glyphs' ? await pageGlyphs(page) : null;
      const stamped = use === 'stamp';
      if (use === 'text') {
        pages.push(words);
        page.cleanup();
      } else {
        const p = page;
        // The first page that needs OCR: start the engines now, so their start-up (~0.4 s)
        // overlaps reading the rest and preparing this page instead of following it.
        // A scanned page is shared between engines when there are more engines than pages, so
        // a one-page scan warms them all.
        if (tasks.length === 0 && glyphTasks.size === 0) warmEarly(opts, Number.POSITIVE_INFINITY);
        const task: OcrTask = {
          page: i,
          ...(stamped ? { text: words } : {}),
          prepare: async (over) => {
            const prepared = await preparePdfPage(
              p,
              p.getViewport({ scale: 1 }).width,
              `Page ${i} of ${name}`,
              {
                jpegOf,
                over,
                glyphs: use === 'glyphs',
              },
            );
            p.cleanup();
            return prepared;
          },
        };
        if (glyphs?.length) {
          glyphTasks.set(i, task);
          const v = p.getViewport({ scale: 1 });
          glyphEntries.push({ page: i, width: round2(v.width), height: round2(v.height), glyphs });
        } else {
          tasks.push(task);
        }
      }
      opts.onProgress?.({ stage: 'read', done: i, total: doc.numPages });
    }
    const warnings: string[] = [];
    const kept =
      opts.keepPictures && (tasks.length || glyphTasks.size) ? new Map<number, KeptPage>() : undefined;
    const how = new Map<number, GlyphReading>();
    if (glyphEntries.length) {
      const ocrWarnings: string[] = [];
      const ocrKept = new Map<number, KeptPage>();
      const read = await readGlyphPages(glyphEntries, (ns) =>
        ocrTasks(
          ns.map((n) => glyphTasks.get(n)!),
          opts,
          ocrWarnings,
          {},
          kept && ocrKept,
        ),
      );
      for (const [n, h] of read.how) how.set(n, h);
      const pictured = (n: number): boolean => how.get(n) === 'ocr';
      // (what OCR said of a page read from its glyphs, "page 2 was on its side", is not for the agent)
      for (const w of ocrWarnings) {
        const n = /^Page (\d+) /.exec(w)?.[1];
        if (n === undefined || pictured(Number(n))) warnings.push(w);
      }
      for (const [n, k] of ocrKept) if (kept && pictured(n)) kept.set(n, k);
      pages.push(...read.pages);
    }
    if (glyphPages.length) warnings.push(glyphsWarning(glyphPages, doc.numPages, how));
    const ocred = await ocrTasks(tasks, opts, warnings, {}, kept);
    const all = [...pages, ...ocred].sort((a, b) => a.page - b.page);
    const pictures = tasks.length + [...how.values()].filter((h) => h === 'ocr').length;
    const renditionHint: RenditionHint =
      pictures === 0 ? 'text-pdf' : pictures === all.length ? 'scan-pdf' : 'mixed-pdf';
    return {
      kind: 'pdf',
      pages: all,
      renditionHint,
      warnings,
      ...lookTools(opts, kept),
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * Says that the PDF's text cannot be copied (still true for the agent, whatever the desk made of
 * it), how its pages were read, and which values want checking as a scan's would.
 */
function glyphsWarning(pages: number[], total: number, how: ReadonlyMap<number, GlyphReading>): string {
  const named = (ps: number[]): string =>
    ps.length === total
      ? `its page${ps.length > 1 ? 's' : ''}`
      : `page${ps.length > 1 ? 's' : ''} ${ps.join(', ')}`;
  const pictures = pages.filter((p) => (how.get(p) ?? 'ocr') === 'ocr');
  const decoded = pages.filter((p) => how.get(p) === 'decoded');
  const patched = pages.filter((p) => how.get(p) === 'patched');
  const parts: string[] = [];
  if (decoded.length || patched.length) {
    const ps = [...decoded, ...patched].sort((a, b) => a - b);
    parts.push(
      `${named(ps)} ${ps.length > 1 ? 'were' : 'was'} read by matching its glyphs to the characters they draw`,
    );
  }
  if (patched.length)
    parts.push(
      `a few words on ${named(patched)} were read from the picture: check them as you would a scan's`,
    );
  if (pictures.length) {
    parts.push(
      `${named(pictures)} ${pictures.length > 1 ? 'were read as pictures' : 'was read as a picture'}: check the values as you would a scan's`,
    );
  }
  return (
    `The text of this PDF cannot be copied as characters (its fonts carry no character map); ` +
    parts.join('; ')
  );
}

/** How a PDF page is to be prepared for OCR, besides the page itself. */
export interface PreparePageOptions {
  /** Finds a plain scan's JPEG, to decode it with sharp. */
  jpegOf?: ScanJpegFinder;
  /** What a reading has shown of how the page lies. */
  over?: PageLie;
  /**
   * The page's text is glyph ids read with OCR's votes (glyph-pages.ts): drawn at SCAN_DPI, the
   * resolution that decoding was measured at, not at VECTOR_DPI.
   */
  glyphs?: boolean;
}

/**
 * A PDF page without text, prepared for OCR: a plain scan from its own pixels, anything else
 * rendered. `widthPt` is the page's width in points; `label` names the page in messages.
 */
export async function preparePdfPage(
  page: PdfPage,
  widthPt: number,
  label: string,
  { jpegOf, over, glyphs }: PreparePageOptions = {},
): Promise<PreparedImage> {
  // The plainest scans: their JPEG decoded by sharp, before pdfjs would decode it in JS.
  const scan = await jpegOf?.(page.pageNumber - 1, page.view);
  if (scan) {
    const dpi = readingDpi(scan.dpi);
    checkPixels(scan.width, scan.height, label);
    try {
      const sharp = await loadSharp();
      const meta = await sharp(scan.jpeg, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      // The JPEG's own size must agree with what the PDF says it is; otherwise pdfjs decides.
      if (meta.width === scan.width && meta.height === scan.height) {
        return await prepareOffThread(scan.jpeg, {
          scale: dpi / scan.dpi,
          pointsPerSourcePixel: widthPt / scan.width,
          detectSideways: true,
          ...over,
        });
      }
    } catch {
      // A JPEG sharp will not decode goes the pdfjs way, which reports what is wrong with it.
    }
  }
  const picture = await pageScanPicture(page);
  const native = picture?.dpi ?? (await ownDpi(page, glyphs));
  const dpi = readingDpi(native);
  const { image, scale, pointsPerSourcePixel } = picture
    ? { image: picture.image, scale: dpi / native, pointsPerSourcePixel: widthPt / picture.image.width }
    : { image: (await renderPdfPage(page, dpi)).image, scale: 1, pointsPerSourcePixel: 72 / dpi };
  checkPixels(image.width, image.height, label);
  return prepareOffThread(image, { scale, pointsPerSourcePixel, detectSideways: true, ...over });
}

/**
 * The resolution a page without a plain scan picture has of its own: its largest raster's (a scan
 * in strips, a glyph-id page over one), or VECTOR_DPI when it draws type with no scan under it.
 */
async function ownDpi(page: PdfPage, glyphs = false): Promise<number> {
  const paint = await pagePaint(page);
  return glyphs || paint.pictured >= SCAN_COVERAGE ? paint.rasterDpi || SCAN_DPI : VECTOR_DPI;
}

/**
 * A page of vector type with no scan under it (text turned to outlines by a print driver or a
 * design tool, so no text layer) has no resolution of its own: it is drawn finer than a scan.
 * At SCAN_DPI its 7-8 pt type lost letters ("Orchard Court" read "Orchard Gourt", a 9 read as a 0):
 * 8 outlined bills of seed 11622 missed 8 fields and 13 numbers at 200 dpi, 1 field at 250 and at
 * 300. A 7-page outlined bill took 17.6 s and 488 MB at 200, 19.1 s and 548 MB at 250, 26.1 s and
 * 621 MB at 300 (over the 600 MB a desk machine is allowed). 46 outlined bills of seed 11624 at
 * 250: 98.7% of fields, numbers R 100%; of its two misses, 300 reads one field more (a BTN digit).
 */
const VECTOR_DPI = 250;

/**
 * A scanned page is read at its own resolution, but never coarser than SCAN_DPI (a 150 dpi fax
 * is enlarged) nor finer than 400 (a 600 dpi scan only costs time).
 */
function readingDpi(native: number): number {
  return Math.min(Math.max(native, SCAN_DPI), 400);
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
  // A photo's sheet, once flattened, is shared between engines like a scanned page.
  warmEarly(opts, Number.POSITIVE_INFINITY);
  for (let i = 0; i < pageCount; i++) {
    const page = i;
    // Without a trustworthy density, assume the picture spans a letter-width page; a phone's
    // screenshot (see screenShaped) is read at its own size.
    const dpi = density ?? (screenShaped(width, height) ? OCR_DPI : Math.max(72, width / 8.5));
    const ptsPerPx = 72 / dpi;
    const scale = Math.min(2.5, Math.max(1, OCR_DPI / dpi));
    tasks.push({
      page: i + 1,
      prepare: async (over) => {
        try {
          return await prepareOffThread(source, {
            scale,
            pointsPerSourcePixel: ptsPerPx,
            autoOrient: kind !== 'heic',
            findPaper: true,
            detectSideways: true,
            ...(kind === 'tiff' ? { page } : {}),
            ...over,
          });
        } catch (err) {
          throw imageError(err, name);
        }
      },
    });
  }
  const warnings: string[] = [];
  const views: Record<number, PageView> = {};
  const kept = opts.keepPictures ? new Map<number, KeptPage>() : undefined;
  const pages = await ocrTasks(tasks, opts, warnings, views, kept);
  return {
    kind,
    pages,
    renditionHint: 'image',
    warnings,
    ...(Object.keys(views).length ? { views } : {}),
    ...lookTools(opts, kept),
  };
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

/** A page's reading: its words, its first reading's words, and the strips not yet looked at again. */
interface PageRead {
  words: Word[];
  /** The words as first read, before any second look: what says whether the page is upright. */
  first: Word[];
  /** Strips whose second looks were left for when the page is known to be upright. */
  unlooked: Strip[];
}

/**
 * Reads a prepared page. With engines to spare (`parts` > 1), the page is cut into overlapping
 * strips of about equal cost (strips.ts), read at once: a one-page bill would otherwise leave
 * all but one core waiting. Tesseract lays out a strip on its own and now and then drops a
 * line it reads on the whole page; the missed-ink look reads such lines back.
 *
 * Each strip takes its second looks (reread.ts) as soon as it is read, on the engine it frees,
 * while the other strips are still being read: done after the whole page, they were a tail of
 * 50-280 ms in which one engine often stood idle. A strip whose print does not look upright
 * leaves its looks for later: if the page is upside down they would be wasted on noise.
 */
async function ocrWords(
  pool: OcrPool,
  img: PreparedImage,
  job: OcrJobOptions,
  parts = 1,
  ahead: number[] = [],
): Promise<PageRead> {
  const k = img.pointsPerPixel;
  const strips = pageStrips(img, parts, ahead);
  const reads = await Promise.all(
    strips.map(async (strip) => {
      const { top, end } = strip;
      const data = img.data.subarray(top * img.width, end * img.width);
      const tsv = await pool.recognizeTsv(
        toPnm({ data, width: img.width, height: end - top, channels: 1 }),
        job,
      );
      const all = tsvToWords(tsv, k, { x: img.originPt.x, y: img.originPt.y + top * k });
      // Words are kept by their centre: the overlap past the cut belongs to the next strip.
      const keep = keptBy(img, strip);
      const first = all.filter(keep);
      if (!looksUpright(first)) return { strip, first, words: first, added: [] as Word[], looked: false };
      // The words the strip read in its overlap mark their ink as read, then go.
      const after = await secondLooks(pool, img, all, job, { region: strip });
      const read = new Set(all);
      return {
        strip,
        first,
        words: after.filter((w) => !read.has(w) || keep(w)),
        added: after.filter((w) => !read.has(w)),
        looked: true,
      };
    }),
  );
  // A line lying across a cut can be read back by one strip's look and kept by the other strip.
  const words: Word[] = [];
  for (const r of reads) {
    const added = new Set(r.added);
    const others = reads.filter((o) => o !== r).flatMap((o) => o.words);
    for (const w of r.words) if (!added.has(w) || !others.some((o) => overlaps(o, w))) words.push(w);
  }
  return {
    words,
    first: reads.flatMap((r) => r.first),
    unlooked: reads.filter((r) => !r.looked).map((r) => r.strip),
  };
}

/**
 * Reads each light-on-dark band from its own crop (they are blanked in the page image), on
 * whichever engine is free: the crops do not depend on the page's own reading. As sparse text
 * (PSM 11): a band holds a logo and a few short fields, and laid out as a page its big logo
 * letters joined the small print beside them into one line that read "Apr 18, 2025" as
 * "por 18 2035" (a flattened photo's header). Sparse reading has its own failure: a long band
 * scanned at a slant, its inverted edges left as thin rules above and below the print, read
 * "ACCOUNT NO. 7605-463475-006 … INVOICE DATE 11/28/2024" as "To05-465 HSS … BATE 1128/2024"
 * (confidence 0) where a block reading (PSM 6) read it all. So a band with a weak word is read
 * again as a block, and the surer reading (mean confidence per character) is kept.
 */
export async function readBands(pool: OcrPool, img: PreparedImage, job: OcrJobOptions): Promise<Word[]> {
  const bands = img.bands;
  if (!bands) return [];
  const k = img.pointsPerPixel;
  const read = await Promise.all(
    bands.crops.map(async ({ rect, data }) => {
      const origin = { x: img.originPt.x + rect.left * k, y: img.originPt.y + rect.top * k };
      const readAs = async (psm: string): Promise<Word[]> => {
        const tsv = await pool.recognizeTsv(
          toPnm({ data, width: rect.width, height: rect.height, channels: 1 }),
          { ...job, psm },
        );
        return tsvToWords(tsv, k, origin).filter((w) => inBandCell(img, w));
      };
      try {
        const sparse = await readAs('11');
        // (a band sparse reading found nothing in is read as a block too: on a photographed
        // reprint, "ACCOUNT # … INVOICE DATE 05/02/2024" in its header band came back empty
        // as sparse text and whole as a block, and the bill date was lost)
        if (sparse.length && !sparse.some(weakWord)) return sparse;
        const block = await readAs('6');
        return meanConf(block) >= meanConf(sparse) + MARGIN ? block : sparse;
      } catch (err) {
        // A band that cannot be read costs its own words, never the page's.
        if (err instanceof DeskError) throw err;
        return [];
      }
    }),
  );
  return read.flat();
}

/** A word of three letters or digits read unsure: worth a second reading of its band. */
function weakWord(w: Word): boolean {
  return w.conf < WEAK && /[0-9A-Za-z]{3}/.test(w.text);
}

/** Whether a word's centre lies in one of the page's light-on-dark band cells. */
function inBandCell(img: PreparedImage, w: Word): boolean {
  const k = img.pointsPerPixel;
  return (
    !!img.bands &&
    inBand(
      img.bands.cells,
      ((w.x0 + w.x1) / 2 - img.originPt.x) / k,
      ((w.y0 + w.y1) / 2 - img.originPt.y) / k,
    )
  );
}

/** Confident words of three or more letters/digits: plentiful on an upright page of print. */
function uprightScore(words: Word[]): number {
  let s = 0;
  for (const w of words) if (w.conf >= 0.7 && /[A-Za-z0-9]{3,}/.test(w.text)) s += w.conf;
  return s;
}

/**
 * Most words of four letters or more stand taller than wide: the print runs up or down the
 * picture as it was read. Upright, such a word is always wider than tall; a line printed up a
 * margin is a few words among many.
 */
export function runsUpAndDown(words: Word[]): boolean {
  let long = 0;
  let tall = 0;
  for (const w of words) {
    if (w.conf < 0.5 || w.text.replace(/[^A-Za-z0-9]/g, '').length < 4) continue;
    long++;
    if (w.y1 - w.y0 > 1.5 * (w.x1 - w.x0)) tall++;
  }
  return long >= 8 && tall >= 0.6 * long;
}

/**
 * How a prepared page is read. A sheet photographed on a table: light falls unevenly across it
 * and print is grey on off-white, so it gets local (Sauvola) binarisation instead of one threshold.
 */
function jobFor(img: PreparedImage, signal: AbortSignal | undefined) {
  return {
    ...(signal ? { signal } : {}),
    threshold: img.cropped || img.framed ? ('sauvola' as const) : ('otsu' as const),
    dpi: Math.round(72 / img.pointsPerPixel),
  };
}

function looksUpright(words: Word[]): boolean {
  const score = uprightScore(words);
  const mean = words.length ? words.reduce((a, w) => a + w.conf, 0) / words.length : 0;
  return score >= 12 && mean >= 0.7;
}

/**
 * Starts as many engines as the bill may use (each costs ~0.4 s and ~40 MB; a page is shared
 * between the idle ones), and the thread that prepares the pages, while the first is opened.
 */
function warmEarly(opts: ReadOptions, engines: number): void {
  const pool = opts.pool ?? sharedOcrPool();
  // A failure to start shows up, with its message, on the first recognise.
  pool.warm(Math.max(1, Math.min(pool.size, engines))).catch(() => undefined);
  warmPrepareThread();
}

/**
 * OCRs pages in parallel across the pool, one lane per engine; each lane prepares its next page
 * only when it is free, so a 50-page scan never holds 50 rasters in memory.
 */
async function ocrTasks(
  tasks: OcrTask[],
  opts: ReadOptions,
  warnings: string[],
  views: Record<number, PageView> = {},
  kept?: Map<number, KeptPage>,
): Promise<PageWords[]> {
  if (tasks.length === 0) return [];
  const pool = opts.pool ?? sharedOcrPool();
  const results: PageWords[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  /** Pages whose reading has begun (a lane may still be preparing the page it took). */
  let begun = 0;
  opts.onProgress?.({ stage: 'ocr', done: 0, total: tasks.length });
  const lanes = Math.min(tasks.length, pool.size);
  /** Whether pages lie on their side, once a page's words have shown it. */
  let lieHint: boolean | undefined;
  /**
   * Whether the last page settled needed a half turn past what its preparation gave it (the
   * preparation only knows "on its side", and turns that a quarter clockwise: a bill scanned
   * the other way, 270°, or upside down, comes out upside down). The next page is turned so
   * before its first reading: a bill is fed one way, and each wrong guess cost a second reading
   * of the whole page.
   */
  let halfHint = false;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const idx = next++;
      const task = tasks[idx]!;
      opts.signal?.throwIfAborted();
      // (pages after one found on its side by its words are taken to lie as it did: a bill is
      // scanned one way, and the wrong guess costs a second reading of each page)
      let img = await task.prepare(lieHint === undefined ? undefined : { sideways: lieHint });
      // (taken once: another lane may settle its page while this one is read)
      const hinted = halfHint;
      if (hinted) img = turnHalf(img);
      let job = jobFor(img, opts.signal);
      const parts = stripCount({
        index: idx,
        pages: tasks.length,
        lanes,
        begun,
        idle: pool.idle,
        alive: pool.alive,
        engines: pool.size,
        photo: !!img.cropped,
      });
      begun++;
      // The bands are read alongside the page (a failure is reported once the page is read).
      // They take engines first, so the strips are balanced around them: on pub-004 a header
      // band (~160 ms) held back the bottom strip by as much, with the top strip's engine idle.
      let bandWords = readBands(pool, img, job);
      bandWords.catch(() => undefined);
      const ahead =
        parts > 1
          ? (img.bands?.crops ?? []).map((c) =>
              jobCost(c.data, c.rect.width, c.rect.height, img.pointsPerPixel),
            )
          : [];
      let page = await ocrWords(pool, img, job, parts, ahead);
      if (runsUpAndDown(page.first)) {
        // Tesseract read the lines standing on end, boxes and all: the guess from the ink of
        // which way they run was wrong (a table reads as well either way; a phone's bezel runs
        // up the picture). Read the page the other way round, and keep that if its words stand.
        let other = await task.prepare({ sideways: img.turned % 180 === 0 });
        if (hinted) other = turnHalf(other);
        const otherJob = jobFor(other, opts.signal);
        const otherPage = await ocrWords(pool, other, otherJob, parts);
        if (!runsUpAndDown(otherPage.first)) {
          lieHint = other.turned % 180 !== 0;
          [img, job, page] = [other, otherJob, otherPage];
          bandWords = readBands(pool, img, job);
          bandWords.catch(() => undefined);
        }
      }
      // (read half a turn from what the preparation gave: by the hint, or by the retry below)
      let flipped = hinted;
      let read = img;
      if (page.first.length >= 5 && !looksUpright(page.first)) {
        // Upside-down print reads as low-confidence noise; try the page the other way up.
        const halfTurned = turnHalf(img);
        const other = await ocrWords(pool, halfTurned, job, parts);
        if (uprightScore(other.first) > uprightScore(page.first)) {
          page = other;
          read = halfTurned;
          flipped = !flipped;
          // The band crops turned over with the page: read the right way up now. (On a page on
          // its side the other way, a Northwind sidebar's account number and date were lost.)
          bandWords = readBands(pool, read, job);
          bandWords.catch(() => undefined);
        }
      }
      if (page.first.length >= 5) halfHint = flipped;
      if (read.turned) {
        const how = read.turned === 180 ? 'upside down' : 'on its side';
        warnings.push(`Page ${task.page} was ${how} and was turned to read it`);
      }
      // The band crops' words take the place of whatever the blanked bands gave in the page.
      const bands = await bandWords;
      let words = page.words;
      if (read.bands) words = [...bands, ...words.filter((w) => !inBandCell(read, w))];
      for (const region of page.unlooked) {
        words = await secondLooks(pool, read, words, job, { region });
      }
      if (read.sheet) views[task.page] = sheetView(read, flipped);
      if (kept && task.page <= KEPT_PAGES) kept.set(task.page, { img: read, job, bands: !!read.bands });
      // text drawn over the scan is exact where OCR would guess: it stands in for what OCR read
      // under it (a page read turned has its words in another frame, and the text is let go)
      if (task.text && !read.turned && !flipped) {
        const text = task.text.words;
        words = [...text, ...words.filter((w) => !text.some((t) => overlaps(t, w)))];
      }
      results[idx] = {
        page: task.page,
        width: round2(img.pageWidthPt),
        height: round2(img.pageHeightPt),
        source: 'ocr',
        words,
        ...(read.turned ? { rotate: read.turned as 90 | 180 | 270 } : {}),
      };
      done++;
      opts.onProgress?.({ stage: 'ocr', done, total: tasks.length });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

/**
 * Where a point on a flattened sheet lies on its photo, as the viewer turns it. A sheet read the
 * other way up (`flipped`, turnHalf) has its points half a turn round, and so has the photo.
 */
function sheetView(img: PreparedImage, flipped: boolean): PageView {
  const sheet = img.sheet!;
  const { photoWidthPt: pw, photoHeightPt: ph } = sheet;
  const w = img.pageWidthPt;
  const h = img.pageHeightPt;
  const toView = flipped
    ? (x: number, y: number) => {
        const p = sheet.toPhoto(w - x, h - y);
        return { x: pw - p.x, y: ph - p.y };
      }
    : sheet.toPhoto;
  return { width: pw, height: ph, toView };
}
