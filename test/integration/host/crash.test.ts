// Crash safety of the browser host: a real host process takes a stream of case writes and is
// SIGKILLed at a random moment, again and again on the same data folder. After every kill the
// SQLite file passes integrity_check and holds every case the host acknowledged (an acknowledged
// write is a committed transaction), and the host starts again on it. DESK_CRASH_KILLS sets the
// number of kills: 12 by default to keep `npm test` short on two cores; the hardening figure is
// measured with DESK_CRASH_KILLS=50.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { caseInput } from '../../unit/store/fixtures';

const root = path.resolve(import.meta.dirname, '../../..');
const KILLS = Number(process.env.DESK_CRASH_KILLS ?? 12);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-crash-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function newest(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.ts'))
      n = Math.max(n, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return n;
}

/** The built host when it is current (starts in half the time), else the sources via tsx. */
function hostArgv(): string[] {
  const built = path.join(root, 'dist/electron/host.mjs');
  const fresh =
    fs.existsSync(built) &&
    fs.statSync(built).mtimeMs >=
      Math.max(newest(path.join(root, 'electron')), newest(path.join(root, 'shared')));
  return fresh
    ? [built, '--port', '0']
    : ['--import', 'tsx', path.join(root, 'electron/cli.ts'), 'host', '--port', '0'];
}

function startHost(): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, hostArgv(), {
    cwd: root,
    env: { ...process.env, PORTING_DESK_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/[^/]+)\/\?token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1]!, token: m[2]! });
      }
    });
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    // 'close', not 'exit': only then has everything the process printed been read.
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited ${code} before starting:\n${out}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('SIGKILL during writes', () => {
  it(
    `loses no acknowledged case over ${KILLS} kills and the file stays sound`,
    { timeout: KILLS * 20_000 + 60_000 },
    async () => {
      const acked = new Set<number>();
      let attempted = 0;
      for (let round = 0; round < KILLS; round++) {
        const { child, origin, token } = await startHost();
        // Kill somewhere in the first ~300 ms of writes: before, during or between transactions.
        const killAfter = Math.floor(Math.random() * 300);
        let stop = false;
        const writer = (async () => {
          for (let n = 0; !stop; n++) {
            attempted++;
            try {
              const res = await fetch(`${origin}/api/invoke/cases:create`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify({ input: caseInput({ name: `Crash ${round}-${n}` }) }),
              });
              const body = (await res.json()) as { ok: boolean; value?: { id: number } };
              if (body.ok && body.value) acked.add(body.value.id);
            } catch {
              return; // the socket died with the process: not acknowledged
            }
          }
        })();
        await new Promise((r) => setTimeout(r, killAfter));
        await killed(child);
        stop = true;
        await writer;

        const db = new Database(path.join(dataDir, 'desk.sqlite'));
        try {
          expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
          const ids = new Set(
            (db.prepare('SELECT id FROM cases').all() as { id: number }[]).map((r) => r.id),
          );
          const lost = [...acked].filter((id) => !ids.has(id));
          expect(lost, `round ${round}: acknowledged cases missing`).toEqual([]);
        } finally {
          db.close();
        }
      }
      // One clean start at the end: the desk opens on whatever the last kill left.
      const last = await startHost();
      const res = await fetch(`${last.origin}/api/invoke/cases:list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${last.token}` },
        body: '{"limit":1}',
      });
      const list = (await res.json()) as { ok: boolean; value: { total: number } };
      expect(list.ok).toBe(true);
      expect(list.value.total).toBeGreaterThanOrEqual(acked.size);
      await killed(last.child);
      console.log(
        `crash test: ${KILLS} kills, ${attempted} writes attempted, ${acked.size} acknowledged, 0 lost`,
      );
    },
  );
});
