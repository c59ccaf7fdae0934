import { lazy, Suspense, useEffect } from 'react';
import { useRouter, hrefFor, type Route } from './state/router';
import { Toasts } from './components/Toasts';
import { DeskHome } from './features/home/DeskHome';
import { CaseList } from './features/cases/CaseList';
import { NewCasePage } from './features/cases/NewCasePage';
import { CasePage } from './features/cases/CasePage';
import { GlobalDrop } from './features/intake/GlobalDrop';
import { SignInPage } from './features/team/SignInPage';
import { useSession } from './state/session';

const SettingsPage = lazy(() => import('./features/settings/SettingsPage'));

const NAV: { label: string; route: Route; match: Route['name'][] }[] = [
  { label: 'Desk', route: { name: 'home' }, match: ['home'] },
  { label: 'Cases', route: { name: 'list' }, match: ['list', 'case'] },
  { label: 'New case', route: { name: 'new' }, match: ['new'] },
  { label: 'Settings', route: { name: 'settings' }, match: ['settings'] },
];

function screenTitle(r: Route): string {
  switch (r.name) {
    case 'home':
      return 'Desk';
    case 'list':
      return 'Cases';
    case 'new':
      return 'New case';
    case 'case':
      return `Case ${r.id}`;
    case 'settings':
      return 'Settings';
  }
}

export function App() {
  const route = useRouter((s) => s.route);
  const session = useSession((s) => s.state);
  const load = useSession((s) => s.load);
  const signOut = useSession((s) => s.signOut);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title =
      session.status === 'signed-out' ? 'Sign in · Porting Desk' : `${screenTitle(route)} · Porting Desk`;
  }, [route, session.status]);

  if (session.status === 'loading')
    return (
      <p className="muted" style={{ padding: 24 }}>
        Opening the desk…
      </p>
    );
  if (session.status === 'signed-out') return <SignInPage reason={session.reason} />;
  const user = session.status === 'signed-in' ? session.user : null;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand" aria-hidden="true">
          <span className="brand-mark">PD</span> Porting Desk
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {NAV.map((n) => (
              <li key={n.label}>
                <a href={hrefFor(n.route)} aria-current={n.match.includes(route.name) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {user && (
          <div className="whoami">
            <span>
              {user.name} <span className="role">({user.role === 'lead' ? 'lead' : 'agent'})</span>
            </span>
            <button type="button" className="btn btn-small" onClick={() => void signOut()}>
              Sign out
            </button>
            {window.deskShell && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void window.deskShell!.usePersonalDesk()}
              >
                Use my personal desk
              </button>
            )}
          </div>
        )}
      </header>
      <GlobalDrop>
        <main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            {route.name === 'home' && <DeskHome />}
            {route.name === 'list' && <CaseList />}
            {route.name === 'new' && <NewCasePage key={route.fromJob ?? 'blank'} fromJob={route.fromJob} />}
            {route.name === 'case' && <CasePage key={route.id} id={route.id} tab={route.tab} />}
            {route.name === 'settings' && <SettingsPage />}
          </Suspense>
        </main>
      </GlobalDrop>
      <Toasts />
    </div>
  );
}
