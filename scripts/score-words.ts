// Dev scorer for the extractor alone: runs extractBill over a folder of word dumps
// (<id>.json = PageWords[]) and compares with truth files, using the eval's own normalization.
// Usage: npx tsx scripts/score-words.ts [--words .cache/words] [--truth ../shared/eval/public/truth] [--only id,id] [-v]
// With the requests folder beside the truth folder (a generated set), the cross-check runs too, so
// false alarms and missed discrepancies are counted as score-fixtures counts them, without re-OCR.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageWords } from '../shared/domain';
import { billOcrWords, evalChecks } from '../shared/check/eval';
import { extractBill } from '../shared/extract';
import { parseRequestJson } from '../shared/request';
// The eval's normalization, as the repo keeps it (scripts/eval/normalize.mjs): scored as the eval scores.
import * as norm from './eval/normalize.mjs';
import { FIELDS, fieldOk, scoreBill, type FixtureRecord } from './eval/fixture-score.mjs';

const args = process.argv.slice(2);
const opt = (k: string, d?: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const verbose = args.includes('-v');
// The eval folder beside the repo, found from the repo root (never one machine's absolute path).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = opt('--eval', path.resolve(ROOT, '../shared/eval'))!;
const wordsDir = opt('--words', fs.existsSync('.cache/words') ? '.cache/words' : '.cache/dev-words')!;
const truthDir = opt('--truth', path.join(evalDir, 'public/truth'))!;
const only = opt('--only') ? new Set(opt('--only')!.split(',')) : null;

type Truth = {
  id: string;
  rendition?: string;
  template?: string;
  truth: Record<string, unknown> & { numbers: string[]; carrier: string };
  expected?: { discrepancy: string | null };
};
const requestsDir = path.join(path.dirname(path.resolve(truthDir)), 'requests');
const checked = { clean: 0, falseAlarms: 0, disc: 0, missed: 0 };

const groups = new Map<
  string,
  { n: number; hits: number; tp: number; got: number; truth: number; carrier: number }
>();
const add = (g: string, hits: number, tp: number, got: number, tr: number, carrier: boolean) => {
  const s = groups.get(g) ?? { n: 0, hits: 0, tp: 0, got: 0, truth: 0, carrier: 0 };
  s.n++;
  s.hits += hits;
  s.tp += tp;
  s.got += got;
  s.truth += tr;
  s.carrier += carrier ? 1 : 0;
  groups.set(g, s);
};

const files = fs
  .readdirSync(truthDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
let totalMs = 0;
for (const f of files) {
  const rec = JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8')) as Truth;
  const id = rec.id ?? f.replace(/\.json$/, '');
  if (only && !only.has(id)) continue;
  const wf = path.join(wordsDir, `${id}.json`);
  if (!fs.existsSync(wf)) {
    console.log(`${id} (no words dump)`);
    continue;
  }
  const pages = JSON.parse(fs.readFileSync(wf, 'utf8')) as PageWords[];
  const t0 = performance.now();
  const ex = extractBill(pages);
  totalMs += performance.now() - t0;
  const res = FIELDS.map((k) => fieldOk(k, ex.fields[k], rec.truth[k]));
  const got = new Set(ex.fields.numbers.map((n) => norm.normPhone(n)));
  const want = new Set(rec.truth.numbers.map((n) => norm.normPhone(n)));
  const tp = [...got].filter((n) => want.has(n)).length;
  const cg = norm.normName(ex.fields.carrier);
  const cw = norm.normName(rec.truth.carrier);
  const carrierOk = cg.length > 3 && (cg.includes(cw) || cw.includes(cg));
  const hits = res.filter(Boolean).length;
  const rend = rec.rendition ?? 'unknown';
  add(rend, hits, tp, got.size, want.size, carrierOk);
  add('ALL', hits, tp, got.size, want.size, carrierOk);
  let alarm = '';
  const reqFile = path.join(requestsDir, `${id}.json`);
  if (rec.expected && fs.existsSync(reqFile)) {
    const req = parseRequestJson(fs.readFileSync(reqFile, 'utf8'));
    const s = scoreBill(rec as unknown as FixtureRecord, {
      fields: ex.fields,
      checks: evalChecks(ex.fields, req, billOcrWords(ex.meta)),
    });
    if (s.disc) checked.disc++;
    else checked.clean++;
    if (s.missed) checked.missed++;
    if (s.falseAlarm) checked.falseAlarms++;
    alarm = s.missed ? ` MISSED:${s.disc}` : s.falseAlarm ? ' FALSE-ALARM' : '';
    if (alarm && verbose) alarm += ` ${JSON.stringify(s.chk)}`;
  }
  const flags = FIELDS.map((k, i) => (res[i] ? k.slice(0, 4) : k.slice(0, 4).toUpperCase() + '✗')).join(' ');
  console.log(
    `${id} ${rend.padEnd(8)} ${hits}/5 ${flags} nums ${tp}/${want.size} (+${got.size - tp}) carrier ${carrierOk ? 'ok' : `✗ "${ex.fields.carrier}"`}${alarm}`,
  );
  if (verbose) {
    FIELDS.forEach((k, i) => {
      if (!res[i])
        console.log(`    ${k}: got ${JSON.stringify(ex.fields[k])} want ${JSON.stringify(rec.truth[k])}`);
    });
    const missing = [...want].filter((n) => !got.has(n));
    const extra = [...got].filter((n) => !want.has(n));
    if (missing.length || extra.length)
      console.log(`    numbers missing ${missing.join(',')} extra ${extra.join(',')}`);
  }
}
const pc = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
console.log('');
for (const [g, s] of groups) {
  console.log(
    `${g.padEnd(9)} n=${String(s.n).padEnd(3)} fields ${pc(s.hits, s.n * 5).padEnd(6)} numbers P ${pc(s.tp, s.got).padEnd(6)} R ${pc(s.tp, s.truth).padEnd(6)} carrier ${pc(s.carrier, s.n)}`,
  );
}
if (checked.clean + checked.disc)
  console.log(
    `missed ${checked.missed}/${checked.disc}, false alarms ${checked.falseAlarms}/${checked.clean}`,
  );
console.log(`extract time ${totalMs.toFixed(0)} ms total (words dir ${wordsDir})`);
