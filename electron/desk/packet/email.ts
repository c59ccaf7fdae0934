// The email draft: a complete RFC 5322 message (.eml) with the packet attached, built with
// nodemailer's MailComposer so the same bytes can be opened as a draft or sent over SMTP.
import MailComposer from 'nodemailer/lib/mail-composer';
import { addressOneLine, formatPhone, longDate } from './text';
import { numberLines, toKeep, toPort, type PacketInput } from './model';
import { portWindow } from './cover';

export interface Attachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

export function emailSubject(input: PacketInput): string {
  const c = input.kase.customer;
  return `Port request: ${c.accountName} - BTN ${formatPhone(c.btn)}${input.kase.id ? ` (case #${input.kase.id})` : ''}`;
}

export function emailBody(input: PacketInput): { text: string; html: string } {
  const k = input.kase;
  const c = k.customer;
  const lines = numberLines(input);
  const port = toPort(lines);
  const keep = toKeep(lines);
  const foc = k.focDate ? `${longDate(k.focDate)}, ${portWindow(input)}` : 'not requested yet';
  const list = port.slice(0, 50).map((l) => formatPhone(l.number));
  const more = port.length > 50 ? `and ${port.length - 50} more (see numbers.csv)` : '';
  const sig = input.signature ? 'signed' : 'awaiting the customer signature';
  const text = [
    'Hello,',
    '',
    `Please find attached the port request packet for ${c.accountName}.`,
    '',
    `Account: ${c.accountName}, account ${c.accountNumber}, losing carrier ${c.losingCarrier}`,
    `BTN: ${formatPhone(c.btn)}${k.newBtn ? ` (new BTN for the remaining numbers: ${formatPhone(k.newBtn)})` : ''}`,
    `Service address: ${addressOneLine(k.serviceAddress)}`,
    `Numbers to port (${port.length}): ${list.join(', ')}${more ? ', ' + more : ''}`,
    `Numbers staying on the account: ${keep.length}`,
    `Requested FOC: ${foc}`,
    `LOA: ${sig}`,
    '',
    'The packet (packet.pdf) holds the cover sheet, the LOA with Attachment A, ' +
      (port.some((l) => l.kind === 'tollfree') ? 'the RespOrg change letter, ' : '') +
      'and the bill copy.',
    '',
    input.profile.companyName ? `${input.profile.companyName}` : '',
    input.profile.phone || '',
  ]
    .join('\r\n')
    .trimEnd();
  const row = (label: string, value: string): string =>
    `<tr><th style="text-align:left;padding:2px 12px 2px 0;color:#555;font-weight:600">${esc(label)}</th><td>${esc(value)}</td></tr>`;
  const html =
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1c21">` +
    `<p>Hello,</p><p>Please find attached the port request packet for <b>${esc(c.accountName)}</b>.</p>` +
    `<table style="border-collapse:collapse">` +
    row('Account', `${c.accountName}, account ${c.accountNumber}`) +
    row('Losing carrier', c.losingCarrier) +
    row('BTN', formatPhone(c.btn) + (k.newBtn ? ` (new BTN: ${formatPhone(k.newBtn)})` : '')) +
    row('Service address', addressOneLine(k.serviceAddress)) +
    row('Numbers to port', `${port.length}`) +
    row('Staying on account', `${keep.length}`) +
    row('Requested FOC', foc) +
    row('LOA', sig) +
    `</table><p>${list.map(esc).join(', ')}${more ? ', ' + esc(more) : ''}</p>` +
    (input.profile.companyName ? `<p>${esc(input.profile.companyName)}</p>` : '') +
    `</div>`;
  return { text, html };
}

export async function buildEml(input: PacketInput, attachments: Attachment[]): Promise<Buffer> {
  const { text, html } = emailBody(input);
  const composer = new MailComposer({
    from: input.fromAddress || undefined,
    to: input.portingInbox || undefined,
    subject: emailSubject(input),
    text,
    html,
    date: input.now,
    // Outlook and Thunderbird open a message with this header as an editable draft.
    headers: { 'X-Unsent': '1' },
    attachments: attachments.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content),
      contentType: a.contentType,
    })),
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}
