// A team desk's agents and their sessions, in the desk's PostgreSQL (users and sessions tables,
// migration 3), so several team hosts behind one address share them. Sign-in is where the
// attacks are: a wrong password slows the next attempt down, ten lock the account for fifteen
// minutes (logged), an unknown email costs the same time as a wrong password, and a session is
// a random token of which the database keeps only the hash.
import crypto from 'node:crypto';
import type { DeskUser } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import type { Logger } from '../log';
import type { Pg } from '../store/postgres/connect';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';

export const ROLES = ['agent', 'lead'] as const;
export type Role = (typeof ROLES)[number];

export interface Account extends DeskUser {
  id: number;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

/** Failed sign-ins before an account locks, and for how long. */
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * 60 * 1000;
/** From the third failure on, each answer waits longer (250 ms, 500 ms, … up to 4 s). */
export const slowdownMs = (failures: number): number =>
  failures < 3 ? 0 : Math.min(250 * 2 ** (failures - 3), 4000);

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
}

const account = (r: UserRow): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: r.disabled,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export type SignInResult =
  | { ok: true; user: Account; token: string }
  | { ok: false; code: 'WRONG' | 'LOCKED' | 'DISABLED'; message: string };

export interface Accounts {
  add(input: { email: string; name: string; role: Role; password: string }): Promise<Account>;
  list(): Promise<Account[]>;
  /** Active agents' names for the UI (assignee pickers, the timeline). */
  directory(): Promise<DeskUser[]>;
  isActiveAgent(email: string): Promise<boolean>;
  disable(email: string): Promise<Account>;
  enable(email: string): Promise<Account>;
  /** Sets a new password, unlocks the account and ends its sessions. */
  resetPassword(email: string, password: string): Promise<Account>;
  signIn(email: string, password: string): Promise<SignInResult>;
  /** The session's agent, or null (unknown, idle past the timeout, or the agent disabled). */
  session(token: string, idleMs: number): Promise<Account | null>;
  signOut(token: string): Promise<void>;
}

