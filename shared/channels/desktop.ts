import { z } from 'zod';
import { channel } from './define';

const TeamDeskSchema = z.object({ origin: z.string(), fingerprint: z.string().nullable() });

// The desktop app joining a team desk (Electron only; the other doors say so).
export const desktopChannels = {
  'desktop:teamState': channel(
    z.object({}).default({}),
    z.object({ available: z.boolean(), joined: TeamDeskSchema.nullable() }),
    'Whether this desktop app can join a team desk, and the one it has joined.',
  ),
  'desktop:teamProbe': channel(
    z.object({ url: z.string().trim().min(1).max(300) }),
    z.object({
      origin: z.string(),
      fingerprint: z.string().nullable(),
      subject: z.string().nullable(),
      validTo: z.string().nullable(),
      trusted: z.boolean(),
    }),
    "Look at a team desk before trusting it: its certificate's fingerprint.",
  ),
  'desktop:teamJoin': channel(
    z.object({ origin: z.string().max(300), fingerprint: z.string().max(200).nullable() }),
    z.object({ ok: z.literal(true) }),
    'Trust that certificate and open the team desk in this window (sign in there).',
  ),
} as const;
