// The pool to a desk's PostgreSQL and the one place its failures become agent-facing errors.
// pg's Pool reconnects by itself: a client that broke (server restarted, network blip) is
// dropped, and the next checkout opens a new connection. What the desk adds:
// - a checkout retries for a few seconds while the server is down or starting up, so a restart
//   costs the agents a pause rather than errors;
// - a failure after a transaction began is never retried blindly (the COMMIT may have landed):
//   the caller gets UNAVAILABLE, "unreachable, retrying", and decides;
// - serialization failures and deadlocks, which PostgreSQL rolls back whole, are retried.
import pg from 'pg';
import { DeskError } from '../../../../shared/errors';

export type Sql = pg.PoolClient;

/** SQLSTATEs that mean "try the whole transaction again": nothing of it was committed. */
const RETRY_TX = new Set(['40001', '40P01']);
/** SQLSTATEs and socket codes of a server that is down, restarting or unreachable. */
const UNREACHABLE = new Set([
  '57P01', // admin_shutdown (pg_ctl restart / stop)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const codeOf = (err: unknown): string | undefined => {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
};

function isUnreachable(err: unknown): boolean {
  const code = codeOf(err);
  if (code && UNREACHABLE.has(code)) return true;
  const msg = err instanceof Error ? err.message : '';
  // pg reports a socket closed under a query or a checkout that timed out with plain Errors.
  return /Connection terminated|connection timeout|Client has encountered a connection error|Connection ended/i.test(
    msg,
  );
}

/** postgres://user:secret@host/db → postgres://user@host:5432/db, for messages and `db info`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    if (!u.port) u.port = '5432';
    return u.toString().replace(/^(postgres(?:ql)?:\/\/[^@/]*?):?@/, '$1@');
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * One sentence for each way of failing to reach the desk database. Configuration mistakes
 * (wrong password, missing database, bad URL) are not "retrying": nothing will fix them but the
 * person who set the desk up.
 */
export function connectionError(err: unknown, url: string): DeskError {
  if (err instanceof DeskError) return err;
  const where = redactUrl(url);
  const code = codeOf(err);
  const msg = err instanceof Error ? err.message : String(err);
  if (code === '28P01' || code === '28000')
    return new DeskError(
      'UNAVAILABLE',
      `The desk database at ${where} refused the sign-in: wrong user name or password in PORTING_DESK_DATABASE_URL.`,
    );
  if (code === '3D000')
    return new DeskError(
      'UNAVAILABLE',
      `The desk database at ${where} does not exist: create it (createdb) or fix the database name in PORTING_DESK_DATABASE_URL.`,
    );
  if (code === 'ENOTFOUND')
    return new DeskError(
      'UNAVAILABLE',
      `The desk database server in ${where} cannot be found: check the host name in PORTING_DESK_DATABASE_URL.`,
    );
  if (isUnreachable(err))
    return new DeskError(
      'UNAVAILABLE',
      `The desk database is unreachable (${where}: ${shortReason(code, msg)}); retrying. Try again in a moment.`,
    );
  return new DeskError('INTERNAL', `The desk database failed: ${msg.split('\n')[0]}`);
}

function shortReason(code: string | undefined, msg: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused, the server is down';
  if (code === '57P01' || code === '57P02') return 'the server is restarting';
  if (code === '57P03') return 'the server is starting up';
  return msg.split('\n')[0]!.slice(0, 120);
}

export interface PgOptions {
  /** Most connections this process opens (default 10). */
  max?: number;
  /** How long a checkout keeps retrying while the server is unreachable (default 4 s). */
  reconnectMs?: number;
}

export interface Pg {
  url: string;
  pool: pg.Pool;
  /** One statement on any connection; a read, so it is retried while the server is unreachable. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * fn in one transaction at `isolation`; retried whole on serialization failure or deadlock.
   * Connection loss after BEGIN is reported (UNAVAILABLE), never retried: the COMMIT may have landed.
   */
  tx<T>(fn: (sql: Sql) => Promise<T>, opts?: { isolation?: Isolation; readOnly?: boolean }): Promise<T>;
  end(): Promise<void>;
}

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createPg(url: string, opts: PgOptions = {}): Pg {
  let parsedOk = true;
  try {
    const u = new URL(url);
    parsedOk = u.protocol === 'postgres:' || u.protocol === 'postgresql:';
  } catch {
    parsedOk = false;
  }
  if (!parsedOk)
    throw new DeskError(
      'BAD_ARGUMENT',
      `The database URL must look like postgres://user:password@host:5432/database (got ${redactUrl(url)}).`,
    );
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: 'porting-desk',
    // Times as ISO strings and counts as numbers, as the SQLite store returns them.
    types: { getTypeParser: typeParser },
  });
  // An idle client whose server went away emits 'error' on the pool; unhandled, it would take
  // the whole process down. The pool has already discarded it.
  pool.on('error', () => {});
  const reconnectMs = opts.reconnectMs ?? 4000;
  const listening = new WeakSet<pg.PoolClient>();

  async function checkout(): Promise<pg.PoolClient> {
    const until = Date.now() + reconnectMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const c = await pool.connect();
        // A checked-out client whose server dies emits 'error' besides failing its query; with
        // no listener that event would crash the process. The failed query already reports it.
        if (!listening.has(c)) {
          listening.add(c);
          c.on('error', () => {});
        }
        return c;
      } catch (err) {
        if (!isUnreachable(err) || Date.now() >= until) throw connectionError(err, url);
        await sleep(Math.min(100 * 2 ** attempt, 500));
      }
    }
  }

  /** Releases a client, destroying it when it failed: a broken socket must not go back in the pool. */
  const release = (c: pg.PoolClient, err?: unknown) => c.release(err instanceof Error ? err : undefined);

  return {
    url,
    pool,
    async query(text, values) {
      const until = Date.now() + reconnectMs;
      for (;;) {
        const c = await checkout();
        try {
          const r = await c.query(text, values);
          release(c);
          return r;
        } catch (err) {
          release(c, isUnreachable(err) ? err : undefined);
          if (isUnreachable(err) && Date.now() < until) continue;
          throw isUnreachable(err) ? connectionError(err, url) : err;
        }
      }
    },
    async tx(fn, o = {}) {
      for (let attempt = 0; ; attempt++) {
        const c = await checkout();
        let broken: unknown;
        try {
          await c.query(
            `BEGIN ISOLATION LEVEL ${o.isolation ?? 'READ COMMITTED'}${o.readOnly ? ' READ ONLY' : ''}`,
          );
          const out = await fn(c);
          await c.query('COMMIT');
          return out;
        } catch (err) {
          if (isUnreachable(err)) {
            broken = err;
            throw connectionError(err, url);
          }
          await c.query('ROLLBACK').catch((e: unknown) => {
            broken = e;
          });
          if (RETRY_TX.has(codeOf(err) ?? '') && attempt < 5) {
            await sleep(5 + Math.random() * 20 * (attempt + 1));
            continue;
          }
          throw err;
        } finally {
          release(c, broken);
        }
      }
    },
    end: () => pool.end(),
  };
}

// pg-types' own parsers for everything else; see createPg's `types`.
function typeParser(oid: number, format?: string): (v: string) => unknown {
  if (oid === 1184 || oid === 1114) return (v: string) => new Date(oid === 1114 ? `${v}Z` : v).toISOString();
  if (oid === 20) return (v: string) => Number(v); // bigint counts and ids: far below 2^53
  return pg.types.getTypeParser(oid, (format ?? 'text') as 'text');
}
