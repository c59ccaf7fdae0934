import type { EmailRead } from '../../../../shared/channels/email';
import { formatBytes, formatStamp } from '../../components/format';
import { BillDoubt } from '../checks/ChecksPanel';

const VERDICT: Record<string, string> = {
  match: 'Match',
  mismatch: 'Mismatch',
  missing: 'Missing',
  ok: 'OK',
  stale: 'Stale',
};

/**
 * The customer's email beside the new case: who sent it, what it carried (the bill chosen, the
 * others to keep or leave), and what the customer wrote checked against what the bill says.
 */
export function EmailPanel({
  email,
  extra,
  onExtra,
}: {
  email: EmailRead;
  extra: string[];
  onExtra: (ids: string[]) => void;
}) {
  const e = email.email;
  const from = e.from
    ? e.from.name
      ? `${e.from.name} <${e.from.address}>`
      : e.from.address
    : 'unknown sender';
  const checks = email.checks?.filter((c) => c.field !== 'billAge') ?? [];
  const flagged = checks.filter((c) => c.verdict === 'mismatch');
  return (
    <section className="card email-panel" aria-labelledby="email-h">
      <h2 id="email-h">Customer email</h2>
      <dl className="email-meta">
        <dt>From</dt>
        <dd>{from}</dd>
        <dt>Subject</dt>
        <dd>{e.subject || <span className="muted">(no subject)</span>}</dd>
        {e.date && (
          <>
            <dt>Sent</dt>
            <dd>{formatStamp(e.date)}</dd>
          </>
        )}
      </dl>
      <p className="small muted">The email is kept in the case’s documents.</p>
      {email.checks && (
        <>
          <h3>What the customer wrote, against the bill</h3>
          {flagged.length > 0 ? (
            <p className="banner banner-error" role="alert" data-testid="email-mismatch">
              {flagged.length === 1 ? 'One value' : `${flagged.length} values`} in the email{' '}
              {flagged.length === 1 ? 'differs' : 'differ'} from the bill:{' '}
              {flagged.map((c) => c.label).join(', ')}.
            </p>
          ) : (
            <p className="small muted">Nothing the customer wrote contradicts the bill.</p>
          )}
          <table className="data checks-table" data-testid="email-checks">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Email</th>
                <th scope="col">Bill</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.field} data-field={c.field} data-verdict={c.verdict}>
                  <th scope="row">{c.label}</th>
                  <td>{c.requestValue ?? <span className="muted">not in the email</span>}</td>
                  <td>
                    {c.billValue ?? <span className="muted">not read</span>}
                    <BillDoubt check={c} />
                  </td>
                  <td>
                    <span className={`badge verdict-${c.verdict}`} title={c.reason}>
                      {VERDICT[c.verdict] ?? c.verdict}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>Attachments</h3>
      {email.attachments.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="attachment-list" data-testid="email-attachments">
          {email.attachments.map((a) => (
            <li key={a.uploadId}>
              {a.chosen ? (
                <span className="badge verdict-match">Case bill</span>
              ) : (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={extra.includes(a.uploadId)}
                    onChange={(ev) =>
                      onExtra(
                        ev.target.checked ? [...extra, a.uploadId] : extra.filter((x) => x !== a.uploadId),
                      )
                    }
                  />{' '}
                  Keep with the case
                </label>
              )}{' '}
              <strong>{a.name}</strong>{' '}
              <span className="muted small">
                {a.kind === 'bill' ? 'bill' : 'other'} · {formatBytes(a.size)}
                {a.note ? ` · ${a.note}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
