// `desk check <case-id|request.json> [--bill <file> | --fields <fields.json>] [--as-of YYYY-MM-DD] [--json]`:
// every check with its reason. A request.json is checked without a stored case; a case id uses
// the case (and its latest stored bill unless --bill names another file).
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli';
import { BillFieldsSchema, isoDate, type BillFields, type Case } from '../../shared/domain';
import { DeskError, fromZodError } from '../../shared/errors';
import { evalChecks, type EvalVerdicts } from '../../shared/check/eval';
import { runChecks } from '../../shared/check/run';
import type { CheckReport } from '../../shared/check/types';
import { etDate } from '../../shared/foc/time';
import { parseRequestJson, requestToCaseInput } from '../../shared/request';
import { dispatch } from '../desk/dispatch';
import { cliActor, parseCli, parseId, withDesk } from './cases';

export const usage =
  'check <case-id|request.json> [--bill <file> | --fields <fields.json>] [--as-of YYYY-MM-DD] [--json]';

const OPTIONS = {
  bill: { type: 'string' },
  fields: { type: 'string' },
  'as-of': { type: 'string' },
  json: { type: 'boolean' },
} as const;

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DeskError(
      'BAD_ARGUMENT',
      code === 'ENOENT'
        ? `${what} ${file} was not found`
        : `${what} ${file} cannot be read (${code ?? 'error'})`,
    );
  }
}

function readFields(file: string): BillFields {
  let value: unknown;
  try {
    value = JSON.parse(readText(file, 'fields file'));
  } catch (err) {
    if (err instanceof DeskError) throw err;
    throw new DeskError('BAD_ARGUMENT', `fields.json is not valid JSON: ${(err as Error).message}`);
  }
  // Accept the bare fields, the scorer's output ({fields}) or a truth file ({truth}).
  const v = value as Record<string, unknown> | null;
  const inner = v && typeof v === 'object' ? (v.fields ?? v.truth ?? v) : v;
  const r = BillFieldsSchema.safeParse(inner);
  if (!r.success) throw fromZodError(r.error, 'fields.json');
  return r.data;
}

/** Reads and extracts a bill file through intake, loaded only when needed (OCR is heavy). */
async function billFromFile(file: string): Promise<BillFields> {
  const [{ intakeBill }, { closeSharedOcrPool }] = await Promise.all([
    import('../desk/intake/bill'),
    import('../desk/intake/ocr-pool'),
  ]);
  try {
    return (await intakeBill(file, { name: path.basename(file) })).extraction.fields;
  } finally {
    // The OCR workers would otherwise keep the process alive.
    await closeSharedOcrPool();
  }
}

function parseAsOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const r = isoDate.safeParse(raw);
  if (!r.success)
    throw new DeskError('BAD_ARGUMENT', `--as-of ${raw}: ${r.error.issues[0]?.message ?? 'invalid date'}`);
  return raw;
}

const MARK: Record<string, string> = {
  match: 'ok  ',
  ok: 'ok  ',
  mismatch: 'FAIL',
  stale: 'FAIL',
  missing: '??  ',
};
const SEV: Record<string, string> = { blocker: 'BLOCKER', warning: 'warning', info: 'info' };

export function formatReport(report: CheckReport, verdicts: EvalVerdicts | null): string {
  const lines: string[] = [];
  lines.push(
    `Readiness: ${report.readiness.readiness.toUpperCase()} — ${report.readiness.summary} (as of ${report.asOf})`,
  );
  lines.push('', 'Bill against request:');
  if (!report.hasBill) lines.push('  (no bill read: field checks skipped)');
  for (const f of report.fields)
    lines.push(
      `  [${MARK[f.verdict] ?? f.verdict}] ${f.field.padEnd(15)} ${f.verdict.padEnd(8)} ${f.reason}${f.notes.length ? ` (${f.notes.join('; ')})` : ''}`,
    );
  lines.push('', 'Rules:');
  if (report.rules.length === 0) lines.push('  none triggered');
  for (const r of report.rules)
    lines.push(`  ${SEV[r.severity]!.padEnd(7)} ${r.title}${r.code ? ` [${r.code}]` : ''}: ${r.reason}`);
  lines.push(
    '',
    `FOC: ${report.foc.date ?? 'none'} ${report.foc.valid ? 'valid' : 'NOT valid'}, window ${report.foc.window.start}–${report.foc.window.end} ET`,
  );
  for (const r of [...report.foc.reasons, ...report.foc.warnings]) lines.push(`  ${r}`);
  lines.push('', 'Documents:');
  for (const d of report.readiness.documents) lines.push(`  [${d.status}] ${d.label}: ${d.reason}`);
  if (verdicts) lines.push('', `Verdicts: ${JSON.stringify(verdicts)}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, OPTIONS, usage);
  const target = positionals[0];
  if (!target) throw new DeskError('BAD_ARGUMENT', `Missing case id or request.json (usage: desk ${usage})`);
  if (positionals.length > 1)
    throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[1]}' (usage: desk ${usage})`);
  if (values.bill && values.fields) throw new DeskError('BAD_ARGUMENT', 'Give --bill or --fields, not both.');
  const asOfArg = parseAsOf(values['as-of']);

  let report: CheckReport;
  let fields: BillFields | null = null;
  let verdicts: EvalVerdicts | null = null;
  if (/^\d+$/.test(target)) {
    const caseId = parseId(target);
    const asOf = asOfArg ?? etDate(Date.now());
    if (values.fields) fields = readFields(values.fields);
    else if (values.bill) fields = await billFromFile(values.bill);
    report = await withDesk(async (desk) => {
      if (!fields) {
        const res = await dispatch(desk.handlers, 'checks:run', { caseId, asOf }, { actor: cliActor() });
        if (!res.ok) throw new DeskError(res.error.code, res.error.message);
        return res.value as CheckReport;
      }
      const got = await dispatch(desk.handlers, 'cases:get', { id: caseId }, { actor: cliActor() });
      if (!got.ok) throw new DeskError(got.error.code, got.error.message);
      const c = got.value as Case;
      const others = await desk.deps.store.findOpenCasesWithNumbers(
        c.numbers.filter((n) => n.action === 'port').map((n) => n.number),
        caseId,
      );
      return runChecks({
        caseId,
        input: c,
        bill: fields,
        asOf,
        otherOpenCases: others,
        ranAt: new Date().toISOString(),
      });
    });
  } else {
    const req = parseRequestJson(readText(target, 'request file'));
    if (!values.bill && !values.fields)
      throw new DeskError(
        'BAD_ARGUMENT',
        'A request needs the bill: --bill <file> or --fields <fields.json>.',
      );
    fields = values.fields ? readFields(values.fields) : await billFromFile(values.bill!);
    const asOf = asOfArg ?? req.asOf;
    const reqAsOf = { ...req, asOf };
    verdicts = evalChecks(fields, reqAsOf);
    report = runChecks({
      caseId: null,
      input: requestToCaseInput(reqAsOf, fields),
      bill: fields,
      asOf,
      ranAt: new Date().toISOString(),
    });
  }
  if (values.json) io.out(JSON.stringify({ fields, checks: verdicts, report }, null, 2) + '\n');
  else io.out(formatReport(report, verdicts));
  return 0;
}
