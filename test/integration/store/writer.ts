// Child process for the concurrent-writers test: one more door on the same desk store.
// argv: <dataDir> <mode: write|hold> <count> <tag> <startAtMs> [postgres-url]
import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { fileKeySecretBox } from '../../../electron/desk/secrets';
import { openDeskStore } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';

const [dataDir = '', mode = 'write', countArg = '50', tag = 'w', startAt = '0', url = ''] =
  process.argv.slice(2);
const store = await openDeskStore({ dataDir, databaseUrl: url || null, secrets: fileKeySecretBox(dataDir) });
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now()))); // start both together
const errors: string[] = [];
let done = 0;
if (mode === 'hold') {
  // Hold the write lock for 1.5 s, as a long import would: the other door must wait, not fail.
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('BEGIN');
    await c.query('LOCK TABLE cases, numbers IN EXCLUSIVE MODE');
    await new Promise((r) => setTimeout(r, 1500));
    await c.query('COMMIT');
    await c.end();
  } else {
    const db = new Database(path.join(dataDir, 'desk.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('BEGIN IMMEDIATE').run();
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      /* hold */
    }
    db.prepare('COMMIT').run();
    db.close();
  }
} else {
  for (let i = 0; i < Number(countArg); i++) {
    try {
      const c = await store.createCase(
        caseInput({ name: `${tag} ${i}`, numbers: [`2125${String(i).padStart(6, '0')}`] }),
        tag,
      );
      await store.updateCase(c.id, c.version, caseInput({ name: `${tag} ${i} edited`, numbers: [] }), tag);
      await store.setStatus(c.id, 'waiting_signature', tag);
      await store.addComment(c.id, `from ${tag}`, tag);
      await store.listCases({ query: tag, status: [], sort: 'updated', dir: 'desc', offset: 0, limit: 10 });
      done++;
    } catch (err) {
      errors.push(`${(err as { code?: string }).code ?? ''} ${(err as Error).message}`);
    }
  }
}
await store.close();
process.stdout.write(JSON.stringify({ tag, done, errors }) + '\n');
