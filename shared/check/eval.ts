// The checks in the scorer's format (shared/eval/README.md): one verdict per key. `desk intake
// --request` and `desk check` print this; evalFieldChecks gives the same with reasons.
import type { BillFields, FieldMeta } from '../domain';
import type { PortRequest } from '../request';
import { checkFields, type BillOcrWords, type CheckSubject } from './fields';
import type { FieldCheck } from './types';

export interface EvalVerdicts {
  accountName: 'match' | 'mismatch' | 'missing';
  accountNumber: 'match' | 'mismatch' | 'missing';
  btn: 'match' | 'mismatch' | 'missing';
  serviceAddress: 'match' | 'mismatch' | 'missing';
  numbersOnBill: 'match' | 'mismatch' | 'missing';
  billAge: 'ok' | 'stale' | 'missing';
}

export function requestSubject(req: PortRequest): CheckSubject {
  return {
    accountName: req.accountName,
    accountNumber: req.accountNumber,
    btn: req.btn,
    serviceAddress: req.serviceAddress,
    numbersToPort: req.numbersToPort,
  };
}

/**
 * The six field checks with reasons, bill against request, aged against req.asOf. `ocr` (from the
 * extraction's meta, billOcrWords) lets a one-glyph slip in an unsure OCR word read as not verified.
 */
export function evalFieldChecks(fields: BillFields, req: PortRequest, ocr?: BillOcrWords): FieldCheck[] {
  return checkFields(fields, requestSubject(req), req.asOf, ocr);
}

/** The OCR'd words of the compared fields, as the extraction recorded them in its meta. */
export function billOcrWords(meta: Record<string, FieldMeta> | null | undefined): BillOcrWords {
  const out: BillOcrWords = {};
  for (const k of ['accountName', 'accountNumber', 'serviceAddress'] as const) {
    const w = meta?.[k]?.ocrWords;
    if (w?.length) out[k] = w;
  }
  return out;
}

export function toVerdicts(checks: FieldCheck[]): EvalVerdicts {
  const v = Object.fromEntries(checks.map((c) => [c.field, c.verdict])) as Record<string, string>;
  // A comparison field never reports ok/stale and billAge never reports match/mismatch.
  const cmp = (k: string) => (v[k] === 'match' || v[k] === 'mismatch' ? v[k] : 'missing');
  return {
    accountName: cmp('accountName'),
    accountNumber: cmp('accountNumber'),
    btn: cmp('btn'),
    serviceAddress: cmp('serviceAddress'),
    numbersOnBill: cmp('numbersOnBill'),
    billAge: v.billAge === 'ok' || v.billAge === 'stale' ? v.billAge : 'missing',
  };
}

/** Verdicts exactly as the scorer expects them. */
export function evalChecks(fields: BillFields, req: PortRequest, ocr?: BillOcrWords): EvalVerdicts {
  return toVerdicts(evalFieldChecks(fields, req, ocr));
}
