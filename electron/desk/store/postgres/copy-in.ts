// `desk db copy --to postgres://…`: an agent's personal SQLite desk joins the team's. Every case
// comes across whole, one transaction each: its numbers, its full audit trail (with the original
// agents and times), comments, documents with their bytes, and what intake read from its bills.
// Ids are the team desk's own (they would collide), so references inside events are remapped.
// PINs are decrypted with this machine's key and encrypted with the team desk's. A case already
// copied (case_origins) is skipped, so running the copy twice changes nothing.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { DeskError } from '../../../../shared/errors';
import { OPEN_STATUSES } from '../../../../shared/status';
import { readBlob } from '../../intake/blobs';
import type { SecretBox } from '../../secrets';
import { caseFromRow, type CaseRow, type DocumentRow, type NumberRow } from '../rows';
import { searchDoc } from '../search';
import type { Pg, Sql } from './connect';

export interface CopyReport {
  sourceDesk: string;
  copied: number;
  skipped: number;
  documents: number;
  events: number;
  comments: number;
  /** Numbers of copied open cases that another open case of the team desk also ports. */
  duplicates: { caseId: number; otherCaseId: number; number: string }[];
}

export interface CopyOptions {
  /** The personal desk, opened and migrated to the current schema. */
  source: Database.Database;
  sourceDataDir: string;
  sourceSecrets: SecretBox;
  target: Pg;
  targetSecrets: SecretBox;
  actor: string;
  onCase?: (done: number, total: number) => void;
}

export const DESK_ID_KEY = 'deskId';

/** The personal desk's identity, made once: how case_origins tells its cases apart from another agent's. */
export function sourceDeskId(db: Database.Database): string {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const found = get.get(DESK_ID_KEY) as string | undefined;
  if (found) return JSON.parse(found) as string;
  const id = crypto.randomUUID();
  db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
    DESK_ID_KEY,
    JSON.stringify(id),
  );
  return JSON.parse(get.get(DESK_ID_KEY) as string) as string;
}

interface EventRow {
  id: number;
  at: string;
  actor: string;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  note: string | null;
}

