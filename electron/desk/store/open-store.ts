// Which store a desk opens: PostgreSQL when a database URL is configured (a desk shared by a
// team), else the SQLite file in the data folder (one agent, offline, nothing else to run).
import path from 'node:path';
import type { SecretBox } from '../secrets';
import { dbPath } from '../paths';
import type { Store } from './types';

export const DATABASE_URL_ENV = 'PORTING_DESK_DATABASE_URL';

/** The configured database URL, or null for the personal SQLite desk. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env[DATABASE_URL_ENV]?.trim();
  return url ? url : null;
}

export interface OpenStoreOptions {
  dataDir: string;
  /** postgres://… selects PostgreSQL; null/undefined the SQLite file <dataDir>/desk.sqlite. */
  databaseUrl?: string | null;
  secrets?: SecretBox;
  /** Open without migrating or writing. */
  readonly?: boolean;
}

export async function openDeskStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    // Loaded only for a team desk: the personal desk never pays for the pg client.
    const { openPostgresStore } = await import('./postgres');
    return openPostgresStore(opts.databaseUrl, { secrets: opts.secrets, migrate: !opts.readonly });
  }
  const { openStore } = await import('./sqlite-store');
  return openStore(dbPath(opts.dataDir), {
    secrets: opts.secrets,
    readonly: opts.readonly,
    dataDir: path.resolve(opts.dataDir),
  });
}
