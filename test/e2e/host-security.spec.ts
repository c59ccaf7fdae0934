// The browser host's defences, seen from a real Chromium: token, cookie, CSP, DNS rebinding,
// cross-origin writes, traversal, malformed and oversized requests, and the loopback-only bind.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { deskCli, test as base, expect, startHostProcess, type HostProcess } from './support/host';

// One host for the whole file: these tests only read, and each host start costs seconds.
let shared: HostProcess;
base.beforeAll(async () => {
  shared = await startHostProcess();
});
base.afterAll(async () => {
  await shared?.stop({ removeData: true });
});
const test = base.extend<{ host: HostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  host: async ({}, use) => use(shared),
});

test('no token gets 401; the token URL sets an HttpOnly cookie and serves the app under a CSP', async ({
  page,
  host,
}) => {
  const bare = await page.goto(`${host.origin}/`);
  expect(bare?.status()).toBe(401);
  expect(await page.textContent('body')).toContain('UNAUTHORIZED');

  const wrong = await page.goto(`${host.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(401);

  const res = await page.goto(host.url);
  expect(res?.status()).toBe(200);
  expect(new URL(page.url()).search).toBe(''); // the token left the address bar
  await expect(page).toHaveTitle(/Porting Desk/);
  const headers = res!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  // HttpOnly: page scripts cannot read the token.
  expect(await page.evaluate(() => document.cookie)).not.toContain(host.token);
  const cookies = await page.context().cookies();
  const desk = cookies.find((c) => c.name === 'desk_token');
  expect(desk?.httpOnly).toBe(true);
  expect(desk?.sameSite).toBe('Strict');
});

test('same-origin calls work; malformed, unknown and oversized calls get clear errors', async ({
  page,
  host,
}) => {
  await host.open(page);
  const results = await page.evaluate(async () => {
    const post = async (channel: string, body: string) => {
      const r = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return {
        status: r.status,
        body: (await r.json()) as { ok: boolean; error?: { code: string; message: string } },
      };
    };
    return {
      ok: await post('cases:list', '{}'),
      malformed: await post('cases:list', '{"query": '),
      unknown: await post('cases:destroyEverything', '{}'),
      badArgs: await post('cases:get', '{"id": -1}'),
      huge: await post('cases:list', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) })),
    };
  });
  expect(results.ok.status).toBe(200);
  expect(results.ok.body.ok).toBe(true);
  expect(results.malformed.status).toBe(400);
  expect(results.malformed.body.error?.message).toMatch(/^Request body is not valid JSON: /);
  expect(results.unknown.status).toBe(404);
  expect(results.unknown.body.error?.code).toBe('UNKNOWN_CHANNEL');
  expect(results.badArgs.body.error?.code).toBe('BAD_ARGUMENT');
  expect(results.huge.status).toBe(413);
  for (const r of Object.values(results)) expect(JSON.stringify(r.body)).not.toMatch(/\bat .+:\d+:\d+/);
});

test('traversal attempts never return file contents', async ({ request, host }) => {
  const auth = { authorization: `Bearer ${host.token}` };
  for (const p of [
    '/%2e%2e/package.json',
    '/..%2f..%2fpackage.json',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5cpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/index.html%00.js',
    '/.vite/manifest.json',
  ]) {
    const r = await request.get(`${host.origin}${p}`, { headers: auth });
    expect([400, 404], p).toContain(r.status());
    const text = await r.text();
    expect(text, p).not.toContain('"devDependencies"');
    expect(text, p).not.toContain('root:');
  }
});

// What the browser does with a foreign page's request (an opaque answer, or none) holds whatever
// the host does, so it proves nothing about the host; what the host does with a foreign Origin can.
test('a call from another origin, even same-site on localhost (another port), gets 403', async ({ host }) => {
  const foreign = [
    `http://localhost:${host.port + 1}`, // a page of another local service: same-site, so it carries the cookie
    `http://127.0.0.1:${host.port + 1}`,
    `https://localhost:${host.port}`,
    'http://evil.example',
    'null',
  ];
  for (const origin of foreign) {
    const r = await fetch(`${host.origin}/api/invoke/cases:list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, origin },
      body: '{}',
    });
    expect(r.status, origin).toBe(403);
  }
  // The same call from the desk's own origin is answered: the 403 above is about the Origin.
  const own = await fetch(`${host.origin}/api/invoke/cases:list`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, origin: host.origin },
    body: '{}',
  });
  expect(own.status).toBe(200);
});

test('DNS rebinding: a foreign host name resolving to 127.0.0.1 gets 403', async ({ host }) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP rebind.test 127.0.0.1`],
  });
  try {
    const page = await browser.newPage();
    const res = await page.goto(`http://rebind.test:${host.port}/?token=${host.token}`);
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).not.toContain('<div id="root">');
  } finally {
    await browser.close();
  }
});

test('the host refuses to bind to a non-loopback address', () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  for (const addr of ['0.0.0.0', '192.168.1.5', 'localhost']) {
    const [cmd, ...args] = deskCli(['host', '--host', addr, '--port', '0']);
    const r = spawnSync(cmd!, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PORTING_DESK_DATA: path.join(root, 'test-results', 'no-bind-data') },
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/only listens on loopback/);
    expect(r.stdout).not.toMatch(/is running at/);
  }
});
