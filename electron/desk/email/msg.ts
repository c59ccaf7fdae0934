// Outlook .msg (what Outlook on Windows writes when a message is dragged out): a compound file
// read with @kenjiuno/msgreader. The reader throws plain errors (or returns { error }) on damaged
// files; both become one sentence. A message forwarded as an attachment comes back as a .msg file
// of its own, which the caller opens like any other attached message.
import MsgReaderModule, { type FieldsData } from '@kenjiuno/msgreader';
import { DeskError } from '../../../shared/errors';
import { htmlToText } from '../../../shared/email/html-text';
import type { MailFile, ParsedMail } from './mail';

// A CommonJS module with `exports.default`: loaded from ESM, the class is one level down.
const MsgReader =
  (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;
type MsgReader = InstanceType<typeof MsgReaderModule>;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function looksLikeMsg(bytes: Uint8Array): boolean {
  return OLE.every((v, i) => bytes[i] === v);
}

export function parseMsg(bytes: Buffer, name: string): ParsedMail {
  if (!looksLikeMsg(bytes))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not an Outlook message (.msg): it is not a compound file`,
    );
  let reader: MsgReader;
  let data: FieldsData;
  try {
    reader = new MsgReader(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    data = reader.getFileData();
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is a damaged Outlook message and cannot be read (${(err as Error).message || 'unreadable compound file'})`,
    );
  }
  if (data.error || data.dataType !== 'msg')
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not an Outlook message: it is another Office compound file (an old Word or Excel document?)`,
    );
  const files: MailFile[] = [];
  for (const [i, att] of (data.attachments ?? []).entries()) {
    let content: Uint8Array;
    let fileName: string;
    try {
      const a = reader.getAttachment(att);
      content = a.content;
      fileName = a.fileName;
    } catch (err) {
      throw new DeskError(
        'BAD_INPUT_FILE',
        `${name} is damaged: attachment ${i + 1} cannot be read (${(err as Error).message})`,
      );
    }
    const inner = att.innerMsgContent === true;
    files.push({
      name:
        (fileName || att.fileName || att.fileNameShort || `attachment-${i + 1}`).trim() ||
        `attachment-${i + 1}`,
      mime: inner ? 'application/vnd.ms-outlook' : att.attachMimeTag || 'application/octet-stream',
      bytes: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
      inline: att.attachmentHidden === true || (!!att.pidContentId && !inner),
    });
  }
  const text = data.body?.trim()
    ? data.body
    : data.bodyHtml
      ? htmlToText(data.bodyHtml)
      : data.html
        ? htmlToText(Buffer.from(data.html).toString('utf8'))
        : '';
  const address = [data.senderSmtpAddress, data.sentRepresentingSmtpAddress, data.senderEmail].find(
    (a) => !!a && /@/.test(a),
  );
  const from =
    data.senderName || address ? { name: (data.senderName ?? '').trim(), address: address ?? '' } : null;
  const when = [data.clientSubmitTime, data.messageDeliveryTime, data.creationTime]
    .map((s) => (s ? new Date(s) : null))
    .find((d) => d && !Number.isNaN(d.getTime()));
  return {
    format: 'msg',
    from,
    subject: data.subject ?? '',
    date: when ?? headerDate(data.headers),
    text,
    files,
  };
}

function headerDate(headers: string | undefined): Date | null {
  const m = headers ? /^Date:\s*(.+)$/im.exec(headers) : null;
  const d = m ? new Date(m[1]!.trim()) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}
