// The case list: paging, sorting, the status filter and search. The SQL text is assembled only
// from the fixed fragments below (never from input); every value is a bound parameter, and
// a variable-length status list travels as one JSON array through json_each.
import type Database from 'better-sqlite3';
import type { CaseSummary } from '../../../shared/domain';
import { CASE_STATUSES } from '../../../shared/status';
import { summaryFromRow, type SummaryRow } from './rows';
import { parseQuery } from './search';
import type { ListQuery } from './types';

/**
 * Pipeline order rather than alphabetical: "status" sorting reads Draft → … → Canceled.
 * Migration 004 indexes exactly this expression (over column `status`).
 */
export const statusRankSql = (column: string) =>
  `CASE ${column} ${CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const STATUS_RANK = statusRankSql('c.status');

const ORDER: Record<ListQuery['sort'], (dir: 'ASC' | 'DESC') => string> = {
  updated: (d) => `c.updated_at ${d}, c.id ${d}`,
  created: (d) => `c.id ${d}`,
  name: (d) => `c.account_name COLLATE NOCASE ${d}, c.id ${d}`,
  // Cases without a FOC date go last in both directions: they are not scheduled yet.
  foc: (d) => `c.foc_date ${d} NULLS LAST, c.id ${d}`,
  // Most recently changed first within each status, both ways (two indexes in migration 004).
  status: (d) => `${STATUS_RANK} ${d}, c.updated_at DESC, c.id DESC`,
};

type StatusFilter = 'none' | 'one' | 'many';

export function createLister(db: Database.Database) {
  const cache = new Map<string, { page: Database.Statement; count: Database.Statement }>();

  function statements(
    hasMatch: boolean,
    hasPrefix: boolean,
    status: StatusFilter,
    sort: ListQuery['sort'],
    dir: 'ASC' | 'DESC',
  ) {
    const key = `${+hasMatch}${+hasPrefix}${status}:${sort}:${dir}`;
    let s = cache.get(key);
    if (!s) {
      const where: string[] = [];
      if (hasMatch) where.push('c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match)');
      // A range on the NOCASE name index: everything that starts with the prefix, ASCII case folded.
      if (hasPrefix) {
        where.push('c.account_name COLLATE NOCASE >= @lo AND c.account_name COLLATE NOCASE < @hi');
      }
      // One status (the usual click on a status chip) is an equality, so the (status, updated_at)
      // index serves the page in order; several go through json_each as one bound JSON array.
      if (status === 'one') where.push('c.status = @status');
      if (status === 'many') where.push('c.status IN (SELECT value FROM json_each(@statuses))');
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
    const statuses = [...new Set(q.status)];
    const status: StatusFilter = statuses.length === 0 ? 'none' : statuses.length === 1 ? 'one' : 'many';
    const { page, count } = statements(
      !!parsed?.match,
      !!parsed?.namePrefix,
      status,
      q.sort,
      q.dir === 'asc' ? 'ASC' : 'DESC',
    );
    const params: Record<string, string | number> = {};
    if (parsed?.match) params.match = parsed.match;
    if (parsed?.namePrefix) {
      params.lo = parsed.namePrefix;
      params.hi = parsed.namePrefix + '\uffff';
    }
    if (status === 'one') params.status = statuses[0]!;
    if (status === 'many') params.statuses = JSON.stringify(statuses);
    // Count and page read one snapshot: the caller runs this inside a read transaction.
    const total = (count.get(params) as { n: number }).n;
    const rows = page.all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total, items: rows.map(summaryFromRow) };
  };
}
