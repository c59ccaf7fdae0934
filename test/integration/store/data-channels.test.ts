// Backups from the UI: data:backup takes a real SQLite backup into the data folder, data:info
// lists it (newest first) with a download id the browser door can serve.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import { getDownload, registerDownload } from '../../../electron/desk/downloads';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { caseInput } from '../../unit/store/fixtures';
import { tempDir } from './helpers';
import { backend, openTestDesk, pgAdminUrl } from './backends';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

describe('data channels', () => {
  it('takes a backup that opens as a database with the cases, and lists it', async () => {
    const dataDir = tempDir();
    const desk = await openDesk({ dataDir, autoBackup: false });
    desks.push(desk);
    const ctx = { actor: 'ann' };
    expect((await dispatch(desk.handlers, 'cases:create', { input: caseInput() }, ctx)).ok).toBe(true);

    const before = await dispatch(desk.handlers, 'data:info', {}, ctx);
    expect(before).toMatchObject({ ok: true, value: { dataDir, backups: [] } });

    const taken = await dispatch(desk.handlers, 'data:backup', {}, ctx);
    if (!taken.ok) throw new Error(taken.error.message);
    const b = taken.value as { file: string; bytes: number; downloadId: string };
    expect(b.bytes).toBeGreaterThan(0);
    expect(getDownload(b.downloadId)?.filePath).toBe(b.file);
    const copy = new Database(b.file, { readonly: true });
    expect(copy.prepare('select count(*) n from cases').get()).toEqual({ n: 1 });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    const after = await dispatch(desk.handlers, 'data:info', {}, ctx);
    if (!after.ok) throw new Error(after.error.message);
    const info = after.value as { backups: { file: string }[]; dbBytes: number };
    expect(info.backups.map((x) => x.file)).toEqual([b.file]);
    const onDisk = ['desk.sqlite', 'desk.sqlite-wal']
      .map((f) => path.join(dataDir, f))
      .filter((f) => fs.existsSync(f))
      .reduce((n, f) => n + fs.statSync(f).size, 0);
    expect(info.dbBytes).toBe(onDisk);
  });

  it('restores a listed backup into the running desk and keeps the current store first', async () => {
    const dataDir = tempDir();
    const desk = await openDesk({ dataDir, autoBackup: false });
    desks.push(desk);
    const ctx = { actor: 'ann' };
    const call = async (channel: Parameters<typeof dispatch>[1], args: unknown) => {
      const r = await dispatch(desk.handlers, channel, args, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Record<string, unknown>;
    };
    await call('cases:create', { input: caseInput({ name: 'Before Backup Co' }) });
    const b = (await call('data:backup', {})) as { downloadId: string };
    await call('cases:create', { input: caseInput({ name: 'After Backup Co' }) });
    expect(((await call('cases:list', {})) as { total: number }).total).toBe(2);

    const r = (await call('data:restore', { downloadId: b.downloadId })) as { cases: number; keptAs: string };
    expect(r.cases).toBe(1);
    const list = (await call('cases:list', { query: 'backup' })) as { items: { accountName: string }[] };
    expect(list.items.map((i) => i.accountName)).toEqual(['Before Backup Co']);
    const kept = new Database(r.keptAs, { readonly: true });
    expect(kept.prepare('select count(*) n from cases').get()).toEqual({ n: 2 });
    kept.close();
    // Writing after the restore works on the restored store.
    await call('cases:create', { input: caseInput({ name: 'Third Co' }) });
    expect(((await call('cases:list', {})) as { total: number }).total).toBe(2);

    // Only listed backups, by id: an unknown id, or an export that is not in the backups folder.
    const unknown = await dispatch(desk.handlers, 'data:restore', { downloadId: 'x'.repeat(22) }, ctx);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = registerDownload(path.join(dataDir, 'desk.sqlite'), 'desk.sqlite');
    const refused = await dispatch(desk.handlers, 'data:restore', { downloadId: other }, ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a corrupt backup and leaves the store as it was', async () => {
    const dataDir = tempDir();
    const desk = await openDesk({ dataDir, autoBackup: false });
    desks.push(desk);
    const ctx = { actor: 'ann' };
    await dispatch(desk.handlers, 'cases:create', { input: caseInput() }, ctx);
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const bad = path.join(dataDir, 'backups', 'desk-2026-01-01T00-00-00-000Z.sqlite');
    fs.writeFileSync(bad, 'SQLite format 3\0 but not really a database, just bytes'.repeat(200));
    const info = await dispatch(desk.handlers, 'data:info', {}, ctx);
    if (!info.ok) throw new Error(info.error.message);
    const listed = (info.value as { backups: { downloadId: string }[] }).backups[0]!;
    const r = await dispatch(desk.handlers, 'data:restore', { downloadId: listed.downloadId }, ctx);
    expect(r.ok).toBe(false);
    const after = await dispatch(desk.handlers, 'cases:list', {}, ctx);
    expect(after).toMatchObject({ ok: true, value: { total: 1 } });
  });
});

describe.skipIf(!pgAdminUrl())('data channels on a PostgreSQL desk', () => {
  it('reports the team database, and refuses app backups with the way to take one', async () => {
    const { desk, dir } = await openTestDesk(backend('postgres'));
    desks.push(desk);
    const ctx = { actor: 'ann' };
    await dispatch(desk.handlers, 'cases:create', { input: caseInput() }, ctx);
    const info = await dispatch(desk.handlers, 'data:info', {}, ctx);
    if (!info.ok) throw new Error(info.error.message);
    const v = info.value as { backend: string; location: string; dbBytes: number; backups: unknown[] };
    expect(v).toMatchObject({ backend: 'postgres', backups: [] });
    expect(v.location).toMatch(/^postgres:\/\/desk_admin@127\.0\.0\.1:\d+\/t_/);
    expect(v.location).not.toMatch(/:[0-9a-f]{24}@/); // never the password
    expect(v.dbBytes).toBeGreaterThan(1_000_000);
    const b = await dispatch(desk.handlers, 'data:backup', {}, ctx);
    expect(b).toMatchObject({
      ok: false,
      error: { code: 'BAD_ARGUMENT', message: expect.stringMatching(/pg_dump/) },
    });
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});
