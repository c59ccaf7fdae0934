// Startup sweep of the data folder: what a crash (power cut, SIGKILL, a killed host) can leave
// behind, removed without ever racing a write still in flight in another door.
// - Blob temp files (`blobs/xx/.tmp-<sha>-<pid>-<rand>`): removed when their writer's pid is
//   gone, or when they are older than this process (a live pid can be a reused one).
// - Blobs no document row points at (a crash between writing the bill and its row): removed
//   only when older than `orphanMinAgeMs`, because another door writes the blob a few
//   milliseconds before its row; putBlob refreshes the mtime of a blob it reuses for the same
//   reason.
// - Upload leftovers: uploads.ts's own sweep (partial files, a day-old uploads).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { blobDir } from './paths';
import { sweepUploads } from './uploads';

export const ORPHAN_MIN_AGE_MS = 10 * 60 * 1000;
const TMP_RE = /^\.tmp-[0-9a-f]{16}-(\d+)-[0-9a-f]+$/;
const SHA_RE = /^[0-9a-f]{64}$/;

export interface SweepOptions {
  /** Anything older than this is not being written by anyone alive in this process (default: now). */
  processStart?: number;
  now?: number;
  orphanMinAgeMs?: number;
  /** sha256 values that documents rows reference. Without it, orphans are not swept. */
  referenced?: (sha: string) => boolean;
}

export interface SweepReport {
  blobTemps: number;
  orphanBlobs: number;
  uploads: number;
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function files(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function mtime(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Every sha256 the documents table points at, read on a connection of its own. */
export function referencedShas(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return new Set(db.prepare('SELECT DISTINCT sha256 FROM documents').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

export function sweepDataDir(dataDir: string, opts: SweepOptions = {}): SweepReport {
  const now = opts.now ?? Date.now();
  const processStart = opts.processStart ?? now;
  const orphanAge = opts.orphanMinAgeMs ?? ORPHAN_MIN_AGE_MS;
  const report: SweepReport = { blobTemps: 0, orphanBlobs: 0, uploads: 0 };
  const root = blobDir(dataDir);
  for (const shard of files(root)) {
    const dir = path.join(root, shard);
    for (const name of files(dir)) {
      const file = path.join(dir, name);
      const tmp = TMP_RE.exec(name);
      if (tmp) {
        const t = mtime(file);
        if (t === null) continue;
        if (!pidAlive(Number(tmp[1])) || t < processStart - 1000) {
          fs.rmSync(file, { force: true });
          report.blobTemps++;
        }
        continue;
      }
      if (!opts.referenced || !SHA_RE.test(name) || opts.referenced(name)) continue;
      const t = mtime(file);
      if (t !== null && now - t >= orphanAge) {
        fs.rmSync(file, { force: true });
        report.orphanBlobs++;
      }
    }
  }
  report.uploads = sweepUploads(dataDir, now);
  // A backup cut short leaves `<name>.<pid>.partial` beside the backups.
  const backups = path.join(dataDir, 'backups');
  for (const name of files(backups)) {
    const m = /\.(\d+)\.partial$/.exec(name);
    const t = m ? mtime(path.join(backups, name)) : null;
    if (m && t !== null && (!pidAlive(Number(m[1])) || t < processStart - 1000)) {
      fs.rmSync(path.join(backups, name), { force: true });
      report.blobTemps++;
    }
  }
  return report;
}
