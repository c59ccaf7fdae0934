#!/usr/bin/env node
// Scores a bill-intake command against the generated fixtures (test/fixtures/bills), with the same
// normalization and summary metrics as shared/eval/score.mjs (beside the repo; its normalization is
// copied in scripts/eval/normalize.mjs). The accuracy test in CI scores the same way.
// Usage: node scripts/score-fixtures.mjs --cmd 'npm run -s desk -- intake {file} --request {request} --json'
//        [--dir test/fixtures/bills] [--only fx-001,fx-002] [--template northwind-mobile] [--rendition text-pdf]
//        [--json out.json] [--timeout 120]
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { billLine, loadFixtures, report, scoreBill } from './eval/fixture-score.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const opt = (k, d) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const cmd = opt('--cmd');
const dir = path.resolve(opt('--dir', path.join(ROOT, 'test/fixtures/bills')));
const only = opt('--only') ? new Set(opt('--only').split(',')) : null;
const tplOnly = opt('--template');
const rendOnly = opt('--rendition');
const jsonOut = opt('--json');
const timeoutS = Number(opt('--timeout', 120));
if (!cmd) {
  console.error(
    "usage: node scripts/score-fixtures.mjs --cmd 'COMMAND {file} {request}' [--dir D] [--only id,..] [--template T] [--rendition R] [--json out.json]",
  );
  process.exit(2);
}

const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
function run(command) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const p = spawn('bash', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '',
      err = '',
      timedOut = false;
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutS * 1000);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
    });
  });
}
// Tolerates log lines before the JSON object.
function parse(out) {
  const s = out.trim();
  for (const cut of [0, s.lastIndexOf('\n{') + 1, s.indexOf('{')]) {
    try {
      return JSON.parse(s.slice(Math.max(0, cut)));
    } catch {
      /* try the next cut */
    }
  }
  return null;
}

const recs = loadFixtures(dir, { only, template: tplOnly, rendition: rendOnly });
if (!recs.length) {
  console.error(`no fixtures selected in ${dir}`);
  process.exit(2);
}

const rows = [];
for (const r of recs) {
  const file = path.join(dir, r.file),
    request = path.join(dir, 'requests', `${r.id}.json`);
  const res = await run(cmd.replaceAll('{file}', shq(file)).replaceAll('{request}', shq(request)));
  const row = scoreBill(r, res.timedOut ? null : parse(res.out), {
    seconds: res.seconds,
    timedOut: res.timedOut,
    stderr: res.err,
  });
  rows.push(row);
  process.stderr.write(billLine(row) + '\n');
}

const rep = report(rows);
for (const l of rep.lines) console.log(l);
if (jsonOut)
  fs.writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        dir,
        cmd,
        overall: rep.overall,
        byRendition: rep.byRendition,
        byTemplate: rep.byTemplate,
        bills: rows,
      },
      null,
      2,
    ) + '\n',
  );