export async function copyDeskToPostgres(o: CopyOptions): Promise<CopyReport> {
  const deskId = sourceDeskId(o.source);
  const report: CopyReport = {
    sourceDesk: deskId,
    copied: 0,
    skipped: 0,
    documents: 0,
    events: 0,
    comments: 0,
    duplicates: [],
  };
  const src = {
    ids: o.source.prepare('SELECT id FROM cases ORDER BY id').pluck(),
    caseById: o.source.prepare('SELECT * FROM cases WHERE id = ?'),
    numbers: o.source.prepare(
      'SELECT number, action, kind, e911 FROM numbers WHERE case_id = ? ORDER BY position',
    ),
    events: o.source.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY id'),
    comments: o.source.prepare('SELECT * FROM comments WHERE case_id = ? ORDER BY id'),
    documents: o.source.prepare('SELECT * FROM documents WHERE case_id = ? ORDER BY id'),
    extraction: o.source.prepare('SELECT json, created_at FROM extractions WHERE document_id = ?'),
  };
  const already = new Set(
    (
      await o.target.query<{ id: number }>(
        'SELECT source_case_id AS id FROM case_origins WHERE source_desk = $1',
        [deskId],
      )
    ).rows.map((r) => r.id),
  );
  const ids = src.ids.all() as number[];
  let done = 0;
  for (const id of ids) {
    done++;
    if (already.has(id)) {
      report.skipped++;
      o.onCase?.(done, ids.length);
      continue;
    }
    const row = src.caseById.get(id) as CaseRow & { pin_enc: string | null; checks_epoch?: number };
    let pin: string | null = null;
    if (row.pin_enc) {
      try {
        pin = o.sourceSecrets.decrypt(row.pin_enc);
      } catch {
        throw new DeskError(
          'BAD_ARGUMENT',
          `Case #${id}'s PIN cannot be read with this data folder's secret.key; nothing of it was copied. Run the copy from the machine that holds that desk.`,
        );
      }
    }
    const numbers = src.numbers.all(id) as NumberRow[];
    const input = caseFromRow(row, numbers, pin);
    const events = src.events.all(id) as EventRow[];
    const comments = src.comments.all(id) as { id: number; at: string; author: string; body: string }[];
    const documents = src.documents.all(id) as DocumentRow[];
    const blobs = documents.map((d) => {
      try {
        return readBlob(o.sourceDataDir, d.sha256);
      } catch {
        throw new DeskError(
          'NOT_FOUND',
          `Case #${id}: the bytes of "${d.filename}" are missing from ${o.sourceDataDir}; nothing of this case was copied.`,
        );
      }
    });
    await o.target.tx(async (sql) => {
      // Same per-number locks as the store's writes (postgres/store.ts), so a concurrent save of
      // the same number on the team desk cannot miss this case in its duplicate check.
      await sql.query(
        'SELECT pg_advisory_xact_lock(hashtextextended(n, 7)) FROM unnest($1::text[]) AS n ORDER BY n',
        [[...new Set(numbers.map((n) => n.number))].sort()],
      );
      const newId = await insertCaseRow(sql, row, o.targetSecrets, pin, searchDoc(input));
      for (const [i, n] of numbers.entries()) {
        await sql.query(
          'INSERT INTO numbers (case_id, position, number, action, kind, e911) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
          [newId, i, n.number, n.action, n.kind, n.e911],
        );
      }
      const commentIds = new Map<number, number>();
      for (const c of comments) {
        const r = await sql.query<{ id: number }>(
          'INSERT INTO comments (case_id, at, author, body) VALUES ($1, $2, $3, $4) RETURNING id',
          [newId, c.at, c.author, c.body],
        );
        commentIds.set(c.id, r.rows[0]!.id);
      }
      const docIds = new Map<number, number>();
      for (const [i, d] of documents.entries()) {
        await sql.query(
          'INSERT INTO blobs (sha256, bytes, size, created_at) VALUES ($1, $2, $3, now()) ON CONFLICT (sha256) DO NOTHING',
          [d.sha256, blobs[i], blobs[i]!.byteLength],
        );
        const r = await sql.query<{ id: number }>(
          `INSERT INTO documents (case_id, sha256, kind, filename, mime, size, pages, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [newId, d.sha256, d.kind, d.filename, d.mime, d.size, d.pages, d.created_at],
        );
        const docId = r.rows[0]!.id;
        docIds.set(d.id, docId);
        const ex = src.extraction.get(d.id) as { json: string; created_at: string } | undefined;
        if (ex)
          await sql.query(
            'INSERT INTO extractions (document_id, json, created_at) VALUES ($1, $2::jsonb, $3)',
            [docId, ex.json, ex.created_at],
          );
      }
      for (const e of events) {
        await sql.query(
          `INSERT INTO case_events (case_id, at, actor, kind, field, old_value, new_value, note)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
          [newId, e.at, e.actor, e.kind, e.field, e.old_value, remapEvent(e, commentIds, docIds), e.note],
        );
      }
      await sql.query(
        `INSERT INTO case_events (case_id, at, actor, kind, note, new_value)
         VALUES ($1, $2, $3, 'copied', $4, $5::jsonb)`,
        [
          newId,
          new Date().toISOString(),
          o.actor,
          `Copied from a personal desk (case #${id} there)`,
          JSON.stringify({ sourceDesk: deskId, sourceCaseId: id }),
        ],
      );
      await sql.query('INSERT INTO case_origins (case_id, source_desk, source_case_id) VALUES ($1, $2, $3)', [
        newId,
        deskId,
        id,
      ]);
      // Team cases holding these numbers compared against a set that just grew (see checks_epoch).
      await sql.query(
        `UPDATE cases SET checks_epoch = checks_epoch + 1
         WHERE id = $1 OR id IN (SELECT case_id FROM numbers WHERE number = ANY($2::text[]))`,
        [newId, numbers.map((n) => n.number)],
      );
      if ((OPEN_STATUSES as readonly string[]).includes(row.status)) {
        const dups = await sql.query<{ caseId: number; number: string }>(
          `SELECT n.case_id AS "caseId", n.number FROM numbers n JOIN cases c ON c.id = n.case_id
           WHERE n.number = ANY($1::text[]) AND n.action = 'port' AND c.status = ANY($2::text[]) AND c.id <> $3`,
          [numbers.filter((n) => n.action === 'port').map((n) => n.number), [...OPEN_STATUSES], newId],
        );
        for (const d of dups.rows)
          report.duplicates.push({ caseId: newId, otherCaseId: d.caseId, number: d.number });
      }
      report.documents += documents.length;
      report.events += events.length + 1;
      report.comments += comments.length;
    });
    report.copied++;
    o.onCase?.(done, ids.length);
  }
  return report;
}

async function insertCaseRow(
  sql: Sql,
  row: CaseRow,
  secrets: SecretBox,
  pin: string | null,
  doc: string,
): Promise<number> {
  const r = await sql.query<{ id: number }>(
    `INSERT INTO cases (account_name, account_type, account_number, btn, pin_enc, losing_carrier, wireless,
       auth_name, auth_title, auth_email, auth_phone, svc_line1, svc_line2, svc_city, svc_state, svc_zip,
       new_btn, foc_date, foc_time, flags, notes, status, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::jsonb,
       $21, $22, $23, $24, $25)
     RETURNING id`,
    [
      row.account_name,
      row.account_type,
      row.account_number,
      row.btn,
      pin ? secrets.encrypt(pin) : null,
      row.losing_carrier,
      row.wireless === 1,
      row.auth_name,
      row.auth_title,
      row.auth_email,
      row.auth_phone,
      row.svc_line1,
      row.svc_line2,
      row.svc_city,
      row.svc_state,
      row.svc_zip,
      row.new_btn,
      row.foc_date,
      row.foc_time,
      row.flags,
      row.notes,
      row.status,
      row.version,
      row.created_at,
      row.updated_at,
    ],
  );
  const id = r.rows[0]!.id;
  await sql.query('INSERT INTO case_search (id, doc) VALUES ($1, $2)', [id, doc]);
  return id;
}

/** Events point at comment and document ids (the timeline links them); those ids changed. */
function remapEvent(e: EventRow, comments: Map<number, number>, docs: Map<number, number>): string | null {
  if (e.new_value === null) return null;
  const v = JSON.parse(e.new_value) as unknown;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (e.kind === 'comment' && typeof o.commentId === 'number')
      return JSON.stringify({ ...o, commentId: comments.get(o.commentId) ?? o.commentId });
    if (e.kind === 'document' && typeof o.id === 'number')
      return JSON.stringify({ ...o, id: docs.get(o.id) ?? o.id });
  }
  return e.new_value;
}
