// Where the tests find sample bills with their truth and requests: the repo's own fixtures
// (always there, so a test built on them never skips) and, when it sits beside the repo, the eval
// set (../shared/eval/public from the repo root; never an absolute path), which adds its bills.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The repo's bill sets, each a folder with truth/ and requests/. */
export const FIXTURE_SETS = ['test/fixtures/bills', 'test/fixtures/business'].map((d) => path.join(ROOT, d));

/** The eval set beside the repo, or null where it is not. */
export const EVAL_PUBLIC: string | null = ((d) => (fs.existsSync(path.join(d, 'truth')) ? d : null))(
  path.resolve(ROOT, '../shared/eval/public'),
);

export interface BillRecord {
  /** e.g. fx-001 */
  id: string;
  /** the folder holding truth/ and requests/ */
  dir: string;
  truth: unknown;
  expected: { asOf: string; verdicts: Record<string, string>; discrepancy: string | null };
}

/** Every truth record of the given sets (default: the fixtures, plus the eval set when present). */
export function billRecords(
  sets: string[] = [...FIXTURE_SETS, ...(EVAL_PUBLIC ? [EVAL_PUBLIC] : [])],
): BillRecord[] {
  return sets.flatMap((dir) =>
    fs
      .readdirSync(path.join(dir, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const r = JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')) as Omit<BillRecord, 'dir'>;
        return { ...r, id: f.replace(/\.json$/, ''), dir };
      }),
  );
}
