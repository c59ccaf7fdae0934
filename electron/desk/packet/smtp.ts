// Optional SMTP send. The packet's .eml bytes are sent as they are (raw), so what the carrier
// receives is exactly the draft on disk. Every failure becomes one clear sentence.
import nodemailer from 'nodemailer';
import { DeskError } from '../../../shared/errors';
import type { SmtpSettings } from '../../../shared/settings';
import type { SendResult } from '../../../shared/channels/packet';

export interface SmtpConfig extends Omit<SmtpSettings, 'hasPassword'> {
  password: string | null;
  /** Milliseconds; defaults suit a desk on a normal network. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

function transport(cfg: SmtpConfig) {
  if (!cfg.host)
    throw new DeskError('BAD_ARGUMENT', 'SMTP is not set up: enter the SMTP server in Settings > Email.');
  return nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.security === 'tls',
    requireTLS: cfg.security === 'starttls',
    ignoreTLS: cfg.security === 'none',
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? '' } : undefined,
    connectionTimeout: cfg.timeouts?.connection ?? 15_000,
    greetingTimeout: cfg.timeouts?.greeting ?? 15_000,
    socketTimeout: cfg.timeouts?.socket ?? 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/** Turns nodemailer's error into a sentence an agent can act on. */
export function smtpError(cfg: SmtpConfig, err: unknown): DeskError {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const where = `${cfg.host}:${cfg.port}`;
  let msg: string;
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? ''))
    msg = `The SMTP server ${where} did not answer in time.`;
  else if (e.code === 'ECONNREFUSED')
    msg = `The SMTP server ${where} refused the connection (is the host and port right?).`;
  else if (e.code === 'EDNS' || e.code === 'ENOTFOUND')
    msg = `The SMTP server name ${cfg.host} could not be found.`;
  else if (e.code === 'EAUTH')
    msg = `The SMTP server ${where} refused the user name or password: ${e.response ?? e.message}.`;
  else if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE' || e.responseCode)
    msg = `The SMTP server ${where} refused the message: ${e.response ?? e.message}.`;
  else if (e.code === 'ETLS' || /tls|ssl/i.test(e.message ?? ''))
    msg = `The TLS connection to ${where} failed (check the security setting): ${e.message}.`;
  else msg = `Sending through ${where} failed: ${e.message ?? String(err)}.`;
  return new DeskError('INTERNAL', msg);
}

export async function sendRaw(
  cfg: SmtpConfig,
  envelope: { from: string; to: string[] },
  raw: Buffer,
): Promise<SendResult> {
  const t = transport(cfg);
  try {
    const info = await t.sendMail({ envelope, raw });
    const accepted = info.accepted.map(String);
    const rejected = info.rejected.map(String);
    if (accepted.length === 0)
      throw Object.assign(new Error(`no recipient was accepted (${rejected.join(', ')})`), {
        code: 'EENVELOPE',
      });
    return { messageId: info.messageId ?? '', accepted, rejected, response: info.response ?? '' };
  } catch (err) {
    throw err instanceof DeskError ? err : smtpError(cfg, err);
  } finally {
    t.close();
  }
}

export async function verifySmtp(cfg: SmtpConfig): Promise<string> {
  const t = transport(cfg);
  try {
    await t.verify();
    return `Connected to ${cfg.host}:${cfg.port}${cfg.user ? ` and signed in as ${cfg.user}` : ''}.`;
  } catch (err) {
    throw smtpError(cfg, err);
  } finally {
    t.close();
  }
}
