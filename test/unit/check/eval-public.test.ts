// The check engine on the sample bills, fed their TRUE fields: it must reproduce the expected
// verdicts exactly. The repo's fixture bills always (so this never skips), and the eval set's
// too where it sits beside the repo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalChecks, evalFieldChecks } from '../../../shared/check/eval';
import { parseRequestJson } from '../../../shared/request';
import { BillFieldsSchema } from '../../../shared/domain';
import { billRecords, FIXTURE_SETS } from '../../support/bill-sets';

const records = billRecords();

describe('evalChecks on the sample bills (true fields)', () => {
  it('covers every fixture bill', () => {
    expect(records.filter((r) => FIXTURE_SETS.includes(r.dir)).length).toBeGreaterThanOrEqual(60);
  });

  it.each(records.map((r) => [r.id, r] as const))('%s reproduces expected.verdicts', (id, truth) => {
    const req = parseRequestJson(readFileSync(join(truth.dir, 'requests', id + '.json'), 'utf8'));
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
