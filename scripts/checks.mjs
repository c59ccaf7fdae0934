#!/usr/bin/env node
// The static checks and the build `npm test` runs before the tests: typecheck, lint, format and
// build, side by side. Each is one process on one core and none needs another's output, so on
// CI's two cores they take the time of the longest instead of the sum (~25 s of a run budgeted at
// 20 minutes). Each one's output is printed whole when it ends, under its name, so lines never
// interleave; the run fails if any of them fails, after all have ended.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const STEPS = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
  ['build', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build']],
];

function run([name, cmd, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, shell: process.platform === 'win32' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) =>
      resolve({ name, code: 1, out: `${out}${err.message}\n`, ms: Date.now() - started }),
    );
    child.on('close', (code) => resolve({ name, code: code ?? 1, out, ms: Date.now() - started }));
  });
}

const results = await Promise.all(
  STEPS.map((s) =>
    run(s).then((r) => {
      const verdict = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
      process.stdout.write(`\n── ${r.name}: ${verdict} in ${(r.ms / 1000).toFixed(1)} s\n${r.out}`);
      return r;
    }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length) {
  console.error(`\nchecks failed: ${failed.join(', ')}`);
  process.exit(1);
}
