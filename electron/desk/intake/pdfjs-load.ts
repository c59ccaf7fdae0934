// Loads pdfjs-dist once per process. Every use goes through loadPdfJs: two copies of pdfjs would
// not share their documents' classes. A one-shot CLI command, where nothing else runs while
// pdfjs loads, takes three short cuts that a long-lived process (the app, the host) must not.
import fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWithCodeCache } from '../code-cache';

import type * as PdfJsNs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJs = typeof PdfJsNs;

let pdfjsPromise: Promise<PdfJs> | null = null;
let oneShot: { scripts: string | null } | null = null;

/**
 * Called by the one-shot CLI. `scripts` is the bundle's folder of pdfjs converted to plain
 * scripts (scripts/pdfjs-scripts.mjs), run with a V8 code cache; absent (running from the
 * sources) or unusable, pdfjs is imported as usual.
 */
export function loadPdfJsForOneShot(scripts: string | null = null): void {
  oneShot = { scripts };
}

/**
 * pdfjs is ~2 MB of JS; load it only when a PDF arrives, and load its minified build (the same
 * code in half the bytes). Its worker half, which Node runs on this thread, is handed over
 * already loaded, so pdfjs does not import the unminified one by its default name.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    if (!oneShot) return importPdfJs();
    const restoreResponse = lendResponseToPdfjs();
    const restoreCanvas = lendCanvasToPdfjs();
    try {
      return (oneShot.scripts ? runPdfJsScripts(oneShot.scripts) : null) ?? (await importPdfJs());
    } finally {
      restoreCanvas();
      restoreResponse();
    }
  })();
  return pdfjsPromise;
}

async function importPdfJs(): Promise<PdfJs> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.min.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = {
    WorkerMessageHandler: worker.WorkerMessageHandler,
  };
  return pdfjs;
}

/** pdfjs-dist's legacy build folder, where its own files live. */
function pdfjsBuildDir(): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return path.join(path.dirname(pkg), 'legacy', 'build');
}

/**
 * An ES module cannot use a V8 code cache in Node 20, and compiling pdfjs' two halves is a fifth
 * of a one-shot `desk intake`. The build converts them to plain scripts named for the pdfjs
 * version they came from; each runs as if it were the original file (its import.meta.url and
 * require). Null when the scripts are missing, are of another pdfjs version than the installed
 * one (whose fonts and cMaps the desk reads), or fail to run: then pdfjs is imported.
 */
function runPdfJsScripts(dir: string): PdfJs | null {
  try {
    const build = pdfjsBuildDir();
    const { version } = JSON.parse(fs.readFileSync(path.join(build, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = (name: string, original: string): Record<string, unknown> | null => {
      const file = path.join(dir, `${name}-${version}.cjs`);
      if (!fs.existsSync(file)) return null;
      const from = path.join(build, original);
      const module = { exports: {} as Record<string, unknown> };
      runWithCodeCache(file, {
        exports: module.exports,
        require: createRequire(from),
        module,
        __filename: from,
        __dirname: build,
        __pdfjsImportMetaUrl: pathToFileURL(from).href,
      });
      return module.exports;
    };
    const worker = run('pdf.worker', 'pdf.worker.min.mjs');
    const pdfjs = worker && run('pdf', 'pdf.min.mjs');
    if (!pdfjs) return null;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = {
      WorkerMessageHandler: worker.WorkerMessageHandler,
    };
    return pdfjs as unknown as PdfJs;
  } catch {
    return null;
  }
}

/**
 * Puts a stand-in `Response` (with the `bytes` pdfjs looks for) on globalThis while pdfjs
 * loads and returns a function that puts Node's own lazy one back, still unloaded. Both pdfjs
 * halves test `Response.prototype.bytes` at load; in Node, touching `Response` loads its whole
 * fetch implementation (undici), ~30 ms of a one-shot command that never fetches anything.
 */
function lendResponseToPdfjs(): () => void {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'Response');
  if (!own?.configurable || !own.get) return () => {};
  Object.defineProperty(globalThis, 'Response', {
    configurable: true,
    writable: true,
    value: class ResponseWhilePdfjsLoads {
      bytes(): Promise<Uint8Array> {
        return Promise.reject(new Error('pdfjs-dist is loading'));
      }
    },
  });
  return () => Object.defineProperty(globalThis, 'Response', own);
}

/** The @napi-rs/canvas classes pdfjs puts on globalThis that need its native library. */
const NATIVE_CANVAS_GLOBALS = ['ImageData', 'Path2D'] as const;

/**
 * pdfjs in Node requires @napi-rs/canvas as it loads, for DOMMatrix, ImageData and Path2D; that
 * opens a 30 MB native library and registers the system's fonts (~30-60 ms) though only drawing
 * a page (a scan, a picture-only page) ever uses them. While pdfjs loads, `require` meets a
 * stand-in instead: its DOMMatrix is the canvas package's own (plain JS, the very class the
 * package exports, and pdfjs builds one at load), ImageData and Path2D are placeholders that
 * become, once pdfjs has loaded, globals that load the real package when first touched. Any other
 * property of the stand-in loads the real package. Returns the function that takes it back.
 */
function lendCanvasToPdfjs(): () => void {
  const g = globalThis as Record<string, unknown>;
  let req: NodeJS.Require;
  let canvasFile: string;
  let DOMMatrix: unknown;
  try {
    req = createRequire(path.join(pdfjsBuildDir(), 'pdf.min.mjs'));
    canvasFile = req.resolve('@napi-rs/canvas');
    // Already loaded, or the globals already there (pdfjs then keeps them): nothing to save.
    if (req.cache[canvasFile] || ['DOMMatrix', ...NATIVE_CANVAS_GLOBALS].some((k) => k in g)) return () => {};
    DOMMatrix = (req(path.join(path.dirname(canvasFile), 'geometry.js')) as { DOMMatrix?: unknown })
      .DOMMatrix;
    if (typeof DOMMatrix !== 'function') return () => {};
  } catch {
    return () => {};
  }
  const real = () => req(canvasFile) as Record<string | symbol, unknown>;
  const placeholders = new Map<string, unknown>(
    NATIVE_CANVAS_GLOBALS.map((k) => [k, class CanvasNotLoaded {}]),
  );
  const own: Record<string, unknown> = { DOMMatrix, ...Object.fromEntries(placeholders) };
  const standIn = new Module(canvasFile);
  standIn.filename = canvasFile;
  standIn.loaded = true;
  standIn.exports = new Proxy(own, { get: (t, k) => (typeof k === 'string' && k in t ? t[k] : real()[k]) });
  req.cache[canvasFile] = standIn;
  return () => {
    if (req.cache[canvasFile] === standIn) delete req.cache[canvasFile];
    for (const name of NATIVE_CANVAS_GLOBALS) {
      if (g[name] !== placeholders.get(name)) continue;
      const settle = (value: unknown) =>
        Object.defineProperty(g, name, { value, writable: true, enumerable: true, configurable: true });
      Object.defineProperty(g, name, {
        configurable: true,
        enumerable: true,
        get() {
          const value = real()[name];
          settle(value);
          return value;
        },
        set: settle,
      });
    }
  };
}
