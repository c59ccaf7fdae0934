// Agents' passwords: scrypt from node:crypto (memory-hard, no native add-on to ship), with a
// random salt per password and the parameters stored beside the hash so they can be raised later
// without locking anyone out. N=2^15, r=8 costs about 32 MB and 50-100 ms per check here: slow
// enough to make a stolen table expensive to guess at, fast enough for sign-in under 300 ms.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const MAXMEM = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 10;

/** A sentence when the password is too weak to use, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'A password may have at most 200 characters.';
  if (/^(.)\1+$/.test(password)) return 'A password cannot be one character repeated.';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...PARAMS, maxmem: MAXMEM });
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const want = Buffer.from(parts[5]!, 'base64');
  const got = await scrypt(password.normalize('NFC'), salt, want.length, { N, r, p, maxmem: MAXMEM });
  return crypto.timingSafeEqual(got, want);
}

/** Checked against when the email is unknown, so a wrong address costs what a wrong password does. */
let dummy: Promise<string> | null = null;
export const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(crypto.randomBytes(16).toString('hex')));
