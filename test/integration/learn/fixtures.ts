// The committed generated bills (test/fixtures/bills, scripts/make-bills) by carrier template,
// with their truth: real carrier layouts to teach from and to read.
import fs from 'node:fs';
import path from 'node:path';
import { intakeBill } from '../../../electron/desk/intake/bill';
import type { OcrPool } from '../../../electron/desk/intake/ocr-pool';
import type { Address, BillFields } from '../../../shared/domain';
import { learnCarrier, type CarrierProfile } from '../../../shared/extract/learn';

export const BILLS = path.resolve('test/fixtures/bills');

export interface FixtureBill {
  id: string;
  template: string;
  rendition: string;
  file: string;
  truth: {
    carrier: string;
    accountName: string;
    accountNumber: string;
    btn: string;
    serviceAddress: Address;
    billDate: string;
    numbers: string[];
  };
}

export function fixtureBills(): FixtureBill[] {
  return fs
    .readdirSync(path.join(BILLS, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = JSON.parse(fs.readFileSync(path.join(BILLS, 'truth', f), 'utf8')) as FixtureBill;
      return { ...r, file: path.join(BILLS, r.file) };
    });
}

/** Templates with at least two text-layer bills: one to teach, the others to read. */
export function textByTemplate(): Map<string, FixtureBill[]> {
  const out = new Map<string, FixtureBill[]>();
  for (const b of fixtureBills())
    if (b.rendition === 'text-pdf') out.set(b.template, [...(out.get(b.template) ?? []), b]);
  return out;
}

/** The held-out bills kept as regression fixtures (test/fixtures/regressions/README.md). */
export const REGRESSIONS = path.resolve('test/fixtures/regressions');

/** A regression fixture's truth file: its fields, and for a bill drawn in the test, its seed. */
export function regressionTruth(name: string): { truth: BillFields; seed?: number } {
  return JSON.parse(fs.readFileSync(path.join(REGRESSIONS, `${name}.json`), 'utf8')) as {
    truth: BillFields;
    seed?: number;
  };
}

/** The profiles a desk learns from one regression fixture's text bill, read through the intake. */
export async function teachFromRegression(pool: OcrPool, name: string): Promise<CarrierProfile[]> {
  const r = await intakeBill(path.join(REGRESSIONS, `${name}.pdf`), { pool });
  return learnCarrier(r.readPages, regressionTruth(name).truth, [], {
    at: '2026-01-05T10:00:00.000Z',
    by: 'test',
    bill: `${name}.pdf`,
  }).profiles;
}
