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
  /** 'text-pdf' for most; 'screenshot' for a phone app's screen (a PNG) */
  rendition: string;
  /** the bill's file name in the folder (`<id>.pdf`, `<id>.png`) */
  file: string;
  pages: number;
  truth: {
    accountName: string;
    /** null where the bill shows the account only masked (Sorrel) */
    accountNumber: string | null;
    btn: string;
    serviceAddress: Address;
    /** null where the document shows none (an app screenshot) */
    billDate: string | null;
    numbers: string[];
  };
  expected: { asOf: string; verdicts: Record<string, string>; discrepancy: string | null };
  notes: { faxHeaderFrom?: string; didBlocks?: unknown[] };
}

export const truthOf = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(BUSINESS_DIR, 'truth', `${id}.json`), 'utf8')) as BusinessTruth;
export const pdfOf = (id: string) => new Uint8Array(fs.readFileSync(path.join(BUSINESS_DIR, `${id}.pdf`)));
/** The bill's own file, whatever it is (a text PDF, an app screenshot's PNG). */
export const fileOf = (id: string) =>
  new Uint8Array(fs.readFileSync(path.join(BUSINESS_DIR, truthOf(id).file)));
export const requestOf = (id: string) =>
  PortRequestSchema.parse(
    JSON.parse(fs.readFileSync(path.join(BUSINESS_DIR, 'requests', `${id}.json`), 'utf8')),
  );

/** Upper-case letters and digits only: account numbers and names as the scorer compares them. */
export const alnum = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
