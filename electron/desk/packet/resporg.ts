// RespOrg change letter: toll-free numbers move by changing their Responsible Organization in the
// Somos registry, which needs its own signed authorization, separate from the LOA.
import { Writer, embedDataUrl, MUTED } from './layout';
import { addressLines, formatPhone, longDate } from './text';
import { footerFor, signatureBlock } from './loa';
import { numberLines, toPort, type PacketInput } from './model';

export function tollFreeToPort(input: PacketInput): string[] {
  return toPort(numberLines(input))
    .filter((l) => l.kind === 'tollfree')
    .map((l) => l.number);
}

export async function buildRespOrgLetter(input: PacketInput): Promise<Uint8Array> {
  const k = input.kase;
  const c = k.customer;
  const numbers = tollFreeToPort(input);
  const w = await Writer.create(`RespOrg Change Letter - ${c.accountName}`, footerFor(input), input.now);
  w.letterhead(input.profile, await embedDataUrl(w.pdf, input.profile.logo), 'RespOrg Change');

  w.text('Toll-Free RespOrg Change Authorization', { size: 16, font: w.fonts.bold });
  w.space(2);
  w.text(`Prepared ${longDate(input.now)}`, { size: 9, color: MUTED });
  w.space(8);

  w.heading('Customer of record');
  w.fields(
    [
      ['Customer name', c.accountName],
      ['Account number', c.accountNumber],
      ['Current provider', c.losingCarrier],
      ['Current RespOrg ID', ''],
      ['Address', addressLines(k.serviceAddress).join('\n')],
      ['Billing number (BTN)', formatPhone(c.btn)],
    ],
    2,
    112,
  );

  w.heading('Authorization');
  const gaining = input.profile.companyName || 'the gaining service provider';
  w.text(
    `${c.accountName}, the customer of record for the toll-free number${numbers.length === 1 ? '' : 's'} listed below, ` +
      `authorizes ${gaining} and its designated Responsible Organization (RespOrg) to assume RespOrg responsibility ` +
      `for ${numbers.length === 1 ? 'this number' : 'these numbers'} in the toll-free number registry, and to make the ` +
      `routing changes needed to move service from ${c.losingCarrier}. This letter releases the current RespOrg to ` +
      'accept the change. It does not authorize any other change to the account.',
    { size: 9.5, lineGap: 1.5 },
  );

  w.heading(`Toll-free numbers (${numbers.length})`, 12);
  if (numbers.length <= 30) {
    w.table(
      [
        { title: '#', width: 0.08, align: 'right' },
        { title: 'Toll-free number', width: 0.4 },
        { title: 'Action', width: 0.52 },
      ],
      numbers.map((n, i) => [String(i + 1), formatPhone(n), 'Change RespOrg and port']),
    );
  } else {
    w.grid(numbers.map(formatPhone), 4);
  }

  const image =
    input.signature?.kind === 'drawn' ? await embedDataUrl(w.pdf, input.signature.pngDataUrl) : null;
  signatureBlock(w, input, image);
  return w.finish();
}
