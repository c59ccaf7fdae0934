// Runs a CommonJS-style script through V8 with a code cache kept beside it. Node 20 has no
// module.enableCompileCache, and an ES module cannot take V8's cachedData at all; so a big script
// a one-shot command loads on every run (pdfjs: ~1.9 MB) is compiled once, its code cache saved
// at exit, and later runs deserialise it instead of parsing and compiling again.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** What became of the cache on this run: used, none yet, or one there but stale, damaged or refused. */
export type CacheUse = 'used' | 'absent' | 'rejected';

const MAGIC = Buffer.from('DSKC2\0');
/**
 * magic, CRC-32 of the V8 data, then the script's size and mtime (what the cache was made from).
 * A CRC, not a hash: it finds a flipped byte or a cut-off file as surely, and needs no crypto module, whose loading
 * was ~5 ms of every one-shot command (zlib is loaded anyway: pdfjs inflates through it).
 */
const SUM = 4;
const HEADER = MAGIC.length + SUM + 16;

/**
 * The cache file for a script: per V8 version and CPU (V8 itself rejects a cache made by another),
 * and per `variant` when one script serves runs that compile different parts of it.
 */
export function cacheFileFor(file: string, variant = ''): string {
  return `${file}${variant && `.${variant}`}.${process.versions.v8}-${process.arch}.v8cache`;
}

/**
 * Runs `file` as the body of a function taking `params` (names → values, in order) and returns
 * the function's result. The script's code cache is read from beside it when it was made from
 * this very file (same size and mtime), is whole (its CRC checks: V8 checks neither its payload
 * nor its source's content, only the source's length) and V8 accepts it. Otherwise the script
 * compiles as usual and a fresh cache is written when the process exits (saveCodeCaches), so it
 * holds the functions this run compiled too. A cache that cannot be read or written only costs
 * the compile: the script runs all the same.
 */
export function runWithCodeCache(
  file: string,
  params: Record<string, unknown>,
  opts: { variant?: string } = {},
): { result: unknown; cache: CacheUse } {
  // An ASCII file (the build makes its scripts so) is read as Latin-1: the same string, copied
  // rather than decoded, and one byte a character where UTF-8 decoding of a file with one
  // non-ASCII letter makes two.
  const bytes = fs.readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const stat = fs.statSync(file);
  const cacheFile = cacheFileFor(file, opts.variant);
  const cached = readCache(cacheFile, stat);
  const names = Object.keys(params);
  const script = new vm.Script(`(function (${names.join(', ')}) {${source}\n})`, {
    filename: file,
    // No importModuleDynamically: Node 20 loses it when the script comes from a cache, so a
    // script run here must not import(); the CLI's is given one as a parameter instead.
    cachedData: cached === 'absent' || cached === 'bad' ? undefined : cached,
  });
  const cache: CacheUse =
    cached === 'absent' ? 'absent' : cached === 'bad' || script.cachedDataRejected ? 'rejected' : 'used';
  const fn = script.runInThisContext() as (...args: unknown[]) => unknown;
  const result = fn(...names.map((n) => params[n]));
  if (cache !== 'used') {
    if (unsaved.size === 0) process.once('exit', saveCodeCaches);
    unsaved.set(cacheFile, { stat, script });
  }
  return { result, cache };
}

/** Scripts run this process whose cache is missing or bad, by cache file. */
const unsaved = new Map<string, { stat: fs.Stats; script: vm.Script }>();

/** Writes the caches runWithCodeCache could not use; called at exit (and by tests). */
export function saveCodeCaches(): void {
  for (const [cacheFile, { stat, script }] of unsaved) writeCache(cacheFile, stat, script);
  unsaved.clear();
}

function sourceStamp(stat: fs.Stats): Buffer {
  const b = Buffer.alloc(16);
  b.writeDoubleLE(stat.size, 0);
  b.writeDoubleLE(stat.mtimeMs, 8);
  return b;
}

function readCache(cacheFile: string, stat: fs.Stats): Buffer | 'absent' | 'bad' {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(cacheFile);
  } catch {
    return 'absent';
  }
  if (raw.length <= HEADER || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return 'bad';
  if (!raw.subarray(MAGIC.length + SUM, HEADER).equals(sourceStamp(stat))) return 'bad';
  const data = raw.subarray(HEADER);
  return raw.readUInt32LE(MAGIC.length) === zlib.crc32(data) ? data : 'bad';
}

/** Written whole under a temporary name and renamed, so a reader never meets half a cache. */
function writeCache(cacheFile: string, stat: fs.Stats, script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const sum = Buffer.alloc(SUM);
    sum.writeUInt32LE(zlib.crc32(data));
    fs.writeFileSync(tmp, Buffer.concat([MAGIC, sum, sourceStamp(stat), data]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only install or a full disk: the next run compiles again, nothing worse.
    fs.rmSync(tmp, { force: true });
  }
}
