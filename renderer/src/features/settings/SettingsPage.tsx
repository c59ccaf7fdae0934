import { WatchedFolderSection } from '../inbox/InboxCard';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { SMTP_SECURITY, THEMES, type Settings } from '../../../../shared/settings';
import { Field } from '../../components/Field';
import { formatBytes, formatStamp } from '../../components/format';
import { asDeskError, call, door, hasChannel } from '../../desk/client';
import { toast } from '../../state/toasts';
import { useTheme, type Theme } from '../../state/theme';
import { useMe } from '../../state/session';
import { TeamSettings } from '../team/TeamSettings';
import { JoinTeamDesk } from '../team/JoinTeamDesk';
import { LearnedCarriers } from './LearnedCarriers';

const FormSchema = z.object({
  companyName: z.string().trim().max(120, { message: 'must be at most 120 characters' }),
  address: z.string().max(500),
  phone: z.string().trim().max(30),
  deskEmail: z.union([z.literal(''), z.string().trim().email({ message: 'is not a valid email address' })]),
  portingInbox: z.union([
    z.literal(''),
    z.string().trim().email({ message: 'is not a valid email address' }),
  ]),
  smtpHost: z.string().trim().max(253),
  smtpPort: z.coerce
    .number<number>()
    .int()
    .min(1, { message: 'must be 1–65535' })
    .max(65535, { message: 'must be 1–65535' }),
  smtpSecurity: z.enum(SMTP_SECURITY),
  smtpUser: z.string().trim().max(200),
  smtpFrom: z.union([z.literal(''), z.string().trim().email({ message: 'is not a valid email address' })]),
  smtpPassword: z.string().max(500),
});
type FormValues = z.infer<typeof FormSchema>;

function toForm(s: Settings): FormValues {
  return {
    companyName: s.deskProfile.companyName,
    address: s.deskProfile.addressLines.join('\n'),
    phone: s.deskProfile.phone,
    deskEmail: s.deskProfile.email,
    portingInbox: s.email.portingInbox,
    smtpHost: s.email.smtp.host,
    smtpPort: s.email.smtp.port,
    smtpSecurity: s.email.smtp.security,
    smtpUser: s.email.smtp.user,
    smtpFrom: s.email.smtp.from,
    smtpPassword: '',
  };
}

