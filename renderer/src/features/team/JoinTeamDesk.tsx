import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Result } from '../../../../shared/contract';
import { asDeskError, call, hasChannel } from '../../desk/client';

type Probe = Result<'desktop:teamProbe'>;

/**
 * Settings → Team desk, in the desktop app: the team desk's address, then its certificate's
 * fingerprint to compare with the one the lead printed, then the desk itself in this window.
 */
export function JoinTeamDesk() {
  const id = useId();
  const [available, setAvailable] = useState(false);
  const [url, setUrl] = useState('');
  const [probe, setProbe] = useState<Probe | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!hasChannel('desktop:teamState')) return;
    call('desktop:teamState', {}).then(
      (s) => setAvailable(s.available),
      () => setAvailable(false),
    );
  }, []);
  if (!available) return null;

  const look = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    setProbe(null);
    try {
      setProbe(await call('desktop:teamProbe', { url }));
    } catch (err) {
      setError(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const join = async () => {
    if (!probe) return;
    setBusy(true);
    try {
      await call('desktop:teamJoin', { origin: probe.origin, fingerprint: probe.fingerprint });
    } catch (err) {
      setError(asDeskError(err).message);
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`} style={{ marginTop: 16 }}>
      <h2 id={`${id}-h`}>Team desk</h2>
      <p className="muted">
        Work on your team&apos;s shared desk instead of this computer&apos;s. Your personal desk stays here,
        offline, and you can come back to it at any time.
      </p>
      <form className="btn-row" onSubmit={(ev) => void look(ev)}>
        <div className="field grow">
          <label htmlFor={`${id}-url`}>Team desk address</label>
          <input
            id={`${id}-url`}
            type="text"
            placeholder="https://desk.office.lan:8443"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="btn" disabled={busy || !url.trim()}>
          Look it up
        </button>
      </form>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {probe && (
        <div className="banner banner-info">
          {probe.fingerprint ? (
            <>
              <p>
                {probe.origin} shows a certificate{probe.subject ? ` for “${probe.subject}”` : ''}
                {probe.trusted ? ', vouched for by an authority this computer trusts' : ''}. Its fingerprint
                is:
              </p>
              <p>
                <code className="fingerprint">{probe.fingerprint}</code>
              </p>
              <p>Compare it with the fingerprint your lead gave you. Connect only if they are the same.</p>
            </>
          ) : (
            <p>{probe.origin} is on this computer and needs no certificate.</p>
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void join()}>
            {probe.fingerprint ? 'They match: trust and connect' : 'Connect'}
          </button>
        </div>
      )}
    </section>
  );
}
