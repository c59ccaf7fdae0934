#!/usr/bin/env node
// `npm run desk -- …`: runs the bundled CLI (dist/electron/cli.mjs) when it is newer than every
// source file it is built from, otherwise the TypeScript sources through tsx. The bundle starts
// about a second faster (no TypeScript transform), which matters for one-shot `desk intake`;
// the fallback keeps a fresh checkout or an edited tree correct without a build step.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'electron', 'cli.mjs');

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
  const { runCli } = await import(pathToFileURL(bundle).href);
  runCli(args);
} else {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli.ts'), ...args], {
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
