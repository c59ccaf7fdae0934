// The CLI and the browser host write the same case file at once: the host takes HTTP writes
// from three clients while CLI processes create cases and take a backup in a loop. Nobody sees
// SQLITE_BUSY or "database is locked": writes take the lock up front (BEGIN IMMEDIATE) and wait
// on busy_timeout, and every write from both doors is in the file afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../../unit/store/fixtures';
import { bundle, invoke, kill, removeBundles, root, startHostChild } from './support';

const CLI_RUNS = Number(process.env.DESK_CONCURRENCY_CLI ?? 6);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-hard-conc-'));
const dataDir = path.join(tmp, 'data');
let hostScript = '';
let cliScript = '';

beforeAll(async () => {
  [hostScript, cliScript] = await Promise.all([
    bundle(path.join(import.meta.dirname, 'host-child.ts'), 'host-child'),
    bundle(path.join(root, 'electron/cli.ts'), 'cli'),
  ]);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  removeBundles();
});

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliScript, ...args], {
      cwd: root,
      env: { ...process.env, PORTING_DESK_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const BUSY = /SQLITE_BUSY|database is locked|busy/i;

describe('hardening: CLI and host on one database', () => {
  it('no SQLITE_BUSY reaches either door, and no write is lost', { timeout: 300_000 }, async () => {
    const h = await startHostChild(hostScript, dataDir);
    let stop = false;
    const httpErrors: string[] = [];
    let httpWrites = 0;
    const httpWriter = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const c = await invoke<{ id: number; version: number }>(h, 'cases:create', {
          input: caseInput({ name: `Host ${w}-${n}` }),
        });
        if (!c.ok) {
          httpErrors.push(`${c.error?.code} ${c.error?.message}`);
          continue;
        }
        const u = await invoke(h, 'cases:update', {
          id: c.value!.id,
          version: c.value!.version,
          input: caseInput({ name: `Host ${w}-${n} edited` }),
        });
        const m = await invoke(h, 'cases:comment', { id: c.value!.id, body: 'from the host' });
        for (const e of [u, m]) if (!e.ok) httpErrors.push(`${e.error?.code} ${e.error?.message}`);
        httpWrites += 3;
      }
    };
    const writers = [0, 1, 2].map(httpWriter);

    const cliResults: { code: number | null; err: string }[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      const file = path.join(tmp, `case-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(caseInput({ name: `Cli ${i}` })));
      cliResults.push(await cli(['cases', 'create', '--json', file]));
      if (i % 4 === 3) cliResults.push(await cli(['db', 'backup', path.join(tmp, `backup-${i}.sqlite`)]));
    }
    stop = true;
    await Promise.all(writers);
    await kill(h.child, 'SIGTERM');

    const failed = cliResults.filter((r) => r.code !== 0 || r.err !== '');
    expect(failed.map((r) => r.err)).toEqual([]);
    expect(httpErrors).toEqual([]);
    expect(cliResults.some((r) => BUSY.test(r.err)) || httpErrors.some((e) => BUSY.test(e))).toBe(false);

    const db = new Database(path.join(dataDir, 'desk.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = db.prepare('SELECT account_name FROM cases').pluck().all() as string[];
      expect(names.filter((n) => n.startsWith('Cli ')).length).toBe(CLI_RUNS);
      expect(names.filter((n) => n.startsWith('Host ')).length).toBe(httpWrites / 3);
      for (const b of fs.readdirSync(tmp).filter((f) => f.startsWith('backup-'))) {
        const copy = new Database(path.join(tmp, b), { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        copy.close();
      }
    } finally {
      db.close();
    }
    console.log(
      `concurrency: ${CLI_RUNS} CLI creates + ${Math.floor(CLI_RUNS / 4)} CLI backups alongside ${httpWrites} host writes from 3 clients; busy errors 0`,
    );
  });
});
