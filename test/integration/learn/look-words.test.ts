// A second look that read one word of a value less surely than the first reading did
// (test/fixtures/regressions/README.md, osprey d10306-006): the scan read the unit "26B," at 0.88,
// both looks "268," at 0.55 and 0.00, and the address's mean confidence, carried by its nine sure
// words, let them replace it. A look must read each word it changes no less surely.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import type { CarrierProfile } from '../../../shared/extract/learn';
import { REGRESSIONS, regressionTruth, teachFromRegression } from './fixtures';

let pool: OcrPool;
let profiles: CarrierProfile[];
beforeAll(async () => {
  pool = sharedOcrPool();
  profiles = await teachFromRegression(pool, 'osprey-text-10303-024');
}, 60_000);

describe('a second look that reads a word less surely', () => {
  it('leaves the word the first reading read surely (Apt 26B, not 268)', async () => {
    const { truth } = regressionTruth('osprey-scan-10306-006');
    const pdf = new Uint8Array(fs.readFileSync(path.join(REGRESSIONS, 'osprey-scan-10306-006.pdf')));
    // a business-suite template: its fax header's stream is drawn before the scan's
    const scan = await renderRendition('scan-pdf', pdf, 1, renderRng(10306, 5, true));
    const name = `osprey-scan-10306-006.${scan.ext}`;
    const plain = (await intakeBill(scan.data, { pool, name })).extraction;
    expect(plain.fields.serviceAddress).toEqual(truth.serviceAddress);

    const learned = (await intakeBill(scan.data, { pool, name, profiles })).extraction;
    expect(learned.learned?.carrier).toBe(truth.carrier);
    expect(learned.fields.serviceAddress).toEqual(truth.serviceAddress);
  }, 120_000);
});
