import { STATUS_LABELS, type CaseStatus } from '../../../shared/status';

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}

const READINESS: Record<string, string> = { blocked: 'Blocked', warnings: 'Warnings', ready: 'Ready' };

export function ReadinessBadge({ readiness }: { readiness: string | null }) {
  if (!readiness) return <span className="muted">Not checked</span>;
  return <span className={`badge readiness-${readiness}`}>{READINESS[readiness] ?? readiness}</span>;
}
