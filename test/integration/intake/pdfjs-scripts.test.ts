// The bundled CLI runs pdfjs as plain scripts the build makes from its ES modules
// (scripts/pdfjs-scripts.mjs), with a V8 code cache beside them (pdfjs-load.ts). What must hold:
// pdfjs so loaded reads a bill's text layer, and the run leaves the cache the next run uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, saveCodeCaches } from '../../../electron/desk/code-cache';
import {
  loadPdfJs,
  loadPdfJsForOneShot,
  openPdf,
  pageTextWords,
} from '../../../electron/desk/intake/pdf-text';
import { buildPdfjsScripts, unpackOnDemand } from '../../../scripts/pdfjs-scripts.mjs';

const BILL = path.resolve(__dirname, '../../fixtures/bills/fx-001.pdf');
/** A one-page PDF whose content stream is Brotli-compressed (PDF 2.0's BrotliDecode filter). */
function brotliPdf(text: string): Uint8Array {
  const content = zlib.brotliCompressSync(Buffer.from(`BT /F1 24 Tf 72 700 Td (${text}) Tj ET`));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /BrotliDecode >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-2.0\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(o), Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(b);
    at += b.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ];
  parts.push(
    Buffer.from(
      `${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

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

    // The worker unpacks its Brotli dictionary on first use, not at load: a Brotli stream still reads.
    expect(
      fs.readFileSync(
        scripts.find((f) => f.includes('pdf.worker'))!,
        'utf8',
      ),
    ).toContain('__deskDictionary();');
    const brotli = await openPdf(brotliPdf('Account 4471-902-336'), { name: 'brotli.pdf' });
    try {
      const words = (await pageTextWords(await brotli.getPage(1), 1)).words.map((w) => w.text);
      expect(words).toEqual(['Account', '4471-902-336']);
    } finally {
      await brotli.destroy();
    }

    // The scripts ran (not the ES modules): each has a cache to save, which a later run uses.
    expect(scripts.some((f) => fs.existsSync(cacheFileFor(f)))).toBe(false);
    saveCodeCaches();
    for (const f of scripts) expect(fs.statSync(cacheFileFor(f)).size).toBeGreaterThan(100_000);
  });
});

describe('the Brotli dictionary on demand', () => {
  it('moves the unpacking into a function the decoder calls, or leaves code it does not know', () => {
    const src =
      'let u;const d=new Int8Array(4),g=new Int32Array(2);!function unpackDictionaryData(e,t){e.set([1])}(d,"x",g);' +
      '!function setData(e,t){for(;;){break}u=e}(d,g);function readInput(){}return function decode(e,t){return u}';
    const out = unpackOnDemand(src)!;
    expect(out).toContain('function __deskDictionary(){');
    expect(out).toContain('return function decode(e,t){__deskDictionary();return u}');
    // both calls inside it, the rest as it was
    expect(out).toContain(
      '{if(__deskDictionaryReady)return;__deskDictionaryReady=!0;!function unpackDictionaryData(',
    );
    expect(out).toContain('u=e}(d,g);}function readInput(){}');
    expect(unpackOnDemand('function decode(){}')).toBeNull();
  });
});
