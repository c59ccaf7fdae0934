// Cover sheet: what the person receiving the packet reads first. Case summary, readiness, every
// check (bill against request), the E911 address of each ported number, and the requested FOC.
import { rgb } from 'pdf-lib';
import { STATUS_LABELS } from '../../../shared/status';
import { Writer, embedDataUrl, MUTED } from './layout';
import { addressLines, addressOneLine, formatPhone, longDate, maskPin, sanitize, wrap } from './text';
import { footerFor } from './loa';
import { numberLines, toKeep, toPort, KIND_LABEL, type PacketInput, type Verdict } from './model';

const VERDICT_COLOR: Record<Verdict, ReturnType<typeof rgb>> = {
  match: rgb(0.1, 0.45, 0.2),
  mismatch: rgb(0.7, 0.1, 0.1),
  missing: rgb(0.7, 0.1, 0.1),
  warning: rgb(0.65, 0.4, 0.0),
  ok: rgb(0.1, 0.45, 0.2),
  stale: rgb(0.7, 0.1, 0.1),
};

const READINESS = {
  ready: { label: 'READY TO SUBMIT', color: rgb(0.1, 0.45, 0.2), bg: rgb(0.9, 0.96, 0.91) },
  warnings: { label: 'READY, WITH WARNINGS', color: rgb(0.6, 0.37, 0.0), bg: rgb(0.99, 0.95, 0.86) },
  blocked: { label: 'BLOCKED: FIX BEFORE SUBMITTING', color: rgb(0.7, 0.1, 0.1), bg: rgb(0.99, 0.91, 0.91) },
  none: { label: 'NOT CHECKED AGAINST A BILL', color: rgb(0.35, 0.37, 0.4), bg: rgb(0.94, 0.95, 0.96) },
} as const;

/** Default 11:00-13:00 ET; projects over 49 numbers may request a time (11:00-16:00 ET). */
export function portWindow(input: PacketInput): string {
  const n = toPort(numberLines(input)).length;
  if (input.kase.focTime && n > 49) return `${input.kase.focTime} ET (requested)`;
  return '11:00 to 13:00 ET (default window)';
}

