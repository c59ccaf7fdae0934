// Rasterises PDF pages for OCR with pdfjs + @napi-rs/canvas (shipped with pdfjs-dist).
// We hand raw pixels on, never PNG: PNG encoding costs seconds per page.
import { loadPdfJs, type PdfPage } from './pdf-text';

export interface RawImage {
  /** Interleaved 8-bit pixels, `channels` per pixel, row-major, no padding. */
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

/**
 * Renders a page at `dpi` (72 = PDF points) to RGBA pixels on a white background.
 * Returns the raster plus the page size in points, so OCR boxes can be mapped back to points.
 */
export async function renderPdfPage(
  page: PdfPage,
  dpi: number,
): Promise<{ image: RawImage; widthPt: number; heightPt: number }> {
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: ctx as unknown as CanvasRenderingContext2D,
    viewport,
    background: '#ffffff',
  }).promise;
  const pixels = ctx.getImageData(0, 0, width, height).data;
  const data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return { image: { data, width, height, channels: 4 }, widthPt: base.width, heightPt: base.height };
}

/**
 * Finds the resolution of the largest raster drawn on a scanned page, so we render at the
 * scan's own resolution (no invented detail, no lost detail). Falls back to `fallback` dpi.
 */
export async function scanDpi(page: PdfPage, fallback: number): Promise<number> {
  return (await pagePaint(page)).rasterDpi || fallback;
}

/** What a page paints, from one walk of its operator list. */
export interface PagePaint {
  /** The share of the page (0-1) that its largest picture covers. */
  coverage: number;
  /**
   * The share its pictures cover together (0-1; overlaps counted twice): a scan written as strips
   * is all pictures, though no one strip covers much; a page of vector type has a logo at most.
   */
  pictured: number;
  /** Text-showing operations, and those among them in an invisible rendering mode (3 or 7). */
  shows: number;
  invisibleShows: number;
  /**
   * The largest raster's resolution, taken as spanning the page's width (a scan's own dpi); 0
   * when the page draws none (image masks aside).
   */
  rasterDpi: number;
  /**
   * Coordinates in the page's vector paths. Rules, boxes and a logo take hundreds to a few
   * thousand; type turned to outlines takes tens of thousands (70,000-260,000 a page measured).
   */
  pathCoords: number;
}

/**
 * What a page paints. A page can carry a few words of real text over a scan (a fax service's
 * "Received … From …" line, an annotator's stamp, a "Scanned with …" footer): its text layer is
 * then not the bill, and the scan must be read. And a copier's or a scanning app's "searchable
 * PDF" lays its own OCR under the picture as invisible text (rendering mode 3): the agent sees
 * the picture, and that layer reads it as well as the copier read it ("Bidg C", half a caption).
 */
export async function pagePaint(page: PdfPage): Promise<PagePaint> {
  const none = { coverage: 0, pictured: 0, shows: 0, invisibleShows: 0, rasterDpi: 0, pathCoords: 0 };
  try {
    const pdfjs = await loadPdfJs();
    const ops = await page.getOperatorList();
    const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
    const area = (vx1 - vx0) * (vy1 - vy0);
    if (!(area > 0)) return none;
    const pageWidth = page.getViewport({ scale: 1 }).width;
    const painting = new Set<number>([
      pdfjs.OPS.paintImageXObject,
      pdfjs.OPS.paintInlineImageXObject,
      pdfjs.OPS.paintImageMaskXObject,
    ]);
    const showing = new Set<number>([pdfjs.OPS.showText, pdfjs.OPS.showSpacedText]);
    // The rendering mode is graphics state: saved and restored with the matrix.
    let state = { ctm: [1, 0, 0, 1, 0, 0], mode: 0 };
    const stack: Array<typeof state> = [];
    const out = { ...none };
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i]!;
      if (fn === pdfjs.OPS.save) stack.push(state);
      else if (fn === pdfjs.OPS.restore) state = stack.pop() ?? state;
      else if (fn === pdfjs.OPS.transform)
        state = { ...state, ctm: multiply(ops.argsArray[i] as number[], state.ctm) };
      else if (fn === pdfjs.OPS.setTextRenderingMode)
        state = { ...state, mode: Number((ops.argsArray[i] as number[])[0]) || 0 };
      else if (fn === pdfjs.OPS.constructPath) out.pathCoords += pathCoords(ops.argsArray[i] as unknown[]);
      else if (showing.has(fn)) {
        out.shows++;
        // 3: neither filled nor stroked; 7: only added to the clip
        if (state.mode === 3 || state.mode === 7) out.invisibleShows++;
      } else if (painting.has(fn)) {
        if (fn !== pdfjs.OPS.paintImageMaskXObject) {
          const args = ops.argsArray[i] as unknown[];
          const px = typeof args[1] === 'number' ? args[1] : (args[0] as { width?: number })?.width;
          if (typeof px === 'number' && px > 0)
            out.rasterDpi = Math.max(out.rasterDpi, (px / pageWidth) * 72);
        }
        // an image fills the unit square under the current matrix: its corners bound it
        const [a, b, c, d, e, f] = state.ctm as [number, number, number, number, number, number];
        const xs = [e, a + e, c + e, a + c + e];
        const ys = [f, b + f, d + f, b + d + f];
        const w = Math.min(vx1, Math.max(...xs)) - Math.max(vx0, Math.min(...xs));
        const h = Math.min(vy1, Math.max(...ys)) - Math.max(vy0, Math.min(...ys));
        if (w > 0 && h > 0) {
          out.coverage = Math.max(out.coverage, (w * h) / area);
          out.pictured = Math.min(1, out.pictured + (w * h) / area);
        }
      }
    }
    return out;
  } catch {
    return none;
  }
}

