// The team host's door under attack, on a real PostgreSQL: each attempt gets a clear error and
// changes nothing. No session, a disabled agent's session, a foreign Origin or Host, a CSRF form
// post, twenty wrong passwords, a planted session cookie, a session after sign-out or idle too
// long, an agent calling a lead's channel, and plain HTTP off loopback.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import { startHost, type RunningHost } from '../../../electron/host';
import { nullLogger } from '../../../electron/desk/log';
import { createPg } from '../../../electron/desk/store/postgres/connect';
import { migratePg } from '../../../electron/desk/store/postgres/migrate';
import { createAccounts, LOCK_AFTER } from '../../../electron/desk/team/accounts';
import { selfSignedTls } from '../../../electron/host/tls';
import { caseInput } from '../../unit/store/fixtures';
import { freshPgDatabase, pgAdminUrl, tempDir, withPgClient } from '../store/backends';

const PEOPLE = {
  lead: { email: 'lee@desk.test', name: 'Lee Park', role: 'lead' as const, password: 'lead password 1' },
  ann: { email: 'ann@desk.test', name: 'Ann Ortega', role: 'agent' as const, password: 'ann password 12' },
  dana: { email: 'dana@desk.test', name: 'Dana Reyes', role: 'agent' as const, password: 'dana password 1' },
  gone: { email: 'gone@desk.test', name: 'Gone Agent', role: 'agent' as const, password: 'gone password 1' },
  victim: { email: 'vic@desk.test', name: 'Vic Tim', role: 'agent' as const, password: 'victim password' },
};

let url = '';
let dataDir = '';
let host: RunningHost;
let origin = '';

const db = <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => withPgClient(url, fn);
const countCases = () =>
  db(async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0]!.n);

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null;
  cookie: string | null;
}

/** node:http, not fetch: fetch will not send a Host header of the caller's choosing. */
function req(
  p: string,
  opts: {
    method?: string;
    cookie?: string | null;
    origin?: string | null;
    host?: string;
    body?: unknown;
    type?: string;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin !== null) headers.origin = opts.origin ?? origin;
  if (opts.host) headers.host = opts.host;
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] = opts.type ?? 'application/json';
  return new Promise((resolve, reject) => {
    const r = http.request(`${origin}${p}`, { method: opts.method ?? 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        // An event stream never ends: its status is all this needs.
        if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy();
      });
      const done = () => {
        let body: Reply['body'] = null;
        try {
          body = JSON.parse(text) as Reply['body'];
        } catch {
          /* SSE or empty */
        }
        const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('; ');
        resolve({ status: res.statusCode ?? 0, body, cookie: /desk_session=[^;]*/.exec(set)?.[0] ?? null });
      };
      res.on('end', done);
      res.on('close', done);
    });
    r.on('error', reject);
    r.end(payload);
  });
}

