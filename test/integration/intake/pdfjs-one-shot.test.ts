// A one-shot command loads pdfjs with a stand-in `Response` on globalThis (pdf-text.ts), so that
// Node's fetch stays unloaded. What must hold: pdfjs still reads, and Node's own Response is back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadPdfJs,
  loadPdfJsForOneShot,
  openPdf,
  pageTextWords,
} from '../../../electron/desk/intake/pdf-text';

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
});