export async function buildCoverSheet(input: PacketInput): Promise<Uint8Array> {
  const k = input.kase;
  const c = k.customer;
  const w = await Writer.create(`Cover Sheet - ${c.accountName}`, footerFor(input), input.now);
  w.letterhead(input.profile, await embedDataUrl(w.pdf, input.profile.logo), 'Port Request Cover Sheet');

  w.text(c.accountName, { size: 16, font: w.fonts.bold });
  w.text(`BTN ${formatPhone(c.btn)}  |  ${c.losingCarrier}  |  Prepared ${longDate(input.now)}`, {
    size: 9,
    color: MUTED,
  });
  w.space(8);

  const r = READINESS[input.readiness.level ?? 'none'];
  const bannerText = input.readiness.summary ? `${r.label}  |  ${input.readiness.summary}` : r.label;
  // The banner grows with its text: a long summary wraps inside the box, never over its border.
  const bannerLines = wrap(sanitize(bannerText, w.fonts.bold), w.fonts.bold, 10.5, w.width - 20);
  const bannerH = bannerLines.length * 13.65 + 10;
  w.ensure(bannerH + 4);
  w.page.drawRectangle({
    x: w.left,
    y: w.y - bannerH,
    width: w.width,
    height: bannerH,
    color: r.bg,
    borderColor: r.color,
    borderWidth: 0.8,
  });
  w.y -= 5;
  w.text(bannerText, { size: 10.5, font: w.fonts.bold, color: r.color, x: w.left + 10, width: w.width - 20 });
  w.y -= 5;

  const lines = numberLines(input);
  const port = toPort(lines);
  const keep = toKeep(lines);
  const tf = port.filter((l) => l.kind === 'tollfree').length;
  const ca = port.filter((l) => l.kind === 'canadian').length;
  w.heading('Case summary');
  w.fields(
    [
      ['Case', k.id ? `#${k.id}` : 'One-shot request (not stored)'],
      ['Status', k.status ? STATUS_LABELS[k.status] : 'Draft'],
      ['Account name', c.accountName],
      ['Account number', c.accountNumber],
      ['BTN', formatPhone(c.btn)],
      ['Losing carrier', c.losingCarrier],
      [
        'Account type',
        `${c.accountType === 'business' ? 'Business' : 'Residential'}${c.wireless ? ', wireless' : ''}`,
      ],
      ['Port-out PIN', maskPin(c.pin)],
      ['Service address', addressLines(k.serviceAddress).join('\n')],
      ['Authorized person', [k.authorized.name, k.authorized.title].filter(Boolean).join(', ')],
      ['Contact', [formatPhone(k.authorized.phone), k.authorized.email].filter(Boolean).join('\n')],
      ['New BTN', k.newBtn ? formatPhone(k.newBtn) : ''],
      [
        'Numbers to port',
        `${port.length} (${port.length - tf - ca} local${tf ? `, ${tf} toll-free` : ''}${ca ? `, ${ca} Canadian` : ''})`,
      ],
      ['Staying on account', String(keep.length)],
      ['Requested FOC', k.focDate ? longDate(k.focDate) : 'Not requested'],
      ['Port window', portWindow(input)],
      ['Bill copy', input.bill.length ? input.bill.map((b) => b.name).join('\n') : 'None attached'],
      ['Signature', input.signature ? `Signed (${input.signature.kind})` : 'Awaiting signature'],
    ],
    2,
    96,
  );
  if (keep.length) {
    w.space(2);
    w.text('Numbers remain on the account: do not close the old account after the port.', {
      size: 9,
      font: w.fonts.bold,
      color: VERDICT_COLOR.warning,
    });
  }

  w.heading('Checks: bill against request');
  if (input.checks.length === 0) {
    w.text('No checks have been run for this case.', { size: 9.5, color: MUTED });
  } else {
    w.table(
      [
        { title: 'Field', width: 0.16, bold: true },
        { title: 'On the bill', width: 0.2 },
        { title: 'On the request', width: 0.2 },
        { title: 'Verdict', width: 0.11 },
        { title: 'Reason', width: 0.33 },
      ],
      input.checks.map((ch) => [
        ch.field,
        ch.billValue ?? '—',
        ch.requestValue ?? '—',
        ch.verdict.toUpperCase(),
        ch.reason,
      ]),
      (row, col) =>
        col === 3 ? { color: VERDICT_COLOR[input.checks[row]!.verdict], bold: true } : undefined,
      8.5,
    );
  }

  const findings = (input.findings ?? []).filter((f) => f.severity !== 'info');
  if (findings.length) {
    w.heading('Findings');
    w.table(
      [
        { title: 'Severity', width: 0.12 },
        { title: 'Finding', width: 0.25, bold: true },
        { title: 'What to do', width: 0.43 },
        { title: 'Carrier code', width: 0.2 },
      ],
      findings.map((f) => [
        f.severity === 'blocker' ? 'BLOCKER' : 'WARNING',
        f.title,
        f.reason,
        f.code ?? '',
      ]),
      (row, col) =>
        col === 0
          ? {
              bold: true,
              color: findings[row]!.severity === 'blocker' ? VERDICT_COLOR.mismatch : VERDICT_COLOR.warning,
            }
          : undefined,
      8.5,
    );
  }

  w.heading('E911 addresses');
  const service = addressOneLine(k.serviceAddress);
  w.table(
    [
      { title: 'Number', width: 0.22 },
      { title: 'Type', width: 0.13 },
      { title: 'E911 address', width: 0.65 },
    ],
    port.map((l) => [
      formatPhone(l.number),
      KIND_LABEL[l.kind],
      l.e911 ? addressOneLine(l.e911) : `${service} (service address)`,
    ]),
    undefined,
    8.5,
  );
  return w.finish();
}
