// A door opening the desk's SQLite file while another holds it longer than busy_timeout (a fresh
// file's fsynced migrations on a loaded disk, a long import) waits its turn instead of failing
// with "database is locked". CI saw one of seven commands started together on a new desk fail so.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/desk/store/open';
import { SCHEMA_VERSION } from '../../../electron/desk/store/migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-open-busy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process holds the file's exclusive lock for `ms`, longer than busy_timeout (5 s). */
function holdExclusive(file: string, ms: number): Promise<() => Promise<number | null>> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.prepare('BEGIN EXCLUSIVE').run();
    process.stdout.write('locked\\n');
    setTimeout(() => { db.prepare('COMMIT').run(); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve(() => exited);
    });
  });
}

describe('opening a desk file another door holds', () => {
  it('waits past busy_timeout for the lock and opens it, migrated', async () => {
    const file = path.join(dir, 'desk.sqlite');
    const exited = await holdExclusive(file, 6500);
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect(await exited()).toBe(0);
  }, 60_000);
});
