import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/desk/store/migrations';
import { APPLICATION_ID, migrate, openDatabase } from '../../../electron/desk/store/open';
import { inspectDatabase, openStore } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';
import { openTempStore, tempDir } from './helpers';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

const tables = (db: Database.Database) =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'cases_fts_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];

describe('migrations', () => {
  it('are numbered consecutively from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('apply step by step from an empty file, setting user_version after each', () => {
    const file = path.join(tempDir(), 'steps.sqlite');
    const db = new Database(file);
    opened.push(db);
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(0);

    migrate(db, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(tables(db)).toEqual(['case_events', 'cases', 'comments', 'documents', 'numbers']);
    // A case written by a version-1 app, before search existed.
    db.prepare(
      `INSERT INTO cases (account_name, account_type, account_number, btn, losing_carrier, auth_name,
         svc_line1, svc_city, svc_state, svc_zip, created_at, updated_at)
       VALUES ('Old Mill Bakery', 'business', 'AC-77', '5185550100', 'Frontier', 'Al', '9 Mill Rd', 'Hudson', 'NY', '12534', 'x', 'x')`,
    ).run();
    db.prepare(
      "INSERT INTO numbers (case_id, position, number, action, kind) VALUES (1, 0, '5185550177', 'port', 'local')",
    ).run();

    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toContain('cases_fts');
    // The backfill indexed the old case: by name, by partial number, by bare account number.
    const hit = (q: string) =>
      db.prepare('SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?').pluck().all(q);
    expect(hit('"mill bak"')).toEqual([1]);
    expect(hit('"0177"')).toEqual([1]);
    expect(hit('"AC77"')).toEqual([1]);

    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['extractions', 'case_checks', 'settings', 'cases', 'numbers', 'case_events']),
    );

    migrate(db, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cases_status_rank%'")
      .pluck()
      .all();
    expect(indexes).toEqual(['cases_status_rank_asc', 'cases_status_rank_desc']);

    // A check report stored before epochs existed matches no epoch: it reads as out of date once.
    db.prepare(
      "INSERT INTO case_checks (case_id, json, readiness, computed_at) VALUES (1, '[]', 'ready', 'x')",
    ).run();
    migrate(db, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT checks_epoch FROM cases WHERE id = 1').pluck().get()).toBe(0);
    expect(db.prepare('SELECT epoch FROM case_checks WHERE case_id = 1').pluck().get()).toBe(-1);

    migrate(db, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT assignee FROM cases WHERE id = 1').pluck().get()).toBeNull();
    expect(SCHEMA_VERSION).toBe(6);
  });

  it('re-running is a no-op and a re-opened store keeps its data', async () => {
    const { file, dir, store } = openTempStore();
    const c = await store.createCase(caseInput(), 'tester');
    await store.close();
    const before = fs.readFileSync(file);
    const again = openTempStore(dir).store;
    expect((await again.getCase(c.id)).customer.accountName).toBe('Acme Plumbing LLC');
    await again.close();
    const db = openDatabase(file);
    opened.push(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
    expect(fs.readFileSync(file).subarray(100).equals(before.subarray(100))).toBe(true);
  });

  it('refuses a database from a newer app and leaves every byte alone', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const { store } = openTempStore(path.dirname(file));
    await store.close();
    fs.renameSync(path.join(path.dirname(file), 'desk.sqlite'), file);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 4}`);
    db.close();
    const bytes = fs.readFileSync(file);
    const message = `This case file was written by a newer version of Porting Desk (schema ${SCHEMA_VERSION + 4}, this app knows ${SCHEMA_VERSION}). Update the app; the file was not changed.`;
    expect(() => openStore(file)).toThrow(message);
    expect(() => openStore(file, { readonly: true })).toThrow(message);
    expect(() => inspectDatabase(file)).toThrow(message);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a corrupt or non-SQLite file without overwriting it', () => {
    const dir = tempDir();
    for (const [name, content] of [
      ['text.sqlite', Buffer.from('this is a PDF, honest\n'.repeat(300))],
      ['damaged.sqlite', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xab)])],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      expect(() => openStore(file)).toThrow(`${file} is not a Porting Desk database or is damaged.`);
      expect(() => inspectDatabase(file)).toThrow(/is not a Porting Desk database or is damaged/);
      expect(fs.readFileSync(file).equals(content)).toBe(true);
    }
  });

  it("refuses another application's SQLite file instead of adding tables to it", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
    db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/is not a Porting Desk database/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
