// Readiness: everything found on a case, sorted into blockers / warnings / infos, plus the
// checklist of documents a submission needs. 'blocked' when any blocker, 'warnings' when any
// warning, otherwise 'ready'.
import type { CaseInput } from '../domain';
import { analyzePhone } from '../normalize/phone';
import type { DocumentItem, FieldCheck, FocValidation, Readiness, RuleCheck } from './types';

export interface DocumentState {
  /** A signed LOA is on file (or the case is past Waiting for Signature). */
  loaSigned?: boolean;
  /** A signed RespOrg change letter is on file. */
  resporgSigned?: boolean;
}

export function documentChecklist(
  c: CaseInput,
  hasBill: boolean,
  fields: FieldCheck[],
  rules: RuleCheck[],
  docs: DocumentState,
): DocumentItem[] {
  const port = c.numbers.filter((n) => n.action === 'port');
  const tollFree = port.filter((n) => analyzePhone(n.number).tollFree).length;
  const other = port.length - tollFree;
  const age = fields.find((f) => f.field === 'billAge');
  const bill: DocumentItem = !hasBill
    ? {
        id: 'bill',
        label: 'Bill from the last 30 days',
        status: 'missing',
        reason: 'No bill on the case yet: add one (all pages).',
      }
    : age?.verdict === 'stale'
      ? { id: 'bill', label: 'Bill from the last 30 days', status: 'stale', reason: age.reason }
      : {
          id: 'bill',
          label: 'Bill from the last 30 days',
          status: 'ok',
          reason:
            age?.verdict === 'ok'
              ? age.reason
              : 'Bill on file, but no date was found on it: its age is unknown — check it is under 30 days old.',
        };
  const loa: DocumentItem =
    other === 0
      ? {
          id: 'loa',
          label: 'Signed LOA',
          status: 'not_needed',
          reason: 'Only toll-free numbers: the RespOrg letter covers them.',
        }
      : docs.loaSigned
        ? { id: 'loa', label: 'Signed LOA', status: 'ok', reason: 'Signed LOA on file.' }
        : {
            id: 'loa',
            label: 'Signed LOA',
            status: 'missing',
            reason: 'Generate the LOA and have the account holder sign it.',
          };
  const resporg: DocumentItem =
    tollFree === 0
      ? {
          id: 'resporg',
          label: 'RespOrg change letter',
          status: 'not_needed',
          reason: 'No toll-free numbers.',
        }
      : docs.resporgSigned
        ? {
            id: 'resporg',
            label: 'RespOrg change letter',
            status: 'ok',
            reason: 'Signed RespOrg letter on file.',
          }
        : {
            id: 'resporg',
            label: 'RespOrg change letter',
            status: 'missing',
            reason: `${tollFree} toll-free number(s) need a signed RespOrg change letter.`,
          };
  const e911Rule = rules.find((r) => r.id === 'e911_missing');
  const e911: DocumentItem = e911Rule
    ? { id: 'e911', label: 'E911 address for every number', status: 'missing', reason: e911Rule.reason }
    : {
        id: 'e911',
        label: 'E911 address for every number',
        status: 'ok',
        reason: 'Every number has an E911 street address (its own or the service address).',
      };
  return [bill, loa, resporg, e911];
}

export function summarize(rules: RuleCheck[], documents: DocumentItem[], foc: FocValidation): Readiness {
  const all = [...rules];
  const bill = documents.find((d) => d.id === 'bill');
  if (bill?.status === 'missing')
    all.push({
      id: 'no_bill',
      severity: 'blocker',
      code: null,
      title: 'No bill',
      reason: bill.reason,
      numbers: [],
    });
  for (const d of documents)
    if ((d.id === 'loa' || d.id === 'resporg') && d.status === 'missing')
      all.push({
        id: `document:${d.id}`,
        severity: 'warning',
        code: null,
        title: `${d.label} not on file`,
        reason: d.reason,
        numbers: [],
      });
  if (!foc.date)
    all.push({
      id: 'foc_missing',
      severity: 'warning',
      code: null,
      title: 'No FOC date',
      reason: `Pick a date; the earliest valid is ${foc.earliest}.`,
      numbers: [],
    });
  else if (!foc.valid)
    all.push({
      id: 'foc_invalid',
      severity: 'blocker',
      code: foc.reasons.some((r) => r.includes('7210')) ? '7210' : null,
      title: 'FOC date not valid',
      reason: foc.reasons.join(' '),
      numbers: [],
    });
  for (const w of foc.warnings)
    all.push({
      id: 'foc_advice',
      severity: 'info',
      code: null,
      title: 'FOC lead time',
      reason: w,
      numbers: [],
    });
  const blockers = all.filter((r) => r.severity === 'blocker');
  const warnings = all.filter((r) => r.severity === 'warning');
  const infos = all.filter((r) => r.severity === 'info');
  const readiness = blockers.length ? 'blocked' : warnings.length ? 'warnings' : 'ready';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary =
    readiness === 'blocked'
      ? `Blocked by ${plural(blockers.length, 'problem')}: ${blockers[0]!.title}${blockers.length > 1 ? ', …' : ''}`
      : readiness === 'warnings'
        ? `Ready with ${plural(warnings.length, 'warning')} to review`
        : 'Ready to submit';
  return { readiness, summary, blockers, warnings, infos, documents };
}
