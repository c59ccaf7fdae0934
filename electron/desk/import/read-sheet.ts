// A request spreadsheet (CSV or XLSX) as a header row and rows of text. Formulas are never
// evaluated: an XLSX cell gives the value Excel saved with it, or nothing. A CSV is read as UTF-8
// when it is valid UTF-8, else as Windows-1252 (what Excel on Windows writes). Both are bounded:
// file size, rows, and for XLSX the zip it is (read from its directory before anything inflates).
import { DeskError } from '../../../shared/errors';
import { mb } from '../intake/sniff';
import { inspectZip } from '../email/zip';
import { parse as parseCsvSync } from 'csv-parse/sync';

export const SHEET_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200,
  /** What an XLSX may inflate to (its XML is verbose: 10,000 rows are a few MB). */
  maxUnzipped: 300 * 1024 * 1024,
};

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: string[][];
  /** CSV only: the text encoding it was read in. */
  encoding?: 'utf-8' | 'utf-16le' | 'windows-1252';
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readSheet(bytes: Buffer, name: string): Promise<Sheet> {
  if (bytes.length === 0) throw new DeskError('BAD_INPUT_FILE', `${name} is empty (0 bytes)`);
  if (bytes.length > SHEET_LIMITS.maxBytes)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${mb(bytes.length)}; the desk imports spreadsheets of at most ${mb(SHEET_LIMITS.maxBytes)}`,
    );
  if (isOle(bytes))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is an old Excel workbook (.xls); save it as .xlsx or CSV and import that`,
    );
  const sheet = isZip(bytes) ? await readXlsx(bytes, name) : readCsv(bytes, name);
  return trimSheet(sheet, name);
}

function trimSheet(s: Sheet, name: string): Sheet {
  // Leading blank rows (a title block) are skipped: the header is the first row with text.
  const rows = s.rows.map((r) => r.map((c) => c.trim()));
  const first = rows.findIndex((r) => r.some(Boolean));
  if (first < 0) throw new DeskError('BAD_INPUT_FILE', `${name} has no rows: the sheet is empty`);
  const headers = rows[first]!;
  const body = rows.slice(first + 1).filter((r) => r.some(Boolean));
  if (body.length === 0)
    throw new DeskError('BAD_INPUT_FILE', `${name} has a header row but no rows under it`);
  if (body.length > SHEET_LIMITS.maxRows)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} has ${body.length} rows; the desk imports at most ${SHEET_LIMITS.maxRows} at a time`,
    );
  const width = Math.min(
    SHEET_LIMITS.maxColumns,
    Math.max(headers.length, ...body.slice(0, 1000).map((r) => r.length)),
  );
  return {
    ...s,
    headers: pad(headers, width).map((h, i) => h || `Column ${i + 1}`),
    rows: body.map((r) => pad(r, width)),
  };
}

const pad = (r: string[], n: number) =>
  r.length >= n ? r.slice(0, n) : [...r, ...Array<string>(n - r.length).fill('')];

function decode(bytes: Buffer): { text: string; encoding: NonNullable<Sheet['encoding']> } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function readCsv(bytes: Buffer, name: string): Sheet {
  const { text, encoding } = decode(bytes);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001a]/.test(text.slice(0, 4096)))
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not a spreadsheet: it is a binary file, not CSV or XLSX text`,
    );
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  const delimiter = [',', ';', '\t', '|'].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0]!;
  let rows: string[][];
  try {
    rows = csvParse(text, delimiter);
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not a readable CSV file: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return { format: 'csv', headers: [], rows, encoding };
}

function csvParse(text: string, delimiter: string): string[][] {
  // Without `columns`, every record is an array of strings.
  const records: unknown = parseCsvSync(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    to_line: SHEET_LIMITS.maxRows + 100,
  });
  return records as string[][];
}

async function readXlsx(bytes: Buffer, name: string): Promise<Sheet> {
  await inspectZip(bytes, name, { maxEntries: 2000, maxUnzipped: SHEET_LIMITS.maxUnzipped });
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is not a readable Excel workbook (.xlsx): ${(err as Error).message.split('\n')[0]}`,
    );
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) throw new DeskError('BAD_INPUT_FILE', `${name} has no rows: every sheet is empty`);
  if (ws.rowCount > SHEET_LIMITS.maxRows + 1000)
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} has ${ws.rowCount} rows; the desk imports at most ${SHEET_LIMITS.maxRows} at a time`,
    );
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col <= SHEET_LIMITS.maxColumns) out[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(out, (c) => c ?? ''));
  });
  return { format: 'xlsx', headers: [], rows };
}

/** A cell's saved value as text; a formula gives its cached result and is never run. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? cellText(o.result) : '';
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return '';
}
