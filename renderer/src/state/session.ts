// Who is at the desk. A personal desk has no accounts; on a team desk the page asks the host
// whether a session is open, shows the sign-in page until one is, and comes back to it when a
// call says the session ended (idle timeout, signed out elsewhere, account disabled).
import { create } from 'zustand';
import type { DeskUser } from '../../../shared/contract';
import { call, onUnauthorized, teamAuth } from '../desk/client';

export type SessionState =
  | { status: 'loading' }
  | { status: 'personal' }
  | { status: 'signed-out'; reason?: string }
  | { status: 'signed-in'; user: DeskUser; directory: DeskUser[] };

interface SessionStore {
  state: SessionState;
  load: () => Promise<void>;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

async function signedIn(user: DeskUser): Promise<SessionState> {
  const directory = await call('users:directory', {}).catch(() => [] as DeskUser[]);
  return { status: 'signed-in', user, directory };
}

export const useSession = create<SessionStore>((set) => ({
  state: { status: 'loading' },
  async load() {
    const auth = teamAuth();
    const s = auth ? await auth.teamSession().catch(() => null) : null;
    if (!s) return set({ state: { status: 'personal' } });
    set({ state: s.user ? await signedIn(s.user) : { status: 'signed-out' } });
  },
  async signIn(email, password) {
    const user = await teamAuth()!.signIn(email, password);
    set({ state: await signedIn(user) });
  },
  async signOut() {
    await teamAuth()?.signOut();
    set({ state: { status: 'signed-out', reason: 'You are signed out.' } });
  },
}));

const NOBODY: readonly DeskUser[] = [];

/**
 * The desk's active agents (empty on a personal desk). One constant for "none": a selector that
 * returned a fresh [] would look like a change on every render and loop React.
 */
export const useDirectory = (): readonly DeskUser[] =>
  useSession((s) => (s.state.status === 'signed-in' ? s.state.directory : NOBODY));

/** The signed-in agent, or null on a personal desk (and while signed out). */
export const useMe = (): DeskUser | null =>
  useSession((s) => (s.state.status === 'signed-in' ? s.state.user : null));

/** A display name for an actor or assignee email (the timeline, the list). */
export function useNameOf(): (email: string | null | undefined) => string {
  const dir = useSession((s) => (s.state.status === 'signed-in' ? s.state.directory : null));
  return (email) => {
    if (!email) return '';
    return dir?.find((u) => u.email.toLowerCase() === email.toLowerCase())?.name ?? email;
  };
}

// A call answered "sign in first" on a team desk: the session is gone, show the sign-in page.
onUnauthorized(() => {
  const { state } = useSession.getState();
  if (state.status === 'signed-in')
    useSession.setState({
      state: { status: 'signed-out', reason: 'Your session has ended; sign in again.' },
    });
});
