// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp folder, start it on
// a free loopback port with password sign-in, and remove it all afterwards. Never a system
// service. Debian keeps initdb and pg_ctl in /usr/lib/postgresql/<version>/bin, off PATH, and
// they refuse to run as root, so as root they run as the `postgres` user.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The folder holding initdb and pg_ctl, or null where PostgreSQL is not installed. */
export function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN?.trim();
  const ok = (dir: string) =>
    fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  if (fromEnv && ok(fromEnv)) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (ok(path.join(debian, v, 'bin'))) return path.join(debian, v, 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (ok(dir)) return dir;
  } catch {
    /* no pg_config */
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && ok(dir)) return dir;
  return null;
}

export const NO_POSTGRES_MESSAGE =
  'PostgreSQL is not installed here (no initdb/pg_ctl in /usr/lib/postgresql/*/bin, pg_config or PATH): ' +
  'the PostgreSQL half of the store tests is skipped. Install it (Debian: apt-get install postgresql) to run them; CI always does.';

export interface PgServer {
  port: number;
  dir: string;
  /** The superuser's URL for database `db` (default postgres). */
  url(db?: string): string;
  /** A fresh, empty database owned by the superuser; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /**
   * pg_ctl restart in `mode` (immediate = a crash: no checkpoint, WAL replay on start). Async, so
   * the test's own clients keep running (and failing, and retrying) while the server goes away.
   */
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server, keeping its data (start() brings it back). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const asPostgres = (bin: string, args: string[]): [string, string[]] =>
  isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];

function runAsync(bin: string, args: string[], what: string): Promise<void> {
  const [cmd, argv] = asPostgres(bin, args);
  return new Promise((resolve, reject) =>
    execFile(cmd, argv, { timeout: 120_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${what} failed: ${(stderr || stdout || err.message).trim()}`)) : resolve(),
    ),
  );
}

function run(bin: string, args: string[], what: string): void {
  const [cmd, argv] = asPostgres(bin, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${(r.stderr || r.stdout || '').trim()}`);
}

export interface StartOptions {
  /** Default on (a real server); tests that never crash the OS may turn it off for speed. */
  fsync?: boolean;
  maxConnections?: number;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
}

export async function startPgServer(opts: StartOptions = {}): Promise<PgServer> {
  const bin = findPgBin();
  if (!bin) throw new Error(NO_POSTGRES_MESSAGE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pg-'));
  const data = path.join(dir, 'data');
  const password = crypto.randomBytes(12).toString('hex');
  const user = 'desk_admin';
  fs.writeFileSync(path.join(dir, 'pw'), password);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  run(
    path.join(bin, 'initdb'),
    [
      '-D',
      data,
      '-U',
      user,
      '--pwfile',
      path.join(dir, 'pw'),
      '--auth-host=scram-sha-256',
      '--auth-local=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ],
    'initdb',
  );
  fs.rmSync(path.join(dir, 'pw'), { force: true });
  const port = await freePort();
  const settings: Record<string, string | number> = {
    port,
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    max_connections: opts.maxConnections ?? 120,
    shared_buffers: '128MB',
    fsync: opts.fsync === false ? 'off' : 'on',
    ...opts.settings,
  };
  const o = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  const pgCtl = (args: string[], what: string) =>
    run(
      path.join(bin, 'pg_ctl'),
      ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args],
      what,
    );
  const start = () => pgCtl(['-o', o, 'start'], 'pg_ctl start');
  start();
  const url = (db = 'postgres') =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  let running = true;
  return {
    port,
    dir,
    url,
    async createDatabase(prefix = 't') {
      const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    restart(mode = 'fast') {
      return runAsync(
        path.join(bin, 'pg_ctl'),
        ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-m', mode, '-o', o, 'restart'],
        'pg_ctl restart',
      );
    },
    start() {
      start();
      running = true;
    },
    stop(mode = 'fast') {
      pgCtl(['-m', mode, 'stop'], 'pg_ctl stop');
      running = false;
    },
    destroy() {
      try {
        if (running) pgCtl(['-m', 'immediate', 'stop'], 'pg_ctl stop');
      } finally {
        running = false;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
