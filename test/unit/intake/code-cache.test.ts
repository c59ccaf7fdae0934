// A one-shot command runs pdfjs as plain scripts with a V8 code cache beside them
// (electron/desk/code-cache.ts). What must hold: a run with no cache, a stale one or a damaged
// one still runs the script as it is on disk, and leaves a cache the next run uses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, runWithCodeCache, saveCodeCaches } from '../../../electron/desk/code-cache';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A script with enough functions for V8 to cache, returning `word` through one of them. */
function script(word: string): string {
  const helpers = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  return `${helpers}\nconst tag = (s) => s.toUpperCase();\nmodule.exports = { word: tag(${JSON.stringify(word)}), sum: f49(1) };\nreturn module.exports.word;`;
}

function run(file: string) {
  const module = { exports: {} as Record<string, unknown> };
  const { result, cache } = runWithCodeCache(file, { module });
  return { result, cache, exports: module.exports };
}

describe('runWithCodeCache', () => {
  it('compiles without a cache, then uses the one it saved', () => {
    const file = path.join(dir, 'fresh.cjs');
    fs.writeFileSync(file, script('port'));
    const first = run(file);
    expect(first).toEqual({ result: 'PORT', cache: 'absent', exports: { word: 'PORT', sum: 50 } });
    saveCodeCaches();
    expect(fs.existsSync(cacheFileFor(file))).toBe(true);
    expect(run(file)).toEqual({ result: 'PORT', cache: 'used', exports: { word: 'PORT', sum: 50 } });
  });

  it('ignores the cache of an edited script, even one of the same length, and rebuilds it', () => {
    const file = path.join(dir, 'edited.cjs');
    fs.writeFileSync(file, script('port'));
    run(file);
    saveCodeCaches();
    // Same length: V8's own check (the source's length) would take the old cache for it.
    fs.writeFileSync(file, script('bill'));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(run(file)).toMatchObject({ result: 'BILL', cache: 'rejected' });
    saveCodeCaches();
    expect(run(file)).toMatchObject({ result: 'BILL', cache: 'used' });
  });

  it('ignores a damaged cache (a flipped byte, a cut-off file, garbage) and rebuilds it', () => {
    const file = path.join(dir, 'damaged.cjs');
    fs.writeFileSync(file, script('loa'));
    run(file);
    saveCodeCaches();
    const cacheFile = cacheFileFor(file);
    const good = fs.readFileSync(cacheFile);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100]! ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache')]) {
      fs.writeFileSync(cacheFile, bad);
      expect(run(file)).toEqual({ result: 'LOA', cache: 'rejected', exports: { word: 'LOA', sum: 50 } });
      saveCodeCaches();
      expect(run(file)).toMatchObject({ result: 'LOA', cache: 'used' });
    }
  });

  it('reads an ASCII script as Latin-1 and any other as UTF-8, the same text either way', () => {
    const ascii = path.join(dir, 'ascii.cjs');
    fs.writeFileSync(ascii, script('étage').replace('é', '\\u00e9')); // as the build escapes it
    expect(run(ascii).result).toBe('ÉTAGE');
    const utf8 = path.join(dir, 'utf8.cjs');
    fs.writeFileSync(utf8, script('étage – 2'));
    expect(run(utf8).result).toBe('ÉTAGE – 2');
    saveCodeCaches();
    expect(run(utf8)).toMatchObject({ result: 'ÉTAGE – 2', cache: 'used' });
  });
});
