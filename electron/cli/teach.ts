// `desk teach <bill-file> --fields <fields.json> [--json]`: the right values of a bill, as an agent
// would correct them, teach the desk where that carrier prints them. Later `desk intake` calls on
// the same data folder (or team database) read that carrier's bills with what was learned.
// fields.json has the shape of the intake output's `fields` (a bare object, `{fields}` or a truth
// file's `{truth}`); a field absent or null is not taught.
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli';
import { BillFieldsSchema } from '../../shared/domain';
import { DeskError } from '../../shared/errors';
import type { LearnResult, Taught } from '../../shared/extract/learn';
import { cliActor, parseCli, withDesk } from './cases';
import { BILL_FIELD_NAMES, fieldName } from '../../shared/field-names';

export const usage = 'teach <bill-file> --fields <fields.json> [--json]';

const OPTIONS = { fields: { type: 'string' }, json: { type: 'boolean' } } as const;

export function readTaught(file: string): Taught {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DeskError(
      'BAD_ARGUMENT',
      code === 'ENOENT'
        ? `fields file ${file} was not found`
        : `fields file ${file} cannot be read (${code})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DeskError(
      'BAD_ARGUMENT',
      `${path.basename(file)} is not valid JSON: ${(err as Error).message}`,
    );
  }
  const v = value as Record<string, unknown> | null;
  const inner = v && typeof v === 'object' && !Array.isArray(v) ? (v.fields ?? v.truth ?? v) : null;
  if (!inner || typeof inner !== 'object' || Array.isArray(inner))
    throw new DeskError('BAD_ARGUMENT', `${path.basename(file)} must hold an object of bill fields`);
  const taught: Taught = {};
  const problems: string[] = [];
  for (const [k, schema] of Object.entries(BillFieldsSchema.shape)) {
    const raw = (inner as Record<string, unknown>)[k];
    if (raw === undefined || raw === null) continue;
    const r = schema.safeParse(raw);
    if (!r.success) problems.push(`${k}: ${r.error.issues.map((i) => i.message).join('; ')}`);
    else (taught as Record<string, unknown>)[k] = r.data;
  }
  if (problems.length) throw new DeskError('BAD_ARGUMENT', `${path.basename(file)}: ${problems.join('; ')}`);
  if (!Object.keys(taught).length)
    throw new DeskError(
      'BAD_ARGUMENT',
      `${path.basename(file)} teaches nothing: give at least one of ${Object.keys(BILL_FIELD_NAMES).join(', ')}`,
    );
  return taught;
}

/** One line: what was learned, for which carrier, from which bill. */
export function describe(res: LearnResult, bill: string): string {
  const p = res.profile;
  const what = res.learned.map(fieldName).join(', ');
  const missed = res.notFound.length
    ? `; not found on the bill: ${res.notFound.map(fieldName).join(', ')}`
    : '';
  const kept = res.notLearned.length ? `; read as before: ${res.notLearned.map(fieldName).join(', ')}` : '';
  return `learned ${p.carrier} (${res.created ? 'new profile' : 'profile'} ${p.id}): ${what} from ${bill}${missed}${kept}`;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, OPTIONS, usage);
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new DeskError('BAD_ARGUMENT', `give exactly one bill file; usage: desk ${usage}`);
  if (!values.fields)
    throw new DeskError('BAD_ARGUMENT', `--fields <fields.json> is required; usage: desk ${usage}`);
  const taught = readTaught(values.fields);
  const [{ intakeBill }, { closeSharedOcrPool }, { teach }] = await Promise.all([
    import('../desk/intake/bill'),
    import('../desk/intake/ocr-pool'),
    import('../desk/learned'),
  ]);
  const bill = path.basename(file);
  let read;
  try {
    // read the generic way: what is learned must not depend on what was learned before
    read = await intakeBill(file, { name: bill });
  } finally {
    await closeSharedOcrPool();
  }
  const res = await withDesk((desk) =>
    teach(
      desk.deps.store,
      read.readPages,
      taught,
      { at: new Date().toISOString(), by: cliActor(), bill },
      read.extraction.fields.carrier,
    ),
  );
  if (values.json)
    io.out(
      JSON.stringify({
        profileId: res.profile.id,
        carrier: res.profile.carrier,
        created: res.created,
        learned: res.learned,
        notFound: res.notFound,
        notLearned: res.notLearned,
        bill,
      }) + '\n',
    );
  else io.out(describe(res, bill) + '\n');
  return 0;
}
