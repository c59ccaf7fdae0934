// The bundled CLI runs pdfjs as plain scripts the build makes from its ES modules
// (scripts/pdfjs-scripts.mjs), with a V8 code cache beside them (pdfjs-load.ts). What must hold:
// pdfjs so loaded reads a bill's text layer, and the run leaves the cache the next run uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, saveCodeCaches } from '../../../electron/desk/code-cache';
import {
  loadPdfJs,
  loadPdfJsForOneShot,
  openPdf,
  pageTextWords,
} from '../../../electron/desk/intake/pdf-text';
import { buildPdfjsScripts } from '../../../scripts/pdfjs-scripts.mjs';

const BILL = path.resolve(__dirname, '../../fixtures/bills/fx-001.pdf');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfjs-scripts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pdfjs run as scripts with a code cache', () => {
  it('reads a text PDF and saves the code cache of both halves', async () => {
    await buildPdfjsScripts(dir, { logLevel: 'error' });
    const scripts = fs.readdirSync(dir).map((f) => path.join(dir, f));
    expect(scripts.map((f) => path.basename(f).replace(/-[\d.]+\.cjs$/, '')).sort()).toEqual([
      'pdf',
      'pdf.worker',
    ]);

    loadPdfJsForOneShot(dir);
    await loadPdfJs();
    const doc = await openPdf(new Uint8Array(fs.readFileSync(BILL)), { name: 'fx-001.pdf' });
    try {
      const text = (await pageTextWords(await doc.getPage(1), 1)).words.map((w) => w.text);
      expect(text).toEqual(expect.arrayContaining(['Haverford', '121944777']));
    } finally {
      await doc.destroy();
    }

    // The scripts ran (not the ES modules): each has a cache to save, which a later run uses.
    expect(scripts.some((f) => fs.existsSync(cacheFileFor(f)))).toBe(false);
    saveCodeCaches();
    for (const f of scripts) expect(fs.statSync(cacheFileFor(f)).size).toBeGreaterThan(100_000);
  });
});
