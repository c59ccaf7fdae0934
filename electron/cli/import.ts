// `desk import <file.csv|file.xlsx> [--dry-run] --json`: a reseller's request spreadsheet into
// cases. Prints { cases: [CaseInput…], rejected: [{ row, reason }] } (and, when written, the new
// case ids as `created`); with --dry-run nothing is written.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import { cliActor, parseCli, withDesk } from './cases';

export const usage = 'import <file.csv|file.xlsx> [--dry-run] [--mapping m.json] --json';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(
    argv,
    {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      mapping: { type: 'string' },
    },
    usage,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new DeskError('BAD_ARGUMENT', `give one spreadsheet; usage: desk ${usage}`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new DeskError('BAD_INPUT_FILE', `${path.basename(file)} was not found or cannot be read`);
  }
  let mapping: (string | null)[] | null = null;
  if (values.mapping) {
    try {
      mapping = JSON.parse(await fs.readFile(values.mapping, 'utf8')) as (string | null)[];
    } catch (err) {
      throw new DeskError(
        'BAD_ARGUMENT',
        `--mapping ${values.mapping} is not a JSON list of fields: ${(err as Error).message}`,
      );
    }
    if (!Array.isArray(mapping))
      throw new DeskError('BAD_ARGUMENT', `--mapping must be a JSON list (one field or null per column)`);
  }
  const { planImport, commitImport } = await import('../desk/import/plan');
  const name = path.basename(file);
  const res = await withDesk((desk) =>
    values['dry-run']
      ? planImport(desk.deps.store, bytes, name, mapping)
      : commitImport(desk.deps.store, bytes, name, mapping, cliActor()),
  );
  const out = {
    cases: res.cases.map((c) => c.input),
    rejected: res.rejected,
    ...('created' in res ? { created: res.created } : {}),
  };
  if (values.json) io.out(JSON.stringify(out) + '\n');
  else {
    io.out(
      `${values['dry-run'] ? 'Would create' : 'Created'} ${res.cases.length} case(s) from ${res.rowCount} row(s)\n`,
    );
    for (const r of res.rejected) io.out(`  row ${r.row}: ${r.reason}\n`);
  }
  return 0;
}