export function createAccounts(pg: Pg, log: Logger): Accounts {
  const byEmail = async (email: string): Promise<UserRow | undefined> =>
    (await pg.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email.trim()])).rows[0];
  const mustFind = async (email: string): Promise<UserRow> => {
    const u = await byEmail(email);
    if (!u) throw new DeskError('NOT_FOUND', `No agent of this desk has the email ${email}.`);
    return u;
  };
  const checkPassword = (password: string) => {
    const problem = passwordProblem(password);
    if (problem) throw new DeskError('BAD_ARGUMENT', problem);
  };

  return {
    async add({ email, name, role, password }) {
      email = email.trim();
      name = name.trim();
      if (!EMAIL_RE.test(email)) throw new DeskError('BAD_ARGUMENT', `${email} is not an email address.`);
      if (!name) throw new DeskError('BAD_ARGUMENT', 'An agent needs a name (shown on the timeline).');
      if (!ROLES.includes(role))
        throw new DeskError('BAD_ARGUMENT', `The role must be agent or lead, not ${role}.`);
      checkPassword(password);
      const hash = await hashPassword(password);
      try {
        const r = await pg.query<UserRow>(
          `INSERT INTO users (email, name, role, password_hash, created_at, password_changed_at)
           VALUES ($1, $2, $3, $4, now(), now()) RETURNING *`,
          [email, name, role, hash],
        );
        log.info('users.add', { id: r.rows[0]!.id, role });
        return account(r.rows[0]!);
      } catch (err) {
        if ((err as { code?: string }).code === '23505')
          throw new DeskError('CONFLICT', `${email} already has an account on this desk.`);
        throw err;
      }
    },

    async list() {
      return (await pg.query<UserRow>('SELECT * FROM users ORDER BY lower(name), id')).rows.map(account);
    },

    async directory() {
      const r = await pg.query<UserRow>('SELECT * FROM users WHERE NOT disabled ORDER BY lower(name), id');
      return r.rows.map(({ email, name, role }) => ({ email, name, role }));
    },

    async isActiveAgent(email) {
      const u = await byEmail(email);
      return !!u && !u.disabled;
    },

    async disable(email) {
      const u = await mustFind(email);
      const r = await pg.tx(async (sql) => {
        await sql.query('DELETE FROM sessions WHERE user_id = $1', [u.id]);
        return sql.query<UserRow>('UPDATE users SET disabled = true WHERE id = $1 RETURNING *', [u.id]);
      });
      log.info('users.disable', { id: u.id });
      return account(r.rows[0]!);
    },

    async enable(email) {
      const u = await mustFind(email);
      const r = await pg.query<UserRow>('UPDATE users SET disabled = false WHERE id = $1 RETURNING *', [
        u.id,
      ]);
      return account(r.rows[0]!);
    },

    async resetPassword(email, password) {
      checkPassword(password);
      const u = await mustFind(email);
      const hash = await hashPassword(password);
      const r = await pg.tx(async (sql) => {
        await sql.query('DELETE FROM sessions WHERE user_id = $1', [u.id]);
        return sql.query<UserRow>(
          `UPDATE users SET password_hash = $1, failed_attempts = 0, locked_until = NULL, password_changed_at = now()
           WHERE id = $2 RETURNING *`,
          [hash, u.id],
        );
      });
      log.info('users.reset-password', { id: u.id });
      return account(r.rows[0]!);
    },

    async signIn(email, password) {
      const u = await byEmail(email);
      if (!u) {
        await verifyPassword(password, await dummyHash());
        return { ok: false, code: 'WRONG', message: 'Wrong email or password.' };
      }
      const now = Date.now();
      if (u.locked_until && Date.parse(u.locked_until) > now) {
        const until = new Date(u.locked_until).toLocaleTimeString('en-US', {
          hour: 'numeric',
          minute: '2-digit',
        });
        return {
          ok: false,
          code: 'LOCKED',
          message: `This account is locked after too many failed sign-ins, until ${until}. Try again then, or ask a lead to reset the password.`,
        };
      }
      // The slowdown is served before the check, so a guesser cannot skip it by not waiting.
      await sleep(slowdownMs(u.failed_attempts));
      if (!(await verifyPassword(password, u.password_hash))) {
        const r = await pg.query<{ failed_attempts: number; locked_until: string | null }>(
          `UPDATE users SET failed_attempts = failed_attempts + 1,
             locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + ($3 || ' milliseconds')::interval ELSE locked_until END
           WHERE id = $1 RETURNING failed_attempts, locked_until`,
          [u.id, LOCK_AFTER, String(LOCK_MS)],
        );
        const row = r.rows[0]!;
        if (row.failed_attempts >= LOCK_AFTER) {
          log.warn('auth.locked', { id: u.id, failures: row.failed_attempts });
          await pg.query('UPDATE users SET failed_attempts = 0 WHERE id = $1', [u.id]);
          const until = new Date(row.locked_until!).toLocaleTimeString('en-US', {
            hour: 'numeric',
            minute: '2-digit',
          });
          return {
            ok: false,
            code: 'LOCKED',
            message: `Too many failed sign-ins: this account is locked until ${until}. Try again then, or ask a lead to reset the password.`,
          };
        }
        log.info('auth.failed', { id: u.id, failures: row.failed_attempts });
        return { ok: false, code: 'WRONG', message: 'Wrong email or password.' };
      }
      if (u.disabled)
        return { ok: false, code: 'DISABLED', message: 'This account is disabled; ask a lead of the desk.' };
      // A fresh token at every sign-in: a session id planted before sign-in is never the one after.
      const token = crypto.randomBytes(32).toString('base64url');
      await pg.tx(async (sql) => {
        await sql.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [u.id]);
        await sql.query(
          'INSERT INTO sessions (token_hash, user_id, created_at, last_seen) VALUES ($1, $2, now(), now())',
          [tokenHash(token), u.id],
        );
        // Sessions idle for a day are gone for good; keeps the table small without a timer.
        await sql.query("DELETE FROM sessions WHERE last_seen < now() - interval '1 day'");
      });
      log.info('auth.sign-in', { id: u.id });
      return { ok: true, user: account({ ...u, failed_attempts: 0, locked_until: null }), token };
    },

    async session(token, idleMs) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const r = await pg.query<UserRow & { idle: boolean; stale: boolean }>(
        `SELECT u.*, s.last_seen < now() - ($2 || ' milliseconds')::interval AS idle,
                s.last_seen < now() - interval '30 seconds' AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash(token), String(idleMs)],
      );
      const row = r.rows[0];
      if (!row) return null;
      if (row.idle || row.disabled) {
        await pg.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
        return null;
      }
      // last_seen moves at most twice a minute: an idle timeout needs no finer clock.
      if (row.stale)
        await pg.query('UPDATE sessions SET last_seen = now() WHERE token_hash = $1', [tokenHash(token)]);
      return account(row);
    },

    async signOut(token) {
      await pg.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash(token)]);
    },
  };
}
