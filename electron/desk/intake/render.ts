// Rasterises PDF pages for OCR with pdfjs + @napi-rs/canvas (shipped with pdfjs-dist).
// We hand raw pixels on, never PNG: PNG encoding costs seconds per page.
import type { PdfPage } from './pdf-text';

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
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const ops = await page.getOperatorList();
    const base = page.getViewport({ scale: 1 });
    let best = 0;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      if (fn !== pdfjs.OPS.paintImageXObject && fn !== pdfjs.OPS.paintInlineImageXObject) continue;
      const args = ops.argsArray[i] as unknown[];
      const w = typeof args[1] === 'number' ? args[1] : (args[0] as { width?: number })?.width;
      if (typeof w === 'number' && w > 0) best = Math.max(best, (w / base.width) * 72);
    }
    return best > 0 ? best : fallback;
  } catch {
    return fallback;
  }
}
