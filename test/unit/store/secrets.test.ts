import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from '../../../electron/desk/secrets';

describe('aesGcmSecretBox', () => {
  const box = aesGcmSecretBox(crypto.randomBytes(32));

  it('round-trips and never shows the plaintext', () => {
    const c = box.encrypt('4321');
    expect(c).not.toContain('4321');
    expect(box.decrypt(c)).toBe('4321');
  });

  it('uses a fresh nonce each time', () => {
    expect(box.encrypt('4321')).not.toBe(box.encrypt('4321'));
  });

  it('refuses a tampered ciphertext or another key with a clear error', () => {
    const c = box.encrypt('4321');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.decrypt('v1:' + raw.toString('base64'))).toThrow(/cannot be decrypted/);
    expect(() => aesGcmSecretBox(crypto.randomBytes(32)).decrypt(c)).toThrow(/cannot be decrypted/);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => aesGcmSecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
