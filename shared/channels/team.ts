import { z } from 'zod';
import { channel } from './define';

export const DeskUserSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(['agent', 'lead']),
});

export const AccountSchema = DeskUserSchema.extend({
  id: z.number().int(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

const email = z.string().trim().email({ message: 'is not a valid email address' }).max(320);
const password = z.string().min(1).max(200);

// A team desk's accounts and presence. On a personal desk, session:me says so and the rest refuse.
export const teamChannels = {
  'session:me': channel(
    z.object({}).default({}),
    z.object({ team: z.boolean(), user: DeskUserSchema.nullable() }),
    'Whether this is a team desk, and who is signed in.',
  ),
  'users:directory': channel(
    z.object({}).default({}),
    z.array(DeskUserSchema),
    "The desk's active agents: names for the assignee pickers and the timeline.",
  ),
  'users:list': channel(z.object({}).default({}), z.array(AccountSchema), 'Every account (a lead only).'),
  'users:add': channel(
    z.object({ email, name: z.string().trim().min(1).max(100), role: z.enum(['agent', 'lead']), password }),
    AccountSchema,
    'Add an agent or a lead (a lead only).',
  ),
  'users:disable': channel(
    z.object({ email }),
    AccountSchema,
    'Disable an account and end its sessions (a lead only).',
  ),
  'users:enable': channel(z.object({ email }), AccountSchema, 'Enable an account again (a lead only).'),
  'users:resetPassword': channel(
    z.object({ email, password }),
    AccountSchema,
    'Set a new password; unlocks the account and ends its sessions (a lead only).',
  ),
  'presence:set': channel(
    z.object({ caseId: z.number().int().positive().nullable() }),
    // The case's viewers now: a page just opened may not be listening to the event stream yet
    // when its own arrival is announced, and would not learn who was already there.
    z.object({ ok: z.literal(true), viewers: z.array(z.object({ email: z.string(), name: z.string() })) }),
    'Which case this agent has open (null: none); repeated while it stays open. Answers with who has it open.',
  ),
} as const;
