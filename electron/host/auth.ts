// Request gatekeeping for the browser host: the per-run token, the Host header (DNS rebinding)
// and the Origin of state-changing requests. Pure functions over header values so the rules are
// unit-tested without a server.
import crypto from 'node:crypto';

export const TOKEN_COOKIE = 'desk_token';

/** 32 random bytes, base64url: unguessable, and safe in a URL and a cookie without escaping. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Constant-time comparison so the token cannot be recovered byte by byte from response timing. */
export function tokenMatches(candidate: string | undefined | null, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  // Hash both sides: timingSafeEqual needs equal lengths, and hashing hides the length too.
  const a = crypto.createHash('sha256').update(candidate).digest();
  const b = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

/** All values of one cookie name (a browser may send several, e.g. from an older run's port). */
export function cookieValues(cookieHeader: string | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const out: string[] = [];
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

export type AuthResult = { ok: true; via: 'cookie' | 'bearer' } | { ok: false };

export function authenticate(
  headers: { cookie?: string; authorization?: string },
  token: string,
): AuthResult {
  const auth = headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m && tokenMatches(m[1], token)) return { ok: true, via: 'bearer' };
  }
  // Check every candidate; any() over constant-time compares is still constant-time per value.
  if (cookieValues(headers.cookie, TOKEN_COOKIE).some((v) => tokenMatches(v, token)))
    return { ok: true, via: 'cookie' };
  return { ok: false };
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Host header values that name this server. Anything else is a rebinding attempt or a proxy. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return typeof hostHeader === 'string' && allowedHosts(port).has(hostHeader.toLowerCase());
}

export function isAllowedOrigin(origin: string, port: number): boolean {
  return [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * Origin rule for state-changing requests. SameSite=Strict does not separate ports (another
 * localhost service is "same-site"), so a cookie-authenticated POST must carry a same-origin
 * Origin; browsers always send one on POST. Bearer callers (CLI, tests) are not browsers and
 * cannot be driven cross-site, so a missing Origin is fine for them, a foreign one never.
 */
export function originProblem(
  origin: string | undefined,
  port: number,
  via: 'cookie' | 'bearer' | null,
): string | null {
  if (origin === undefined) return via === 'cookie' ? 'Origin header required' : null;
  return isAllowedOrigin(origin, port) ? null : 'cross-origin request refused';
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/** Only these bind addresses are allowed; 'localhost' is refused because it can resolve elsewhere. */
export function isLoopbackBindAddress(host: string): boolean {
  return LOOPBACK.has(host.replace(/^\[(.*)\]$/, '$1'));
}
