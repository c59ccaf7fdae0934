// Bundles the main-process side with esbuild: Electron main + sandboxed preload (CJS, what
// Electron loads), and the CLI + browser host (ESM for plain Node). Every package.json dependency
// stays external: native modules (better-sqlite3, sharp) and wasm/data packages (tesseract.js,
// pdfjs-dist) must be loaded from node_modules (asar-unpacked in the installer), not inlined.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildPdfjsScripts } from './pdfjs-scripts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'electron');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = [
  'electron',
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
];
const quiet = process.argv.includes('--quiet');
/** Pure-JS packages on the `desk intake` path, bundled into the CLI instead of loaded file by file. */
const INLINED_IN_CLI = ['zod', 'libphonenumber-js'];

/** The contract's channel names, read by bundling shared/contract.ts once and importing it. */
async function contractChannels() {
  const tmp = path.join(root, 'dist', '.build', 'contract.mjs');
  await build({
    entryPoints: [path.join(root, 'shared', 'contract.ts')],
    outfile: tmp,
    bundle: true,
    format: 'esm',
    platform: 'node',
    external,
    logLevel: 'error',
  });
  const mod = await import(`${pathToFileURL(tmp).href}?t=${Date.now()}`);
  fs.rmSync(path.dirname(tmp), { recursive: true, force: true });
  if (!Array.isArray(mod.CHANNELS) || mod.CHANNELS.length === 0)
    throw new Error('shared/contract.ts exports no CHANNELS');
  return mod.CHANNELS;
}

/**
 * electron/cli.ts lazy-loads one module per command. A command another part of the desk has not
 * shipped yet becomes a module that fails to load, which the CLI already reports as "not
 * available" (and leaves out of its usage), instead of failing the whole build.
 */
const missingCliCommands = {
  name: 'missing-cli-commands',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli\/[a-z-]+$/ }, (args) => {
      if (path.resolve(args.importer) !== path.join(root, 'electron', 'cli.ts')) return undefined;
      const file = path.join(root, 'electron', `${args.path}.ts`);
      if (fs.existsSync(file)) return undefined;
      return {
        path: args.path,
        namespace: 'missing-cli',
        warnings: [{ text: `CLI command module ${args.path} does not exist yet; bundling a stub` }],
      };
    });
    b.onLoad({ filter: /.*/, namespace: 'missing-cli' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`The '${path.basename(args.path)}' command is not available in this build.`)});`,
      loader: 'js',
    }));
  },
};

/** Every bare import stays external, as `packages: 'external'` does, except INLINED_IN_CLI. */
const externalExceptInlined = {
  name: 'external-except-inlined',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@')
        ? args.path.split('/').slice(0, 2).join('/')
        : args.path.split('/')[0];
      return INLINED_IN_CLI.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * zod's `locales` namespace (z.locales, core.locales): 64 languages' messages, about half of the
 * inlined zod, compiled on every one-shot `desk intake`. The desk never picks a locale, and zod's
 * default English is imported by its schemas directly (zod/v4/classic/schemas.js), not through
 * this index; so in the CLI bundle the index offers English alone, and the build fails if a
 * source starts using zod's locales (zodLocalesUnused).
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const en = path.join(path.dirname(args.importer), '..', 'locales', 'en.js');
      return { path: en, namespace: 'zod-english-locales' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-english-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/** englishOnlyZodLocales holds only while no desk source reaches for zod's locales. */
function zodLocalesUnused() {
  const uses = /\b(?:z|core)\.locales\b|['"]zod(?:\/v4)?(?:\/core)?\/locales/;
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return walk(p);
      return /\.tsx?$/.test(e.name) && uses.test(fs.readFileSync(p, 'utf8')) ? [path.relative(root, p)] : [];
    });
  const found = ['electron', 'shared'].flatMap((d) => walk(path.join(root, d)));
  if (found.length)
    throw new Error(
      `${found.join(', ')} use zod's locales, which the CLI bundle leaves out (englishOnlyZodLocales)`,
    );
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: quiet ? 'error' : 'warning',
  // Every bare import stays external, also transitive ones a desk module imports directly
  // (e.g. @napi-rs/canvas for pdfjs): electron-builder ships the production node_modules tree.
  packages: 'external',
  external,
};

