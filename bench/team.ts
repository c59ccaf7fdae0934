// `npm run bench -- team [cases] [--seconds N] [--agents N] [--think ms]`: a desk of agents on one
// store. Starts a throwaway PostgreSQL (fsync on, as a desk's server), loads 100,000 cases with 3
// numbers each, then runs 50 simulated agents for 60 s against the browser host in a child
// process, over HTTP with keep-alive, as their browsers would: open the list, search, open a case
// (case + history + checks at once), edit and save, comment, move it, add a bill (upload + read of
// a small text PDF). Each agent works its own cases and, one time in ten, one of 40 cases the
// whole desk touches, so saves race and lose with CONFLICT. Afterwards every acknowledged write
// is looked up in the database. The same load then runs on a SQLite desk, for comparison.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileKeySecretBox } from '../electron/desk/secrets';
import { openDeskStore, type Store } from '../electron/desk/store';
import { startPgServer } from '../test/support/postgres';
import { nullLogger } from '../electron/desk/log';
import { createPg } from '../electron/desk/store/postgres/connect';
import { createAccounts } from '../electron/desk/team/accounts';
import { selfSignedTls } from '../electron/host/tls';
import { textBillPdf } from '../test/integration/intake/fixtures';
import { fakeCases, NPAS, pct, WORDS } from './fake-cases';

const flag = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CASES = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const SECONDS = flag('seconds', 60);
const AGENTS = flag('agents', 50);
/** Mean pause between an agent's actions (uniform ±50%): a busy agent clicks about once a second. */
const THINK = flag('think', 1000);
const HOT = 40;
const BATCH = 2_000;

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface Host {
  url: URL;
  /** The personal host's token; '' on a team host (agents sign in). */
  token: string;
  child: ChildProcess;
}

async function startHost(env: Record<string, string>, args = ['--port', '0']): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'host', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
  const url = new URL(line);
  return { url, token: url.searchParams.get('token') ?? '', child };
}

async function stopHost(h: Host): Promise<void> {
  const done = new Promise((r) => h.child.on('exit', r));
  h.child.kill('SIGTERM');
  await done;
}

class DeskCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tlsAgent = new https.Agent({ keepAlive: true, maxSockets: 400, rejectUnauthorized: false });
const plainAgent = new http.Agent({ keepAlive: true, maxSockets: 400 });

