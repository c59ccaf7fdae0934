// Launches the built Electron app where the Electron binary exists (Windows/macOS dev machines).
// On these Linux machines its download is blocked, so the spec skips with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { test, expect } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Like require('electron') but never tries to download the binary. */
function electronBinary(): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const bin = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist'),
    fs.readFileSync(pathFile, 'utf8').trim(),
  );
  return fs.existsSync(bin) ? bin : null;
}

test('the Electron app opens one window exposing window.desk', async () => {
  const bin = electronBinary();
  test.skip(
    !bin,
    'Electron binary not installed on this machine (downloads are blocked); run on Windows/macOS with electron installed',
  );
  expect(fs.existsSync(path.join(root, 'dist', 'electron', 'main.cjs')), 'run `npm run build` first').toBe(
    true,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: [root],
    env: { ...process.env, PORTING_DESK_DATA: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect.poll(() => window.title()).toContain('Porting Desk');
    const desk = await window.evaluate(() => {
      const d = (window as unknown as { desk?: { door?: string; invoke?: unknown } }).desk;
      return d ? { door: d.door, invoke: typeof d.invoke } : null;
    });
    expect(desk).toEqual({ door: 'electron', invoke: 'function' });
    // The renderer has no Node and no ipcRenderer.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    const listed = await window.evaluate(() =>
      (
        window as unknown as { desk: { invoke(c: string, a: unknown): Promise<{ total: number }> } }
      ).desk.invoke('cases:list', {}),
    );
    expect(listed.total).toBe(0);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
