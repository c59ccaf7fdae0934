// PostgreSQL schema migrations, on real databases in the run's throwaway server: applied step by
// step with data in between, each in its own transaction, exactly once under concurrent opens;
// a newer or foreign database is refused with nothing written.
import crypto from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../../electron/desk/secrets';
import { openPostgresStore } from '../../../electron/desk/store/postgres';
import { createPg } from '../../../electron/desk/store/postgres/connect';
import { migratePg, pgSchemaVersion } from '../../../electron/desk/store/postgres/migrate';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../../electron/desk/store/postgres/migrations';
import { statusRankSql } from '../../../electron/desk/store/postgres/list';
import { caseInput } from '../../unit/store/fixtures';
import { freshPgDatabase, pgAdminUrl } from './backends';
import { NO_POSTGRES_MESSAGE } from '../../support/postgres';

const key = () => aesGcmSecretBox(crypto.randomBytes(32));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Everything a refused open must leave alone: the tables, their rows and the schema rows. */
const snapshot = (url: string) =>
  withClient(url, async (c) => {
    const tables = await c.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    const out: string[] = [];
    for (const { t } of tables.rows)
      out.push(
        t,
        ...(
          await c.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x ORDER BY 1`)
        ).rows.map((r) => r.j),
      );
    return out.join('\n');
  });

describe.skipIf(!pgAdminUrl())('PostgreSQL migrations', () => {
  if (!pgAdminUrl()) console.warn(NO_POSTGRES_MESSAGE);

  it('are numbered consecutively from 1, and the status sort index matches the list', () => {
    expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    expect(PG_SCHEMA_VERSION).toBe(PG_MIGRATIONS.length);
    expect(PG_MIGRATIONS[1]!.sql).toContain(statusRankSql('status'));
  });

  it('apply step by step from an empty database, one schema_version row each', async () => {
    const url = await freshPgDatabase();
    const db = createPg(url);
    try {
      expect(await pgSchemaVersion(db)).toBe(0);
      expect(await migratePg(db, 1)).toEqual([1]);
      expect(await pgSchemaVersion(db)).toBe(1);
      // Data written by a version-1 app survives the next migration.
      await withClient(url, (c) =>
        c.query(
          `INSERT INTO cases (account_name, account_type, account_number, losing_carrier, auth_name, svc_line1,
             svc_city, svc_state, svc_zip, created_at, updated_at)
           VALUES ('Old Mill Bakery', 'business', 'AC-77', 'Frontier', 'Al', '9 Mill Rd', 'Hudson', 'NY', '12534', now(), now());
           INSERT INTO case_search (id, doc) VALUES (1, 'old mill bakery')`,
        ),
      );
      expect(await migratePg(db, 2)).toEqual([2]);
      // Migration 3 adds accounts and an assignee column; the old case is unassigned.
      expect(await migratePg(db, 3)).toEqual([3]);
      const who = await withClient(url, (c) =>
        c.query<{ assignee: string | null }>('SELECT assignee FROM cases'),
      );
      expect(who.rows).toEqual([{ assignee: null }]);
      const rows = await withClient(url, (c) =>
        c.query<{ version: number; name: string }>(
          'SELECT version, name FROM schema_version ORDER BY version',
        ),
      );
      expect(rows.rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      const idx = await withClient(url, (c) =>
        c.query<{ n: string }>("SELECT indexname AS n FROM pg_indexes WHERE tablename = 'cases' ORDER BY 1"),
      );
      expect(idx.rows.map((r) => r.n)).toEqual(
        expect.arrayContaining(['cases_status_rank', 'cases_status_rank_desc', 'cases_assignee_updated']),
      );
      expect(await migratePg(db)).toEqual([]); // re-running is a no-op
    } finally {
      await db.end();
    }
    const store = await openPostgresStore(url, { secrets: key() });
    try {
      expect(
        (
          await store.listCases({
            query: 'bakery',
            status: [],
            sort: 'updated',
            dir: 'desc',
            offset: 0,
            limit: 10,
          })
        ).total,
      ).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('a migration that fails leaves the database at the version before it', async () => {
    const url = await freshPgDatabase();
    const db = createPg(url);
    try {
      await migratePg(db, 1);
      // Something in the way of migration 2 (an index of that name), as a hand edit would leave.
      await withClient(url, (c) => c.query('CREATE INDEX cases_status_rank ON cases (status)'));
      await expect(migratePg(db)).rejects.toThrow(/cases_status_rank/);
      expect(await pgSchemaVersion(db)).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('two hosts opening a fresh database at once migrate it exactly once', async () => {
    const url = await freshPgDatabase();
    const secrets = key();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url, { secrets })));
    try {
      const rows = await withClient(url, (c) => c.query('SELECT version FROM schema_version'));
      expect(rows.rowCount).toBe(PG_SCHEMA_VERSION);
      await stores[0]!.createCase(caseInput(), 't');
      expect(await stores[2]!.counts()).toMatchObject({ draft: 1 });
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('refuses a database from a newer app and leaves it alone', async () => {
    const url = await freshPgDatabase();
    const secrets = key();
    await (await openPostgresStore(url, { secrets })).close();
    await withClient(url, (c) => c.query("INSERT INTO schema_version (version, name) VALUES (99, 'future')"));
    const before = await snapshot(url);
    await expect(openPostgresStore(url, { secrets })).rejects.toThrow(
      `This desk database was written by a newer version of Porting Desk (schema 99, this app knows ${PG_SCHEMA_VERSION}). Update the app; the database was not changed.`,
    );
    expect(await snapshot(url)).toBe(before);
  });

  it("refuses another application's database instead of adding tables to it", async () => {
    const url = await freshPgDatabase();
    await withClient(url, (c) => c.query('CREATE TABLE photos (id serial PRIMARY KEY, path text)'));
    const before = await snapshot(url);
    await expect(openPostgresStore(url, { secrets: key() })).rejects.toThrow(/not a Porting Desk/);
    expect(await snapshot(url)).toBe(before);
  });

  it("refuses a host whose secret key is not the desk's, before it writes a PIN", async () => {
    const url = await freshPgDatabase();
    await (await openPostgresStore(url, { secrets: key() })).close();
    await expect(openPostgresStore(url, { secrets: key() })).rejects.toThrow(
      /secret\.key is not the key of the desk/,
    );
  });
});
