// Bills dropped on the desk without a case: kept in this window until the agent confirms the
// new case prefilled from them.
import { create } from 'zustand';
import type { Extraction } from '../../../../shared/domain';
import type { EmailRead } from '../../../../shared/channels/email';
import { formatPhone } from '../../components/format';
import { go } from '../../state/router';
import { toast } from '../../state/toasts';
import { blankInput, type CaseFormIn } from '../cases/form-schema';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { isEmailName, runIntake, type FileRef } from './jobs';
import { billPrefill, emailPrefill, type FieldNote } from './prefill';

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
  /** Set when the file was the customer's email: what it asked and the files it carried. */
  email?: EmailRead;
  /** The bill to attach once the case exists (the email's chosen attachment, or the file itself). */
  billRef: FileRef | null;
  billName: string;
  /** Where each prefilled value came from, under its field. */
  notes: Record<string, FieldNote>;
  /** The watched folder's Inbox item it came from, taken off the Inbox once the case exists. */
  inboxId?: string;
}

export const usePendingBills = create<{ bills: Record<string, PendingBill> }>(() => ({ bills: {} }));

export function extractionOf(result: unknown): Extraction | null {
  const r = result as { extraction?: Extraction | null; fields?: unknown } | null;
  if (r?.extraction?.fields) return r.extraction;
  if (r && r.fields && typeof r.fields === 'object') return r as Extraction;
  return null;
}

export function prefillFromBill(p: PendingBill): CaseFormIn {
  if (p.email) return emailPrefill(p.email).input;
  if (!p.extraction?.fields) return blankInput();
  return billPrefill(p.extraction).input;
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

/** Drop on the desk or list: read the bill (or the customer's email), then open a new case prefilled from it. */
export async function startCaseFromBill(file: File): Promise<void> {
  await startCaseFromFile({ name: file.name, size: file.size, type: file.type, blob: file });
}

/** A file dropped, picked, or waiting in the Inbox (known by its path): true when a case form opened. */
export async function startCaseFromFile(file: {
  name: string;
  size: number;
  type?: string;
  blob?: File;
  path?: string;
  inboxId?: string;
}): Promise<boolean> {
  const known: FileRef | undefined = file.path ? { path: file.path } : undefined;
  const meta = {
    name: file.name,
    size: file.size,
    type: file.type ?? '',
    ...(file.blob ? { blob: file.blob } : {}),
  };
  const inbox = file.inboxId ? { inboxId: file.inboxId } : {};
  if (isEmailName(file.name)) return startCaseFromEmail(meta, known, inbox);
  const r = await runIntake<unknown>(meta, null, known);
  if ('error' in r) {
    toast.error(r.error);
    return false;
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
    mime: meta.type,
    billRef: r.ref,
    billName: file.name,
    notes: extraction ? billPrefill(extraction).notes : {},
    ...inbox,
  };
  usePendingBills.setState((s) => ({ bills: { ...s.bills, [r.jobId]: bill } }));
  if (!extraction) toast.info('No field could be read from this bill; fill the case in by hand.');
  go({ name: 'new', fromJob: r.jobId });
  return true;
}

/** An email dropped on the desk: its bill and the request in its text prefill a new case. */
export async function startCaseFromEmail(
  file: { name: string; size: number; type: string; blob?: File },
  known?: FileRef,
  extra: { inboxId?: string } = {},
): Promise<boolean> {
  const r = await runIntake<EmailRead>(file, null, known, 'intake:readEmail');
  if ('error' in r) {
    toast.error(r.error);
    return false;
  }
  const email = r.result;
  const chosen = email.attachments.find((a) => a.chosen) ?? null;
  const extraction = email.bill?.extraction ?? null;
  const bill: PendingBill = {
    jobId: r.jobId,
    fileName: file.name,
    result: email.bill,
    extraction,
    display: displayOf(extraction),
    ref: r.ref,
    size: file.size,
    mime: file.type,
    email,
    billRef: chosen ? { uploadId: chosen.uploadId } : null,
    billName: chosen?.name.split(' › ').pop() ?? '',
    notes: emailPrefill(email).notes,
    ...extra,
  };
  usePendingBills.setState((s) => ({ bills: { ...s.bills, [r.jobId]: bill } }));
  // The bill's own warnings are said above its values (ReadingWarnings); the email's, once.
  const billSays = new Set(email.bill?.warnings ?? []);
  for (const w of email.warnings) if (!billSays.has(w)) toast.info(w);
  go({ name: 'new', fromJob: r.jobId });
  return true;
}

/**
 * After the case is created, the bill joins it: intake reads the same upload again with the
 * case id, which stores the blob, the document and its extraction; then the checks run. From an
 * email, the email itself and the attachments the agent picked join the case's documents too.
 */
export async function linkBillToCase(p: PendingBill, caseId: number, extra: string[] = []): Promise<void> {
  let failed = false;
  if (p.billRef) {
    const r = await runIntake<unknown>({ name: p.billName, size: p.size, type: p.mime }, caseId, p.billRef);
    if ('error' in r) {
      failed = true;
      toast.error(
        `The case was created, but the bill could not be attached: ${r.error} Drop it on the case again.`,
      );
    }
  }
  if (p.email) {
    const files = [
      { uploadId: p.email.email.uploadId, filename: p.email.email.filename, bill: false },
      ...p.email.attachments
        .filter((a) => extra.includes(a.uploadId))
        .map((a) => ({
          uploadId: a.uploadId,
          filename: a.name.split(' › ').pop()!,
          bill: a.kind === 'bill',
        })),
    ];
    for (const f of files) {
      try {
        if (f.bill) {
          const r = await runIntake<unknown>({ name: f.filename, size: 0, type: '' }, caseId, {
            uploadId: f.uploadId,
          });
          if ('error' in r) throw new Error(r.error);
        } else await call('intake:addDocument', { caseId, uploadId: f.uploadId, filename: f.filename });
      } catch (err) {
        failed = true;
        toast.error(
          `The case was created, but ${f.filename} could not be kept with it: ${asDeskError(err).message}`,
        );
      }
    }
  }
  if (!failed)
    usePendingBills.setState((s) => {
      const bills = { ...s.bills };
      delete bills[p.jobId];
      return { bills };
    });
  if (p.inboxId) await call('inbox:done', { id: p.inboxId, caseId }).catch(() => undefined);
  if (hasChannel('checks:run')) {
    try {
      await call('checks:run', { caseId });
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  }
}
