// Child process for the concurrent-writers test: one more door on the same case file.
// argv: <dataDir> <mode: write|hold> <count> <tag> <startAtMs>
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileKeySecretBox } from '../../../electron/desk/secrets';
import { openStore } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';

const [dataDir = '', mode = 'write', countArg = '50', tag = 'w', startAt = '0'] = process.argv.slice(2);
const file = path.join(dataDir, 'desk.sqlite');
const store = openStore(file, { secrets: fileKeySecretBox(dataDir) });
while (Date.now() < Number(startAt)) {
  /* start both writers together */
}
const errors: string[] = [];
let done = 0;
if (mode === 'hold') {
  // Hold the write lock for 1.5 s, as a long import would: the other door must wait, not fail.
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.prepare('BEGIN IMMEDIATE').run();
  const until = Date.now() + 1500;
  while (Date.now() < until) {
    /* hold */
  }
  db.prepare('COMMIT').run();
  db.close();
} else {
  for (let i = 0; i < Number(countArg); i++) {
    try {
      const c = store.createCase(
        caseInput({ name: `${tag} ${i}`, numbers: [`2125${String(i).padStart(6, '0')}`] }),
        tag,
      );
      store.updateCase(c.id, c.version, caseInput({ name: `${tag} ${i} edited`, numbers: [] }), tag);
      store.setStatus(c.id, 'waiting_signature', tag);
      store.addComment(c.id, `from ${tag}`, tag);
      store.listCases({ query: tag, status: [], sort: 'updated', dir: 'desc', offset: 0, limit: 10 });
      done++;
    } catch (err) {
      errors.push(`${(err as { code?: string }).code ?? ''} ${(err as Error).message}`);
    }
  }
}
store.close();
process.stdout.write(JSON.stringify({ tag, done, errors }) + '\n');
