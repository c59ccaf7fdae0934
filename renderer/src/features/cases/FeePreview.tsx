import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { FeePreviewSchema } from '../../../../shared/channels/checks';
import { asDeskError, call, hasChannel } from '../../desk/client';

type Fee = z.infer<typeof FeePreviewSchema>;

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** What moving or cancelling a scheduled port costs now, from the check engine's fee table. */
export function FeePreview({ caseId, action }: { caseId: number; action: 'reschedule' | 'cancel' }) {
  const [fee, setFee] = useState<Fee | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!hasChannel('foc:fees')) return;
    let live = true;
    call('foc:fees', { caseId })
      .then((f) => live && setFee(f))
      .catch((err: unknown) => live && setError(asDeskError(err).message));
    return () => {
      live = false;
    };
  }, [caseId]);
  if (error) return <p className="error-text">Fee preview unavailable: {error}</p>;
  if (!fee) return null;
  return (
    <div
      className={`banner ${fee.total > 0 ? 'banner-warn' : 'banner-info'}`}
      data-testid="fee-preview"
      role="status"
    >
      <strong>
        {action === 'cancel' ? 'Cancelling' : 'Rescheduling'} now costs {USD.format(fee.total)}
      </strong>{' '}
      ({USD.format(fee.perNumber)} × {fee.numbers} {fee.numbers === 1 ? 'number' : 'numbers'},{' '}
      {Math.floor(fee.hoursNotice)} h before {fee.scheduledLabel}). {fee.explanation}
      {fee.advice && <div className="small">{fee.advice}</div>}
    </div>
  );
}
