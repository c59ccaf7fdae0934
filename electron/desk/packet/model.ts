// What a packet is built from: plain data, no store. The handlers (stored case) and the CLI
// (one-shot request) both assemble a PacketInput, so the documents are tested without a database.
import type { Case, CaseInput, Address, PhoneKind } from '../../../shared/domain';
import type { DeskProfile } from '../../../shared/settings';
import type { Signature } from '../../../shared/channels/packet';

/** The check engine's verdicts: match|mismatch|missing for comparisons, ok|stale for the bill age. */
export type Verdict = 'match' | 'mismatch' | 'missing' | 'warning' | 'ok' | 'stale';

/** One line of the cover sheet's check table (from the check engine, bill against request). */
export interface CheckRow {
  field: string;
  billValue: string | null;
  requestValue: string | null;
  verdict: Verdict;
  reason: string;
}

export interface Readiness {
  level: 'blocked' | 'warnings' | 'ready' | null;
  /** e.g. "2 blocking, 1 warning" */
  summary?: string;
}

/** A rule finding (blocker or warning) from the check engine, listed under the check table. */
export interface Finding {
  severity: 'blocker' | 'warning' | 'info';
  title: string;
  reason: string;
  code: string | null;
}

export interface BillFile {
  /** Shown in errors and on the cover sheet. */
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface PacketInput {
  /** A stored case, or a request not stored (CLI one-shot: id 0). */
  kase: CaseInput & { id: number; status?: Case['status'] };
  profile: DeskProfile;
  portingInbox: string;
  fromAddress: string;
  /** Every number the latest extraction found on the bill (10 digits). Empty when no bill was read. */
  billNumbers: string[];
  bill: BillFile[];
  checks: CheckRow[];
  readiness: Readiness;
  findings?: Finding[];
  signature?: Signature;
  now: Date;
}

export interface NumberLine {
  number: string;
  kind: PhoneKind;
  action: 'port' | 'keep';
  /** Where it came from, for Attachment A's note. */
  source: 'request' | 'bill';
  e911: Address | null;
}

/**
 * Attachment A: the numbers to port, and every other number on the account (the bill's numbers not
 * in the request, plus the request's numbers marked keep). 64.1130 wants every number covered.
 */
export function numberLines(input: Pick<PacketInput, 'kase' | 'billNumbers'>): NumberLine[] {
  const seen = new Map<string, NumberLine>();
  for (const n of input.kase.numbers) {
    if (!seen.has(n.number))
      seen.set(n.number, {
        number: n.number,
        kind: n.kind,
        action: n.action,
        source: 'request',
        e911: n.e911,
      });
  }
  for (const raw of input.billNumbers) {
    const number = raw.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    if (number.length !== 10 || seen.has(number)) continue;
    seen.set(number, { number, kind: kindOf(number), action: 'keep', source: 'bill', e911: null });
  }
  return [...seen.values()].sort((a, b) => a.number.localeCompare(b.number));
}

const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);
export const kindOf = (n: string): PhoneKind => (TOLL_FREE.has(n.slice(0, 3)) ? 'tollfree' : 'local');

export const toPort = (lines: NumberLine[]): NumberLine[] => lines.filter((l) => l.action === 'port');
export const toKeep = (lines: NumberLine[]): NumberLine[] => lines.filter((l) => l.action === 'keep');

/** The BTN is ported while numbers stay on the account: a new BTN must be named (MAIN_BTN_PORTING). */
export function btnStranded(input: Pick<PacketInput, 'kase' | 'billNumbers'>): boolean {
  const lines = numberLines(input);
  const btn = input.kase.customer.btn.replace(/\D/g, '');
  return lines.some((l) => l.number === btn && l.action === 'port') && toKeep(lines).length > 0;
}

export const KIND_LABEL: Record<PhoneKind, string> = {
  local: 'Local',
  tollfree: 'Toll-free',
  canadian: 'Canadian',
};
