// The desktop app's look at a team desk before trusting it, against real hosts: the certificate
// fingerprint a self-signed team host shows, a personal host that is not a team desk, nothing
// listening, and the certificate pin Electron applies afterwards.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { dispatch } from '../../../electron/desk/dispatch';
import { startHost, type RunningHost } from '../../../electron/host';
import { certificateVerdict, probeTeamDesk, teamOrigin } from '../../../electron/desk/team/probe';
import { readJoinedTeamDesk, writeJoinedTeamDesk } from '../../../electron/desk/team/desktop-config';
import { selfSignedTls } from '../../../electron/host/tls';
import { freshPgDatabase, openTestDesk, backend, pgAdminUrl, tempDir } from '../store/backends';

describe('teamOrigin and the certificate pin', () => {
  it('reads what an agent types, https unless on this machine', () => {
    expect(teamOrigin('desk.office.lan:8443').origin).toBe('https://desk.office.lan:8443');
    expect(teamOrigin('https://desk.office.lan:8443/#/cases').origin).toBe('https://desk.office.lan:8443');
    expect(teamOrigin('http://127.0.0.1:5000').origin).toBe('http://127.0.0.1:5000');
    expect(() => teamOrigin('http://desk.office.lan')).toThrow(/over https/);
    expect(() => teamOrigin('https://lee:pw@desk.lan')).toThrow(/name and password/);
    expect(() => teamOrigin('::nonsense')).toThrow(DeskError);
  });
  it('pins the accepted fingerprint for that host only', () => {
    const pin = { hostname: 'desk.lan', fingerprint: 'AA:BB:CC' };
    expect(certificateVerdict('desk.lan', 'aa:bb:cc', pin)).toBe(0);
    expect(certificateVerdict('DESK.LAN', 'AABBCC', pin)).toBe(0);
    expect(certificateVerdict('desk.lan', 'AA:BB:CD', pin)).toBe(-2);
    expect(certificateVerdict('other.lan', 'AA:BB:CC', pin)).toBe(-3);
    expect(certificateVerdict('desk.lan', 'AA:BB:CC', null)).toBe(-3);
  });
  it('remembers the joined desk in one file, and forgets it', () => {
    const dir = tempDir('joined-');
    expect(readJoinedTeamDesk(dir)).toBeNull();
    writeJoinedTeamDesk(dir, { origin: 'https://desk.lan:8443', fingerprint: 'AA' });
    expect(readJoinedTeamDesk(dir)).toEqual({ origin: 'https://desk.lan:8443', fingerprint: 'AA' });
    fs.writeFileSync(path.join(dir, 'team-desk.json'), '{broken');
    expect(readJoinedTeamDesk(dir)).toBeNull(); // a damaged file opens the personal desk
    writeJoinedTeamDesk(dir, null);
    expect(fs.existsSync(path.join(dir, 'team-desk.json'))).toBe(false);
  });
});

describe.skipIf(!pgAdminUrl())('probing real hosts', () => {
  let team: RunningHost;
  let personal: RunningHost;
  let fingerprint = '';
  beforeAll(async () => {
    const dir = tempDir('probe-');
    const tls = await selfSignedTls(dir, ['localhost', '127.0.0.1']);
    fingerprint = tls.fingerprint;
    team = await startHost({
      dataDir: dir,
      databaseUrl: await freshPgDatabase(),
      rendererDir: dir,
      host: '127.0.0.1',
      port: 0,
      team: { tls },
    });
    const pdir = tempDir('probe-personal-');
    personal = await startHost({ dataDir: pdir, rendererDir: pdir, port: 0 });
  });
  afterAll(async () => {
    await team?.close();
    await personal?.close();
  });

  it("shows a team desk's certificate fingerprint before anything is sent", async () => {
    const p = await probeTeamDesk(team.origin);
    expect(p).toMatchObject({ origin: team.origin, fingerprint, trusted: false });
    expect(p.subject).toMatch(/^Porting Desk \(/);
  });

  it('says plainly when the address is not a team desk, or nothing answers', async () => {
    await expect(probeTeamDesk(personal.origin)).rejects.toThrow(/is not a Porting Desk team desk/);
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as net.AddressInfo;
    await new Promise((r) => srv.close(r));
    await expect(probeTeamDesk(`https://127.0.0.1:${port}`)).rejects.toThrow(/cannot be reached/);
  });

  it('the desktop channels refuse outside the desktop app', async () => {
    const { desk } = await openTestDesk(backend('sqlite'));
    try {
      const state = await dispatch(desk.handlers, 'desktop:teamState', {}, { actor: 't' });
      expect(state).toEqual({ ok: true, value: { available: false, joined: null } });
      const probe = await dispatch(desk.handlers, 'desktop:teamProbe', { url: team.origin }, { actor: 't' });
      expect(probe).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT', message: /desktop app/ } });
    } finally {
      await desk.close();
    }
  });
});
