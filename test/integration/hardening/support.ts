// Helpers for the hardening tests: a fast-starting host child, a seeded RNG, HTTP calls.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const root = path.resolve(import.meta.dirname, '../../..');
const NATIVE = [
  'better-sqlite3',
  'sharp',
  'tesseract.js',
  '@tesseract.js-data/eng',
  '@tesseract.js-data/osd',
  'pdfjs-dist',
  'heic-decode',
  '@napi-rs/canvas',
];
const bundleDir = path.join(root, 'node_modules/.cache/desk-hardening');

/**
 * Bundles a TypeScript entry to ESM beside node_modules (so its external packages resolve):
 * node starts it in a fraction of tsx's time, which matters when a test starts it 50 times.
 */
export async function bundle(entry: string, name: string): Promise<string> {
  // The file keeps its name (cli.mjs must still look like the CLI entry to itself).
  const outfile = path.join(bundleDir, String(process.pid), `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Pure-JS packages are bundled in (one file loads far faster than hundreds); native and
    // wasm/data packages stay outside and resolve from node_modules.
    external: NATIVE,
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'error',
  });
  return outfile;
}

/** Removes this test process's bundles. */
export function removeBundles(): void {
  fs.rmSync(path.join(bundleDir, String(process.pid)), { recursive: true, force: true });
}

export interface HostChild {
  child: ChildProcess;
  origin: string;
  token: string;
  output: () => string;
}

export interface LoadedHost {
  child: ChildProcess;
  /** Opens the desk and listens; resolves with the URL parts. */
  go(): Promise<HostChild>;
}

/** Spawns the host child and waits until it has loaded its modules (it has not opened the desk yet). */
export function loadHostChild(
  script: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<LoadedHost> {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env, PORTING_DESK_DATA: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    for (const l of listeners) l();
  });
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const waitFor = <T>(test: () => T | null, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const v = test();
        if (v === null) return;
        done();
        resolve(v);
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        reject(new Error(`host exited ${code ?? signal} before ${what}:\n${out}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`host did not reach "${what}" in time:\n${out}`));
      }, 60_000);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });
  return waitFor(() => (out.includes('loaded\n') ? true : null), 'loaded').then(() => ({
    child,
    go() {
      child.stdin.write('go\n');
      return waitFor(() => {
        const m = /running at (http:\/\/[^/\s]+)\/(?:\?token=(\S+))?/.exec(out);
        return m ? { child, origin: m[1]!, token: m[2] ?? '', output: () => out } : null;
      }, 'running');
    },
  }));
}

export async function startHostChild(script: string, dataDir: string): Promise<HostChild> {
  return (await loadHostChild(script, dataDir)).go();
}

export function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** mulberry32: small, seeded, good enough to pick kill points and mutations reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Envelope<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

export async function invoke<T = unknown>(
  h: { origin: string; token: string },
  channel: string,
  args: unknown,
): Promise<Envelope<T>> {
  const res = await fetch(`${h.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Envelope<T>;
}

export async function upload(h: { origin: string; token: string }, name: string, bytes: Uint8Array) {
  const res = await fetch(`${h.origin}/api/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.token}`,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(name),
    },
    body: Buffer.from(bytes),
  });
  return (await res.json()) as Envelope<{ uploadId: string }>;
}

/** A one-page text PDF that reads as a bill (account, BTN, date), unique per `n`. */
export async function tinyBill(n: number, btn?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = [
    'Northwind Telecom',
    `Account Number: 7731-${String(n).padStart(5, '0')}`,
    'Bill Date: March 3, 2026',
    `Billing Telephone Number: ${btn ?? `(212) 555-${String(1000 + (n % 9000)).padStart(4, '0')}`}`,
    'Service Address: 12 Main St, Albany, NY 12207',
  ];
  lines.forEach((t, i) => page.drawText(t, { x: 60, y: 720 - i * 22, size: 12, font }));
  return doc.save({ useObjectStreams: false });
}

/** A signed-in agent of a team host: its session cookie, sent with the desk's own Origin. */
export interface TeamAgent {
  origin: string;
  cookie: string;
}

export async function teamSignIn(origin: string, email: string, password: string): Promise<TeamAgent> {
  const res = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = /desk_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { origin, cookie };
}

export async function teamInvoke<T = unknown>(
  a: TeamAgent,
  channel: string,
  args: unknown,
): Promise<Envelope<T>> {
  const res = await fetch(`${a.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { origin: a.origin, cookie: a.cookie, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Envelope<T>;
}

export async function teamUpload(a: TeamAgent, name: string, bytes: Uint8Array) {
  const res = await fetch(`${a.origin}/api/upload`, {
    method: 'POST',
    headers: {
      origin: a.origin,
      cookie: a.cookie,
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(name),
    },
    body: Buffer.from(bytes),
  });
  return (await res.json()) as Envelope<{ uploadId: string }>;
}
