// The Letter of Authorization (47 CFR 64.1130): a separate document, signed and dated, giving the
// billing name and address and every number covered (Attachment A: to port and not to port).
import { rgb } from 'pdf-lib';
import { Writer, embedDataUrl, MUTED, ACCENT, type Column } from './layout';
import { addressLines, formatPhone, longDate, wrap } from './text';
import {
  btnStranded,
  numberLines,
  toKeep,
  toPort,
  KIND_LABEL,
  type NumberLine,
  type PacketInput,
} from './model';

export const footerFor = (input: PacketInput): string => {
  const k = input.kase;
  const id = k.id ? `Case #${k.id}  |  ` : '';
  const name =
    k.customer.accountName.length > 48 ? k.customer.accountName.slice(0, 47) + '…' : k.customer.accountName;
  return `${id}${name}  |  BTN ${formatPhone(k.customer.btn)}`;
};

export async function buildLoa(input: PacketInput): Promise<Uint8Array> {
  const k = input.kase;
  const c = k.customer;
  const a = k.authorized;
  const w = await Writer.create(`Letter of Authorization - ${c.accountName}`, footerFor(input), input.now);
  const logo = await embedDataUrl(w.pdf, input.profile.logo);
  w.letterhead(input.profile, logo, 'Letter of Authorization');

  w.text('Letter of Authorization to Port Telephone Numbers', { size: 16, font: w.fonts.bold });
  w.space(2);
  w.text(`Prepared ${longDate(input.now)}`, { size: 9, color: MUTED });
  w.space(8);

  const lines = numberLines(input);
  const port = toPort(lines);
  const keep = toKeep(lines);
  const stranded = btnStranded(input);

  w.heading('Customer account, as shown on the current bill');
  const acct: [string, string][] = [
    ['Account name', c.accountName],
    ['Account number', c.accountNumber],
    ['Billing number (BTN)', formatPhone(c.btn)],
    ['Losing carrier', c.losingCarrier],
    ['Billing and service address', addressLines(k.serviceAddress).join('\n')],
    ['Account type', c.accountType === 'business' ? 'Business' : 'Residential'],
  ];
  if (k.newBtn) acct.push(['New BTN for remaining', formatPhone(k.newBtn)]);
  w.fields(acct, 2, 112);

  w.heading('Authorized person');
  w.fields(
    [
      ['Name', a.name],
      ['Title', a.title],
      ['Phone', formatPhone(a.phone)],
      ['Email', a.email],
    ],
    2,
    112,
  );

  w.heading('Authorization');
  const who = a.title
    ? `${a.name}, ${a.title} of ${c.accountName}`
    : `${a.name}, on behalf of ${c.accountName}`;
  const gaining = input.profile.companyName || 'the gaining service provider';
  const tf = port.some((l) => l.kind === 'tollfree');
  w.text(
    `I, ${who}, am the account holder or am authorized to act for the account holder whose billing name and ` +
      `billing address appear above. I authorize ${gaining}, and the carriers it designates, to act as my agent to ` +
      `change the service provider of the ${port.length} telephone number${port.length === 1 ? '' : 's'} listed under ` +
      `"Numbers to port" in Attachment A from ${c.losingCarrier} (account ${c.accountNumber}, BTN ${formatPhone(c.btn)}) ` +
      `to the new provider, and to port ${port.length === 1 ? 'that number' : 'those numbers'}.` +
      (tf ? ' Toll-free numbers are covered by the separate RespOrg change letter.' : ''),
    { size: 9.5, lineGap: 1.5 },
  );
  const terms = [
    'only one service provider may be designated for each telephone number, and this change replaces my current provider for the numbers to port;',
    keep.length
      ? `the ${keep.length} number${keep.length === 1 ? '' : 's'} listed under "Numbers not to port" stay with ${c.losingCarrier}, so the account must remain open${k.newBtn ? ` with the new BTN ${formatPhone(k.newBtn)}` : ''};`
      : input.billNumbers.length
        ? 'every number on the account is listed in Attachment A, and all of them are ported;'
        : 'the numbers covered are listed in Attachment A;',
    'the change may involve a charge, and my current provider may apply fees under my existing contract;',
    'services tied to the ported numbers (such as DSL, alarm or fax lines) may stop working once they are ported;',
    'the information above matches the records of my current provider, and I may not make changes to the account until the port completes.',
  ];
  w.space(5);
  // The terms stay on the page of the signature that accepts them: never a lone signature block.
  const termsH = terms.reduce(
    (h, t) => h + wrap(t, w.fonts.regular, 9.5, w.width - 24).length * 13.85 + 1,
    14,
  );
  w.ensure(termsH + SIGNATURE_BLOCK_H);
  w.text('I understand and agree that:', { size: 9.5 });
  terms.forEach((t, i) => {
    w.ensure(14);
    const y0 = w.y;
    w.text(`${i + 1}.`, { size: 9.5, x: w.left + 8, width: 14 });
    w.y = y0;
    w.text(t, { size: 9.5, x: w.left + 24, lineGap: 1 });
    w.space(1);
  });

  signatureBlock(w, input, await signatureImage(w, input));

  // Attachment A always starts on its own page so it can be read (and replaced) on its own.
  w.newPage();
  attachmentA(w, input, port, keep, stranded);
  return w.finish();
}

