// Assembles a PacketInput from the store: the case, the desk profile, the latest bill's blobs and
// extraction, and the stored check report. Every missing piece is named in one clear error.
import { DeskError } from '../../../shared/errors';
import { CheckReportSchema, type CheckReport } from '../../../shared/check/types';
import type { Store, DocumentRecord } from '../store';
import { readSettings } from './settings-store';
import type { BillFile, CheckRow, Finding, PacketInput, Readiness } from './model';
import type { Signature } from '../../../shared/channels/packet';

async function billBytes(store: Store, doc: DocumentRecord): Promise<Uint8Array> {
  try {
    return await store.readBlob(doc.sha256);
  } catch (err) {
    const why =
      err instanceof DeskError && err.code === 'NOT_FOUND'
        ? 'its stored file is missing'
        : (err as Error).message;
    throw new DeskError(
      'NOT_FOUND',
      `The bill "${doc.filename}" (document #${doc.id}) cannot be put in the packet: ${why}. Add the bill to the case again.`,
    );
  }
}

/** The bill documents of the latest intake: every document of kind 'bill', oldest first. */
function billDocuments(docs: DocumentRecord[]): DocumentRecord[] {
  return docs
    .filter((d) => d.kind === 'bill')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

export function checkRows(report: CheckReport): {
  rows: CheckRow[];
  readiness: Readiness;
  findings: Finding[];
} {
  return {
    rows: report.fields.map((f) => ({
      field: f.label,
      billValue: f.billValue,
      requestValue: f.requestValue,
      verdict: f.verdict,
      reason: f.reason,
    })),
    readiness: { level: report.readiness.readiness, summary: report.readiness.summary },
    findings: [...report.readiness.blockers, ...report.readiness.warnings].map((r) => ({
      severity: r.severity,
      title: r.title,
      reason: r.reason,
      code: r.code,
    })),
  };
}

export async function packetInputFromStore(
  deps: { store: Store },
  caseId: number,
  signature: Signature | undefined,
  now: Date,
): Promise<PacketInput> {
  const { store } = deps;
  const [kase, settings, docs] = await Promise.all([
    store.getCase(caseId),
    readSettings(store),
    store.listDocuments(caseId),
  ]);
  const bills = billDocuments(docs);
  const bill: BillFile[] = [];
  for (const d of bills) bill.push({ name: d.filename, mime: d.mime, bytes: await billBytes(store, d) });
  // The numbers the latest bill shows: the newest bill document with an extraction.
  let billNumbers: string[] = [];
  for (const d of [...bills].reverse()) {
    const ex = await store.getExtraction(d.id);
    if (ex) {
      billNumbers = ex.fields.numbers;
      break;
    }
  }
  const stored = await store.getChecks(caseId);
  const parsed = stored ? CheckReportSchema.safeParse(stored.checks) : null;
  const checks = parsed?.success ? checkRows(parsed.data) : null;
  return {
    kase,
    profile: settings.deskProfile,
    portingInbox: settings.email.portingInbox,
    fromAddress: settings.email.smtp.from || settings.deskProfile.email,
    billNumbers,
    bill,
    checks: checks?.rows ?? [],
    readiness: checks?.readiness ?? { level: stored?.readiness ?? null },
    findings: checks?.findings ?? [],
    signature,
    now,
  };
}
