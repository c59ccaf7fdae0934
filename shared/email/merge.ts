// The request an email makes, put together: its own body first, then the body of a message it
// forwards (the customer's original words), then a request file the agent gives, which wins.
// And the check of that request against the bill the email carried, with the check engine.
import type { BillFields } from '../domain';
import type { PortRequest } from '../request';
import { checkFields, type BillOcrWords, type CheckSubject } from '../check/fields';
import type { FieldCheck } from '../check/types';
import { phoneDigits } from '../normalize/phone';
import { isEmptyRequest, type BodyField, type BodyReading, type BodyRequest } from './request-text';

/** The first reading that gives a field wins it; numbers come whole from one reading. */
export function mergeReadings(readings: BodyReading[]): BodyReading {
  const request: BodyRequest = {};
  const sources: BodyReading['sources'] = {};
  const first = readings.find((r) => !isEmptyRequest(r.request)) ?? readings[0];
  for (const r of readings) {
    for (const k of Object.keys(r.request) as (keyof BodyRequest)[]) {
      if (k === 'authorized' || k === 'asOf' || request[k] !== undefined) continue;
      (request as Record<string, unknown>)[k] = r.request[k];
      if (r.sources[k as BodyField]) sources[k as BodyField] = r.sources[k as BodyField];
    }
  }
  // asOf is the day the agent received it: the outer message's date.
  if (readings[0]?.request.asOf) request.asOf = readings[0].request.asOf;
  // The person who asked is the one whose message held the request.
  const who = first?.request.authorized ?? readings.find((r) => r.request.authorized)?.request.authorized;
  if (who) {
    request.authorized = who;
    const src = first?.request.authorized ? first.sources.authorized : undefined;
    if (src) sources.authorized = src;
  }
  return { request, sources };
}

/** The body's request with a request file's fields over it (`--request` wins where both give one). */
export function overRequest(body: BodyRequest, file: PortRequest | null): BodyRequest {
  if (!file) return body;
  const out: BodyRequest = { ...body };
  out.accountName = file.accountName;
  out.accountNumber = file.accountNumber;
  out.btn = file.btn;
  out.serviceAddress = file.serviceAddress;
  out.numbersToPort = file.numbersToPort;
  delete out.portAll;
  out.asOf = file.asOf;
  out.accountType = file.accountType;
  if (file.pin) out.pin = file.pin;
  if (file.requestedFocDate) out.requestedFocDate = file.requestedFocDate;
  return out;
}

/** The numbers the request ports: listed ones, or "all" of the bill's less those kept. */
export function numbersToPort(req: BodyRequest, bill: BillFields | null): string[] {
  if (req.numbersToPort?.length) return req.numbersToPort;
  if (!req.portAll || !bill) return [];
  const keep = new Set(req.numbersToKeep ?? []);
  return [...new Set(bill.numbers.map(phoneDigits).filter((d): d is string => !!d && !keep.has(d)))];
}

export function requestSubject(req: BodyRequest, bill: BillFields | null): CheckSubject {
  return {
    accountName: req.accountName ?? '',
    accountNumber: req.accountNumber ?? '',
    btn: req.btn ?? '',
    serviceAddress: req.serviceAddress ?? null,
    numbersToPort: numbersToPort(req, bill),
  };
}

/**
 * The six field checks of what the email asks against what its bill says (`ocr`: the bill's OCR'd
 * words, check/eval.ts billOcrWords, so a one-glyph slip of a scanned bill reads as not verified).
 */
export function emailFieldChecks(bill: BillFields, req: BodyRequest, ocr?: BillOcrWords): FieldCheck[] {
  return checkFields(bill, requestSubject(req, bill), req.asOf ?? null, ocr);
}
