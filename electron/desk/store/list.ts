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

export type StatusFilter = 'none' | 'one' | 'many';

/**
 * Relative costs per case, measured on 100,000 cases (bench/store.ts): looking a match up by id
 * and sorting it, against stepping one entry along a sort index and testing it against the set
 * of matches.
 */
const LOOKUP = 1.5;
const VISIT = 0.06;

/**
 * Two ways to serve a page of a search or name-prefix query, with the same rows in the same order:
 * - sort: look up every match, sort them all, keep one page. Costs ∝ matches.
 * - walk: read the sort's index in order and keep the cases that match until the page is full.
 *   Matches are spread through any sort order, so that reads about rows × cases / matches entries;
 *   if they all sit at the far end, it reads the whole index, still only ~8 ms at 100,000 cases,
 *   because each step tests an id against the set of matches and never reads the case row.
 * A common word ("plumbing": 11,000 of 100,000) is about 6× cheaper walked; a rare one (a number)
 * would walk the whole index for nothing, so it is sorted. Exported for the unit test.
 */
export function planWalk(x: { matches: number; cases: number; rows: number }): boolean {
  return ((x.rows * x.cases) / x.matches) * VISIT < x.matches * LOOKUP;
}

export interface ListShape {
  hasMatch: boolean;
  hasPrefix: boolean;
  status: StatusFilter;
  /** 'none': anyone's; 'unassigned'; 'user': one agent's (@assignee). Optional: absent = none. */
  assignee?: 'none' | 'unassigned' | 'user';
  sort: ListQuery['sort'];
  dir: 'ASC' | 'DESC';
  /** The walk plan (planWalk) rather than sorting every match. */
  walk: boolean;
}

/** The page and count SQL for one shape of query; exported so a test can check each plan. */
export function listSql({ hasMatch, hasPrefix, status, sort, dir, walk, assignee = 'none' }: ListShape): {
  page: string;
  count: string;
} {
  const where: string[] = [];
  // A unary + keeps a term from being used as an index, which is how the walk plan (see
  // planWalk) makes SQLite read the sort's index in order and test each case for the match,
  // instead of looking up every match and sorting them all.
  const plus = walk ? '+' : '';
  if (hasMatch) {
    where.push(`${plus}c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH @match)`);
  }
  // A range on the NOCASE name index: everything that starts with the prefix, ASCII case folded.
  // Walking, the range becomes a set of ids read from that covering index, so testing a case
  // costs what testing a search match does, not a read of its row.
  const nameRange = 'account_name COLLATE NOCASE >= @lo AND account_name COLLATE NOCASE < @hi';
  if (hasPrefix && walk) where.push(`+c.id IN (SELECT id FROM cases WHERE ${nameRange})`);
  if (hasPrefix && !walk) {
    where.push('c.account_name COLLATE NOCASE >= @lo AND c.account_name COLLATE NOCASE < @hi');
  }
  // One status (the usual click on a status chip) is an equality, so the (status, updated_at)
  // index serves the page in order; several go through json_each as one bound JSON array.
  if (status === 'one') where.push('c.status = @status');
  if (status === 'many') where.push('c.status IN (SELECT value FROM json_each(@statuses))');
  if (assignee === 'unassigned') where.push('c.assignee IS NULL');
  if (assignee === 'user') where.push('c.assignee = @assignee');
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    // Page the ids first (covering indexes, no per-row work), then build the summary for
    // just those rows: otherwise the number count and readiness join run for every match
    // or skipped offset row before the sort/limit throws them away. The outer sort uses the
    // inner query's own key columns, which SQLite sees are already in order (no re-sort).
    page: `SELECT c.id, c.account_name, c.btn, c.account_number, c.losing_carrier, c.status, c.foc_date, c.updated_at,
                c.assignee,
                (SELECT count(*) FROM numbers n WHERE n.case_id = c.id) AS number_count,
                k.readiness
         FROM (SELECT c.id, ${sortColumns(sort)} FROM cases c ${whereSql}
               ORDER BY ${orderBy(sort, dir, false)} LIMIT @limit OFFSET @offset) p
         JOIN cases c ON c.id = p.id
         LEFT JOIN case_checks k ON k.case_id = c.id
         ORDER BY ${orderBy(sort, dir, true)}`,
    count: `SELECT count(*) AS n FROM cases c ${whereSql}`,
  };
}

export function createLister(db: Database.Database) {
  const cache = new Map<string, { page: Database.Statement; count: Database.Statement }>();
  const allCases = db.prepare('SELECT count(*) AS n FROM cases');
  // Every case has exactly one search row (written in the same transaction), so without a status
  // filter the matches can be counted in the index alone, without visiting any case.
  const ftsCount = db.prepare('SELECT count(*) AS n FROM cases_fts WHERE cases_fts MATCH @match');

  function statements(shape: ListShape) {
    const key = JSON.stringify(shape);
    let s = cache.get(key);
    if (!s) {
      const text = listSql(shape);
      s = { page: db.prepare(text.page), count: db.prepare(text.count) };
      cache.set(key, s);
    }
    return s;
  }

  return function listCases(q: ListQuery): { total: number; items: CaseSummary[] } {
    const parsed = parseQuery(q.query);
    const statuses = [...new Set(q.status)];
    const status: StatusFilter = statuses.length === 0 ? 'none' : statuses.length === 1 ? 'one' : 'many';
    const hasMatch = !!parsed?.match;
    const hasPrefix = !!parsed?.namePrefix;
    const assignee = q.assignee === undefined ? 'none' : q.assignee === null ? 'unassigned' : 'user';
    const shape = {
      hasMatch,
      hasPrefix,
      status,
      assignee,
      sort: q.sort,
      dir: q.dir === 'asc' ? 'ASC' : 'DESC',
    } as const;
    const params: Record<string, string | number> = {};
    if (parsed?.match) params.match = parsed.match;
    if (parsed?.namePrefix) {
      params.lo = parsed.namePrefix;
      params.hi = parsed.namePrefix + '\uffff';
    }
    if (status === 'one') params.status = statuses[0]!;
    if (status === 'many') params.statuses = JSON.stringify(statuses);
    if (typeof q.assignee === 'string') params.assignee = q.assignee;
    // Count and page read one snapshot: the caller runs this inside a read transaction.
    const total =
      hasMatch && status === 'none' && assignee === 'none'
        ? (ftsCount.get({ match: params.match }) as { n: number }).n
        : (statements({ ...shape, walk: false }).count.get(params) as { n: number }).n;
    // A name prefix sorted by name is a range of the name index, already in order: never walked.
    const walk =
      (hasMatch || (hasPrefix && q.sort !== 'name')) &&
      total > 0 &&
      planWalk({
        matches: total,
        cases: (allCases.get() as { n: number }).n,
        rows: Math.min(q.offset + q.limit, total),
      });
    const { page } = statements({ ...shape, walk });
    const rows = page.all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total, items: rows.map(summaryFromRow) };
  };
}
