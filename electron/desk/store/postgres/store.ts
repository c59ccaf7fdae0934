// The PostgreSQL implementation of Store: one desk's cases shared by many agents and hosts.
// The rules are the SQLite store's (store/rules.ts, store/diff.ts), and so are the audit events
// each write appends in the same transaction. What changes is how concurrent writers are kept
// apart, which SQLite gets for free by letting one writer in at a time:
// - a case is edited or moved under SELECT … FOR UPDATE on its row (READ COMMITTED): the second
//   of two agents waits, then sees the first one's version and gets CONFLICT, or moves from the
//   status the first left it in. Optimistic versions alone would not do: both could read version
//   3 and both write 4.
// - writes that add, drop or reopen numbers take a transaction-scoped advisory lock per number
//   (sorted, so two writers never deadlock) before bumping checks_epoch on every case holding
//   them: two agents putting 212-555-0142 into two new cases at once are serialized, and the
//   second's bump sees the first's committed row, so neither check report can miss the other
//   (the duplicate-order rule). Row locks cannot serve here: the rows do not exist yet.
// - reads that span statements (a case and its numbers, a count and its page) run in one
//   REPEATABLE READ READ ONLY snapshot.
import type { Case, CaseInput, Extraction } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { CASE_STATUSES, EDITABLE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../../../shared/status';
import type { SecretBox } from '../../secrets';
import { sha256 } from '../../intake/blobs';
import { ALWAYS_EDITABLE_FIELDS, auditableInput, diffCaseInput } from '../diff';
import {
  caseFromRow,
  caseParams,
  commentFromRow,
  documentFromRow,
  eventFromRow,
  inputOf,
  json,
  type CaseRow,
  type CommentRow,
  type DocumentRow,
  type EventRow,
  type NumberRow,
} from '../rows';
import {
  assertDocument,
  assertUniqueNumbers,
  checkTransition,
  lockedEditError,
  alreadyAssignedError,
  notFound,
  pinCipher,
  PG_BACKUP_ADVICE,
  PG_RESTORE_ADVICE,
  rejectionReasonError,
  staleStatusError,
  statusNote,
  updateConflictError,
} from '../rules';
import { searchDoc } from '../search';
import type { DocumentInput, Readiness, StaleBill, Store, StoredChecks, Workload } from '../types';
import { redactUrl, type Pg, type Sql } from './connect';
import { createPgLister } from './list';
import { CHANNEL, listenForChanges, type CaseChange } from './listen';
import { pgSchemaVersion } from './migrate';

const now = () => new Date().toISOString();

// Columns read back in the shapes rows.ts maps (JSON as text, booleans as 0/1), so both backends
// share one mapping to the domain types.
const CASE_COLUMNS = `id, account_name, account_type, account_number, btn, pin_enc, losing_carrier,
  wireless::int AS wireless, auth_name, auth_title, auth_email, auth_phone, svc_line1, svc_line2, svc_city,
  svc_state, svc_zip, new_btn, foc_date, foc_time, flags::text AS flags, notes, status, version,
  assignee, created_at, updated_at`;
const EVENT_COLUMNS = `id, case_id, at, actor, kind, field, old_value::text AS old_value,
  new_value::text AS new_value, note`;

/** The FK violation of an insert under a case that was never there (or was just deleted). */
const isMissingParent = (err: unknown) => (err as { code?: string } | null)?.code === '23503';

export function createPgStore(pg: Pg, secrets: SecretBox | undefined): Store {
  const { encrypt: encryptPin, decrypt: decryptPin } = pinCipher(secrets);
  const listCases = createPgLister(pg);
  const listeners = new Set<(c: CaseChange) => void>();
  let stopListening: (() => Promise<void>) | undefined;
  const read = <T>(fn: (sql: Sql) => Promise<T>) =>
    pg.tx(fn, { isolation: 'REPEATABLE READ', readOnly: true });
  const write = <T>(fn: (sql: Sql) => Promise<T>) => pg.tx(fn);

  async function caseRow(sql: Sql, id: number, lock = false): Promise<CaseRow> {
    const r = await sql.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!r.rows[0]) throw notFound(id);
    return r.rows[0];
  }
  async function loadCase(sql: Sql, id: number, lock = false): Promise<Case> {
    return (await loadCaseAndRow(sql, id, lock)).kase;
  }
  /** The case and its row as stored (the PIN still encrypted, for a save that keeps it). */
  async function loadCaseAndRow(sql: Sql, id: number, lock = false): Promise<{ kase: Case; row: CaseRow }> {
    const row = await caseRow(sql, id, lock);
    const nums = await sql.query<NumberRow>(
      'SELECT number, action, kind, e911::text AS e911 FROM numbers WHERE case_id = $1 ORDER BY position',
      [id],
    );
    return { kase: caseFromRow(row, nums.rows, decryptPin(row.pin_enc)), row };
  }

  async function addEvent(
    sql: Sql,
    caseId: number,
    at: string,
    actor: string,
    e: { kind: string; field?: string | null; oldValue?: unknown; newValue?: unknown; note?: string | null },
  ): Promise<EventRow> {
    const r = await sql.query<EventRow>(
      `INSERT INTO case_events (case_id, at, actor, kind, field, old_value, new_value, note)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8) RETURNING ${EVENT_COLUMNS}`,
      [caseId, at, actor, e.kind, e.field ?? null, json(e.oldValue), json(e.newValue), e.note ?? null],
    );
    return r.rows[0]!;
  }

  /** Tells listening hosts a case moved (see listen.ts); sent on COMMIT, dropped on ROLLBACK. */
  /** A save's field changes as events, in one statement: one round trip however many fields moved. */
  async function addEvents(
    sql: Sql,
    caseId: number,
    at: string,
    actor: string,
    es: { kind: string; field: string; oldValue: unknown; newValue: unknown; note: string | null }[],
  ): Promise<void> {
    if (!es.length) return;
    await sql.query(
      `INSERT INTO case_events (case_id, at, actor, kind, field, old_value, new_value, note)
       SELECT $1, $2, $3, k, f, o::jsonb, v::jsonb, n
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t(k, f, o, v, n, p)
       ORDER BY p`,
      [
        caseId,
        at,
        actor,
        es.map((e) => e.kind),
        es.map((e) => e.field),
        es.map((e) => json(e.oldValue)),
        es.map((e) => json(e.newValue)),
        es.map((e) => e.note),
      ],
    );
  }

  async function notify(sql: Sql, c: { id: number; version: number }): Promise<void> {
    await sql.query('SELECT pg_notify($1, $2)', [
      CHANNEL,
      JSON.stringify({ caseId: c.id, version: c.version }),
    ]);
  }

  /** Serializes writers of the same numbers for the rest of the transaction (see the header). */
  async function lockNumbers(sql: Sql, numbers: readonly string[]): Promise<void> {
    const sorted = [...new Set(numbers)].sort();
    if (!sorted.length) return;
    await sql.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(n, 7)) FROM unnest($1::text[]) AS n ORDER BY n',
      [sorted],
    );
  }
  async function bumpEpochs(sql: Sql, id: number, numbers: readonly string[]): Promise<void> {
    await sql.query(
      `UPDATE cases SET checks_epoch = checks_epoch + 1
       WHERE id = $1 OR id IN (SELECT case_id FROM numbers WHERE number = ANY($2::text[]))`,
      [id, [...new Set(numbers)]],
    );
  }

  async function writeNumbers(sql: Sql, caseId: number, input: CaseInput): Promise<void> {
    await sql.query('DELETE FROM numbers WHERE case_id = $1', [caseId]);
    if (!input.numbers.length) return;
    await sql.query(
      `INSERT INTO numbers (case_id, position, number, action, kind, e911)
       SELECT $1, p - 1, n, a, k, e::jsonb
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(n, a, k, e, p)`,
      [
        caseId,
        input.numbers.map((n) => n.number),
        input.numbers.map((n) => n.action),
        input.numbers.map((n) => n.kind),
        input.numbers.map((n) => json(n.e911)),
      ],
    );
  }

  const CASE_PARAM_ORDER = [
    'account_name',
    'account_type',
    'account_number',
    'btn',
    'pin_enc',
    'losing_carrier',
    'wireless',
    'auth_name',
    'auth_title',
    'auth_email',
    'auth_phone',
    'svc_line1',
    'svc_line2',
    'svc_city',
    'svc_state',
    'svc_zip',
    'new_btn',
    'foc_date',
    'foc_time',
    'flags',
    'notes',
  ] as const;
  const PG_TYPES: Record<(typeof CASE_PARAM_ORDER)[number], string> = {
    account_name: 'text',
    account_type: 'text',
    account_number: 'text',
    btn: 'text',
    pin_enc: 'text',
    losing_carrier: 'text',
    wireless: 'boolean',
    auth_name: 'text',
    auth_title: 'text',
    auth_email: 'text',
    auth_phone: 'text',
    svc_line1: 'text',
    svc_line2: 'text',
    svc_city: 'text',
    svc_state: 'text',
    svc_zip: 'text',
    new_btn: 'text',
    foc_date: 'text',
    foc_time: 'text',
    flags: 'jsonb',
    notes: 'text',
  };
  const caseValues = (input: CaseInput, pinEnc: string | null): unknown[] => {
    const p = caseParams(input, pinEnc);
    return CASE_PARAM_ORDER.map((k) => (k === 'wireless' ? p.wireless === 1 : p[k]));
  };

  /**
   * Inserts cases set-wise (one statement per table, however many cases): a 2,000-row import or
   * the 100,000-case benchmark load costs a handful of round trips per thousand cases.
   */
  async function insertCases(
    sql: Sql,
    inputs: readonly CaseInput[],
    actor: string,
    at: string,
  ): Promise<number[]> {
    if (!inputs.length) return [];
    for (const input of inputs) assertUniqueNumbers(input);
    const ids = (
      await sql.query<{ id: number }>(
        "SELECT nextval(pg_get_serial_sequence('cases', 'id'))::int AS id FROM generate_series(1, $1)",
        [inputs.length],
      )
    ).rows.map((r) => r.id);
    const rows = inputs.map((input) => caseValues(input, encryptPin(input.customer.pin)));
    const columns = CASE_PARAM_ORDER.map((_, i) => rows.map((r) => r[i]));
    const n = CASE_PARAM_ORDER.length;
    await sql.query(
      `INSERT INTO cases (id, ${CASE_PARAM_ORDER.join(', ')}, status, version, created_at, updated_at)
       SELECT *, 'draft', 1, $${n + 2}::timestamptz, $${n + 2}::timestamptz
       FROM unnest($1::int[], ${CASE_PARAM_ORDER.map((k, i) => `$${i + 2}::${PG_TYPES[k]}[]`).join(', ')})`,
      [ids, ...columns, at],
    );
    await sql.query('INSERT INTO case_search (id, doc) SELECT * FROM unnest($1::int[], $2::text[])', [
      ids,
      inputs.map(searchDoc),
    ]);
    const nums = inputs.flatMap((input, i) =>
      input.numbers.map((x, position) => ({ caseId: ids[i]!, position, x })),
    );
    if (nums.length) {
      await sql.query(
        `INSERT INTO numbers (case_id, position, number, action, kind, e911)
         SELECT c, p, n, a, k, e::jsonb FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS t(c, p, n, a, k, e)`,
        [
          nums.map((r) => r.caseId),
          nums.map((r) => r.position),
          nums.map((r) => r.x.number),
          nums.map((r) => r.x.action),
          nums.map((r) => r.x.kind),
          nums.map((r) => json(r.x.e911)),
        ],
      );
    }
    await sql.query(
      `UPDATE cases SET checks_epoch = checks_epoch + 1
       WHERE id = ANY($1::int[]) OR id IN (SELECT case_id FROM numbers WHERE number = ANY($2::text[]))`,
      [ids, [...new Set(nums.map((r) => r.x.number))]],
    );
    await sql.query(
      `INSERT INTO case_events (case_id, at, actor, kind, new_value)
       SELECT c, $2, $3, 'created', v::jsonb FROM unnest($1::int[], $4::text[]) AS t(c, v)`,
      [ids, at, actor, inputs.map((i) => JSON.stringify(auditableInput(i)))],
    );
    return ids;
  }

  /**
   * Before a bulk insert's numbers: one table lock instead of an advisory lock per number (an
   * import of 10,000 numbers would overflow max_locks_per_transaction). It waits for writers of
   * numbers in flight and holds the next ones back until this transaction commits, which is the
   * same guarantee the per-number locks give, for the whole table.
   */
  async function lockForInsert(sql: Sql, inputs: readonly CaseInput[]): Promise<void> {
    const numbers = inputs.flatMap((i) => i.numbers.map((n) => n.number));
    if (numbers.length > 200) await sql.query('LOCK TABLE numbers IN SHARE ROW EXCLUSIVE MODE');
    else await lockNumbers(sql, numbers);
  }

  /** A case's numbers as committed now, locked before its row (see lockCase). */
  async function lockCase(sql: Sql, id: number, extra: readonly string[] = []): Promise<Case> {
    return (await lockCaseAndRow(sql, id, extra)).kase;
  }
  async function lockCaseAndRow(
    sql: Sql,
    id: number,
    extra: readonly string[] = [],
  ): Promise<{ kase: Case; row: CaseRow }> {
    // Number locks first, row lock second, in every write: a writer holding a case row then never
    // waits for a number lock, which is what keeps two writers from deadlocking.
    const before = await sql.query<{ number: string }>('SELECT number FROM numbers WHERE case_id = $1', [id]);
    const locked = new Set([...before.rows.map((r) => r.number), ...extra]);
    await lockNumbers(sql, [...locked]);
    const current = await loadCaseAndRow(sql, id, true);
    // Numbers changed between the two reads (another agent's save committed): lock those too.
    const missed = current.kase.numbers.map((n) => n.number).filter((n) => !locked.has(n));
    if (missed.length) await lockNumbers(sql, missed);
    return current;
  }

  const store: Store = {
    backend: 'postgres',

    async info() {
      const size = await pg.query<{ b: number }>('SELECT pg_database_size(current_database())::bigint AS b');
      return {
        backend: 'postgres',
        schemaVersion: await pgSchemaVersion(pg),
        location: redactUrl(pg.url),
        bytes: size.rows[0]!.b,
      };
    },

    listCases: (q) => listCases(q),

    async counts() {
      const out = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
      const r = await pg.query<{ status: CaseStatus; n: number }>(
        'SELECT status, count(*)::int AS n FROM cases GROUP BY status',
      );
      for (const row of r.rows) out[row.status] = row.n;
      return out;
    },

    async workload(asOf, weekEnd) {
      const r = await pg.query<Workload>(
        `SELECT assignee,
                count(*)::int AS open,
                (count(*) FILTER (WHERE status = 'waiting_signature'))::int AS "waitingSignature",
                (count(*) FILTER (WHERE foc_date >= $1 AND foc_date <= $2))::int AS "focSoon",
                (count(*) FILTER (WHERE status IN ('action_required', 'rejected')))::int AS "actionRequired"
         FROM cases WHERE status = ANY($3::text[])
         GROUP BY assignee ORDER BY assignee IS NULL, assignee COLLATE "C"`,
        [asOf, weekEnd, [...OPEN_STATUSES]],
      );
      return r.rows;
    },

    getCase: (id) => read((sql) => loadCase(sql, id)),

    async createCase(input, actor) {
      return write(async (sql) => {
        await lockForInsert(sql, [input]);
        const [id] = await insertCases(sql, [input], actor, now());
        const c = await loadCase(sql, id!);
        await notify(sql, c);
        return c;
      });
    },

    async createCases(inputs, actor) {
      return write(async (sql) => {
        await lockForInsert(sql, inputs);
        const ids = await insertCases(sql, inputs, actor, now());
        // A big import refreshes lists once, not once per case.
        for (const id of ids.length > 100 ? ids.slice(-1) : ids) await notify(sql, { id, version: 1 });
        return ids;
      });
    },

    async updateCase(id, version, input, actor) {
      return write(async (sql) => {
        const { kase: current, row } = await lockCaseAndRow(
          sql,
          id,
          input.numbers.map((n) => n.number),
        );
        if (current.version !== version) throw updateConflictError(version, current.version);
        assertUniqueNumbers(input);
        const changes = diffCaseInput(inputOf(current), input);
        if (!changes.length) return current;
        const locked = changes.filter((c) => !ALWAYS_EDITABLE_FIELDS.has(c.field));
        if (locked.length && !EDITABLE_STATUSES.includes(current.status)) {
          throw lockedEditError(
            current.status,
            locked.map((c) => c.field),
          );
        }
        const numbers = [...current.numbers, ...input.numbers].map((n) => n.number);
        const pinEnc =
          input.customer.pin === current.customer.pin ? row.pin_enc : encryptPin(input.customer.pin);
        const at = now();
        const values = caseValues(input, pinEnc);
        const n = values.length;
        await sql.query(
          `UPDATE cases SET ${CASE_PARAM_ORDER.map((k, i) => `${k} = $${i + 1}`).join(', ')},
             version = version + 1, updated_at = $${n + 1}
           WHERE id = $${n + 2}`,
          [...values, at, id],
        );
        await sql.query('UPDATE case_search SET doc = $1 WHERE id = $2', [searchDoc(input), id]);
        await writeNumbers(sql, id, input);
        await bumpEpochs(sql, id, numbers);
        await addEvents(
          sql,
          id,
          at,
          actor,
          changes.map((c) => ({
            kind: 'updated',
            field: c.field,
            oldValue: c.oldValue,
            newValue: c.newValue,
            note: c.note ?? null,
          })),
        );
        const updated = await loadCase(sql, id);
        await notify(sql, updated);
        return updated;
      });
    },

    async setStatus(id, to, actor, opts = {}) {
      return write(async (sql) => {
        const current = await lockCase(sql, id);
        if (opts.expectVersion !== undefined && current.version !== opts.expectVersion)
          throw staleStatusError(opts.expectVersion, current.version, current.status);
        const from = current.status;
        checkTransition(from, to);
        const reason = opts.reason?.trim() || null;
        const code = opts.code?.trim() || null;
        if (to === 'rejected' && !reason) throw rejectionReasonError();
        const numbers = current.numbers.map((n) => n.number);
        const at = now();
        await sql.query(
          'UPDATE cases SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3',
          [to, at, id],
        );
        await bumpEpochs(sql, id, numbers);
        await addEvent(sql, id, at, actor, {
          kind: 'status',
          field: 'status',
          oldValue: from,
          newValue: to,
          note: statusNote(reason, code),
        });
        const moved = await loadCase(sql, id);
        await notify(sql, moved);
        return moved;
      });
    },

    async assign(id, assignee, actor, opts = {}) {
      return write(async (sql) => {
        // The row lock makes "take it if nobody has it" one decision: of two agents taking the
        // same case at once, the second sees the first's name.
        const row = await caseRow(sql, id, true);
        if (opts.onlyIfUnassigned && row.assignee !== null) throw alreadyAssignedError(row.assignee);
        if (row.assignee === assignee) return loadCase(sql, id);
        await sql.query('UPDATE cases SET assignee = $1 WHERE id = $2', [assignee, id]);
        await addEvent(sql, id, now(), actor, {
          kind: 'assigned',
          field: 'assignee',
          oldValue: row.assignee,
          newValue: assignee,
        });
        await notify(sql, row);
        return loadCase(sql, id);
      });
    },

    async addComment(id, body, actor) {
      return write(async (sql) => {
        const at = now();
        let c: CommentRow;
        try {
          c = (
            await sql.query<CommentRow>(
              'INSERT INTO comments (case_id, at, author, body) VALUES ($1, $2, $3, $4) RETURNING *',
              [id, at, actor, body],
            )
          ).rows[0]!;
        } catch (err) {
          if (isMissingParent(err)) throw notFound(id);
          throw err;
        }
        await addEvent(sql, id, at, actor, { kind: 'comment', newValue: { commentId: c.id }, note: null });
        await notify(sql, await caseRow(sql, id));
        return commentFromRow(c);
      });
    },

    async history(id) {
      return read(async (sql) => {
        await caseRow(sql, id);
        const [events, comments] = [
          await sql.query<EventRow>(
            `SELECT ${EVENT_COLUMNS} FROM case_events WHERE case_id = $1 ORDER BY id`,
            [id],
          ),
          await sql.query<CommentRow>('SELECT * FROM comments WHERE case_id = $1 ORDER BY id', [id]),
        ];
        return { events: events.rows.map(eventFromRow), comments: comments.rows.map(commentFromRow) };
      });
    },

    async appendEvent(caseId, event, actor) {
      return write(async (sql) => {
        try {
          return eventFromRow(await addEvent(sql, caseId, now(), actor, event));
        } catch (err) {
          if (isMissingParent(err)) throw notFound(caseId);
          throw err;
        }
      });
    },

    async addDocument(caseId, doc: DocumentInput, actor) {
      assertDocument(doc);
      return write(async (sql) => {
        await caseRow(sql, caseId);
        const at = now();
        let row: DocumentRow;
        try {
          row = (
            await sql.query<DocumentRow>(
              `INSERT INTO documents (case_id, sha256, kind, filename, mime, size, pages, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
              [caseId, doc.sha256, doc.kind, doc.filename, doc.mime, doc.size, doc.pages, at],
            )
          ).rows[0]!;
        } catch (err) {
          if (isMissingParent(err))
            throw new DeskError(
              'NOT_FOUND',
              `No document bytes are stored under ${doc.sha256}; store them first.`,
            );
          throw err;
        }
        await addEvent(sql, caseId, at, actor, {
          kind: 'document',
          field: 'documents',
          newValue: { id: row.id, kind: doc.kind, filename: doc.filename, sha256: doc.sha256 },
        });
        await notify(sql, await caseRow(sql, caseId));
        return documentFromRow(row);
      });
    },

    async listDocuments(caseId) {
      const r = await pg.query<DocumentRow>('SELECT * FROM documents WHERE case_id = $1 ORDER BY id', [
        caseId,
      ]);
      return r.rows.map(documentFromRow);
    },

    async getDocument(id) {
      const r = await pg.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
      if (!r.rows[0]) throw notFound(id, 'Document');
      return documentFromRow(r.rows[0]);
    },

    async saveExtraction(documentId, extraction: Extraction) {
      try {
        await pg.query(
          `INSERT INTO extractions (document_id, json, created_at) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT (document_id) DO UPDATE SET json = excluded.json, created_at = excluded.created_at`,
          [documentId, JSON.stringify(extraction), now()],
        );
      } catch (err) {
        if (isMissingParent(err)) throw notFound(documentId, 'Document');
        throw err;
      }
    },

    async getExtraction(documentId) {
      const r = await pg.query<{ json: string }>(
        'SELECT json::text AS json FROM extractions WHERE document_id = $1',
        [documentId],
      );
      return r.rows[0] ? (JSON.parse(r.rows[0].json) as Extraction) : null;
    },

    async checksEpoch(caseId) {
      const r = await pg.query<{ e: number }>('SELECT checks_epoch AS e FROM cases WHERE id = $1', [caseId]);
      if (!r.rows[0]) throw notFound(caseId);
      return r.rows[0].e;
    },

    async saveChecks(caseId, result: { readiness: Readiness; checks: unknown }, epoch) {
      try {
        await pg.query(
          `INSERT INTO case_checks (case_id, json, readiness, computed_at, epoch) VALUES ($1, $2::jsonb, $3, $4, $5)
           ON CONFLICT (case_id) DO UPDATE SET json = excluded.json, readiness = excluded.readiness,
             computed_at = excluded.computed_at, epoch = excluded.epoch`,
          [caseId, JSON.stringify(result.checks ?? null), result.readiness, now(), epoch],
        );
      } catch (err) {
        if (isMissingParent(err)) throw notFound(caseId);
        throw err;
      }
    },

    async getChecks(caseId): Promise<StoredChecks | null> {
      const r = await pg.query<{ json: string; readiness: Readiness; computed_at: string; current: boolean }>(
        `SELECT k.json::text AS json, k.readiness, k.computed_at, k.epoch = c.checks_epoch AS current
         FROM case_checks k JOIN cases c ON c.id = k.case_id WHERE k.case_id = $1`,
        [caseId],
      );
      const row = r.rows[0];
      return row
        ? {
            readiness: row.readiness,
            checks: JSON.parse(row.json),
            computedAt: row.computed_at,
            current: row.current,
          }
        : null;
    },

    async putBlob(bytes) {
      const sha = sha256(bytes);
      const r = await pg.query(
        `INSERT INTO blobs (sha256, bytes, size, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sha256) DO NOTHING`,
        [sha, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength, now()],
      );
      return { sha256: sha, created: r.rowCount === 1 };
    },

    async readBlob(sha) {
      if (!/^[0-9a-f]{64}$/.test(sha)) throw new DeskError('BAD_ARGUMENT', `not a sha256: ${sha}`);
      const r = await pg.query<{ bytes: Buffer }>('SELECT bytes FROM blobs WHERE sha256 = $1', [sha]);
      if (!r.rows[0])
        throw new DeskError(
          'NOT_FOUND',
          'The original file of this document is missing from the desk database',
        );
      return r.rows[0].bytes;
    },

    async getSetting(key) {
      const r = await pg.query<{ value: string }>(
        'SELECT value::text AS value FROM settings WHERE key = $1',
        [key],
      );
      return r.rows[0] ? (JSON.parse(r.rows[0].value) as unknown) : undefined;
    },

    async setSetting(key, value) {
      await pg.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, JSON.stringify(value ?? null)],
      );
    },

    async findOpenCasesWithNumbers(numbers, excludeCaseId) {
      if (!numbers.length) return [];
      const r = await pg.query<{ caseId: number; accountName: string; number: string }>(
        `SELECT n.case_id AS "caseId", c.account_name AS "accountName", n.number
         FROM numbers n JOIN cases c ON c.id = n.case_id
         WHERE n.number = ANY($1::text[]) AND n.action = 'port' AND c.status = ANY($2::text[]) AND c.id <> $3
         ORDER BY n.number COLLATE "C", n.case_id`,
        [[...numbers], [...OPEN_STATUSES], excludeCaseId ?? -1],
      );
      return r.rows;
    },

    async billsDatedBefore(cutoff, statuses, limit) {
      const r = await pg.query<StaleBill>(
        `SELECT * FROM (
           SELECT c.id, c.account_name AS "accountName", c.btn, c.status, c.assignee,
                  e.json -> 'fields' ->> 'billDate' AS "billDate"
           FROM cases c
           JOIN documents d ON d.id = (SELECT max(id) FROM documents WHERE case_id = c.id AND kind = 'bill')
           JOIN extractions e ON e.document_id = d.id
           WHERE c.status = ANY($1::text[])) s
         WHERE "billDate" IS NOT NULL AND "billDate" COLLATE "C" <= $2
         ORDER BY "billDate" COLLATE "C", id
         LIMIT $3`,
        [[...statuses], cutoff, limit],
      );
      return r.rows;
    },

    async restoreFrom() {
      throw new DeskError('BAD_ARGUMENT', PG_RESTORE_ADVICE);
    },

    async backup() {
      throw new DeskError('BAD_ARGUMENT', PG_BACKUP_ADVICE);
    },

    onChange(listener) {
      listeners.add(listener);
      stopListening ??= listenForChanges(pg.url, (c) => {
        for (const l of listeners) l(c);
      });
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      await stopListening?.();
      await pg.end();
    },
  };
  return store;
}
