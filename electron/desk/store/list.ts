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

interface SortKey {
  expr: string;
  /** 'follow' takes the requested direction; a fixed one does not. */
  dir: 'follow' | 'DESC';
  nocase?: boolean;
  nullsLast?: boolean;
}

const SORT_KEYS: Record<ListQuery['sort'], SortKey[]> = {
  updated: [
    { expr: 'c.updated_at', dir: 'follow' },
    { expr: 'c.id', dir: 'follow' },
  ],
  created: [{ expr: 'c.id', dir: 'follow' }],
  name: [
    { expr: 'c.account_name', dir: 'follow', nocase: true },
    { expr: 'c.id', dir: 'follow' },
  ],
  // Cases without a FOC date go last in both directions: they are not scheduled yet.
  foc: [
    { expr: 'c.foc_date', dir: 'follow', nullsLast: true },
    { expr: 'c.id', dir: 'follow' },
  ],
  // Most recently changed first within each status, both ways (two indexes in migration 004).
  status: [
    { expr: STATUS_RANK, dir: 'follow' },
    { expr: 'c.updated_at', dir: 'DESC' },
    { expr: 'c.id', dir: 'DESC' },
  ],
};

/** ORDER BY over the table's expressions (inner query) or over the page's k0, k1… columns (outer). */
function orderBy(sort: ListQuery['sort'], dir: 'ASC' | 'DESC', outer: boolean): string {
  return SORT_KEYS[sort]
    .map((k, i) => {
      const expr = outer ? `p.k${i}` : k.expr;
      return `${expr}${k.nocase ? ' COLLATE NOCASE' : ''} ${k.dir === 'follow' ? dir : k.dir}${k.nullsLast ? ' NULLS LAST' : ''}`;
    })
    .join(', ');
}
const sortColumns = (sort: ListQuery['sort']) =>
  SORT_KEYS[sort].map((k, i) => `${k.expr} AS k${i}`).join(', ');

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
        // Page the ids first (covering indexes, no per-row work), then build the summary for
        // just those rows: otherwise the number count and readiness join run for every match
        // or skipped offset row before the sort/limit throws them away. The outer sort uses the
        // inner query's own key columns, which SQLite sees are already in order (no re-sort).
        page: db.prepare(
          `SELECT c.id, c.account_name, c.btn, c.account_number, c.losing_carrier, c.status, c.foc_date, c.updated_at,
                  (SELECT count(*) FROM numbers n WHERE n.case_id = c.id) AS number_count,
                  k.readiness
           FROM (SELECT c.id, ${sortColumns(sort)} FROM cases c ${whereSql}
                 ORDER BY ${orderBy(sort, dir, false)} LIMIT @limit OFFSET @offset) p
           JOIN cases c ON c.id = p.id
           LEFT JOIN case_checks k ON k.case_id = c.id
           ORDER BY ${orderBy(sort, dir, true)}`,
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
