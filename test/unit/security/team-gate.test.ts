// The team door's rules as pure functions: which Host and Origin headers a team host answers,
// the session cookie's flags, which channels are a lead's, and the sign-in slowdown.
import { describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  forbidden,
  sessionCookie,
  sessionToken,
  teamHosts,
  teamOriginProblem,
  teamOrigins,
} from '../../../electron/host/team';
import { slowdownMs } from '../../../electron/desk/team/accounts';
import { hashPassword, passwordProblem, verifyPassword } from '../../../electron/desk/team/passwords';

const agent = { email: 'ann@desk.test', name: 'Ann', role: 'agent' as const };
const lead = { email: 'lee@desk.test', name: 'Lee', role: 'lead' as const };

describe('team host names and origins', () => {
  const a = { scheme: 'https' as const, port: 8443, names: ['desk.office.lan', '10.0.0.5', '::1'] };
  it('answers only to its names on its port', () => {
    expect([...teamHosts(a)].sort()).toEqual(['10.0.0.5:8443', '[::1]:8443', 'desk.office.lan:8443']);
    expect(teamHosts({ ...a, port: 443 }).has('desk.office.lan')).toBe(true);
  });
  it('takes POSTs only from its own origins, never without one', () => {
    const origins = teamOrigins(a);
    expect(teamOriginProblem('https://desk.office.lan:8443', origins)).toBeNull();
    expect(teamOriginProblem('HTTPS://DESK.OFFICE.LAN:8443', origins)).toBeNull();
    expect(teamOriginProblem('http://desk.office.lan:8443', origins)).toMatch(/cross-origin/);
    expect(teamOriginProblem('https://desk.office.lan.evil.example:8443', origins)).toMatch(/cross-origin/);
    expect(teamOriginProblem(undefined, origins)).toBe('Origin header required');
    expect(teamOriginProblem('null', origins)).toMatch(/cross-origin/);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Strict, and Secure under TLS', () => {
    expect(sessionCookie('t0k', true)).toBe('desk_session=t0k; HttpOnly; SameSite=Strict; Path=/; Secure');
    expect(sessionCookie('t0k', false)).toBe('desk_session=t0k; HttpOnly; SameSite=Strict; Path=/');
    expect(clearSessionCookie(true)).toMatch(/^desk_session=; .*Max-Age=0; Secure$/);
  });
  it('is read from the Cookie header among others', () => {
    expect(sessionToken({ headers: { cookie: 'theme=dark; desk_session=abc; x=1' } })).toBe('abc');
    expect(sessionToken({ headers: {} })).toBeNull();
  });
});

describe("a lead's channels", () => {
  it('are refused to an agent, allowed to a lead', () => {
    for (const ch of [
      'users:list',
      'users:add',
      'users:disable',
      'users:resetPassword',
      'data:backup',
      'learn:forget',
      'inbox:setFolder',
    ] as const) {
      expect(forbidden(ch, {}, agent), ch).toMatch(/Only a lead/);
      expect(forbidden(ch, {}, lead), ch).toBeNull();
    }
    expect(forbidden('cases:update', {}, agent)).toBeNull();
    // any agent teaches the desk by correcting a bill, and sees what it learned
    expect(forbidden('learn:list', {}, agent)).toBeNull();
    expect(forbidden('intake:correctField', {}, agent)).toBeNull();
  });
  it('leave an agent the theme, and nothing else of the settings', () => {
    expect(forbidden('settings:set', { theme: 'dark' }, agent)).toBeNull();
    expect(forbidden('settings:set', { theme: 'dark', deskProfile: { companyName: 'x' } }, agent)).toMatch(
      /lead/,
    );
    expect(forbidden('settings:set', { team: { idleMinutes: 720 } }, agent)).toMatch(/lead/);
  });
});

describe("the server's own files", () => {
  it('are reachable by path for no one, lead or agent: files come as uploads', () => {
    for (const [ch, args] of [
      ['intake:addBill', { caseId: 1, path: '/etc/passwd' }],
      ['intake:readEmail', { path: '/etc/passwd' }],
      ['import:preview', { path: '/etc/passwd' }],
      ['packet:attachSignedLoa', { caseId: 1, path: '/etc/passwd' }],
      ['packet:export', { caseId: 1, outDir: '/tmp' }],
      ['packet:openFile', { downloadId: 'x' }],
    ] as const) {
      for (const who of [agent, lead]) expect(forbidden(ch, args, who), ch).toMatch(/download|upload/);
    }
    expect(forbidden('intake:addBill', { caseId: 1, uploadId: 'u1' }, agent)).toBeNull();
    // a file the watched folder put in the Inbox is the one thing opened by path
    const inbox = (f: string) => f === '/srv/scans/bill.pdf';
    expect(forbidden('intake:addBill', { caseId: 1, path: '/srv/scans/bill.pdf' }, agent, inbox)).toBeNull();
    expect(forbidden('intake:addBill', { caseId: 1, path: '/srv/scans/../x' }, agent, inbox)).toMatch(
      /upload/,
    );
    expect(forbidden('packet:export', { caseId: 1 }, agent)).toBeNull();
  });
});

describe('passwords', () => {
  it('are hashed with a salt, verified, and never equal to their hash', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
  it('must be long enough to be worth hashing', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('a fine long passphrase')).toBeNull();
  });
  it('slow a guesser down from the third failure, capped at 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(slowdownMs)).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000]);
  });
});
