// pdfjs in the renderer, loaded only when a PDF bill is previewed (its own chunk plus the worker).
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // No fonts or scripts from the network: the desk is offline and the bill is untrusted input.
  return getDocument({ data: bytes, isEvalSupported: false, disableFontFace: false, useSystemFonts: true })
    .promise;
}

/** Draws one page at `scale` (CSS pixels per PDF point) into the canvas; returns its size in points. */
export async function renderPage(
  doc: PDFDocumentProxy,
  pageNo: number,
  canvas: HTMLCanvasElement,
  scale: number,
): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(pageNo);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const vp = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(vp.width);
  canvas.height = Math.floor(vp.height);
  canvas.style.width = `${Math.floor(base.width * scale)}px`;
  canvas.style.height = `${Math.floor(base.height * scale)}px`;
  await page.render({ canvas, viewport: vp }).promise;
  return { width: base.width, height: base.height };
}
