// Secrets at rest (port-out PINs, the SMTP password). The store only sees this interface, so the
// Electron shell can inject a safeStorage-backed box (OS keychain) while the CLI and the browser
// host, which have no keychain access, use a key file readable only by the desk's user.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../shared/errors';

export interface SecretBox {
  /** Returns an opaque, printable string; never the plaintext. */
  encrypt(plain: string): string;
  /** Throws DeskError when the ciphertext was made with another key or was tampered with. */
  decrypt(cipher: string): string;
}

export const SECRET_KEY_FILE = 'secret.key';
const PREFIX = 'v1:';
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;

/** AES-256-GCM with the given 32-byte key: confidentiality plus tamper detection. */
export function aesGcmSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new DeskError('INTERNAL', 'The secret key must be 32 bytes.');
  return {
    encrypt(plain) {
      // A fresh random nonce per message: reusing one under GCM would leak the key stream.
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(text) {
      if (!text.startsWith(PREFIX)) throw new DeskError('INTERNAL', 'Unknown secret format.');
      const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES)
        throw new DeskError('INTERNAL', 'The stored secret is truncated.');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new DeskError(
          'INTERNAL',
          'A stored secret cannot be decrypted with this machine’s key (was secret.key replaced?).',
        );
      }
    },
  };
}

/**
 * Where the desk's key lives: `<dataDir>/secret.key`, or PORTING_DESK_KEY_FILE. Every host and
 * CLI of one PostgreSQL desk must use the same key, which a lead can hand out as a file.
 */
export function keyFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PORTING_DESK_KEY_FILE?.trim();
  return override ? path.resolve(override) : path.join(dataDir, SECRET_KEY_FILE);
}

/** Reads an existing key file (never creates one): a team desk's key given on the command line. */
export function loadKeyFile(file: string): Buffer {
  let key: Buffer;
  try {
    key = fs.readFileSync(file);
  } catch {
    throw new DeskError('BAD_ARGUMENT', `The key file ${file} cannot be read.`);
  }
  if (key.length !== 32)
    throw new DeskError(
      'BAD_ARGUMENT',
      `${file} is not a valid key file (expected 32 bytes, found ${key.length}).`,
    );
  return key;
}

/** Reads the desk's key file (see keyFilePath), creating it (mode 0600) on first use. */
export function loadOrCreateKey(dataDir: string): Buffer {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) {
    // Write a temp file, then hard-link it into place: link() fails if the name exists, so two
    // doors starting at once never overwrite each other's key (which would make every PIN
    // written with the first key unreadable), and no reader ever sees a half-written key.
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, crypto.randomBytes(32), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  const key = fs.readFileSync(file);
  if (key.length !== 32) {
    throw new DeskError(
      'INTERNAL',
      `${file} is not a valid key file (expected 32 bytes, found ${key.length}).`,
    );
  }
  return key;
}

/**
 * The key-file box for the CLI and the browser host. The key is loaded lazily so read-only
 * commands (db info) do not create a key file as a side effect.
 */
export function fileKeySecretBox(dataDir: string): SecretBox {
  let box: SecretBox | undefined;
  const get = (): SecretBox => (box ??= aesGcmSecretBox(loadOrCreateKey(dataDir)));
  return {
    encrypt: (plain) => get().encrypt(plain),
    decrypt: (cipher) => get().decrypt(cipher),
  };
}
