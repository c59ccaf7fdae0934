// The store's public shape. Kept narrow and free of SQLite types on purpose: a Postgres-backed
// store for a whole desk (DESIGN.md "Growing past one machine") must be able to implement it.
import type { Args } from '../../../shared/contract';
import type { Case, CaseEvent, CaseInput, CaseSummary, Comment, Extraction } from '../../../shared/domain';
import type { CaseStatus } from '../../../shared/status';

export type ListQuery = Args<'cases:list'>;
export type Readiness = 'blocked' | 'warnings' | 'ready';
export const DOCUMENT_KINDS = ['bill', 'signed_loa', 'loa', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentInput {
  sha256: string;
  kind: DocumentKind;
  filename: string;
  mime: string;
  size: number;
  pages: number | null;
}
export interface DocumentRecord extends DocumentInput {
  id: number;
  caseId: number;
  createdAt: string;
}

export interface EventInput {
  kind: string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  note?: string | null;
}

export interface StoredChecks {
  readiness: Readiness;
  /** Whatever the check engine saved; callers parse it with their own schema. */
  checks: unknown;
  computedAt: string;
}

export interface StaleBill {
  id: number;
  accountName: string;
  btn: string;
  status: CaseStatus;
  billDate: string;
}

export interface DuplicateHit {
  caseId: number;
  accountName: string;
  number: string;
}

export interface Store {
  listCases(q: ListQuery): { total: number; items: CaseSummary[] };
  /** Number of cases in each status (every status present, zero included). */
  counts(): Record<CaseStatus, number>;
  /** Throws DeskError NOT_FOUND. */
  getCase(id: number): Case;
  createCase(input: CaseInput, actor: string): Case;
  /** Bulk import in one transaction (project imports, the benchmark); returns the new ids. */
  createCases(inputs: readonly CaseInput[], actor: string): number[];
  /** Throws CONFLICT when `version` is not the stored one, or when a locked status forbids the edit. */
  updateCase(id: number, version: number, input: CaseInput, actor: string): Case;
  /** Follows shared/status.ts; ILLEGAL_TRANSITION otherwise; Rejected needs a reason. */
  setStatus(id: number, to: CaseStatus, actor: string, opts?: { reason?: string; code?: string }): Case;
  addComment(id: number, body: string, actor: string): Comment;
  history(id: number): { events: CaseEvent[]; comments: Comment[] };
  appendEvent(caseId: number, event: EventInput, actor: string): CaseEvent;

  addDocument(caseId: number, doc: DocumentInput, actor: string): DocumentRecord;
  listDocuments(caseId: number): DocumentRecord[];
  /** Throws DeskError NOT_FOUND. */
  getDocument(id: number): DocumentRecord;
  saveExtraction(documentId: number, extraction: Extraction): void;
  getExtraction(documentId: number): Extraction | null;
  saveChecks(caseId: number, result: { readiness: Readiness; checks: unknown }): void;
  getChecks(caseId: number): StoredChecks | null;

  /** undefined when the key was never set. Values are JSON. */
  getSetting(key: string): unknown;
  setSetting(key: string, value: unknown): void;

  /** Numbers being ported ('port') in open cases (shared/status OPEN_STATUSES): duplicate orders. */
  findOpenCasesWithNumbers(numbers: readonly string[], excludeCaseId?: number): DuplicateHit[];

  /**
   * Cases in `statuses` whose newest bill was dated on or before `cutoff` (YYYY-MM-DD), oldest
   * bill first: carriers want a bill from the last 30 days, so these need a fresh one soon.
   */
  billsDatedBefore(cutoff: string, statuses: readonly CaseStatus[], limit: number): StaleBill[];

  /**
   * Replace the whole store with a backup of the same schema, keeping the current one as `keepAs`
   * first. Refuses corrupt, foreign, older and newer files without touching the store.
   */
  restoreFrom(source: string, keepAs: string): Promise<{ cases: number }>;

  /** A consistent copy of the whole database, written atomically to `file`. */
  backup(file: string): Promise<void>;
  close(): void;
}