export default function SettingsPage() {
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [testing, setTesting] = useState(false);
  const { theme, setTheme } = useTheme();
  const form = useForm<FormValues>({ resolver: zodResolver(FormSchema) });
  const { register, handleSubmit, reset, formState } = form;
  const e = formState.errors;
  const available = hasChannel('settings:get');
  const me = useMe();
  // On a team desk the letterhead, email and rules are a lead's (the host refuses an agent too).
  const readOnly = !!me && me.role !== 'lead';

  useEffect(() => {
    if (!available) return;
    call('settings:get', {})
      .then((s) => {
        setSettings(s);
        reset(toForm(s));
      })
      .catch((err: unknown) => setError(asDeskError(err).message));
  }, [available, reset]);

  const save = handleSubmit(async (v) => {
    try {
      const lines = v.address
        .split('\n')
        .map((l: string) => l.trim())
        .filter(Boolean);
      if (lines.length > 4) {
        form.setError('address', { message: 'at most 4 address lines' });
        return;
      }
      const next = await call('settings:set', {
        deskProfile: {
          companyName: v.companyName,
          addressLines: lines,
          phone: v.phone,
          email: v.deskEmail,
          ...(logo !== undefined ? { logo } : {}),
        },
        email: {
          portingInbox: v.portingInbox,
          smtp: {
            host: v.smtpHost,
            port: v.smtpPort,
            security: v.smtpSecurity,
            user: v.smtpUser,
            from: v.smtpFrom,
            ...(v.smtpPassword ? { password: v.smtpPassword } : {}),
          },
        },
      });
      setSettings(next);
      setLogo(undefined);
      reset(toForm(next));
      toast.success('Settings saved.');
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  });

  const chooseTheme = async (t: Theme) => {
    setTheme(t);
    if (hasChannel('settings:set')) {
      try {
        await call('settings:set', { theme: t });
      } catch {
        /* the local choice still applies */
      }
    }
  };

  const readLogo = (file: File | undefined) => {
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      toast.error('The logo must be a PNG or JPEG image.');
      return;
    }
    if (file.size > 1_400_000) {
      toast.error('The logo must be under 1.4 MB.');
      return;
    }
    const r = new FileReader();
    r.onload = () => setLogo(typeof r.result === 'string' ? r.result : null);
    r.readAsDataURL(file);
  };

  const testSmtp = async () => {
    setTesting(true);
    try {
      const r = await call('settings:testSmtp', {});
      (r.ok ? toast.success : toast.error)(r.message);
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setTesting(false);
    }
  };

  const shownLogo = logo === undefined ? settings?.deskProfile.logo : logo;

  return (
    <div className="settings-page">
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            The desk profile is printed on every LOA; email settings are used to send packets.
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby={`${id}-theme`} style={{ marginBottom: 16 }}>
        <h2 id={`${id}-theme`}>Appearance</h2>
        <div role="radiogroup" aria-labelledby={`${id}-theme`} className="btn-row">
          {THEMES.map((t) => (
            <label key={t} className="check">
              <input type="radio" name="theme" checked={theme === t} onChange={() => void chooseTheme(t)} />{' '}
              {t === 'system' ? 'Same as the system' : t === 'light' ? 'Light' : 'Dark'}
            </label>
          ))}
        </div>
      </section>
      {!available && <p className="banner banner-info">Desk settings are not available in this version.</p>}
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {readOnly && (
        <p className="banner banner-info">
          These are the desk&apos;s settings, shared by the whole team: only a lead can change them.
        </p>
      )}
      {settings && (
        <form onSubmit={(ev) => void save(ev)} noValidate>
          <fieldset disabled={readOnly} className="plain">
            <div className="grid-2">
              <fieldset>
                <legend>Desk profile (LOA letterhead)</legend>
                <Field label="Company name" reg={register('companyName')} error={e.companyName?.message} />
                <div className="field">
                  <label htmlFor={`${id}-addr`}>Address (up to 4 lines)</label>
                  <textarea
                    id={`${id}-addr`}
                    rows={3}
                    {...register('address')}
                    aria-invalid={e.address ? true : undefined}
                  />
                  {e.address && <span className="error-text">{e.address.message}</span>}
                </div>
                <div className="row">
                  <Field label="Phone" type="tel" reg={register('phone')} error={e.phone?.message} />
                  <Field
                    label="Email"
                    type="email"
                    reg={register('deskEmail')}
                    error={e.deskEmail?.message}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-logo`}>Logo (PNG or JPEG)</label>
                  <input
                    id={`${id}-logo`}
                    type="file"
                    accept="image/png,image/jpeg"
                    onChange={(ev) => readLogo(ev.target.files?.[0])}
                  />
                  {shownLogo && (
                    <div className="logo-preview">
                      <img src={shownLogo} alt="Current logo" />
                      <button type="button" className="btn btn-small" onClick={() => setLogo(null)}>
                        Remove logo
                      </button>
                    </div>
                  )}
                </div>
              </fieldset>
              <fieldset>
                <legend>Email</legend>
                <Field
                  label="Porting inbox (where packets go)"
                  type="email"
                  reg={register('portingInbox')}
                  error={e.portingInbox?.message}
                />
                <p className="hint">
                  SMTP is optional: without it, the packet's email draft (.eml) opens in or downloads to your
                  mail program.
                </p>
                <div className="row">
                  <Field
                    label="SMTP server"
                    reg={register('smtpHost')}
                    error={e.smtpHost?.message}
                    placeholder="smtp.example.com"
                  />
                  <Field label="Port" type="number" reg={register('smtpPort')} error={e.smtpPort?.message} />
                </div>
                <div className="row">
                  <div className="field">
                    <label htmlFor={`${id}-sec`}>Security</label>
                    <select id={`${id}-sec`} {...register('smtpSecurity')}>
                      <option value="starttls">STARTTLS (usually port 587)</option>
                      <option value="tls">TLS (usually port 465)</option>
                      <option value="none">None (local relay only)</option>
                    </select>
                  </div>
                  <Field
                    label="From address"
                    type="email"
                    reg={register('smtpFrom')}
                    error={e.smtpFrom?.message}
                  />
                </div>
                <div className="row">
                  <Field
                    label="User name"
                    reg={register('smtpUser')}
                    error={e.smtpUser?.message}
                    autoComplete="off"
                  />
                  <Field
                    label="Password"
                    type="password"
                    reg={register('smtpPassword')}
                    autoComplete="new-password"
                    hint={
                      settings.email.smtp.hasPassword
                        ? 'A password is stored (encrypted). Leave empty to keep it.'
                        : 'Stored encrypted; it is never shown again.'
                    }
                  />
                </div>
                {hasChannel('settings:testSmtp') && (
                  <button type="button" className="btn" onClick={() => void testSmtp()} disabled={testing}>
                    {testing ? 'Testing…' : 'Test the connection'}
                  </button>
                )}
              </fieldset>
            </div>
            {!readOnly && (
              <div className="btn-row">
                <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
                  Save settings
                </button>
              </div>
            )}
          </fieldset>
        </form>
      )}
      {settings && me?.role === 'lead' && (
        <TeamSettings
          idleMinutes={settings.team.idleMinutes}
          onIdleSaved={() => void call('settings:get', {}).then(setSettings)}
        />
      )}
      <JoinTeamDesk />
      <WatchedFolderSection />
      <DataSection />
      <LearnedCarriers canForget={!readOnly} />
    </div>
  );
}

type DataInfo = Awaited<ReturnType<typeof loadDataInfo>>;
const loadDataInfo = () => call('data:info', {});

function DataSection() {
  const id = useId();
  const [info, setInfo] = useState<DataInfo | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!hasChannel('data:info')) return;
    loadDataInfo().then(setInfo, (err: unknown) => toast.error(asDeskError(err).message));
  }, []);
  const backupNow = async () => {
    setBusy(true);
    try {
      const b = await call('data:backup', {});
      toast.success(`Backup taken (${formatBytes(b.bytes)}).`);
      setInfo(await loadDataInfo());
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const restore = async (b: DataInfo['backups'][number]) => {
    const when = formatStamp(b.at);
    if (
      !window.confirm(
        `Replace every case with the backup taken ${when}? The current cases are kept as a backup first.`,
      )
    )
      return;
    setBusy(true);
    try {
      const r = await call('data:restore', { downloadId: b.downloadId });
      toast.success(`Restored ${r.cases} case${r.cases === 1 ? '' : 's'} from ${when}.`);
      setInfo(await loadDataInfo());
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };
  if (info?.backend === 'postgres')
    return (
      <section className="card" aria-labelledby={`${id}-data`} style={{ marginTop: 16 }}>
        <h2 id={`${id}-data`}>Data and backups</h2>
        <p>
          This desk&apos;s cases, their history and their bills are kept in the team&apos;s PostgreSQL
          database, shared by every agent of the desk.
        </p>
        <dl className="kv">
          <dt>Team database</dt>
          <dd>
            <code>{info.location}</code> ({formatBytes(info.dbBytes)})
          </dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code> (this machine&apos;s key file and logs)
          </dd>
        </dl>
        <p className="muted small">
          Backups of a team desk are taken on its server with <code>pg_dump</code>, which holds cases and
          bills in one file; the PIN key file is kept apart from it. See the README, &quot;Team desk&quot;.
        </p>
      </section>
    );
  return (
    <section className="card" aria-labelledby={`${id}-data`} style={{ marginTop: 16 }}>
      <h2 id={`${id}-data`}>Data and backups</h2>
      <p>
        Cases, bills and settings live in the desk&apos;s data folder (set <code>PORTING_DESK_DATA</code> to
        move it). A backup is taken automatically once a day; the newest ones are kept.
      </p>
      {info && (
        <dl className="kv">
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code> ({formatBytes(info.dbBytes)} case store)
          </dd>
        </dl>
      )}
      <div className="btn-row" style={{ margin: '8px 0' }}>
        <button type="button" className="btn" disabled={busy || !info} onClick={() => void backupNow()}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {info && info.backups.length > 0 && (
        <table className="data" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Size</th>
              <th scope="col">File</th>
              <th scope="col">Restore</th>
            </tr>
          </thead>
          <tbody>
            {info.backups.map((b) => (
              <tr key={b.file}>
                <td>{formatStamp(b.at)}</td>
                <td>{formatBytes(b.bytes)}</td>
                <td>
                  {door() === 'browser' ? (
                    <a href={`/api/download/${encodeURIComponent(b.downloadId)}`} download>
                      Download
                    </a>
                  ) : (
                    <code className="small">{b.file}</code>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={busy}
                    onClick={() => void restore(b)}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {info && info.backups.length === 0 && <p className="muted">No backup yet.</p>}
      <p className="muted small">
        Restoring keeps the current cases as a backup first. A backup from another machine or an older version
        is restored with the desk closed: <code>npm run desk -- db restore &lt;file&gt;</code>.
      </p>
    </section>
  );
}
