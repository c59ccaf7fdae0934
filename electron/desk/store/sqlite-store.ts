// The SQLite implementation of Store. Every write runs in one IMMEDIATE transaction that also
// writes its audit events and the search row, so the audit trail and search never drift from
// the data, and concurrent writers (CLI + host) queue on busy_timeout instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import type { Case, CaseEvent, CaseInput, Comment, Extraction } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { CASE_STATUSES, EDITABLE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../../shared/status';
import type { SecretBox } from '../secrets';
import { ALWAYS_EDITABLE_FIELDS, auditableInput, diffCaseInput, type FieldChange } from './diff';
import { createLister } from './list';
import Database from 'better-sqlite3';
import { inspectDatabase, openDatabase } from './open';
import { SCHEMA_VERSION } from './migrations';
import {
  caseFromRow,
  caseParams,
  documentFromRow,
  parseJson,
  type CaseRow,
  type DocumentRow,
  type NumberRow,
} from './rows';
import { ftsRow } from './search';
import { blobPath, putBlob, readBlob } from '../intake/blobs';
import {
  assertDocument,
  assertUniqueNumbers,
  staleStatusError,
  updateConflictError,
  lockedEditError,
  rejectionReasonError,
  checkTransition,
  statusNote,
  alreadyAssignedError,
} from './rules';
import type {
  DocumentInput,
  DocumentRecord,
  EventInput,
  Readiness,
  StaleBill,
  Store,
  StoredChecks,
  Workload,
} from './types';

export interface StoreOptions {
  /** Encrypts port-out PINs at rest. Without one, saving a case that has a PIN is refused. */
  secrets?: SecretBox;
  /** Opens without migrating or writing (the schema must be current). */
  readonly?: boolean;
  /** Where document bytes live (blobs/ under it); default: the database file's folder. */
  dataDir?: string;
}

interface EventRow {
  id: number;
  case_id: number;
  at: string;
  actor: string;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  note: string | null;
}
interface CommentRow {
  id: number;
  case_id: number;
  at: string;
  author: string;
  body: string;
}

const eventFromRow = (r: EventRow): CaseEvent => ({
  id: r.id,
  caseId: r.case_id,
  at: r.at,
  actor: r.actor,
  kind: r.kind,
  field: r.field,
  oldValue: parseJson<unknown>(r.old_value),
  newValue: parseJson<unknown>(r.new_value),
  note: r.note,
});
const commentFromRow = (r: CommentRow): Comment => ({
  id: r.id,
  caseId: r.case_id,
  at: r.at,
  author: r.author,
  body: r.body,
});

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const now = () => new Date().toISOString();

const notFound = (id: number, what = 'Case') => new DeskError('NOT_FOUND', `${what} ${id} does not exist.`);

