// The desktop app's first look at a team desk, before the agent trusts it: connect, read the
// certificate the server shows (its SHA-256 fingerprint, which the lead printed when starting
// the host), and ask whether a Porting Desk team host answers there. Nothing is sent but a TLS
// handshake and one GET; no password goes out until the agent has compared the fingerprint.
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { DeskError } from '../../../shared/errors';

export interface TeamProbe {
  origin: string;
  /** null over plain HTTP (allowed on this machine's loopback only). */
  fingerprint: string | null;
  subject: string | null;
  validTo: string | null;
  /** The certificate chains to an authority this machine trusts (no pinning needed). */
  trusted: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The team desk's origin from what an agent typed ("desk.office.lan:8443" is https). */
export function teamOrigin(raw: string): URL {
  const text = raw.trim();
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new DeskError(
      'BAD_ARGUMENT',
      `"${raw}" is not a desk address; it looks like https://desk.office.lan:8443.`,
    );
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname)))
    throw new DeskError(
      'BAD_ARGUMENT',
      'A team desk is reached over https:// (plain http only on this machine).',
    );
  if (u.username || u.password)
    throw new DeskError('BAD_ARGUMENT', 'Leave the name and password out of the address.');
  return new URL(u.origin);
}

export function probeTeamDesk(raw: string, timeoutMs = 8000): Promise<TeamProbe> {
  const origin = teamOrigin(raw);
  const secure = origin.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      new URL('/api/auth/session', origin),
      // The certificate is checked by the agent against the fingerprint, not by a CA: a desk's
      // self-signed certificate is the usual case. `trusted` says whether a CA vouches too.
      { method: 'GET', timeout: timeoutMs, ...(secure ? { rejectUnauthorized: false } : {}) },
      (res) => {
        const socket = res.socket as TLSSocket;
        const cert = secure ? socket.getPeerCertificate() : null;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (body.length < 10_000) body += c;
        });
        res.on('end', () => {
          let team = false;
          try {
            team = (JSON.parse(body) as { value?: { team?: boolean } }).value?.team === true;
          } catch {
            team = false;
          }
          if (!team)
            return reject(
              new DeskError(
                'BAD_ARGUMENT',
                `${origin.origin} answers, but it is not a Porting Desk team desk.`,
              ),
            );
          resolve({
            origin: origin.origin,
            fingerprint: cert?.fingerprint256 ?? null,
            subject: [cert?.subject?.CN ?? []].flat()[0] ?? null,
            validTo: cert?.valid_to ?? null,
            trusted: secure ? socket.authorized : false,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) =>
      reject(
        new DeskError('UNAVAILABLE', `The team desk at ${origin.origin} cannot be reached: ${err.message}.`),
      ),
    );
    req.end();
  });
}

/**
 * Electron's certificate check for the window showing a team desk: the pinned fingerprint
 * decides for that host; a CA-trusted certificate passes anywhere else as usual.
 * Returns what setCertificateVerifyProc expects: 0 accept, -2 reject, -3 Chromium's own verdict.
 */
export function certificateVerdict(
  hostname: string,
  certFingerprint256: string,
  pinned: { hostname: string; fingerprint: string | null } | null,
): 0 | -2 | -3 {
  if (!pinned || pinned.hostname.toLowerCase() !== hostname.toLowerCase() || !pinned.fingerprint) return -3;
  const norm = (f: string) => f.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return norm(certFingerprint256) === norm(pinned.fingerprint) ? 0 : -2;
}
