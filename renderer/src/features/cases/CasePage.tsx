import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Case, CaseInput } from '../../../../shared/domain';
import { EDITABLE_STATUSES, STATUS_LABELS } from '../../../../shared/status';
import { call, asDeskError, onDeskEvent } from '../../desk/client';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatPhone } from '../../components/format';
import { hrefFor } from '../../state/router';
import { toast } from '../../state/toasts';
import { CaseForm, type CaseFormApi } from './CaseForm';
import { ChecksPanel, ReadinessBanner } from '../checks/ChecksPanel';
import { useChecks } from '../checks/use-checks';
import type { CheckReport } from '../../../../shared/check/types';
import { ConflictBanner } from './ConflictBanner';
import { inputFromCase } from './form-schema';
import { StatusControl } from './StatusControl';
import { Timeline } from './Timeline';
import { CaseExtras } from './CaseExtras';
import { onCaseBill } from '../intake/case-bills';
import { CaseTeamBar } from '../team/CaseTeamBar';

const PacketButton = lazy(() => import('../packet/PacketButton'));

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'bill', label: 'Bill' },
  { id: 'checks', label: 'Checks' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'documents', label: 'Documents' },
];

export function CasePage({ id, tab }: { id: number; tab: string }) {
  const [kase, setKase] = useState<Case | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<Case | null>(null);
  const [resetToken, setResetToken] = useState(0);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const formApi = useRef<CaseFormApi>(null);
  const checks = useChecks(id);
  const [billKey, setBillKey] = useState(0);
  const runChecks = checks.run;

  // A bill finished reading for this case: show it and check it against the request.
  useEffect(
    () =>
      onCaseBill((caseId) => {
        if (caseId !== id) return;
        setBillKey((k) => k + 1);
        setRefreshKey((k) => k + 1);
        void runChecks(true);
      }),
    [id, runChecks],
  );

  const load = useCallback(async () => {
    try {
      const c = await call('cases:get', { id });
      setKase(c);
      setResetToken((t) => t + 1);
      setChangedElsewhere(false);
      setError(null);
    } catch (err) {
      setError(asDeskError(err).message);
    }
  }, [id]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetch on open; state is set after the answer
    void load();
  }, [load]);

  // Another window saved this case: note it (the form keeps the agent's edits).
  useEffect(
    () =>
      onDeskEvent((e) => {
        if (e.type === 'case-changed' && e.caseId === id) {
          setRefreshKey((k) => k + 1);
          // This window's own save is announced on the event stream too, often before its HTTP
          // answer lands; compare once the answer has had time to arrive, so only a change made
          // elsewhere raises the banner.
          window.setTimeout(() => {
            setKase((cur) => {
              if (!cur || e.version <= cur.version) return cur;
              // Nothing typed here: show the colleague's change at once. Edits in progress are
              // never replaced: the banner offers the latest, and a save would hit CONFLICT.
              if (formApi.current && !formApi.current.isDirty()) void load();
              else setChangedElsewhere(true);
              return cur;
            });
          }, 500);
        }
      }),
    [id, load],
  );

  const save = async (input: CaseInput, version?: number) => {
    if (!kase) return;
    try {
      const next = await call('cases:update', { id, version: version ?? kase.version, input });
      setKase(next);
      setTheirs(null);
      setChangedElsewhere(false);
      setResetToken((t) => t + 1);
      setRefreshKey((k) => k + 1);
      toast.success('Case saved.');
      void checks.run(true);
    } catch (err) {
      const e = asDeskError(err);
      if (e.code === 'CONFLICT') {
        try {
          setTheirs(await call('cases:get', { id }));
        } catch {
          /* the banner still explains; the form keeps the values */
        }
        toast.error('Not saved: this case was changed elsewhere. Your edits are kept.');
        return;
      }
      toast.error(e.message);
      throw e;
    }
  };

  const onStatus = (c: Case) => {
    setKase((cur) => (cur ? { ...cur, status: c.status, version: c.version, updatedAt: c.updatedAt } : c));
    setRefreshKey((k) => k + 1);
  };

  // "Use the bill's value": the case changed on the server; only that field changes in the form,
  // so anything else the agent is typing stays.
  const onAccepted = (next: Case, report: CheckReport) => {
    checks.setReport(report);
    setKase(next);
    setRefreshKey((k) => k + 1);
    const api = formApi.current;
    if (!api || !api.isDirty()) setResetToken((t) => t + 1);
    else {
      const f = inputFromCase(next);
      api.setField('customer.accountName', f.customer.accountName);
      api.setField('customer.accountNumber', f.customer.accountNumber);
      api.setField('customer.btn', f.customer.btn);
      api.setField('serviceAddress', f.serviceAddress);
    }
  };

  if (error && !kase)
    return (
      <div className="banner banner-error" role="alert">
        {error} <a href={hrefFor({ name: 'list' })}>Back to the case list</a>
      </div>
    );
  if (!kase) return <p className="muted">Loading case…</p>;

  const editable = EDITABLE_STATUSES.includes(kase.status);
  const active = TABS.some((t) => t.id === tab) ? tab : 'details';

  return (
    <div className="case-page">
      <div className="page-head case-head">
        <div>
          <p className="crumbs">
            <a href={hrefFor({ name: 'list' })}>Cases</a> / Case {kase.id}
          </p>
          <h1>
            {kase.customer.accountName || '(no name)'} <StatusBadge status={kase.status} />
          </h1>
          <p className="muted">
            BTN {formatPhone(kase.customer.btn) || '—'} · {kase.numbers.length}{' '}
            {kase.numbers.length === 1 ? 'number' : 'numbers'} ·{' '}
            {kase.customer.losingCarrier || 'carrier not set'}
            {kase.focDate ? ` · FOC ${formatDate(kase.focDate, true)}` : ''}
          </p>
        </div>
        <div className="btn-row head-actions">
          <StatusControl key={kase.status} kase={kase} onChanged={onStatus} />
          <Suspense fallback={null}>
            <PacketButton kase={kase} onDone={() => void load()} />
          </Suspense>
        </div>
      </div>
      <CaseTeamBar kase={kase} onChanged={(c) => setKase(c)} />
      <ReadinessBanner report={checks.report} onOpenChecks={hrefFor({ name: 'case', id, tab: 'checks' })} />
      {changedElsewhere && !theirs && (
        <div className="banner banner-info" role="status">
          This case was just changed in another window.{' '}
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Load the latest
          </button>{' '}
          (unsaved edits here would be replaced)
        </div>
      )}
      <nav aria-label="Case sections">
        <div className="tabs">
          {TABS.map((t) => (
            <a
              key={t.id}
              href={hrefFor({ name: 'case', id, tab: t.id })}
              aria-current={active === t.id ? 'page' : undefined}
            >
              {t.label}
            </a>
          ))}
        </div>
      </nav>
      <div hidden={active !== 'details'}>
        <div className="workspace">
          <div>
            <CaseForm
              defaults={inputFromCase(kase)}
              resetToken={resetToken}
              submitLabel="Save case"
              caseId={kase.id}
              readOnly={!editable}
              readOnlyReason={
                editable
                  ? undefined
                  : `A case in ${STATUS_LABELS[kase.status]} cannot be edited. Move it to Action Required or back to Draft first.`
              }
              onSubmit={(input) => save(input)}
              apiRef={formApi}
              scheduled={{ focDate: kase.focDate, status: kase.status }}
              banner={(current) =>
                theirs ? (
                  <ConflictBanner
                    theirs={theirs}
                    current={current}
                    onKeepMine={() => {
                      const v = theirs.version;
                      const form = document.querySelector<HTMLFormElement>('form.case-form');
                      // Resubmit through the form so validation and toWire still apply.
                      setKase((cur) => (cur ? { ...cur, version: v } : cur));
                      setTheirs(null);
                      setTimeout(() => form?.requestSubmit(), 0);
                    }}
                    onLoadTheirs={() => {
                      setKase(theirs);
                      setTheirs(null);
                      setResetToken((t) => t + 1);
                    }}
                  />
                ) : null
              }
            />
          </div>
          <div className="side-col">
            {active === 'details' && (
              <CaseExtras.BillSide
                kase={kase}
                billKey={billKey}
                onBillCorrected={() => void checks.run(true)}
              />
            )}
            {checks.available && (
              <ChecksPanel
                compact
                kase={kase}
                report={checks.report}
                running={checks.running}
                onRun={() => void checks.run()}
                onAccepted={onAccepted}
              />
            )}
          </div>
        </div>
      </div>
      {active === 'bill' && (
        <CaseExtras.BillSide kase={kase} billKey={billKey} onBillCorrected={() => void checks.run(true)} />
      )}
      {active === 'checks' &&
        (checks.available ? (
          <ChecksPanel
            kase={kase}
            report={checks.report}
            running={checks.running}
            onRun={() => void checks.run()}
            onAccepted={onAccepted}
          />
        ) : (
          <CaseExtras.ChecksTab kase={kase} />
        ))}
      {active === 'timeline' && <Timeline caseId={kase.id} refreshKey={refreshKey} />}
      {active === 'documents' && <CaseExtras.DocumentsTab kase={kase} billKey={billKey} />}
    </div>
  );
}
