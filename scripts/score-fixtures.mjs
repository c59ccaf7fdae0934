#!/usr/bin/env node
// Scores a bill-intake command against the generated fixtures (test/fixtures/bills), with the same
// normalization and summary metrics as shared/eval/score.mjs.
// Usage: node scripts/score-fixtures.mjs --cmd 'npm run -s desk -- intake {file} --request {request} --json'
//        [--dir test/fixtures/bills] [--only fx-001,fx-002] [--template northwind-mobile] [--rendition text-pdf]
//        [--json out.json] [--timeout 120]
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NORMALIZE = process.env.EVAL_NORMALIZE ?? path.resolve(ROOT, '../shared/eval/lib/normalize.mjs');
const { normPhone, normAcct, normName, addrEqual, CHECK_KEYS, DISCREPANCY_KEY } = await import(NORMALIZE);

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

const FIELDS = ['accountName', 'accountNumber', 'btn', 'serviceAddress', 'billDate'];
const ok = {
  accountName: (g, w) => normName(g) !== '' && normName(g) === normName(w),
  accountNumber: (g, w) => normAcct(g) !== '' && normAcct(g) === normAcct(w),
  btn: (g, w) => normPhone(g) === normPhone(w),
  serviceAddress: (g, w) => addrEqual(g, w),
  billDate: (g, w) => String(g).trim() === w,
};

const recs = fs
  .readdirSync(path.join(dir, 'truth'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')))
  .filter(
    (r) =>
      (!only || only.has(r.id)) &&
      (!tplOnly || r.template === tplOnly) &&
      (!rendOnly || r.rendition === rendOnly),
  );
if (!recs.length) {
  console.error(`no fixtures selected in ${dir}`);
  process.exit(2);
}

const rows = [];
for (const r of recs) {
  const file = path.join(dir, r.file),
    request = path.join(dir, 'requests', `${r.id}.json`);
  const res = await run(cmd.replaceAll('{file}', shq(file)).replaceAll('{request}', shq(request)));
  const out = res.timedOut ? null : parse(res.out);
  const f = out?.fields ?? {},
    checks = out?.checks ?? {};
  const fields = Object.fromEntries(FIELDS.map((k) => [k, f[k] != null && ok[k](f[k], r.truth[k])]));
  const got = new Set(
    (Array.isArray(f.numbers) ? f.numbers : []).map(normPhone).filter((n) => n.length === 10),
  );
  const want = new Set(r.truth.numbers);
  const tp = [...got].filter((n) => want.has(n)).length;
  const chk = Object.fromEntries(CHECK_KEYS.map((k) => [k, checks[k] === r.expected.verdicts[k]]));
  const disc = r.expected.discrepancy;
  const g = disc ? checks[DISCREPANCY_KEY[disc]] : null;
  const row = {
    id: r.id,
    template: r.template,
    rendition: r.rendition,
    seconds: res.seconds,
    parsed: !!out,
    timedOut: res.timedOut,
    fields,
    chk,
    tp,
    got: got.size,
    truth: want.size,
    disc,
    missed: !!disc && (g === 'match' || g === 'ok'),
    falseAlarm: !disc && CHECK_KEYS.some((k) => checks[k] === 'mismatch' || checks[k] === 'stale'),
    extra: [...got].filter((n) => !want.has(n)),
    lost: [...want].filter((n) => !got.has(n)),
    output: out,
    stderr: res.err.slice(-1500),
  };
  rows.push(row);
  const bad = FIELDS.filter((k) => !fields[k]);
  process.stderr.write(
    `${r.id} ${r.template.padEnd(24)} ${r.rendition.padEnd(10)} ${res.seconds.toFixed(2).padStart(6)}s fields ${5 - bad.length}/5${bad.length ? ' (' + bad.join(',') + ')' : ''} nums ${tp}/${want.size} (+${got.size - tp})` +
      `${out ? '' : ' NO-JSON'}${res.timedOut ? ' TIMEOUT' : ''}${row.missed ? ' MISSED:' + disc : ''}${row.falseAlarm ? ' FALSE-ALARM' : ''}\n`,
  );
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y),
    m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
function sum(rs) {
  const n = rs.length,
    hit = (k) => rs.filter((r) => r.fields[k]).length;
  const tp = rs.reduce((s, r) => s + r.tp, 0),
    got = rs.reduce((s, r) => s + r.got, 0),
    tru = rs.reduce((s, r) => s + r.truth, 0);
  const checks = rs.reduce((s, r) => s + Object.values(r.chk).filter(Boolean).length, 0);
  return {
    n,
    fields: FIELDS.reduce((s, k) => s + hit(k), 0) / (n * FIELDS.length),
    per: Object.fromEntries(FIELDS.map((k) => [k, hit(k) / n])),
    P: got ? tp / got : 0,
    R: tru ? tp / tru : 0,
    checks: checks / (n * CHECK_KEYS.length),
    disc: rs.filter((r) => r.disc).length,
    missed: rs.filter((r) => r.missed).length,
    clean: rs.filter((r) => !r.disc).length,
    falseAlarms: rs.filter((r) => r.falseAlarm).length,
    med: median(rs.map((r) => r.seconds)),
    noJson: rs.filter((r) => !r.parsed).length,
  };
}
const W = [28, 4, 8, 7, 7, 7, 7, 7, 8, 8, 8, 7, 6];
const line = (c) => c.map((x, i) => String(x).padEnd(W[i])).join(' ');
const show = (label, s) =>
  console.log(
    line([
      label,
      s.n,
      pct(s.fields, 1),
      pct(s.per.accountName, 1),
      pct(s.per.accountNumber, 1),
      pct(s.per.btn, 1),
      pct(s.per.serviceAddress, 1),
      pct(s.per.billDate, 1),
      pct(s.P, 1),
      pct(s.R, 1),
      pct(s.checks, 1),
      s.med.toFixed(2),
      `${s.missed}/${s.disc}`,
    ]),
  );
console.log(
  line([
    'group',
    'n',
    'fields',
    'name',
    'acct',
    'btn',
    'addr',
    'date',
    'num P',
    'num R',
    'checks',
    'med s',
    'missed',
  ]),
);
const groups = (key) =>
  [...new Set(rows.map((r) => r[key]))].sort().map((g) => [g, sum(rows.filter((r) => r[key] === g))]);
const byRendition = groups('rendition'),
  byTemplate = groups('template');
for (const [g, s] of byRendition) show(g, s);
for (const [g, s] of byTemplate) show('  ' + g, s);
const all = sum(rows);
show('ALL (fixtures)', all);
console.log(
  `fixtures: fields ${pct(all.fields, 1)} exact, numbers P ${pct(all.P, 1)} R ${pct(all.R, 1)}, checks ${pct(all.checks, 1)}, ` +
    `missed ${all.missed}/${all.disc}, false alarms ${all.falseAlarms}/${all.clean}, median ${all.med.toFixed(2)} s/bill` +
    (all.noJson ? `, NO-JSON ${all.noJson}` : ''),
);
if (jsonOut)
  fs.writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        dir,
        cmd,
        overall: all,
        byRendition: Object.fromEntries(byRendition),
        byTemplate: Object.fromEntries(byTemplate),
        bills: rows,
      },
      null,
      2,
    ) + '\n',
  );
