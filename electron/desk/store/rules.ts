// The rules every Store backend enforces the same way, and the words the agent reads when one
// refuses a write. Kept apart from the SQL so SQLite and PostgreSQL cannot drift apart.
import type { CaseInput } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import {
  EDITABLE_STATUSES,
  IllegalTransitionError,
  STATUS_LABELS,
  assertTransition,
  type CaseStatus,
} from '../../../shared/status';
import { DOCUMENT_KINDS, type DocumentInput } from './types';

const invalid = (what: string, issues: { path: string; message: string }[]) =>
  new DeskError(
    'BAD_ARGUMENT',
    `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );

/** Two entries for one number in one case would make the LOA and the carrier order ambiguous. */
export function assertUniqueNumbers(input: CaseInput): void {
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  input.numbers.forEach((n, i) => {
    const first = seen.get(n.number);
    if (first === undefined) seen.set(n.number, i);
    else
      issues.push({
        path: `numbers.${i}.number`,
        message: `${n.number} is already listed at numbers.${first}`,
      });
  });
  if (issues.length) throw invalid('case', issues);
}

/** Intake computes these; a wrong one here would break the content-addressed blob link. */
export function assertDocument(doc: DocumentInput): void {
  const issues: { path: string; message: string }[] = [];
  if (!/^[0-9a-f]{64}$/.test(doc.sha256))
    issues.push({ path: 'sha256', message: 'must be 64 lower-case hex digits' });
  if (!DOCUMENT_KINDS.includes(doc.kind))
    issues.push({ path: 'kind', message: `must be one of ${DOCUMENT_KINDS.join(', ')}` });
  if (!Number.isInteger(doc.size) || doc.size < 0)
    issues.push({ path: 'size', message: 'must be a byte count' });
  if (doc.pages !== null && (!Number.isInteger(doc.pages) || doc.pages < 0)) {
    issues.push({ path: 'pages', message: 'must be a page count or null' });
  }
  if (issues.length) throw invalid('document', issues);
}

export const updateConflictError = (edited: number, current: number) =>
  new DeskError(
    'CONFLICT',
    `This case was changed by someone else since you opened it (you edited version ${edited}; it is now version ${current}). ` +
      'Reload it to see their changes, then make yours again.',
  );

/** Two agents moving one case at once: the second sees the first's move instead of stacking on it. */
export const staleStatusError = (seen: number, current: number, status: CaseStatus) =>
  new DeskError(
    'CONFLICT',
    `This case was changed by someone else since you opened it (version ${seen}; it is now version ${current}, in ${STATUS_LABELS[status]}). ` +
      'Reload it, then choose the status again if it still needs to move.',
  );

export function lockedEditError(status: CaseStatus, fields: readonly string[]): DeskError {
  return new DeskError(
    'CONFLICT',
    `A case in ${STATUS_LABELS[status]} cannot be edited (changes to ${fields[0]!}` +
      `${fields.length > 1 ? ` and ${fields.length - 1} more` : ''}): carriers reject requests changed after submission. ` +
      `Move it to ${EDITABLE_STATUSES.filter((s) => s !== 'rejected' && s !== status)
        .map((s) => STATUS_LABELS[s])
        .join(' or ')} first; notes can always be edited.`,
  );
}

export const rejectionReasonError = () =>
  new DeskError(
    'BAD_ARGUMENT',
    'Moving a case to Rejected needs the rejection reason (for example "PIN invalid"), and the carrier’s code if it gave one.',
    [{ path: 'reason', message: 'is required when the status is Rejected' }],
  );

/** shared/status.ts's state machine, as the agent-facing ILLEGAL_TRANSITION error. */
export function checkTransition(from: CaseStatus, to: CaseStatus): void {
  try {
    assertTransition(from, to);
  } catch (err) {
    if (err instanceof IllegalTransitionError) throw new DeskError('ILLEGAL_TRANSITION', err.message);
    throw err;
  }
}

export const alreadyAssignedError = (who: string) =>
  new DeskError('CONFLICT', `${who} has just taken this case; it is no longer unassigned.`);

/** What a PostgreSQL desk says when asked for the SQLite store's file backups. */
export const PG_BACKUP_ADVICE =
  'This desk keeps its cases in PostgreSQL: back it up with pg_dump (see the README, "Team desk"); one dump holds cases, history and bills.';
export const PG_RESTORE_ADVICE =
  'This desk keeps its cases in PostgreSQL: restore it with pg_restore (see the README, "Team desk"), not from the app.';

/** The status event's note: the rejection reason and the carrier's code, as the timeline shows them. */
export const statusNote = (reason: string | null, code: string | null): string | null =>
  reason && code ? `${reason} (code ${code})` : (reason ?? (code ? `code ${code}` : null));
