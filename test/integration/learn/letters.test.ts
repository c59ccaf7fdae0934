// An account number's letter a scan read as a digit (test/fixtures/regressions/README.md,
// pinecrest h10301-032: "KJ1-031S-0585" read "KJ1-0318-0585"): the carrier prints a letter there
// on every bill, so the place is read again with letters only, and the S comes back.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import { learnCarrier, type CarrierProfile } from '../../../shared/extract/learn';
import { fixtureBills, REGRESSIONS, regressionTruth, teachFromRegression } from './fixtures';

let pool: OcrPool;
let profiles: CarrierProfile[];
beforeAll(async () => {
  pool = sharedOcrPool();
  profiles = await teachFromRegression(pool, 'pinecrest-text-10301-045');
}, 60_000);

describe('an account letter a scan read as a digit', () => {
  it('is read again with letters only where the learned shape has a letter', async () => {
    const { truth } = regressionTruth('pinecrest-scan-10301-032');
    const pdf = new Uint8Array(fs.readFileSync(path.join(REGRESSIONS, 'pinecrest-scan-10301-032.pdf')));
    const scan = await renderRendition('scan-pdf', pdf, 1, renderRng(10301, 31, false));
    const name = `pinecrest-scan-10301-032.${scan.ext}`;
    const plain = (await intakeBill(scan.data, { pool, name })).extraction;
    expect(plain.fields.accountNumber).toBe('KJ1-0318-0585');

    const learned = (await intakeBill(scan.data, { pool, name, profiles })).extraction;
    expect(learned.fields.accountNumber).toBe(truth.accountNumber);
    expect(learned.sources?.accountNumber).toBe('learned');
    // the other fields read as they did
    for (const f of ['accountName', 'btn', 'billDate', 'serviceAddress'] as const)
      expect(learned.fields[f]).toEqual(plain.fields[f]);

    // another carrier that prints its accounts in the same shape ("AA9-999A-9999") learned
    // instead: the bill is not its, and reads exactly as with nothing learned
    const bluebird = fixtureBills().find(
      (b) => b.template === 'bluebird-fiber' && b.rendition === 'text-pdf',
    )!;
    const taught = await intakeBill(bluebird.file, { pool });
    const other = learnCarrier(taught.readPages, bluebird.truth, [], {
      at: '2026-01-05T10:00:00.000Z',
      by: 'test',
      bill: path.basename(bluebird.file),
    }).profiles;
    expect(other[0]!.fields.accountNumber!.shapes).toEqual(['AA9-999A-9999']);
    const unrelated = (await intakeBill(scan.data, { pool, name, profiles: other })).extraction;
    expect(unrelated.learned).toBeNull();
    expect(unrelated.fields).toEqual(plain.fields);
  }, 180_000);
});
