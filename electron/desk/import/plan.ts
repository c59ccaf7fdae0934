// A request spreadsheet planned into cases against the desk's open cases (the duplicate rule),
// and committed in one transaction. The mapping the agent confirms is remembered per header row.
import {
  headerSignature,
  guessMapping,
  IMPORT_FIELDS,
  type ImportField,
} from '../../../shared/import/fields';
import { buildImport, type ImportPlan, type OpenNumber } from '../../../shared/import/build';
import { DeskError } from '../../../shared/errors';
import { analyzePhone } from '../../../shared/normalize/phone';
import type { Store } from '../store';
import { readSheet, type Sheet } from './read-sheet';

const MAPPINGS_KEY = 'import.mappings';
/** Header rows remembered; the oldest are forgotten past this. */
const MAX_REMEMBERED = 200;

export interface PlannedImport extends ImportPlan {
  format: Sheet['format'];
  encoding: NonNullable<Sheet['encoding']> | null;
  headers: string[];
  mapping: (ImportField | null)[];
  /** The mapping came from an earlier file with the same headers. */
  remembered: boolean;
  rowCount: number;
}

async function remembered(store: Store): Promise<Record<string, (ImportField | null)[]>> {
  const v = await store.getSetting(MAPPINGS_KEY);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, (ImportField | null)[]>) : {};
}

function checkMapping(m: (string | null)[], width: number): (ImportField | null)[] {
  if (m.length !== width)
    throw new DeskError('BAD_ARGUMENT', `mapping has ${m.length} entries; the sheet has ${width} columns`);
  const seen = new Set<string>();
  return m.map((f, i) => {
    if (f === null || f === '') return null;
    if (!(IMPORT_FIELDS as readonly string[]).includes(f))
      throw new DeskError('BAD_ARGUMENT', `mapping[${i}]: "${f}" is not a field the desk imports`);
    if (seen.has(f)) throw new DeskError('BAD_ARGUMENT', `mapping: "${f}" is given to two columns`);
    seen.add(f);
    return f as ImportField;
  });
}

export async function planImport(
  store: Store,
  bytes: Buffer,
  name: string,
  mapping?: (string | null)[] | null,
): Promise<PlannedImport> {
  const sheet = await readSheet(bytes, name);
  const sig = headerSignature(sheet.headers);
  const known = mapping ? null : (await remembered(store))[sig];
  const map = mapping
    ? checkMapping(mapping, sheet.headers.length)
    : known && known.length === sheet.headers.length
      ? checkMapping(known, sheet.headers.length)
      : guessMapping(sheet.headers);
  // The duplicate rule: numbers this sheet ports that open cases already port.
  const col = map.indexOf('number') >= 0 ? map.indexOf('number') : map.indexOf('btn');
  const digits =
    col < 0
      ? []
      : [...new Set(sheet.rows.map((r) => analyzePhone(r[col]).digits).filter((d): d is string => !!d))];
  const open = new Map<string, OpenNumber>();
  for (let i = 0; i < digits.length; i += 1000)
    for (const hit of await store.findOpenCasesWithNumbers(digits.slice(i, i + 1000)))
      open.set(hit.number, { caseId: hit.caseId, accountName: hit.accountName });
  const plan = buildImport(sheet.headers, sheet.rows, map, open);
  return {
    ...plan,
    format: sheet.format,
    encoding: sheet.encoding ?? null,
    headers: sheet.headers,
    mapping: map,
    remembered: !!known,
    rowCount: sheet.rows.length,
  };
}

export async function commitImport(
  store: Store,
  bytes: Buffer,
  name: string,
  mapping: (string | null)[] | null,
  actor: string,
): Promise<PlannedImport & { created: number[] }> {
  const plan = await planImport(store, bytes, name, mapping);
  const created = plan.cases.length
    ? await store.createCases(
        plan.cases.map((c) => c.input),
        actor,
      )
    : [];
  const all = await remembered(store);
  const sig = headerSignature(plan.headers);
  delete all[sig];
  const next = Object.fromEntries([...Object.entries(all), [sig, plan.mapping]].slice(-MAX_REMEMBERED));
  await store.setSetting(MAPPINGS_KEY, next);
  return { ...plan, created };
}
