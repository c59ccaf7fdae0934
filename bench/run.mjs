#!/usr/bin/env node
// `npm run bench [-- store intake packet ui]`: runs each part as its own process so one part's
// peak RSS does not colour another's, and prints their figures one after the other.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// 'team' (PostgreSQL + 50 agents, about 5 minutes) runs only when asked: npm run bench -- team.
const ALL = ['store', 'load', 'startup', 'intake', 'stalls', 'extract', 'check', 'packet', 'ui'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = wanted.length ? wanted : ALL;
let failed = 0;
for (const part of parts) {
  const file = `bench/${part}.ts`;
  if (!existsSync(file)) {
    console.log(`\n== ${part}: no benchmark (${file} missing)`);
    continue;
  }
  console.log(`\n== ${part} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`!! ${part} exited with ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
