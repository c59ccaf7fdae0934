import { useMemo, useState } from 'react';
import type { CaseInput } from '../../../../shared/domain';
import { call, asDeskError } from '../../desk/client';
import { go, useRouter } from '../../state/router';
import { toast } from '../../state/toasts';
import { CaseForm } from './CaseForm';
import { blankInput } from './form-schema';
import { usePendingBills, prefillFromBill, linkBillToCase } from '../intake/pending-bills';

export function NewCasePage({ fromJob }: { fromJob?: string | undefined }) {
  const pending = usePendingBills((s) => (fromJob ? s.bills[fromJob] : undefined));
  const defaults = useMemo(() => (pending ? prefillFromBill(pending) : blankInput()), [pending]);
  const fromBill = useMemo(() => (pending ? pending.display : undefined), [pending]);
  const [token] = useState(0);

  const create = async (input: CaseInput) => {
    try {
      const c = await call('cases:create', { input });
      if (pending) await linkBillToCase(pending, c.id);
      toast.success(`Case ${c.id} created.`);
      // The form is saved: let the route change through without the unsaved-changes prompt.
      useRouter.getState().setGuard(null);
      go({ name: 'case', id: c.id, tab: 'details' });
    } catch (err) {
      const e = asDeskError(err);
      toast.error(e.message);
      throw e;
    }
  };

  return (
    <div>
      <div className="page-head">
        <div>
          <h1>{pending ? 'New case from a bill' : 'New case'}</h1>
          <p className="muted">
            {pending
              ? `Prefilled from ${pending.fileName}. Check each value against the bill, fix what is wrong, then create the case.`
              : 'Fill in what you have; a case can be saved as a draft and completed later.'}
          </p>
        </div>
      </div>
      {fromJob && !pending && (
        <p className="banner banner-warn">
          That bill is no longer in this window (the page was reloaded). Drop it again, or fill in the case by
          hand.
        </p>
      )}
      <CaseForm
        defaults={defaults}
        resetToken={token}
        submitLabel="Create case"
        onSubmit={create}
        fromBill={fromBill}
      />
    </div>
  );
}
