// Desk settings: one zod schema, stored by the store as a JSON value per key. The SMTP
// password is write-only: it is stored encrypted by main and never returned to a caller in clear.
import { z } from 'zod';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
const email = z.union([z.literal(''), z.string().trim().email({ message: 'is not a valid email address' })]);

/** A logo for the letterhead; only PNG and JPEG embed in a PDF without conversion. */
export const logoDataUrl = z
  .string()
  .max(2_000_000, { message: 'logo must be under 1.5 MB' })
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, {
    message: 'logo must be a PNG or JPEG data URL',
  });

export const DeskProfileSchema = z.object({
  companyName: text(120).default(''),
  addressLines: z.array(text(120)).max(4, { message: 'at most 4 address lines' }).default([]),
  phone: text(30).default(''),
  email: email.default(''),
  logo: logoDataUrl.nullable().default(null),
});
export type DeskProfile = z.infer<typeof DeskProfileSchema>;

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;

/** What the desk stores and returns: the password is never part of it, only whether one is set. */
export const SmtpSettingsSchema = z.object({
  host: text(253).default(''),
  port: z.number().int().min(1).max(65535).default(587),
  /** starttls: plain connect then upgrade (587); tls: TLS from the start (465); none: local relays only. */
  security: z.enum(SMTP_SECURITY).default('starttls'),
  user: text(200).default(''),
  from: email.default(''),
  hasPassword: z.boolean().default(false),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

export const EmailSettingsSchema = z.object({
  portingInbox: email.default(''),
  smtp: SmtpSettingsSchema.default(SmtpSettingsSchema.parse({})),
});

export const THEMES = ['light', 'dark', 'system'] as const;

export const SettingsSchema = z.object({
  deskProfile: DeskProfileSchema.default(DeskProfileSchema.parse({})),
  email: EmailSettingsSchema.default(EmailSettingsSchema.parse({})),
  theme: z.enum(THEMES).default('system'),
  backups: z.object({ keep: z.number().int().min(1).max(365).default(7) }).default({ keep: 7 }),
  /** A team desk: an agent's session ends after this long without a request. */
  team: z.object({ idleMinutes: z.number().int().min(5).max(720).default(60) }).default({ idleMinutes: 60 }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const defaultSettings = (): Settings => SettingsSchema.parse({});

/**
 * A settings change. Every section is optional (only what is given changes). The SMTP password:
 * a string sets it, null clears it, absent keeps the stored one.
 */
// Patch schemas repeat the field rules without defaults: a zod default inside .partial() would
// still fill absent fields, silently resetting what the caller did not mention.
export const SettingsPatchSchema = z.object({
  deskProfile: z
    .object({
      companyName: text(120),
      addressLines: z.array(text(120)).max(4, { message: 'at most 4 address lines' }),
      phone: text(30),
      email,
      logo: logoDataUrl.nullable(),
    })
    .partial()
    .optional(),
  email: z
    .object({
      portingInbox: email.optional(),
      smtp: z
        .object({
          host: text(253),
          port: z.number().int().min(1).max(65535),
          security: z.enum(SMTP_SECURITY),
          user: text(200),
          from: email,
          password: z.string().max(500).nullable(),
        })
        .partial()
        .optional(),
    })
    .optional(),
  theme: z.enum(THEMES).optional(),
  backups: z.object({ keep: z.number().int().min(1).max(365) }).optional(),
  team: z.object({ idleMinutes: z.number().int().min(5).max(720) }).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Applies a patch (password excluded: main handles it) and returns the new settings. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const smtpPatch = { ...(patch.email?.smtp ?? {}) };
  delete smtpPatch.password;
  const next = {
    deskProfile: { ...current.deskProfile, ...(patch.deskProfile ?? {}) },
    email: {
      portingInbox: patch.email?.portingInbox ?? current.email.portingInbox,
      smtp: { ...current.email.smtp, ...smtpPatch },
    },
    theme: patch.theme ?? current.theme,
    backups: patch.backups ?? current.backups,
    team: patch.team ?? current.team,
  };
  return SettingsSchema.parse(next);
}
