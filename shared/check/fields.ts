// Field checks: the bill's fields against what the request (or case) says. Each verdict carries a
// reason naming both values and the difference, so the agent knows what to fix without opening
// the bill. A difference is never explained away: harmless ones are normalized (and noted), every
// other one is a mismatch, except one glyph a scan or photo read unsurely (near-miss.ts): that is
// 'missing', to be verified on the bill, never a match.
import type { Address, BillFields } from '../domain';
import { ISO_DATE } from '../domain';
import { compareAccounts } from '../normalize/account';
import { compareAddresses, normalizeAddress } from '../normalize/address';
import { compareNames } from '../normalize/name';
import { describeDigitDifference, formatPhone, phoneDigits } from '../normalize/phone';
import { nearMissText, ocrNearMiss, type OcrWord } from './near-miss';
import { FIELD_LABELS, type FieldCheck, type FieldCheckKey } from './types';

/** The OCR'd words each compared bill value was read from; absent for a text layer's values. */
export type BillOcrWords = Partial<Record<'accountName' | 'accountNumber' | 'serviceAddress', OcrWord[]>>;

export const STALE_AFTER_DAYS = 30;

/** The request side of the comparison: a port request or a stored case, flattened. */
export interface CheckSubject {
  accountName: string;
  accountNumber: string;
  btn: string;
  serviceAddress: Address | null;
  /** Numbers the customer asks to port, any format. */
  numbersToPort: string[];
}

const empty = (s: string | null | undefined) => s === null || s === undefined || String(s).trim() === '';

export function formatAddress(a: Address | null | undefined): string | null {
  if (!a) return null;
  const street = [a.line1, a.line2].filter((s) => s && s.trim()).join(', ');
  return `${street}, ${a.city}, ${a.state} ${a.zip}`.replace(/\s+/g, ' ').trim();
}

function row(
  field: FieldCheckKey,
  partial: Partial<FieldCheck> & Pick<FieldCheck, 'verdict' | 'reason'>,
): FieldCheck {
  return {
    field,
    label: FIELD_LABELS[field],
    billValue: null,
    requestValue: null,
    notes: [],
    probable: null,
    missingNumbers: [],
    canAcceptBillValue: false,
    ...partial,
  };
}

function missingOnBill(field: FieldCheckKey, requestValue: string | null): FieldCheck {
  return row(field, {
    verdict: 'missing',
    requestValue,
    reason: `The bill's ${FIELD_LABELS[field].toLowerCase()} could not be read; check it on the bill by eye.`,
  });
}

function missingOnRequest(field: FieldCheckKey, billValue: string): FieldCheck {
  return row(field, {
    verdict: 'missing',
    billValue,
    reason: `The request has no ${FIELD_LABELS[field].toLowerCase()}; the bill says ${billValue}.`,
    canAcceptBillValue: true,
  });
}

/** A one-glyph difference OCR may have made: not verified, rather than a mismatch (near-miss.ts). */
function unsureReading(
  field: FieldCheckKey,
  billKey: string,
  reqKey: string,
  words: OcrWord[] | undefined,
  base: { billValue: string | null; requestValue: string | null },
): FieldCheck | null {
  const n = ocrNearMiss(billKey, reqKey, words);
  if (!n) return null;
  return row(field, {
    ...base,
    verdict: 'missing',
    probable: 'ocr',
    reason: `${FIELD_LABELS[field]} differs by one character that may be misread: ${nearMissText(n)} ("${base.billValue}" on the bill, "${base.requestValue}" on the request). Check it on the bill image before porting.`,
    canAcceptBillValue: true,
  });
}

/** An address as one glyph string, parts in a fixed order, after the comparison's normalization. */
function addressKey(a: Address): string {
  const n = normalizeAddress(a)!;
  const units = n.units.map((u) => `${u.designator}${u.id}`).join('');
  return [n.poBox ?? '', n.number, n.street, units, n.city, n.state, n.zip].join(' ');
}

export function checkAccountName(bill: string | null, req: string, words?: OcrWord[]): FieldCheck {
  if (empty(bill)) return missingOnBill('accountName', req || null);
  if (empty(req)) return missingOnRequest('accountName', bill!);
  const c = compareNames(bill!, req);
  const base = { billValue: bill!, requestValue: req };
  if (c.equal)
    return row('accountName', {
      ...base,
      verdict: 'match',
      reason: `Same name: "${bill}" on the bill, "${req}" on the request.`,
      notes: c.note ? [c.note] : [],
    });
  const unsure = unsureReading('accountName', bill!, req, words, base);
  if (unsure) return unsure;
  return row('accountName', {
    ...base,
    verdict: 'mismatch',
    reason: c.note
      ? `Name differs: ${c.note} ("${bill}" against "${req}").`
      : `Name differs: "${bill}" on the bill, "${req}" on the request.`,
    canAcceptBillValue: true,
  });
}

