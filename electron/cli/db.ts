// `desk db …`: backup, restore, inspection and migration of the case store, and the move of a
// personal desk into a team's PostgreSQL. SQLite backups use its online backup API, so they are
// consistent even while the app or the host is writing; a PostgreSQL desk is backed up with
// pg_dump (the README's "Team desk").
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import { STATUS_LABELS } from '../../shared/status';
import { defaultDataDir, dbPath } from '../desk/paths';
import { SECRET_KEY_FILE, keyFilePath } from '../desk/secrets';
import { databaseUrlFromEnv } from '../desk/store/open-store';
import { PG_BACKUP_ADVICE, PG_RESTORE_ADVICE } from '../desk/store/rules';
import { connectionError, redactUrl } from '../desk/store/postgres/connect';
import { inspectDatabase } from '../desk/store/open';
import { cliActor, parseCli, withDesk } from './cases';

export const usage = [
  'db backup <file> [--force]      consistent copy of the case store (refuses to overwrite without --force)',
  '  db restore <file>               replace the case store with a backup (the current one is kept beside it)',
  '  db info [--json]                which store (SQLite or PostgreSQL), where, its schema and its cases',
  "  db migrate                      bring the case store to this app's schema",
  "  db copy --to <postgres-url> [--key-file <team secret.key>]   move this desk's cases into a team desk",
].join('\n');

/** Refuses SQLite-only commands on a PostgreSQL desk, with what to do instead. */
function sqliteOnly(cmd: 'backup' | 'restore'): void {
  if (!databaseUrlFromEnv()) return;
  throw new DeskError('BAD_ARGUMENT', cmd === 'backup' ? PG_BACKUP_ADVICE : PG_RESTORE_ADVICE);
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

function oneFile(positionals: string[], cmd: string): string {
  if (positionals.length !== 1) throw new DeskError('BAD_ARGUMENT', `Usage: desk db ${cmd} <file>`);
  return path.resolve(positionals[0]!);
}

async function backup(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, { force: { type: 'boolean' } }, 'db backup <file>');
  sqliteOnly('backup');
  const file = oneFile(positionals, 'backup');
  if (fs.existsSync(file) && !values.force) {
    throw new DeskError('BAD_ARGUMENT', `${file} already exists; pass --force to overwrite it.`);
  }
  if (!fs.existsSync(path.dirname(file)))
    throw new DeskError('BAD_ARGUMENT', `No such folder: ${path.dirname(file)}`);
  const dataDir = defaultDataDir();
  const cases = await withDesk(async (desk) => {
    await desk.deps.store.backup(file);
    return Object.values(await desk.deps.store.counts()).reduce((a, b) => a + b, 0);
  });
  io.out(`Backed up ${cases} case${cases === 1 ? '' : 's'} to ${file} (${kb(fs.statSync(file).size)}).\n`);
  // The PINs inside stay encrypted: without the key they cannot be read after a restore elsewhere.
  io.out(
    `Port-out PINs in it are encrypted; keep ${path.join(dataDir, SECRET_KEY_FILE)} to read them on another machine.\n`,
  );
  return 0;
}

async function restore(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCli(argv, {}, 'db restore <file>');
  sqliteOnly('restore');
  const file = oneFile(positionals, 'restore');
  if (!fs.existsSync(file)) throw new DeskError('BAD_ARGUMENT', `No such file: ${file}`);
  // Refuse a corrupt, foreign or newer-schema backup before anything of the current store is touched.
  const incoming = inspectDatabase(file);
  const dataDir = defaultDataDir();
  const target = dbPath(dataDir);
  const keep = `${target}.before-restore-${stamp()}`;
  await withDesk((desk) => desk.deps.store.backup(keep));
  // SQLite's backup API writes into the live file under its locks and WAL, which a plain file
  // copy would not: a copy beside a stale -wal file would be corrupted on the next open.
  const src = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  // Opening once migrates an older backup to this app's schema.
  const cases = await withDesk(async (desk) =>
    Object.values(await desk.deps.store.counts()).reduce((a, b) => a + b, 0),
  );
  io.out(
    `Restored ${cases} case${cases === 1 ? '' : 's'} from ${file} (schema ${incoming.schemaVersion}).\nThe previous case store was kept as ${keep}.\n`,
  );
  return 0;
}

