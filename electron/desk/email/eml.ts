// .eml (RFC 822/MIME, as Thunderbird, Apple Mail and Gmail save a message) through mailparser.
// mailparser reads anything as a message (random bytes become a body with no headers, a cut-off
// message keeps its half attachment), so what it returns is checked: a message has headers, and a
// multipart message ends with its closing boundary.
import { simpleParser, type AddressObject } from 'mailparser';
import { DeskError } from '../../../shared/errors';
import { htmlToText } from '../../../shared/email/html-text';
import type { MailFile, ParsedMail } from './mail';

const MESSAGE_HEADERS = [
  'from',
  'date',
  'subject',
  'message-id',
  'mime-version',
  'received',
  'to',
  'return-path',
];

/** True when the bytes start like a saved email: header lines, one of them a message header. */
export function looksLikeEml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 16 * 1024)).toString('latin1');
  const block = head.replace(/^\uFEFF/, '').split(/\r?\n\r?\n/)[0] ?? '';
  if (!/^[!-9;-~]+:[ \t]?/.test(block)) return false;
  const names = [...block.matchAll(/^([!-9;-~]+):/gm)].map((m) => m[1]!.toLowerCase());
  return names.some((n) => MESSAGE_HEADERS.includes(n));
}

export async function parseEml(bytes: Buffer, name: string): Promise<ParsedMail> {
  if (!looksLikeEml(bytes))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not an email message: it has no mail headers (From, Date, Subject …)`,
    );
  let m;
  try {
    m = await simpleParser(bytes, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch (err) {
    throw new DeskError('BAD_INPUT_FILE', `${name} cannot be read as an email: ${(err as Error).message}`);
  }
  const type = m.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const boundary = type?.value?.startsWith('multipart/') ? type.params?.boundary : undefined;
  if (boundary && !bytes.includes(`--${boundary}--`))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is cut off: the message ends before its last part (the file was not saved or copied whole)`,
    );
  const from = firstAddress(m.from);
  const files: MailFile[] = m.attachments.map((a, i) => ({
    name: a.filename?.trim() || `attachment-${i + 1}${a.contentType === 'message/rfc822' ? '.eml' : ''}`,
    mime: a.contentType || 'application/octet-stream',
    bytes: a.content,
    inline: a.contentDisposition === 'inline' || a.related === true,
  }));
  const text = m.text?.trim() ? m.text : typeof m.html === 'string' ? htmlToText(m.html) : '';
  return {
    format: 'eml',
    from,
    subject: m.subject ?? '',
    date: m.date && !Number.isNaN(m.date.getTime()) ? m.date : null,
    text,
    files,
  };
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): ParsedMail['from'] {
  const obj = Array.isArray(a) ? a[0] : a;
  const v = obj?.value?.[0];
  if (!v) return null;
  return { name: (v.name ?? '').trim(), address: (v.address ?? '').trim() };
}