export function openStore(file: string, opts: StoreOptions = {}): Store {
  const db = openDatabase(file, { readonly: opts.readonly ?? false });
  const secrets = opts.secrets;

  const encryptPin = (pin: string | null): string | null => {
    if (!pin) return null;
    if (!secrets)
      throw new DeskError('INTERNAL', 'This store has no secret box, so it cannot save a port-out PIN.');
    return secrets.encrypt(pin);
  };
  // A PIN that cannot be decrypted (secret.key replaced) reads as missing rather than making the
  // whole case unreadable: the checks then flag "no PIN" and the agent re-enters it.
  const decryptPin = (enc: string | null): string | null => {
    if (!enc || !secrets) return null;
    try {
      return secrets.decrypt(enc);
    } catch {
      return null;
    }
  };

  const sql = {
    caseById: db.prepare('SELECT * FROM cases WHERE id = ?'),
    numbersOf: db.prepare(
      'SELECT number, action, kind, e911 FROM numbers WHERE case_id = ? ORDER BY position',
    ),
    insertCase: db.prepare(
      `INSERT INTO cases (account_name, account_type, account_number, btn, pin_enc, losing_carrier, wireless,
         auth_name, auth_title, auth_email, auth_phone, svc_line1, svc_line2, svc_city, svc_state, svc_zip,
         new_btn, foc_date, foc_time, flags, notes, status, version, created_at, updated_at)
       VALUES (@account_name, @account_type, @account_number, @btn, @pin_enc, @losing_carrier, @wireless,
         @auth_name, @auth_title, @auth_email, @auth_phone, @svc_line1, @svc_line2, @svc_city, @svc_state, @svc_zip,
         @new_btn, @foc_date, @foc_time, @flags, @notes, 'draft', 1, @at, @at)`,
    ),
    updateCase: db.prepare(
      `UPDATE cases SET account_name = @account_name, account_type = @account_type, account_number = @account_number,
         btn = @btn, pin_enc = @pin_enc, losing_carrier = @losing_carrier, wireless = @wireless,
         auth_name = @auth_name, auth_title = @auth_title, auth_email = @auth_email, auth_phone = @auth_phone,
         svc_line1 = @svc_line1, svc_line2 = @svc_line2, svc_city = @svc_city, svc_state = @svc_state, svc_zip = @svc_zip,
         new_btn = @new_btn, foc_date = @foc_date, foc_time = @foc_time, flags = @flags, notes = @notes,
         version = version + 1, updated_at = @at
       WHERE id = @id`,
    ),
    setStatus: db.prepare('UPDATE cases SET status = ?, version = version + 1, updated_at = ? WHERE id = ?'),
    assign: db.prepare('UPDATE cases SET assignee = ? WHERE id = ?'),
    deleteNumbers: db.prepare('DELETE FROM numbers WHERE case_id = ?'),
    insertNumber: db.prepare(
      'INSERT INTO numbers (case_id, position, number, action, kind, e911) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deleteFts: db.prepare('DELETE FROM cases_fts WHERE rowid = ?'),
    insertFts: db.prepare(
      'INSERT INTO cases_fts (rowid, name, numbers, account, address) VALUES (@id, @name, @numbers, @account, @address)',
    ),
    insertEvent: db.prepare(
      `INSERT INTO case_events (case_id, at, actor, kind, field, old_value, new_value, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    eventById: db.prepare('SELECT * FROM case_events WHERE id = ?'),
    eventsOf: db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY id'),
    insertComment: db.prepare('INSERT INTO comments (case_id, at, author, body) VALUES (?, ?, ?, ?)'),
    commentById: db.prepare('SELECT * FROM comments WHERE id = ?'),
    commentsOf: db.prepare('SELECT * FROM comments WHERE case_id = ? ORDER BY id'),
    caseExists: db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck(),
    counts: db.prepare('SELECT status, count(*) AS n FROM cases GROUP BY status'),
    workload: db.prepare(
      `SELECT assignee,
              count(*) AS open,
              count(*) FILTER (WHERE status = 'waiting_signature') AS waitingSignature,
              count(*) FILTER (WHERE foc_date >= @asOf AND foc_date <= @weekEnd) AS focSoon,
              count(*) FILTER (WHERE status IN ('action_required', 'rejected')) AS actionRequired
       FROM cases WHERE status IN (SELECT value FROM json_each(@open))
       GROUP BY assignee ORDER BY assignee IS NULL, assignee`,
    ),
    insertDocument: db.prepare(
      `INSERT INTO documents (case_id, sha256, kind, filename, mime, size, pages, created_at)
       VALUES (@case_id, @sha256, @kind, @filename, @mime, @size, @pages, @created_at)`,
    ),
    documentById: db.prepare('SELECT * FROM documents WHERE id = ?'),
    documentsOf: db.prepare('SELECT * FROM documents WHERE case_id = ? ORDER BY id'),
    upsertExtraction: db.prepare(
      `INSERT INTO extractions (document_id, json, created_at) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET json = excluded.json, created_at = excluded.created_at`,
    ),
    extractionOf: db.prepare('SELECT json FROM extractions WHERE document_id = ?').pluck(),
    upsertChecks: db.prepare(
      `INSERT INTO case_checks (case_id, json, readiness, computed_at, epoch) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET json = excluded.json, readiness = excluded.readiness,
         computed_at = excluded.computed_at, epoch = excluded.epoch`,
    ),
    checksOf: db.prepare(
      `SELECT k.json, k.readiness, k.computed_at, k.epoch = c.checks_epoch AS current
       FROM case_checks k JOIN cases c ON c.id = k.case_id WHERE k.case_id = ?`,
    ),
    checksEpoch: db.prepare('SELECT checks_epoch FROM cases WHERE id = ?').pluck(),
    // Every case holding one of these numbers (this one included): their reports compared
    // against a set of open numbers that has just changed.
    bumpEpochs: db.prepare(
      `UPDATE cases SET checks_epoch = checks_epoch + 1
       WHERE id = @id OR id IN (SELECT case_id FROM numbers WHERE number IN (SELECT value FROM json_each(@numbers)))`,
    ),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    setSetting: db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    duplicates: db.prepare(
      `SELECT n.case_id AS caseId, c.account_name AS accountName, n.number AS number
       FROM numbers n JOIN cases c ON c.id = n.case_id
       WHERE n.number IN (SELECT value FROM json_each(@numbers))
         AND n.action = 'port'
         AND c.status IN (SELECT value FROM json_each(@open))
         AND c.id <> @exclude
       ORDER BY n.number, n.case_id`,
    ),
    // The newest bill of each case (documents_case index), its date as the extraction read it
    // (corrections included). ISO dates compare as text.
    billsDatedBefore: db.prepare(
      `SELECT * FROM (
         SELECT c.id AS id, c.account_name AS accountName, c.btn AS btn, c.status AS status,
                c.assignee AS assignee,
                json_extract(e.json, '$.fields.billDate') AS billDate
         FROM cases c
         JOIN documents d ON d.id = (SELECT max(id) FROM documents WHERE case_id = c.id AND kind = 'bill')
         JOIN extractions e ON e.document_id = d.id
         WHERE c.status IN (SELECT value FROM json_each(@statuses)))
       WHERE billDate IS NOT NULL AND billDate <= @cutoff
       ORDER BY billDate, id
       LIMIT @limit`,
    ),
  };
  const listCases = createLister(db);

  // IMMEDIATE takes the write lock up front: a deferred transaction that reads then writes can
  // fail with SQLITE_BUSY_SNAPSHOT under WAL, which busy_timeout cannot retry.
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  // Reads that span several statements (a case and its numbers, a count and its page) share one snapshot.
  const read = <T>(fn: () => T): T => db.transaction(fn).deferred();

  const caseRow = (id: number): CaseRow => {
    const row = sql.caseById.get(id) as CaseRow | undefined;
    if (!row) throw notFound(id);
    return row;
  };
  const loadCase = (id: number): Case => {
    const row = caseRow(id);
    return caseFromRow(row, sql.numbersOf.all(id) as NumberRow[], decryptPin(row.pin_enc));
  };
  const inputOf = (c: Case): CaseInput => {
    const { id: _id, status: _s, version: _v, createdAt: _c, updatedAt: _u, assignee: _a, ...input } = c;
    return input;
  };

  const addEvent = (caseId: number, at: string, actor: string, e: EventInput): number =>
    Number(
      sql.insertEvent.run(
        caseId,
        at,
        actor,
        e.kind,
        e.field ?? null,
        json(e.oldValue),
        json(e.newValue),
        e.note ?? null,
      ).lastInsertRowid,
    );

  const writeNumbers = (caseId: number, input: CaseInput) => {
    sql.deleteNumbers.run(caseId);
    input.numbers.forEach((n, i) =>
      sql.insertNumber.run(caseId, i, n.number, n.action, n.kind, json(n.e911)),
    );
  };
  const writeFts = (caseId: number, input: CaseInput) => {
    sql.deleteFts.run(caseId);
    sql.insertFts.run({ id: caseId, ...ftsRow(input) });
  };

  const bumpEpochs = (id: number, ...inputs: CaseInput[]) =>
    sql.bumpEpochs.run({
      id,
      numbers: JSON.stringify([...new Set(inputs.flatMap((i) => i.numbers.map((n) => n.number)))]),
    });

  const insertCase = (input: CaseInput, actor: string, at: string): number => {
    assertUniqueNumbers(input);
    const id = Number(
      sql.insertCase.run({ ...caseParams(input, encryptPin(input.customer.pin)), at }).lastInsertRowid,
    );
    writeNumbers(id, input);
    writeFts(id, input);
    bumpEpochs(id, input);
    addEvent(id, at, actor, { kind: 'created', newValue: auditableInput(input) });
    return id;
  };

  const dataDir = opts.dataDir ?? path.dirname(path.resolve(file));

  // Every method is async over synchronous better-sqlite3 calls: the Store shape is shared with
  // PostgreSQL, and a synchronous throw becomes a rejected promise, as callers now expect.
  const store: Store = {
    backend: 'sqlite',

    async info() {
      return {
        backend: 'sqlite',
        schemaVersion: db.pragma('user_version', { simple: true }) as number,
        location: path.resolve(file),
        // Recent writes sit in the WAL until a checkpoint: count both, or a busy store looks empty.
        bytes: [file, `${file}-wal`]
          .map((f) => (fs.existsSync(f) ? fs.statSync(f).size : 0))
          .reduce((a, b) => a + b, 0),
      };
    },

    listCases: async (q) => read(() => listCases(q)),

    async counts() {
      const out = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
      for (const r of sql.counts.all() as { status: CaseStatus; n: number }[]) out[r.status] = r.n;
      return out;
    },

    async workload(asOf, weekEnd) {
      return sql.workload.all({ asOf, weekEnd, open: JSON.stringify(OPEN_STATUSES) }) as Workload[];
    },

    getCase: async (id) => read(() => loadCase(id)),

    async createCase(input, actor) {
      return write(() => loadCase(insertCase(input, actor, now())));
    },

    async createCases(inputs, actor) {
      return write(() => {
        const at = now();
        return inputs.map((input) => insertCase(input, actor, at));
      });
    },

    async updateCase(id, version, input, actor) {
      return write(() => {
        const current = loadCase(id);
        if (current.version !== version) throw updateConflictError(version, current.version);
        assertUniqueNumbers(input);
        const changes: FieldChange[] = diffCaseInput(inputOf(current), input);
        if (!changes.length) return current; // nothing changed: no new version, no empty event
        const locked = changes.filter((c) => !ALWAYS_EDITABLE_FIELDS.has(c.field));
        if (locked.length && !EDITABLE_STATUSES.includes(current.status)) {
          throw lockedEditError(
            current.status,
            locked.map((c) => c.field),
          );
        }
        // Re-encrypt only when the PIN changed, so an unrelated edit leaves its ciphertext alone.
        const row = caseRow(id);
        const pinEnc =
          input.customer.pin === current.customer.pin ? row.pin_enc : encryptPin(input.customer.pin);
        const at = now();
        sql.updateCase.run({ ...caseParams(input, pinEnc), at, id });
        writeNumbers(id, input);
        writeFts(id, input);
        bumpEpochs(id, inputOf(current), input);
        for (const c of changes) {
          addEvent(id, at, actor, {
            kind: 'updated',
            field: c.field,
            oldValue: c.oldValue,
            newValue: c.newValue,
            note: c.note ?? null,
          });
        }
        return loadCase(id);
      });
    },

    async setStatus(id, to, actor, opts = {}) {
      return write(() => {
        const row = caseRow(id);
        if (opts.expectVersion !== undefined && row.version !== opts.expectVersion) {
          throw staleStatusError(opts.expectVersion, row.version, row.status);
        }
        const from = row.status;
        checkTransition(from, to);
        const reason = opts.reason?.trim() || null;
        const code = opts.code?.trim() || null;
        if (to === 'rejected' && !reason) throw rejectionReasonError();
        const at = now();
        sql.setStatus.run(to, at, id);
        // Open <-> closed changes whether its numbers count as a duplicate order for others.
        bumpEpochs(id, inputOf(loadCase(id)));
        const note = statusNote(reason, code);
        addEvent(id, at, actor, { kind: 'status', field: 'status', oldValue: from, newValue: to, note });
        return loadCase(id);
      });
    },

    async assign(id, assignee, actor, opts = {}) {
      return write(() => {
        const row = caseRow(id);
        if (opts.onlyIfUnassigned && row.assignee !== null) throw alreadyAssignedError(row.assignee);
        if (row.assignee === assignee) return loadCase(id);
        sql.assign.run(assignee, id);
        addEvent(id, now(), actor, {
          kind: 'assigned',
          field: 'assignee',
          oldValue: row.assignee,
          newValue: assignee,
        });
        return loadCase(id);
      });
    },

    async addComment(id, body, actor) {
      return write(() => {
        caseRow(id);
        const at = now();
        const commentId = Number(sql.insertComment.run(id, at, actor, body).lastInsertRowid);
        // Mirrored in the audit trail so "every change appends an event" holds for comments too.
        addEvent(id, at, actor, { kind: 'comment', newValue: { commentId }, note: null });
        return commentFromRow(sql.commentById.get(commentId) as CommentRow);
      });
    },

    async history(id) {
      return read(() => {
        caseRow(id);
        return {
          events: (sql.eventsOf.all(id) as EventRow[]).map(eventFromRow),
          comments: (sql.commentsOf.all(id) as CommentRow[]).map(commentFromRow),
        };
      });
    },

    async appendEvent(caseId, event, actor) {
      return write(() => {
        if (!sql.caseExists.get(caseId)) throw notFound(caseId);
        const eventId = addEvent(caseId, now(), actor, event);
        return eventFromRow(sql.eventById.get(eventId) as EventRow);
      });
    },

    async addDocument(caseId, doc: DocumentInput, actor): Promise<DocumentRecord> {
      return write(() => {
        if (!sql.caseExists.get(caseId)) throw notFound(caseId);
        assertDocument(doc);
        // As PostgreSQL's foreign key to blobs: a document always has its bytes.
        if (!fs.existsSync(blobPath(dataDir, doc.sha256)))
          throw new DeskError(
            'NOT_FOUND',
            `No document bytes are stored under ${doc.sha256}; store them first.`,
          );
        const at = now();
        const docId = Number(
          sql.insertDocument.run({ case_id: caseId, ...doc, created_at: at }).lastInsertRowid,
        );
        addEvent(caseId, at, actor, {
          kind: 'document',
          field: 'documents',
          newValue: { id: docId, kind: doc.kind, filename: doc.filename, sha256: doc.sha256 },
        });
        return documentFromRow(sql.documentById.get(docId) as DocumentRow);
      });
    },

    listDocuments: async (caseId) => (sql.documentsOf.all(caseId) as DocumentRow[]).map(documentFromRow),

    async getDocument(id) {
      const row = sql.documentById.get(id) as DocumentRow | undefined;
      if (!row) throw notFound(id, 'Document');
      return documentFromRow(row);
    },

    async saveExtraction(documentId, extraction: Extraction) {
      write(() => {
        if (!sql.documentById.get(documentId)) throw notFound(documentId, 'Document');
        sql.upsertExtraction.run(documentId, JSON.stringify(extraction), now());
      });
    },

    getExtraction: async (documentId) =>
      parseJson<Extraction>((sql.extractionOf.get(documentId) as string | undefined) ?? null),

    async checksEpoch(caseId) {
      const epoch = sql.checksEpoch.get(caseId) as number | undefined;
      if (epoch === undefined) throw notFound(caseId);
      return epoch;
    },

    async saveChecks(caseId, result: { readiness: Readiness; checks: unknown }, epoch) {
      write(() => {
        if (!sql.caseExists.get(caseId)) throw notFound(caseId);
        sql.upsertChecks.run(caseId, JSON.stringify(result.checks ?? null), result.readiness, now(), epoch);
      });
    },

    async getChecks(caseId): Promise<StoredChecks | null> {
      const row = sql.checksOf.get(caseId) as
        { json: string; readiness: Readiness; computed_at: string; current: number } | undefined;
      return row
        ? {
            readiness: row.readiness,
            checks: parseJson<unknown>(row.json),
            computedAt: row.computed_at,
            current: row.current === 1,
          }
        : null;
    },

    async putBlob(bytes) {
      const { sha256, created } = putBlob(dataDir, bytes);
      return { sha256, created };
    },

    readBlob: async (sha) => readBlob(dataDir, sha),

    async getSetting(key) {
      const v = sql.getSetting.get(key) as string | undefined;
      return v === undefined ? undefined : parseJson<unknown>(v);
    },

    async setSetting(key, value) {
      write(() => sql.setSetting.run(key, JSON.stringify(value ?? null)));
    },

    async findOpenCasesWithNumbers(numbers, excludeCaseId) {
      if (!numbers.length) return [];
      return sql.duplicates.all({
        numbers: JSON.stringify(numbers),
        open: JSON.stringify(OPEN_STATUSES),
        exclude: excludeCaseId ?? -1,
      }) as { caseId: number; accountName: string; number: string }[];
    },

    async billsDatedBefore(cutoff, statuses, limit) {
      return sql.billsDatedBefore.all({ cutoff, statuses: JSON.stringify(statuses), limit }) as StaleBill[];
    },

    async restoreFrom(source, keepAs) {
      // Checked before anything of the live store is touched: corrupt, foreign or newer files are
      // refused by inspectDatabase; an older schema would need migrating, which only a fresh open
      // does (the CLI restore, with the desk closed).
      const incoming = inspectDatabase(source);
      if (incoming.schemaVersion !== SCHEMA_VERSION)
        throw new DeskError(
          'BAD_INPUT_FILE',
          `This backup has schema ${incoming.schemaVersion}; a running desk restores only schema ${SCHEMA_VERSION}. Close the desk and run: npm run desk -- db restore <file>`,
        );
      await store.backup(keepAs);
      // SQLite's backup API writes into the live file under its locks and WAL; this connection's
      // statements see the restored pages on their next step (SQLite re-prepares on a schema change).
      const src = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await src.backup(path.resolve(file));
      } finally {
        src.close();
      }
      return { cases: incoming.cases ?? 0 };
    },

    async backup(dest) {
      // Back up to a temp name beside the target, then rename: a crash mid-backup never leaves
      // a half-written file under the name the agent will later restore from.
      const target = path.resolve(dest);
      const tmp = `${target}.${process.pid}.partial`;
      try {
        await db.backup(tmp);
        fs.renameSync(tmp, target);
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw new DeskError('BAD_INPUT_FILE', `Backup to ${target} failed: ${(err as Error).message}`);
      }
    },

    async close() {
      if (db.open) db.close();
    },
  };
  return store;
}