// ESM output can still meet CommonJS-style `require`/`__dirname` in bundled sources.
const esmBanner = [
  "import { createRequire as __deskCreateRequire } from 'node:module';",
  "import { fileURLToPath as __deskFileURLToPath } from 'node:url';",
  'const require = __deskCreateRequire(import.meta.url);',
  'const __filename = __deskFileURLToPath(import.meta.url);',
  "const __dirname = __deskFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

// CJS output has no import.meta; give ESM sources a real one.
const cjsImportMeta = {
  banner: { js: "const __deskImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__deskImportMetaUrl' },
};

/**
 * The CLI as one CommonJS script, which scripts/desk.mjs runs with a V8 code cache
 * (electron/desk/code-cache.ts): an ES module cannot take one in Node 20, and parsing and
 * compiling the ESM bundle's chunks was a fifth of a one-shot `desk intake`. No splitting is
 * needed: a lazily imported module, and the packages it requires, are initialised only when first
 * imported, as in the ESM bundle. Node 20 loses a script's dynamic-import callback when the
 * script comes from a code cache ("A dynamic import callback was not specified"), so each
 * `import("package")` becomes `__deskImport("package")`: desk.mjs passes an import() of its own
 * (a bare name resolves the same from scripts/ as from dist/electron/), and run as a plain
 * CommonJS module the script uses its own import().
 */
async function cliScript() {
  const outfile = path.join(out, 'cli.cjs');
  const result = await build({
    ...common,
    ...cjsImportMeta,
    entryPoints: [path.join(root, 'electron', 'cli.ts')],
    outfile,
    format: 'cjs',
    metafile: true,
    // Strict as the ES modules it stands for: the directive must come before the banner's code.
    banner: {
      js: [
        '"use strict";',
        cjsImportMeta.banner.js,
        'const __deskImport = typeof __deskDynamicImport === "function" ? __deskDynamicImport : (s) => import(s);',
      ].join('\n'),
    },
    packages: undefined,
    external: external.filter((name) => !INLINED_IN_CLI.includes(name)),
    plugins: [missingCliCommands, externalExceptInlined, englishOnlyZodLocales],
  });
  const dynamic = new Set(
    Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.kind === 'dynamic-import' && i.external)
      .map((i) => i.path),
  );
  let code = fs.readFileSync(outfile, 'utf8');
  let replaced = 0;
  code = code.replace(/(?<![\w$.`])import\("([^"\\]+)"\)/g, (call, name) => {
    if (!dynamic.has(name)) throw new Error(`cli.cjs: ${call} is no dynamic import of a package`);
    replaced++;
    return `__deskImport(${JSON.stringify(name)})`;
  });
  if (replaced < dynamic.size)
    throw new Error(`cli.cjs: ${dynamic.size} packages imported dynamically, ${replaced} calls rewritten`);
  // ASCII only, so the code-cache runner reads it as a one-byte string (a copy of the bytes) rather
  // than decoding UTF-8 into a two-byte string twice its size: esbuild escapes strings, but leaves
  // regular expressions' letters ("[À-ÿ]", "–") and comments as written. \uXXXX means the same
  // code unit in a regular expression, with or without the u flag (a pair of escapes there is
  // the one character they encode), in a string and in an identifier.
  code = code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  fs.writeFileSync(outfile, code);
}

async function main() {
  const started = Date.now();
  // Stale chunks from an earlier build would otherwise pile up beside the new ones.
  fs.rmSync(path.join(out, 'chunks'), { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  // Code caches of an earlier build's cli.cjs (desk.mjs) would only be refused and rewritten.
  for (const f of fs.readdirSync(out)) if (f.endsWith('.v8cache')) fs.rmSync(path.join(out, f));
  const channels = await contractChannels();
  zodLocalesUnused();

  await Promise.all([
    build({
      ...common,
      ...cjsImportMeta,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: path.join(out, 'main.cjs'),
      format: 'cjs',
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: path.join(out, 'preload.cjs'),
      format: 'cjs',
      // A sandboxed preload may require only 'electron': bundle everything else, externalise nothing.
      packages: undefined,
      external: ['electron'],
      define: { __DESK_CHANNELS__: JSON.stringify(channels) },
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload-team.ts')],
      outfile: path.join(out, 'preload-team.cjs'),
      format: 'cjs',
      packages: undefined,
      external: ['electron'],
    }),
    // CLI and host share one ESM build with code splitting: without it esbuild hoists every
    // lazily imported module's packages (pdf-lib, nodemailer, sharp…) to the top of the bundle,
    // and `desk intake` or the host's first screen would pay for all of them at start.
    build({
      ...common,
      entryPoints: {
        cli: path.join(root, 'electron', 'cli.ts'),
        host: path.join(root, 'electron', 'host.ts'),
      },
      outdir: out,
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      splitting: true,
      format: 'esm',
      banner: { js: esmBanner },
      // zod and libphonenumber-js are plain JS spread over ~200 small ESM files; Node 20 resolves,
      // reads and compiles each one on every one-shot `desk intake`. Inlined, they cost one file.
      packages: undefined,
      external: external.filter((name) => !INLINED_IN_CLI.includes(name)),
      plugins: [missingCliCommands, externalExceptInlined, englishOnlyZodLocales],
    }),
    cliScript(),
    // The code-cache runner on its own, for scripts/desk.mjs to run cli.cjs with.
    build({
      ...common,
      entryPoints: { 'code-cache': path.join(root, 'electron', 'desk', 'code-cache.ts') },
      outdir: out,
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      format: 'esm',
    }),
    // The page-preparation thread's script, loaded by path (electron/desk/intake/prepare-thread.ts),
    // beside the entry points as the OCR worker's is. ESM, as the CLI is; the Electron main
    // process (CJS) starts it as a worker all the same.
    build({
      ...common,
      entryPoints: { 'prepare-worker': path.join(root, 'electron', 'desk', 'intake', 'prepare-worker.ts') },
      outdir: out,
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      format: 'esm',
      banner: { js: esmBanner },
    }),
  ]);

  await buildPdfjsScripts(path.join(out, 'pdfjs'), { logLevel: quiet ? 'error' : 'warning' });

  // The OCR worker thread's script is loaded by path, not bundled (electron/desk/intake/ocr.ts).
  fs.copyFileSync(
    path.join(root, 'electron', 'desk', 'intake', 'ocr-worker.cjs'),
    path.join(out, 'ocr-worker.cjs'),
  );

  // The sandbox would fail at runtime on any other require; fail the build instead.
  const preload = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
  const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)]
    .map((m) => m[1])
    .filter((m) => m !== 'electron');
  if (requires.length)
    throw new Error(
      `preload.cjs requires ${requires.join(', ')}; a sandboxed preload may only require 'electron'`,
    );

  if (!quiet)
    console.log(
      `electron bundles built in ${Date.now() - started} ms (${channels.length} channels) -> ${path.relative(root, out)}`,
    );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
