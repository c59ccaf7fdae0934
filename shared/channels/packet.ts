// Channels of the packet domain. Owned by the packet work; merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { CaseStatusSchema } from '../domain';

const caseId = z.number().int().positive();

/** A drawn signature (PNG from the renderer's signature pad) or a typed name. */
export const SignatureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('drawn'),
    pngDataUrl: z
      .string()
      .max(3_000_000, { message: 'signature image is too large' })
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'must be a PNG data URL' }),
  }),
  z.object({
    kind: z.literal('typed'),
    name: z.string().trim().min(1, { message: 'must not be empty' }).max(80),
  }),
]);
export type Signature = z.infer<typeof SignatureSchema>;

export const ExportResultSchema = z.object({
  /** The folder named for the case, holding every file below. */
  dir: z.string(),
  zip: z.string(),
  eml: z.string(),
  pdf: z.string(),
  /** Every file written inside `dir` (absolute paths). */
  files: z.array(z.string()),
  /** Browser-host download ids (null under Electron or when downloads are not available). */
  downloads: z.object({ zip: z.string().nullable(), eml: z.string().nullable(), pdf: z.string().nullable() }),
  signed: z.boolean(),
  status: CaseStatusSchema,
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const SendResultSchema = z.object({
  messageId: z.string(),
  accepted: z.array(z.string()),
  rejected: z.array(z.string()),
  response: z.string(),
});
export type SendResult = z.infer<typeof SendResultSchema>;

const exportArgs = z.object({
  caseId,
  signature: SignatureSchema.optional(),
  /** Where the case folder goes; defaults to <dataDir>/exports. */
  outDir: z
    .string()
    .min(1)
    .max(1000)
    // A relative path would depend on the main process's working folder, which no agent can see.
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, { message: 'must be an absolute folder path' })
    .optional(),
});

export const packetChannels = {
  'packet:export': channel(
    exportArgs,
    ExportResultSchema,
    'Build the LOA packet (LOA, RespOrg letter, cover sheet, bill copy, numbers.csv, packet.pdf, .zip, .eml). Unsigned -> Waiting for Signature.',
  ),
  'packet:send': channel(
    exportArgs,
    z.object({ export: ExportResultSchema, send: SendResultSchema }),
    'Build the packet and send it by SMTP to the porting inbox from settings; the result is recorded as a case event.',
  ),
  'packet:openFile': channel(
    z.object({ downloadId: z.string().min(1).max(64) }),
    z.object({ opened: z.literal(true) }),
    'Desktop only: open an exported file (e.g. the .eml draft in the default mail client), named by its download id.',
  ),
  'packet:attachSignedLoa': channel(
    z
      .object({
        caseId,
        /** A file on this machine (Electron, CLI). */
        path: z.string().min(1).max(1000).optional(),
        /** A file uploaded through the browser host. */
        uploadId: z.string().min(1).max(200).optional(),
      })
      .refine((a) => (a.path ? 1 : 0) + (a.uploadId ? 1 : 0) === 1, {
        message: 'give exactly one of path or uploadId',
      }),
    z.object({
      documentId: z.union([z.number(), z.string()]).nullable(),
      sha256: z.string(),
      status: CaseStatusSchema,
    }),
    'Record the signed LOA on the case (document kind signed_loa) and move it to Port Submitted.',
  ),
} as const;
