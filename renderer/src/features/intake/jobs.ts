// Bill intake jobs started from this window: upload, then intake:addBill with a job id of our
// own so progress events can be matched and the job cancelled.
import { create } from 'zustand';
import type { DeskEvent } from '../../../../shared/contract';
import { asDeskError, call, fileRef, hasChannel, onDeskEvent } from '../../desk/client';

export interface Job {
  jobId: string;
  fileName: string;
  caseId: number | null;
  stage: string;
  done: number;
  total: number;
  message: string | null;
  state: 'running' | 'done' | 'failed' | 'canceled';
  error: string | null;
}

interface JobsState {
  jobs: Record<string, Job>;
  patch: (id: string, p: Partial<Job>) => void;
}

export const useJobs = create<JobsState>((set) => ({
  jobs: {},
  patch: (id, p) => set((s) => ({ jobs: { ...s.jobs, [id]: { ...(s.jobs[id] as Job), ...p } } })),
}));

let listening = false;
function listen() {
  if (listening) return;
  listening = true;
  onDeskEvent((e: DeskEvent) => {
    if (e.type !== 'progress') return;
    const job = useJobs.getState().jobs[e.jobId];
    if (!job || job.state !== 'running') return;
    useJobs
      .getState()
      .patch(e.jobId, { stage: e.stage, done: e.done, total: e.total, message: e.message ?? null });
  });
}

const ACCEPTED = /\.(pdf|png|jpe?g|tiff?|heic|heif|eml|msg)$/i;
export const ACCEPT_ATTR =
  '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.heic,.heif,.eml,.msg,application/pdf,image/*,message/rfc822,application/vnd.ms-outlook';

/** A customer's email (.eml, Outlook .msg): read for its bill and the request in its text. */
export const isEmailName = (name: string): boolean => /\.(eml|msg)$/i.test(name);

export function intakeAvailable(): boolean {
  return hasChannel('intake:addBill');
}

export type FileRef = { path: string } | { uploadId: string };

/**
 * Runs one bill through intake. `known` reuses an earlier upload (a bill read before its case
 * existed, now attached to it) instead of sending the bytes again.
 */
export async function runIntake<T>(
  file: { name: string; size: number; type: string; blob?: File },
  caseId: number | null,
  known?: FileRef,
  channel: 'intake:addBill' | 'intake:readEmail' = 'intake:addBill',
): Promise<{ jobId: string; result: T; ref: FileRef } | { jobId: string; error: string }> {
  listen();
  const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const { patch } = useJobs.getState();
  patch(jobId, {
    jobId,
    fileName: file.name,
    caseId,
    stage: known ? 'Attaching' : 'Uploading',
    done: 0,
    total: file.size || 1,
    message: null,
    state: 'running',
    error: null,
  });
  const fail = (error: string) => {
    const canceled = useJobs.getState().jobs[jobId]?.state === 'canceled';
    if (!canceled) patch(jobId, { state: 'failed', error });
    return { jobId, error: canceled ? 'Canceled.' : error };
  };
  // A quick local refusal for what intake cannot read; intake also sniffs the content itself.
  if (!known && !ACCEPTED.test(file.name) && !/^(application\/pdf|image\/)/.test(file.type)) {
    return fail(
      `“${file.name}” is not a bill format the desk reads. Use a PDF, JPEG, PNG, TIFF or HEIC file, or the customer's email (.eml, .msg).`,
    );
  }
  if (!intakeAvailable()) return fail('Bill intake is not available in this version of the desk yet.');
  try {
    const ref = known ?? (await fileRef(file.blob!, (done, total) => patch(jobId, { done, total })));
    if (useJobs.getState().jobs[jobId]?.state === 'canceled') return { jobId, error: 'Canceled.' };
    patch(jobId, {
      stage: channel === 'intake:readEmail' ? 'Reading the email' : 'Reading the bill',
      done: 0,
      total: 1,
    });
    const result =
      channel === 'intake:readEmail'
        ? await call('intake:readEmail', { ...ref, jobId })
        : await call('intake:addBill', { ...(caseId ? { caseId } : {}), ...ref, jobId });
    patch(jobId, { state: 'done', stage: 'Done', done: 1, total: 1 });
    // Finished jobs leave the list after a moment; failures stay until dismissed.
    setTimeout(() => dismissJob(jobId), 1500);
    return { jobId, result: result as T, ref };
  } catch (err) {
    return fail(asDeskError(err).message);
  }
}

export async function cancelJob(jobId: string): Promise<void> {
  useJobs.getState().patch(jobId, { state: 'canceled', stage: 'Canceled' });
  try {
    await call('intake:cancel', { jobId });
  } catch {
    /* already finished */
  }
}

export function dismissJob(jobId: string): void {
  useJobs.setState((s) => {
    const jobs = { ...s.jobs };
    delete jobs[jobId];
    return { jobs };
  });
}
