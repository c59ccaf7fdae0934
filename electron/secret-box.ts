// The app's SecretBox: Electron safeStorage (OS keychain / DPAPI) for new secrets, with the
// desk's key-file box as the reader for secrets the CLI or browser host wrote into the same
// database. safeStorage is injected so the policy is unit-tested without Electron.
import type { SecretBox } from './desk/secrets';

/** The part of Electron's safeStorage this box uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. a hard-coded key: not worth calling encryption. */
  getSelectedStorageBackend?: () => string;
}

export const SAFE_STORAGE_PREFIX = 'ss1:';

export function safeStorageUsable(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

/**
 * Encrypts with safeStorage when it is real, else with the key file (still 0600, never plaintext).
 * Decrypts by prefix, so a database shared between the app and the CLI keeps reading both.
 */
export function createAppSecretBox(
  safeStorage: SafeStorageLike,
  fallback: SecretBox,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const useSafe = safeStorageUsable(safeStorage, platform);
  return {
    encrypt(plain) {
      if (!useSafe) return fallback.encrypt(plain);
      return SAFE_STORAGE_PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipher) {
      if (!cipher.startsWith(SAFE_STORAGE_PREFIX)) return fallback.decrypt(cipher);
      return safeStorage.decryptString(Buffer.from(cipher.slice(SAFE_STORAGE_PREFIX.length), 'base64'));
    },
  };
}
