// The check engine on the 24 public samples, fed their TRUE fields: it must reproduce the
// expected verdicts exactly. Skipped where the eval set is not present.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalChecks, evalFieldChecks } from '../../../shared/check/eval';
import { parseRequestJson } from '../../../shared/request';
import { BillFieldsSchema } from '../../../shared/domain';

const PUBLIC = '/work/shared/eval/public';
const ids = existsSync(join(PUBLIC, 'truth'))
  ? readdirSync(join(PUBLIC, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort()
  : [];

describe.skipIf(ids.length === 0)('evalChecks on the public samples (true fields)', () => {
  it.each(ids)('%s reproduces expected.verdicts', (id) => {
    const truth = JSON.parse(readFileSync(join(PUBLIC, 'truth', id + '.json'), 'utf8'));
    const req = parseRequestJson(readFileSync(join(PUBLIC, 'requests', id + '.json'), 'utf8'));
    const fields = BillFieldsSchema.parse(truth.truth);
    expect(req.asOf).toBe(truth.expected.asOf);
    expect(evalChecks(fields, req)).toEqual(truth.expected.verdicts);
    // Every non-match names both sides.
    for (const c of evalFieldChecks(fields, req)) {
      expect(c.reason.length).toBeGreaterThan(10);
      if (c.verdict === 'mismatch' && c.field !== 'numbersOnBill') {
        expect(c.billValue).not.toBeNull();
        expect(c.requestValue).not.toBeNull();
      }
    }
  });
});
