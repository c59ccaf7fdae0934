// The case list: paging, sorting, the status filter and search. The SQL text is assembled only
// from the fixed fragments below (never from input); every value is a bound parameter, and
// the variable-length lists (statuses, short terms) travel as one JSON array through json_each.
import type Database from 'better-sqlite3';
import type { CaseSummary } from '../../../shared/domain';
import { CASE_STATUSES } from '../../../shared/status';
import { summaryFromRow, type SummaryRow } from './rows';
import { parseQuery } from './search';
import type { ListQuery } from './types';

// Pipeline order rather than alphabetical: "status" sorting should read Draft → … → Canceled.
const STATUS_RANK = `CASE c.status ${CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

const ORDER: Record<ListQuery['sort'], (dir: 'ASC' | 'DESC') => string> = {
  updated: (d) => `c.updated_at ${d}, c.id ${d}`,
  created: (d) => `c.id ${d}`,
  name: (d) => `c.account_name COLLATE NOCASE ${d}, c.id ${d}`,
  // Cases without a FOC date go last in both directions: they are not scheduled yet.
  foc: (d) => `c.foc_date ${d} NULLS LAST, c.id ${d}`,
  status: (d) => `${STATUS_RANK} ${d}, c.updated_at DESC, c.id DESC`,
};

const FTS_TEXT = `lower(f.name || ' ' || f.numbers || ' ' || f.account || ' ' || f.address)`;

export function createLister(db: Database.Database) {
  const cache = new Map<string, { page: Database.Statement; count: Database.Statement }>();

  function statements(
    hasMatch: boolean,
    hasShort: boolean,
    hasStatus: boolean,
    sort: ListQuery['sort'],
    dir: 'ASC' | 'DESC',
  ) {
    const key = `${+hasMatch}${+hasShort}${+hasStatus}:${sort}:${dir}`;
    let s = cache.get(key);
    if (!s) {
      const where: string[] = [];
      if (hasMatch) where.push('c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match)');
      if (hasShort) {
        // 1–2 character terms are below the trigram index's reach: substring scan instead.
        where.push(
          `c.id IN (SELECT f.rowid FROM cases_fts f WHERE NOT EXISTS (SELECT 1 FROM json_each(@short) t WHERE instr(${FTS_TEXT}, t.value) = 0))`,
        );
      }
      if (hasStatus) where.push('c.status IN (SELECT value FROM json_each(@statuses))');
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      s = {
        page: db.prepare(
          `SELECT c.id, c.account_name, c.btn, c.account_number, c.losing_carrier, c.status, c.foc_date, c.updated_at,
                  (SELECT count(*) FROM numbers n WHERE n.case_id = c.id) AS number_count,
                  k.readiness
           FROM cases c LEFT JOIN case_checks k ON k.case_id = c.id
           ${whereSql}
           ORDER BY ${ORDER[sort](dir)}
           LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(`SELECT count(*) AS n FROM cases c ${whereSql}`),
      };
      cache.set(key, s);
    }
    return s;
  }

  return function listCases(q: ListQuery): { total: number; items: CaseSummary[] } {
    const parsed = parseQuery(q.query);
    const hasMatch = !!parsed?.match;
    const hasShort = !!parsed?.short.length;
    const hasStatus = q.status.length > 0;
    const { page, count } = statements(
      hasMatch,
      hasShort,
      hasStatus,
      q.sort,
      q.dir === 'asc' ? 'ASC' : 'DESC',
    );
    const params: Record<string, string | number> = {};
    if (parsed?.match) params.match = parsed.match;
    if (parsed?.short.length) params.short = JSON.stringify(parsed.short);
    if (hasStatus) params.statuses = JSON.stringify(q.status);
    // Count and page read one snapshot: the caller runs this inside a read transaction.
    const total = (count.get(params) as { n: number }).n;
    const rows = page.all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total, items: rows.map(summaryFromRow) };
  };
}
