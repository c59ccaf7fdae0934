import { useEffect, useState } from 'react';
import { asDeskError, call } from '../../desk/client';
import { Preview, type Loaded } from './BillViewer';
import type { PendingBill } from './pending-bills';

function b64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The bill a new case is being prefilled from, with the found fields outlined, as the case page
 * shows it: the agent checks each value against the page without leaving the form.
 */
export function PendingBillView({ pending }: { pending: PendingBill }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = pending.billRef;
  const x = pending.extraction;

  useEffect(() => {
    if (!ref || !x) return;
    let live = true;
    const name = pending.billName || pending.fileName;
    const chosen = pending.email?.attachments.find((a) => a.chosen);
    const pdf = chosen
      ? chosen.mime === 'application/pdf'
      : /\.pdf$/i.test(name) || pending.mime === 'application/pdf';
    const doc = {
      id: 0,
      caseId: 0,
      sha256: '',
      kind: 'bill',
      filename: name,
      mime: pdf ? 'application/pdf' : (chosen?.mime ?? pending.mime),
      size: chosen?.size ?? pending.size,
      pages: x.pages?.length || null,
      createdAt: '',
    };
    (pdf ? call('intake:previewBytes', ref) : Promise.resolve(null))
      .then(
        (raw) => live && setLoaded({ doc, extraction: x, bytes: raw ? b64ToBytes(raw.base64) : null, ref }),
      )
      .catch((err: unknown) => live && setError(asDeskError(err).message));
    return () => {
      live = false;
    };
  }, [ref, x, pending]);

  if (!ref || !x)
    return (
      <section className="card bill-side" aria-labelledby="pending-bill-h">
        <h2 id="pending-bill-h">Bill</h2>
        <p className="muted">
          {pending.email ? 'The email carries no bill the desk could read. ' : ''}Add the bill on the case
          once it is created.
        </p>
      </section>
    );
  return (
    <section className="card bill-side" aria-labelledby="pending-bill-h">
      <h2 id="pending-bill-h">Bill</h2>
      {error && <p className="error-text">Could not show the bill: {error}</p>}
      {loaded ? (
        <div className="bill-viewer">
          <Preview loaded={loaded} onCorrected={() => undefined} />
        </div>
      ) : (
        !error && <p className="muted">Loading the bill…</p>
      )}
    </section>
  );
}
