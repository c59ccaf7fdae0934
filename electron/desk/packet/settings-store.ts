// Settings live in the store as one JSON value; the SMTP password is kept apart, encrypted with
// the desk's SecretBox, and never leaves main in clear (settings:get reports only hasPassword).
import {
  SettingsSchema,
  defaultSettings,
  mergeSettings,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings';
import type { SecretBox } from '../secrets';

export const SETTINGS_KEY = 'settings';
export const SMTP_PASSWORD_KEY = 'smtp.password';

export interface SettingsBackend {
  getSetting(key: string): unknown;
  setSetting(key: string, value: unknown): void;
}

export function readSettings(store: SettingsBackend): Settings {
  const raw = store.getSetting(SETTINGS_KEY);
  // A value written by an older version may lack sections or hold a bad field: fall back per
  // section rather than losing the whole profile.
  const parsed = SettingsSchema.safeParse(raw ?? {});
  const s = parsed.success ? parsed.data : salvage(raw);
  s.email.smtp.hasPassword = typeof store.getSetting(SMTP_PASSWORD_KEY) === 'string';
  return s;
}

function salvage(raw: unknown): Settings {
  const base = defaultSettings();
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base) as (keyof Settings)[]) {
    const one = SettingsSchema.shape[key].safeParse(r[key]);
    if (one.success) out[key] = one.data;
  }
  return SettingsSchema.parse(out);
}

export function writeSettings(store: SettingsBackend, secrets: SecretBox, patch: SettingsPatch): Settings {
  const next = mergeSettings(readSettings(store), patch);
  const password = patch.email?.smtp?.password;
  if (typeof password === 'string' && password.length > 0)
    store.setSetting(SMTP_PASSWORD_KEY, secrets.encrypt(password));
  else if (password === null || password === '') store.setSetting(SMTP_PASSWORD_KEY, null);
  const { hasPassword: _omit, ...smtp } = next.email.smtp;
  store.setSetting(SETTINGS_KEY, { ...next, email: { ...next.email, smtp } });
  return readSettings(store);
}

export function smtpPassword(store: SettingsBackend, secrets: SecretBox): string | null {
  const c = store.getSetting(SMTP_PASSWORD_KEY);
  return typeof c === 'string' ? secrets.decrypt(c) : null;
}
