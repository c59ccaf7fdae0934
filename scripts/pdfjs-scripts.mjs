// pdfjs' two minified legacy halves as plain scripts (CommonJS, whitespace only taken out), for a
// one-shot CLI command to run with a V8 code cache (electron/desk/intake/pdfjs-load.ts): an ES
// module cannot take one in Node 20. Named for the pdfjs version they were made from, so a newer
// pdfjs installed without a rebuild is imported instead. Used by scripts/build-electron.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Writes pdf-<version>.cjs and pdf.worker-<version>.cjs into `dir`, made anew (which also drops
 * the code caches an earlier build's scripts left there).
 * @param {string} dir
 * @param {{ logLevel?: import('esbuild').LogLevel }} [opts]
 */
export async function buildPdfjsScripts(dir, opts = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('pdfjs-dist/package.json');
  const { version } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const from = path.join(path.dirname(pkgFile), 'legacy', 'build');
  await Promise.all(
    [
      ['pdf.min.mjs', 'pdf'],
      ['pdf.worker.min.mjs', 'pdf.worker'],
    ].map(([file, name]) =>
      build({
        entryPoints: [path.join(from, file)],
        outfile: path.join(dir, `${name}-${version}.cjs`),
        format: 'cjs',
        platform: 'node',
        minifyWhitespace: true,
        legalComments: 'none',
        logLevel: opts.logLevel ?? 'warning',
        // ES modules are strict; the script must stay so. import.meta.url becomes the original
        // file's URL, which the loader passes in.
        banner: { js: '"use strict";' },
        define: { 'import.meta.url': '__pdfjsImportMetaUrl' },
        plugins: name === 'pdf.worker' ? [brotliDictionaryOnDemand] : [],
      }),
    ),
  );
}

/**
 * pdfjs' Brotli decoder unpacks its 120 KB dictionary as the worker loads: ~10 ms of every one-shot
 * `desk intake`, for a filter (BrotliDecode, PDF 2.0) no bill has used. The worker script unpacks
 * it on the decoder's first call instead, the same code moved into a function run once.
 */
const brotliDictionaryOnDemand = {
  name: 'brotli-dictionary-on-demand',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onLoad({ filter: /pdf\.worker\.min\.mjs$/ }, (args) => {
      const src = fs.readFileSync(args.path, 'utf8');
      const patched = unpackOnDemand(src);
      return {
        contents: patched ?? src,
        loader: 'js',
        warnings: patched
          ? []
          : [{ text: "pdfjs' Brotli dictionary code has changed: it is unpacked at load" }],
      };
    });
  },
};

/**
 * The worker's source with the dictionary's unpacking (`!function unpackDictionaryData(…){…}(…);
 * !function setData(…){…}(…);`) wrapped in a function the decoder (`return function decode(…){`)
 * calls first; null when the code is not laid out so.
 * @param {string} src
 * @returns {string | null}
 */
export function unpackOnDemand(src) {
  const start = src.indexOf('!function unpackDictionaryData(');
  const set = src.indexOf('!function setData(', start);
  if (start < 0 || set < 0 || src.indexOf('!function unpackDictionaryData(', start + 1) >= 0) return null;
  // the end of setData's body, then its call's arguments
  let i = src.indexOf('{', set);
  for (let depth = 0; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) break;
  }
  const call = /^\}\(\w+,\w+\);/.exec(src.slice(i, i + 40));
  if (!call) return null;
  const end = i + call[0].length;
  const decode = src.indexOf('return function decode(', end);
  if (decode < 0) return null;
  const body = src.indexOf('{', decode) + 1;
  return (
    src.slice(0, start) +
    'let __deskDictionaryReady=!1;function __deskDictionary(){if(__deskDictionaryReady)return;__deskDictionaryReady=!0;' +
    src.slice(start, end) +
    '}' +
    src.slice(end, body) +
    '__deskDictionary();' +
    src.slice(body)
  );
}
