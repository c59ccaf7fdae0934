// How sure the bill's reading of each compared value is, laid on the field checks, so a value
// read with low confidence (an account number from a phone photo) looks different from a certain
// one in the check panel: the agent knows where to look on the bill.
import type { FieldMeta } from '../domain';
import type { FieldCheck } from './types';

/** Below this a bill value is marked for a second look (the prefill form uses the same line). */
export const LOW_CONFIDENCE = 0.8;

const META_KEY: Partial<Record<FieldCheck['field'], string>> = {
  accountName: 'accountName',
  accountNumber: 'accountNumber',
  btn: 'btn',
  serviceAddress: 'serviceAddress',
  billAge: 'billDate',
};

export function withBillConfidence(
  checks: FieldCheck[],
  meta: Record<string, FieldMeta> | null | undefined,
): FieldCheck[] {
  if (!meta) return checks;
  return checks.map((c) => {
    const m = META_KEY[c.field] ? meta[META_KEY[c.field]!] : undefined;
    return m && c.billValue !== null ? { ...c, billConfidence: m.confidence } : c;
  });
}
