// Channels of spreadsheet import (Cases → Import…): a reseller's CSV or XLSX of locations to port,
// previewed as the cases it would create (and the rows it cannot use, with why) before anything is
// written. Merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { CaseInputSchema } from '../domain';
import { IMPORT_FIELDS } from '../import/fields';

const fileRef = z
  .object({
    path: z.string().min(1).max(4096).optional(),
    uploadId: z.string().min(1).max(64).optional(),
    /** Per column (in order): the field it holds, or null to ignore it. Absent: the desk's guess. */
    mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(200).optional(),
  })
  .refine((a) => !!a.path !== !!a.uploadId, { message: 'give exactly one of path or uploadId' });

export const ImportPlanSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-16le', 'windows-1252']).nullable(),
  headers: z.array(z.string()),
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
  remembered: z.boolean(),
  rowCount: z.number().int(),
  cases: z.array(z.object({ key: z.string(), rows: z.array(z.number().int()), input: CaseInputSchema })),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string() })),
});
export type ImportPlanView = z.infer<typeof ImportPlanSchema>;

export const importChannels = {
  'import:preview': channel(
    fileRef,
    ImportPlanSchema,
    'Read a request spreadsheet (CSV or XLSX) into the cases it would create and the rows it cannot use; writes nothing.',
  ),
  'import:commit': channel(
    fileRef,
    ImportPlanSchema.extend({ created: z.array(z.number().int()) }),
    'Create the cases a request spreadsheet asks for, in one transaction, and remember its column mapping.',
  ),
};
