import { useEffect, useId, useRef, useState } from 'react';
import type { Case } from '../../../../shared/domain';
import { nextStatuses, REJECTION_REASONS, STATUS_LABELS, type CaseStatus } from '../../../../shared/status';
import { call, asDeskError } from '../../desk/client';
import { toast } from '../../state/toasts';
import { FeePreview } from './FeePreview';

interface Props {
  kase: Case;
  onChanged: (c: Case) => void;
  /** Called before leaving a status that still has unsaved edits. */
  blocked?: string | null;
}

export function StatusControl({ kase, onChanged, blocked }: Props) {
  const id = useId();
  const options = nextStatuses(kase.status);
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<string>(REJECTION_REASONS[0]);
  const [detail, setDetail] = useState('');
  const [code, setCode] = useState('');

  useEffect(() => {
    if (asking) dialogRef.current?.showModal();
    else dialogRef.current?.close();
  }, [asking]);

  if (options.length === 0) return <p className="muted">{STATUS_LABELS[kase.status]} is final.</p>;

  const apply = async (status: CaseStatus, extra: { reason?: string; code?: string } = {}) => {
    setBusy(true);
    try {
      const next = await call('cases:setStatus', { id: kase.id, status, version: kase.version, ...extra });
      onChanged(next);
      toast.success(`Status changed to ${STATUS_LABELS[status]}.`);
      setAsking(false);
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (!to) return;
    if (blocked) {
      toast.error(blocked);
      return;
    }
    if (to === 'rejected' || to === 'action_required' || to === 'canceling') {
      setAsking(true);
      return;
    }
    void apply(to);
  };

  const needsReason = to === 'rejected';
  return (
    <div className="status-control">
      <label htmlFor={`${id}-to`} className="label">
        Move to
      </label>
      <select
        id={`${id}-to`}
        value={to}
        onChange={(e) => setTo(e.target.value as CaseStatus)}
        data-testid="status-select"
      >
        <option value="">Choose next status…</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="button" className="btn" onClick={submit} disabled={!to || busy}>
        Change status
      </button>
      <dialog ref={dialogRef} aria-labelledby={`${id}-dlg-title`} onClose={() => setAsking(false)}>
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!to) return;
            const text = needsReason
              ? reason === 'Other'
                ? detail.trim()
                : detail.trim()
                  ? `${reason}: ${detail.trim()}`
                  : reason
              : detail.trim();
            if (needsReason && !text) return;
            void apply(to, {
              ...(text ? { reason: text } : {}),
              ...(code.trim() ? { code: code.trim() } : {}),
            });
          }}
        >
          <h2 id={`${id}-dlg-title`}>Move to {to ? STATUS_LABELS[to] : ''}</h2>
          {needsReason && (
            <div className="field">
              <label htmlFor={`${id}-reason`}>Rejection reason</label>
              <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
                {REJECTION_REASONS.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </div>
          )}
          {to === 'canceling' && kase.status === 'foc_scheduled' && (
            <FeePreview caseId={kase.id} action="cancel" />
          )}
          <div className="field">
            <label htmlFor={`${id}-detail`}>
              {needsReason
                ? reason === 'Other'
                  ? 'What the carrier said (required)'
                  : 'Details (optional)'
                : 'Reason (optional)'}
            </label>
            <textarea
              id={`${id}-detail`}
              rows={2}
              value={detail}
              onChange={(e) => setDetail(e.target.value)}
              required={needsReason && reason === 'Other'}
            />
          </div>
          {needsReason && (
            <div className="field">
              <label htmlFor={`${id}-code`}>Carrier rejection code (optional)</label>
              <input
                id={`${id}-code`}
                type="text"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder="e.g. 7117"
              />
            </div>
          )}
          <div className="btn-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Move to {to ? STATUS_LABELS[to] : ''}
            </button>
            <button type="button" className="btn" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
