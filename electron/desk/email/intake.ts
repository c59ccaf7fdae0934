// An email in, a case's worth out: the request its body (and a forwarded message's body) makes,
// every file it carries sorted into bills and others, and the largest bill read as any bill is.
// A bill that cannot be read gives way to the next largest; an email with neither a bill nor a
// request in its words is refused with a sentence saying which.
import { etDate } from '../../../shared/foc/time';
import { DeskError } from '../../../shared/errors';
import { mergeReadings } from '../../../shared/email/merge';
import { isEmptyRequest, readRequestText, type BodyReading } from '../../../shared/email/request-text';
import { intakeBill, type IntakeOptions, type IntakeResult } from '../intake/bill';
import { mb } from '../intake/sniff';
import { unpackMail, type Attachment } from './attachments';
import { looksLikeEml, parseEml } from './eml';
import { EMAIL_LIMITS } from './limits';
import type { ParsedMail } from './mail';
import { looksLikeMsg, parseMsg } from './msg';

export interface EmailIntake {
  mail: Pick<ParsedMail, 'format' | 'from' | 'subject' | 'date'>;
  reading: BodyReading;
  attachments: Attachment[];
  /** Index in `attachments` of the bill that was read; null when there is none. */
  chosen: number | null;
  bill: IntakeResult | null;
  warnings: string[];
}

/** True when the file is an email the desk reads, judged by name and bytes. */
export function isEmailFile(name: string, bytes?: Uint8Array): boolean {
  if (/\.(eml|msg)$/i.test(name)) return true;
  return !!bytes && (looksLikeMsg(bytes) ? /\.msg$/i.test(name) : looksLikeEml(bytes));
}

export async function parseMail(bytes: Buffer, name: string): Promise<ParsedMail> {
  if (bytes.length === 0) throw new DeskError('BAD_INPUT_FILE', `${name} is empty (0 bytes)`);
  if (bytes.length > EMAIL_LIMITS.maxBytes)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${mb(bytes.length)}; the desk reads emails of at most ${mb(EMAIL_LIMITS.maxBytes)}`,
    );
  if (looksLikeMsg(bytes)) return parseMsg(bytes, name);
  if (/\.msg$/i.test(name))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not an Outlook message: it is not a compound file (damaged or renamed?)`,
    );
  return parseEml(bytes, name);
}

export async function intakeEmail(
  bytes: Buffer,
  opts: IntakeOptions & { name: string },
): Promise<EmailIntake> {
  const name = opts.name;
  opts.onProgress?.({ stage: 'read', done: 0, total: 1 });
  const mail = await parseMail(bytes, name);
  const { attachments, inner } = await unpackMail(mail);
  opts.signal?.throwIfAborted();
  const sent = (d: Date | null) => (d ? etDate(d) : null);
  const reading = mergeReadings([
    readRequestText(mail.text, { from: mail.from, sent: sent(mail.date) }),
    ...inner.map((m) => readRequestText(m.text, { from: m.from, sent: sent(m.date) ?? sent(mail.date) })),
  ]);
  const warnings: string[] = [];
  const candidates = attachments
    .map((a, i) => ({ a, i }))
    .filter((x) => x.a.kind === 'bill')
    .sort((x, y) => y.a.bytes.length - x.a.bytes.length);
  let bill: IntakeResult | null = null;
  let chosen: number | null = null;
  const failed: string[] = [];
  for (const { a, i } of candidates) {
    try {
      bill = await intakeBill(a.bytes, { ...opts, name: a.name });
      chosen = i;
      break;
    } catch (err) {
      if (!(err instanceof DeskError) || !['BAD_INPUT_FILE', 'LIMIT_EXCEEDED'].includes(err.code)) throw err;
      a.note = err.message;
      failed.push(err.message);
    }
  }
  const empty = isEmptyRequest(reading.request);
  if (!bill) {
    const why =
      failed.length > 0
        ? `none of its attachments could be read as a bill (${failed.join('; ')})`
        : attachments.length === 0
          ? 'it has no attachment'
          : `its ${attachments.length === 1 ? 'only attachment' : 'attachments'} ${attachments.map((a) => `${a.name} (${a.note ?? 'not a bill'})`).join(', ')} ${attachments.length === 1 ? 'is' : 'are'} not a bill`;
    if (empty)
      throw new DeskError(
        'BAD_INPUT_FILE',
        `Nothing to start a case from in ${name}: ${why}, and its text names no number, account, PIN or address to port`,
      );
    warnings.push(
      `No bill: ${why}. The case is prefilled from the email's text alone; ask the customer for a bill.`,
    );
  } else if (empty)
    warnings.push(
      "The email's text asks for nothing the desk could read; the case is prefilled from the bill.",
    );
  for (const w of bill?.warnings ?? []) warnings.push(w);
  return {
    mail: { format: mail.format, from: mail.from, subject: mail.subject, date: mail.date },
    reading,
    attachments,
    chosen,
    bill,
    warnings,
  };
}
