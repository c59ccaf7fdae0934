// A carrier that prints its values under captions, left-aligned on one bill and centred on the
// next (test/fixtures/regressions/README.md): what was learned from the first must read the
// second's whole cell, not from the word nearest where the taught value began.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { basicName } from '../../../shared/normalize/name';
import { REGRESSIONS, regressionTruth, teachFromRegression } from './fixtures';

const pool = sharedOcrPool();

describe('a value centred under its caption, taught left-aligned', () => {
  it('reads the whole name under "Account Name", as with nothing learned', async () => {
    const profiles = await teachFromRegression(pool, 'sandpiper-text-10601-q18-001');
    const name = 'sandpiper-text-10601-q18-003';
    const { truth } = regressionTruth(name);
    const x = (await intakeBill(path.join(REGRESSIONS, `${name}.pdf`), { pool, profiles })).extraction;
    expect(x.learned).not.toBeNull();
    expect(x.sources?.accountName).toBe('learned');
    expect(basicName(x.fields.accountName)).toBe(basicName(truth.accountName));
    expect(x.fields.accountName).toBe('Nakamura Title Company Co.');
    expect(x.fields.accountNumber).toBe(truth.accountNumber);
  });
});
