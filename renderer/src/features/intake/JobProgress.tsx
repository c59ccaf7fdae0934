import { cancelJob, dismissJob, useJobs, type Job } from './jobs';

export function JobProgress({ filter }: { filter?: (j: Job) => boolean }) {
  const all = useJobs((s) => s.jobs);
  const jobs = Object.values(all).filter((j) => (filter ? filter(j) : true));
  if (jobs.length === 0) return null;
  return (
    <div className="jobs" aria-live="polite">
      {jobs.map((j) => (
        <div key={j.jobId} className={`job job-${j.state}`} data-testid="intake-job">
          <div className="job-line">
            <strong>{j.fileName}</strong>
            <span className="muted">{j.state === 'failed' ? 'Not read' : (j.message ?? j.stage)}</span>
          </div>
          {j.state === 'running' && (
            <div className="progress">
              <progress max={j.total || 1} value={j.done} aria-label={`Reading ${j.fileName}`} />
              <button type="button" className="btn btn-small" onClick={() => void cancelJob(j.jobId)}>
                Cancel
              </button>
            </div>
          )}
          {j.state === 'failed' && (
            <div className="banner banner-error" role="alert">
              {j.error}{' '}
              <button type="button" className="btn btn-small" onClick={() => dismissJob(j.jobId)}>
                Dismiss
              </button>
            </div>
          )}
          {j.state === 'canceled' && (
            <p className="muted">
              Canceled.{' '}
              <button type="button" className="btn btn-small" onClick={() => dismissJob(j.jobId)}>
                Dismiss
              </button>
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
