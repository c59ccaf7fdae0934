// Schema versions of a desk's PostgreSQL, tracked in schema_version (one row per migration).
// Each migration runs in its own transaction under an advisory lock, re-reading the version
// first, so two hosts starting against a fresh database migrate it exactly once. A database
// from a newer app is refused before anything is written, as the SQLite store refuses a newer file.
import { DeskError } from '../../../../shared/errors';
import type { Pg, Sql } from './connect';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from './migrations';

/** pg_advisory_xact_lock key for migrations: 'PDK1' as an integer, as SQLite's application_id. */
const MIGRATION_LOCK = 0x50444b31;

const TRACKING = /* sql */ `
CREATE TABLE IF NOT EXISTS schema_version (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`;

export const newerPgSchemaError = (found: number) =>
  new DeskError(
    'BAD_INPUT_FILE',
    `This desk database was written by a newer version of Porting Desk (schema ${found}, this app knows ${PG_SCHEMA_VERSION}). ` +
      'Update the app; the database was not changed.',
  );

async function versionOf(sql: Sql): Promise<number> {
  const exists = await sql.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await sql.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return r.rows[0]?.v ?? 0;
}

/**
 * What the database holds: 0 for an empty database. A database with tables of its own but no
 * schema_version is someone else's: migrating it would mix our tables into their data.
 */
export async function inspectPg(pg: Pg): Promise<{ schemaVersion: number; foreign: boolean }> {
  const v = await pgSchemaVersion(pg);
  if (v > 0) return { schemaVersion: v, foreign: false };
  const r = await pg.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_version'",
  );
  return { schemaVersion: 0, foreign: (r.rows[0]?.n ?? 0) > 0 };
}

export async function assertOpenablePg(pg: Pg): Promise<number> {
  const { schemaVersion, foreign } = await inspectPg(pg);
  if (foreign)
    throw new DeskError(
      'BAD_INPUT_FILE',
      'This PostgreSQL database already holds tables that are not a Porting Desk: point PORTING_DESK_DATABASE_URL at an empty database of its own.',
    );
  if (schemaVersion > PG_SCHEMA_VERSION) throw newerPgSchemaError(schemaVersion);
  return schemaVersion;
}

/** Applies migrations up to `target`; returns the versions applied by this call. */
export async function migratePg(pg: Pg, target: number = PG_SCHEMA_VERSION): Promise<number[]> {
  await assertOpenablePg(pg);
  const applied: number[] = [];
  for (const m of PG_MIGRATIONS) {
    if (m.version > target) break;
    await pg.tx(async (sql) => {
      await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await sql.query(TRACKING);
      const now = await versionOf(sql);
      if (now >= m.version) return;
      if (now !== m.version - 1)
        throw new DeskError('INTERNAL', `Cannot apply migration ${m.version} (${m.name}) to schema ${now}.`);
      await sql.query(m.sql);
      await sql.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}

export async function pgSchemaVersion(pg: Pg): Promise<number> {
  return pg.tx(versionOf, { readOnly: true });
}
