import { useEffect, useState } from 'react';
import type { CaseSummary } from '../../../../shared/domain';
import type { Result } from '../../../../shared/contract';
import { CASE_STATUSES, OPEN_STATUSES, STATUS_LABELS } from '../../../../shared/status';
import { asDeskError, call } from '../../desk/client';
import { StatusBadge } from '../../components/StatusBadge';
import { addDays, daysBetween, formatDate, formatPhone, todayIso } from '../../components/format';
import { hrefFor } from '../../state/router';
import { useListState } from '../cases/list-state';
import { BillDropZone } from '../intake/BillDropZone';
import { TeamWorkload } from '../team/TeamWorkload';

interface HomeData {
  counts: Record<string, number>;
  attention: CaseSummary[];
  waitingSig: CaseSummary[];
  week: CaseSummary[];
  followUps: { c: CaseSummary; task: string; due: string }[];
  staleBills: Result<'cases:staleBills'>['items'];
}

/** Monday..Friday of the working week: this one, or the coming one at the weekend. */
function weekOf(today: string): string[] {
  const day = new Date(today + 'T00:00:00Z').getUTCDay();
  if (day === 0 || day === 6) return weekOf(addDays(today, day === 6 ? 2 : 1));
  const dow = (day + 6) % 7;
  const monday = addDays(today, -dow);
  return [0, 1, 2, 3, 4].map((i) => addDays(monday, i));
}

async function loadHome(today: string): Promise<HomeData> {
  const days = weekOf(today);
  const [counts, attention, waitingSig, foc, completed, stale] = await Promise.all([
    call('cases:counts', {}),
    call('cases:list', { status: ['action_required', 'rejected'], sort: 'updated', dir: 'asc', limit: 50 }),
    call('cases:list', { status: ['waiting_signature'], sort: 'updated', dir: 'asc', limit: 50 }),
    call('cases:list', { status: [...OPEN_STATUSES], sort: 'foc', dir: 'asc', limit: 500 }),
    call('cases:list', { status: ['completed'], sort: 'foc', dir: 'desc', limit: 100 }),
    call('cases:staleBills', {}),
  ]);
  const week = foc.items.filter((c) => c.focDate && c.focDate >= days[0]! && c.focDate <= days[4]!);
  // Ports that finished recently: call the old provider after 2 days, register caller ID.
  const followUps: HomeData['followUps'] = [];
  for (const c of completed.items) {
    if (!c.focDate) continue;
    const since = daysBetween(c.focDate, today);
    if (since < 0 || since > 14) continue;
    followUps.push({
      c,
      task: 'Call the old provider: make sure the ported numbers are no longer billed',
      due: addDays(c.focDate, 2),
    });
    followUps.push({
      c,
      task: 'Register outbound caller ID with the wireless carriers against spam labelling',
      due: c.focDate,
    });
  }
  followUps.sort((a, b) => (a.due < b.due ? -1 : 1));
  return {
    counts,
    attention: attention.items,
    waitingSig: waitingSig.items.filter((c) => daysBetween(c.updatedAt, today) > 2),
    week,
    followUps,
    staleBills: stale.items,
  };
}

