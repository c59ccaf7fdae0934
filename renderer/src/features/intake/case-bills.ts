import { toast } from '../../state/toasts';
import type { EmailRead } from '../../../../shared/channels/email';
import { asDeskError, call } from '../../desk/client';
import { isEmailName, runIntake } from './jobs';

type Listener = (caseId: number) => void;
const listeners = new Set<Listener>();

/** Screens showing a case's bill refresh when a bill for it finishes. */
export function onCaseBill(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export async function addBillToCase(file: File, caseId: number): Promise<void> {
  const r = await runIntake<unknown>(
    { name: file.name, size: file.size, type: file.type, blob: file },
    caseId,
  );
  if ('error' in r) {
    toast.error(r.error);
    return;
  }
  toast.success(`${file.name} added to the case.`);
  for (const l of listeners) l(caseId);
}

/**
 * A file the desk can reach by path (a watched folder's) joins a case: a bill is read onto it; an
 * email's chosen bill is, and the email is kept in the case's documents.
 */
export async function addFileToCase(
  file: { name: string; size: number; path: string },
  caseId: number,
): Promise<boolean> {
  const meta = { name: file.name, size: file.size, type: '' };
  if (!isEmailName(file.name)) {
    const r = await runIntake<unknown>(meta, caseId, { path: file.path });
    if ('error' in r) return (toast.error(r.error), false);
  } else {
    const r = await runIntake<EmailRead>(meta, null, { path: file.path }, 'intake:readEmail');
    if ('error' in r) return (toast.error(r.error), false);
    const chosen = r.result.attachments.find((a) => a.chosen);
    if (chosen) {
      const b = await runIntake<unknown>(
        { name: chosen.name, size: chosen.size, type: chosen.mime },
        caseId,
        { uploadId: chosen.uploadId },
      );
      if ('error' in b) return (toast.error(b.error), false);
    }
    try {
      await call('intake:addDocument', { caseId, uploadId: r.result.email.uploadId, filename: file.name });
    } catch (err) {
      toast.error(asDeskError(err).message);
      return false;
    }
  }
  toast.success(`${file.name} added to case ${caseId}.`);
  for (const l of listeners) l(caseId);
  return true;
}