/** A desk client: the personal host's token, or (team host) one agent's session cookie. */
function client(h: Host, cookie?: string) {
  const secure = h.url.protocol === 'https:';
  const auth: Record<string, string> = cookie
    ? { Cookie: cookie, Origin: h.url.origin }
    : { Authorization: `Bearer ${h.token}` };
  const request = (p: string, body: Buffer | string, headers: Record<string, string>) =>
    new Promise<unknown>((resolve, reject) => {
      const req = (secure ? https : http).request(
        {
          host: h.url.hostname,
          port: h.url.port,
          path: p,
          method: 'POST',
          agent: secure ? tlsAgent : plainAgent,
          headers: { ...auth, 'Content-Length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const env = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
                { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
              if (env.ok) resolve(env.value);
              else reject(new DeskCallError(env.error.code, env.error.message));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    call: <T>(channel: string, args: unknown) =>
      request(`/api/invoke/${channel}`, JSON.stringify(args), {
        'Content-Type': 'application/json',
      }) as Promise<T>,
    upload: (name: string, bytes: Uint8Array) =>
      request('/api/upload', Buffer.from(bytes), {
        'Content-Type': 'application/pdf',
        'X-File-Name': encodeURIComponent(name),
      }) as Promise<{ uploadId: string }>,
  };
}

/** Signs an agent in on a team host; returns the cookie and how long it took (scrypt included). */
async function signIn(h: Host, email: string, password: string): Promise<{ cookie: string; ms: number }> {
  const body = JSON.stringify({ email, password });
  const t0 = performance.now();
  const cookie = await new Promise<string>((resolve, reject) => {
    const req = https.request(
      {
        host: h.url.hostname,
        port: h.url.port,
        path: '/api/auth/sign-in',
        method: 'POST',
        agent: tlsAgent,
        headers: {
          Origin: h.url.origin,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        const c = /desk_session=[^;]+/.exec(
          ([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';'),
        )?.[0];
        res.on('end', () =>
          res.statusCode === 200 && c ? resolve(c) : reject(new Error(`sign-in ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return { cookie, ms: performance.now() - t0 };
}

/** An agent's event stream (what their open screens listen to): case-changed arrivals, timed. */
function watch(
  h: Host,
  cookie: string,
  onEvent: (e: { caseId: number; version: number }, at: number) => void,
) {
  const req = https.get(
    {
      host: h.url.hostname,
      port: h.url.port,
      path: '/api/events',
      agent: tlsAgent,
      headers: { Cookie: cookie },
    },
    (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const line = frame.split('\n').find((l) => l.startsWith('data: '));
          if (!line) continue;
          const e = JSON.parse(line.slice(6)) as { type: string; caseId: number; version: number };
          if (e.type === 'case-changed') onEvent(e, at);
        }
      });
    },
  );
  req.on('error', () => {});
  return () => req.destroy();
}

interface Case {
  id: number;
  version: number;
  notes: string;
  status: string;
}
type CaseIn = Omit<Case, 'id' | 'version' | 'status'> & Record<string, unknown>;

interface Acks {
  saves: { caseId: number; marker: string }[];
  comments: { caseId: number; id: number }[];
  moves: { caseId: number; to: string; actor: string; version: number }[];
  bills: { caseId: number; documentId: number }[];
}

const OPS = ['list', 'search', 'open', 'save', 'comment', 'status', 'bill'] as const;
type Op = (typeof OPS)[number];
const MIX: [Op, number][] = [
  ['list', 25],
  ['search', 20],
  ['open', 20],
  ['save', 15],
  ['comment', 8],
  ['status', 7],
  ['bill', 5],
];
// Forward moves an agent makes; a move the case cannot make from where it is comes back as
// ILLEGAL_TRANSITION, which an agent sees too and is counted apart from errors.
const NEXT: Record<string, string> = {
  draft: 'waiting_signature',
  waiting_signature: 'port_submitted',
  port_submitted: 'in_progress',
  in_progress: 'port_pending',
  port_pending: 'in_review',
  in_review: 'foc_scheduled',
  foc_scheduled: 'completed',
  action_required: 'port_submitted',
  rejected: 'port_submitted',
};

interface TeamRun {
  /** Agents' emails and password (all the same in the bench). */
  emails: string[];
  password: string;
}

async function runLoad(label: string, h: Host, bill: Uint8Array, team?: TeamRun) {
  const lat = new Map<Op, number[]>(OPS.map((o) => [o, []]));
  const signIns: number[] = [];
  // Live updates: when each save started, and when each agent's stream heard of it.
  const saveStarted = new Map<string, { t: number; by: number }>();
  const heard: { key: string; by: number; at: number }[] = [];
  const stops: (() => void)[] = [];
  const acks: Acks = { saves: [], comments: [], moves: [], bills: [] };
  let conflicts = 0;
  let illegal = 0;
  const errors: string[] = [];
  let seq = 0;
  const c = team ? client(h, (await signIn(h, team.emails[0]!, team.password)).cookie) : client(h);
  // Warm-up, untimed: the host's first bill loads pdfjs, its first queries plan and JIT.
  for (let i = 1; i <= 3; i++) {
    await c.call('cases:list', { query: 'harbor' });
    await c.call('checks:get', { caseId: CASES - i });
    const up = await c.upload('warm.pdf', bill);
    await c.call('intake:addBill', { caseId: CASES - i, uploadId: up.uploadId });
  }
  const until = performance.now() + SECONDS * 1000;

  const agent = async (n: number) => {
    const actor = `agent${n}`;
    let c = client(h);
    if (team) {
      // Agents arrive through the first seconds of the run, as a shift starts, not all at once.
      await sleep((n / AGENTS) * Math.min(10_000, SECONDS * 200));
      const s = await signIn(h, team.emails[n]!, team.password);
      signIns.push(s.ms);
      c = client(h, s.cookie);
      stops.push(watch(h, s.cookie, (e, at) => heard.push({ key: `${e.caseId}:${e.version}`, by: n, at })));
    }
    // Mulberry-ish per agent, so every run does the same things.
    let s = 0x9e3779b9 ^ (n * 7919);
    const rand = () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pickCase = () =>
      rand() < 0.1 ? 1 + Math.floor(rand() * HOT) : 1 + HOT + Math.floor(rand() * (CASES - HOT));
    const total = MIX.reduce((a, [, w]) => a + w, 0);
    // Staggered starts: 50 agents do not all click in the same millisecond.
    await sleep(rand() * THINK);
    while (performance.now() < until) {
      let r = rand() * total;
      const op = MIX.find(([, w]) => (r -= w) < 0)![0];
      // Only the agent's waits on the desk count, not the thinking between two calls of one action.
      let busy = 0;
      const timed = async <T>(p: () => Promise<T>): Promise<T> => {
        const t = performance.now();
        try {
          return await p();
        } finally {
          busy += performance.now() - t;
        }
      };
      try {
        if (op === 'list') {
          const sort = ['updated', 'status', 'name', 'foc'][Math.floor(rand() * 4)];
          const status = rand() < 0.3 ? ['draft'] : [];
          await timed(() => c.call('cases:list', { sort, status, limit: 100 }));
        } else if (op === 'search') {
          const q =
            rand() < 0.4
              ? WORDS[Math.floor(rand() * WORDS.length)]!
              : rand() < 0.5
                ? `${NPAS[Math.floor(rand() * NPAS.length)]}555${String(Math.floor(rand() * 10000)).padStart(4, '0')}`.slice(
                    0,
                    6 + Math.floor(rand() * 5),
                  )
                : String(Math.floor(rand() * 900000)).padStart(6, '0');
          await timed(() => c.call('cases:list', { query: q, limit: 100 }));
        } else if (op === 'open') {
          const id = pickCase();
          await timed(() =>
            Promise.all([
              c.call('cases:get', { id }),
              c.call('cases:history', { id }),
              c.call('checks:get', { caseId: id }),
            ]),
          );
        } else if (op === 'save') {
          const id = pickCase();
          const got = await timed(() => c.call<Case & CaseIn>('cases:get', { id }));
          const marker = `${actor} save ${++seq}`;
          const {
            id: _i,
            status: _s,
            version,
            createdAt: _c,
            updatedAt: _u,
            ...input
          } = got as unknown as Record<string, unknown>;
          // An agent thinks while editing: someone else may save first.
          await sleep(50 + rand() * 150);
          const t0 = performance.now();
          const saved = await timed(() =>
            c.call<{ version: number }>('cases:update', { id, version, input: { ...input, notes: marker } }),
          );
          saveStarted.set(`${id}:${saved.version}`, { t: t0, by: n });
          acks.saves.push({ caseId: id, marker });
        } else if (op === 'comment') {
          const id = pickCase();
          const cm = await timed(() =>
            c.call<{ id: number }>('cases:comment', { id, body: `${actor} called the customer` }),
          );
          acks.comments.push({ caseId: id, id: cm.id });
        } else if (op === 'status') {
          const id = pickCase();
          const got = await timed(() => c.call<Case>('cases:get', { id }));
          const to = NEXT[got.status];
          if (to) {
            const moved = await timed(() =>
              c.call<Case>('cases:setStatus', { id, status: to, version: got.version }),
            );
            acks.moves.push({ caseId: id, to, actor, version: moved.version });
          }
        } else {
          const id = pickCase();
          const up = await timed(() => c.upload(`bill-${actor}.pdf`, bill));
          const res = await timed(() =>
            c.call<{ document: { id: number } }>('intake:addBill', { caseId: id, uploadId: up.uploadId }),
          );
          acks.bills.push({ caseId: id, documentId: res.document.id });
        }
        lat.get(op)!.push(busy);
      } catch (err) {
        if (err instanceof DeskCallError && err.code === 'CONFLICT') conflicts++;
        else if (err instanceof DeskCallError && err.code === 'ILLEGAL_TRANSITION') illegal++;
        else errors.push(`${op}: ${err instanceof Error ? err.message : String(err)}`);
      }
      await sleep(THINK * (0.5 + rand()));
    }
  };
  await Promise.all(Array.from({ length: AGENTS }, (_, n) => agent(n)));
  await sleep(1500); // the last saves' events still on their way
  for (const stop of stops) stop();
  const all = [...lat.values()].flat();
  // Each save, as seen by every other agent whose stream was open: the time to their screen.
  const live: number[] = [];
  for (const x of heard) {
    const s = saveStarted.get(x.key);
    if (s && s.by !== x.by) live.push(x.at - s.t);
  }
  return { label, lat, all, acks, conflicts, illegal, errors, signIns, live };
}

/** Every acknowledged write, looked up in the store after the run. */
async function lostWrites(store: Store, acks: Acks): Promise<number> {
  let lost = 0;
  const why: string[] = [];
  const miss = (what: string) => {
    lost++;
    if (why.length < 5) why.push(what);
  };
  const histories = new Map<number, Awaited<ReturnType<Store['history']>>>();
  const history = async (id: number) => {
    let h = histories.get(id);
    if (!h) histories.set(id, (h = await store.history(id)));
    return h;
  };
  for (const s of acks.saves) {
    const h = await history(s.caseId);
    if (!h.events.some((e) => e.field === 'notes' && e.newValue === s.marker))
      miss(`save ${JSON.stringify(s)}`);
  }
  for (const cm of acks.comments)
    if (!(await history(cm.caseId)).comments.some((x) => x.id === cm.id)) lost++;
  for (const m of acks.moves) {
    const h = await history(m.caseId);
    if (!h.events.some((e) => e.kind === 'status' && e.newValue === m.to)) miss(`move ${JSON.stringify(m)}`);
  }
  for (const b of acks.bills) {
    try {
      const d = await store.getDocument(b.documentId);
      if (d.caseId !== b.caseId || !(await store.getExtraction(b.documentId)))
        miss(`bill ${JSON.stringify(b)}`);
    } catch (err) {
      miss(`bill ${JSON.stringify(b)}: ${String(err)}`);
    }
  }
  for (const w of why) console.log(`  not found: ${w}`);
  return lost;
}

async function fill(store: Store): Promise<number> {
  const { makeCase } = fakeCases({ seed: 0x7ea4, numbersPerCase: 3, wirelessEvery: 3, focShare: 0.5 });
  const t0 = performance.now();
  for (let start = 0; start < CASES; start += BATCH)
    await store.createCases(
      Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => makeCase(start + k)),
      'bench',
    );
  return performance.now() - t0;
}

function report(r: Awaited<ReturnType<typeof runLoad>>, lost: number) {
  const writes = r.acks.saves.length + r.acks.comments.length + r.acks.moves.length + r.acks.bills.length;
  console.log(`\n${r.label}: per operation (ms)`);
  console.log(
    `  ${'operation'.padEnd(10)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`,
  );
  for (const [op, xs] of r.lat)
    console.log(
      `  ${op.padEnd(10)} ${String(xs.length).padStart(6)} ${ms(pct(xs, 50)).padStart(8)} ${ms(pct(xs, 95)).padStart(8)} ${ms(Math.max(...xs)).padStart(8)}`,
    );
  console.log(
    `  acknowledged writes ${writes}, CONFLICT ${r.conflicts} (each returned to the agent who lost), ILLEGAL_TRANSITION ${r.illegal}`,
  );
  for (const e of r.errors.slice(0, 5)) console.log(`  error: ${e}`);
  if (r.signIns.length)
    console.log(
      `  sign-in: n ${r.signIns.length}, p50 ${ms(pct(r.signIns, 50))}, p95 ${ms(pct(r.signIns, 95))}; ` +
        `save -> another agent's screen: n ${r.live.length}, p50 ${ms(pct(r.live, 50))}, p95 ${ms(pct(r.live, 95))}`,
    );
  const worst = Math.max(...[...r.lat.values()].filter((xs) => xs.length).map((xs) => pct(xs, 95)));
  return `agents ${AGENTS}, ops ${r.all.length + r.conflicts + r.illegal}, p50 ${ms(pct(r.all, 50))}, p95 ${ms(pct(r.all, 95))} (worst operation's p95 ${ms(worst)}), conflicts ${r.conflicts} (all reported), lost ${lost}, errors ${r.errors.length}`;
}

async function main() {
  const bill = await textBillPdf();
  console.log(
    `${CASES.toLocaleString('en-US')} cases × 3 numbers; ${AGENTS} agents for ${SECONDS} s, ${THINK} ms mean think time; ${os.cpus().length} cores`,
  );

  // ---- PostgreSQL ----
  const server = await startPgServer({ maxConnections: 200 });
  try {
    const url = await server.createDatabase('team');
    const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-pg-'));
    let store = await openDeskStore({ dataDir: pgDir, databaseUrl: url, secrets: fileKeySecretBox(pgDir) });
    const fillMs = await fill(store);
    await store.close();
    // A desk's database is measured as it runs, not in the minute after a bulk load of 100,000
    // rows: autovacuum would analyze the new tables by itself; without statistics the planner
    // and the visibility map are cold and the first minute measures the load, not the desk.
    {
      const db = createPg(url, { max: 1 });
      await db.query('VACUUM (ANALYZE)');
      await db.end();
    }
    console.log(`postgres: loaded ${CASES.toLocaleString('en-US')} cases in ${(fillMs / 1000).toFixed(1)} s`);
    const host = await startHost({ PORTING_DESK_DATA: pgDir, PORTING_DESK_DATABASE_URL: url });
    const r = await runLoad('postgres (host over HTTP)', host, bill);
    await stopHost(host);
    store = await openDeskStore({ dataDir: pgDir, databaseUrl: url, secrets: fileKeySecretBox(pgDir) });
    const lost = await lostWrites(store, r.acks);
    await store.close();
    const line = report(r, lost);

    // ---- the team server: HTTPS, 50 signed-in agents with their event streams ----
    const emails = Array.from({ length: AGENTS }, (_, i) => `agent${i}@desk.test`);
    const password = 'bench agent password';
    {
      const db = createPg(url, { max: 2 });
      const accounts = createAccounts(db, nullLogger);
      for (const [i, email] of emails.entries())
        await accounts.add({ email, name: `Agent ${i}`, role: i === 0 ? 'lead' : 'agent', password });
      await db.end();
    }
    await selfSignedTls(pgDir, ['127.0.0.1', 'localhost']);
    const teamHost = await startHost({ PORTING_DESK_DATA: pgDir, PORTING_DESK_DATABASE_URL: url }, [
      '--team',
      '--listen',
      '127.0.0.1:0',
      '--tls-cert',
      path.join(pgDir, 'tls', 'cert.pem'),
      '--tls-key',
      path.join(pgDir, 'tls', 'key.pem'),
    ]);
    const t = await runLoad('team server (PostgreSQL, HTTPS, signed-in agents)', teamHost, bill, {
      emails,
      password,
    });
    await stopHost(teamHost);
    store = await openDeskStore({ dataDir: pgDir, databaseUrl: url, secrets: fileKeySecretBox(pgDir) });
    const teamLost = await lostWrites(store, t.acks);
    await store.close();
    const teamLine = report(t, teamLost);

    // ---- SQLite, the same load through the same host ----
    const sqDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-sqlite-'));
    store = await openDeskStore({ dataDir: sqDir, secrets: fileKeySecretBox(sqDir) });
    const sqFill = await fill(store);
    await store.close();
    console.log(`\nsqlite: loaded ${CASES.toLocaleString('en-US')} cases in ${(sqFill / 1000).toFixed(1)} s`);
    const sqHost = await startHost({ PORTING_DESK_DATA: sqDir, PORTING_DESK_DATABASE_URL: '' });
    const s = await runLoad('sqlite (host over HTTP)', sqHost, bill);
    await stopHost(sqHost);
    store = await openDeskStore({ dataDir: sqDir, secrets: fileKeySecretBox(sqDir) });
    const sqLost = await lostWrites(store, s.acks);
    await store.close();
    const sqLine = report(s, sqLost);

    console.log(`\nteam: ${line}`);
    console.log(
      `team (team server over HTTPS): ${teamLine}, sign-in p95 ${ms(pct(t.signIns, 95))}, save to another screen p95 ${ms(pct(t.live, 95))}`,
    );
    console.log(`team (sqlite, same load): ${sqLine}`);
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.rmSync(sqDir, { recursive: true, force: true });
  } finally {
    server.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
