// Domain shapes shared by every layer. zod schemas are the single source: the TypeScript
// types are inferred from them, and main parses every IPC/HTTP argument with them.
import { z } from 'zod';
import { CASE_STATUSES } from './status';

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD, that really exists (no 2024-02-30). */
export const isoDate = z
  .string()
  .regex(ISO_DATE, { message: 'must be a date as YYYY-MM-DD' })
  .refine(
    (s) => {
      const d = new Date(s + 'T00:00:00Z');
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'is not a real calendar date' },
  );

export const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time as HH:MM (24 h)' });

export const AddressSchema = z.object({
  line1: trimmed(120),
  line2: trimmed(120).nullable().default(null),
  city: trimmed(60),
  state: trimmed(30),
  zip: trimmed(10),
});
export type Address = z.infer<typeof AddressSchema>;

export const emptyAddress = (): Address => ({ line1: '', line2: null, city: '', state: '', zip: '' });

export const PHONE_KINDS = ['local', 'tollfree', 'canadian'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const CaseNumberSchema = z.object({
  /** Ten NANP digits, no formatting. */
  number: z.string().regex(/^\d{10}$/, { message: 'must be a 10-digit NANP number' }),
  action: z.enum(['port', 'keep']).default('port'),
  kind: z.enum(PHONE_KINDS).default('local'),
  /** null means "same as the service address". */
  e911: AddressSchema.nullable().default(null),
});
export type CaseNumber = z.infer<typeof CaseNumberSchema>;

export const ACCOUNT_TYPES = ['business', 'residential'] as const;

export const CustomerSchema = z.object({
  accountName: trimmed(120),
  accountType: z.enum(ACCOUNT_TYPES).default('business'),
  accountNumber: trimmed(40),
  btn: z.string().trim().max(20).default(''),
  /** Port-out PIN (not the voicemail PIN). Secret: masked in the UI, encrypted at rest. */
  pin: z.string().trim().max(20).nullable().default(null),
  losingCarrier: trimmed(80),
  /** Wireless accounts need a PIN to port (Bandwidth 7117). */
  wireless: z.boolean().default(false),
});

export const AuthorizedSchema = z.object({
  name: trimmed(80),
  title: trimmed(80).default(''),
  email: z
    .union([z.literal(''), z.string().trim().email({ message: 'is not a valid email address' })])
    .default(''),
  phone: z.string().trim().max(20).default(''),
});

/** Informational flags the agent records; they drive the info checks (DSL, ETF, personal cell). */
export const CaseFlagsSchema = z.object({
  dsl: z.boolean().default(false),
  contractTerm: z.boolean().default(false),
  personalCell: z.boolean().default(false),
});

export const CaseInputSchema = z.object({
  customer: CustomerSchema,
  authorized: AuthorizedSchema,
  serviceAddress: AddressSchema,
  numbers: z.array(CaseNumberSchema).max(5000, { message: 'at most 5,000 numbers per case' }).default([]),
  /** The new BTN for what stays on the account when the BTN itself is ported in a partial port. */
  newBtn: z
    .string()
    .regex(/^\d{10}$/)
    .nullable()
    .default(null),
  focDate: isoDate.nullable().default(null),
  /** Requested time (ET), only for projects over 49 numbers; otherwise the default window applies. */
  focTime: hhmm.nullable().default(null),
  flags: CaseFlagsSchema.default({ dsl: false, contractTerm: false, personalCell: false }),
  notes: z.string().max(5000).default(''),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const CaseStatusSchema = z.enum(CASE_STATUSES);

export const CaseSchema = CaseInputSchema.extend({
  id: z.number().int().positive(),
  status: CaseStatusSchema,
  /** The agent working it (their email on a team desk); null: unassigned. Set by cases:assign. */
  assignee: z.string().nullable(),
  /** Optimistic concurrency: bumped on every write; an update must name the version it edited. */
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseSummarySchema = z.object({
  id: z.number().int(),
  accountName: z.string(),
  btn: z.string(),
  accountNumber: z.string(),
  losingCarrier: z.string(),
  numberCount: z.number().int(),
  status: CaseStatusSchema,
  focDate: z.string().nullable(),
  updatedAt: z.string(),
  assignee: z.string().nullable(),
  /** 'blocked' | 'warnings' | 'ready' | null when no check has run yet */
  readiness: z.enum(['blocked', 'warnings', 'ready']).nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseEventSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** e.g. created, updated, status, comment, document, correction, accept_bill_value, export, email */
  kind: z.string(),
  field: z.string().nullable(),
  oldValue: z.unknown().nullable(),
  newValue: z.unknown().nullable(),
  note: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CommentSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  at: z.string(),
  author: z.string(),
  body: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

// ---- Bill intake ---------------------------------------------------------------------------

/** A word and its box on a page, in page units (PDF points, or pixels for images), origin top-left. */
export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0..1; 1 for text-layer words */
  conf: number;
}

export interface PageWords {
  page: number; // 1-based
  width: number;
  height: number;
  source: 'text' | 'ocr';
  words: Word[];
  /**
   * Clockwise degrees the page was turned to be read (a scan or photo lying on its side or
   * upside down); word boxes are on the page turned this way. Absent or 0 for upright pages.
   */
  rotate?: 0 | 90 | 180 | 270;
}

export const BoxSchema = z.object({
  page: z.number().int(),
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type Box = z.infer<typeof BoxSchema>;

/**
 * Why a field's reading may be wrong, in the words an agent checks it by. The two doubts are kept
 * apart: 'ocr' (the characters may be misread: only on OCR'd pages) and 'layout' (the value was
 * chosen among several the bill prints, or no label named it).
 */
export const FieldDoubtSchema = z.object({ kind: z.enum(['ocr', 'layout']), note: z.string() });
export type FieldDoubt = z.infer<typeof FieldDoubtSchema>;

export const FieldMetaSchema = z.object({
  /** 0..1, both doubts folded into one figure (kept for what ranks readings by it). */
  confidence: z.number().min(0).max(1),
  boxes: z.array(BoxSchema),
  /**
   * What the agent should check, if anything: empty when the value was read cleanly. Absent on
   * extractions stored before doubts were recorded; their confidence figure stands in.
   */
  doubts: z.array(FieldDoubtSchema).optional(),
  /**
   * The value's words as OCR read them, with how sure it was of each: the check tells a one-glyph
   * slip in an unsure word from a real difference (check/near-miss.ts). Absent for text-layer values.
   */
  ocrWords: z.array(z.object({ text: z.string(), conf: z.number().min(0).max(1) })).optional(),
});
export type FieldMeta = z.infer<typeof FieldMetaSchema>;

export const BillFieldsSchema = z.object({
  carrier: z.string().nullable(),
  accountName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  btn: z.string().nullable(),
  serviceAddress: AddressSchema.nullable(),
  billDate: z.string().nullable(),
  numbers: z.array(z.string()),
});
export type BillFields = z.infer<typeof BillFieldsSchema>;
export type BillFieldKey = keyof BillFields;

/** One page as it was read: its size in points (the unit of every box) and how far it was turned. */
export const ExtractionPageSchema = z.object({
  page: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  /** Clockwise degrees (see PageWords.rotate); width and height are of the turned page. */
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
});
export type ExtractionPage = z.infer<typeof ExtractionPageSchema>;

export const ExtractionSchema = z.object({
  fields: BillFieldsSchema,
  meta: z.record(z.string(), FieldMetaSchema),
  /** Per-number provenance, keyed by the 10-digit number. */
  numberMeta: z.record(z.string(), FieldMetaSchema).default({}),
  /** Empty for extractions stored before pages were recorded: their boxes cannot be placed. */
  pages: z.array(ExtractionPageSchema).default([]),
  /**
   * Per field, whether the generic reader ('read') or a carrier profile the desk learned from an
   * agent's correction ('learned') supplied it. Absent on extractions stored before learning.
   */
  sources: z.record(z.string(), z.enum(['read', 'learned'])).optional(),
  /** The learned carrier profile this bill was recognised as, if any. */
  learned: z.object({ profileId: z.string(), carrier: z.string() }).nullable().optional(),
  /**
   * What the reading warns the agent of ("its page was read as a picture: check the values as
   * you would a scan's"). Kept with the fields so a case opened later still says it. Absent when
   * there is nothing to say, and on extractions stored before warnings were kept.
   */
  warnings: z.array(z.string()).optional(),
});
/**
 * `pages` is optional in the type: the store returns rows as saved, and rows saved before pages
 * were recorded lack it; ExtractionSchema.parse fills it with [].
 */
export type Extraction = Omit<z.infer<typeof ExtractionSchema>, 'pages'> & { pages?: ExtractionPage[] };