async function info(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, { json: { type: 'boolean' } }, 'db info');
  if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
  const url = databaseUrlFromEnv();
  if (url) return pgInfo(url, values.json === true, io);
  const dataDir = defaultDataDir();
  const file = dbPath(dataDir);
  const exists = fs.existsSync(file);
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  // Read-only: inspecting must never migrate or create anything.
  const header = exists ? inspectDatabase(file) : null;
  let byStatus: Record<string, number> | null = null;
  if (header && header.schemaVersion === header.knownVersion) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status').all() as {
        status: keyof typeof STATUS_LABELS;
        n: number;
      }[];
      byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    } finally {
      db.close();
    }
  }
  const report = {
    backend: 'sqlite',
    dataDir,
    file,
    exists,
    bytes: size(file),
    walBytes: size(`${file}-wal`),
    schemaVersion: header?.schemaVersion ?? null,
    knownVersion: header?.knownVersion ?? null,
    cases: header?.cases ?? 0,
    byStatus,
    secretKey: fs.existsSync(path.join(dataDir, SECRET_KEY_FILE)),
  };
  if (values.json) {
    io.out(JSON.stringify(report, null, 2) + '\n');
    return 0;
  }
  const lines = [
    'Backend:      SQLite (this machine only)',
    `Data folder:  ${dataDir}`,
    `Case store:   ${file}${exists ? ` (${kb(report.bytes)}, WAL ${kb(report.walBytes)})` : ' (not created yet)'}`,
  ];
  if (header) {
    lines.push(
      `Schema:       ${header.schemaVersion} (this app writes ${header.knownVersion})`,
      `Cases:        ${report.cases}`,
    );
    for (const [s, n] of Object.entries(byStatus ?? {})) {
      lines.push(`  ${STATUS_LABELS[s as keyof typeof STATUS_LABELS].padEnd(22)} ${n}`);
    }
  }
  lines.push(`PIN key file: ${report.secretKey ? 'present' : 'absent'}`);
  io.out(lines.join('\n') + '\n');
  return 0;
}