async function signIn(who: keyof typeof PEOPLE, cookie?: string): Promise<string> {
  const p = PEOPLE[who];
  const r = await req('/api/auth/sign-in', {
    body: { email: p.email, password: p.password },
    cookie: cookie ?? null,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.cookie!;
}

describe.skipIf(!pgAdminUrl())('team host security', () => {
  beforeAll(async () => {
    url = await freshPgDatabase();
    const c = createPg(url, { max: 2 });
    await migratePg(c);
    const accounts = createAccounts(c, nullLogger);
    for (const p of Object.values(PEOPLE)) await accounts.add(p);
    await c.end();
    dataDir = tempDir('team-sec-');
    host = await startHost({
      dataDir,
      databaseUrl: url,
      rendererDir: path.join(dataDir, 'no-renderer'),
      host: '127.0.0.1',
      port: 0,
      team: { tls: null },
    });
    origin = host.origin;
  });
  afterAll(async () => {
    await host?.close();
  });

  it('answers 401 to every channel and file route without a session, and writes nothing', async () => {
    for (const channel of CHANNELS) {
      const r = await req(`/api/invoke/${channel}`, { body: {} });
      expect(r.status, channel).toBe(401);
      expect(r.body?.error?.code, channel).toBe('UNAUTHORIZED');
    }
    expect((await req('/api/upload', { body: 'x', type: 'application/pdf' })).status).toBe(401);
    expect((await req('/api/download/abcdefghijklmnopqrstuv', { method: 'GET' })).status).toBe(401);
    expect((await req('/api/events', { method: 'GET' })).status).toBe(401);
    // A made-up session is no session.
    expect(
      (await req('/api/invoke/cases:list', { body: {}, cookie: `desk_session=${'A'.repeat(43)}` })).status,
    ).toBe(401);
    expect(await countCases()).toBe(0);
  });

  it('answers presence:set with who has the case open, so a page just opened needs no event', async () => {
    // A page that has just loaded may not be listening to the event stream yet when its own
    // arrival is announced: the answer itself must name who was already there.
    const ann = await signIn('ann');
    const dana = await signIn('dana');
    const set = (cookie: string, caseId: number | null) =>
      req('/api/invoke/presence:set', { body: { caseId }, cookie });
    const first = await set(ann, 4242);
    expect(first.status).toBe(200);
    expect(first.body?.value).toEqual({
      ok: true,
      viewers: [{ email: PEOPLE.ann.email, name: 'Ann Ortega' }],
    });
    const second = await set(dana, 4242);
    expect(second.body?.value).toEqual({
      ok: true,
      viewers: [
        { email: PEOPLE.ann.email, name: 'Ann Ortega' },
        { email: PEOPLE.dana.email, name: 'Dana Reyes' },
      ],
    });
    // Leaving: none are named for no case, and the other agent is left alone there.
    expect((await set(ann, null)).body?.value).toEqual({ ok: true, viewers: [] });
    expect((await set(dana, 4242)).body?.value).toEqual({
      ok: true,
      viewers: [{ email: PEOPLE.dana.email, name: 'Dana Reyes' }],
    });
    await set(dana, null);
  });

  it("ends a disabled agent's session at once", async () => {
    const cookie = await signIn('gone');
    expect((await req('/api/invoke/cases:list', { body: {}, cookie })).status).toBe(200);
    const lead = await signIn('lead');
    expect(
      (await req('/api/invoke/users:disable', { body: { email: PEOPLE.gone.email }, cookie: lead })).status,
    ).toBe(200);
    const after = await req('/api/invoke/cases:list', { body: {}, cookie });
    expect(after.status).toBe(401);
    const again = await req('/api/auth/sign-in', {
      body: { email: PEOPLE.gone.email, password: PEOPLE.gone.password },
    });
    expect(again.status).toBe(401);
    expect(again.body?.error?.message).toBe('This account is disabled; ask a lead of the desk.');
  });

  it('refuses cross-origin calls, CSRF form posts and DNS-rebinding Host headers', async () => {
    const cookie = await signIn('ann');
    const before = await countCases();
    const create = { input: caseInput({ name: 'Forged Co' }) };
    const foreign = await req('/api/invoke/cases:create', {
      body: create,
      cookie,
      origin: 'https://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body?.error?.message).toMatch(/cross-origin request refused/);
    const noOrigin = await req('/api/invoke/cases:create', { body: create, cookie, origin: null });
    expect(noOrigin.status).toBe(403);
    // What a form on another site would send: urlencoded, its own Origin, the cookie attached.
    const csrf = await req('/api/invoke/cases:create', {
      body: 'input=%7B%7D',
      type: 'application/x-www-form-urlencoded',
      cookie,
      origin: 'http://attacker.test',
    });
    expect(csrf.status).toBe(403);
    const port = new URL(origin).port;
    for (const h of [`evil.example:${port}`, `127.0.0.1.nip.io:${port}`, 'localhost:1']) {
      const r = await req('/api/invoke/cases:list', { body: {}, cookie, host: h });
      expect(r.status, h).toBe(403);
      expect(r.body?.error?.message).toMatch(/does not answer to that host name/);
    }
    expect(await countCases()).toBe(before);
  });

  it('slows down and then locks an account after repeated wrong passwords, and logs the lock', async () => {
    const tries: { status: number; message: string; ms: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const r = await req('/api/auth/sign-in', {
        body: { email: PEOPLE.dana.email, password: `wrong guess ${i}` },
      });
      tries.push({ status: r.status, message: r.body?.error?.message ?? '', ms: performance.now() - t });
    }
    expect(tries.every((t) => t.status === 401)).toBe(true);
    expect(tries.slice(0, LOCK_AFTER - 1).every((t) => t.message === 'Wrong email or password.')).toBe(true);
    expect(tries[LOCK_AFTER - 1]!.message).toMatch(/^Too many failed sign-ins: this account is locked until/);
    expect(
      tries.slice(LOCK_AFTER).every((t) => /is locked after too many failed sign-ins/.test(t.message)),
    ).toBe(true);
    // Later wrong guesses waited longer than the first ones.
    expect(tries[8]!.ms).toBeGreaterThan(tries[0]!.ms + 1000);
    // Locked means locked: even the right password is refused until a lead resets it.
    const right = await req('/api/auth/sign-in', {
      body: { email: PEOPLE.dana.email, password: PEOPLE.dana.password },
    });
    expect(right.status).toBe(401);
    expect(right.body?.error?.message).toMatch(/locked/);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'desk.log'), 'utf8');
    expect(log).toMatch(/"event":"auth\.locked"/);
    expect(log).not.toContain(PEOPLE.dana.email);
    expect(log).not.toContain('wrong guess');
    const lead = await signIn('lead');
    await req('/api/invoke/users:resetPassword', {
      body: { email: PEOPLE.dana.email, password: PEOPLE.dana.password },
      cookie: lead,
    });
    expect(
      (await req('/api/auth/sign-in', { body: { email: PEOPLE.dana.email, password: PEOPLE.dana.password } }))
        .status,
    ).toBe(200);
  }, 60_000);

  it('issues a new session at sign-in: a cookie planted before is never the one after', async () => {
    const planted = await signIn('ann'); // an attacker's own valid session, planted in the victim's browser
    const mine = await signIn('victim', planted);
    expect(mine).not.toBe(planted);
    expect((await req('/api/invoke/cases:list', { body: {}, cookie: planted })).status).toBe(401);
    const me = await req('/api/invoke/session:me', { body: {}, cookie: mine });
    expect(me.body?.value).toMatchObject({ user: { email: PEOPLE.victim.email } });
    const bogus = `desk_session=${'B'.repeat(43)}`;
    expect(await signIn('victim', bogus)).not.toBe(bogus);
  });

  it('signs out on the server: the old cookie is dead', async () => {
    const cookie = await signIn('ann');
    const out = await req('/api/auth/sign-out', { body: {}, cookie });
    expect(out.status).toBe(200);
    expect(out.cookie).toBe('desk_session=');
    expect((await req('/api/invoke/cases:list', { body: {}, cookie })).status).toBe(401);
  });

  it('ends a session idle past the desk setting', async () => {
    const cookie = await signIn('ann');
    await db((c) => c.query("UPDATE sessions SET last_seen = now() - interval '2 hours'"));
    const r = await req('/api/invoke/cases:list', { body: {}, cookie });
    expect(r.status).toBe(401);
    expect(r.body?.error?.message).toMatch(/session has ended/);
  });

  it("refuses a lead's channels to an agent with FORBIDDEN, and changes nothing", async () => {
    const cookie = await signIn('ann');
    const users = await db(async (c) => (await c.query('SELECT * FROM users ORDER BY id')).rows);
    for (const [channel, args] of [
      ['users:list', {}],
      ['users:add', { email: 'mallory@desk.test', name: 'M', role: 'lead', password: 'mallory pass 1' }],
      ['users:disable', { email: PEOPLE.lead.email }],
      ['users:enable', { email: PEOPLE.gone.email }],
      ['users:resetPassword', { email: PEOPLE.lead.email, password: 'taken over 123' }],
      ['settings:set', { email: { portingInbox: 'attacker@evil.example' } }],
      ['settings:testSmtp', {}],
      ['data:backup', {}],
    ] as const) {
      const r = await req(`/api/invoke/${channel}`, { body: args, cookie });
      expect(r.status, channel).toBe(403);
      expect(r.body?.error?.code, channel).toBe('FORBIDDEN');
    }
    expect(await db(async (c) => (await c.query('SELECT * FROM users ORDER BY id')).rows)).toEqual(users);
    // An agent may still pick a theme, and give a case only to themselves.
    expect((await req('/api/invoke/settings:set', { body: { theme: 'dark' }, cookie })).status).toBe(200);
    const created = await req('/api/invoke/cases:create', {
      body: { input: caseInput({ name: 'Ann Case Co' }) },
      cookie,
    });
    const id = (created.body?.value as { id: number }).id;
    const toDana = await req('/api/invoke/cases:assign', {
      body: { id, assignee: PEOPLE.dana.email },
      cookie,
    });
    expect(toDana.body?.error?.code).toBe('FORBIDDEN');
    const take = await req('/api/invoke/cases:assign', { body: { id, assignee: 'me' }, cookie });
    expect(take.body?.value).toMatchObject({ assignee: PEOPLE.ann.email });
    const history = await req('/api/invoke/cases:history', { body: { id }, cookie });
    expect((history.body?.value as { events: { actor: string }[] }).events.map((e) => e.actor)).toEqual([
      PEOPLE.ann.email,
      PEOPLE.ann.email,
    ]);
  });

  it("never reads or writes the server's own files by path, for an agent or a lead", async () => {
    for (const who of ['ann', 'lead'] as const) {
      const cookie = await signIn(who);
      const before = await countCases();
      for (const [channel, args] of [
        ['import:preview', { path: '/etc/passwd' }],
        ['intake:readEmail', { path: '/etc/hostname' }],
        ['intake:previewBytes', { path: '/etc/hostname' }],
        ['packet:export', { caseId: 1, outDir: '/tmp' }],
      ] as const) {
        const r = await req(`/api/invoke/${channel}`, { body: args, cookie });
        expect(r.status, `${who} ${channel}`).toBe(403);
        expect(r.body?.error?.code, channel).toBe('FORBIDDEN');
        expect(JSON.stringify(r.body)).not.toMatch(/root:/);
      }
      expect(await countCases()).toBe(before);
    }
  });

  it('needs TLS off loopback and PostgreSQL always; serves HTTPS with a kept self-signed certificate', async () => {
    const dir = tempDir('team-tls-');
    const refused = await startHost({
      dataDir: dir,
      databaseUrl: url,
      rendererDir: dir,
      host: '0.0.0.0',
      port: 0,
      team: { tls: null },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeskError);
    expect((refused as DeskError).message).toMatch(/Refusing plain HTTP on '0\.0\.0\.0'/);
    const sqlite = await startHost({ dataDir: dir, rendererDir: dir, port: 0, team: { tls: null } }).catch(
      (e: unknown) => e,
    );
    expect((sqlite as DeskError).message).toMatch(/A team desk keeps its cases in PostgreSQL/);

    // This desk's hosts share one PIN key: the second host gets a copy of the first one's.
    fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(dir, 'secret.key'));
    const tls = await selfSignedTls(dir, ['localhost', '127.0.0.1']);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await selfSignedTls(dir, ['localhost'])).fingerprint).toBe(tls.fingerprint); // kept, not remade
    expect(fs.statSync(path.join(dir, 'tls', 'key.pem')).mode & 0o777).toBe(0o600);
    const secure = await startHost({
      dataDir: dir,
      databaseUrl: url,
      rendererDir: dir,
      host: '127.0.0.1',
      port: 0,
      team: { tls },
    });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const status = await new Promise<{ code: number; fingerprint: string; cookie: string }>(
        (resolve, reject) => {
          const r = https.request(
            `${secure.origin}/api/auth/sign-in`,
            {
              method: 'POST',
              rejectUnauthorized: false,
              headers: { origin: secure.origin, 'content-type': 'application/json' },
            },
            (res) => {
              res.resume();
              const socket = res.socket as TLSSocket;
              resolve({
                code: res.statusCode ?? 0,
                fingerprint: socket.getPeerCertificate().fingerprint256,
                cookie: String(res.headers['set-cookie'] ?? ''),
              });
            },
          );
          r.on('error', reject);
          r.end(JSON.stringify({ email: PEOPLE.lead.email, password: PEOPLE.lead.password }));
        },
      );
      expect(status.code).toBe(200);
      expect(status.fingerprint).toBe(tls.fingerprint);
      expect(status.cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
      // Plain HTTP to the TLS port gets no desk.
      const plain = await fetch(secure.origin.replace('https:', 'http:') + '/api/auth/session').catch(
        () => null,
      );
      expect(plain === null || plain.status >= 400).toBe(true);
    } finally {
      await secure.close();
    }
  });
});
