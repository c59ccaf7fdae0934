// Files the service produced for the agent to save (packet exports). In the browser door the
// renderer cannot read the desk's disk, so a handler registers the file and returns the id; the
// host serves GET /api/download/<id> as an attachment. The id is random, so a path on disk is
// never exposed to the page or accepted from it. Plain Node: no 'electron' import.
import crypto from 'node:crypto';

export interface DownloadEntry {
  filePath: string;
  /** The file name the browser should save as. */
  name: string;
  mime: string;
  expiresAt: number;
}

const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const ID_RE = /^[A-Za-z0-9_-]{22}$/;
const registry = new Map<string, DownloadEntry>();

export function registerDownload(
  filePath: string,
  name: string,
  mime = 'application/octet-stream',
  now = Date.now(),
): string {
  pruneDownloads(now);
  const id = crypto.randomBytes(16).toString('base64url');
  registry.set(id, { filePath, name, mime, expiresAt: now + DOWNLOAD_TTL_MS });
  return id;
}

/** The registered file, or undefined for unknown, malformed or expired ids. */
export function getDownload(id: string, now = Date.now()): DownloadEntry | undefined {
  if (!ID_RE.test(id)) return undefined;
  const entry = registry.get(id);
  if (!entry || entry.expiresAt <= now) return undefined;
  return entry;
}

/** The URL path the browser door fetches for a registered id. */
export const downloadUrlPath = (id: string): string => `/api/download/${id}`;

function pruneDownloads(now: number): void {
  for (const [id, e] of registry) if (e.expiresAt <= now) registry.delete(id);
}
