#!/usr/bin/env node
// `npm run desk -- …`: runs the bundled CLI when it is newer than every source file it is built
// from, otherwise the TypeScript sources through tsx. The bundle starts about a second faster (no
// TypeScript transform), which matters for one-shot `desk intake`; the fallback keeps a fresh
// checkout or an edited tree correct without a build step. The bundle is run as one script with
// a V8 code cache (dist/electron/cli.cjs) when the build made it, else as ES modules (cli.mjs).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist', 'electron');
const script = path.join(dist, 'cli.cjs');
const runner = path.join(dist, 'code-cache.mjs');
const useScript = fs.existsSync(script) && fs.existsSync(runner);
const bundle = useScript ? script : path.join(dist, 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|mts|cjs|json|sql)$/.test(entry.name))
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const sources = Math.max(
      newestSource(path.join(root, 'electron')),
      newestSource(path.join(root, 'shared')),
      fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
    );
    return built >= sources;
  } catch {
    return false;
  }
}

const args = process.argv.slice(2);
if (bundleIsFresh()) {
  // In this process: a second Node would cost its own start-up (~50 ms) on every command.
  const { runCli } = useScript ? await runScript() : await import(pathToFileURL(bundle).href);
  runCli(args);
} else {
  // (imported here: child_process and the net and stream modules it loads cost every bundled
  // run ~5 ms, and only this fallback starts a process)
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

/**
 * cli.cjs through the code-cache runner, as Node would run it as a CommonJS module. Its code cache
 * holds what the first run of a build compiled; `desk intake`, the command a script runs bill
 * after bill, keeps one of its own, so that a `desk --help` first does not make it the poorer.
 */
async function runScript() {
  const { runWithCodeCache } = await import(pathToFileURL(runner).href);
  const module = { exports: {} };
  runWithCodeCache(
    script,
    {
      exports: module.exports,
      require: createRequire(script),
      module,
      __filename: script,
      __dirname: dist,
      // A script run from a code cache cannot import() in Node 20 (scripts/build-electron.mjs).
      __deskDynamicImport: (name) => import(name),
    },
    { variant: args[0] === 'intake' ? 'intake' : 'other' },
  );
  return module.exports;
}
