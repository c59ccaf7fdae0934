// A line a photo read surely in the wrong exchange: read again on its own it reads in the
// account's common exchange, and moves there, on a learned carrier's bill as on any other (the
// print tells the two apart, not what was learned). A real two-exchange account of the same
// carrier, photographed, keeps its branch line where it is (test/fixtures/regressions/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';
import type { CarrierProfile } from '../../../shared/extract/learn';
import { REGRESSIONS, regressionTruth, teachFromRegression } from './fixtures';

const DIR = REGRESSIONS;
const truthOf = regressionTruth;

let pool: OcrPool;
let profiles: CarrierProfile[];
beforeAll(async () => {
  pool = sharedOcrPool();
  // Northwind learned from one text bill of another account
  profiles = await teachFromRegression(pool, 'northwind-text-9961-001');
}, 60_000);

async function readBoth(file: Uint8Array | string, name: string) {
  const plain = await intakeBill(file, { pool, name });
  const learned = await intakeBill(file, { pool, name, profiles });
  expect(learned.extraction.learned?.carrier).toBe('Northwind Mobile');
  return { plain: plain.extraction.fields.numbers, learned: learned.extraction };
}

describe('a line read in the exchange next to the account’s', () => {
  it('moves to the common exchange when every look reads it there (ho-144: 859-565-0118 read at 0.96)', async () => {
    const { truth } = truthOf('northwind-photo-odd-exchange');
    const { plain, learned } = await readBoth(
      path.join(DIR, 'northwind-photo-odd-exchange.jpg'),
      'northwind-photo-odd-exchange.jpg',
    );
    // read surely in the odd exchange, it may have been a branch line: the look settled it
    expect(new Set(plain)).toEqual(new Set(truth.numbers));
    expect(new Set(learned.fields.numbers)).toEqual(new Set(truth.numbers));
    expect(learned.numberMeta['8595550118']?.boxes).toHaveLength(1);
    expect(learned.numberMeta['8595650118']).toBeUndefined();
    // the profile did not say where the number is: the lines list is still read the generic way
    expect(learned.sources?.numbers).toBe('read');
  }, 120_000);

  it('stays in its own exchange on a real two-exchange account', async () => {
    const { truth, seed } = truthOf('northwind-branch-line');
    const branch = truth.numbers.filter((n) => n.slice(3, 6) !== '555');
    expect(branch).toEqual(['5205560104']);
    // photographed with the generator's own stream for this bill
    const r = new Rng(seed!);
    r.fork(1);
    r.fork(2);
    const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, 'northwind-branch-line.pdf')));
    const photo = await renderRendition('photo', pdf, 1, r.fork(4));
    const { plain, learned } = await readBoth(photo.data, `northwind-branch-line.${photo.ext}`);
    expect(new Set(plain)).toEqual(new Set(truth.numbers));
    expect(new Set(learned.fields.numbers)).toEqual(new Set(truth.numbers));
    expect(learned.fields.numbers).not.toContain('5205550104');
  }, 120_000);
});
