// The committed generated bills (test/fixtures/bills, scripts/make-bills) by carrier template,
// with their truth: real carrier layouts to teach from and to read.
import fs from 'node:fs';
import path from 'node:path';
import type { Address } from '../../../shared/domain';

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
