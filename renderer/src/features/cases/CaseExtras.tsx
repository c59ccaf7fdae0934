// The parts of the case page that come from intake, checks and documents. Each one shows what its
// channel provides, and a plain note when that part of the desk is not in this build.
import type { Case } from '../../../../shared/domain';
import { BillDropZone } from '../intake/BillDropZone';

interface P {
  kase: Case;
  refreshKey?: number;
  onCaseChanged?: () => void;
}

function Readiness(_p: P) {
  return null;
}

function BillSide({ kase }: P) {
  return (
    <aside className="card bill-side" aria-label="Bill">
      <h2>Bill</h2>
      <BillDropZone caseId={kase.id} />
    </aside>
  );
}

function BillTab({ kase }: P) {
  return (
    <section className="card">
      <h2>Bill</h2>
      <BillDropZone caseId={kase.id} />
    </section>
  );
}

function ChecksTab(_p: P) {
  return (
    <section className="card">
      <h2>Checks</h2>
      <p className="muted">The check engine is not in this build yet.</p>
    </section>
  );
}

function DocumentsTab(_p: P) {
  return (
    <section className="card">
      <h2>Documents</h2>
      <p className="muted">No documents yet.</p>
    </section>
  );
}

export const CaseExtras = { Readiness, BillSide, BillTab, ChecksTab, DocumentsTab };
