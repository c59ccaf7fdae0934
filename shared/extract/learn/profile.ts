// What a desk keeps about one carrier's bill layout after an agent taught it the right values of a
// bill: who the carrier is (name and fixed wording, to recognise its next bill) and, per field,
// where that field sits (the label beside it, its place from that label and on the page) and its
// shape. Stored as JSON in the desk's store, so every field is plain data validated here.
import { z } from 'zod';

export const LEARNABLE = [
  'carrier',
  'accountName',
  'accountNumber',
  'btn',
  'serviceAddress',
  'billDate',
  'numbers',
] as const;
export type LearnableField = (typeof LEARNABLE)[number];

/** Where a field came from in one reading: the generic reader, or a carrier's learned profile. */
export type FieldSource = 'read' | 'learned';
export type FieldSources = Record<LearnableField, FieldSource>;

export const AnchorSchema = z.object({
  /** The label's words, squashed (upper-case letters and '#'), or '' when the value stands alone. */
  label: z.string().max(80),
  /** Where the value sits from its label: after it on its piece, the next piece, under, over. */
  how: z.enum(['same', 'right', 'below', 'above', 'page']),
  page: z.number().int().positive(),
  /** Value's first word from the label's first word, in the line's heights. */
  dx: z.number(),
  dy: z.number(),
  /**
   * The same in points, which hold between renditions where line heights do not: an OCR'd
   * line's box is its ink, a text layer's its type size, a quarter taller (a caption's value on
   * a photo was looked for a line off). Absent from profiles taught before it was kept.
   */
  dxPt: z.number().optional(),
  dyPt: z.number().optional(),
  /** Value's first word on its page, as fractions of the page's width and height. */
  px: z.number(),
  py: z.number(),
  /** The value ran on to the next line of its column (a long name, a two-line address). */
  lines: z.number().int().min(1).max(6),
  /** The generic reader knows the label as one of this field's ("Account No."). */
  known: z.boolean().default(false),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const FieldRuleSchema = z.object({
  anchors: z.array(AnchorSchema).max(12),
  /**
   * The value's looks, one per layout variant taught: for an account number the class of each
   * character ('9' a digit, 'A' a letter, separators as printed: "AA-99999-9999").
   */
  shapes: z.array(z.string().max(60)).max(6).default([]),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

/** A word printed once on a taught page, at (x, y) as fractions of the page (its centre). */
export const LandmarkSchema = z.object({
  t: z.string().max(40),
  page: z.number().int().positive(),
  x: z.number(),
  y: z.number(),
});
export type Landmark = z.infer<typeof LandmarkSchema>;

export const TeachingSchema = z.object({
  at: z.string(),
  by: z.string().max(200),
  /** The bill that taught it: its file name, and the stored document when taught in a case. */
  bill: z.string().max(300),
  documentId: z.number().int().nullable(),
  caseId: z.number().int().nullable(),
  fields: z.array(z.enum(LEARNABLE)),
});
export type Teaching = z.infer<typeof TeachingSchema>;

export const CarrierProfileSchema = z.object({
  id: z.string().min(1).max(80),
  carrier: z.string().min(1).max(120),
  /** Distinctive words of the carrier's name (upper case), all of which its bills print. */
  nameTokens: z.array(z.string()).max(8),
  /** Words the taught bill printed that are not values (labels, headings, notices), upper case. */
  wording: z.array(z.string()).max(400),
  /** Fixed words and their places on the taught bill, to map a learned place onto a new page. */
  landmarks: z.array(LandmarkSchema).max(120).default([]),
  fields: z.partialRecord(z.enum(LEARNABLE), FieldRuleSchema),
  taught: z.array(TeachingSchema).max(50),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CarrierProfile = z.infer<typeof CarrierProfileSchema>;

export const LearnedCarriersSchema = z.object({
  version: z.literal(1),
  profiles: z.array(CarrierProfileSchema).max(500),
});
export type LearnedCarriers = z.infer<typeof LearnedCarriersSchema>;

/** The store's settings key holding every learned profile of a desk (both backends, no migration). */
export const LEARNED_KEY = 'learnedCarriers';

/** Reads a stored value leniently: a damaged or foreign value teaches nothing rather than failing a bill. */
export function parseLearned(value: unknown): CarrierProfile[] {
  const r = LearnedCarriersSchema.safeParse(value);
  return r.success ? r.data.profiles : [];
}
