// pdfjs in the renderer, loaded only when a PDF bill is previewed (its own chunk plus the worker).
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // No fonts or scripts from the network: the desk is offline and the bill is untrusted input.
  return getDocument({ data: bytes, isEvalSupported: false, disableFontFace: false, useSystemFonts: true })
    .promise;
}

/**
 * Draws one page at `scale` (CSS pixels per PDF point) into the canvas, turned a further `turn`
 * degrees clockwise (the turn the OCR gave it, so its boxes fit); returns its size in points,
 * as turned.
 */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNo: number,
  canvas: HTMLCanvasElement,
  scale: number,
  turn = 0,
): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(pageNo);
  // pdfjs's `rotation` replaces the page's own /Rotate, which the desk's reading already applied.
  const rotation = (page.rotate + turn) % 360;
  const base = page.getViewport({ scale: 1, rotation });
  const ratio = window.devicePixelRatio || 1;
  const vp = page.getViewport({ scale: scale * ratio, rotation });
  canvas.width = Math.floor(vp.width);
  canvas.height = Math.floor(vp.height);
  canvas.style.width = `${Math.floor(base.width * scale)}px`;
  canvas.style.height = `${Math.floor(base.height * scale)}px`;
  await page.render({ canvas, viewport: vp }).promise;
  return { width: base.width, height: base.height };
}
