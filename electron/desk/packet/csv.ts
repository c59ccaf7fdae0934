// numbers.csv: one row per number on the account. RFC 4180 quoting, CRLF line ends, and cells that
// a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with ' (CSV injection).
import { addressOneLine } from './text';
import { numberLines, KIND_LABEL, type PacketInput } from './model';

export function csvCell(v: string): string {
  const guarded = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function buildNumbersCsv(input: PacketInput): string {
  const service = addressOneLine(input.kase.serviceAddress);
  const rows = [['number', 'kind', 'action', 'e911_address']];
  for (const l of numberLines(input)) {
    rows.push([
      l.number,
      KIND_LABEL[l.kind],
      l.action,
      l.action === 'port' ? (l.e911 ? addressOneLine(l.e911) : service) : '',
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
