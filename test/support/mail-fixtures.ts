// Test emails built from the sample bills: .eml through nodemailer's MailComposer (what the desk
// already uses to write its .eml drafts) and Outlook .msg as a compound file written with cfb,
// with the property streams Outlook writes (MS-OXMSG): subject, sender, body, HTML body,
// submit time, and one storage per attachment (or an embedded message for a forwarded one).
import CFB from 'cfb';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface MailSpec {
  from?: string;
  fromName?: string;
  to?: string;
  subject?: string;
  date?: Date;
  text?: string;
  html?: string;
  attachments?: {
    filename: string;
    content: Buffer;
    contentType?: string;
    cid?: string;
    contentDisposition?: 'inline' | 'attachment';
  }[];
}

export async function makeEml(spec: MailSpec): Promise<Buffer> {
  const mail = new MailComposer({
    from: spec.fromName
      ? { name: spec.fromName, address: spec.from ?? 'customer@example.com' }
      : (spec.from ?? 'customer@example.com'),
    to: spec.to ?? 'porting@desk.example',
    subject: spec.subject ?? 'Port request',
    date: spec.date ?? new Date('2024-08-03T14:00:00Z'),
    ...(spec.text !== undefined ? { text: spec.text } : {}),
    ...(spec.html !== undefined ? { html: spec.html } : {}),
    attachments: (spec.attachments ?? []).map((a) => ({
      filename: a.filename,
      content: a.content,
      ...(a.contentType ? { contentType: a.contentType } : {}),
      ...(a.cid ? { cid: a.cid } : {}),
      ...(a.contentDisposition ? { contentDisposition: a.contentDisposition } : {}),
    })),
  });
  return new Promise((resolve, reject) =>
    mail.compile().build((err, msg) => (err ? reject(err) : resolve(msg))),
  );
}

const utf16 = (s: string) => Buffer.from(s + '\0', 'utf16le');

/** PT_UNICODE 0x001F, PT_BINARY 0x0102, PT_LONG 0x0003, PT_SYSTIME 0x0040, PT_OBJECT 0x000D. */
type Prop = { id: number; type: 0x1f | 0x102 | 0x3 | 0x40 | 0xd; value: Buffer | number | Date };

function propertyStream(props: Prop[], header: Buffer): Buffer {
  const out = Buffer.alloc(header.length + props.length * 16);
  header.copy(out, 0);
  let at = header.length;
  for (const p of props) {
    out.writeUInt32LE(((p.id << 16) | p.type) >>> 0, at);
    out.writeUInt32LE(0x6, at + 4); // readable | writable
    if (p.type === 0x3) out.writeUInt32LE(p.value as number, at + 8);
    else if (p.type === 0x40) {
      // FILETIME: 100 ns ticks since 1601-01-01.
      const ticks = BigInt((p.value as Date).getTime()) * 10000n + 116444736000000000n;
      out.writeBigUInt64LE(ticks, at + 8);
    } else out.writeUInt32LE((p.value as Buffer).length, at + 8);
    at += 16;
  }
  return out;
}

function addProps(
  cfb: CFB.CFB$Container,
  dir: string,
  props: Prop[],
  header: Buffer = Buffer.alloc(8),
): void {
  for (const p of props) {
    if (p.type === 0x1f || p.type === 0x102) {
      const tag = ((p.id << 16) | p.type).toString(16).toUpperCase().padStart(8, '0');
      CFB.utils.cfb_add(cfb, `${dir}__substg1.0_${tag}`, p.value);
    }
  }
  CFB.utils.cfb_add(cfb, `${dir}__properties_version1.0`, propertyStream(props, header));
}

export interface MsgSpec extends Omit<MailSpec, 'attachments'> {
  attachments?: { filename: string; content: Buffer; contentType?: string; hidden?: boolean }[];
  /** A message forwarded as an attachment (an embedded .msg). */
  forwarded?: MsgSpec;
}

