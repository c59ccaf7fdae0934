// Opening a case file safely: refuse anything that is not ours, damaged, or written by a newer
// app BEFORE any pragma or migration writes to it, so a refused file keeps every byte.
import Database from 'better-sqlite3';
import path from 'node:path';
import { DeskError } from '../../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

type Db = Database.Database;

/** PRAGMA application_id of every Porting Desk database ('PDK1'), so a foreign SQLite file is told apart. */
export const APPLICATION_ID = 0x50444b31;

export interface DbHeader {
  schemaVersion: number;
  applicationId: number;
  /** Objects in sqlite_master: 0 means a brand-new, empty file. */
  objects: number;
}

const notOurs = (file: string) =>
  new DeskError('BAD_INPUT_FILE', `${file} is not a Porting Desk database or is damaged.`);

export const newerSchemaError = (found: number) =>
  new DeskError(
    'BAD_INPUT_FILE',
    `This case file was written by a newer version of Porting Desk (schema ${found}, this app knows ${SCHEMA_VERSION}). ` +
      'Update the app; the file was not changed.',
  );

function isNotADatabase(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** Reads the header fields without writing anything. Throws DeskError for a non-database. */
export function readHeader(db: Db, file: string): DbHeader {
  try {
    return {
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
      objects: (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n,
    };
  } catch (err) {
    if (isNotADatabase(err)) throw notOurs(file);
    throw err;
  }
}

/** Throws unless the header belongs to a database this app may open (any older schema is fine). */
export function assertOpenable(h: DbHeader, file: string): void {
  if (h.applicationId !== 0 && h.applicationId !== APPLICATION_ID) throw notOurs(file);
  // user_version 0 with tables in it is someone else's SQLite file: migrating it would mix our
  // tables into their data.
  if (h.schemaVersion === 0 && h.objects > 0) throw notOurs(file);
  if (h.schemaVersion > 0 && h.applicationId !== APPLICATION_ID) throw notOurs(file);
  if (h.schemaVersion > SCHEMA_VERSION) throw newerSchemaError(h.schemaVersion);
}

function connect(file: string, readonly: boolean): Db {
  try {
    return new Database(file, { readonly, fileMustExist: readonly });
  } catch (err) {
    if (isNotADatabase(err)) throw notOurs(file);
    throw new DeskError('BAD_INPUT_FILE', `Cannot open ${file}: ${(err as Error).message}`);
  }
}

/**
 * Applies migrations up to `target`, each in its own IMMEDIATE transaction that re-reads
 * user_version first: two doors opening a fresh file at once then migrate it exactly once.
 */
export function migrate(db: Db, target: number = SCHEMA_VERSION): void {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    if (current() >= m.version) continue;
    db.transaction(() => {
      const now = current();
      if (now >= m.version) return;
      if (now !== m.version - 1) {
        throw new DeskError('INTERNAL', `Cannot apply migration ${m.version} (${m.name}) to schema ${now}.`);
      }
      db.exec(m.sql);
      // PRAGMAs take no bound parameters; both values are integers from this module, not input.
      db.pragma(`user_version = ${m.version}`);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}

/**
 * Opens (creating when missing) a Porting Desk database, ready to use.
 * - journal_mode=WAL: readers never block the one writer, so the CLI and the host share a file.
 * - synchronous=FULL: every commit is fsynced, so a committed status change or audit event
 *   survives a power cut, not just a process crash (which NORMAL already survives in WAL mode).
 *   Desk writes are human-paced (a few per minute per agent) and bulk imports are one
 *   transaction, so one fsync per commit costs nothing anyone notices; losing the last minutes
 *   of an audit trail on a laptop whose battery died would be noticed.
 * - busy_timeout=5000: a second writer waits for the lock instead of failing with SQLITE_BUSY.
 * - foreign_keys=ON: a number, document or event can never point at a missing case.
 */
export function openDatabase(file: string, opts: { readonly?: boolean; migrateTo?: number } = {}): Db {
  const readonly = opts.readonly ?? false;
  const db = connect(file, readonly);
  try {
    db.pragma('busy_timeout = 5000');
    return whileBusy(() => setUp(db, file, readonly, opts.migrateTo));
  } catch (err) {
    db.close();
    if (isNotADatabase(err)) throw notOurs(file);
    throw err;
  }
}

/** SQLite's "database is locked": another door holds the file, or is setting it up, for now. */
function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** How long a door keeps trying to open a file other doors hold: longer than any migration. */
const OPEN_WITHIN_MS = 30_000;

/**
 * Several doors opening one file at once (the CLI commands of a script, the host beside the
 * CLI) take turns: busy_timeout makes each wait for the lock, but SQLite answers "database is
 * locked" at once where waiting could deadlock (a door switching a new file to WAL while another
 * migrates it), and on a loaded disk a fresh file's migrations, each fsynced, can outlast
 * busy_timeout. CI saw that: one of seven commands started together on a new desk failed. Those
 * are tried again; every step is idempotent (migrate re-reads user_version in its transaction).
 */
function whileBusy<T>(step: () => T): T {
  const giveUpAt = Date.now() + OPEN_WITHIN_MS;
  for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
    try {
      return step();
    } catch (err) {
      if (!isBusy(err) || Date.now() + wait > giveUpAt) throw err;
      // Opening is synchronous, as better-sqlite3 is: wait on this thread.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

/** Checks the file is ours, then readies it: pragmas and migrations (read-write), or query-only. */
function setUp(db: Db, file: string, readonly: boolean, migrateTo: number | undefined): Db {
  const header = readHeader(db, file);
  assertOpenable(header, file);
  if (readonly) {
    if (header.schemaVersion !== SCHEMA_VERSION) {
      throw new DeskError(
        'BAD_INPUT_FILE',
        `${path.basename(file)} has schema ${header.schemaVersion}; open it once read-write to upgrade it to ${SCHEMA_VERSION}.`,
      );
    }
    db.pragma('query_only = ON');
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrateTo ?? SCHEMA_VERSION);
  return db;
}

/** What `db info` and `db restore` need to know about a file, without changing it. */
export function inspectDatabase(file: string): DbHeader & { knownVersion: number; cases: number | null } {
  const db = connect(file, true);
  try {
    const header = readHeader(db, file);
    assertOpenable(header, file);
    let cases: number | null = null;
    if (header.schemaVersion >= 1) {
      try {
        cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
      } catch (err) {
        if (isNotADatabase(err)) throw notOurs(file);
        throw err;
      }
    }
    return { ...header, knownVersion: SCHEMA_VERSION, cases };
  } finally {
    db.close();
  }
}
