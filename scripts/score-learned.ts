// Dev scorer for learned carriers, on word dumps (scripts/dump-words.ts): teaches one text-PDF bill
// per template (the first by id) as `desk teach` would, then reads every other bill of the set
// the way `desk intake` does (extractBill, applyLearned, splitUnitLine) with nothing learned and
// with what was learned, and prints both per rendition. It also reads each bill with every
// profile except its own carrier's and requires the result to be byte-identical to nothing learned.
// With --read, the learned figures of OCR'd bills come from reading the bill files themselves
// (intakeBill, with its second look at the learned places), not from the word dumps.
// Usage: npx tsx scripts/score-learned.ts --words <dir> --truth <dir> [--read] [--only id,id] [-v]
// The business suite (15 carriers, multi-page bills with many numbers) is measured the same way
// on one folder of several make-bills runs with distinct prefixes: the first text bill by file
// name is taught, so put a text-only run first (e.g. --prefix b…, --renditions text-pdf) and
// scans after it (--prefix c…, --renditions text-pdf,scan-pdf); dump-words reads the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BillFields, Extraction, PageWords } from '../shared/domain';
import { extractBill } from '../shared/extract';
import { applyLearned, learnCarrier, type CarrierProfile } from '../shared/extract/learn';
import { basicName } from '../shared/normalize/name';
import { splitUnitLine } from '../shared/normalize/unit-line';
import { intakeBill } from '../electron/desk/intake/bill';
import { closeSharedOcrPool } from '../electron/desk/intake/ocr-pool';
// The eval's normalization, as the repo keeps it (scripts/eval/normalize.mjs): scored as the eval scores.
import * as norm from './eval/normalize.mjs';
import { FIELDS, fieldOk } from './eval/fixture-score.mjs';

const args = process.argv.slice(2);
const opt = (k: string, d?: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : d;
};
const verbose = args.includes('-v');
const wordsDir = opt('--words')!;
const truthDir = opt('--truth')!;
const teachRendition = opt('--teach', 'text-pdf')!;
const readFiles = args.includes('--read');
const only = opt('--only') ? new Set(opt('--only')!.split(',')) : null;
if (!wordsDir || !truthDir) {
  process.stderr.write('usage: tsx scripts/score-learned.ts --words <dir> --truth <dir> [-v]\n');
  process.exit(2);
}

type Field = (typeof FIELDS)[number];
interface Rec {
  id: string;
  file: string;
  template: string;
  rendition: string;
  truth: BillFields;
}

const recs: Rec[] = fs
  .readdirSync(truthDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8')) as Rec)
  .filter((r) => fs.existsSync(path.join(wordsDir, `${r.id}.json`)));
const words = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(wordsDir, `${id}.json`), 'utf8')) as PageWords[];

// what the CLI does after reading the words (electron/desk/intake/bill.ts)
function intake(pages: PageWords[], profiles: CarrierProfile[]): Extraction {
  const { extraction } = applyLearned(pages, extractBill(pages), profiles);
  const a = extraction.fields.serviceAddress;
  return a
    ? { ...extraction, fields: { ...extraction.fields, serviceAddress: splitUnitLine(a) } }
    : extraction;
}

// A template is one carrier's layout, except where the generator names the carrier after the
// customer's town (municipal-utilities): each town is a carrier of its own, whose bills are other
// carriers' to every profile taught.
const carrierOf = (r: Rec) => `${r.template}|${basicName(r.truth.carrier)}`;

let profiles: CarrierProfile[] = [];
const taughtIds = new Set<string>();
const profileOf = new Map<string, string>();
for (const r of recs) {
  if (r.rendition !== teachRendition || profileOf.has(carrierOf(r))) continue;
  const pages = words(r.id);
  const res = learnCarrier(pages, r.truth, profiles, {
    at: '2026-01-01T00:00:00Z',
    by: 'score-learned',
    bill: r.id,
  });
  profiles = res.profiles;
  profileOf.set(carrierOf(r), res.profile.id);
  taughtIds.add(r.id);
  if (verbose)
    console.log(
      `taught ${r.id} ${r.template}: ${res.learned.join(',')} (not found: ${res.notFound.join(',')})`,
    );
}

interface Tally {
  n: number;
  hits: number;
  per: Record<Field, number>;
  tp: number;
  got: number;
  truth: number;
}
const tally = () => ({
  n: 0,
  hits: 0,
  per: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>,
  tp: 0,
  got: 0,
  truth: 0,
});
const groups = { before: new Map<string, Tally>(), after: new Map<string, Tally>() };
let identityFailures = 0;
let untaught = 0;
const recognised = new Map<string, { n: number; own: number }>();

