import { useEffect, useId, useState } from 'react';
import type { Result } from '../../../../shared/contract';
import { asDeskError, call, onDeskEvent } from '../../desk/client';
import { hrefFor } from '../../state/router';
import { useMe, useDirectory } from '../../state/session';
import { useListState } from '../cases/list-state';

type Row = Result<'cases:workload'>[number];

/** The desk home's team view: each agent's open cases and what is due, and the unassigned queue. */
export function TeamWorkload({
  today,
  staleBills,
}: {
  today: string;
  staleBills: Result<'cases:staleBills'>['items'];
}) {
  const id = useId();
  const me = useMe();
  const directory = useDirectory();
  const setList = useListState((s) => s.set);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!me) return;
    let timer: number | null = null;
    const load = () =>
      call('cases:workload', { asOf: today }).then(setRows, (err: unknown) =>
        setError(asDeskError(err).message),
      );
    void load();
    // A colleague's save moves these counts: refresh, at most once a second.
    const off = onDeskEvent((e) => {
      if (e.type !== 'case-changed' || timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        void load();
      }, 1000);
    });
    return () => {
      off();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [me, today]);
  if (!me) return null;

  const byEmail = new Map((rows ?? []).map((r) => [r.assignee, r]));
  const stale = (email: string | null) =>
    staleBills.filter((b) => b.assignee === email && b.ageDays > 30).length;
  // Everyone on the desk (even with no cases), me first, then the unassigned queue.
  const people = [...directory].sort((a, b) =>
    a.email === me.email ? -1 : b.email === me.email ? 1 : a.name.localeCompare(b.name),
  );
  const line = (key: string | null, label: string) => {
    const r = byEmail.get(key);
    return (
      <tr key={key ?? 'unassigned'}>
        <th scope="row">
          <a
            href={hrefFor({ name: 'list' })}
            onClick={() =>
              setList({
                assignee: key === null ? 'unassigned' : key === me.email ? 'me' : key,
                filter: 'open',
                query: '',
                active: 0,
                scrollTop: 0,
              })
            }
          >
            {label}
          </a>
        </th>
        <td className="num">{r?.open ?? 0}</td>
        <td className="num">{r?.focSoon ?? 0}</td>
        <td className="num">{r?.waitingSignature ?? 0}</td>
        <td className="num">{r?.actionRequired ?? 0}</td>
        <td className="num">{stale(key)}</td>
      </tr>
    );
  };

  return (
    <section className="card" aria-labelledby={`${id}-team`} style={{ marginTop: 16 }}>
      <h2 id={`${id}-team`}>The team</h2>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <table className="data" aria-label="Open cases by agent">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Open cases</th>
            <th scope="col">FOC in 7 days</th>
            <th scope="col">LOAs waiting</th>
            <th scope="col">Needs action</th>
            <th scope="col">Stale bills</th>
          </tr>
        </thead>
        <tbody>
          {people.map((u) => line(u.email, u.email === me.email ? `${u.name} (you)` : u.name))}
          {line(null, 'Unassigned')}
        </tbody>
      </table>
    </section>
  );
}
