import { useState } from 'react';
import type { Case } from '../../../../shared/domain';
import type { CheckReport, FieldCheck } from '../../../../shared/check/types';
import { ACCEPTABLE_FIELDS, type AcceptableField } from '../../../../shared/check/types';
import { LOW_CONFIDENCE } from '../../../../shared/check/confidence';
import { asDeskError, call } from '../../desk/client';
import { formatStamp } from '../../components/format';
import { DoubtNote } from '../../components/DoubtNote';
import { toast } from '../../state/toasts';

const VERDICT: Record<string, string> = {
  match: 'Match',
  mismatch: 'Mismatch',
  missing: 'Missing',
  ok: 'OK',
  stale: 'Stale',
};

interface Props {
  kase: Case;
  report: CheckReport | null;
  running: boolean;
  onRun: () => void;
  onAccepted: (c: Case, r: CheckReport) => void;
  compact?: boolean;
}

/** A bill value the desk is unsure of, and why, so the agent checks it on the bill by eye. */
export function BillDoubt({ check, compact = false }: { check: FieldCheck; compact?: boolean }) {
  if (check.billValue === null) return null;
  // checks stored before doubts were recorded carry only the figure
  const notes =
    check.billDoubts ??
    (check.billConfidence !== undefined && check.billConfidence < LOW_CONFIDENCE
      ? [`Read with low confidence (${Math.round(check.billConfidence * 100)}%): check it on the bill`]
      : []);
  return <DoubtNote notes={notes} compact={compact} />;
}

/** Lists longer than this show their first numbers and a count; the rest open on demand. */
const NUMBERS_SHOWN = 6;

/**
 * A list of numbers in a checks cell. A 30-line bill listed in full, twice, turned the table into
 * a column of digits that pushed every other verdict off the screen; the agent needs the count and
 * the odd ones out. Numbers to port that are not on the bill (`missing`) are marked and listed
 * first, so they are never hidden behind "more".
 */
function NumberList({ value, missing }: { value: string; missing: ReadonlySet<string> }) {
  const all = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const isMissing = (n: string) => missing.has(n.replace(/\D/g, '').slice(-10));
  const ordered = [...all.filter(isMissing), ...all.filter((n) => !isMissing(n))];
  const item = (n: string) =>
    isMissing(n) ? (
      <mark key={n} className="num-missing" title="Not on the bill">
        {n}
      </mark>
    ) : (
      <span key={n}>{n}</span>
    );
  const join = (ns: string[]) => ns.flatMap((n, i) => (i ? [', ', item(n)] : [item(n)]));
  if (ordered.length <= NUMBERS_SHOWN) return <span className="num-list">{join(ordered)}</span>;
  const shown = Math.max(NUMBERS_SHOWN, ordered.filter(isMissing).length);
  return (
    <span className="num-list">
      <strong>{all.length} numbers</strong>
      <br />
      {join(ordered.slice(0, shown))}
      {ordered.length > shown && (
        <details className="num-more">
          <summary>and {ordered.length - shown} more</summary>
          {join(ordered.slice(shown))}
        </details>
      )}
    </span>
  );
}

/** A bill or request value in the table: numbers lists compacted, anything else as it is. */
function CellValue({ f, side }: { f: FieldCheck; side: 'bill' | 'request' }) {
  const value = side === 'bill' ? f.billValue : f.requestValue;
  if (value === null) return <span className="muted">{side === 'bill' ? 'not read' : 'empty'}</span>;
  if (f.field !== 'numbersOnBill') return <>{value}</>;
  const missing = new Set(side === 'request' ? f.missingNumbers : []);
  return <NumberList value={value} missing={missing} />;
}

