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
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
}

export async function readSettings(store: SettingsBackend): Promise<Settings> {
  const [raw, password] = await Promise.all([
    store.getSetting(SETTINGS_KEY),
    store.getSetting(SMTP_PASSWORD_KEY),
  ]);
  // A value written by an older version may lack sections or hold a bad field: fall back per
  // section rather than losing the whole profile.
  const parsed = SettingsSchema.safeParse(raw ?? {});
  const s = parsed.success ? parsed.data : salvage(raw);
  s.email.smtp.hasPassword = typeof password === 'string';
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

export async function writeSettings(
  store: SettingsBackend,
  secrets: SecretBox,
  patch: SettingsPatch,
): Promise<Settings> {
  const next = mergeSettings(await readSettings(store), patch);
  const password = patch.email?.smtp?.password;
  if (typeof password === 'string' && password.length > 0)
    await store.setSetting(SMTP_PASSWORD_KEY, secrets.encrypt(password));
  else if (password === null || password === '') await store.setSetting(SMTP_PASSWORD_KEY, null);
  const { hasPassword: _omit, ...smtp } = next.email.smtp;
  await store.setSetting(SETTINGS_KEY, { ...next, email: { ...next.email, smtp } });
  return readSettings(store);
}

export async function smtpPassword(store: SettingsBackend, secrets: SecretBox): Promise<string | null> {
  const c = await store.getSetting(SMTP_PASSWORD_KEY);
  return typeof c === 'string' ? secrets.decrypt(c) : null;
}
