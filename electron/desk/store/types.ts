// The store's public shape. Kept narrow and free of SQLite types on purpose: a Postgres-backed
// store for a whole desk (DESIGN.md "Growing past one machine") must be able to implement it.
import type { Args } from '../../../shared/contract';
import type { Case, CaseEvent, CaseInput, CaseSummary, Comment, Extraction } from '../../../shared/domain';
import type { CaseStatus } from '../../../shared/status';

/** cases:list's query with the assignee resolved: an email, null for unassigned, absent for anyone. */
export type ListQuery = Omit<Args<'cases:list'>, 'assignee'> & { assignee?: string | null };
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
  /**
   * False when, since the report was computed, a case holding one of its numbers was created,
   * edited or moved (see checksEpoch): the duplicate-order rule may answer differently now.
   */
  current: boolean;
}

export interface StaleBill {
  id: number;
  accountName: string;
  btn: string;
  status: CaseStatus;
  billDate: string;
  assignee: string | null;
}

export interface Workload {
  assignee: string | null;
  open: number;
  waitingSignature: number;
  /** Open cases whose FOC date falls in the next 7 days. */
  focSoon: number;
  actionRequired: number;
}

export interface DuplicateHit {
  caseId: number;
  accountName: string;
  number: string;
}

export type StoreBackend = 'sqlite' | 'postgres';

export interface StoreInfo {
  backend: StoreBackend;
  /** The schema version the database is at (PRAGMA user_version or schema_version's row). */
  schemaVersion: number;
  /** Where it lives, without a password: a file path or postgres://user@host:port/db. */
  location: string;
  /** Its size on disk: the file and its WAL, or pg_database_size. */
  bytes: number;
}

/**
 * The case store, asynchronous so that a desk-wide PostgreSQL (DESIGN.md "Growing past one
 * machine") and the embedded SQLite file implement the same shape. SQLite stays synchronous
 * inside: each call settles in one tick, with the same transactions as before.
 */
export interface Store {
  readonly backend: StoreBackend;
  info(): Promise<StoreInfo>;
  listCases(q: ListQuery): Promise<{ total: number; items: CaseSummary[] }>;
  /** Number of cases in each status (every status present, zero included). */
  counts(): Promise<Record<CaseStatus, number>>;
  /** Per assignee (null: unassigned), open cases and what is due from `asOf` to 7 days later. */
  workload(asOf: string, weekEnd: string): Promise<Workload[]>;
  /** Throws DeskError NOT_FOUND. */
  getCase(id: number): Promise<Case>;
  createCase(input: CaseInput, actor: string): Promise<Case>;
  /** Bulk import in one transaction (project imports, the benchmark); returns the new ids. */
  createCases(inputs: readonly CaseInput[], actor: string): Promise<number[]>;
  /** Throws CONFLICT when `version` is not the stored one, or when a locked status forbids the edit. */
  updateCase(id: number, version: number, input: CaseInput, actor: string): Promise<Case>;
  /**
   * Follows shared/status.ts; ILLEGAL_TRANSITION otherwise; Rejected needs a reason. With
   * `expectVersion`, CONFLICT unless the case is still at that version (two agents moving one case).
   */
  setStatus(
    id: number,
    to: CaseStatus,
    actor: string,
    opts?: { reason?: string; code?: string; expectVersion?: number },
  ): Promise<Case>;
  /**
   * Sets who works the case (null: nobody), with an 'assigned' event. Not a version change: it
   * must not make a colleague's open edit conflict. With onlyIfUnassigned, CONFLICT when someone
   * already has it (two agents taking one case from the queue).
   */
  assign(
    id: number,
    assignee: string | null,
    actor: string,
    opts?: { onlyIfUnassigned?: boolean },
  ): Promise<Case>;
  addComment(id: number, body: string, actor: string): Promise<Comment>;
  history(id: number): Promise<{ events: CaseEvent[]; comments: Comment[] }>;
  appendEvent(caseId: number, event: EventInput, actor: string): Promise<CaseEvent>;

  addDocument(caseId: number, doc: DocumentInput, actor: string): Promise<DocumentRecord>;
  listDocuments(caseId: number): Promise<DocumentRecord[]>;
  /** Throws DeskError NOT_FOUND. */
  getDocument(id: number): Promise<DocumentRecord>;
  saveExtraction(documentId: number, extraction: Extraction): Promise<void>;
  getExtraction(documentId: number): Promise<Extraction | null>;
  /**
   * A counter bumped by every write that changes which open cases hold this case's numbers (and
   * by every edit of the case). Read it BEFORE gathering what a check compares against, and save
   * the report with it: a concurrent write then marks the report as not current.
   */
  checksEpoch(caseId: number): Promise<number>;
  saveChecks(caseId: number, result: { readiness: Readiness; checks: unknown }, epoch: number): Promise<void>;
  getChecks(caseId: number): Promise<StoredChecks | null>;

  /**
   * Keeps a document's bytes under their sha256 (content-addressed; the same bytes twice are
   * stored once). SQLite keeps them as files in the data folder; PostgreSQL in the database, so
   * that one pg_dump holds a desk whole.
   */
  putBlob(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }>;
  /** Throws DeskError NOT_FOUND when the bytes are missing. */
  readBlob(sha256: string): Promise<Buffer>;

  /** undefined when the key was never set. Values are JSON. */
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;

  /** Numbers being ported ('port') in open cases (shared/status OPEN_STATUSES): duplicate orders. */
  findOpenCasesWithNumbers(numbers: readonly string[], excludeCaseId?: number): Promise<DuplicateHit[]>;

  /**
   * Cases in `statuses` whose newest bill was dated on or before `cutoff` (YYYY-MM-DD), oldest
   * bill first: carriers want a bill from the last 30 days, so these need a fresh one soon.
   */
  billsDatedBefore(cutoff: string, statuses: readonly CaseStatus[], limit: number): Promise<StaleBill[]>;

  /**
   * Replace the whole store with a backup of the same schema, keeping the current one as `keepAs`
   * first. Refuses corrupt, foreign, older and newer files without touching the store.
   * SQLite only: a PostgreSQL desk is backed up and restored with pg_dump / pg_restore.
   */
  restoreFrom(source: string, keepAs: string): Promise<{ cases: number }>;

  /** A consistent copy of the whole database, written atomically to `file` (SQLite only). */
  backup(file: string): Promise<void>;
  /**
   * Case writes made by other processes on the same store (other team hosts, the CLI), as they
   * commit. Only a shared store has them: PostgreSQL's NOTIFY. Returns the unsubscribe.
   */
  onChange?(listener: (c: { caseId: number; version: number }) => void): () => void;
  close(): Promise<void>;
}
