// Content-addressed store for original bills: <dataDir>/blobs/<sha[0..2]>/<sha>.
// Written to a temp file in the same folder, fsynced, then renamed, so a crash leaves either the
// whole blob or a temp file the startup sweep removes — never a half-written blob under its name.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../../shared/errors';
import { blobDir } from '../paths';

const TMP_PREFIX = '.tmp-';
const SHA_RE = /^[0-9a-f]{64}$/;

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function blobPath(dataDir: string, sha: string): string {
  if (!SHA_RE.test(sha)) throw new DeskError('BAD_ARGUMENT', `not a sha256: ${sha}`);
  return path.join(blobDir(dataDir), sha.slice(0, 2), sha);
}

/** Stores bytes under their hash; storing the same content again is a no-op. */
export function putBlob(
  dataDir: string,
  bytes: Uint8Array,
): { sha256: string; path: string; created: boolean } {
  const sha = sha256(bytes);
  const file = blobPath(dataDir, sha);
  if (fs.existsSync(file) && fs.statSync(file).size === bytes.byteLength) {
    // Refresh the mtime: the startup sweep only removes unreferenced blobs that are old, and
    // this one is about to be referenced again.
    const t = new Date();
    fs.utimesSync(file, t, t);
    return { sha256: sha, path: file, created: false };
  }
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(
    dir,
    `${TMP_PREFIX}${sha.slice(0, 16)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
  );
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    let off = 0;
    while (off < bytes.byteLength) off += fs.writeSync(fd, bytes, off, bytes.byteLength - off);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  syncDir(dir);
  return { sha256: sha, path: file, created: true };
}

/** The directory entry must be durable too, or the rename can be lost on power failure. */
function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* Windows cannot open directories; NTFS journals the rename itself. */
  }
}

export function readBlob(dataDir: string, sha: string): Buffer {
  try {
    return fs.readFileSync(blobPath(dataDir, sha));
  } catch {
    throw new DeskError('NOT_FOUND', 'The original file of this document is missing from the data folder');
  }
}

/** Removes temp files left by a crash mid-write (older than maxAgeMs). Returns how many. */
export function sweepBlobTemps(dataDir: string, now = Date.now(), maxAgeMs = 60_000): number {
  const root = blobDir(dataDir);
  let removed = 0;
  let shards: string[];
  try {
    shards = fs.readdirSync(root);
  } catch {
    return 0;
  }
  for (const shard of shards) {
    const dir = path.join(root, shard);
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(TMP_PREFIX)) continue;
      const f = path.join(dir, name);
      try {
        if (now - fs.statSync(f).mtimeMs >= maxAgeMs) {
          fs.rmSync(f, { force: true });
          removed++;
        }
      } catch {
        /* raced with another sweeper */
      }
    }
  }
  return removed;
}
