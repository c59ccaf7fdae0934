// Extraction accuracy, guarded in CI: every committed fixture bill (test/fixtures/bills: text and
// scanned PDFs, phone photos, a fax, a mixed and a sideways scan) goes through the real intake
// pipeline on one warm OCR pool, with its request's checks as `desk intake --request … --json`
// prints them, and is scored by the fixture scorer (scripts/eval/fixture-score.mjs, the same code
// as `node scripts/score-fixtures.mjs`). Each rendition must reach at least the figures below,
// which are what the desk reached when they were set: one field, one number or one check fewer
// fails. When the desk gets better, raise them (the test says by how much).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { evalChecks } from '../../../shared/check/eval';
import { parseRequestJson } from '../../../shared/request';
import {
  billLine,
  loadFixtures,
  report,
  scoreBill,
  summarize,
  type ScoredBill,
} from '../../../scripts/eval/fixture-score.mjs';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/bills');

interface Floor {
  /** Bills of this rendition in the fixtures (a bill that vanishes would raise every rate). */
  bills: number;
  /** Fields read exactly right (5 per bill: name, account, BTN, address, bill date). */
  fields: number;
  /** Numbers on the bill that were found... */
  numbersFound: number;
  /** ...and numbers reported that are not on it (at most). */
  numbersExtra: number;
  /** Check verdicts as expected (6 per bill). */
  checks: number;
  /** Real discrepancies reported as a match (at most): the costly error. */
  missed: number;
}

// Reached on 2026-12-06 (fields 99.2% exact, numbers P 100.0% R 99.8%, checks 99.7%, missed 0/26).
const FLOORS: Record<string, Floor> = {
  'text-pdf': { bills: 25, fields: 125, numbersFound: 221, numbersExtra: 0, checks: 150, missed: 0 },
  'scan-pdf': { bills: 16, fields: 79, numbersFound: 180, numbersExtra: 0, checks: 96, missed: 0 },
  photo: { bills: 8, fields: 39, numbersFound: 90, numbersExtra: 0, checks: 47, missed: 0 },
  'scan-rot90': { bills: 1, fields: 5, numbersFound: 7, numbersExtra: 0, checks: 6, missed: 0 },
  'fax-tiff': { bills: 1, fields: 5, numbersFound: 33, numbersExtra: 0, checks: 6, missed: 0 },
  'mixed-pdf': { bills: 1, fields: 5, numbersFound: 34, numbersExtra: 0, checks: 6, missed: 0 },
};

// One pool for every bill, warmed once: the models load once, as in `desk intake --jsonl`.
const pool = sharedOcrPool();

const records = loadFixtures(DIR);
const rows: ScoredBill[] = [];

async function score(id: string): Promise<ScoredBill> {
  const r = records.find((x) => x.id === id)!;
  const req = parseRequestJson(fs.readFileSync(path.join(DIR, 'requests', `${id}.json`), 'utf8'), id);
  const t0 = performance.now();
  const res = await intakeBill(path.join(DIR, r.file), { name: r.file, pool });
  const fields = res.extraction.fields;
  return scoreBill(
    r,
    { fields, checks: evalChecks(fields, req) },
    { seconds: (performance.now() - t0) / 1000 },
  );
}

describe('accuracy on the fixture bills, through the intake pipeline', { timeout: 600_000 }, () => {
  it('every rendition in the fixtures has its floor, and every floor its bills', () => {
    const found = [...new Set(records.map((r) => r.rendition))].sort();
    expect(found).toEqual(Object.keys(FLOORS).sort());
  });

  // Cheapest first: a text-layer regression fails in seconds, before any OCR.
  const order = ['text-pdf', 'mixed-pdf', 'scan-pdf', 'scan-rot90', 'fax-tiff', 'photo'];
  it.each(order)('%s bills reach their floor', async (rendition) => {
    const floor = FLOORS[rendition]!;
    const mine: ScoredBill[] = [];
    for (const r of records.filter((x) => x.rendition === rendition)) mine.push(await score(r.id));
    rows.push(...mine);
    const s = summarize(mine);
    const checks = mine.reduce((n, b) => n + Object.values(b.chk).filter(Boolean).length, 0);
    const got = {
      bills: s.n,
      fields: s.counts.fieldsRight,
      numbersFound: s.counts.numbersFound,
      numbersExtra: s.counts.numbersExtra,
      checks,
      missed: s.missed,
    };
    const wrong = mine.filter(
      (b) => Object.values(b.fields).includes(false) || b.lost.length || b.extra.length || b.missed,
    );
    const detail = wrong.map(billLine).join('\n');
    console.log(
      `${rendition}: ${JSON.stringify(got)} (floor ${JSON.stringify(floor)})${detail ? `\n${detail}` : ''}`,
    );
    expect(got.bills, `${rendition}: bills in the fixtures`).toBe(floor.bills);
    expect(got.fields, `${rendition}: fields exactly right\n${detail}`).toBeGreaterThanOrEqual(floor.fields);
    expect(got.numbersFound, `${rendition}: numbers found\n${detail}`).toBeGreaterThanOrEqual(
      floor.numbersFound,
    );
    expect(got.numbersExtra, `${rendition}: numbers not on the bill\n${detail}`).toBeLessThanOrEqual(
      floor.numbersExtra,
    );
    expect(got.checks, `${rendition}: check verdicts as expected\n${detail}`).toBeGreaterThanOrEqual(
      floor.checks,
    );
    expect(got.missed, `${rendition}: real discrepancies missed\n${detail}`).toBeLessThanOrEqual(
      floor.missed,
    );
    const better = (['fields', 'numbersFound', 'checks'] as const).filter((k) => got[k] > floor[k]);
    if (better.length)
      console.log(`${rendition}: above its floor on ${better.join(', ')}: raise FLOORS in this file.`);
  });

  it("prints the scorer's report over every bill", () => {
    expect(rows.length).toBe(records.length);
    const rep = report(rows);
    console.log(rep.lines.join('\n'));
    expect(rep.lines.at(-1)).toMatch(/^fixtures: fields [\d.]+% exact, numbers P/);
  });
});
