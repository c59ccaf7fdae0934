// Backups from the UI: data:backup takes a real SQLite backup into the data folder, data:info
// lists it (newest first) with a download id the browser door can serve.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import { getDownload } from '../../../electron/desk/downloads';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { caseInput } from '../../unit/store/fixtures';
import { tempDir } from './helpers';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

describe('data channels', () => {
  it('takes a backup that opens as a database with the cases, and lists it', async () => {
    const dataDir = tempDir();
    const desk = openDesk({ dataDir, autoBackup: false });
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
    expect(info.dbBytes).toBe(fs.statSync(`${dataDir}/desk.sqlite`).size);
  });
});
