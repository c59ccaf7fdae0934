// Channels of the intake domain. Owned by the intake work; merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { BillFieldsSchema, ExtractionSchema } from '../domain';

export const DocumentSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  sha256: z.string(),
  kind: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  pages: z.number().int().nullable(),
  createdAt: z.string(),
});
export type DocumentInfo = z.infer<typeof DocumentSchema>;

/** Page sizes in points (origin top-left), the unit of every field box. */
export const PageDimsSchema = z.object({
  page: z.number().int(),
  width: z.number(),
  height: z.number(),
  source: z.enum(['text', 'ocr']),
});

export const IntakeProgressStages = ['read', 'ocr', 'extract', 'store'] as const;

const fieldKey = BillFieldsSchema.keyof();

export const intakeChannels = {
  'intake:addBill': channel(
    z
      .object({
        /** Case to attach the bill to; without it the bill is read but nothing is stored. */
        caseId: z.number().int().positive().optional(),
        /** A file on the desk's disk (Electron door) … */
        path: z.string().min(1).max(4096).optional(),
        /** … or a file the browser door uploaded (see electron/desk/uploads.ts). */
        uploadId: z.string().min(1).max(64).optional(),
        /** Chosen by the caller so it can show progress and cancel; progress events carry it. */
        jobId: z.string().min(1).max(64).optional(),
      })
      .refine((a) => !!a.path !== !!a.uploadId, { message: 'give exactly one of path or uploadId' }),
    z.object({
      document: DocumentSchema.nullable(),
      extraction: ExtractionSchema,
      pages: z.array(PageDimsSchema),
      rendition: z.enum(['text-pdf', 'scan-pdf', 'mixed-pdf', 'image']),
      warnings: z.array(z.string()),
    }),
    'Read a bill (PDF, JPEG, PNG, TIFF, HEIC), extract its fields and, with caseId, store it on the case. Emits progress events.',
  ),
  'intake:cancel': channel(
    z.object({ jobId: z.string().min(1).max(64) }),
    z.object({ canceled: z.boolean() }),
    'Cancel a running addBill by its jobId (stops OCR at once).',
  ),
  'intake:listDocuments': channel(
    z.object({ caseId: z.number().int().positive() }),
    z.array(DocumentSchema),
    'The documents stored on a case.',
  ),
  'intake:getExtraction': channel(
    z.object({ documentId: z.number().int().positive() }),
    z.object({ document: DocumentSchema, extraction: ExtractionSchema.nullable() }),
    'The fields extracted from a stored bill, with their boxes (points, top-left origin).',
  ),
  'intake:correctField': channel(
    z.object({
      documentId: z.number().int().positive(),
      field: fieldKey,
      value: z.unknown(),
    }),
    ExtractionSchema,
    "Correct one extracted field; recorded as a 'correction' event on the case with old and new value.",
  ),
  'intake:documentBytes': channel(
    z.object({ documentId: z.number().int().positive() }),
    z.object({ mime: z.string(), filename: z.string(), base64: z.string() }),
    'The original file of a document, base64, for the preview.',
  ),
  'intake:pageImage': channel(
    z.object({ documentId: z.number().int().positive(), page: z.number().int().positive().max(10_000) }),
    z.object({
      mime: z.literal('image/jpeg'),
      base64: z.string(),
      width: z.number().int(),
      height: z.number().int(),
    }),
    'One page of an image bill (JPEG, PNG, TIFF, HEIC) as the OCR read it: EXIF orientation applied, turned upright, as a JPEG a browser can show.',
  ),
};
