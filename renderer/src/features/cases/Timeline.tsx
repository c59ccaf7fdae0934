import { useCallback, useEffect, useId, useState } from 'react';
import type { CaseEvent, Comment } from '../../../../shared/domain';
import { STATUS_LABELS, type CaseStatus } from '../../../../shared/status';
import { call, asDeskError } from '../../desk/client';
import { formatStamp } from '../../components/format';
import { toast } from '../../state/toasts';
import { useNameOf } from '../../state/session';

type Item =
  | { at: string; key: string; kind: 'event'; e: CaseEvent }
  | { at: string; key: string; kind: 'comment'; c: Comment };

function statusLabel(v: unknown): string {
  return typeof v === 'string' && v in STATUS_LABELS
    ? STATUS_LABELS[v as CaseStatus]
    : typeof v === 'string'
      ? v
      : JSON.stringify(v ?? '');
}

function show(v: unknown): string {
  if (v == null || v === '') return '(empty)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object')
    return Object.values(v as Record<string, unknown>)
      .filter((x) => x != null && x !== '')
      .join(', ');
  return JSON.stringify(v);
}

function describe(e: CaseEvent, nameOf: (email: string) => string): string {
  switch (e.kind) {
    case 'created':
      return 'Created the case';
    case 'status':
      return `Status: ${statusLabel(e.oldValue)} → ${statusLabel(e.newValue)}`;
    case 'updated':
      if (!e.field) return 'Edited the case';
      if (e.field === 'customer.pin') return 'Changed the port-out PIN';
      return `Changed ${e.field}: ${show(e.oldValue)} → ${show(e.newValue)}`;
    case 'accept_bill_value':
      return `Used the bill's value for ${e.field ?? 'a field'}: ${show(e.newValue)}`;
    case 'correction':
      return `Corrected the bill's ${e.field ?? 'value'}: ${show(e.oldValue)} → ${show(e.newValue)}`;
    case 'document':
      return `Added a document${e.note ? `: ${e.note}` : ''}`;
    case 'assigned':
      return typeof e.newValue === 'string'
        ? `Assigned the case to ${nameOf(e.newValue)}`
        : 'Unassigned the case';
    default:
      return `${e.kind}${e.field ? ` ${e.field}` : ''}`;
  }
}

export function Timeline({ caseId, refreshKey }: { caseId: number; refreshKey: number }) {
  const id = useId();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [posting, setPosting] = useState(false);
  const nameOf = useNameOf();

  const load = useCallback(async () => {
    try {
      const h = await call('cases:history', { id: caseId });
      const list: Item[] = [
        ...h.events.map((e) => ({ at: e.at, key: `e${e.id}`, kind: 'event' as const, e })),
        ...h.comments.map((c) => ({ at: c.at, key: `c${c.id}`, kind: 'comment' as const, c })),
      ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      setItems(list);
      setError(null);
    } catch (err) {
      setError(asDeskError(err).message);
    }
  }, [caseId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetch on open and on change; state is set after the answer
    void load();
  }, [load, refreshKey]);

  const post = async () => {
    if (!draft.trim()) return;
    setPosting(true);
    try {
      await call('cases:comment', { id: caseId, body: draft });
      setDraft('');
      toast.success('Comment added.');
      await load();
    } catch (err) {
      // The comment stays in the box so nothing typed is lost.
      toast.error(asDeskError(err).message);
    } finally {
      setPosting(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Timeline and comments</h2>
      <form
        className="comment-box"
        onSubmit={(e) => {
          e.preventDefault();
          void post();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-c`}>Add a comment</label>
          <textarea
            id={`${id}-c`}
            rows={2}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void post();
              }
            }}
            placeholder="Called the old provider, spoke to… (Ctrl+Enter to post)"
          />
        </div>
        <button type="submit" className="btn" disabled={posting || !draft.trim()}>
          Post comment
        </button>
      </form>
      {error && <p className="error-text">{error}</p>}
      {items && items.length === 0 && <p className="muted">Nothing yet.</p>}
      <ol className="timeline" data-testid="timeline">
        {items?.map((it) =>
          it.kind === 'comment' ? (
            <li key={it.key} className="tl-comment">
              <div className="tl-meta">
                <strong>{nameOf(it.c.author)}</strong> commented ·{' '}
                <time dateTime={it.c.at}>{formatStamp(it.c.at)}</time>
              </div>
              <p className="tl-body">{it.c.body}</p>
            </li>
          ) : (
            <li key={it.key} className={`tl-event tl-${it.e.kind}`}>
              <div className="tl-meta">
                <strong>{nameOf(it.e.actor)}</strong> · <time dateTime={it.e.at}>{formatStamp(it.e.at)}</time>
              </div>
              <div>
                {describe(it.e, nameOf)}
                {it.e.note && it.e.kind === 'status' && <div className="muted">Reason: {it.e.note}</div>}
              </div>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
