import { useCallback, useEffect, useState } from 'react';
import type { CheckReport } from '../../../../shared/check/types';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { toast } from '../../state/toasts';

/** The case's stored check report, and a way to run the checks again. */
export function useChecks(caseId: number) {
  const [report, setReport] = useState<CheckReport | null>(null);
  const [running, setRunning] = useState(false);
  const available = hasChannel('checks:get');

  useEffect(() => {
    if (!available) return;
    let live = true;
    call('checks:get', { caseId })
      .then((r) => live && setReport(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseId, available]);

  const run = useCallback(
    async (quiet = false) => {
      if (!hasChannel('checks:run')) return;
      setRunning(true);
      try {
        setReport(await call('checks:run', { caseId }));
      } catch (err) {
        if (!quiet) toast.error(asDeskError(err).message);
      } finally {
        setRunning(false);
      }
    },
    [caseId],
  );

  return { available, report, setReport, running, run };
}
