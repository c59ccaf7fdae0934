// A one-shot command loads pdfjs with a stand-in `Response` on globalThis (pdfjs-load.ts), so that
// Node's fetch stays unloaded, and with a stand-in @napi-rs/canvas, so that its native library
// loads only when a page is drawn. What must hold: pdfjs still reads, Node's own Response is back,
// and drawing a page still works, with the canvas package's own classes on globalThis.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadPdfJs,
  loadPdfJsForOneShot,
  openPdf,
  pageTextWords,
} from '../../../electron/desk/intake/pdf-text';
import { renderPdfPage } from '../../../electron/desk/intake/render';

const BILL = path.resolve(__dirname, '../../fixtures/bills/fx-001.pdf');

describe('pdfjs loaded for a one-shot command', () => {
  it("reads a text PDF and leaves Node's own Response in place", async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'Response');
    loadPdfJsForOneShot();
    await loadPdfJs();
    expect(Object.getOwnPropertyDescriptor(globalThis, 'Response')).toEqual(before);
    expect(Response.name).toBe('Response');
    expect(await new Response('port this number').text()).toBe('port this number');

    const doc = await openPdf(new Uint8Array(fs.readFileSync(BILL)), { name: 'fx-001.pdf' });
    try {
      const words = await pageTextWords(await doc.getPage(1), 1);
      expect(words.words.length).toBeGreaterThan(20);
    } finally {
      await doc.destroy();
    }
  });

  it('leaves the native canvas unloaded until a page is drawn, then draws with it', async () => {
    const req = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
    const canvasFile = req.resolve('@napi-rs/canvas');
    loadPdfJsForOneShot();
    await loadPdfJs();
    expect(req.cache[canvasFile]).toBeUndefined();

    const doc = await openPdf(new Uint8Array(fs.readFileSync(BILL)), { name: 'fx-001.pdf' });
    try {
      // Text drawn as glyph outlines (disableFontFace) goes through Path2D and DOMMatrix.
      const { image } = await renderPdfPage(await doc.getPage(1), 50);
      let dark = 0;
      for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
      expect(dark).toBeGreaterThan(500);
    } finally {
      await doc.destroy();
    }
    const canvas = req('@napi-rs/canvas') as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D'])
      expect((globalThis as Record<string, unknown>)[name], name).toBe(canvas[name]);
  });
});
