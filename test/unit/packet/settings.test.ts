import { describe, it, expect } from 'vitest';
import {
  SettingsPatchSchema,
  SettingsSchema,
  defaultSettings,
  mergeSettings,
} from '../../../shared/settings';

describe('settings schema', () => {
  it('defaults are complete and valid', () => {
    const s = defaultSettings();
    expect(SettingsSchema.parse(s)).toEqual(s);
    expect(s.email.smtp).toEqual({
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      from: '',
      hasPassword: false,
    });
    expect(s.theme).toBe('system');
    expect(s.backups.keep).toBe(7);
  });

  it('a patch changes only what it names (no defaults sneak in)', () => {
    const base = mergeSettings(defaultSettings(), {
      deskProfile: { companyName: 'Northwind' },
      email: { portingInbox: 'lnp@x.example', smtp: { host: 'smtp.x.example', port: 2525 } },
    });
    const patch = SettingsPatchSchema.parse({ email: { smtp: { port: 465, security: 'tls' } } });
    const next = mergeSettings(base, patch);
    expect(next.email.smtp.host).toBe('smtp.x.example');
    expect(next.email.smtp.port).toBe(465);
    expect(next.email.portingInbox).toBe('lnp@x.example');
    expect(next.deskProfile.companyName).toBe('Northwind');
  });

  it('the password never lands in the settings object', () => {
    const next = mergeSettings(
      defaultSettings(),
      SettingsPatchSchema.parse({ email: { smtp: { password: 's3cret' } } }),
    );
    expect(JSON.stringify(next)).not.toContain('s3cret');
  });

  it('refuses bad values with the field named', () => {
    const r = SettingsPatchSchema.safeParse({
      deskProfile: { logo: 'data:image/gif;base64,AAAA', email: 'nope' },
      email: { smtp: { port: 70000 } },
      theme: 'neon',
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['deskProfile.email', 'deskProfile.logo', 'email.smtp.port', 'theme']);
  });
});
