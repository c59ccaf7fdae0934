// After the build, every path electron-builder will look for must exist: package.json#main, the
// `files` and `asarUnpack` globs, the afterPack hook and the icons. A typo here otherwise only
// shows up as a broken installer on a Windows or macOS machine.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// The YAML parser electron-builder itself uses, so the test reads the config the same way.
const yaml = createRequire(require.resolve('app-builder-lib/package.json'))('js-yaml') as {
  load(s: string): unknown;
};

interface BuilderConfig {
  files?: string[];
  asarUnpack?: string[];
  extraResources?: (string | { from: string })[];
  afterPack?: string;
  directories?: { buildResources?: string };
  win?: { icon?: string; target?: unknown };
  mac?: { icon?: string; target?: unknown };
  [key: string]: unknown;
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts'))
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Files under root matching a glob, walking only the glob's literal prefix directory. */
function matches(pattern: string, limit = 1): string[] {
  const firstGlob = pattern.search(/[*?[{]/);
  if (firstGlob < 0) return fs.existsSync(path.join(root, pattern)) ? [pattern] : [];
  const base = pattern.slice(0, pattern.lastIndexOf('/', firstGlob) + 1);
  const baseDir = path.join(root, base);
  if (!fs.existsSync(baseDir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(baseDir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (path.matchesGlob(rel, pattern)) {
      found.push(rel);
      if (found.length >= limit) break;
    }
  }
  return found;
}

beforeAll(() => {
  // Keep it fast: `npm test` builds before vitest, so usually nothing is rebuilt here. A missing
  // renderer needs the full build; a stale main-process bundle only the 2-second esbuild step.
  const main = path.join(root, pkg.main);
  if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
    execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
  } else if (
    !fs.existsSync(main) ||
    fs.statSync(main).mtimeMs <
      Math.max(newestMtime(path.join(root, 'electron')), newestMtime(path.join(root, 'shared')))
  ) {
    execFileSync(process.execPath, ['scripts/build-electron.mjs', '--quiet'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 120_000,
    });
  }
});

describe('electron-builder paths exist after the build', () => {
  it('package.json#main and every bundle', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    for (const f of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/cli.mjs',
      'dist/electron/host.mjs',
      // The OCR worker thread's script, loaded by path (electron/desk/intake/ocr.ts).
      'dist/electron/ocr-worker.cjs',
      // The page-preparation thread's script, loaded by path (electron/desk/intake/prepare-thread.ts).
      'dist/electron/prepare-worker.mjs',
      'dist/renderer/index.html',
    ]) {
      expect(fs.existsSync(path.join(root, f)), f).toBe(true);
    }
  });

  it('every `files` pattern matches something', () => {
    const patterns = (config.files ?? []).filter((p) => !p.startsWith('!'));
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(matches(p), p).not.toEqual([]);
  });

  it('every asarUnpack pattern matches something, including the native module', () => {
    const patterns = config.asarUnpack ?? [];
    expect(patterns).toContain('node_modules/better-sqlite3/build/Release/*.node');
    for (const p of patterns) expect(matches(p), p).not.toEqual([]);
  });

  it('extraResources sources exist', () => {
    for (const r of config.extraResources ?? []) {
      const from = typeof r === 'string' ? r : r.from;
      expect(matches(from), from).not.toEqual([]);
    }
  });

  it('the afterPack hook and the icons exist; targets are nsis and dmg', () => {
    expect(config.afterPack).toBeTruthy();
    expect(fs.existsSync(path.join(root, config.afterPack ?? 'missing'))).toBe(true);
    for (const icon of [config.win?.icon, config.mac?.icon]) {
      expect(icon, 'icon configured').toBeTruthy();
      expect(fs.existsSync(path.join(root, icon!)), icon).toBe(true);
    }
    expect(fs.existsSync(path.join(root, config.directories?.buildResources ?? 'build'))).toBe(true);
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(JSON.stringify(config.mac?.target)).toContain('dmg');
  });

  it('the icon is a 512x512 PNG', () => {
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });

  it('the sandboxed preload requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(root, 'dist/electron/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });
});

describe('afterPack hook flips the fuses', () => {
  it('turns RunAsNode, NODE_OPTIONS and --inspect off in a (fake) Electron binary', async () => {
    const { FuseState, SENTINEL } = require('@electron/fuses/dist/constants') as {
      FuseState: Record<string, number>;
      SENTINEL: string;
    };
    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const afterPack = require(path.join(root, 'build/after-pack.cjs')) as (ctx: unknown) => Promise<void>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-fuses-'));
    try {
      // An Electron binary's fuse wire: sentinel, version 1, 8 fuses, all enabled to start with.
      const wire = Buffer.concat([
        Buffer.alloc(64, 7),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.alloc(8, FuseState.ENABLE),
        Buffer.alloc(64, 7),
      ]);
      fs.writeFileSync(path.join(dir, 'porting-desk'), wire);
      await afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        packager: { appInfo: { productFilename: 'Porting Desk' }, executableName: 'porting-desk' },
      });
      const fuses = (await getCurrentFuseWire(path.join(dir, 'porting-desk'))) as unknown as Record<
        number,
        number
      >;
      expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
      const fuses_ = require(path.join(root, 'build/fuses.cjs')) as {
        fuseConfig: (p: string) => Record<number, boolean>;
      };
      const fuseConfig = fuses_.fuseConfig;
      expect(fuseConfig('win32')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
      expect(fuseConfig('darwin')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
