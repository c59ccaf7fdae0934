// Packet export benchmark (`npm run bench -- packet`): a stored case with a 2-page text bill,
// exported end to end (store read, blob read, LOA + RespOrg + cover + bill copy, packet.pdf, CSV,
// .eml, .zip, atomic write, status + event). Target: median under 500 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDesk } from '../electron/desk/service';
import { exportCase } from '../electron/desk/packet';
import { buildPacket } from '../electron/desk/packet/build';
import { sampleInput, makeBillPdf } from '../test/integration/packet/fixtures';

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-packet-'));
const desk = await openDesk({ dataDir });
try {
  const { id: _id, status: _s, ...input } = sampleInput().kase;
  const c = await desk.deps.store.createCase(input, 'bench');
  const bill = await makeBillPdf(2);
  const { sha256: sha } = await desk.deps.store.putBlob(bill);
  const doc = await desk.deps.store.addDocument(
    c.id,
    { sha256: sha, kind: 'bill', filename: 'bill.pdf', mime: 'application/pdf', size: bill.length, pages: 2 },
    'bench',
  );
  await desk.deps.store.saveExtraction(doc.id, {
    fields: {
      carrier: null,
      accountName: null,
      accountNumber: null,
      btn: null,
      serviceAddress: null,
      billDate: null,
      numbers: sampleInput().billNumbers,
    },
    meta: {},
    numberMeta: {},
  });
  const out = path.join(dataDir, 'out');
  // Warm-up: module JIT and the standard fonts' metrics are a one-time cost per process.
  await exportCase(desk.deps, { caseId: c.id, outDir: out });
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof exportCase>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await exportCase(desk.deps, {
      caseId: c.id,
      outDir: out,
      signature: { kind: 'typed', name: 'Zoë Martínez' },
    });
    times.push(performance.now() - t0);
  }
  const pure: number[] = [];
  const pureInput = sampleInput({ bill: [{ name: 'bill.pdf', mime: 'application/pdf', bytes: bill }] });
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await buildPacket(pureInput);
    pure.push(performance.now() - t0);
  }
  const size = (f: string) => fs.statSync(f).size;
  console.log(`packet export, stored case, 2-page bill, ${RUNS} runs`);
  console.log(
    `  end to end (store -> files on disk): median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target < 500 ms)`,
  );
  console.log(`  documents only (in memory):         median ${median(pure).toFixed(0)} ms`);
  console.log(
    `  packet.pdf ${kb(size(last!.pdf))}, zip ${kb(size(last!.zip))}, eml ${kb(size(last!.eml))}, ${last!.files.length} files`,
  );
} finally {
  await desk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