export function checkAccountNumber(bill: string | null, req: string, words?: OcrWord[]): FieldCheck {
  if (empty(bill)) return missingOnBill('accountNumber', req || null);
  if (empty(req)) return missingOnRequest('accountNumber', bill!);
  const c = compareAccounts(bill!, req);
  const base = { billValue: bill!, requestValue: req };
  if (c.equal)
    return row('accountNumber', {
      ...base,
      verdict: 'match',
      reason: `Same account number: ${bill} on the bill, ${req} on the request.`,
    });
  const unsure = unsureReading('accountNumber', bill!, req, words, base);
  if (unsure) return unsure;
  return row('accountNumber', {
    ...base,
    verdict: 'mismatch',
    probable: c.probableOcr ? 'ocr' : null,
    reason: c.probableOcr
      ? `Account number differs only in characters OCR confuses — ${c.detail}: ${bill} on the bill, ${req} on the request. Check the bill image before porting.`
      : `Account number differs (${c.detail}): ${bill} on the bill, ${req} on the request.`,
    canAcceptBillValue: true,
  });
}

export function checkBtn(bill: string | null, req: string): FieldCheck {
  if (empty(bill)) return missingOnBill('btn', req || null);
  if (empty(req)) return missingOnRequest('btn', bill!);
  const a = phoneDigits(bill);
  const b = phoneDigits(req);
  const base = { billValue: a ? formatPhone(a) : bill!, requestValue: b ? formatPhone(b) : req };
  // An unreadable BTN is not evidence of a different one: verify by eye.
  if (!a)
    return row('btn', {
      ...base,
      verdict: 'missing',
      reason: `The bill's BTN "${bill}" could not be read as a 10-digit NANP number; check it by eye.`,
    });
  if (!b)
    return row('btn', {
      ...base,
      verdict: 'mismatch',
      reason: `The request's BTN "${req}" is not a 10-digit NANP number; the bill says ${formatPhone(a)}.`,
      canAcceptBillValue: true,
    });
  if (a === b) return row('btn', { ...base, verdict: 'match', reason: `Same BTN: ${formatPhone(a)}.` });
  const diff = describeDigitDifference(a, b);
  return row('btn', {
    ...base,
    verdict: 'mismatch',
    reason: `${diff.includes('transposed') ? 'BTN digits transposed' : 'BTN differs'} (${diff}): ${formatPhone(a)} on the bill, ${formatPhone(b)} on the request.`,
    canAcceptBillValue: true,
  });
}

export function checkServiceAddress(
  bill: Address | null,
  req: Address | null,
  words?: OcrWord[],
): FieldCheck {
  const billText = formatAddress(bill);
  const reqText = formatAddress(req);
  if (!bill || empty(billText)) return missingOnBill('serviceAddress', reqText);
  if (!req) return missingOnRequest('serviceAddress', billText!);
  const c = compareAddresses(bill, req);
  const base = { billValue: billText, requestValue: reqText, notes: c.notes };
  // Parts the bill does not show cannot be compared: a difference elsewhere is still a mismatch,
  // but if everything readable agrees the verdict is 'missing' (verify by eye), never 'match'.
  const street = ['number', 'street', 'unit', 'poBox'];
  const unread = new Set<string>();
  if (empty(bill.line1)) street.forEach((p) => unread.add(p));
  if (empty(bill.city)) unread.add('city');
  if (empty(bill.state)) unread.add('state');
  if (empty(bill.zip)) unread.add('zip');
  const real = c.differences.filter((d) => !unread.has(d.part));
  if (real.length === 0 && unread.size > 0) {
    const parts = [
      ...new Set([...unread].map((p) => (street.includes(p) ? 'street line' : p === 'zip' ? 'ZIP' : p))),
    ];
    return row('serviceAddress', {
      ...base,
      verdict: 'missing',
      reason: `The bill's ${parts.join(', ')} could not be read; the rest of the address agrees. Check it on the bill.`,
    });
  }
  if (c.equal)
    return row('serviceAddress', { ...base, verdict: 'match', reason: `Same service address: ${billText}.` });
  const unsure = unsureReading('serviceAddress', addressKey(bill), addressKey(req), words, base);
  if (unsure) return { ...unsure, notes: c.notes };
  const what = real.map((d) => d.text).join('; ');
  // "Apt 138" on a scanned bill against "Apt 13B": the bill is the evidence, but its 8 may be a B
  const ocr = real.every((d) => d.ocr);
  return row('serviceAddress', {
    ...base,
    verdict: 'mismatch',
    probable: ocr ? 'ocr' : null,
    reason: ocr
      ? `Service address differs only in characters OCR confuses — ${what}. Check the bill image before porting.`
      : `Service address differs: ${what}.`,
    canAcceptBillValue: true,
  });
}

