// Search and name-prefix pages are served by one of two plans (list.ts planWalk): walking the sort's
// index, or sorting every match. Whichever runs, a query must return exactly the cases of the
// unfiltered list that match, in the same order, page after page. PostgreSQL (its trigram index
// and planner) must give exactly the same pages.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/domain';
import type { ListQuery, Store } from '../../../electron/desk/store';
import { listSql, type ListShape } from '../../../electron/desk/store/list';
import { caseInput } from '../../unit/store/fixtures';
import { openTempStore } from './helpers';
import { backends } from './backends';

const SORTS: ListQuery['sort'][] = ['updated', 'created', 'name', 'foc', 'status'];
const TRADES = ['Plumbing', 'Dental', 'Bakery'];
const FIRST = ['Harbor', 'Maple', 'Cedar', 'hazel'];

const list = (store: Store, q: Partial<ListQuery> = {}) =>
  store.listCases({ query: '', status: [], sort: 'updated', dir: 'desc', offset: 0, limit: 100, ...q });

/** Every page of a query, in order, with the total each page reported. */
async function allPages(
  store: Store,
  q: Partial<ListQuery>,
  limit: number,
): Promise<{ ids: number[]; totals: number[] }> {
  const ids: number[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await list(store, { ...q, offset, limit });
    totals.push(page.total);
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < limit) return { ids, totals };
  }
}

/** The same 240 cases in a store of each backend. */
async function seed(store: Store): Promise<void> {
  // 240 cases: a third are plumbers, half start with "ha", 9 are a "Cove"; one case is unique. Status changes
  // and FOC dates scatter the updated/FOC/status orders away from creation order.
  const inputs = Array.from({ length: 240 }, (_, i) => ({
    ...caseInput({
      name:
        i === 7
          ? 'Quince Unique Florist'
          : `${FIRST[i % 4]} ${TRADES[i % 3]} ${i}${i % 27 === 1 ? ' Cove' : ''}`,
      numbers: [`212555${String(1000 + i)}`],
      account: `AC-${i}`,
      line1: `${i} Main St`,
    }),
    focDate: i % 5 === 0 ? null : `2026-12-${String(1 + (i % 27)).padStart(2, '0')}`,
  }));
  await store.createCases(inputs, 't');
  for (let id = 1; id <= 240; id += 7)
    await store.setStatus(id, id % 2 ? 'waiting_signature' : 'canceled', 't');
}

for (const backend of backends())
  describe(`search and name-prefix pages on ${backend.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = (await backend.open()).store;
      await seed(store);
    });
    afterAll(() => store.close());

    const cases = (): Promise<CaseSummary[]> => allPagesOf({}, 100);
    async function allPagesOf(q: Partial<ListQuery>, limit: number): Promise<CaseSummary[]> {
      const out: CaseSummary[] = [];
      for (let offset = 0; ; offset += limit) {
        const page = await list(store, { ...q, offset, limit });
        out.push(...page.items);
        if (page.items.length < limit) return out;
      }
    }

    const queries: [string, (c: CaseSummary) => boolean][] = [
      ['plumbing', (c) => /plumbing/i.test(c.accountName)], // common: walks the index
      ['unique', (c) => /unique/i.test(c.accountName)], // rare: sorts its matches
      ['cove', (c) => /cove/i.test(c.accountName)], // 9 matches: walks page 1, sorts page 2
      ['ha', (c) => /^ha/i.test(c.accountName)], // 2 letters: name prefix, also "hazel"
      ['h', (c) => /^h/i.test(c.accountName)],
      ['qu', (c) => /^qu/i.test(c.accountName)], // a rare prefix: sorted
    ];

    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`match the unfiltered list's order, sorted by ${sort} ${dir}`, async () => {
          const everything = await allPagesOf({ sort, dir }, 100);
          for (const [query, matches] of queries) {
            const expected = everything.filter(matches).map((c) => c.id);
            expect(expected.length).toBeGreaterThan(0);
            // Pages of 7 put page boundaries everywhere; each page reports the full total.
            const { ids, totals } = await allPages(store, { query, sort, dir }, 7);
            expect(ids, `${query} ${sort} ${dir}`).toEqual(expected);
            expect(new Set(totals)).toEqual(new Set([expected.length]));
          }
        });
      }
    }

    it('counts and pages a search under a status filter', async () => {
      const waiting = (await cases()).filter(
        (c) => c.status === 'waiting_signature' && /plumbing/i.test(c.accountName),
      );
      const page = await list(store, { query: 'plumbing', status: ['waiting_signature'] });
      expect(page.total).toBe(waiting.length);
      expect(page.items.map((c) => c.id)).toEqual(waiting.map((c) => c.id));
    });

    it('reports the same total for every page, past the end too', async () => {
      const total = (await list(store, { query: 'plumbing' })).total;
      expect(total).toBe(80);
      expect(await list(store, { query: 'plumbing', offset: 75, limit: 10 })).toMatchObject({ total: 80 });
      expect(await list(store, { query: 'plumbing', offset: 500 })).toEqual({ total: 80, items: [] });
    });
  });

describe('the walk plan (SQLite)', () => {
  let file: string;
  beforeAll(async () => {
    const t = openTempStore();
    file = t.file;
    await seed(t.store);
    await t.store.close();
  });
  it('reads the sort index in order: no sort of the matches for any unfiltered search', () => {
    const db = new Database(file, { readonly: true });
    try {
      for (const sort of SORTS) {
        for (const dir of ['ASC', 'DESC'] as const) {
          for (const [hasMatch, hasPrefix] of [
            [true, false],
            [false, true],
          ] as const) {
            const shape: ListShape = { hasMatch, hasPrefix, status: 'none', sort, dir, walk: true };
            const plan = db
              .prepare(`EXPLAIN QUERY PLAN ${listSql(shape).page}`)
              .all({ match: '"plumbing"', lo: 'ha', hi: 'ha\uffff', limit: 100, offset: 0 }) as {
              detail: string;
            }[];
            const text = plan.map((r) => r.detail).join('\n');
            // The inner page query walks an index of the sort (or the rowid for "created")...
            expect(text, JSON.stringify(shape)).toMatch(
              /^SCAN c( USING (COVERING )?INDEX cases_\w+)?$|^SEARCH c USING COVERING INDEX cases_name/m,
            );
            // ...and sorting by name keeps one small sort of the 100-row page in the outer query
            // (NOCASE over a subquery column); every other sort has none.
            const sorts = (text.match(/USE TEMP B-TREE FOR ORDER BY/g) ?? []).length;
            expect(sorts, JSON.stringify(shape)).toBe(sort === 'name' ? 1 : 0);
          }
        }
      }
    } finally {
      db.close();
    }
  });
});
