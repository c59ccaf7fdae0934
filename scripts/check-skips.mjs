#!/usr/bin/env node
// A test that skips proves nothing, and a skip is silent in a green run: `npm test` ends here,
// reading the JSON reports vitest and Playwright wrote (test-reports/), and lists every test that
// did not run. Under CI=true any skip fails the run, except the Electron launch spec (the Electron
// binary cannot run on CI's Linux machines). Elsewhere skips are listed as a warning: a developer
// without PostgreSQL or the eval folder beside the repo still gets a green run, with the reason.
// `--clear` removes old reports first, so a stale report is never read as this run's.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, 'test-reports');
const VITEST = path.join(DIR, 'vitest.json');
const PLAYWRIGHT = path.join(DIR, 'playwright.json');
/** The only spec allowed to skip: it launches the Electron binary, which CI's Linux cannot run. */
const ALLOWED = new Set(['electron.spec.ts']);

if (process.argv.includes('--clear')) {
  fs.rmSync(DIR, { recursive: true, force: true });
  process.exit(0);
}

const problems = [];
const skipped = [];

function read(file, what) {
  if (!fs.existsSync(file)) {
    problems.push(`${what} wrote no report at ${path.relative(ROOT, file)}`);
    return null;
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push(`${what}'s report ${path.relative(ROOT, file)} is not JSON (${err.message})`);
    return null;
  }
}

const vitest = read(VITEST, 'vitest');
if (vitest) {
  let ran = 0;
  for (const file of vitest.testResults ?? []) {
    const name = path.relative(ROOT, file.name);
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed' || t.status === 'failed') ran++;
      else skipped.push({ where: name, title: t.fullName ?? t.title, status: t.status });
    }
  }
  if (ran === 0) problems.push('vitest ran no tests');
}

/** Every test of a Playwright report, with the spec file it is in. */
function* playwrightTests(suites, file = '') {
  for (const s of suites ?? []) {
    const f = s.file ?? file;
    for (const spec of s.specs ?? []) for (const t of spec.tests ?? []) yield { file: f, spec, test: t };
    yield* playwrightTests(s.suites, f);
  }
}

const pw = read(PLAYWRIGHT, 'Playwright');
if (pw) {
  let ran = 0;
  for (const { file, spec, test } of playwrightTests(pw.suites)) {
    if (test.status !== 'skipped') {
      ran++;
      continue;
    }
    if (ALLOWED.has(path.basename(file))) continue;
    const why = (test.annotations ?? []).find((a) => a.type === 'skip')?.description;
    skipped.push({
      where: `test/e2e/${file}`,
      title: spec.title,
      status: why ? `skipped: ${why}` : 'skipped',
    });
  }
  for (const e of pw.errors ?? []) problems.push(`Playwright: ${String(e.message).split('\n')[0]}`);
  if (ran === 0) problems.push('Playwright ran no tests');
}

for (const p of problems) console.error(`check-skips: ${p}`);
if (skipped.length) {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  console.error(
    `check-skips: ${skipped.length} test(s) did not run${ci ? ' (CI: a skipped test is a failure)' : ''}:`,
  );
  const SHOWN = 40;
  for (const s of skipped.slice(0, SHOWN)) console.error(`  ${s.where} > ${s.title} [${s.status}]`);
  if (skipped.length > SHOWN) console.error(`  … and ${skipped.length - SHOWN} more`);
  if (ci) process.exitCode = 1;
} else if (!problems.length) {
  console.log('check-skips: every test ran (the Electron launch spec aside)');
}
if (problems.length) process.exitCode = 1;
