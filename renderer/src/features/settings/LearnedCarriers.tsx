import { useCallback, useEffect, useId, useState } from 'react';
import type { LearnedCarrier } from '../../../../shared/channels/learn';
import { formatStamp } from '../../components/format';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { hrefFor } from '../../state/router';
import { toast } from '../../state/toasts';
import { byFieldOrder, fieldName } from '../../../../shared/field-names';

const fieldList = (fields: readonly string[]) => fields.slice().sort(byFieldOrder).map(fieldName).join(', ');

/**
 * Settings › Learned carriers: what the desk learned from agents' corrections (which carrier,
 * which fields, from which bill, when), with Forget for one carrier or all of them.
 */
export function LearnedCarriers({ canForget }: { canForget: boolean }) {
  const id = useId();
  const [items, setItems] = useState<LearnedCarrier[] | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () => call('learn:list', {}).then(setItems, (err: unknown) => toast.error(asDeskError(err).message)),
    [],
  );
  useEffect(() => {
    if (hasChannel('learn:list')) void load();
  }, [load]);
  const forget = async (c: LearnedCarrier | null) => {
    const what = c ? `what the desk learned about ${c.carrier}` : 'every learned carrier';
    if (!window.confirm(`Forget ${what}? Their bills are then read as before anything was learned.`)) return;
    setBusy(true);
    try {
      const r = await call('learn:forget', { id: c?.id ?? null });
      toast.success(
        c ? `Forgot ${c.carrier}.` : `Forgot ${r.forgotten} learned carrier${r.forgotten === 1 ? '' : 's'}.`,
      );
      await load();
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };
  if (!hasChannel('learn:list')) return null;
  return (
    <section className="card" aria-labelledby={`${id}-learned`} style={{ marginTop: 16 }}>
      <h2 id={`${id}-learned`}>Learned carriers</h2>
      <p>
        When you correct a value read from a bill, the desk learns where that carrier prints it, and reads the
        carrier&apos;s next bills from there. A bill of any other carrier is read as before. Fields read this
        way are marked <span className="badge">learned</span> on the bill.
      </p>
      {items && items.length === 0 && <p className="muted">Nothing learned yet.</p>}
      {items && items.length > 0 && (
        <>
          <table className="data" aria-label="Learned carriers">
            <thead>
              <tr>
                <th scope="col">Carrier</th>
                <th scope="col">Reads</th>
                <th scope="col">Learned from</th>
                <th scope="col">Last taught</th>
                {canForget && (
                  <th scope="col">
                    <span className="visually-hidden">Forget</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>{c.carrier}</strong>
                  </td>
                  <td>{fieldList(c.fields)}</td>
                  <td>
                    <ul className="plain">
                      {c.taught.slice(0, 3).map((t, i) => (
                        <li key={i}>
                          {t.caseId !== null ? (
                            <a href={hrefFor({ name: 'case', id: t.caseId, tab: 'bill' })}>{t.bill}</a>
                          ) : (
                            <span>{t.bill}</span>
                          )}{' '}
                          <span className="muted small">
                            {fieldList(t.fields)} · {t.by} · {formatStamp(t.at)}
                          </span>
                        </li>
                      ))}
                      {c.taught.length > 3 && <li className="muted small">and {c.taught.length - 3} more</li>}
                    </ul>
                  </td>
                  <td>{formatStamp(c.updatedAt)}</td>
                  {canForget && (
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        aria-label={`Forget ${c.carrier}`}
                        onClick={() => void forget(c)}
                      >
                        Forget
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {canForget && (
            <div className="btn-row" style={{ marginTop: 8 }}>
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                onClick={() => void forget(null)}
              >
                Forget all
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
