import { useEffect, useState } from 'react';
import type { Case } from '../../../../shared/domain';
import { asDeskError, call, onDeskEvent } from '../../desk/client';
import { toast } from '../../state/toasts';
import { useMe, useNameOf, useDirectory } from '../../state/session';

const HEARTBEAT_MS = 15_000;

/** Who else has the case open, kept fresh while this page is open (team desk only). */
function usePresence(caseId: number, myEmail: string | undefined) {
  const [viewers, setViewers] = useState<{ email: string; name: string }[]>([]);
  useEffect(() => {
    if (!myEmail) return;
    let live = true;
    // Each beat's answer says who is there: the page does not wait for a presence event, which a
    // page whose event stream is still connecting would miss (the other agent then never showed).
    const beat = () =>
      void call('presence:set', { caseId })
        .then((r) => {
          if (live) setViewers(r.viewers);
        })
        .catch(() => {});
    beat();
    const t = window.setInterval(beat, HEARTBEAT_MS);
    const off = onDeskEvent((e) => {
      if (e.type === 'presence' && e.caseId === caseId) setViewers(e.viewers);
    });
    return () => {
      live = false;
      window.clearInterval(t);
      off();
      void call('presence:set', { caseId: null }).catch(() => {});
    };
  }, [caseId, myEmail]);
  return viewers.filter((v) => v.email !== myEmail);
}

/** The case's agent and who else is looking at it; a lead assigns, an agent takes an unassigned case. */
export function CaseTeamBar({ kase, onChanged }: { kase: Case; onChanged: (c: Case) => void }) {
  const me = useMe();
  const nameOf = useNameOf();
  const directory = useDirectory();
  const others = usePresence(kase.id, me?.email);
  const [busy, setBusy] = useState(false);
  if (!me) return null;

  const assign = async (assignee: string | null, onlyIfUnassigned = false) => {
    setBusy(true);
    try {
      const c = await call('cases:assign', { id: kase.id, assignee, onlyIfUnassigned });
      onChanged(c);
      toast.success(
        c.assignee ? `Assigned to ${c.assignee === me.email ? 'you' : nameOf(c.assignee)}.` : 'Unassigned.',
      );
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const names = others.map((o) => o.name);
  const viewing =
    names.length === 0
      ? null
      : names.length === 1
        ? `${names[0]} is viewing this case`
        : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are viewing this case`;

  return (
    <div className="team-bar">
      <div className="team-assignee">
        <span className="label">Agent</span>{' '}
        {me.role === 'lead' ? (
          <select
            aria-label="Agent working this case"
            value={kase.assignee ?? ''}
            disabled={busy}
            onChange={(e) => void assign(e.target.value || null)}
          >
            <option value="">Unassigned</option>
            {directory.map((u) => (
              <option key={u.email} value={u.email}>
                {u.name}
                {u.email === me.email ? ' (you)' : ''}
              </option>
            ))}
          </select>
        ) : kase.assignee ? (
          <strong>{kase.assignee === me.email ? 'You' : nameOf(kase.assignee)}</strong>
        ) : (
          <>
            <span className="muted">Unassigned</span>{' '}
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void assign('me', true)}
            >
              Take this case
            </button>
          </>
        )}
      </div>
      {viewing && (
        <p className="presence" role="status">
          <span className="presence-dot" aria-hidden="true" />
          {viewing}
        </p>
      )}
    </div>
  );
}
