// scripts/desk.mjs, the door `npm run desk` opens, in a tree of its own: it must run the bundle
// only while the bundle is newer than every source, prefer the one-script CLI (cli.cjs, with a
// code cache) to the ES-module one when the build made it, and run the sources through tsx once
// a source is edited after the build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-launcher-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const dist = path.join(root, 'dist', 'electron');
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
/** Sets a file's mtime `s` seconds from now. */
const age = (rel: string, s: number) => {
  const t = new Date(Date.now() + s * 1000);
  fs.utimesSync(path.join(root, rel), t, t);
};
const desk = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'scripts', 'desk.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

describe('scripts/desk.mjs', () => {
  it('runs cli.cjs with a code cache, cli.mjs without it, and the sources once one is edited', () => {
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.copyFileSync(path.join(repo, 'scripts', 'desk.mjs'), path.join(root, 'scripts', 'desk.mjs'));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'junction');
    write('package-lock.json', '{}');
    write('shared/domain.ts', 'export const x = 1;\n');
    write('electron/cli.ts', "process.stdout.write('sources ' + process.argv.slice(2).join(' '));\n");
    // The real code-cache runner, bundled as the build bundles it.
    execFileSync(path.join(repo, 'node_modules', '.bin', 'esbuild'), [
      path.join(repo, 'electron', 'desk', 'code-cache.ts'),
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${path.join(dist, 'code-cache.mjs')}`,
      '--log-level=error',
    ]);
    // A CLI that imports a module lazily, as the real one imports sharp or tesseract.js: from a
    // code cache only the import() desk.mjs hands it works in Node 20.
    write(
      'dist/electron/cli.cjs',
      `module.exports = { runCli: async (a) => {
        const { sep } = await __deskDynamicImport('node:path');
        process.stdout.write('script ' + a.join(' ') + (sep ? '' : ' no path'));
      } };\n`,
    );
    write(
      'dist/electron/cli.mjs',
      "export const runCli = (a) => process.stdout.write('module ' + a.join(' '));\n",
    );
    for (const f of ['shared/domain.ts', 'electron/cli.ts', 'package-lock.json']) age(f, -60);

    expect(desk('intake', 'bill.pdf')).toBe('script intake bill.pdf');
    // Written at exit, per command kind: intake's own, and one for the others.
    expect(fs.readdirSync(dist).filter((f) => f.endsWith('.v8cache'))).toEqual([
      expect.stringMatching(/^cli\.cjs\.intake\..*\.v8cache$/),
    ]);
    expect(desk('intake', 'bill.pdf')).toBe('script intake bill.pdf');
    expect(desk('--help')).toBe('script --help');
    expect(fs.readdirSync(dist).filter((f) => f.endsWith('.v8cache'))).toHaveLength(2);

    fs.rmSync(path.join(dist, 'cli.cjs'));
    expect(desk('intake', 'bill.pdf')).toBe('module intake bill.pdf');

    // An edit after the build: the bundle no longer holds the tree, the sources run.
    age('shared/domain.ts', 60);
    expect(desk('intake', 'bill.pdf')).toBe('sources intake bill.pdf');
  });
});
