import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/contract';
import { formatStamp } from '../../components/format';
import { asDeskError, call } from '../../desk/client';
import { useMe } from '../../state/session';
import { toast } from '../../state/toasts';

type Account = Result<'users:list'>[number];

/** A lead's page for the desk's accounts and its session timeout. Agents never see it (and the host refuses them). */
export function TeamSettings({ idleMinutes, onIdleSaved }: { idleMinutes: number; onIdleSaved: () => void }) {
  const id = useId();
  const me = useMe();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ email: '', name: '', role: 'agent' as 'agent' | 'lead', password: '' });
  const [idle, setIdle] = useState(String(idleMinutes));
  // When the list was loaded: "locked until" is judged against it, not re-read at every render.
  const [loadedAt, setLoadedAt] = useState(0);
  const reload = useCallback(() => {
    call('users:list', {}).then(
      (list) => {
        setAccounts(list);
        setLoadedAt(Date.now());
      },
      (err: unknown) => toast.error(asDeskError(err).message),
    );
  }, []);
  useEffect(reload, [reload]);
  if (!me || me.role !== 'lead') return null;

  const act = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      toast.success(done);
      reload();
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const add = (ev: FormEvent) => {
    ev.preventDefault();
    void act(async () => {
      await call('users:add', form);
      setForm({ email: '', name: '', role: 'agent', password: '' });
    }, `Added ${form.name}. Give them their password in person or by phone, not by email.`);
  };
  const reset = (a: Account) => {
    const password = window.prompt(`New password for ${a.name} (at least 10 characters):`);
    if (password)
      void act(
        () => call('users:resetPassword', { email: a.email, password }),
        `New password set for ${a.name}.`,
      );
  };

  return (
    <section className="card" aria-labelledby={`${id}-team`} style={{ marginTop: 16 }}>
      <h2 id={`${id}-team`}>Team</h2>
      <p className="muted">
        Everyone who works this desk. Leads manage accounts and the desk&apos;s settings; agents work cases.
      </p>
      {accounts && (
        <table className="data" aria-label="Accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => {
              const locked = a.lockedUntil && Date.parse(a.lockedUntil) > loadedAt;
              return (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{a.email}</td>
                  <td>{a.role === 'lead' ? 'Lead' : 'Agent'}</td>
                  <td>
                    {a.disabled
                      ? 'Disabled'
                      : locked
                        ? `Locked until ${formatStamp(a.lockedUntil)}`
                        : 'Active'}
                  </td>
                  <td className="btn-row">
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => reset(a)}>
                      Reset password…
                    </button>
                    {a.email !== me.email &&
                      (a.disabled ? (
                        <button
                          type="button"
                          className="btn btn-small"
                          disabled={busy}
                          onClick={() =>
                            void act(
                              () => call('users:enable', { email: a.email }),
                              `${a.name} can sign in again.`,
                            )
                          }
                        >
                          Enable
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          disabled={busy}
                          onClick={() =>
                            void act(
                              () => call('users:disable', { email: a.email }),
                              `${a.name} is disabled and signed out.`,
                            )
                          }
                        >
                          Disable
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="team-add" onSubmit={add} aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>Add an account</h3>
        <div className="grid-4">
          <div className="field">
            <label htmlFor={`${id}-name`}>Full name</label>
            <input
              id={`${id}-name`}
              type="text"
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>Email</label>
            <input
              id={`${id}-email`}
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select
              id={`${id}-role`}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as 'agent' | 'lead' })}
            >
              <option value="agent">Agent</option>
              <option value="lead">Lead</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-pw`}>First password</label>
            <input
              id={`${id}-pw`}
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Add account
        </button>
      </form>
      <div className="field" style={{ marginTop: 16, maxWidth: 320 }}>
        <label htmlFor={`${id}-idle`}>Sign agents out after this many idle minutes</label>
        <div className="btn-row">
          <input
            id={`${id}-idle`}
            type="number"
            min={5}
            max={720}
            value={idle}
            onChange={(e) => setIdle(e.target.value)}
            style={{ width: 100 }}
          />
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await call('settings:set', { team: { idleMinutes: Number(idle) } });
                onIdleSaved();
              }, 'Idle timeout saved.')
            }
          >
            Save
          </button>
        </div>
      </div>
    </section>
  );
}
