import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/contract';
import type { Desk } from '../../../electron/desk/service';
import { aesGcmSecretBox } from '../../../electron/desk/secrets';
import { registerDeskIpc } from '../../../electron/ipc';
import { createAppSecretBox, SAFE_STORAGE_PREFIX, type SafeStorageLike } from '../../../electron/secret-box';
import { APP_INDEX_URL } from '../../../electron/security';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain(): {
  handlers: Map<string, Listener>;
  handle(c: string, l: Listener): void;
  removeHandler(c: string): void;
} {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(c, l) {
      if (handlers.has(c)) throw new Error(`second handler for ${c}`);
      handlers.set(c, l);
    },
    removeHandler: (c) => handlers.delete(c),
  };
}

const echoDesk = {
  handlers: new Proxy(
    {},
    { get: (_t, channel) => (args: unknown) => ({ channel, args }) },
  ) as Desk['handlers'],
  deps: { broadcast: () => {} } as unknown as Desk['deps'],
};
const eventFrom = (url: string | null): IpcMainInvokeEvent =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;

describe('ipc registration', () => {
  it('registers exactly one handler per contract channel and removes them all', () => {
    const ipc = fakeIpcMain();
    const dispose = registerDeskIpc({ ipcMain: ipc, desk: echoDesk, appUrl: APP_INDEX_URL });
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the app frame through dispatch (zod-validated)', async () => {
    const ipc = fakeIpcMain();
    registerDeskIpc({ ipcMain: ipc, desk: echoDesk, appUrl: APP_INDEX_URL });
    const get = ipc.handlers.get('cases:get')!;
    expect(await get(eventFrom('app://desk/index.html#/cases/1'), { id: 1 })).toEqual({
      ok: true,
      value: { channel: 'cases:get', args: { id: 1 } },
    });
    const bad = (await get(eventFrom('app://desk/index.html'), { id: 'x' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('BAD_ARGUMENT');
  });

  it('refuses frames that are not the app', async () => {
    const ipc = fakeIpcMain();
    registerDeskIpc({ ipcMain: ipc, desk: echoDesk, appUrl: APP_INDEX_URL });
    const get = ipc.handlers.get('cases:get')!;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', null]) {
      const r = (await get(eventFrom(url), { id: 1 })) as { ok: boolean; error: { code: string } };
      expect(r.ok, String(url)).toBe(false);
      expect(r.error.code).toBe('UNAUTHORIZED');
    }
  });
});

describe('app secret box', () => {
  // A stand-in keychain: reversible, and visibly not the plaintext.
  const fakeSafe = (available: boolean, backend = 'gnome_libsecret'): SafeStorageLike => ({
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  });
  const fileBox = aesGcmSecretBox(crypto.randomBytes(32));

  it('uses safeStorage when the keychain is real, and still reads key-file secrets', () => {
    const box = createAppSecretBox(fakeSafe(true), fileBox, 'darwin');
    const c = box.encrypt('4321');
    expect(c.startsWith(SAFE_STORAGE_PREFIX)).toBe(true);
    expect(c).not.toContain('4321');
    expect(box.decrypt(c)).toBe('4321');
    expect(box.decrypt(fileBox.encrypt('9876'))).toBe('9876');
  });

  it('falls back to the key file when safeStorage is unavailable or only basic_text', () => {
    for (const box of [
      createAppSecretBox(fakeSafe(false), fileBox, 'win32'),
      createAppSecretBox(fakeSafe(true, 'basic_text'), fileBox, 'linux'),
    ]) {
      const c = box.encrypt('4321');
      expect(c.startsWith(SAFE_STORAGE_PREFIX)).toBe(false);
      expect(c).not.toContain('4321');
      expect(box.decrypt(c)).toBe('4321');
    }
  });
});
