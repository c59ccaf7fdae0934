// Scoring of intake output against the generated fixture bills (test/fixtures/bills), with the
// eval's normalization and summary metrics (shared/eval/score.mjs beside the repo). One module for
// the manual scorer (scripts/score-fixtures.mjs) and the accuracy test in CI, so both print and
// judge the same figures.
import fs from 'node:fs';
import path from 'node:path';
import { normPhone, normAcct, normName, addrEqual, CHECK_KEYS, DISCREPANCY_KEY } from './normalize.mjs';

export const FIELDS = ['accountName', 'accountNumber', 'btn', 'serviceAddress', 'billDate'];

const ok = {
  accountName: (g, w) => normName(g) !== '' && normName(g) === normName(w),
  accountNumber: (g, w) => normAcct(g) !== '' && normAcct(g) === normAcct(w),
  btn: (g, w) => normPhone(g) === normPhone(w),
  serviceAddress: (g, w) => addrEqual(g, w),
  billDate: (g, w) => String(g).trim() === w,
};

/**
 * Whether a field read from a bill is its truth, as the eval's scorer counts it (exact after
 * normalising). A field the document does not show (an app screenshot has no bill date: its truth
 * is null) is right only when intake reads none: a value there was invented.
 */
export function fieldOk(field, got, want) {
  if (want == null) return got == null || got === '';
  return got != null && ok[field](got, want);
}

/** The truth records of a fixture folder, sorted by id, filtered by id, template and rendition. */
export function loadFixtures(dir, { only = null, template = null, rendition = null } = {}) {
  return fs
    .readdirSync(path.join(dir, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')))
    .filter(
      (r) =>
        (!only || only.has(r.id)) &&
        (!template || r.template === template) &&
        (!rendition || r.rendition === rendition),
    );
}

/**
 * One bill's score. `out` is what `desk intake --request … --json` prints ({ fields, checks }), or
 * null when it printed nothing usable.
 */
export function scoreBill(r, out, { seconds = 0, timedOut = false, stderr = '' } = {}) {
  const f = out?.fields ?? {},
    checks = out?.checks ?? {};
  const fields = Object.fromEntries(FIELDS.map((k) => [k, fieldOk(k, f[k], r.truth[k])]));
  const got = new Set(
    (Array.isArray(f.numbers) ? f.numbers : []).map(normPhone).filter((n) => n.length === 10),
  );
  const want = new Set(r.truth.numbers);
  const tp = [...got].filter((n) => want.has(n)).length;
  const chk = Object.fromEntries(CHECK_KEYS.map((k) => [k, checks[k] === r.expected.verdicts[k]]));
  const disc = r.expected.discrepancy;
  const g = disc ? checks[DISCREPANCY_KEY[disc]] : null;
  return {
    id: r.id,
    template: r.template,
    rendition: r.rendition,
    seconds,
    parsed: !!out,
    timedOut,
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
    stderr: stderr.slice(-1500),
  };
}

/** The per-bill line the scorer prints while it runs. */
export function billLine(row) {
  const bad = FIELDS.filter((k) => !row.fields[k]);
  return (
    `${row.id} ${row.template.padEnd(24)} ${row.rendition.padEnd(10)} ${row.seconds.toFixed(2).padStart(6)}s fields ${5 - bad.length}/5${bad.length ? ' (' + bad.join(',') + ')' : ''} nums ${row.tp}/${row.truth} (+${row.got - row.tp})` +
    `${row.parsed ? '' : ' NO-JSON'}${row.timedOut ? ' TIMEOUT' : ''}${row.missed ? ' MISSED:' + row.disc : ''}${row.falseAlarm ? ' FALSE-ALARM' : ''}`
  );
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y),
    m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

/** Totals of a group of scored bills: rates as the scorer prints them, and the raw counts. */
export function summarize(rs) {
  const n = rs.length,
    hit = (k) => rs.filter((r) => r.fields[k]).length;
  const tp = rs.reduce((s, r) => s + r.tp, 0),
    got = rs.reduce((s, r) => s + r.got, 0),
    tru = rs.reduce((s, r) => s + r.truth, 0);
  const checks = rs.reduce((s, r) => s + Object.values(r.chk).filter(Boolean).length, 0);
  const fieldsRight = FIELDS.reduce((s, k) => s + hit(k), 0);
  return {
    n,
    fields: fieldsRight / (n * FIELDS.length),
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
    counts: {
      fieldsRight,
      fieldsAll: n * FIELDS.length,
      numbersFound: tp,
      numbersExtra: got - tp,
      numbersTrue: tru,
    },
  };
}

const W = [28, 4, 8, 7, 7, 7, 7, 7, 8, 8, 8, 7, 6];
const row = (c) => c.map((x, i) => String(x).padEnd(W[i])).join(' ');
const show = (label, s) =>
  row([
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
  ]);

const groups = (rows, key) =>
  [...new Set(rows.map((r) => r[key]))].sort().map((g) => [g, summarize(rows.filter((r) => r[key] === g))]);

/**
 * The scorer's report: a table by rendition and by template, then its one summary line. Returns
 * the lines (the caller prints them) and the summaries.
 */
export function report(rows) {
  const byRendition = groups(rows, 'rendition'),
    byTemplate = groups(rows, 'template');
  const all = summarize(rows);
  const lines = [
    row([
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
    ...byRendition.map(([g, s]) => show(g, s)),
    ...byTemplate.map(([g, s]) => show('  ' + g, s)),
    show('ALL (fixtures)', all),
    `fixtures: fields ${pct(all.fields, 1)} exact, numbers P ${pct(all.P, 1)} R ${pct(all.R, 1)}, checks ${pct(all.checks, 1)}, ` +
      `missed ${all.missed}/${all.disc}, false alarms ${all.falseAlarms}/${all.clean}, median ${all.med.toFixed(2)} s/bill` +
      (all.noJson ? `, NO-JSON ${all.noJson}` : ''),
  ];
  return {
    lines,
    overall: all,
    byRendition: Object.fromEntries(byRendition),
    byTemplate: Object.fromEntries(byTemplate),
  };
}
