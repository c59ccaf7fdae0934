// Hostile and malformed requests against a real browser host on a real socket. Every request in
// HOSTILE must be refused; the count is reported for the hardening note.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host';
import { echoDesk, raw } from './support';

const SECRET = 'TOP-SECRET-PIN-4321';
let tmp: string;
let rendererDir: string;
let host: RunningHost;
let desk: ReturnType<typeof echoDesk>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-host-sec-'));
  rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Porting Desk</title><script type="module" src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("desk")');
  fs.writeFileSync(path.join(rendererDir, '.env'), SECRET);
  // Files outside the root that traversal and symlinks would try to reach.
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(tmp, 'outside'));
  fs.writeFileSync(path.join(tmp, 'outside', 'pin.txt'), SECRET);
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  fs.symlinkSync(path.join(tmp, 'outside'), path.join(rendererDir, 'assets', 'dirlink'));
  desk = echoDesk();
  host = await startHost({ dataDir: path.join(tmp, 'data'), rendererDir, desk });
});

afterAll(async () => {
  await host?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const bearer = (): Record<string, string> => ({ authorization: `Bearer ${host.token}` });
const json = (body: string): { ok: boolean; error?: { code: string; message: string } } => JSON.parse(body);

describe('binding', () => {
  it('refuses every non-loopback address before listening', async () => {
    for (const addr of ['0.0.0.0', '::', 'localhost', '192.168.1.20', '10.0.0.1', '127.0.0.2']) {
      await expect(
        startHost({ dataDir: path.join(tmp, 'data'), rendererDir, desk: echoDesk(), host: addr, port: 0 }),
        addr,
      ).rejects.toThrow(/only listens on loopback/);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const nonLoopback = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (nonLoopback) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: nonLoopback.address, port: host.port });
        s.on('connect', () => {
          s.destroy();
          resolve(false);
        });
        s.on('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    }
  });
});

describe('token', () => {
  it('401 without a token, with a wrong token, in every place it can be given', async () => {
    const attempts: Parameters<typeof raw>[1][] = [
      { path: '/' },
      { path: '/index.html' },
      { path: '/assets/app.js' },
      { path: '/api/events' },
      { path: '/?token=wrong' },
      { path: `/?token=${host.token}x` },
      { path: '/index.html', headers: { cookie: 'desk_token=wrong' } },
      { path: '/index.html', headers: { authorization: 'Bearer wrong' } },
      { path: '/index.html', headers: { authorization: `Basic ${host.token}` } },
      { path: '/api/invoke/cases:list', method: 'POST', body: '{}' },
      { path: '/api/invoke/cases:list', method: 'POST', body: '{}', headers: { authorization: 'Bearer ' } },
      { path: '/api/upload', method: 'POST', body: 'x', headers: { 'x-file-name': 'a.pdf' } },
    ];
    for (const a of attempts) {
      const r = await raw(host.port, a);
      expect(r.status, JSON.stringify(a)).toBe(401);
      expect(json(r.body).error?.code).toBe('UNAUTHORIZED');
      expect(r.body).not.toContain('<title>');
    }
  });

  it('?token= swaps the token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const r = await raw(host.port, { path: `/?token=${host.token}` });
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toContain(`desk_token=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await raw(host.port, { path: '/', headers: { cookie: `desk_token=${host.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await raw(host.port, { path: '/assets/app.js', headers: bearer() });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });
});

describe('Host and Origin (DNS rebinding, cross-site)', () => {
  it('403 for a foreign Host header even with the right token', async () => {
    for (const h of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `0.0.0.0:${host.port}`,
    ]) {
      const r = await raw(host.port, { path: '/index.html', headers: { ...bearer(), host: h } });
      expect(r.status, h).toBe(403);
    }
    const ok = await raw(host.port, {
      path: '/index.html',
      headers: { ...bearer(), host: `localhost:${host.port}` },
    });
    expect(ok.status).toBe(200);
  });

  it('403 for a cross-origin POST, and for a cookie POST without Origin', async () => {
    const cookie = { cookie: `desk_token=${host.token}` };
    const post = (headers: Record<string, string>): Promise<{ status: number }> =>
      raw(host.port, {
        method: 'POST',
        path: '/api/invoke/cases:list',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await post({ ...cookie, origin: 'http://localhost:8080' })).status).toBe(403);
    expect((await post({ ...cookie, origin: 'null' })).status).toBe(403);
    expect((await post({ ...bearer(), origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(cookie)).status).toBe(403);
    expect((await post({ ...cookie, origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await post(bearer())).status).toBe(200);
  });
});

describe('static files: no traversal', () => {
  const attempts = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/.env',
    '/assets/link.txt',
    '/assets/dirlink/pin.txt',
    '/assets/dirlink/',
    '/assets/',
    '/assets',
    `/${'../'.repeat(12)}etc/passwd`,
    '/%c0%ae%c0%ae/secret.txt',
    '/nope.js',
  ];
  it.each(attempts)('%s -> 400/404 and never file contents', async (p) => {
    const r = await raw(host.port, { path: p, headers: bearer() });
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('root:');
    expect(json(r.body).ok).toBe(false);
  });

  it('only GET/HEAD for files', async () => {
    const r = await raw(host.port, { method: 'PUT', path: '/index.html', headers: bearer(), body: 'x' });
    expect(r.status).toBe(405);
  });
});

describe('invoke', () => {
  const invoke = (channel: string, body: string | Buffer, method = 'POST'): ReturnType<typeof raw> =>
    raw(host.port, {
      method,
      path: `/api/invoke/${channel}`,
      headers: { ...bearer(), 'content-type': 'application/json' },
      body,
    });

  it('answers a valid call with the dispatch envelope', async () => {
    const r = await invoke('cases:get', '{"id":7}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { channel: 'cases:get', args: { id: 7 } } });
    const encoded = await invoke('cases%3Aget', '{"id":8}');
    expect(JSON.parse(encoded.body).value.args).toEqual({ id: 8 });
  });

  it('bad arguments -> BAD_ARGUMENT envelope naming the field', async () => {
    const r = await invoke('cases:get', '{"id":"seven"}');
    expect(r.status).toBe(200);
    const e = json(r.body).error!;
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toMatch(/id/);
  });

  it('malformed JSON -> 400 with a clear message and no stack', async () => {
    const r = await invoke('cases:get', '{"id": 7');
    expect(r.status).toBe(400);
    const e = json(r.body).error!;
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toMatch(/^Request body is not valid JSON: /);
    expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('unknown channel -> 404 UNKNOWN_CHANNEL', async () => {
    for (const ch of ['cases:drop', 'constructor', '__proto__', 'toString', '..%2f..%2fx']) {
      const r = await invoke(ch, '{}');
      expect(r.status, ch).toBe(404);
      expect(json(r.body).error?.code).toBe('UNKNOWN_CHANNEL');
    }
  });

  it('huge body -> 413, declared or streamed', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    const r = await invoke('cases:list', big);
    expect(r.status).toBe(413);
    expect(json(r.body).error?.code).toBe('LIMIT_EXCEEDED');
  });

  it('only POST', async () => {
    const r = await raw(host.port, { path: '/api/invoke/cases:list', headers: bearer() });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
  });
});