/** Bill value | request value | verdict | reason, with "use the bill's value" on each mismatch. */
export function ChecksPanel({ kase, report, running, onRun, onAccepted, compact }: Props) {
  const [busy, setBusy] = useState<string | null>(null);

  const accept = async (f: FieldCheck) => {
    if (!(ACCEPTABLE_FIELDS as readonly string[]).includes(f.field)) return;
    setBusy(f.field);
    try {
      const r = await call('checks:acceptBillValue', {
        caseId: kase.id,
        field: f.field as AcceptableField,
        version: kase.version,
      });
      onAccepted(r.case, r.report);
      toast.success(`${f.label}: now the bill's value.`);
    } catch (err) {
      const e = asDeskError(err);
      toast.error(
        e.code === 'CONFLICT'
          ? 'The case changed elsewhere; reload it, then use the bill’s value again.'
          : e.message,
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card checks-panel" aria-labelledby={`checks-h-${compact ? 'c' : 'f'}`}>
      <div className="card-head">
        <h2 id={`checks-h-${compact ? 'c' : 'f'}`}>Bill against request</h2>
        <button type="button" className="btn btn-small" onClick={onRun} disabled={running}>
          {running ? 'Checking…' : report ? 'Check again' : 'Run checks'}
        </button>
      </div>
      {!report && <p className="muted">Checks have not run on this case yet.</p>}
      {report && !report.hasBill && (
        <p className="muted">No bill on this case yet: add one to compare it with the request.</p>
      )}
      {report && report.hasBill && (
        <table className="data checks-table" data-testid="checks-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">On the bill</th>
              <th scope="col">In the request</th>
              <th scope="col">Verdict</th>
              {!compact && <th scope="col">Why</th>}
            </tr>
          </thead>
          <tbody>
            {report.fields.map((f) => (
              <tr key={f.field} data-field={f.field} data-verdict={f.verdict}>
                <th scope="row">{f.label}</th>
                <td>
                  <CellValue f={f} side="bill" />
                  {/* beside the bill's own fields the reason is already spelled out: a mark will do */}
                  <BillDoubt check={f} compact={compact} />
                </td>
                <td>
                  <CellValue f={f} side="request" />
                </td>
                <td>
                  <span className={`badge verdict-${f.verdict}`}>{VERDICT[f.verdict] ?? f.verdict}</span>
                  {f.probable === 'ocr' && (
                    <div className="small muted">Possibly a reading error: check the image</div>
                  )}
                  {f.canAcceptBillValue && (
                    <div>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        onClick={() => void accept(f)}
                        aria-label={`Use the bill's value for ${f.label}`}
                      >
                        Use the bill’s value
                      </button>
                    </div>
                  )}
                </td>
                {!compact && (
                  <td>
                    {f.reason}
                    {f.notes.length > 0 && <div className="small muted">{f.notes.join(' · ')}</div>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && !compact && <RuleList report={report} />}
      {report && (
        <p className="small muted">
          Checked {formatStamp(report.ranAt)} (as of {report.asOf}).
        </p>
      )}
    </section>
  );
}

function RuleList({ report }: { report: CheckReport }) {
  const rules = [...report.rules].sort((a, b) => order(a.severity) - order(b.severity));
  return (
    <>
      <h3 style={{ marginTop: 16 }}>Rules</h3>
      {rules.length === 0 ? (
        <p className="muted">No rule found anything to fix.</p>
      ) : (
        <ul className="rules">
          {rules.map((r) => (
            <li key={r.id} className={`rule rule-${r.severity}`}>
              <span className={`badge sev-${r.severity}`}>
                {r.severity === 'blocker' ? 'Blocker' : r.severity === 'warning' ? 'Warning' : 'Info'}
              </span>{' '}
              <strong>{r.title}</strong>
              {r.code && <span className="muted small"> (prevents {r.code})</span>}
              <div>{r.reason}</div>
            </li>
          ))}
        </ul>
      )}
      <h3 style={{ marginTop: 16 }}>Documents</h3>
      <ul className="rules">
        {report.readiness.documents.map((d) => (
          <li key={d.id}>
            <span className={`badge doc-${d.status}`}>
              {d.status === 'ok'
                ? 'OK'
                : d.status === 'not_needed'
                  ? 'Not needed'
                  : d.status === 'stale'
                    ? 'Stale'
                    : 'Missing'}
            </span>{' '}
            <strong>{d.label}</strong> <span className="muted">{d.reason}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const order = (s: string) => (s === 'blocker' ? 0 : s === 'warning' ? 1 : 2);

export function ReadinessBanner({
  report,
  onOpenChecks,
}: {
  report: CheckReport | null;
  onOpenChecks: string;
}) {
  if (!report) return null;
  const r = report.readiness;
  const cls =
    r.readiness === 'blocked' ? 'banner-error' : r.readiness === 'warnings' ? 'banner-warn' : 'banner-ok';
  const title =
    r.readiness === 'blocked'
      ? 'Not ready to submit'
      : r.readiness === 'warnings'
        ? 'Ready, with warnings'
        : 'Ready to submit';
  return (
    <div className={`banner ${cls} readiness-banner`} data-testid="readiness-banner">
      <strong>{title}.</strong> {r.summary}{' '}
      {r.blockers.length > 0 && (
        <ul>
          {r.blockers.slice(0, 4).map((b) => (
            <li key={b.id}>
              {b.title}
              {b.code ? ` (${b.code})` : ''}
            </li>
          ))}
        </ul>
      )}
      <a href={onOpenChecks}>See every check</a>
    </div>
  );
}