export function DeskHome() {
  const [data, setData] = useState<HomeData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setList = useListState((s) => s.set);
  const today = todayIso();

  useEffect(() => {
    loadHome(today)
      .then(setData)
      .catch((err: unknown) => setError(asDeskError(err).message));
  }, [today]);

  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  const days = weekOf(today);

  return (
    <div className="home">
      <div className="page-head">
        <div>
          <h1>Desk</h1>
          <p className="muted">
            {data
              ? `${total.toLocaleString()} ${total === 1 ? 'case' : 'cases'} in all. Today is ${formatDate(today, true)}.`
              : 'Loading…'}
          </p>
        </div>
        <a className="btn btn-primary" href={hrefFor({ name: 'new' })}>
          New case
        </a>
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="home-top">
        <section className="card" aria-labelledby="h-counts">
          <h2 id="h-counts">Cases by status</h2>
          <div className="stat-grid">
            {CASE_STATUSES.map((s) => (
              <a
                key={s}
                className={`stat stat-${s}`}
                href={hrefFor({ name: 'list' })}
                onClick={() => setList({ filter: s, query: '', active: 0, scrollTop: 0 })}
              >
                <span className="n num">{(data?.counts[s] ?? 0).toLocaleString()}</span>
                <span className="l">{STATUS_LABELS[s]}</span>
              </a>
            ))}
          </div>
        </section>
        <section className="card" aria-labelledby="h-drop">
          <h2 id="h-drop">Start from a bill</h2>
          <BillDropZone />
        </section>
      </div>
      <TeamWorkload today={today} staleBills={data?.staleBills ?? []} />
      <div className="grid-3" style={{ marginTop: 16 }}>
        <section className="card" aria-labelledby="h-week">
          <h2 id="h-week">{days[0]! > today ? 'FOC dates next week' : 'FOC dates this week'}</h2>
          <ol className="agenda">
            {days.map((d) => {
              const list = data?.week.filter((c) => c.focDate === d) ?? [];
              return (
                <li key={d} className={d === today ? 'agenda-today' : undefined}>
                  <div className="agenda-day">
                    {formatDate(d, true)}
                    {d === today && <span className="badge">Today</span>}
                  </div>
                  {list.length === 0 ? (
                    <span className="muted small">No ports</span>
                  ) : (
                    <ul className="list-plain">
                      {list.map((c) => (
                        <CaseLine key={c.id} c={c} />
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
        <section className="card" aria-labelledby="h-attn">
          <h2 id="h-attn">Needs action</h2>
          <h3>Action Required and Rejected</h3>
          <CaseLines list={data?.attention} empty="Nothing is waiting on the desk." />
          <h3 style={{ marginTop: 12 }}>Bills going stale</h3>
          <CaseLines
            list={data?.staleBills}
            empty="No bill is near 30 days old."
            detail={(c) =>
              c.ageDays > 30
                ? `bill is ${c.ageDays} days old: ask for a new one`
                : `bill is ${c.ageDays} days old; stale after 30`
            }
          />
          <h3 style={{ marginTop: 12 }}>LOAs waiting for signature over 2 days</h3>
          <CaseLines
            list={data?.waitingSig}
            empty="No LOA has been waiting over 2 days."
            detail={(c) => `sent ${daysBetween(c.updatedAt, today)} days ago`}
          />
        </section>
        <section className="card" aria-labelledby="h-follow">
          <h2 id="h-follow">Post-port follow-ups</h2>
          {data && data.followUps.length === 0 && (
            <p className="muted">No port completed in the last two weeks.</p>
          )}
          <ul className="list-plain">
            {data?.followUps.map((f, i) => (
              <li key={i} className="follow">
                <div>
                  <a href={hrefFor({ name: 'case', id: f.c.id, tab: 'timeline' })}>{f.c.accountName}</a>
                  <div className="small">{f.task}</div>
                </div>
                <span className={`small ${f.due <= today ? 'due-now' : 'muted'}`}>
                  {f.due <= today ? 'Due' : `From ${formatDate(f.due)}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

type CaseRef = Pick<CaseSummary, 'id' | 'accountName' | 'btn' | 'status'>;

function CaseLine({ c, detail }: { c: CaseRef; detail?: string }) {
  return (
    <li>
      <span>
        <a href={hrefFor({ name: 'case', id: c.id, tab: 'details' })}>{c.accountName || '(no name)'}</a>
        <span className="muted small"> {formatPhone(c.btn)}</span>
        {detail && <span className="muted small"> · {detail}</span>}
      </span>
      <StatusBadge status={c.status} />
    </li>
  );
}

function CaseLines<T extends CaseRef>({
  list,
  empty,
  detail,
}: {
  list: T[] | undefined;
  empty: string;
  detail?: (c: T) => string;
}) {
  if (!list) return <p className="muted">Loading…</p>;
  if (list.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="list-plain">
      {list.slice(0, 12).map((c) => (
        <CaseLine key={c.id} c={c} {...(detail ? { detail: detail(c) } : {})} />
      ))}
      {list.length > 12 && <li className="muted">…and {list.length - 12} more</li>}
    </ul>
  );
}
