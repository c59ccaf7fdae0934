// Bills dropped on the desk without a case: kept in this window until the agent confirms the
// new case prefilled from them.
import { create } from 'zustand';
import type { Extraction } from '../../../../shared/domain';
import { formatPhone } from '../../components/format';
import { go } from '../../state/router';
import { toast } from '../../state/toasts';
import { blankInput, type CaseFormIn } from '../cases/form-schema';
import { classify } from '../cases/paste-numbers';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { runIntake, type FileRef } from './jobs';

export interface PendingBill {
  jobId: string;
  fileName: string;
  /** Whatever intake:addBill returned (its shape belongs to the intake contract). */
  result: unknown;
  extraction: Extraction | null;
  ref: FileRef;
  size: number;
  mime: string;
  /** Bill values for display under the form fields. */
  display: Record<string, string>;
}

export const usePendingBills = create<{ bills: Record<string, PendingBill> }>(() => ({ bills: {} }));

export function extractionOf(result: unknown): Extraction | null {
  const r = result as { extraction?: Extraction | null; fields?: unknown } | null;
  if (r?.extraction?.fields) return r.extraction;
  if (r && r.fields && typeof r.fields === 'object') return r as Extraction;
  return null;
}

export function prefillFromBill(p: PendingBill): CaseFormIn {
  const base = blankInput();
  const f = p.extraction?.fields;
  if (!f) return base;
  return {
    ...base,
    customer: {
      ...base.customer,
      accountName: f.accountName ?? '',
      accountNumber: f.accountNumber ?? '',
      btn: formatPhone(f.btn),
      losingCarrier: f.carrier ?? '',
    },
    serviceAddress: f.serviceAddress ? { ...f.serviceAddress } : base.serviceAddress,
    numbers: f.numbers.map((n) => ({ number: n, action: 'port' as const, kind: classify(n), e911: null })),
  };
}

function displayOf(e: Extraction | null): Record<string, string> {
  const f = e?.fields;
  if (!f) return {};
  const a = f.serviceAddress;
  const out: Record<string, string> = {};
  if (f.accountName) out.accountName = f.accountName;
  if (f.accountNumber) out.accountNumber = f.accountNumber;
  if (f.btn) out.btn = formatPhone(f.btn);
  if (f.carrier) out.carrier = f.carrier;
  if (a) out.serviceAddress = [a.line1, a.line2, a.city, a.state, a.zip].filter(Boolean).join(', ');
  return out;
}

/** Drop on the desk or list: read the bill, then open a new case prefilled from it. */
export async function startCaseFromBill(file: File): Promise<void> {
  const r = await runIntake<unknown>({ name: file.name, size: file.size, type: file.type, blob: file }, null);
  if ('error' in r) {
    toast.error(r.error);
    return;
  }
  const extraction = extractionOf(r.result);
  const bill: PendingBill = {
    jobId: r.jobId,
    fileName: file.name,
    result: r.result,
    extraction,
    display: displayOf(extraction),
    ref: r.ref,
    size: file.size,
    mime: file.type,
  };
  usePendingBills.setState((s) => ({ bills: { ...s.bills, [r.jobId]: bill } }));
  if (!extraction) toast.info('No field could be read from this bill; fill the case in by hand.');
  go({ name: 'new', fromJob: r.jobId });
}

/**
 * After the case is created, the bill joins it: intake reads the same upload again with the
 * case id, which stores the blob, the document and its extraction; then the checks run.
 */
export async function linkBillToCase(p: PendingBill, caseId: number): Promise<void> {
  const r = await runIntake<unknown>({ name: p.fileName, size: p.size, type: p.mime }, caseId, p.ref);
  if ('error' in r) {
    toast.error(
      `The case was created, but the bill could not be attached: ${r.error} Drop it on the case again.`,
    );
    return;
  }
  usePendingBills.setState((s) => {
    const bills = { ...s.bills };
    delete bills[p.jobId];
    return { bills };
  });
  if (hasChannel('checks:run')) {
    try {
      await call('checks:run', { caseId });
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  }
}