/** `db info` on a PostgreSQL desk: read-only, like the SQLite one (no migration, no key check). */
async function pgInfo(url: string, json: boolean, io: CliIo): Promise<number> {
  const { createPg } = await import('../desk/store/postgres/connect');
  const { inspectPg } = await import('../desk/store/postgres/migrate');
  const { PG_SCHEMA_VERSION } = await import('../desk/store/postgres/migrations');
  const pg = createPg(url, { max: 1 });
  try {
    const { schemaVersion } = await inspectPg(pg).catch((err: unknown) => {
      throw connectionError(err, url);
    });
    let byStatus: Record<string, number> = {};
    let bytes = 0;
    if (schemaVersion >= 1) {
      const rows = await pg.query<{ status: keyof typeof STATUS_LABELS; n: number }>(
        'SELECT status, count(*)::int AS n FROM cases GROUP BY status',
      );
      byStatus = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
      bytes = (await pg.query<{ b: number }>('SELECT pg_database_size(current_database())::bigint AS b'))
        .rows[0]!.b;
    }
    const cases = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const report = {
      backend: 'postgres',
      database: redactUrl(url),
      schemaVersion,
      knownVersion: PG_SCHEMA_VERSION,
      bytes,
      cases,
      byStatus,
      secretKey: fs.existsSync(keyFilePath(defaultDataDir())),
    };
    if (json) {
      io.out(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    const lines = [
      'Backend:      PostgreSQL (a desk shared by a team)',
      `Database:     ${report.database}${schemaVersion ? ` (${kb(bytes)})` : ' (empty: run desk db migrate)'}`,
      `Schema:       ${schemaVersion} (this app writes ${PG_SCHEMA_VERSION})`,
      `Cases:        ${cases}`,
      ...Object.entries(byStatus).map(
        ([s, n]) => `  ${STATUS_LABELS[s as keyof typeof STATUS_LABELS].padEnd(22)} ${n}`,
      ),
      `PIN key file: ${report.secretKey ? 'present' : 'absent'} (${keyFilePath(defaultDataDir())})`,
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  } finally {
    await pg.end();
  }
}

async function migrateCmd(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCli(argv, {}, 'db migrate');
  if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
  const url = databaseUrlFromEnv();
  if (url) {
    const { createPg } = await import('../desk/store/postgres/connect');
    const { migratePg, pgSchemaVersion } = await import('../desk/store/postgres/migrate');
    const pg = createPg(url, { max: 1 });
    try {
      const applied = await migratePg(pg).catch((err: unknown) => {
        throw connectionError(err, url);
      });
      const v = await pgSchemaVersion(pg);
      io.out(
        applied.length
          ? `Migrated ${redactUrl(url)} to schema ${v} (applied ${applied.join(', ')}).\n`
          : `${redactUrl(url)} is already at schema ${v}.\n`,
      );
    } finally {
      await pg.end();
    }
    return 0;
  }
  const dataDir = defaultDataDir();
  const file = dbPath(dataDir);
  const before = fs.existsSync(file) ? inspectDatabase(file).schemaVersion : 0;
  const v = await withDesk(async (desk) => (await desk.deps.store.info()).schemaVersion);
  io.out(
    before === v
      ? `${file} is already at schema ${v}.\n`
      : `Migrated ${file} from schema ${before} to ${v}.\n`,
  );
  return 0;
}

async function copy(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(
    argv,
    { to: { type: 'string' }, 'key-file': { type: 'string' } },
    'db copy --to <postgres-url> [--key-file <file>]',
  );
  if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
  if (!values.to)
    throw new DeskError('BAD_ARGUMENT', 'Missing --to <postgres-url>: the team desk to copy this desk into.');
  const dataDir = defaultDataDir();
  const file = dbPath(dataDir);
  if (!fs.existsSync(file))
    throw new DeskError('BAD_ARGUMENT', `There is no personal desk to copy: ${file} does not exist.`);
  const [
    { openDatabase },
    { fileKeySecretBox, aesGcmSecretBox, loadKeyFile },
    pgMod,
    { copyDeskToPostgres },
  ] = await Promise.all([
    import('../desk/store/open'),
    import('../desk/secrets'),
    import('../desk/store/postgres'),
    import('../desk/store/postgres/copy-in'),
  ]);
  const sourceSecrets = fileKeySecretBox(dataDir);
  // The team desk's PINs are encrypted with its own key: the lead hands it out as a file.
  const targetSecrets = values['key-file'] ? aesGcmSecretBox(loadKeyFile(values['key-file'])) : sourceSecrets;
  const source = openDatabase(file);
  const store = await pgMod
    .openPostgresStore(values.to, { secrets: targetSecrets, max: 2 })
    .catch((err: unknown) => {
      if (!values['key-file'] && err instanceof DeskError && /is not the key of the desk/.test(err.message))
        throw new DeskError(
          'BAD_ARGUMENT',
          `The team desk at ${redactUrl(values.to!)} encrypts PINs with its own key: pass --key-file <the team desk's secret.key> (its lead has it).`,
        );
      throw err;
    });
  const { createPg } = await import('../desk/store/postgres/connect');
  const target = createPg(values.to, { max: 1 });
  try {
    const r = await copyDeskToPostgres({
      source,
      sourceDataDir: dataDir,
      sourceSecrets,
      target,
      targetSecrets,
      actor: cliActor(),
      onCase: (done, total) => {
        if (done % 100 === 0 || done === total) io.err(`  ${done}/${total} cases\n`);
      },
    });
    io.out(
      `Copied ${r.copied} case${r.copied === 1 ? '' : 's'} (${r.events} events, ${r.comments} comments, ${r.documents} documents) into ${redactUrl(values.to)}` +
        `${r.skipped ? `; ${r.skipped} already there were skipped` : ''}.\n`,
    );
    for (const d of r.duplicates)
      io.out(`  Duplicate order: case #${d.caseId} and team case #${d.otherCaseId} both port ${d.number}.\n`);
    io.out('This personal desk was left as it was.\n');
  } finally {
    source.close();
    await target.end();
    await store.close();
  }
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'backup') return backup(rest, io);
  if (sub === 'restore') return restore(rest, io);
  if (sub === 'info') return info(rest, io);
  if (sub === 'migrate') return migrateCmd(rest, io);
  if (sub === 'copy') return copy(rest, io);
  throw new DeskError(
    'BAD_ARGUMENT',
    sub
      ? `Unknown db command '${sub}'. Try: backup, restore, info, migrate, copy.`
      : 'Usage: desk db backup|restore|info|migrate|copy',
  );
}
