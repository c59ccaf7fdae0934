// A photo that lost a row of captions but kept the values under them (test/fixtures/regressions/
// README.md, copperline h9961-024): the learned caption's place, mapped by the page's landmarks,
// is where the BTN is printed, and it beats the reader's fallback from the lines table.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import type { CarrierProfile } from '../../../shared/extract/learn';
import { REGRESSIONS, regressionTruth, teachFromRegression } from './fixtures';

const DIR = REGRESSIONS;
const truthOf = (name: string) => regressionTruth(name).truth;

let pool: OcrPool;
let profiles: CarrierProfile[];
beforeAll(async () => {
  pool = sharedOcrPool();
  profiles = await teachFromRegression(pool, 'copperline-text-9961-011');
}, 60_000);

describe('a learned caption OCR lost', () => {
  it("reads the BTN at the caption's place, over the reader's fallback from the lines table", async () => {
    const truth = truthOf('copperline-photo-9961-024');
    const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, 'copperline-photo-9961-024.pdf')));
    const photo = await renderRendition('photo', pdf, 1, renderRng(9961, 23, false));
    const name = `copperline-photo-9961-024.${photo.ext}`;
    const plain = (await intakeBill(photo.data, { pool, name })).extraction;
    // the caption row is gone from the photo's words; the generic reader falls back on the table
    expect(plain.fields.btn).toBe('2255550137');
    expect(plain.meta.btn!.confidence).toBeLessThan(0.5);

    const learned = (await intakeBill(photo.data, { pool, name, profiles })).extraction;
    expect(learned.fields.btn).toBe(truth.btn);
    expect(learned.sources?.btn).toBe('learned');
    // the lines list is the account's either way: both numbers are its lines
    expect(new Set(learned.fields.numbers)).toEqual(new Set(truth.numbers));
  }, 120_000);
});
