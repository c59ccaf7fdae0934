// Channels of the settings domain. Owned by the settings work; merged into shared/contract.ts.
import { z } from 'zod';
import { channel } from './define';
import { SettingsPatchSchema, SettingsSchema } from '../settings';

export const settingsChannels = {
  'settings:get': channel(
    z.object({}).default({}),
    SettingsSchema,
    'The desk settings (the SMTP password is never returned).',
  ),
  'settings:set': channel(
    SettingsPatchSchema,
    SettingsSchema,
    'Change some settings; the SMTP password is stored encrypted (string sets, null clears, absent keeps).',
  ),
  'settings:testSmtp': channel(
    z.object({}).default({}),
    z.object({ ok: z.boolean(), message: z.string() }),
    'Connect and authenticate to the configured SMTP server without sending anything.',
  ),
  'data:info': channel(
    z.object({}).default({}),
    z.object({
      dataDir: z.string(),
      /** sqlite: this machine's file; postgres: a desk shared by a team (backed up with pg_dump). */
      backend: z.enum(['sqlite', 'postgres']),
      /** Where the cases are: the file, or the database URL without its password. */
      location: z.string(),
      dbBytes: z.number().int(),
      backups: z.array(
        z.object({ file: z.string(), at: z.string(), bytes: z.number().int(), downloadId: z.string() }),
      ),
    }),
    'Where the desk keeps its data, and the backups in its backups folder (newest first).',
  ),
  'data:backup': channel(
    z.object({}).default({}),
    z.object({ file: z.string(), at: z.string(), bytes: z.number().int(), downloadId: z.string() }),
    "Take a backup of the case store now, into the data folder's backups (kept with the daily ones).",
  ),
  'data:restore': channel(
    z.object({ downloadId: z.string().min(1).max(64) }),
    z.object({ cases: z.number().int(), keptAs: z.string() }),
    'Replace the case store with one of the backups listed by data:info; the current store is kept beside them first.',
  ),
} as const;
