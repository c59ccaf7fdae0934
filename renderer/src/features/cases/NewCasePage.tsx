import { useMemo, useState } from 'react';
import type { CaseInput } from '../../../../shared/domain';
import { call, asDeskError } from '../../desk/client';
import { go, useRouter } from '../../state/router';
import { toast } from '../../state/toasts';
import { CaseForm } from './CaseForm';
import { blankInput } from './form-schema';
import { usePendingBills, prefillFromBill, linkBillToCase } from '../intake/pending-bills';
import { PendingBillView } from '../intake/PendingBillView';
import { EmailPanel } from '../intake/EmailPanel';

export function NewCasePage({ fromJob }: { fromJob?: string | undefined }) {
  const pending = usePendingBills((s) => (fromJob ? s.bills[fromJob] : undefined));
  const defaults = useMemo(() => (pending ? prefillFromBill(pending) : blankInput()), [pending]);
  const fromBill = useMemo(() => (pending && !pending.email ? pending.display : undefined), [pending]);
  const [token] = useState(0);
  // Attachments of the email the agent ticked to keep with the case (upload ids).
  const [extra, setExtra] = useState<string[]>([]);

  const create = async (input: CaseInput) => {
    try {
      const c = await call('cases:create', { input });
      if (pending) await linkBillToCase(pending, c.id, extra);
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

  const email = pending?.email;
  const title = email ? 'New case from an email' : pending ? 'New case from a bill' : 'New case';
  const intro = email
    ? `Prefilled from ${pending.fileName}: what the customer asked, from the email, and the account, from ${pending.billName || 'no bill'}. Each value says where it came from; check the marked ones against the bill beside the form, then create the case.`
    : pending
      ? `Prefilled from ${pending.fileName}. Check each value against the bill beside the form, fix what is wrong, then create the case.`
      : 'Fill in what you have; a case can be saved as a draft and completed later.';

  return (
    <div>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="muted">{intro}</p>
        </div>
      </div>
      {fromJob && !pending && (
        <p className="banner banner-warn">
          That bill is no longer in this window (the page was reloaded). Drop it again, or fill in the case by
          hand.
        </p>
      )}
      <div className={pending ? 'workspace' : undefined}>
        <div>
          <CaseForm
            defaults={defaults}
            resetToken={token}
            submitLabel="Create case"
            onSubmit={create}
            fromBill={fromBill}
            notes={pending?.notes}
          />
        </div>
        {pending && (
          <div className="side-col">
            {email && <EmailPanel email={email} extra={extra} onExtra={setExtra} />}
            <PendingBillView pending={pending} />
          </div>
        )}
      </div>
    </div>
  );
}