/** The coordinates of one constructPath: pdfjs 5 packs them in one typed array, `[op, [data], minMax]`. */
function pathCoords(args: unknown[]): number {
  const data = args[1];
  if (!Array.isArray(data)) return 0;
  let n = 0;
  for (const d of data) n += typeof d === 'number' ? 1 : ((d as { length?: number } | null)?.length ?? 0);
  return n;
}

/**
 * Whether a PDF holds a picture the size of a scanned page (both sides ≥ 1000 pixels) anywhere.
 * An image is a stream, and a stream's dictionary is never packed into an object stream, so its
 * /Width and /Height are plain bytes: one pass over the file spares a text bill's pages the
 * operator-list walk that looking for a scan under their text would cost.
 */
export function hasScanSizedPicture(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const dict = /\/Subtype\s*\/Image\b/g;
  for (let m = dict.exec(text); m; m = dict.exec(text)) {
    // the image's dictionary: from its object's "N 0 obj" to the "stream" keyword after it
    const from = Math.max(text.lastIndexOf('obj', m.index), m.index - 2000, 0);
    const to = text.indexOf('stream', m.index);
    const body = text.slice(from, to < 0 ? m.index + 400 : Math.min(to, m.index + 2000));
    const w = Number(/\/Width\s+(\d+)/.exec(body)?.[1] ?? 0);
    const h = Number(/\/Height\s+(\d+)/.exec(body)?.[1] ?? 0);
    if (w >= 1000 && h >= 1000) return true;
  }
  return false;
}

/** A scanned page's own picture: the pixels as scanned and their resolution. */
export interface ScanPicture {
  image: RawImage;
  dpi: number;
}

/** Operators a plain scanned page may hold besides its one picture. */
const HARMLESS_OPS = new Set(['save', 'restore', 'transform', 'dependency', 'setGState']);

/**
 * The picture of a page that is nothing but one upright image laid over the whole page (what a
 * scanner or a fax-to-PDF service writes), taken straight from pdfjs's decoded image. Rendering
 * such a page through a canvas only resamples the same pixels and costs ~0.2-0.6 s and a
 * page-sized RGBA buffer. Anything else (vector text, several images, a turned or partial
 * placement, a page /Rotate) returns null and is rendered instead.
 */
export async function pageScanPicture(page: PdfPage): Promise<ScanPicture | null> {
  try {
    const pdfjs = await loadPdfJs();
    if (page.rotate % 360 !== 0) return null;
    const names = new Map<number, string>(Object.entries(pdfjs.OPS).map(([k, v]) => [v, k]));
    const ops = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    let placed: { id: string; ctm: number[] } | null = null;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i]!;
      const args = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.paintImageXObject) {
        if (placed) return null;
        placed = { id: String(args[0]), ctm };
      } else if (fn === pdfjs.OPS.save) stack.push(ctm);
      else if (fn === pdfjs.OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === pdfjs.OPS.transform) ctm = multiply(args as number[], ctm);
      else if (!HARMLESS_OPS.has(names.get(fn) ?? '')) return null;
    }
    if (!placed || !coversPageUpright(placed.ctm, page.view)) return null;
    const pw = page.view[2]! - page.view[0]!;
    const objs = placed.id.startsWith('g_') ? page.commonObjs : page.objs;
    const img = await new Promise<DecodedImage | null>((resolve) => objs.get(placed.id, resolve));
    if (!img?.data || !img.width || !img.height) return null;
    // pdfjs ImageKind: 2 = RGB, 3 = RGBA. 1 (packed 1-bit) is left to the renderer.
    const channels = img.kind === 2 ? 3 : img.kind === 3 ? 4 : 0;
    if (!channels || img.data.length < img.width * img.height * channels) return null;
    const data = Buffer.from(img.data.buffer, img.data.byteOffset, img.width * img.height * channels);
    return {
      image: { data, width: img.width, height: img.height, channels },
      dpi: (img.width / pw) * 72,
    };
  } catch {
    return null;
  }
}

/** An image as pdfjs decoded it for the operator list (ImageKind in `kind`). */
interface DecodedImage {
  width?: number;
  height?: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * Whether an image drawn with this matrix covers the page box [x0 y0 x1 y1] upright: the unit
 * square maps onto the page with row 0 at the top (within 2%, no turn or shear).
 */
export function coversPageUpright(ctm: number[], view: number[]): boolean {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const pw = x1 - x0;
  const ph = y1 - y0;
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  const near = (v: number, want: number, span: number): boolean => Math.abs(v - want) <= 0.02 * span;
  if (Math.abs(b) > 1e-3 * pw || Math.abs(c) > 1e-3 * ph) return false;
  return near(a, pw, pw) && near(d, ph, ph) && near(e, x0, pw) && near(f, y0, ph);
}

/** m1 then m2, for PDF's row-vector matrices [a b c d e f]. */
export function multiply(m1: number[], m2: number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number];
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number];
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}
