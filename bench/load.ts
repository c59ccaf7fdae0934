// Load benchmark: `npx tsx bench/load.ts [cases] [bills]` (default 100,000 cases, 10,000 bills).
// Fills a temp desk with cases (bulk transactions through the store) and bills (documents rows,
// extractions and small content-addressed blobs written straight to the file: how they got in
// does not matter here, reading them back does), then times what an agent does all day through
// dispatch: list pages, searches, and opening a case (cases:get + cases:history +
// intake:listDocuments, plus the bill's extraction when it has one). Figures only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { ArgsIn, Channel } from '../shared/contract';
import { dispatch } from '../electron/desk/dispatch';
import { blobPath } from '../electron/desk/intake/blobs';
import { dbPath } from '../electron/desk/paths';
import { openDesk } from '../electron/desk/service';
import { fakeCases, NPAS, pct, TRADES, WORDS } from './fake-cases';

const nums = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const CASES = nums[0] ?? 100_000;
const BILLS = nums[1] ?? 10_000;
const BATCH = 2_000;

const { rand, pick, makeCase } = fakeCases({ seed: 0x10ad, numbersPerCase: 2, wirelessEvery: 4 });

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-load-'));
  const desk = await openDesk({ dataDir, autoBackup: false });
  const store = desk.deps.store;
  const ctx = { actor: 'bench' };
  const call = async (channel: Channel, args: unknown) => {
    const r = await dispatch(desk.handlers, channel, args, ctx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };

  // ---- fill ----------------------------------------------------------------------------------
  let t0 = performance.now();
  for (let start = 0; start < CASES; start += BATCH) {
    await store.createCases(
      Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => makeCase(start + k)),
      'bench',
    );
  }
  const fillCases = performance.now() - t0;

  // Bills: a small unique blob each (a bill-sized PDF would only measure the disk), its
  // documents row and extraction, on a second connection in one transaction.
  t0 = performance.now();
  const billCases: number[] = [];
  const raw = new Database(dbPath(dataDir));
  raw.pragma('busy_timeout = 5000');
  const insDoc = raw.prepare(
    `INSERT INTO documents (case_id, sha256, kind, filename, mime, size, pages, created_at)
     VALUES (?, ?, 'bill', ?, 'application/pdf', ?, 1, ?)`,
  );
  const insExt = raw.prepare('INSERT INTO extractions (document_id, json, created_at) VALUES (?, ?, ?)');
  const now = new Date().toISOString();
  raw.transaction(() => {
    for (let b = 0; b < BILLS; b++) {
      const caseId = 1 + Math.floor(rand() * CASES);
      const bytes = Buffer.from(`%PDF-1.4\n% load bill ${b} for case ${caseId}\n%%EOF\n`);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      const file = blobPath(dataDir, sha);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      const docId = Number(insDoc.run(caseId, sha, `bill-${b}.pdf`, bytes.length, now).lastInsertRowid);
      const fields = {
        carrier: 'Verizon',
        accountName: null,
        accountNumber: null,
        btn: null,
        serviceAddress: null,
        billDate: null,
        numbers: [],
      };
      insExt.run(docId, JSON.stringify({ fields, meta: {}, numberMeta: {} }), now);
      billCases.push(caseId);
    }
  })();
  raw.close();
  const fillBills = performance.now() - t0;
  const size =
    fs.statSync(dbPath(dataDir)).size +
    (fs.existsSync(`${dbPath(dataDir)}-wal`) ? fs.statSync(`${dbPath(dataDir)}-wal`).size : 0);

  // ---- measure -------------------------------------------------------------------------------
  const rows: [string, number, string, string][] = [];
  const time = async (label: string, runs: number, fn: (k: number) => Promise<unknown>) => {
    for (let k = 0; k < 3; k++) await fn(k); // warm the statement cache and the page cache
    const lat: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      await fn(k);
      lat.push(performance.now() - t);
    }
    rows.push([label, runs, ms(pct(lat, 50)), ms(pct(lat, 95))]);
  };
  const list = (a: Partial<ArgsIn<'cases:list'>>) => call('cases:list', { limit: 50, ...a });

  await time('list: first page (default order)', 100, () => list({}));
  await time('list: deep page (offset 50,000)', 50, () => list({ offset: 50_000 }));
  await time('list: by name', 100, (k) => list({ sort: 'name', offset: (k * 997) % CASES }));
  await time('list: status filter', 100, () => list({ status: ['draft'] }));
  await time('search: name word', 100, () => list({ query: pick(WORDS) }));
  await time('search: name phrase', 100, () => list({ query: `${pick(WORDS)} ${pick(TRADES)}` }));
  await time('search: partial number', 100, () =>
    list({ query: `${pick(NPAS)}20${Math.floor(rand() * 90 + 10)}` }),
  );
  await time('search: account number', 100, () =>
    list({ query: `${100 + Math.floor(rand() * 900)}-0${Math.floor(rand() * 9)}` }),
  );
  const open = async (id: number) => {
    await call('cases:get', { id });
    await call('cases:history', { id });
    const docs = (await call('intake:listDocuments', { caseId: id })) as { id: number }[];
    if (docs[0]) await call('intake:getExtraction', { documentId: docs[0].id });
  };
  await time('open: case + history + documents', 300, () => open(1 + Math.floor(rand() * CASES)));
  await time('open: case with a bill (+ extraction)', 300, () => open(pick(billCases)));
  await time('home: bills going stale', 30, () => call('cases:staleBills', {}));

  console.log(
    `load: ${CASES.toLocaleString('en-US')} cases and ${BILLS.toLocaleString('en-US')} bills; filled in ${(fillCases / 1000).toFixed(1)} s + ${(fillBills / 1000).toFixed(1)} s; database ${(size / 1048576).toFixed(0)} MB`,
  );
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'operation (through dispatch)'.padEnd(w)}  runs       p50        p95`);
  for (const [label, runs, p50, p95] of rows)
    console.log(`${label.padEnd(w)}  ${String(runs).padStart(4)}  ${p50.padStart(9)}  ${p95.padStart(9)}`);
  await desk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
