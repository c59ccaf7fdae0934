// The case list on PostgreSQL: the same pages, sorts, status filter and search results as the
// SQLite lister (store/list.ts), from the same parsed query (store/search.ts). Search is a
// substring match of each term against case_search.doc, served by its trigram GIN index; the SQL text
// comes only from the fixed fragments below, every value is a bound parameter.
import type { CaseSummary } from '../../../../shared/domain';
import { CASE_STATUSES } from '../../../../shared/status';
import { summaryFromRow, type SummaryRow } from '../rows';
import { foldForSearch, parseQuery } from '../search';
import type { ListQuery } from '../types';
import type { Pg } from './connect';

/** Pipeline order; migration 2 indexes exactly this expression over `status`. */
export const statusRankSql = (column: string) =>
  `(CASE ${column} ${CASE_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END)`;

interface SortKey {
  expr: string;
  dir: 'follow' | 'DESC';
  nullsLast?: boolean;
}

// Mirrors store/list.ts SORT_KEYS. NOCASE there is ASCII case-folding over bytes; lower() under
// the "C" collation orders the same way for the names a desk holds.
const SORT_KEYS: Record<ListQuery['sort'], SortKey[]> = {
  updated: [
    { expr: 'c.updated_at', dir: 'follow' },
    { expr: 'c.id', dir: 'follow' },
  ],
  created: [{ expr: 'c.id', dir: 'follow' }],
  name: [
    { expr: '(lower(c.account_name) COLLATE "C")', dir: 'follow' },
    { expr: 'c.id', dir: 'follow' },
  ],
  foc: [
    { expr: 'c.foc_date', dir: 'follow', nullsLast: true },
    { expr: 'c.id', dir: 'follow' },
  ],
  status: [
    { expr: statusRankSql('c.status'), dir: 'follow' },
    { expr: 'c.updated_at', dir: 'DESC' },
    { expr: 'c.id', dir: 'DESC' },
  ],
};

function orderBy(sort: ListQuery['sort'], dir: 'ASC' | 'DESC'): string {
  return SORT_KEYS[sort]
    .map((k) => {
      const d = k.dir === 'follow' ? dir : k.dir;
      // Only the FOC date can be NULL (unscheduled: last both ways, as in SQLite). Saying NULLS
      // on a NOT NULL key would be harmless to the order but would stop PostgreSQL from reading
      // the matching index in order, turning a 100-row page into a sort of every case.
      return `${k.expr} ${d}${k.nullsLast ? ' NULLS LAST' : ''}`;
    })
    .join(', ');
}

/** A LIKE pattern that matches `s` literally anywhere: %, _ and \ typed by an agent are not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createPgLister(pg: Pg) {
  return async function listCases(q: ListQuery): Promise<{ total: number; items: CaseSummary[] }> {
    const parsed = parseQuery(q.query);
    const statuses = [...new Set(q.status)];
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    // Every term in one search row (AND), each a literal substring of it.
    const terms = (parsed?.terms ?? []).map(
      (t) => `s.doc LIKE ${param(`%${likeEscape(foldForSearch(t))}%`)}`,
    );
    const searchOnly =
      terms.length > 0 && !parsed?.namePrefix && !statuses.length && q.assignee === undefined;
    if (terms.length) where.push(`c.id IN (SELECT s.id FROM case_search s WHERE ${terms.join(' AND ')})`);
    if (parsed?.namePrefix) {
      // Same range as SQLite's NOCASE name index: names that start with the prefix, case folded.
      where.push(
        `lower(c.account_name) COLLATE "C" LIKE ${param(`${likeEscape(parsed.namePrefix.toLowerCase())}%`)}`,
      );
    }
    if (statuses.length === 1) where.push(`c.status = ${param(statuses[0])}`);
    if (statuses.length > 1) where.push(`c.status = ANY(${param(statuses)}::text[])`);
    if (q.assignee === null) where.push('c.assignee IS NULL');
    if (typeof q.assignee === 'string') where.push(`c.assignee = ${param(q.assignee)}`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const dir = q.dir === 'asc' ? 'ASC' : 'DESC';
    const countValues = [...values];
    const limit = param(q.limit);
    const offset = param(q.offset);
    // One read-only snapshot: the count and the page agree even while agents are saving.
    return pg.tx(
      async (sql) => {
        // A search alone is counted in the narrow search table, never visiting a case row (as
        // SQLite counts in its FTS index).
        const countSql = searchOnly
          ? `SELECT count(*)::int AS n FROM case_search s WHERE ${terms.join(' AND ')}`
          : `SELECT count(*)::int AS n FROM cases c ${whereSql}`;
        const total = (await sql.query<{ n: number }>(countSql, countValues)).rows[0]!.n;
        // Page the ids first, then build the summaries of just that page (as in list.ts).
        const rows = await sql.query<SummaryRow>(
          `SELECT c.id, c.account_name, c.btn, c.account_number, c.losing_carrier, c.status, c.foc_date,
                  c.updated_at, c.assignee,
                  (SELECT count(*)::int FROM numbers n WHERE n.case_id = c.id) AS number_count,
                  k.readiness
           FROM (SELECT c.id FROM cases c ${whereSql}
                 ORDER BY ${orderBy(q.sort, dir)} LIMIT ${limit} OFFSET ${offset}) p
           JOIN cases c ON c.id = p.id
           LEFT JOIN case_checks k ON k.case_id = c.id
           ORDER BY ${orderBy(q.sort, dir)}`,
          values,
        );
        return { total, items: rows.rows.map(summaryFromRow) };
      },
      { isolation: 'REPEATABLE READ', readOnly: true },
    );
  };
}
