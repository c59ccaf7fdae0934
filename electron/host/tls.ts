// TLS for a team host on the office network: the operator's certificate (--tls-cert/--tls-key),
// or a self-signed one made on first run and kept in <dataDir>/tls/, so the fingerprint agents
// were told to trust stays the same across restarts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DeskError } from '../../shared/errors';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, as browsers and `openssl x509 -fingerprint -sha256` show it. */
  fingerprint: string;
  selfSigned: boolean;
  /** Where it came from (for the start-up message). */
  source: string;
}

export const fingerprintOf = (certPem: string): string => new crypto.X509Certificate(certPem).fingerprint256;

export function loadTls(certFile: string, keyFile: string): TlsMaterial {
  let cert: string;
  let key: string;
  try {
    cert = fs.readFileSync(certFile, 'utf8');
    key = fs.readFileSync(keyFile, 'utf8');
  } catch (err) {
    throw new DeskError('BAD_ARGUMENT', `Cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
  let fingerprint: string;
  try {
    const x = new crypto.X509Certificate(cert);
    if (!x.checkPrivateKey(crypto.createPrivateKey(key)))
      throw new DeskError('BAD_ARGUMENT', `${keyFile} is not the private key of ${certFile}.`);
    fingerprint = x.fingerprint256;
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError(
      'BAD_ARGUMENT',
      `${certFile} / ${keyFile} are not a PEM certificate and key: ${(err as Error).message}`,
    );
  }
  return { cert, key, fingerprint, selfSigned: false, source: certFile };
}

/** The names a self-signed certificate covers: the listen address, this machine, and extras. */
export function certificateNames(listenHost: string, extra: readonly string[] = []): string[] {
  const names = new Set<string>(['localhost', '127.0.0.1', os.hostname(), ...extra]);
  if (listenHost !== '0.0.0.0' && listenHost !== '::') names.add(listenHost);
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') names.add(a.address);
  return [...names].filter(Boolean);
}

export async function selfSignedTls(dataDir: string, names: readonly string[]): Promise<TlsMaterial> {
  const dir = path.join(dataDir, 'tls');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    return { ...loadTls(certFile, keyFile), selfSigned: true, source: certFile };
  }
  const { generate } = await import('selfsigned');
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 2);
  const pems = await generate([{ name: 'commonName', value: `Porting Desk (${os.hostname()})` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) =>
          net.isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n },
        ),
      },
    ],
  });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The key first and private; the certificate last, so a half-finished first run is redone.
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert, { mode: 0o644 });
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: fingerprintOf(pems.cert),
    selfSigned: true,
    source: certFile,
  };
}
