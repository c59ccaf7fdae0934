// The port request as a customer typed it (the eval format of shared/eval/README.md):
// { accountName, accountNumber, btn, serviceAddress, numbersToPort, pin?, asOf, requestedFocDate, accountType }.
// Parsing names the offending field in every error ("request.serviceAddress.zip: ..."), and
// normalizes the phone numbers to 10 digits so nothing downstream re-parses them.
import { z } from 'zod';
import { CaseInputSchema, isoDate, type BillFields, type CaseInput } from './domain';
import { DeskError } from './errors';
import { analyzePhone, phoneDigits } from './normalize/phone';
import { normalizeState } from './normalize/address';
import { STATE_CODE_SET } from './normalize/usps';

const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), { message: 'contains control characters' });

/** A NANP number in any human format -> 10 digits; refuses non-NANP and plan-invalid numbers (fictitious 555-01XX is allowed). */
export const nanpNumber = z.string({ error: 'must be a phone number as a string' }).transform((s, ctx) => {
  const info = analyzePhone(s);
  if (!info.digits) {
    ctx.addIssue({ code: 'custom', message: info.reason ?? 'is not a NANP number' });
    return z.NEVER;
  }
  if (!info.valid && !info.fictitious) {
    ctx.addIssue({ code: 'custom', message: info.reason ?? 'is not a valid NANP number' });
    return z.NEVER;
  }
  return info.digits;
});

const plausibleDate = isoDate.refine((s) => s >= '2000-01-01' && s <= '2100-12-31', {
  message: 'is outside 2000–2100',
});

export const RequestAddressSchema = z.object({
  line1: text(120).refine((s) => /[A-Za-z0-9]/.test(s), { message: 'has no street' }),
  line2: z
    .string({ error: 'must be a string or null' })
    .trim()
    .max(120, { message: 'must be at most 120 characters' })
    .nullish()
    .transform((s) => (s ? s : null)),
  city: text(60).refine((s) => /[A-Za-z]/.test(s), { message: 'has no letters' }),
  state: text(30).refine((s) => STATE_CODE_SET.has(normalizeState(s)), {
    message: 'is not a US state or Canadian province (code or name)',
  }),
  zip: text(10).refine((s) => /^\d{5}(?:-?\d{4})?$/.test(s) || /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/.test(s), {
    message: 'must be a ZIP (12345 or 12345-6789) or a Canadian postal code',
  }),
});

export const PortRequestSchema = z.object({
  accountName: text(120).refine((s) => /[A-Za-z]/.test(s), { message: 'has no letters' }),
  accountNumber: text(40).refine((s) => /[A-Za-z0-9]/.test(s), { message: 'has no letters or digits' }),
  btn: nanpNumber,
  serviceAddress: RequestAddressSchema,
  numbersToPort: z
    .array(nanpNumber, { error: 'must be a list of phone numbers' })
    .min(1, { message: 'must list at least one number' })
    .max(5000, { message: 'at most 5,000 numbers per request' })
    .transform((list) => [...new Set(list)]),
  pin: z
    .union([z.string(), z.number().int().nonnegative()], { error: 'must be a string' })
    .transform((p) => String(p).trim())
    .refine((p) => p === '' || /^[A-Za-z0-9]{1,15}$/.test(p), { message: 'must be 1–15 letters or digits' })
    .nullish()
    .transform((p) => (p ? p : null)),
  asOf: plausibleDate,
  requestedFocDate: plausibleDate.nullish().transform((d) => d ?? null),
  accountType: z.enum(['business', 'residential'], { error: 'must be "business" or "residential"' }),
  /** Optional extras a desk may add; absent in the eval format. */
  wireless: z.boolean().optional(),
  losingCarrier: z.string().trim().max(80).optional(),
});
export type PortRequest = z.output<typeof PortRequestSchema>;
export type PortRequestInput = z.input<typeof PortRequestSchema>;

/** Validates an already-parsed request object; throws DeskError BAD_ARGUMENT naming every bad field. */
export function parseRequest(value: unknown, what = 'request'): PortRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DeskError('BAD_ARGUMENT', `${what} must be a JSON object`);
  const r = PortRequestSchema.safeParse(value);
  if (r.success) return r.data;
  const at = (path: PropertyKey[]) =>
    path.reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
      value,
    );
  // One message per field: the first is the most basic ("must be a date" before "not a real date").
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  for (const i of r.error.issues) {
    const path = [what, ...i.path.map(String)].join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    issues.push({
      path,
      message: i.code === 'invalid_type' && at(i.path) === undefined ? 'is required' : i.message,
    });
  }
  throw new DeskError('BAD_ARGUMENT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/** request.json text -> PortRequest. Malformed JSON and bad fields both become DeskError BAD_ARGUMENT. */
export function parseRequestJson(source: string, what = 'request'): PortRequest {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new DeskError('BAD_ARGUMENT', `${what}.json is not valid JSON: ${(err as Error).message}`);
  }
  return parseRequest(value, what);
}

/**
 * A request as a case input, so it can be checked or packeted without a stored case. With the
 * bill's fields, the bill's numbers that are not ported are listed as 'keep' (Attachment A needs
 * every number on the account, and the "numbers remain" rule needs to see them).
 */
export function requestToCaseInput(req: PortRequest, bill?: BillFields | null): CaseInput {
  const port = new Set(req.numbersToPort);
  const keep = [
    ...new Set((bill?.numbers ?? []).map(phoneDigits).filter((d): d is string => d !== null)),
  ].filter((d) => !port.has(d));
  const numbers = [
    ...req.numbersToPort.map((n) => ({
      number: n,
      action: 'port' as const,
      kind: analyzePhone(n).kind,
      e911: null,
    })),
    ...keep.map((n) => ({ number: n, action: 'keep' as const, kind: analyzePhone(n).kind, e911: null })),
  ];
  return CaseInputSchema.parse({
    customer: {
      accountName: req.accountName,
      accountType: req.accountType,
      accountNumber: req.accountNumber,
      btn: req.btn,
      pin: req.pin,
      losingCarrier: req.losingCarrier ?? bill?.carrier ?? '',
      // The eval format has no wireless flag; a carrier calling itself wireless/mobile is one.
      wireless: req.wireless ?? /wireless|mobile|cellular|\bcell\b/i.test(bill?.carrier ?? ''),
    },
    authorized: { name: '' },
    serviceAddress: { ...req.serviceAddress },
    numbers,
    focDate: req.requestedFocDate,
  });
}
