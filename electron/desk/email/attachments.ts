// Every file an email carries, unpacked and sorted into bills and others: attachments, files in
// a .zip attachment, and the attachments (and body) of a message forwarded as an attachment.
// Signature logos and tiny inline pictures are listed as other, never offered as the bill.
import { DeskError } from '../../../shared/errors';
import { BILL_MIME, headerDimensions, LIMITS, mb, sniffKind, type BillKind } from '../intake/sniff';
import { looksLikeEml, parseEml } from './eml';
import { EMAIL_LIMITS } from './limits';
import type { MailFile, ParsedMail } from './mail';
import { looksLikeMsg, parseMsg } from './msg';
import { readZip } from './zip';

export interface Attachment {
  /** "bill.pdf", or "bills.zip › page1.pdf", "Fwd: March bill.eml › bill.pdf" for what is inside. */
  name: string;
  bytes: Buffer;
  mime: string;
  kind: 'bill' | 'other';
  billKind: BillKind | null;
  /** Why it is not offered as a bill, for the agent ("signature logo", "password-protected zip"). */
  note: string | null;
}

/** A message forwarded as an attachment: its body may hold the customer's own request. */
export interface InnerMessage {
  name: string;
  from: ParsedMail['from'];
  date: Date | null;
  text: string;
}

export interface Unpacked {
  attachments: Attachment[];
  inner: InnerMessage[];
}

/** Small pictures in a mail are logos, icons and signatures: no bill page is this small. */
const TINY_BYTES = 12 * 1024;
const TINY_SIDE = 300;

interface Budget {
  bytes: number;
  count: number;
}

export async function unpackMail(mail: ParsedMail): Promise<Unpacked> {
  const out: Unpacked = { attachments: [], inner: [] };
  const budget: Budget = { bytes: EMAIL_LIMITS.maxTotalBytes, count: EMAIL_LIMITS.maxAttachments };
  for (const f of mail.files) await take(f, '', 1, budget, out);
  return out;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);

async function take(
  f: MailFile,
  prefix: string,
  depth: number,
  budget: Budget,
  out: Unpacked,
): Promise<void> {
  const name = prefix + f.name;
  if (--budget.count < 0)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `The email carries more than ${EMAIL_LIMITS.maxAttachments} files (with those inside zips and forwarded messages); the desk reads at most that many`,
    );
  budget.bytes -= f.bytes.length;
  if (budget.bytes < 0)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `The email's attachments come to more than ${mb(EMAIL_LIMITS.maxTotalBytes)}; the desk reads at most that much from one email`,
    );
  const other = (note: string) =>
    out.attachments.push({ name, bytes: f.bytes, mime: f.mime, kind: 'other', billKind: null, note });

  const message =
    f.mime === 'message/rfc822' || /\.eml$/i.test(f.name)
      ? 'eml'
      : f.mime === 'application/vnd.ms-outlook' || /\.msg$/i.test(f.name) || looksLikeMsg(f.bytes)
        ? 'msg'
        : null;
  if (message && (message === 'msg' ? looksLikeMsg(f.bytes) : looksLikeEml(f.bytes))) {
    if (depth >= EMAIL_LIMITS.maxDepth)
      return void other('a message forwarded too many times over; open it by itself');
    let inner: ParsedMail;
    try {
      inner = message === 'msg' ? parseMsg(f.bytes, name) : await parseEml(f.bytes, name);
    } catch (err) {
      if (
        err instanceof DeskError &&
        err.code === 'BAD_INPUT_FILE' &&
        message === 'msg' &&
        !/\.msg$/i.test(f.name)
      )
        return void other(err.message); // another Office compound file, e.g. an old .doc
      throw err;
    }
    out.inner.push({ name, from: inner.from, date: inner.date, text: inner.text });
    // The forwarded message itself is kept as a file too, so it can join the case's documents.
    out.attachments.push({
      name,
      bytes: f.bytes,
      mime: f.mime,
      kind: 'other',
      billKind: null,
      note: 'forwarded message',
    });
    for (const g of inner.files) await take(g, `${name} › `, depth + 1, budget, out);
    return;
  }
  if (isZip(f.bytes)) {
    if (depth >= EMAIL_LIMITS.maxDepth)
      return void other('a zip inside zips; unzip it and add the bill itself');
    let entries;
    try {
      entries = await readZip(f.bytes, name, Math.max(0, budget.bytes));
    } catch (err) {
      // A locked, damaged or bomb-like zip is listed with the reason; the rest of the email is read.
      if (err instanceof DeskError) return void other(err.message);
      throw err;
    }
    for (const e of entries)
      await take(
        { name: e.name, mime: 'application/octet-stream', bytes: e.bytes, inline: false },
        `${name} › `,
        depth + 1,
        budget,
        out,
      );
    return;
  }
  if (f.bytes.length > LIMITS.maxBytes)
    return void other(`${mb(f.bytes.length)}, over the ${mb(LIMITS.maxBytes)} bill limit`);
  let kind: BillKind;
  try {
    kind = sniffKind(f.bytes, name);
  } catch (err) {
    return void other(err instanceof DeskError ? err.message : 'not a bill format');
  }
  if (kind !== 'pdf') {
    const dims = headerDimensions(f.bytes, kind);
    const tiny = f.bytes.length < TINY_BYTES || (dims && (dims.width < TINY_SIDE || dims.height < TINY_SIDE));
    if (tiny || (f.inline && f.bytes.length < 4 * TINY_BYTES))
      return void out.attachments.push({
        name,
        bytes: f.bytes,
        mime: BILL_MIME[kind],
        kind: 'other',
        billKind: null,
        note: f.inline ? 'picture in the message (logo or signature)' : 'too small to be a bill page',
      });
  }
  out.attachments.push({
    name,
    bytes: f.bytes,
    mime: BILL_MIME[kind],
    kind: 'bill',
    billKind: kind,
    note: null,
  });
}
