// The store conformance suite runs every store test against both backends: a SQLite file in a
// temp folder and a fresh database in the run's throwaway PostgreSQL (test/support).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { fileKeySecretBox } from '../../../electron/desk/secrets';
import { openDeskStore, type Store } from '../../../electron/desk/store';
import type { Desk } from '../../../electron/desk/service';

export type BackendName = 'sqlite' | 'postgres';

export interface OpenedStore {
  store: Store;
  /** The data folder (secret.key; the SQLite file and its blobs). */
  dir: string;
  /** The PostgreSQL database URL; null on SQLite. */
  url: string | null;
}

export interface Backend {
  name: BackendName;
  /** A new, empty desk store; `dir`/`url` reopen an existing one. */
  open(at?: { dir?: string; url?: string | null }): Promise<OpenedStore>;
  /** A URL for a fresh, empty database (PostgreSQL) or null (SQLite). */
  freshUrl(): Promise<string | null>;
}

export const pgAdminUrl = (): string | null => inject('pgAdminUrl');

export const tempDir = (prefix = 'desk-store-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** One connection to `url` for fn, always closed. */
export async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database in the throwaway server. */
export async function freshPgDatabase(): Promise<string> {
  const admin = pgAdminUrl();
  if (!admin) throw new Error('no PostgreSQL server in this run');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

const sqlite: Backend = {
  name: 'sqlite',
  async freshUrl() {
    return null;
  },
  async open(at = {}) {
    const dir = at.dir ?? tempDir();
    return { store: await openDeskStore({ dataDir: dir, secrets: fileKeySecretBox(dir) }), dir, url: null };
  },
};

const postgres: Backend = {
  name: 'postgres',
  freshUrl: freshPgDatabase,
  async open(at = {}) {
    const dir = at.dir ?? tempDir();
    const url = at.url ?? (await freshPgDatabase());
    return {
      store: await openDeskStore({ dataDir: dir, databaseUrl: url, secrets: fileKeySecretBox(dir) }),
      dir,
      url,
    };
  },
};

/** SQLite always; PostgreSQL where the run has a server (see test/support/pg-global-setup.ts). */
export function backends(): Backend[] {
  return pgAdminUrl() ? [sqlite, postgres] : [sqlite];
}
export const BACKEND_NAMES: BackendName[] = ['sqlite', 'postgres'];
export const backend = (name: BackendName): Backend => (name === 'sqlite' ? sqlite : postgres);

/** A whole desk (service + handlers) on a backend, as the doors open it. */
export async function openTestDesk(
  b: Backend,
  opts: { dir?: string; url?: string | null } = {},
): Promise<{ desk: Desk; dir: string; url: string | null }> {
  const { openDesk } = await import('../../../electron/desk/service');
  const dir = opts.dir ?? tempDir();
  const url = opts.url !== undefined ? opts.url : await b.freshUrl();
  return { desk: await openDesk({ dataDir: dir, databaseUrl: url, autoBackup: false }), dir, url };
}
