// Channels of the watched folder and its Inbox (Settings → Watched folder, desk home → Inbox).
// Merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';

export const InboxItemSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  size: z.number().int(),
  kind: z.enum(['bill', 'email']),
  seenAt: z.string(),
  status: z.enum(['waiting', 'reading', 'ready', 'failed']),
  summary: z.string().nullable(),
  error: z.string().nullable(),
  caseId: z.number().int().nullable(),
  dismissed: z.boolean(),
});
export type InboxItemView = z.infer<typeof InboxItemSchema>;

export const InboxStateSchema = z.object({
  folder: z.string().nullable(),
  watching: z.boolean(),
  problem: z.string().nullable(),
  items: z.array(InboxItemSchema),
});

const id = z.string().regex(/^[0-9a-f]{64}$/, { message: 'is not an inbox item id' });

export const inboxChannels = {
  'inbox:list': channel(
    z.object({}).default({}),
    InboxStateSchema,
    'The watched folder and the files read from it that wait for an agent.',
  ),
  'inbox:setFolder': channel(
    z.object({ folder: z.string().max(4096).nullable() }),
    InboxStateSchema,
    'Watch this folder (on this machine) for bills and emails, or stop watching (null). Files are never moved or deleted.',
  ),
  'inbox:done': channel(
    z.object({ id, caseId: z.number().int().positive().nullable() }),
    InboxStateSchema,
    'Take a file off the Inbox: it became (or joined) case `caseId`, or, with null, the agent dismissed it.',
  ),
};
