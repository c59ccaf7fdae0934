// The parts of the case page that come from intake and documents.
import { useEffect, useState } from 'react';
import type { Case } from '../../../../shared/domain';
import type { DocumentInfo } from '../../../../shared/channels/intake';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { formatBytes, formatStamp } from '../../components/format';
import { BillDropZone } from '../intake/BillDropZone';
import { BillViewer } from '../intake/BillViewer';

interface P {
  kase: Case;
  billKey?: number;
  onBillCorrected?: () => void;
}

function BillSide({ kase, billKey = 0, onBillCorrected }: P) {
  return (
    <section className="card bill-side" aria-labelledby="bill-side-h">
      <h2 id="bill-side-h">Bill</h2>
      <BillViewer
        caseId={kase.id}
        billKey={billKey}
        {...(onBillCorrected ? { onCorrected: onBillCorrected } : {})}
      />
      <BillDropZone caseId={kase.id} />
    </section>
  );
}

function ChecksTab(_p: P) {
  return (
    <section className="card">
      <h2>Checks</h2>
      <p className="muted">The check engine is not in this build.</p>
    </section>
  );
}

const KIND: Record<string, string> = {
  bill: 'Bill',
  signed_loa: 'Signed LOA',
  loa: 'LOA',
  resporg: 'RespOrg letter',
};

/** Emails and other files are kept as 'other' documents; their type says what they are. */
function kindLabel(d: DocumentInfo): string {
  if (d.kind === 'other' && (d.mime === 'message/rfc822' || d.mime === 'application/vnd.ms-outlook'))
    return 'Customer email';
  if (d.kind === 'other') return 'Attachment';
  return KIND[d.kind] ?? d.kind;
}

function DocumentsTab({ kase, billKey = 0 }: P) {
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!hasChannel('intake:listDocuments')) return;
    let live = true;
    call('intake:listDocuments', { caseId: kase.id })
      .then((d) => live && setDocs(d))
      .catch((err: unknown) => live && setError(asDeskError(err).message));
    return () => {
      live = false;
    };
  }, [kase.id, kase.version, billKey]);
  return (
    <section className="card" aria-labelledby="docs-h">
      <h2 id="docs-h">Documents</h2>
      {error && <p className="error-text">{error}</p>}
      {docs && docs.length === 0 && (
        <p className="muted">No documents yet. Drop a bill or export the packet.</p>
      )}
      {docs && docs.length > 0 && (
        <table className="data" data-testid="documents-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">File</th>
              <th scope="col">Pages</th>
              <th scope="col">Size</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td>{kindLabel(d)}</td>
                <td>{d.filename}</td>
                <td className="num">{d.pages ?? ''}</td>
                <td className="num">{formatBytes(d.size)}</td>
                <td>{formatStamp(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 style={{ marginTop: 16 }}>Add a bill</h3>
      <BillDropZone caseId={kase.id} />
    </section>
  );
}

export const CaseExtras = { BillSide, ChecksTab, DocumentsTab };
