import { describe, expect, it } from 'vitest';
import {
  authenticate,
  cookieValues,
  isAllowedHost,
  isLoopbackBindAddress,
  newToken,
  originProblem,
  tokenCookie,
  tokenMatches,
} from '../../../electron/host/auth';
import { rawPathProblem } from '../../../electron/host/static';

describe('host token', () => {
  it('is 32 random bytes in base64url', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(a);
  });

  it('matches only the exact token', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t.slice(0, -1), t)).toBe(false);
    expect(tokenMatches(t + 'x', t)).toBe(false);
    expect(tokenMatches('', t)).toBe(false);
    expect(tokenMatches(undefined, t)).toBe(false);
    expect(tokenMatches(null, t)).toBe(false);
  });

  it('is accepted from a Bearer header or the desk_token cookie', () => {
    const t = newToken();
    expect(authenticate({ authorization: `Bearer ${t}` }, t)).toEqual({ ok: true, via: 'bearer' });
    expect(authenticate({ cookie: `a=1; desk_token=${t}; b=2` }, t)).toEqual({ ok: true, via: 'cookie' });
    expect(authenticate({ cookie: `desk_token=old; desk_token=${t}` }, t)).toEqual({
      ok: true,
      via: 'cookie',
    });
    expect(authenticate({}, t)).toEqual({ ok: false });
    expect(authenticate({ authorization: `Basic ${t}` }, t)).toEqual({ ok: false });
    expect(authenticate({ authorization: 'Bearer wrong', cookie: 'desk_token=wrong' }, t)).toEqual({
      ok: false,
    });
    expect(authenticate({ cookie: `xdesk_token=${t}` }, t)).toEqual({ ok: false });
  });

  it('cookie is HttpOnly and SameSite=Strict', () => {
    const c = tokenCookie('abc');
    expect(c).toMatch(/^desk_token=abc;/);
    expect(c).toContain('HttpOnly');
    expect(c).toContain('SameSite=Strict');
    expect(c).toContain('Path=/');
    expect(cookieValues('desk_token=abc', 'desk_token')).toEqual(['abc']);
  });
});

describe('Host and Origin checks', () => {
  it('accepts only loopback names with our port', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('[::1]:4000', 4000)).toBe(true);
    for (const h of [
      'evil.example:4000',
      '127.0.0.1:4001',
      '127.0.0.1',
      'localhost',
      '0.0.0.0:4000',
      '127.0.0.2:4000',
      undefined,
    ]) {
      expect(isAllowedHost(h, 4000), String(h)).toBe(false);
    }
  });

  it('requires a same-origin Origin on cookie-authenticated writes', () => {
    expect(originProblem('http://127.0.0.1:4000', 4000, 'cookie')).toBeNull();
    expect(originProblem('http://localhost:4000', 4000, 'cookie')).toBeNull();
    expect(originProblem(undefined, 4000, 'cookie')).toMatch(/Origin/);
    expect(originProblem(undefined, 4000, 'bearer')).toBeNull();
    expect(originProblem('http://localhost:8080', 4000, 'cookie')).toMatch(/cross-origin/);
    expect(originProblem('http://localhost:8080', 4000, 'bearer')).toMatch(/cross-origin/);
    expect(originProblem('null', 4000, 'cookie')).toMatch(/cross-origin/);
    expect(originProblem('https://127.0.0.1:4000', 4000, 'cookie')).toMatch(/cross-origin/);
  });

  it('binds only to 127.0.0.1 or ::1', () => {
    expect(isLoopbackBindAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackBindAddress('::1')).toBe(true);
    expect(isLoopbackBindAddress('[::1]')).toBe(true);
    for (const h of ['0.0.0.0', '::', 'localhost', '192.168.1.10', '127.0.0.2', '', '10.0.0.1']) {
      expect(isLoopbackBindAddress(h), h).toBe(false);
    }
  });
});

describe('raw static path check', () => {
  it('refuses traversal in every encoding', () => {
    for (const p of [
      '/../etc/passwd',
      '/assets/../../x',
      '/%2e%2e/etc/passwd',
      '/%2E%2E%2Fetc',
      '/..%2fetc',
      '/..%5cetc',
      '/a\\..\\b',
      '/a%00.js',
      '/a\0',
      '/%252e%252e/x',
      '/./index.html',
      '//etc/passwd',
      'index.html',
    ]) {
      expect(rawPathProblem(p), p).not.toBeNull();
    }
  });
  it('accepts ordinary asset paths', () => {
    for (const p of [
      '/',
      '/index.html',
      '/assets/index-AbC123.js',
      '/assets/pdf.worker.min.mjs',
      '/fonts/Inter%20Regular.woff2',
    ]) {
      expect(rawPathProblem(p), p).toBeNull();
    }
  });
});