function score(kind: 'before' | 'after', r: Rec, x: Extraction): boolean[] {
  const res = FIELDS.map((k) => fieldOk(k, x.fields[k], r.truth[k]));
  const got = new Set(x.fields.numbers.map((n) => norm.normPhone(n)).filter((n) => n.length === 10));
  const want = new Set(r.truth.numbers.map((n) => norm.normPhone(n)));
  const tp = [...got].filter((n) => want.has(n)).length;
  for (const g of [r.rendition, 'ALL']) {
    const t = groups[kind].get(g) ?? tally();
    t.n++;
    t.hits += res.filter(Boolean).length;
    FIELDS.forEach((f, i) => (t.per[f] += res[i] ? 1 : 0));
    t.tp += tp;
    t.got += got.size;
    t.truth += want.size;
    groups[kind].set(g, t);
  }
  return res;
}

for (const r of recs) {
  if (taughtIds.has(r.id) || (only && !only.has(r.id))) continue;
  const pages = words(r.id);
  const before = intake(pages, []);
  const mine = profileOf.get(carrierOf(r));
  if (!mine) {
    // a carrier nothing was taught for: every profile must leave its reading as it was
    untaught++;
    if (JSON.stringify(intake(pages, profiles)) !== JSON.stringify(before)) {
      identityFailures++;
      console.log(`IDENTITY ${r.id} ${r.template}: a profile changed the reading of an untaught carrier`);
    }
    continue;
  }
  const after =
    readFiles && r.rendition !== 'text-pdf'
      ? (await intakeBill(path.join(truthDir, '..', r.file), { profiles })).extraction
      : intake(pages, profiles);
  // recognition gates everything a profile does: count the bills their own profile claims
  const own = applyLearned(pages, extractBill(pages), profiles).profile?.id === mine;
  if (!own && verbose)
    console.log(`${r.id} ${r.template} ${r.rendition}: not recognised by its carrier's profile`);
  const rec = recognised.get(r.rendition) ?? { n: 0, own: 0 };
  rec.n++;
  if (own) rec.own++;
  recognised.set(r.rendition, rec);
  const others = profiles.filter((p) => p.id !== mine);
  if (JSON.stringify(intake(pages, others)) !== JSON.stringify(before)) {
    identityFailures++;
    console.log(`IDENTITY ${r.id} ${r.template}: another carrier's profile changed the reading`);
  }
  const b = score('before', r, before);
  const a = score('after', r, after);
  if (!verbose) continue;
  FIELDS.forEach((k, i) => {
    if (a[i] && b[i]) return;
    const v = (x: unknown) => JSON.stringify(x);
    console.log(
      `${r.id} ${r.template.slice(0, 12).padEnd(12)} ${r.rendition.padEnd(9)} ${k.padEnd(14)} ${b[i] ? 'ok' : 'x '}->${a[i] ? 'ok' : 'x '} got ${v(after.fields[k])} want ${v(r.truth[k])}${b[i] ? '' : ` (before ${v(before.fields[k])})`}`,
    );
  });
  const want = new Set(r.truth.numbers.map((n) => norm.normPhone(n)));
  const missing = [...want].filter((n) => !after.fields.numbers.some((g) => norm.normPhone(g) === n));
  if (missing.length)
    console.log(`${r.id} ${r.template} ${r.rendition} numbers missing ${missing.join(',')}`);
}

const pc = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
for (const kind of ['before', 'after'] as const) {
  console.log(`\n${kind === 'before' ? 'nothing learned' : `learned (${profiles.length} profiles)`}`);
  console.log(`group      n    fields  name    acct    btn     addr    date    num P   num R`);
  for (const [g, s] of [...groups[kind]].sort()) {
    console.log(
      `${g.padEnd(10)} ${String(s.n).padEnd(4)} ${pc(s.hits, s.n * 5).padEnd(7)} ${FIELDS.map((f) => pc(s.per[f], s.n).padEnd(7)).join(' ')} ${pc(s.tp, s.got).padEnd(7)} ${pc(s.tp, s.truth)}`,
    );
  }
}
console.log(
  `recognised by their own carrier's profile: ${[...recognised]
    .map(([g, r]) => `${g} ${r.own}/${r.n}`)
    .join(', ')}`,
);
console.log(`bills of carriers nothing was taught for (read with every profile): ${untaught}`);
console.log(`\nother carriers' profiles changed ${identityFailures} bill(s)`);
await closeSharedOcrPool();
