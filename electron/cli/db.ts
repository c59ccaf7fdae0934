// `desk db …`: backup, restore and inspection of the case file. Backups use SQLite's online
// backup API, so they are consistent even while the app or the host is writing.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import { STATUS_LABELS } from '../../shared/status';
import { defaultDataDir, dbPath } from '../desk/paths';
import { SECRET_KEY_FILE } from '../desk/secrets';
import { inspectDatabase } from '../desk/store/open';
import { parseCli, withDesk } from './cases';

export const usage = [
  'db backup <file> [--force]      consistent copy of the case store (refuses to overwrite without --force)',
  '  db restore <file>               replace the case store with a backup (the current one is kept beside it)',
  '  db info [--json]                where the case store is, its schema and its cases',
].join('\n');

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

function oneFile(positionals: string[], cmd: string): string {
  if (positionals.length !== 1) throw new DeskError('BAD_ARGUMENT', `Usage: desk db ${cmd} <file>`);
  return path.resolve(positionals[0]!);
}

async function backup(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, { force: { type: 'boolean' } }, 'db backup <file>');
  const file = oneFile(positionals, 'backup');
  if (fs.existsSync(file) && !values.force) {
    throw new DeskError('BAD_ARGUMENT', `${file} already exists; pass --force to overwrite it.`);
  }
  if (!fs.existsSync(path.dirname(file)))
    throw new DeskError('BAD_ARGUMENT', `No such folder: ${path.dirname(file)}`);
  const dataDir = defaultDataDir();
  const cases = await withDesk(async (desk) => {
    await desk.deps.store.backup(file);
    return Object.values(desk.deps.store.counts()).reduce((a, b) => a + b, 0);
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
    Object.values(desk.deps.store.counts()).reduce((a, b) => a + b, 0),
  );
  io.out(
    `Restored ${cases} case${cases === 1 ? '' : 's'} from ${file} (schema ${incoming.schemaVersion}).\nThe previous case store was kept as ${keep}.\n`,
  );
  return 0;
}

async function info(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, { json: { type: 'boolean' } }, 'db info');
  if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
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

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'backup') return backup(rest, io);
  if (sub === 'restore') return restore(rest, io);
  if (sub === 'info') return info(rest, io);
  throw new DeskError(
    'BAD_ARGUMENT',
    sub ? `Unknown db command '${sub}'. Try: backup, restore, info.` : 'Usage: desk db backup|restore|info',
  );
}