function writeMessage(cfb: CFB.CFB$Container, root: string, spec: MsgSpec, embedded: boolean): void {
  const props: Prop[] = [
    { id: 0x001a, type: 0x1f, value: utf16('IPM.Note') },
    { id: 0x0037, type: 0x1f, value: utf16(spec.subject ?? 'Port request') },
    { id: 0x0c1a, type: 0x1f, value: utf16(spec.fromName ?? '') },
    { id: 0x0c1f, type: 0x1f, value: utf16(spec.from ?? 'customer@example.com') },
    { id: 0x5d01, type: 0x1f, value: utf16(spec.from ?? 'customer@example.com') },
    { id: 0x0039, type: 0x40, value: spec.date ?? new Date('2024-08-03T14:00:00Z') },
  ];
  if (spec.text !== undefined) props.push({ id: 0x1000, type: 0x1f, value: utf16(spec.text) });
  if (spec.html !== undefined) props.push({ id: 0x1013, type: 0x102, value: Buffer.from(spec.html, 'utf8') });
  const atts = spec.attachments ?? [];
  const count = atts.length + (spec.forwarded ? 1 : 0);
  // Top-level header: 8 reserved, next recipient id, next attachment id, recipient count,
  // attachment count, 8 reserved; an embedded message's header has no trailing reserved bytes.
  const head = Buffer.alloc(embedded ? 24 : 32);
  head.writeUInt32LE(1, 8);
  head.writeUInt32LE(count, 12);
  head.writeUInt32LE(1, 16);
  head.writeUInt32LE(count, 20);
  addProps(cfb, root, props, head);
  const recip = `${root}__recip_version1.0_#00000000/`;
  addProps(cfb, recip, [
    { id: 0x3001, type: 0x1f, value: utf16('Porting Desk') },
    { id: 0x39fe, type: 0x1f, value: utf16(spec.to ?? 'porting@desk.example') },
    { id: 0x0c15, type: 0x3, value: 1 },
  ]);
  atts.forEach((a, i) => {
    const dir = `${root}__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}/`;
    const ext = /\.[^.]+$/.exec(a.filename)?.[0] ?? '';
    const aprops: Prop[] = [
      { id: 0x3707, type: 0x1f, value: utf16(a.filename) },
      { id: 0x3704, type: 0x1f, value: utf16(a.filename.slice(0, 12)) },
      { id: 0x3001, type: 0x1f, value: utf16(a.filename) },
      { id: 0x3703, type: 0x1f, value: utf16(ext) },
      { id: 0x3701, type: 0x102, value: a.content },
      { id: 0x3705, type: 0x3, value: 1 }, // ATTACH_BY_VALUE
      { id: 0x0e20, type: 0x3, value: a.content.length },
    ];
    if (a.contentType) aprops.push({ id: 0x370e, type: 0x1f, value: utf16(a.contentType) });
    if (a.hidden) aprops.push({ id: 0x7ffe, type: 0x3, value: 1 });
    addProps(cfb, dir, aprops);
  });
  if (spec.forwarded) {
    const dir = `${root}__attach_version1.0_#${atts.length.toString(16).toUpperCase().padStart(8, '0')}/`;
    addProps(cfb, dir, [
      { id: 0x3001, type: 0x1f, value: utf16(spec.forwarded.subject ?? 'Forwarded') },
      { id: 0x3705, type: 0x3, value: 5 }, // ATTACH_EMBEDDED_MSG
    ]);
    writeMessage(cfb, `${dir}__substg1.0_3701000D/`, spec.forwarded, true);
  }
  if (!embedded) {
    for (const s of ['00020102', '00030102', '00040102'])
      CFB.utils.cfb_add(cfb, `${root}__nameid_version1.0/__substg1.0_${s}`, Buffer.alloc(0));
  }
}

export function makeMsg(spec: MsgSpec): Buffer {
  const cfb = CFB.utils.cfb_new();
  writeMessage(cfb, '/', spec, false);
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}
