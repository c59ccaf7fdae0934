// Channels of email intake: a customer's .eml or Outlook .msg read into a case's worth of values
// (its bill and the request its text makes), and the files it carried staged so the new case can
// keep them. Merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { AddressSchema, ExtractionSchema } from '../domain';
import { FieldCheckSchema } from '../check/types';
import { DocumentSchema, PageDimsSchema } from './intake';

/** A file the desk already has: a path on its disk (Electron) or an upload (browser door). */
const fileRef = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    uploadId: z.string().min(1).max(64).optional(),
  })
  .refine((a) => !!a.path !== !!a.uploadId, { message: 'give exactly one of path or uploadId' });

const digits10 = z.string().regex(/^\d{10}$/);

/** The request an email body makes (shared/email/request-text.ts BodyRequest). */
export const BodyRequestSchema = z.object({
  accountName: z.string().optional(),
  accountNumber: z.string().optional(),
  btn: digits10.optional(),
  serviceAddress: AddressSchema.optional(),
  numbersToPort: z.array(digits10).optional(),
  pin: z.string().optional(),
  asOf: z.string().optional(),
  requestedFocDate: z.string().optional(),
  accountType: z.enum(['business', 'residential']).optional(),
  numbersToKeep: z.array(digits10).optional(),
  portAll: z.literal(true).optional(),
  authorized: z
    .object({
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      title: z.string().optional(),
    })
    .optional(),
});

export const EmailAttachmentSchema = z.object({
  name: z.string(),
  kind: z.enum(['bill', 'other']),
  chosen: z.boolean(),
  size: z.number().int(),
  mime: z.string(),
  /** Why it is not the bill or not a bill ("signature logo", "password-protected"). */
  note: z.string().nullable(),
  /** Where the desk keeps it until the case is created (uploads expire after a day). */
  uploadId: z.string(),
});
export type EmailAttachment = z.infer<typeof EmailAttachmentSchema>;

export const EmailReadSchema = z.object({
  email: z.object({
    format: z.enum(['eml', 'msg']),
    from: z.object({ name: z.string(), address: z.string() }).nullable(),
    subject: z.string(),
    /** ISO timestamp the message was sent, as it says. */
    date: z.string().nullable(),
    /** The email itself, staged, to keep in the case's documents. */
    uploadId: z.string(),
    filename: z.string(),
  }),
  request: BodyRequestSchema,
  /** For each request field: the words of the email it was read from. */
  sources: z.record(z.string(), z.string()),
  attachments: z.array(EmailAttachmentSchema),
  /** The chosen bill as intake:addBill returns it; null when the email carries no readable bill. */
  bill: z
    .object({
      extraction: ExtractionSchema,
      pages: z.array(PageDimsSchema),
      rendition: z.enum(['text-pdf', 'scan-pdf', 'mixed-pdf', 'image']),
      warnings: z.array(z.string()),
    })
    .nullable(),
  /** What the email asks, checked against what its bill says (null without a bill). */
  checks: z.array(FieldCheckSchema).nullable(),
  warnings: z.array(z.string()),
});
export type EmailRead = z.infer<typeof EmailReadSchema>;

export const emailChannels = {
  'intake:readEmail': channel(
    fileRef.and(z.object({ jobId: z.string().min(1).max(64).optional() })),
    EmailReadSchema,
    'Read a customer email (.eml or Outlook .msg): the request in its text, its attachments sorted into bills and others, the largest bill read. Stores nothing; the files are staged for the new case. Emits progress events.',
  ),
  'intake:addDocument': channel(
    fileRef.and(
      z.object({
        caseId: z.number().int().positive(),
        /** The name to keep it under (an attachment's name inside the email). */
        filename: z.string().trim().min(1).max(255).optional(),
      }),
    ),
    DocumentSchema,
    "Keep a file (the customer's email, an attachment that is not a bill) in a case's documents, as it is.",
  ),
  'intake:previewBytes': channel(
    fileRef,
    z.object({ mime: z.string(), filename: z.string(), base64: z.string() }),
    'A bill not yet stored on a case (being prefilled into a new one), base64, for the preview.',
  ),
  'intake:previewPage': channel(
    fileRef.and(
      z.object({
        page: z.number().int().positive().max(10_000),
        rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
      }),
    ),
    z.object({
      mime: z.literal('image/jpeg'),
      base64: z.string(),
      width: z.number().int(),
      height: z.number().int(),
    }),
    'One page of an image bill not yet stored on a case, as the OCR read it (see intake:pageImage).',
  ),
};
