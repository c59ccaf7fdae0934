// The committed business bills (test/fixtures/business: text PDFs from scripts/make-bills with
// their truth and port request), loaded the one way every test reads them.
import fs from 'node:fs';
import path from 'node:path';
import type { Address } from '../../shared/domain';
import { PortRequestSchema } from '../../shared/request';

export const BUSINESS_DIR = path.resolve(__dirname, '../fixtures/business');

export interface BusinessTruth {
  id: string;
  template: string;
  pages: number;
  truth: {
    accountName: string;
    accountNumber: string;
    btn: string;
    serviceAddress: Address;
    billDate: string;
    numbers: string[];
  };
  expected: { asOf: string; verdicts: Record<string, string>; discrepancy: string | null };
  notes: { faxHeaderFrom?: string; didBlocks?: unknown[] };
}

export const truthOf = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(BUSINESS_DIR, 'truth', `${id}.json`), 'utf8')) as BusinessTruth;
export const pdfOf = (id: string) => new Uint8Array(fs.readFileSync(path.join(BUSINESS_DIR, `${id}.pdf`)));
export const requestOf = (id: string) =>
  PortRequestSchema.parse(
    JSON.parse(fs.readFileSync(path.join(BUSINESS_DIR, 'requests', `${id}.json`), 'utf8')),
  );

/** Upper-case letters and digits only: account numbers and names as the scorer compares them. */
export const alnum = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