export function checkNumbersOnBill(
  billNumbers: string[],
  billBtn: string | null,
  toPort: string[],
): FieldCheck {
  const onBill = new Set(billNumbers.map(phoneDigits).filter((d): d is string => d !== null));
  const billValue = onBill.size ? [...onBill].map(formatPhone).join(', ') : null;
  const wanted = toPort.map((n) => phoneDigits(n) ?? n.trim());
  const requestValue = wanted.length ? wanted.map(formatPhone).join(', ') : null;
  if (onBill.size === 0) return missingOnBill('numbersOnBill', requestValue);
  if (wanted.length === 0)
    return row('numbersOnBill', {
      verdict: 'missing',
      billValue,
      reason: 'The request lists no numbers to port.',
    });
  // The BTN printed in the header is on the bill even when the lines table skips it.
  const btn = phoneDigits(billBtn);
  if (btn) onBill.add(btn);
  const missing = wanted.filter((n) => !onBill.has(n));
  const base = { billValue, requestValue, missingNumbers: missing };
  if (missing.length === 0)
    return row('numbersOnBill', {
      ...base,
      verdict: 'match',
      reason: `All ${wanted.length} number${wanted.length === 1 ? '' : 's'} to port appear on the bill.`,
    });
  return row('numbersOnBill', {
    ...base,
    verdict: 'mismatch',
    reason: `${missing.length} of ${wanted.length} numbers to port ${missing.length === 1 ? 'is' : 'are'} not on the bill: ${missing.map(formatPhone).join(', ')}.`,
  });
}

/** Whole days from a to b (both YYYY-MM-DD), calendar arithmetic in UTC. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

export function isRealDate(s: string | null | undefined): s is string {
  if (!s || !ISO_DATE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function checkBillAge(billDate: string | null, asOf: string | null): FieldCheck {
  if (!isRealDate(billDate))
    return row('billAge', {
      verdict: 'missing',
      billValue: billDate,
      requestValue: asOf,
      reason: empty(billDate)
        ? // (an app screenshot or a letter shows no date at all: its age is unknown, not ok)
          'No bill date was found on this document, so its age is unknown: check it is from the last 30 days.'
        : `The bill date "${billDate}" is not a real date.`,
    });
  if (!isRealDate(asOf))
    return row('billAge', {
      verdict: 'missing',
      billValue: billDate,
      requestValue: asOf,
      reason: 'No "as of" date to age the bill against.',
    });
  const days = daysBetween(billDate, asOf);
  const base = { billValue: billDate, requestValue: asOf };
  if (days > STALE_AFTER_DAYS)
    return row('billAge', {
      ...base,
      verdict: 'stale',
      reason: `The bill is ${days} days old on ${asOf} (dated ${billDate}); carriers want one from the last ${STALE_AFTER_DAYS} days — get a newer bill.`,
    });
  return row('billAge', {
    ...base,
    verdict: 'ok',
    reason:
      days < 0
        ? `The bill is dated ${billDate}, after ${asOf}; check the date.`
        : `The bill is ${days} day${days === 1 ? '' : 's'} old on ${asOf} (dated ${billDate}).`,
    notes: days < 0 ? ['bill date is in the future'] : [],
  });
}

/** All six field checks, in the scorer's order. */
export function checkFields(
  bill: BillFields,
  subject: CheckSubject,
  asOf: string | null,
  ocr: BillOcrWords = {},
): FieldCheck[] {
  return [
    checkAccountName(bill.accountName, subject.accountName, ocr.accountName),
    checkAccountNumber(bill.accountNumber, subject.accountNumber, ocr.accountNumber),
    checkBtn(bill.btn, subject.btn),
    checkServiceAddress(bill.serviceAddress, subject.serviceAddress, ocr.serviceAddress),
    checkNumbersOnBill(bill.numbers, bill.btn, subject.numbersToPort),
    checkBillAge(bill.billDate, asOf),
  ];
}
