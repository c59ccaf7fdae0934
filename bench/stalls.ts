// `npm run bench -- stalls`: how long intake holds the thread it is called on. In the app that
// thread is the main process's: while it is held, no IPC is answered and no timer runs (the case
// list does not search, a form does not save). A 5 ms timer ticks while bills are read in
// process on primed engines; a tick late by more than 50 ms counts as a stall. Pages prepared on
// the preparation thread (what the app and the host do) against on the calling thread (what a
// one-shot CLI does, see prepare-where.ts), each in its own process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { denseScan } from './dense-scan';

const STALL_MS = 50;
const TICK_MS = 5;

interface Row {
  bill: string;
  ms: number;
  longest: number;
  stalls: number;
  stalled: number;
}

async function child(mode: string, files: string[]): Promise<void> {
  const { preparePagesInline } = await import('../electron/desk/intake/prepare-where');
  if (mode === 'inline') preparePagesInline();
  const { intakeBill } = await import('../electron/desk/intake/bill');
  const { closeSharedOcrPool, sharedOcrPool } = await import('../electron/desk/intake/ocr-pool');
  const { releaseAll } = await import('../electron/desk/release');
  await sharedOcrPool().prime();
  const rows: Row[] = [];
  for (const file of files) {
    // the first read of each kind loads its code (pdfjs, the extractor): the second is the desk's day
    for (let rep = 0; rep < 2; rep++) {
      let last = performance.now();
      const row: Row = { bill: path.basename(file), ms: 0, longest: 0, stalls: 0, stalled: 0 };
      const timer = setInterval(() => {
        const now = performance.now();
        const late = now - last - TICK_MS;
        last = now;
        row.longest = Math.max(row.longest, late);
        if (late > STALL_MS) {
          row.stalls++;
          row.stalled += late;
        }
      }, TICK_MS);
      const t0 = performance.now();
      await intakeBill(file, { name: path.basename(file) });
      row.ms = performance.now() - t0;
      clearInterval(timer);
      if (rep === 1) rows.push(row);
    }
  }
  await closeSharedOcrPool();
  await releaseAll();
  console.log(JSON.stringify(rows));
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stalls-'));
  try {
    const dense = await denseScan();
    const densePdf = path.join(tmp, 'dense-7-pages.pdf');
    fs.writeFileSync(densePdf, dense.pdf);
    const files = [
      path.resolve('test/fixtures/bills/fx-004.jpg'),
      path.resolve('test/fixtures/bills/fx-002.pdf'),
      densePdf,
    ];
    console.log(
      `main-thread stalls during in-process intake (primed engines, second read of each bill; ` +
        `a ${TICK_MS} ms timer late by > ${STALL_MS} ms is a stall)`,
    );
    console.log('bill               pages prepared   read ms   longest stall ms   stalls   stalled ms');
    for (const mode of ['thread', 'inline']) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'bench/stalls.ts', '--child', mode, ...files],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      if (r.status !== 0) throw new Error(`stalls child (${mode}) failed: ${r.stderr}`);
      const rows = JSON.parse(r.stdout.trim().split('\n').pop()!) as Row[];
      for (const row of rows) {
        console.log(
          `${row.bill.padEnd(18)} ${(mode === 'thread' ? 'on their thread' : 'on the caller').padEnd(16)} ` +
            `${row.ms.toFixed(0).padStart(7)}   ${row.longest.toFixed(0).padStart(16)}   ` +
            `${String(row.stalls).padStart(6)}   ${row.stalled.toFixed(0).padStart(10)}`,
        );
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1]!, process.argv.slice(at + 2));
else await main();
