// The team host's door: agents sign in with an email and a password and carry a session cookie;
// what a lead alone may do is refused to an agent here, whatever the page shows; and who has
// which case open is shared with everyone. The request rules (cookie, Host, Origin) are pure
// functions, unit-tested without a server.
import type { IncomingMessage } from 'node:http';
import type { DeskEvent, DeskHandlers, DeskUser } from '../../shared/contract';
import type { Args, Channel } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { Accounts } from '../desk/team/accounts';
import { cookieValues } from './auth';

export const SESSION_COOKIE = 'desk_session';

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
}
export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}
/** The session token the browser sent (the last one wins: a stale cookie from another path is ignored). */
export function sessionToken(req: Pick<IncomingMessage, 'headers'>): string | null {
  const all = cookieValues(req.headers.cookie, SESSION_COOKIE);
  return all.length ? all[all.length - 1]! : null;
}

export interface TeamAddress {
  scheme: 'http' | 'https';
  port: number;
  /** Host names and addresses agents use to reach the host (Host header without the port). */
  names: readonly string[];
}

/** Host headers this host answers to: anything else is DNS rebinding or a misrouted proxy. */
export function teamHosts(a: TeamAddress): Set<string> {
  const out = new Set<string>();
  for (const n of a.names) {
    const name = n.toLowerCase();
    const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
    out.add(`${host}:${a.port}`);
    if ((a.scheme === 'https' && a.port === 443) || (a.scheme === 'http' && a.port === 80)) out.add(host);
  }
  return out;
}

export function teamOrigins(a: TeamAddress): Set<string> {
  return new Set([...teamHosts(a)].map((h) => `${a.scheme}://${h}`));
}

/**
 * A state-changing request must come from the desk's own pages: the session is a cookie, so a
 * form on another site would otherwise carry it (CSRF). Browsers always send Origin on POST.
 */
export function teamOriginProblem(origin: string | undefined, origins: Set<string>): string | null {
  if (origin === undefined) return 'Origin header required';
  return origins.has(origin.toLowerCase()) ? null : 'cross-origin request refused';
}

/** Channels only a lead may call. An agent's call is refused with FORBIDDEN, whatever the UI shows. */
const LEAD_ONLY = new Set<Channel>([
  'users:list',
  'users:add',
  'users:disable',
  'users:enable',
  'users:resetPassword',
  'settings:testSmtp',
  'data:backup',
  'data:restore',
  // what the desk learned serves every agent; any agent teaches it by correcting a bill
  'learn:forget',
  // the porting inbox is the desk's: which of the server's folders it reads is a lead's choice
  'inbox:setFolder',
]);

/**
 * Arguments that name a file or folder on the server itself. On the personal desk the agent owns
 * the machine; on a team desk a remote agent naming `/etc/passwd` as a bill, an email or a
 * spreadsheet to preview would read the server's files, and an export folder would write to
 * its disk. Files reach a team desk as uploads and leave it as downloads.
 */
const SERVER_PATH_ARGS = ['path', 'outDir'] as const;

export function forbidden(
  channel: Channel,
  args: unknown,
  user: DeskUser,
  /** The one exception: a file of the watched folder waiting in the Inbox, which the desk listed. */
  inInbox: (file: string) => boolean = () => false,
): string | null {
  const a = args && typeof args === 'object' ? (args as Record<string, unknown>) : {};
  const inboxFile = typeof a.path === 'string' && a.outDir === undefined && inInbox(a.path);
  if (!inboxFile && SERVER_PATH_ARGS.some((k) => a[k] !== undefined))
    return "On a team desk, files come as uploads and leave as downloads: the server's own files are not reachable by path.";
  // Opening a file on the server's screen helps no one at another desk.
  if (channel === 'packet:openFile') return 'Opening a file is for the desktop app; download it instead.';
  if (user.role === 'lead') return null;
  if (LEAD_ONLY.has(channel)) return 'Only a lead of the desk can do this.';
  if (channel === 'settings:set') {
    // Letterhead, email and the desk's rules are a lead's; an agent may only pick a theme.
    const keys = Object.keys(args ?? {});
    if (keys.some((k) => k !== 'theme')) return "Only a lead can change the desk's settings.";
  }
  return null;
}

/** Who has which case open. In memory: presence is about this second, and lost on restart is fine. */
export function createPresence(broadcast: (e: DeskEvent) => void, ttlMs = 40_000) {
  const byCase = new Map<number, Map<string, { name: string; at: number }>>();
  const viewers = (caseId: number) =>
    [...(byCase.get(caseId) ?? new Map<string, { name: string; at: number }>()).entries()]
      .map(([email, v]) => ({ email, name: v.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const announce = (caseId: number) => broadcast({ type: 'presence', caseId, viewers: viewers(caseId) });
  const leave = (email: string, except?: number) => {
    for (const [caseId, m] of byCase) {
      if (caseId === except || !m.delete(email)) continue;
      if (!m.size) byCase.delete(caseId);
      announce(caseId);
    }
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [caseId, m] of byCase) {
      let gone = false;
      for (const [email, v] of m)
        if (now - v.at > ttlMs) {
          m.delete(email);
          gone = true;
        }
      if (!m.size) byCase.delete(caseId);
      if (gone) announce(caseId);
    }
  }, 5_000);
  sweep.unref();
  return {
    set(user: DeskUser, caseId: number | null) {
      leave(user.email, caseId ?? undefined);
      if (caseId === null) return;
      let m = byCase.get(caseId);
      if (!m) byCase.set(caseId, (m = new Map()));
      const isNew = !m.has(user.email);
      m.set(user.email, { name: user.name, at: Date.now() });
      if (isNew) announce(caseId);
    },
    viewers,
    /** A signed-out or disconnected agent leaves every case at once. */
    leave: (email: string) => leave(email),
    close: () => clearInterval(sweep),
  };
}

/** The team channels for signed-in agents, over the desk's accounts. */
export function teamHandlers(
  accounts: Accounts,
  presence: ReturnType<typeof createPresence>,
): Pick<
  DeskHandlers,
  | 'session:me'
  | 'users:directory'
  | 'users:list'
  | 'users:add'
  | 'users:disable'
  | 'users:enable'
  | 'users:resetPassword'
  | 'presence:set'
> {
  const me = (ctx: { user?: DeskUser }): DeskUser => {
    if (!ctx.user) throw new DeskError('UNAUTHORIZED', 'Sign in first.');
    return ctx.user;
  };
  const pub = <T extends DeskUser>(a: T) => a;
  return {
    'session:me': (_a, ctx) => {
      const u = me(ctx);
      return { team: true, user: { email: u.email, name: u.name, role: u.role } };
    },
    'users:directory': () => accounts.directory(),
    'users:list': () => accounts.list(),
    'users:add': (a: Args<'users:add'>) => accounts.add(a).then(pub),
    'users:disable': ({ email }, ctx) => {
      if (email.toLowerCase() === me(ctx).email.toLowerCase())
        throw new DeskError('BAD_ARGUMENT', 'You cannot disable your own account; ask another lead.');
      return accounts.disable(email);
    },
    'users:enable': ({ email }) => accounts.enable(email),
    'users:resetPassword': ({ email, password }) => accounts.resetPassword(email, password),
    'presence:set': ({ caseId }, ctx) => {
      presence.set(me(ctx), caseId);
      return { ok: true as const, viewers: caseId === null ? [] : presence.viewers(caseId) };
    },
  };
}
