// The startup sweep removes what a crash leaves and never what a live door is writing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { putBlob } from '../../../electron/desk/intake/blobs';
import { ORPHAN_MIN_AGE_MS, sweepDataDir } from '../../../electron/desk/sweep';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-hard-sweep-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A pid that surely is not running: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

function age(file: string, ms: number): void {
  const t = new Date(Date.now() - ms);
  fs.utimesSync(file, t, t);
}

describe('startup sweep', () => {
  it('removes temp blobs of dead writers and old orphans; keeps live temps, young orphans and referenced blobs', () => {
    const dataDir = path.join(tmp, 'a');
    const kept = putBlob(dataDir, Buffer.from('referenced bill'));
    const orphanOld = putBlob(dataDir, Buffer.from('orphan from a crash'));
    const orphanYoung = putBlob(dataDir, Buffer.from('row about to be written by another door'));
    age(kept.path, ORPHAN_MIN_AGE_MS * 3);
    age(orphanOld.path, ORPHAN_MIN_AGE_MS + 60_000);
    const shard = path.dirname(kept.path);
    const deadTmp = path.join(shard, `.tmp-${'a'.repeat(16)}-${deadPid()}-beef`);
    const liveTmp = path.join(shard, `.tmp-${'b'.repeat(16)}-${process.pid}-cafe`);
    fs.writeFileSync(deadTmp, 'half a bill');
    fs.writeFileSync(liveTmp, 'being written right now');
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    const partial = path.join(dataDir, 'backups', `desk-x.sqlite.${deadPid()}.partial`);
    fs.writeFileSync(partial, 'cut short');

    const r = sweepDataDir(dataDir, { referenced: (sha) => sha === kept.sha256 });
    expect(r).toMatchObject({ blobTemps: 2, orphanBlobs: 1 });
    expect(fs.existsSync(deadTmp)).toBe(false);
    expect(fs.existsSync(partial)).toBe(false);
    expect(fs.existsSync(liveTmp)).toBe(true);
    expect(fs.existsSync(orphanOld.path)).toBe(false);
    expect(fs.existsSync(orphanYoung.path)).toBe(true);
    expect(fs.existsSync(kept.path)).toBe(true);

    // A live writer's temp from before this process started is a leftover (pid reused).
    age(liveTmp, 60_000);
    expect(sweepDataDir(dataDir, { referenced: () => true, processStart: Date.now() }).blobTemps).toBe(1);
  });

  it('storing an old orphan again refreshes it, so the sweep cannot take it from under the new row', () => {
    const dataDir = path.join(tmp, 'b');
    const first = putBlob(dataDir, Buffer.from('same bill twice'));
    age(first.path, ORPHAN_MIN_AGE_MS * 2);
    const again = putBlob(dataDir, Buffer.from('same bill twice'));
    expect(again.created).toBe(false);
    expect(sweepDataDir(dataDir, { referenced: () => false }).orphanBlobs).toBe(0);
    expect(fs.existsSync(first.path)).toBe(true);
  });

  it('without the documents list, no blob is ever treated as an orphan', () => {
    const dataDir = path.join(tmp, 'c');
    const b = putBlob(dataDir, Buffer.from('unknown references'));
    age(b.path, ORPHAN_MIN_AGE_MS * 10);
    expect(sweepDataDir(dataDir).orphanBlobs).toBe(0);
    expect(fs.existsSync(b.path)).toBe(true);
  });
});
