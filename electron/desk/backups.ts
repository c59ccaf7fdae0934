// Automatic daily backups of the case store into <dataDir>/backups/, keeping the newest N
// (settings.backups.keep, default 7). SQLite's online backup API makes each one a consistent
// snapshot even while another door writes; the store writes it to a temp name and renames, so a
// crash mid-backup never leaves a half file under a backup's name.
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from './store';
import { readSettings } from './packet/settings-store';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_KEEP = 7;
const NAME_RE = /^desk-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');

export interface BackupFile {
  file: string;
  at: number;
}

/** Our automatic backups, newest first (other files in the folder are the agent's and left alone). */
export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = NAME_RE.exec(name);
    if (!m) continue;
    const iso = m[1]!.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
    const at = Date.parse(iso);
    if (Number.isFinite(at)) out.push({ file: path.join(backupsDir(dataDir), name), at });
  }
  return out.sort((a, b) => b.at - a.at);
}

export function backupName(at: Date): string {
  return `desk-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/** How many to keep: the settings value when set and valid, else 7. */
export async function keepCount(store: Store): Promise<number> {
  try {
    const keep = (await readSettings(store)).backups.keep;
    return Number.isInteger(keep) && keep >= 1 ? keep : DEFAULT_KEEP;
  } catch {
    return DEFAULT_KEEP;
  }
}

export interface DailyBackupOptions {
  now?: Date;
  keep?: number;
  /** A backup younger than this counts as today's (default 24 h). */
  maxAgeMs?: number;
}

/**
 * Takes a backup when the newest one is older than a day (or there is none), then deletes the
 * oldest beyond `keep`. Returns the new file, or null when today's backup already exists or the
 * store is empty (nothing to protect yet).
 */
export async function dailyBackup(
  store: Store,
  dataDir: string,
  opts: DailyBackupOptions = {},
): Promise<string | null> {
  const now = opts.now ?? new Date();
  const maxAge = opts.maxAgeMs ?? DAY_MS;
  const existing = listBackups(dataDir);
  const newest = existing[0];
  if (newest && now.getTime() - newest.at < maxAge && newest.at <= now.getTime()) return null;
  const cases = Object.values(await store.counts()).reduce((a, b) => a + b, 0);
  if (cases === 0) return null;
  fs.mkdirSync(backupsDir(dataDir), { recursive: true, mode: 0o700 });
  const file = path.join(backupsDir(dataDir), backupName(now));
  await store.backup(file);
  prune(dataDir, opts.keep ?? (await keepCount(store)));
  return file;
}

export function prune(dataDir: string, keep: number): number {
  let removed = 0;
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) {
    fs.rmSync(old.file, { force: true });
    removed++;
  }
  return removed;
}
