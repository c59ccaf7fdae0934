// Daily rotating backups: taken once a day on open, pruned to settings.backups.keep (7 by
// default), restorable with `desk db restore`; a database from a newer app is refused by every
// door and keeps every byte.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli';
import { DAY_MS, backupsDir, dailyBackup, listBackups } from '../../../electron/desk/backups';
import { openDesk } from '../../../electron/desk/service';
import { SCHEMA_VERSION } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';

let tmp: string;
const saved = process.env.PORTING_DESK_DATA;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-hard-backup-'));
});
afterAll(() => {
  if (saved === undefined) delete process.env.PORTING_DESK_DATA;
  else process.env.PORTING_DESK_DATA = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('daily backups', () => {
  it('one per day, pruned to the kept count from settings', async () => {
    const dataDir = path.join(tmp, 'daily');
    const desk = await openDesk({ dataDir, autoBackup: false });
    const store = desk.deps.store;
    try {
      const day0 = new Date('2026-11-01T09:00:00Z');
      expect(await dailyBackup(store, dataDir, { now: day0 }), 'empty store: nothing to keep').toBeNull();
      await store.createCase(caseInput({ name: 'Day Zero Co' }), 'tester');
      expect(await dailyBackup(store, dataDir, { now: day0 })).toMatch(
        /desk-2026-11-01T09-00-00-000Z\.sqlite$/,
      );
      expect(await dailyBackup(store, dataDir, { now: new Date(day0.getTime() + 3_600_000) })).toBeNull();
      // Ten days of opens with the default keep (7).
      for (let d = 1; d <= 10; d++) {
        await store.createCase(caseInput({ name: `Day ${d} Co` }), 'tester');
        expect(
          await dailyBackup(store, dataDir, { now: new Date(day0.getTime() + d * DAY_MS) }),
        ).not.toBeNull();
      }
      expect(listBackups(dataDir)).toHaveLength(7);
      // The agent's own files in the folder are never pruned.
      fs.writeFileSync(path.join(backupsDir(dataDir), 'before-migration.sqlite'), 'mine');
      await dispatchKeep(desk, 3);
      await dailyBackup(store, dataDir, { now: new Date(day0.getTime() + 11 * DAY_MS) });
      const left = listBackups(dataDir);
      expect(left).toHaveLength(3);
      expect(left[0]!.file).toMatch(/2026-11-12T09/);
      expect(fs.existsSync(path.join(backupsDir(dataDir), 'before-migration.sqlite'))).toBe(true);
      // Each kept backup is a sound database holding the cases of its day.
      const db = new Database(left[2]!.file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(10); // day 9's cases
      db.close();
    } finally {
      await desk.close();
    }
  });

  it('is taken automatically after opening, and close() waits for it', async () => {
    const dataDir = path.join(tmp, 'auto');
    const first = await openDesk({ dataDir, autoBackup: false });
    await first.deps.store.createCase(caseInput({ name: 'Auto Co' }), 'tester');
    await first.close();
    const desk = await openDesk({ dataDir, autoBackup: { delayMs: 0 } });
    await new Promise((r) => setTimeout(r, 50));
    await desk.close();
    expect(listBackups(dataDir)).toHaveLength(1);
    const again = await openDesk({ dataDir, autoBackup: { delayMs: 0 } });
    await new Promise((r) => setTimeout(r, 50));
    await again.close();
    expect(listBackups(dataDir), 'not twice in a day').toHaveLength(1);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'desk.log'), 'utf8');
    expect(log).toContain('"event":"backup.daily"');
  });
});

async function dispatchKeep(desk: Awaited<ReturnType<typeof openDesk>>, keep: number): Promise<void> {
  const set = desk.handlers['settings:set'] as (a: unknown, c: { actor: string }) => Promise<unknown>;
  await set({ backups: { keep } }, { actor: 'tester' });
}

describe('restore from a rotated backup', () => {
  it('desk db restore brings back the cases of that day and keeps the current store aside', async () => {
    const dataDir = path.join(tmp, 'restore');
    process.env.PORTING_DESK_DATA = dataDir;
    const desk = await openDesk({ dataDir, autoBackup: false });
    const kept = await desk.deps.store.createCase(caseInput({ name: 'Kept Co', pin: '5150' }), 'tester');
    const day = new Date('2026-11-02T08:00:00Z');
    const file = (await dailyBackup(desk.deps.store, dataDir, { now: day }))!;
    await desk.deps.store.createCase(caseInput({ name: 'Later Co' }), 'tester');
    await desk.close();

    const r = await cli('db', 'restore', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Restored 1 case /);
    const after = await openDesk({ dataDir, autoBackup: false });
    try {
      const all = await after.deps.store.listCases({
        query: '',
        status: [],
        sort: 'created',
        dir: 'asc',
        offset: 0,
        limit: 10,
      });
      expect(all.items.map((c) => c.accountName)).toEqual(['Kept Co']);
      expect((await after.deps.store.getCase(kept.id)).customer.pin).toBe('5150');
    } finally {
      await after.close();
    }
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('desk.sqlite.before-restore-'))).toBe(true);
  });
});

describe('a database from a newer version', () => {
  async function newerFile(dataDir: string): Promise<string> {
    const d = await openDesk({ dataDir, autoBackup: false });
    await d.deps.store.createCase(caseInput({ name: 'Future Co' }), 'tester');
    await d.close();
    const file = path.join(dataDir, 'desk.sqlite');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    return file;
  }

  it('is refused by openDesk and by the CLI, byte for byte unchanged', async () => {
    const dataDir = path.join(tmp, 'newer');
    const file = await newerFile(dataDir);
    const before = sha(file);
    await expect(openDesk({ dataDir, autoBackup: false })).rejects.toThrow(/newer version of Porting Desk/);
    process.env.PORTING_DESK_DATA = dataDir;
    const r = await cli('cases', 'list');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: .*newer version of Porting Desk/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('is refused as a restore source, and the current store is untouched', async () => {
    const future = await newerFile(path.join(tmp, 'newer-src'));
    const dataDir = path.join(tmp, 'restore-target');
    process.env.PORTING_DESK_DATA = dataDir;
    const d = await openDesk({ dataDir, autoBackup: false });
    await d.deps.store.createCase(caseInput({ name: 'Current Co' }), 'tester');
    await d.close();
    const before = sha(path.join(dataDir, 'desk.sqlite'));
    const futureBefore = sha(future);
    const r = await cli('db', 'restore', future);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/newer version/);
    expect(sha(path.join(dataDir, 'desk.sqlite'))).toBe(before);
    expect(sha(future)).toBe(futureBefore);
  });
});
