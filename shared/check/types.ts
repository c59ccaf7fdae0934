// Result shapes of the check engine. zod schemas because they cross IPC (checks:run/get) and are
// stored as JSON on the case; the TypeScript types are inferred from them.
import { z } from 'zod';

export const FIELD_CHECK_KEYS = [
  'accountName',
  'accountNumber',
  'btn',
  'serviceAddress',
  'numbersOnBill',
  'billAge',
] as const;
export type FieldCheckKey = (typeof FIELD_CHECK_KEYS)[number];

/** Fields whose bill value can be copied into the case with "use the bill's value". */
export const ACCEPTABLE_FIELDS = ['accountName', 'accountNumber', 'btn', 'serviceAddress'] as const;
export type AcceptableField = (typeof ACCEPTABLE_FIELDS)[number];

export const FIELD_LABELS: Record<FieldCheckKey, string> = {
  accountName: 'Account name',
  accountNumber: 'Account number',
  btn: 'Billing telephone number (BTN)',
  serviceAddress: 'Service address',
  numbersOnBill: 'Numbers to port appear on the bill',
  billAge: 'Bill date (30 days)',
};

export const FieldVerdictSchema = z.enum(['match', 'mismatch', 'missing', 'ok', 'stale']);
export type FieldVerdict = z.infer<typeof FieldVerdictSchema>;

/**
 * One row of the check panel: bill value | request value | verdict | reason.
 * verdict: match|mismatch|missing for the five comparisons, ok|stale|missing for billAge.
 * 'missing' means the bill side could not be read (or the case lacks the value; the reason says which).
 */
export const FieldCheckSchema = z.object({
  field: z.enum(FIELD_CHECK_KEYS),
  label: z.string(),
  verdict: FieldVerdictSchema,
  /** Display form of the bill's value ("1779 W Franklin Lane, Fort Collins, CO 80537"); null when not read. */
  billValue: z.string().nullable(),
  /** Display form of the request/case value. */
  requestValue: z.string().nullable(),
  /** One line naming both values and the difference. */
  reason: z.string(),
  /** Harmless differences that were ignored ("ZIP+4 only on the bill"). */
  notes: z.array(z.string()),
  /** 'ocr' when the difference is only OCR-confusable characters (0/O, 1/I/L, ...): still a mismatch, check the image. */
  probable: z.enum(['ocr']).nullable(),
  /** numbersOnBill: the numbers to port that are not on the bill (10 digits). */
  missingNumbers: z.array(z.string()),
  /** The UI may offer "use the bill's value" (a bill value exists and differs). */
  canAcceptBillValue: z.boolean(),
  /** How sure the reading of the bill's value is (0..1), when the desk knows; see check/confidence.ts. */
  billConfidence: z.number().min(0).max(1).optional(),
  /** Why the bill's value should be checked by eye, in the agent's words; empty when read cleanly. */
  billDoubts: z.array(z.string()).optional(),
});
export type FieldCheck = z.infer<typeof FieldCheckSchema>;

export const SeveritySchema = z.enum(['blocker', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** A rule finding on the case, e.g. { id: 'wireless_pin', severity: 'blocker', code: '7117', ... }. */
export const RuleCheckSchema = z.object({
  /** Stable id, e.g. 'wireless_pin', 'btn_stranded', 'duplicate_order', 'field_mismatch:btn'. */
  id: z.string(),
  severity: SeveritySchema,
  /** The carrier rejection code it prevents, when there is one ("7117", "MAIN_BTN_PORTING"). */
  code: z.string().nullable(),
  title: z.string(),
  /** What is wrong and what to do, one or two sentences. */
  reason: z.string(),
  /** Numbers concerned (10 digits), when the rule is about numbers. */
  numbers: z.array(z.string()),
});
export type RuleCheck = z.infer<typeof RuleCheckSchema>;

export const FocValidationSchema = z.object({
  /** The date checked (YYYY-MM-DD), or null when the case has none. */
  date: z.string().nullable(),
  valid: z.boolean(),
  /** Why not, one line each; empty when valid. */
  reasons: z.array(z.string()),
  /** Non-blocking advice (bulk lead time, typical 3–7 days). */
  warnings: z.array(z.string()),
  /** The port window in ET, "HH:MM". */
  window: z.object({ start: z.string(), end: z.string() }),
  /** Earliest acceptable date from asOf. */
  earliest: z.string(),
  /** Next valid dates from asOf (up to 5). */
  suggestions: z.array(z.string()),
});
export type FocValidation = z.infer<typeof FocValidationSchema>;

export const DocumentItemSchema = z.object({
  id: z.enum(['bill', 'loa', 'resporg', 'e911']),
  label: z.string(),
  status: z.enum(['ok', 'missing', 'stale', 'not_needed']),
  reason: z.string(),
});
export type DocumentItem = z.infer<typeof DocumentItemSchema>;

export const ReadinessSchema = z.object({
  readiness: z.enum(['blocked', 'warnings', 'ready']),
  /** One line for the banner. */
  summary: z.string(),
  blockers: z.array(RuleCheckSchema),
  warnings: z.array(RuleCheckSchema),
  infos: z.array(RuleCheckSchema),
  documents: z.array(DocumentItemSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

/** Everything checks:run returns and stores. */
export const CheckReportSchema = z.object({
  caseId: z.number().int().nullable(),
  /** The day the checks were evaluated against (bill age, FOC lead time), YYYY-MM-DD. */
  asOf: z.string(),
  ranAt: z.string(),
  /** false when the case has no bill extraction yet: fields is then empty. */
  hasBill: z.boolean(),
  fields: z.array(FieldCheckSchema),
  rules: z.array(RuleCheckSchema),
  foc: FocValidationSchema,
  readiness: ReadinessSchema,
});
export type CheckReport = z.infer<typeof CheckReportSchema>;
