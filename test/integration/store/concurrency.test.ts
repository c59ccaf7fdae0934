import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTempStore, tempDir } from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');
const WRITER = path.resolve('test/integration/store/writer.ts');

interface WriterResult {
  tag: string;
  done: number;
  errors: string[];
}

function writer(dataDir: string, mode: 'write' | 'hold', count: number, tag: string, startAt: number) {
  return new Promise<WriterResult>((resolve, reject) => {
    const child = spawn(TSX, [WRITER, dataDir, mode, String(count), tag, String(startAt)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer ${tag} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1)!) as WriterResult);
    });
  });
}

describe('concurrent writers (two processes on one file)', () => {
  it('both complete every write with no SQLITE_BUSY, and the audit trail has all of them', async () => {
    const dir = tempDir();
    // Process startup under tsx takes a while on a busy machine: give both time to load first.
    const startAt = Date.now() + 4000;
    const [a, b] = await Promise.all([
      writer(dir, 'write', 40, 'alpha', startAt),
      writer(dir, 'write', 40, 'bravo', startAt),
    ]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(a.done + b.done).toBe(80);

    const { store } = openTempStore(dir);
    try {
      const all = store.listCases({
        query: '',
        status: [],
        sort: 'created',
        dir: 'asc',
        offset: 0,
        limit: 500,
      });
      expect(all.total).toBe(80);
      expect(
        all.items.every((c) => c.status === 'waiting_signature' && c.accountName.endsWith('edited')),
      ).toBe(true);
      for (const c of all.items.slice(0, 5)) {
        // updated ×3: the name, the BTN and the removed number.
        expect(store.history(c.id).events.map((e) => e.kind)).toEqual([
          'created',
          'updated',
          'updated',
          'updated',
          'status',
          'comment',
        ]);
      }
    } finally {
      store.close();
    }
  });

  it('a writer waits for a lock held by another process instead of failing', async () => {
    const dir = tempDir();
    openTempStore(dir).store.close(); // create and migrate first, so the holder only holds
    const startAt = Date.now() + 4000;
    const [hold, w] = await Promise.all([
      writer(dir, 'hold', 0, 'hold', startAt),
      writer(dir, 'write', 5, 'late', startAt + 200),
    ]);
    expect(hold.errors).toEqual([]);
    expect(w).toMatchObject({ done: 5, errors: [] });
  });
});
