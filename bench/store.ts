// Store benchmark: `npx tsx bench/store.ts [cases] [--keep] [--postgres]` (default 100,000). Fills a
// temp data dir with cases of 3 numbers each, then times cases:list pages and searches through
// dispatch, i.e. the same path the renderer's calls take. --postgres runs the same on a throwaway
// PostgreSQL (`npm run bench -- store-pg`). Figures only: nothing here asserts a speed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArgsIn } from '../shared/contract';
import { dispatch } from '../electron/desk/dispatch';
import { openDesk } from '../electron/desk/service';
import { dbPath } from '../electron/desk/paths';
import { startPgServer } from '../test/support/postgres';
import { accountNumberOf as accountNumber, fakeCases, lineDigits, pct } from './fake-cases';

const args = process.argv.slice(2);
const TOTAL = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
/** --keep: leave the data dir for poking at with sqlite3 / EXPLAIN QUERY PLAN. */
const KEEP = args.includes('--keep');
const POSTGRES = args.includes('--postgres');
const BATCH = 1_000;

const { rand, makeCase } = fakeCases({ seed: 0x5eed, numbersPerCase: 3, wirelessEvery: 3, focShare: 0.5 });

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'));
  const server = POSTGRES ? await startPgServer() : null;
  const databaseUrl = server ? await server.createDatabase('bench') : null;
  const desk = await openDesk({ dataDir, databaseUrl });
  const store = desk.deps.store;
  const rows: string[][] = [];

  // ---- insert --------------------------------------------------------------------------------
  let insertMs = 0;
  const cpu0 = process.cpuUsage();
  for (let start = 0; start < TOTAL; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, TOTAL - start) }, (_, k) => makeCase(start + k));
    const t = performance.now();
    await store.createCases(batch, 'bench'); // one transaction per batch (one fsync)
    insertMs += performance.now() - t;
  }
  const rate = TOTAL / (insertMs / 1000);
  // CPU time too: on a shared, loaded machine wall-clock rates say more about the neighbours.
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;

  // Single-case writes: each its own fully synced transaction, as an agent's saves are.
  const writeLat: number[] = [];
  const ctx = { actor: 'bench' };
  for (let k = 0; k < 300; k++) {
    const id = 1 + Math.floor(rand() * TOTAL);
    const t = performance.now();
    const r = await dispatch(desk.handlers, 'cases:setStatus', { id, status: 'waiting_signature' }, ctx);
    writeLat.push(performance.now() - t);
    if (!r.ok && r.error.code !== 'ILLEGAL_TRANSITION') throw new Error(r.error.message);
  }
  rows.push(['cases:setStatus (one write)', '300', ms(pct(writeLat, 50)), ms(pct(writeLat, 95)), '', '']);

  // ---- list and search -----------------------------------------------------------------------
  // Wall time and this process's CPU time per call: SQLite runs synchronously in this thread, so
  // CPU time is the work a query costs, while wall time also holds the wait for a busy machine.
  const time = async (label: string, runs: number, args: (k: number) => ArgsIn<'cases:list'>) => {
    const lat: number[] = [];
    const cpu: number[] = [];
    let total = '';
    for (let k = 0; k < runs; k++) {
      const c = process.cpuUsage();
      const t = performance.now();
      const r = await dispatch(desk.handlers, 'cases:list', args(k), ctx);
      lat.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (!r.ok) throw new Error(`${label}: ${r.error.message}`);
      total = (r.value as { total: number }).total.toLocaleString('en-US');
    }
    rows.push([label, total, ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(cpu, 50)), ms(pct(cpu, 95))]);
  };
  const deep = (k: number) => Math.floor(TOTAL * 0.5) + k * 97;
  await time('first page (updated desc, 100)', 30, () => ({}));
  await time('deep offset ~50% (updated)', 30, (k) => ({ offset: deep(k) }));
  await time('last page (updated)', 30, () => ({ offset: TOTAL - 100 }));
  await time('status filter: Waiting for Signature', 30, () => ({ status: ['waiting_signature'] }));
  await time('status filter: Draft, deep offset', 30, (k) => ({ status: ['draft'], offset: deep(k) }));
  for (const sort of ['created', 'name', 'foc', 'status'] as const) {
    await time(`sort ${sort} asc, first page`, 20, () => ({ sort, dir: 'asc' }));
    await time(`sort ${sort} desc, deep offset`, 20, (k) => ({ sort, dir: 'desc', offset: deep(k) }));
  }
  // Searches: a common word, a rare combination, partial and full numbers, an account number.
  await time('FTS name word "plumbing"', 30, () => ({ query: 'plumbing' }));
  await time('FTS two words "harbor dental"', 30, () => ({ query: 'harbor dental' }));
  await time('FTS partial number (last 4)', 30, (k) => ({ query: String(1000 + k * 37).slice(-4) }));
  await time('FTS full number', 30, (k) => ({ query: makeNumber(k) }));
  await time('FTS account number', 30, (k) => ({ query: accountNumber((k * 7919) % TOTAL) }));
  await time('FTS + status filter', 30, () => ({ query: 'albany', status: ['draft'] }));
  await time('2-char query "ha" (name prefix)', 30, () => ({ query: 'ha' }));
  // What typing "harbor" sends, one keystroke at a time (the 1- and 2-character steps above).
  await time('1-char query "h" (name prefix)', 30, () => ({ query: 'h' }));
  await time('FTS 3-char "har"', 30, () => ({ query: 'har' }));
  await time('FTS "plumbing", sort name asc', 30, () => ({ query: 'plumbing', sort: 'name', dir: 'asc' }));
  await time('FTS "plumbing", sort foc asc', 30, () => ({ query: 'plumbing', sort: 'foc', dir: 'asc' }));
  await time('FTS "plumbing", sort status', 30, () => ({ query: 'plumbing', sort: 'status' }));
  await time('2-char "ha", last page', 30, () => ({ query: 'ha', offset: Math.floor(TOTAL / 12) - 100 }));
  await time('FTS + 2 statuses', 30, () => ({ query: 'albany', status: ['draft', 'waiting_signature'] }));
  await time('FTS "plumbing", 5th page', 30, () => ({ query: 'plumbing', offset: 400 }));
  await time('FTS "plumbing", last page', 30, () => ({
    query: 'plumbing',
    offset: Math.floor(TOTAL / 9) - 100,
  }));

  const dbBytes = (await desk.deps.store.info()).bytes;
  await desk.close();
  server?.destroy();
  const file = dbPath(dataDir);
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

  const w = [38, 10, 11, 11, 11, 11];
  const line = (cols: string[]) =>
    cols.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  console.log(
    `Store benchmark (${POSTGRES ? 'PostgreSQL' : 'SQLite'}): ${TOTAL.toLocaleString('en-US')} cases × 3 numbers, batches of ${BATCH}`,
  );
  console.log(
    `insert: ${Math.round(rate).toLocaleString('en-US')} cases/s (${(insertMs / 1000).toFixed(1)} s wall, ` +
      `${cpuSec.toFixed(1)} s CPU incl. generating the data; load average ${os.loadavg()[0]!.toFixed(1)})`,
  );
  console.log('');
  console.log(line(['query', 'matches', 'p50', 'p95', 'CPU p50', 'CPU p95']));
  console.log(line(w.map((n) => '-'.repeat(n))));
  for (const r of rows) console.log(line(r));
  console.log('');
  if (POSTGRES) console.log(`database: ${mb(dbBytes)}`);
  else console.log(`db file: ${mb(size(file))} (+ WAL ${mb(size(`${file}-wal`))})`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (KEEP) console.log(`data dir kept: ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The k-th case's BTN, as makeCase built it (NPA varies, so search on the 7 unique digits). */
function makeNumber(k: number): string {
  return lineDigits((k * 7919) % TOTAL, 0, 3);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