async function signatureImage(w: Writer, input: PacketInput) {
  return input.signature?.kind === 'drawn' ? embedDataUrl(w.pdf, input.signature.pngDataUrl) : null;
}

/** Height the signature block needs (caption, lines, printed name, e-signature note). */
export const SIGNATURE_BLOCK_H = 125;

export function signatureBlock(
  w: Writer,
  input: PacketInput,
  image: Awaited<ReturnType<typeof embedDataUrl>>,
): void {
  const a = input.kase.authorized;
  const sig = input.signature;
  w.ensure(SIGNATURE_BLOCK_H);
  w.space(14);
  if (!sig) {
    w.text('To be signed by the authorized person (electronic signature accepted).', {
      size: 8.5,
      color: MUTED,
    });
    w.space(2);
  }
  const gap = 24;
  const sigW = w.width * 0.62;
  const dateW = w.width - sigW - gap;
  const y0 = w.y;
  w.signatureLine(
    w.left,
    sigW,
    'Signature of authorized person',
    sig?.kind === 'drawn' && image ? { image } : sig?.kind === 'typed' ? { typed: sig.name } : { text: 'X' },
  );
  w.y = y0;
  w.signatureLine(w.left + sigW + gap, dateW, 'Date', sig ? { text: longDate(input.now) } : undefined);
  w.y = y0 - 62;
  w.fields(
    [
      ['Printed name', a.name],
      ['Title', a.title],
    ],
    2,
    72,
  );
  if (sig?.kind === 'typed') {
    w.text(`Signed electronically by typing the name "${sig.name}" on ${longDate(input.now)}.`, {
      size: 7.5,
      color: MUTED,
    });
  }
}

function attachmentA(
  w: Writer,
  input: PacketInput,
  port: NumberLine[],
  keep: NumberLine[],
  stranded: boolean,
): void {
  const c = input.kase.customer;
  w.text('Attachment A: Telephone numbers covered', { size: 15, font: w.fonts.bold });
  w.space(2);
  w.text(
    `${c.accountName}  |  Account ${c.accountNumber}  |  BTN ${formatPhone(c.btn)}  |  ${c.losingCarrier}`,
    {
      size: 9,
      color: MUTED,
    },
  );
  w.space(4);
  // Only claim completeness when a bill was read: otherwise the list is the request's alone.
  w.text(
    input.billNumbers.length
      ? 'Every telephone number on the account, as shown on the current bill, is listed below: to be ported or to stay with the current provider.'
      : 'The telephone numbers covered by this authorization are listed below.',
    { size: 9 },
  );
  const btn = c.btn.replace(/\D/g, '');
  if (stranded || (input.kase.newBtn && port.some((l) => l.number === btn))) {
    w.space(4);
    w.text(
      `The BTN ${formatPhone(c.btn)} is ported. The numbers that stay on the account take the new BTN ` +
        `${input.kase.newBtn ? formatPhone(input.kase.newBtn) : '(not named)'}.`,
      { size: 9.5, font: w.fonts.bold, color: ACCENT },
    );
  }
  w.heading(`Numbers to port (${port.length})`, 12);
  numberList(w, port, btn, 'port');
  w.heading(`Numbers not to port (${keep.length})`, 12);
  if (keep.length === 0) w.text('None: every number on the account is ported.', { size: 9.5, color: MUTED });
  else numberList(w, keep, btn, 'keep');
}

function remark(l: NumberLine, btn: string, mode: 'port' | 'keep'): string {
  const r: string[] = [];
  if (l.number === btn) r.push('BTN');
  if (l.kind === 'tollfree' && mode === 'port') r.push('see RespOrg letter');
  if (l.kind === 'canadian') r.push('Canadian number');
  if (mode === 'keep') r.push(l.source === 'bill' ? 'on the bill, not requested' : 'stays on the account');
  return r.join('; ');
}

/** Short lists as a table; long ones (hundreds) in four columns so Attachment A stays readable. */
function numberList(w: Writer, lines: NumberLine[], btn: string, mode: 'port' | 'keep'): void {
  if (lines.length <= 30) {
    const cols: Column[] = [
      { title: '#', width: 0.07, align: 'right' },
      { title: 'Number', width: 0.25 },
      { title: 'Type', width: 0.18 },
      { title: 'Remarks', width: 0.5 },
    ];
    w.table(
      cols,
      lines.map((l, i) => [String(i + 1), formatPhone(l.number), KIND_LABEL[l.kind], remark(l, btn, mode)]),
      (r, col) => (col === 1 && lines[r]?.number === btn ? { bold: true } : undefined),
    );
    return;
  }
  const mark = (l: NumberLine): string =>
    `${formatPhone(l.number)}${l.number === btn ? '  BTN' : l.kind === 'tollfree' ? '  TF' : l.kind === 'canadian' ? '  CA' : ''}`;
  w.text('BTN = billing number; TF = toll-free; CA = Canadian.', { size: 8, color: rgb(0.38, 0.4, 0.44) });
  w.space(3);
  w.grid(lines.map(mark), 4);
}
