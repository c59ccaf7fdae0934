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
} as const;
