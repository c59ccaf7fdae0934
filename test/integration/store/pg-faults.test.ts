// A team desk's database misbehaving: wrong URL, wrong password, a missing database, a server
// that is down, and a server restarted like a crash (pg_ctl restart -m immediate) in the middle
// of agents' writes. Each failure reaches the agent as one clear sentence, the desk reconnects by
// itself, and no write it acknowledged is lost.
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { aesGcmSecretBox } from '../../../electron/desk/secrets';
import { openDeskStore, type Store } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';
import { runDesk } from '../../support/desk-cli';
import { startPgServer, type PgServer } from '../../support/postgres';
import { pgAdminUrl, tempDir } from './backends';

const secrets = aesGcmSecretBox(crypto.randomBytes(32));
const open = (url: string) => openDeskStore({ dataDir: tempDir(), databaseUrl: url, secrets });

async function refusal(url: string): Promise<DeskError> {
  try {
    const s = await open(url);
    await s.close();
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error(`${url} opened`);
}

const cli = (args: string[]) =>
  runDesk(args, { env: { PORTING_DESK_DATA: tempDir(), PORTING_DESK_DATABASE_URL: '' } });

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe.skipIf(!pgAdminUrl())('a team desk database that cannot be reached', () => {
  const withPath = (db: string) => {
    const u = new URL(pgAdminUrl()!);
    u.pathname = `/${db}`;
    return u;
  };

  it('names the cause in one sentence, without the password', async () => {
    const wrongPassword = withPath('postgres');
    wrongPassword.password = 'not-the-password';
    const e1 = await refusal(wrongPassword.toString());
    expect(e1.code).toBe('UNAVAILABLE');
    expect(e1.message).toMatch(/refused the sign-in: wrong user name or password/);
    expect(e1.message).not.toContain('not-the-password');

    const e2 = await refusal(withPath('no_such_desk').toString());
    expect(e2.message).toMatch(/postgres:\/\/desk_admin@127\.0\.0\.1:\d+\/no_such_desk does not exist/);

    const down = withPath('postgres');
    down.port = String(await closedPort());
    const t0 = Date.now();
    const e3 = await refusal(down.toString());
    expect(e3.code).toBe('UNAVAILABLE');
    expect(e3.message).toMatch(/unreachable .*connection refused, the server is down.*retrying/);
    expect(Date.now() - t0).toBeLessThan(15_000); // retried for a few seconds, then told the agent

    const e4 = await refusal('mysql://desk@localhost/desk');
    expect(e4.code).toBe('BAD_ARGUMENT');
    expect(e4.message).toMatch(/must look like postgres:\/\/user:password@host:5432\/database/);

    for (const e of [e1, e2, e3, e4]) expect(e.message).not.toMatch(/\n\s+at /);
  });

  it('the CLI prints one error line for each, with a failing exit code', async () => {
    const wrong = withPath('postgres');
    wrong.password = 'nope';
    const down = withPath('postgres');
    down.port = String(await closedPort());
    for (const [url, pattern] of [
      [wrong.toString(), /wrong user name or password/],
      [withPath('no_such_desk').toString(), /does not exist/],
      [down.toString(), /unreachable/],
      ['postgres://', /database|unreachable|cannot be found/],
    ] as const) {
      // cases list opens the desk (and migrates); db info only reads: both must fail the same way.
      for (const args of [
        ['cases', 'list', '--database-url', url],
        ...(url === wrong.toString() ? [['db', 'info', `--database-url=${url}`]] : []),
      ]) {
        const r = await cli(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
        expect(r.stderr).toMatch(/^error: /);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).not.toContain('nope');
      }
    }
  });
});

describe.skipIf(!pgAdminUrl())('the database restarted under the agents', () => {
  let server: PgServer;
  let store: Store;
  beforeAll(async () => {
    // A server of this test's own (fsync on, as a real desk's): the run's shared one must not restart.
    server = await startPgServer();
    store = await open(await server.createDatabase('faults'));
  });
  afterAll(async () => {
    await store?.close();
    server?.destroy();
  });

  it('reconnects by itself, reports the failed calls clearly, and loses no acknowledged write', async () => {
    interface Ack {
      caseId: number;
      version: number;
      comments: number[];
    }
    const acked = new Map<number, Ack>();
    const failures: DeskError[] = [];
    const other: unknown[] = [];
    let stop = false;
    let calls = 0;
    const note = (err: unknown) => {
      if (err instanceof DeskError && err.code === 'UNAVAILABLE') failures.push(err);
      else other.push(err);
    };
    // Eight agents, each creating a case, saving it, commenting and moving it, over and over.
    const agent = async (n: number) => {
      for (let i = 0; !stop; i++) {
        calls++;
        try {
          const c = await store.createCase(
            caseInput({
              name: `Agent ${n} case ${i}`,
              numbers: [`617555${String(n * 1000 + i).padStart(4, '0')}`],
            }),
            `agent${n}`,
          );
          const ack: Ack = { caseId: c.id, version: c.version, comments: [] };
          acked.set(c.id, ack);
          const saved = await store.updateCase(
            c.id,
            c.version,
            caseInput({ name: `Agent ${n} case ${i} edited`, numbers: [] }),
            `agent${n}`,
          );
          ack.version = saved.version;
          ack.comments.push((await store.addComment(c.id, `note ${i}`, `agent${n}`)).id);
          ack.version = (
            await store.setStatus(c.id, 'waiting_signature', `agent${n}`, { expectVersion: ack.version })
          ).version;
        } catch (err) {
          note(err);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const runs = Array.from({ length: 8 }, (_, n) => agent(n));
    await new Promise((r) => setTimeout(r, 1500));
    const beforeRestart = acked.size;
    const t0 = Date.now();
    await server.restart('immediate');
    const restartMs = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 2000));
    const ackedAtStop = acked.size;
    stop = true;
    await Promise.all(runs);

    console.log(
      `restart -m immediate: ${restartMs} ms; ${calls} agent loops, ${acked.size} cases acknowledged ` +
        `(${beforeRestart} before the restart), ${failures.length} calls failed as unreachable, ${other.length} other errors`,
    );
    expect(other).toEqual([]);
    expect(acked.size).toBeGreaterThan(beforeRestart); // writes resumed after the restart, same store
    expect(ackedAtStop).toBeGreaterThan(beforeRestart);
    for (const f of failures) {
      expect(f.message).toMatch(
        /^The desk database is unreachable \(.*\); retrying\. Try again in a moment\.$/,
      );
    }
    // Every acknowledged write is there: the case, its last acknowledged version, its comments.
    for (const a of acked.values()) {
      const c = await store.getCase(a.caseId);
      expect(c.version).toBeGreaterThanOrEqual(a.version);
      const h = await store.history(a.caseId);
      for (const id of a.comments) expect(h.comments.map((x) => x.id)).toContain(id);
    }
  });
});
