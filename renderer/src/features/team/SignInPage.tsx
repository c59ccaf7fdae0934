import { useId, useState, type FormEvent } from 'react';
import { asDeskError } from '../../desk/client';
import { useSession } from '../../state/session';

/** A team desk's front door: email and password, and what went wrong in one sentence. */
export function SignInPage({ reason }: { reason?: string | undefined }) {
  const id = useId();
  const signIn = useSession((s) => s.signIn);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(asDeskError(err).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="signin">
      <form className="card signin-card" onSubmit={(ev) => void submit(ev)} aria-labelledby={`${id}-h`}>
        <div className="brand signin-brand" aria-hidden="true">
          <span className="brand-mark">PD</span> Porting Desk
        </div>
        <h1 id={`${id}-h`}>Sign in to the desk</h1>
        {reason && !error && <p className="banner banner-info">{reason}</p>}
        {error && (
          <p className="banner banner-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pw`}>Password</label>
          <input
            id={`${id}-pw`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="btn btn-primary signin-submit"
          disabled={busy || !email || !password}
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          Accounts are made by a lead of the desk. Forgot your password? Ask a lead to reset it.
        </p>
        {window.deskShell && (
          <button type="button" className="btn" onClick={() => void window.deskShell!.usePersonalDesk()}>
            Use my personal desk
          </button>
        )}
      </form>
    </main>
  );
}
