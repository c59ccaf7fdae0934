// Starts the browser host in a child process for e2e specs, the way an agent would
// (`desk host --port 0` on a data folder), and can restart it on the same data to prove that
// cases survive. Usage:
//
//   import { test, expect } from '../support/host';           // `host` fixture, one per test
//   test('…', async ({ page, host }) => { await host.open(page); … await host.restart(); … });
//
// or without the fixture: `const host = await startHostProcess(); … await host.stop();`
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const URL_LINE = /Porting Desk is running at (http:\/\/\S+\/\?token=(\S+))/;

export interface HostProcessOptions {
  /** Data folder; default a fresh temp dir, removed by stop({ removeData: true }). */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Extra environment for the host process. */
  env?: Record<string, string>;
  /** How long to wait for the URL line (ms). */
  startTimeoutMs?: number;
}

export interface HostProcess {
  /** The URL with the token (opening it sets the auth cookie): http://127.0.0.1:PORT/?token=… */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  /** Everything the host printed so far (stdout + stderr), for failure messages. */
  output(): string;
  /** Opens the app in the page (sets the cookie, lands on /). */
  open(page: Page): Promise<void>;
  /** Calls a contract channel directly with the Bearer token: setup and assertions without the UI. */
  invoke<T = unknown>(channel: string, args?: unknown): Promise<T>;
  /** Stops with SIGTERM (clean close); SIGKILL after 5 s. */
  stop(opts?: { removeData?: boolean }): Promise<void>;
  /** SIGKILL: the crash case. */
  kill(): Promise<void>;
  /**
   * Stops the host and starts a new one on the same data folder (new port, new token). This
   * object is updated in place, so keep using it; the page must `open()` again.
   */
  restart(): Promise<HostProcess>;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.tsx?$/.test(e.name))
      newest = Math.max(newest, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/**
 * The command line for `desk <args>`: the built CLI when it is newer than every source file (twice
 * as fast to start, and what `npm test` has just built), else the sources through tsx, so a spec
 * never runs against stale code. DESK_E2E_FROM_SOURCE=1 forces the sources.
 */
export function deskCli(args: string[]): string[] {
  const built = path.join(root, 'dist', 'electron', 'cli.mjs');
  const fresh =
    process.env.DESK_E2E_FROM_SOURCE !== '1' &&
    fs.existsSync(built) &&
    fs.statSync(built).mtimeMs >=
      Math.max(newestSource(path.join(root, 'electron')), newestSource(path.join(root, 'shared')));
  const entry = fresh ? [built] : ['--import', 'tsx', path.join(root, 'electron', 'cli.ts')];
  return [process.execPath, ...entry, ...args];
}

async function launch(
  dataDir: string,
  opts: HostProcessOptions,
): Promise<{ child: ChildProcess; url: string; token: string; log: string[] }> {
  const [cmd, ...args] = deskCli(['host', '--port', String(opts.port ?? 0)]);
  const child = spawn(cmd!, args, {
    cwd: root,
    env: { ...process.env, ...opts.env, PORTING_DESK_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const timeout = opts.startTimeoutMs ?? 30_000;
  const found = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host did not print its URL within ${timeout} ms:\n${log.join('')}`));
    }, timeout);
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      log.push(text);
      buf += text;
      const m = URL_LINE.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, token: m[2]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => log.push(c.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code ?? signal}) before it was ready:\n${log.join('')}`));
    });
  });
  return { child, ...found, log };
}

function waitExit(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export async function startHostProcess(opts: HostProcessOptions = {}): Promise<HostProcess> {
  const ownsData = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
  let current = await launch(dataDir, opts);

  const handle: HostProcess = {
    url: '',
    origin: '',
    token: '',
    port: 0,
    dataDir,
    output: () => current.log.join(''),
    async open(page) {
      await page.goto(handle.url);
    },
    async invoke<T>(channel: string, args: unknown = {}) {
      const res = await fetch(`${handle.origin}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as {
        ok: boolean;
        value?: T;
        error?: { code: string; message: string };
      };
      if (!body.ok) throw new Error(`${channel} failed: ${body.error?.code} ${body.error?.message}`);
      return body.value as T;
    },
    async stop(stopOpts) {
      await waitExit(current.child, 'SIGTERM', 5000);
      if (stopOpts?.removeData ?? ownsData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await waitExit(current.child, 'SIGKILL', 0);
    },
    async restart() {
      await waitExit(current.child, 'SIGTERM', 5000);
      current = await launch(dataDir, opts);
      update();
      return handle;
    },
  };
  const update = (): void => {
    const u = new URL(current.url);
    handle.url = current.url;
    handle.token = current.token;
    handle.origin = u.origin;
    handle.port = Number(u.port);
  };
  update();
  return handle;
}

/**
 * Playwright test with a `host` fixture: a fresh host and data folder per test, stopped after.
 * `test.use({ hostEnv: { … } })` adds to the host's environment (e.g. PORTING_DESK_TEST_NOW).
 */
export const test = base.extend<{ host: HostProcess; hostEnv: Record<string, string> }>({
  hostEnv: [{}, { option: true }],
  host: async ({ hostEnv }, use) => {
    const host = await startHostProcess({ env: hostEnv });
    try {
      await use(host);
    } finally {
      await host.stop({ removeData: true });
    }
  },
});

export { expect };
