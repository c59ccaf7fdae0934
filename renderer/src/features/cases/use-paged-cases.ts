// Server-side paging for the virtual list: only the pages the viewport touches are fetched, so
// 100,000 cases cost the same as 100. A generation counter drops answers to an older query.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../../shared/domain';
import type { CaseStatus } from '../../../../shared/status';
import { call, onDeskEvent } from '../../desk/client';
import type { SortKey } from './list-state';

export const PAGE = 100;

export interface PagedQuery {
  query: string;
  status: CaseStatus[];
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** 'me', 'unassigned' or an email; absent: anyone's. */
  assignee?: string;
}

export function usePagedCases(q: PagedQuery) {
  const pages = useRef(new Map<number, CaseSummary[]>());
  const inflight = useRef(new Set<number>());
  const gen = useRef(0);
  const key = JSON.stringify(q);
  // Answers are tagged with the query they belong to, so a new query shows "loading" at once.
  const [answer, setAnswer] = useState<{ key: string; total: number | null; error: string | null }>({
    key: '',
    total: null,
    error: null,
  });
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    async (page: number, g: number) => {
      if (inflight.current.has(page)) return;
      inflight.current.add(page);
      try {
        const res = await call('cases:list', { ...q, offset: page * PAGE, limit: PAGE });
        if (g !== gen.current) return;
        pages.current.set(page, res.items);
        setAnswer({ key, total: res.total, error: null });
        setTick((t) => t + 1);
      } catch (err) {
        if (g === gen.current)
          setAnswer((a) => ({ key, total: a.key === key ? a.total : null, error: (err as Error).message }));
      } finally {
        if (g === gen.current) inflight.current.delete(page);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    gen.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    void fetchPage(0, gen.current);
  }, [fetchPage]);

  // Another window (or the CLI through the host) changed a case: refresh what is on screen.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onDeskEvent((e) => {
      if (e.type !== 'case-changed' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        const loaded = [...pages.current.keys()];
        gen.current += 1;
        const g = gen.current;
        inflight.current = new Set();
        for (const p of loaded.length ? loaded : [0]) void fetchPage(p, g);
      }, 300);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [fetchPage]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(start / PAGE);
      const last = Math.floor(Math.max(start, end) / PAGE);
      for (let p = first; p <= last; p++) if (!pages.current.has(p)) void fetchPage(p, gen.current);
    },
    [fetchPage],
  );

  const rowAt = useCallback(
    (i: number): CaseSummary | undefined => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    [],
  );

  const current = answer.key === key;
  return {
    total: current ? answer.total : null,
    error: current ? answer.error : null,
    loading: !current,
    ensureRange,
    rowAt,
  };
}
