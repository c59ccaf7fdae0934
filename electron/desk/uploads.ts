// Files the browser door uploads (a bill dropped into the browser has no path on the desk's
// disk). The host streams the bytes here and hands back an opaque uploadId; intake handlers
// turn the id back into a path with resolveUpload(). Plain Node: no 'electron' import.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { DeskError } from '../../shared/errors';

export const UPLOAD_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const ID_RE = /^[A-Za-z0-9_-]{22}$/;
const PART_SUFFIX = '.part';

export const uploadsDir = (dataDir: string): string => path.join(dataDir, 'uploads');

export interface UploadInfo {
  uploadId: string;
  /** The file's original name as the browser reported it (display only, never used as a path). */
  name: string;
  mime: string;
  size: number;
  /** Where the bytes are on disk. */
  path: string;
}

interface UploadMeta {
  name: string;
  mime: string;
  size: number;
  createdAt: number;
}

const metaPath = (dataDir: string, id: string): string => path.join(uploadsDir(dataDir), `${id}.json`);
const blobPath = (dataDir: string, id: string): string => path.join(uploadsDir(dataDir), `${id}.bin`);

export class UploadTooLargeError extends DeskError {
  constructor(limit: number) {
    super(
      'LIMIT_EXCEEDED',
      `The file is larger than the ${Math.round(limit / (1024 * 1024))} MB upload limit.`,
    );
  }
}

/**
 * Streams an upload to disk: bytes go to a .part file that is renamed only when complete, so a
 * crash or a cut connection never leaves a file that looks finished (the sweep removes .part).
 */
export async function saveUpload(
  dataDir: string,
  body: Readable,
  opts: { name: string; mime: string; maxBytes: number },
): Promise<UploadInfo> {
  const dir = uploadsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const uploadId = crypto.randomBytes(16).toString('base64url');
  const final = blobPath(dataDir, uploadId);
  const part = final + PART_SUFFIX;
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > opts.maxBytes) cb(new UploadTooLargeError(opts.maxBytes));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(body, limiter, fs.createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    const meta: UploadMeta = {
      name: opts.name.slice(0, 255),
      mime: opts.mime.slice(0, 100),
      size,
      createdAt: Date.now(),
    };
    // Meta first: a blob without meta is swept; meta without blob resolves to NOT_FOUND.
    fs.writeFileSync(metaPath(dataDir, uploadId), JSON.stringify(meta), { mode: 0o600 });
    fs.renameSync(part, final);
  } catch (err) {
    fs.rmSync(part, { force: true });
    fs.rmSync(metaPath(dataDir, uploadId), { force: true });
    throw err;
  }
  return { uploadId, name: opts.name, mime: opts.mime, size, path: final };
}

/** Full information about an upload; NOT_FOUND for unknown, malformed or expired ids. */
export function uploadInfo(dataDir: string, uploadId: string): UploadInfo {
  if (typeof uploadId !== 'string' || !ID_RE.test(uploadId)) {
    throw new DeskError('BAD_ARGUMENT', 'uploadId is not a valid upload id.');
  }
  const file = blobPath(dataDir, uploadId);
  let meta: UploadMeta;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath(dataDir, uploadId), 'utf8')) as UploadMeta;
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new DeskError(
      'NOT_FOUND',
      'That upload was not found (it may have expired); please add the file again.',
    );
  }
  return { uploadId, name: meta.name, mime: meta.mime, size: meta.size, path: file };
}

/** The on-disk path of an uploaded file, for handlers that accept `{ uploadId }` instead of `{ path }`. */
export function resolveUpload(dataDir: string, uploadId: string): string {
  return uploadInfo(dataDir, uploadId).path;
}

/** Removes an upload once a handler has copied it into the store. */
export function discardUpload(dataDir: string, uploadId: string): void {
  if (!ID_RE.test(uploadId)) return;
  fs.rmSync(blobPath(dataDir, uploadId), { force: true });
  fs.rmSync(metaPath(dataDir, uploadId), { force: true });
}

/**
 * Deletes uploads older than maxAgeMs and every leftover .part file older than a minute (a
 * crashed or cut upload). Returns how many files were removed. Called at host start and hourly.
 */
export function sweepUploads(dataDir: string, now = Date.now(), maxAgeMs = UPLOAD_MAX_AGE_MS): number {
  const dir = uploadsDir(dataDir);
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of entries) {
    const full = path.join(dir, name);
    let mtime: number;
    try {
      mtime = fs.statSync(full).mtimeMs;
    } catch {
      continue;
    }
    const age = now - mtime;
    const stale = name.endsWith(PART_SUFFIX) ? age > 60_000 : age > maxAgeMs;
    // A blob whose meta vanished is unreachable: remove it as well.
    const orphan = name.endsWith('.bin') && !fs.existsSync(path.join(dir, name.replace(/\.bin$/, '.json')));
    if (stale || orphan) {
      fs.rmSync(full, { force: true });
      removed++;
    }
  }
  return removed;
}
