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
      }),
    ),
  );
}
