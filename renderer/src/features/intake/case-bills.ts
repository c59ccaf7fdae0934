import { toast } from '../../state/toasts';
import { runIntake } from './jobs';

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
