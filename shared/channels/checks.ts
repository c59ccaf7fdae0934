// Channels of the checks domain. Owned by the checks work; merged into shared/contract.ts.
//
// Result shapes (see shared/check/types.ts for every field's meaning):
// - CheckReport: { caseId, asOf, ranAt, hasBill, fields: FieldCheck[], rules: RuleCheck[], foc: FocValidation,
//   readiness: { readiness: 'blocked'|'warnings'|'ready', summary, blockers, warnings, infos, documents } }
// - FieldCheck: one row of the check panel — { field, label, billValue, requestValue, verdict, reason, notes,
//   probable: 'ocr'|null, missingNumbers, canAcceptBillValue }
// - RuleCheck: { id, severity: 'blocker'|'warning'|'info', code (carrier code or null), title, reason, numbers }
import { z } from 'zod';
import { channel } from './define';
import { CaseSchema, isoDate, hhmm } from '../domain';
import { ACCEPTABLE_FIELDS, CheckReportSchema } from '../check/types';

const caseId = z.number().int().positive();

export const DayStatusSchema = z.object({
  date: z.string(),
  selectable: z.boolean(),
  /** Why the date cannot be picked ("Saturday: …", "Christmas Day (US federal holiday): …", "too soon: …"). */
  reason: z.string().nullable(),
  holiday: z.string().nullable(),
  weekend: z.boolean(),
});

export const FocCalendarSchema = z.object({
  days: z.array(DayStatusSchema),
  /** Earliest and latest selectable dates given the lead time and the 30-day limit. */
  earliest: z.string(),
  latest: z.string(),
  /** The port window, "HH:MM" ET. */
  window: z.object({ start: z.string(), end: z.string() }),
  /** Whether a specific time (Mon–Fri 11:00–16:00 ET) may be chosen: projects over 49 numbers. */
  timeChoosable: z.boolean(),
  suggestions: z.array(z.string()),
});

export const FeePreviewSchema = z.object({
  scheduledAt: z.string(),
  scheduledLabel: z.string(),
  hoursNotice: z.number(),
  perNumber: z.number(),
  numbers: z.number().int(),
  total: z.number(),
  explanation: z.string(),
  advice: z.string(),
});

export const checksChannels = {
  'checks:run': channel(
    z.object({ caseId, asOf: isoDate.optional() }),
    CheckReportSchema,
    'Run every check on a case (fields against its latest bill, rules, FOC, readiness) and store the result. asOf defaults to today (ET).',
  ),
  'checks:get': channel(
    z.object({ caseId }),
    CheckReportSchema.nullable(),
    'The stored result of the last checks:run, or null when checks never ran.',
  ),
  'checks:acceptBillValue': channel(
    z.object({
      caseId,
      field: z.enum(ACCEPTABLE_FIELDS),
      /** The case version the agent saw; CONFLICT if someone saved since. Omit to use the current one. */
      version: z.number().int().nonnegative().optional(),
    }),
    z.object({ case: CaseSchema, report: CheckReportSchema }),
    "Copy the bill's value of a field into the case, record an 'accept_bill_value' event (old/new), and re-run the checks.",
  ),
  'foc:calendar': channel(
    z.object({
      from: isoDate,
      to: isoDate,
      numbersCount: z.number().int().min(0).max(5000),
      canadian: z.boolean().default(false),
      /** Today (ET) by default. */
      asOf: isoDate.optional(),
      /** Wireline simple port (1 business day of lead time); defaults to numbersCount === 1. */
      simple: z.boolean().optional(),
    }),
    FocCalendarSchema,
    'Each day from..to (at most 400 days) with whether it can be picked as the FOC date and why not.',
  ),
  'foc:fees': channel(
    z.union([
      z.object({ caseId, at: z.iso.datetime({ offset: true }).optional() }),
      z.object({
        focDate: isoDate,
        focTime: hhmm.nullable().optional(),
        numbers: z.number().int().min(1).max(5000),
        at: z.iso.datetime({ offset: true }).optional(),
      }),
    ]),
    FeePreviewSchema,
    'Fee to cancel or reschedule a scheduled port, per number and total, by hours of notice (now by default).',
  ),
} as const;
