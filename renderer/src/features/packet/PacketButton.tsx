import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Case } from '../../../../shared/domain';
import type { ExportResult, Signature } from '../../../../shared/channels/packet';
import { asDeskError, call, door, fileRef, hasChannel } from '../../desk/client';
import { toast } from '../../state/toasts';

const SignaturePad = lazy(() => import('./SignaturePadField'));

/** LOA packet export: signature (drawn, typed or none), then the files to download or open. */
export default function PacketButton({ kase, onDone }: { kase: Case; onDone: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'none' | 'typed' | 'drawn'>('none');
  const [typed, setTyped] = useState(kase.authorized.name);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [busy, setBusy] = useState<null | 'export' | 'send' | 'attach'>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [problem, setProblem] = useState<{
    message: string;
    issues: { path: string; message: string }[];
  } | null>(null);
  const signedInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  if (!hasChannel('packet:export')) return null;

  const signature = (): Signature | undefined => {
    if (mode === 'typed' && typed.trim()) return { kind: 'typed', name: typed.trim() };
    if (mode === 'drawn' && drawn) return { kind: 'drawn', pngDataUrl: drawn };
    return undefined;
  };

  const run = async (what: 'export' | 'send') => {
    setBusy(what);
    setProblem(null);
    try {
      const sig = signature();
      const args = { caseId: kase.id, ...(sig ? { signature: sig } : {}) };
      if (what === 'export') {
        const r = await call('packet:export', args);
        setResult(r);
        toast.success(
          r.signed ? 'Packet exported.' : 'Unsigned packet exported; the case now waits for the signature.',
        );
      } else {
        const r = await call('packet:send', args);
        setResult(r.export);
        toast.success(`Packet sent to ${r.send.accepted.join(', ') || 'the porting inbox'}.`);
      }
      onDone();
    } catch (err) {
      const e = asDeskError(err);
      setProblem({ message: e.message, issues: e.issues });
    } finally {
      setBusy(null);
    }
  };

  const attachSigned = async (file: File | undefined) => {
    if (!file) return;
    setBusy('attach');
    try {
      const ref = await fileRef(file);
      await call('packet:attachSignedLoa', { caseId: kase.id, ...ref });
      toast.success('Signed LOA recorded; the case moved to Port Submitted.');
      onDone();
    } catch (err) {
      toast.error(asDeskError(err).message);
    } finally {
      setBusy(null);
    }
  };

  // Browser: the host serves exports as downloads. Desktop: the files are on this disk, and the
  // main process opens them with the default app (the .eml in the agent's mail client).
  const openExport = async (dl: string) => {
    try {
      await call('packet:openFile', { downloadId: dl });
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  };
  const link = (dl: string | null, path: string, label: string) =>
    door() === 'browser' && dl ? (
      <a className="btn btn-small" href={`/api/download/${encodeURIComponent(dl)}`} download>
        {label}
      </a>
    ) : dl ? (
      <button type="button" className="btn btn-small" title={path} onClick={() => void openExport(dl)}>
        Open {label}
      </button>
    ) : (
      <span className="mono small" title={path}>
        {label}: {path}
      </span>
    );

  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        Export packet…
      </button>
      {kase.status === 'waiting_signature' && (
        <>
          <input
            ref={signedInput}
            type="file"
            accept=".pdf,image/*"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              void attachSigned(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <button
            type="button"
            className="btn"
            disabled={busy === 'attach'}
            onClick={() => signedInput.current?.click()}
          >
            Add signed LOA…
          </button>
        </>
      )}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-t`}
        onClose={() => setOpen(false)}
        className="packet-dialog"
      >
        <h2 id={`${id}-t`}>Export the LOA packet</h2>
        <p className="muted">
          LOA, RespOrg letter for toll-free numbers, cover sheet with the checks, the bill copy and
          numbers.csv, as one PDF, a .zip and an email draft.
        </p>
        <fieldset>
          <legend>Signature</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-sig`}
              checked={mode === 'none'}
              onChange={() => setMode('none')}
            />{' '}
            Unsigned, for e-signature (case moves to Waiting for Signature)
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-sig`}
              checked={mode === 'typed'}
              onChange={() => setMode('typed')}
            />{' '}
            Typed name
          </label>
          {mode === 'typed' && (
            <div className="field">
              <label htmlFor={`${id}-typed`}>Signer's name</label>
              <input
                id={`${id}-typed`}
                type="text"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
              />
            </div>
          )}
          <label className="check">
            <input
              type="radio"
              name={`${id}-sig`}
              checked={mode === 'drawn'}
              onChange={() => setMode('drawn')}
            />{' '}
            Drawn signature
          </label>
          {mode === 'drawn' && (
            <Suspense fallback={<p className="muted">Loading the signature pad…</p>}>
              <SignaturePad onChange={setDrawn} />
            </Suspense>
          )}
        </fieldset>
        {problem && (
          <div className="banner banner-error" role="alert">
            {problem.message}
            {problem.issues.length > 0 && (
              <ul>
                {problem.issues.map((i) => (
                  <li key={i.path}>{i.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {busy && (
          <div className="progress" aria-live="polite">
            <progress aria-label="Building the packet" />
            <span>{busy === 'send' ? 'Building and sending…' : 'Building the packet…'}</span>
          </div>
        )}
        {result && (
          <div className="banner banner-ok" data-testid="packet-result">
            Packet ready{result.signed ? '' : ' (unsigned)'}.
            <div className="btn-row" style={{ marginTop: 6 }}>
              {link(result.downloads.pdf, result.pdf, 'packet.pdf')}
              {link(result.downloads.zip, result.zip, 'Packet .zip')}
              {link(result.downloads.eml, result.eml, 'Email draft (.eml)')}
            </div>
          </div>
        )}
        <div className="btn-row" style={{ marginTop: 12 }}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!!busy || (mode === 'drawn' && !drawn)}
            onClick={() => void run('export')}
          >
            Export
          </button>
          {hasChannel('packet:send') && (
            <button
              type="button"
              className="btn"
              disabled={!!busy || (mode === 'drawn' && !drawn)}
              onClick={() => void run('send')}
            >
              Export and email to the porting inbox
            </button>
          )}
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
