import { useEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseSummary } from '../../../../shared/domain';
import { STATUS_LABELS } from '../../../../shared/status';
import { ReadinessBadge, StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatPhone } from '../../components/format';
import { go, hrefFor } from '../../state/router';
import { FILTERS, statusesFor, useListState, type SortKey } from './list-state';
import { usePagedCases } from './use-paged-cases';
import { BillDropZone } from '../intake/BillDropZone';
import { useMe, useNameOf, useDirectory } from '../../state/session';

const ROW_H = 38;

interface Row {
  index: number;
  item: CaseSummary | undefined;
}

const col = createColumnHelper<Row>();

const COLUMNS = [
  col.accessor((r) => r.item?.accountName, {
    id: 'name',
    header: 'Customer',
    cell: (c) =>
      c.row.original.item ? (
        <span className="cell-strong">{c.row.original.item.accountName || '(no name)'}</span>
      ) : (
        <span className="skeleton" />
      ),
    meta: { sort: 'name', width: 'minmax(180px, 2.2fr)' },
  }),
  col.accessor((r) => r.item?.btn, {
    id: 'btn',
    header: 'BTN',
    cell: (c) => <span className="num">{formatPhone(c.getValue())}</span>,
    meta: { width: 'minmax(130px, 1fr)' },
  }),
  col.accessor((r) => r.item?.numberCount, {
    id: 'numbers',
    header: 'Numbers',
    cell: (c) => <span className="num">{c.getValue()}</span>,
    meta: { width: '90px', align: 'right' },
  }),
  col.accessor((r) => r.item?.losingCarrier, {
    id: 'carrier',
    header: 'Losing carrier',
    meta: { width: 'minmax(130px, 1.2fr)' },
  }),
  col.accessor((r) => r.item?.status, {
    id: 'status',
    header: 'Status',
    cell: (c) => (c.row.original.item ? <StatusBadge status={c.row.original.item.status} /> : null),
    meta: { sort: 'status', width: 'minmax(150px, 1fr)' },
  }),
  col.accessor((r) => r.item?.focDate, {
    id: 'foc',
    header: 'FOC date',
    cell: (c) => <span className="num">{formatDate(c.getValue())}</span>,
    meta: { sort: 'foc', width: 'minmax(110px, 0.8fr)' },
  }),
  col.accessor((r) => r.item?.readiness, {
    id: 'readiness',
    header: 'Readiness',
    cell: (c) => (c.row.original.item ? <ReadinessBadge readiness={c.row.original.item.readiness} /> : null),
    meta: { width: 'minmax(110px, 0.8fr)' },
  }),
];

/** On a team desk, who works each case. */
function agentColumn(nameOf: (email: string | null | undefined) => string) {
  return col.accessor((r) => r.item?.assignee, {
    id: 'assignee',
    header: 'Agent',
    cell: (c) =>
      c.row.original.item ? (
        c.row.original.item.assignee ? (
          <span>{nameOf(c.row.original.item.assignee)}</span>
        ) : (
          <span className="muted">Unassigned</span>
        )
      ) : null,
    meta: { width: 'minmax(120px, 1fr)' },
  });
}

interface ColMeta {
  sort?: SortKey;
  width: string;
  align?: 'right';
}

export function CaseList() {
  const { query, filter, assignee, sort, dir, active, scrollTop, set } = useListState();
  const me = useMe();
  const nameOf = useNameOf();
  const directory = useDirectory();
  const columns = useMemo(
    () => (me ? [...COLUMNS.slice(0, 5), agentColumn(nameOf), ...COLUMNS.slice(5)] : COLUMNS),
    // nameOf changes with the directory only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [me, directory],
  );
  const gridTemplate = columns.map((c) => (c.meta as ColMeta).width).join(' ');
  const [typed, setTyped] = useState(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Debounced so each keystroke does not start a query, short so results keep up with typing.
  useEffect(() => {
    if (typed === query) return;
    const t = setTimeout(() => set({ query: typed, active: 0, scrollTop: 0 }), 50);
    return () => clearTimeout(t);
  }, [typed, query, set]);

  const status = useMemo(() => statusesFor(filter), [filter]);
  const { total, error, loading, ensureRange, rowAt } = usePagedCases({
    query,
    status,
    sort,
    dir,
    ...(me && assignee ? { assignee } : {}),
  });
  const count = total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh every render on purpose
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
    initialOffset: scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRange(firstIndex, lastIndex);
  }, [count, firstIndex, lastIndex, ensureRange]);

  const rows: Row[] = items.map((v) => ({ index: v.index, item: rowAt(v.index) }));
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // The rows are a window onto server pages, new every render: table-side resets would loop.
    autoResetAll: false,
  });

  // "/" jumps to search from anywhere on the list, as in mail clients and issue trackers.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) && !t.isContentEditable) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const clampedActive = Math.min(active, Math.max(0, count - 1));

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    set({ active: next });
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const open = (i: number) => {
    const item = rowAt(i);
    if (item) {
      set({ active: i, scrollTop: virtualizer.scrollOffset ?? 0 });
      go({ name: 'case', id: item.id, tab: 'details' });
    }
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_H) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(clampedActive + 1),
      ArrowUp: () => moveTo(clampedActive - 1),
      PageDown: () => moveTo(clampedActive + pageRows),
      PageUp: () => moveTo(clampedActive - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => open(clampedActive),
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const onSearchKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      if (typed !== query) set({ query: typed, active: 0, scrollTop: 0 });
      gridRef.current?.focus();
    } else if (e.key === 'Escape' && typed) {
      setTyped('');
    }
  };

  const toggleSort = (key: SortKey) => {
    if (sort === key) set({ dir: dir === 'asc' ? 'desc' : 'asc', active: 0 });
    else set({ sort: key, dir: key === 'name' || key === 'foc' ? 'asc' : 'desc', active: 0 });
    virtualizer.scrollToOffset(0);
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const activeId = `case-row-${clampedActive}`;

  return (
    <div className="list-page">
      <div className="page-head">
        <div>
          <h1>Cases</h1>
          <p className="muted" aria-live="polite" data-testid="case-total">
            {total === null
              ? loading
                ? 'Loading…'
                : ''
              : `${count.toLocaleString()} ${count === 1 ? 'case' : 'cases'}${query ? ` matching “${query}”` : ''}`}
          </p>
        </div>
        <div className="btn-row">
          <a className="btn" href={hrefFor({ name: 'import' })}>
            Import…
          </a>
          <BillDropZone compact label="Start a case from a bill" />
          <a className="btn btn-primary" href={hrefFor({ name: 'new' })}>
            New case
          </a>
        </div>
      </div>

      <div className="list-toolbar" role="search">
        <div className="field grow">
          <label htmlFor="case-search">Search</label>
          <input
            id="case-search"
            ref={searchRef}
            type="search"
            placeholder="Name, number, account number or address   ( / )"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={onSearchKey}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="case-filter">Status</label>
          <select
            id="case-filter"
            value={filter}
            onChange={(e) => set({ filter: e.target.value, active: 0, scrollTop: 0 })}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label || STATUS_LABELS[f.value as keyof typeof STATUS_LABELS]}
              </option>
            ))}
          </select>
        </div>
        {me && (
          <div className="field">
            <label htmlFor="case-assignee">Agent</label>
            <select
              id="case-assignee"
              value={assignee}
              onChange={(e) => set({ assignee: e.target.value, active: 0, scrollTop: 0 })}
            >
              <option value="">Everyone&apos;s cases</option>
              <option value="me">My cases</option>
              <option value="unassigned">Unassigned</option>
              {directory
                .filter((u) => u.email !== me.email)
                .map((u) => (
                  <option key={u.email} value={u.email}>
                    {u.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="case-sort">Sort by</label>
          <select
            id="case-sort"
            value={`${sort}:${dir}`}
            onChange={(e) => {
              const [s, d] = e.target.value.split(':') as [SortKey, 'asc' | 'desc'];
              set({ sort: s, dir: d, active: 0 });
            }}
          >
            <option value="updated:desc">Recently updated</option>
            <option value="created:desc">Newest first</option>
            <option value="created:asc">Oldest first</option>
            <option value="name:asc">Customer A–Z</option>
            <option value="name:desc">Customer Z–A</option>
            <option value="foc:asc">FOC date, soonest</option>
            <option value="foc:desc">FOC date, latest</option>
            <option value="status:asc">Status</option>
          </select>
        </div>
      </div>

      {error && (
        <div className="banner banner-error" role="alert">
          Could not load cases: {error}
        </div>
      )}

      <div
        className="vgrid card"
        role="grid"
        aria-label="Cases"
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        tabIndex={0}
        ref={gridRef}
        onKeyDown={onGridKey}
        aria-activedescendant={count > 0 ? activeId : undefined}
        data-testid="case-grid"
      >
        <div
          className="vgrid-head"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: gridTemplate }}
        >
          {headers.map((h) => {
            const meta = h.column.columnDef.meta as ColMeta;
            const sorted =
              meta.sort && sort === meta.sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined;
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-sort={sorted ?? (meta.sort ? 'none' : undefined)}
                className={meta.align === 'right' ? 'right' : undefined}
              >
                {meta.sort ? (
                  <button
                    type="button"
                    className="sort-btn"
                    onClick={() => toggleSort(meta.sort!)}
                    tabIndex={-1}
                  >
                    {flexRender(h.column.columnDef.header, h.getContext())}
                    <span aria-hidden="true">
                      {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                    </span>
                  </button>
                ) : (
                  flexRender(h.column.columnDef.header, h.getContext())
                )}
              </div>
            );
          })}
        </div>
        <div className="vgrid-body" ref={scrollRef} onScroll={() => undefined}>
          {count === 0 && !loading && (
            <p className="empty">
              {query || filter !== 'all'
                ? 'No case matches this search or filter.'
                : 'No cases yet. Create one, or drop a bill on the desk to start from it.'}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {table.getRowModel().rows.map((row, i) => {
              const v = items[i]!;
              const isActive = v.index === clampedActive;
              return (
                <div
                  key={v.key}
                  id={`case-row-${v.index}`}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-selected={isActive}
                  className={`vgrid-row${isActive ? ' active' : ''}`}
                  style={{
                    transform: `translateY(${v.start}px)`,
                    height: ROW_H,
                    gridTemplateColumns: gridTemplate,
                  }}
                  onClick={() => set({ active: v.index })}
                  onDoubleClick={() => open(v.index)}
                >
                  {row.getVisibleCells().map((cell, ci) => {
                    const meta = cell.column.columnDef.meta as ColMeta;
                    return (
                      <div
                        key={cell.id}
                        role="gridcell"
                        className={meta.align === 'right' ? 'right' : undefined}
                      >
                        {ci === 0 && row.original.item ? (
                          <a
                            href={hrefFor({ name: 'case', id: row.original.item.id, tab: 'details' })}
                            tabIndex={-1}
                            onClick={() => set({ active: v.index, scrollTop: virtualizer.scrollOffset ?? 0 })}
                          >
                            {flexRender(cell.column.columnDef.cell, cell.getContext())}
                          </a>
                        ) : (
                          flexRender(cell.column.columnDef.cell, cell.getContext())
                        )}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="muted small">Keyboard: / search · ↑ ↓ move · Enter open · Page Up/Down · Home/End</p>
    </div>
  );
}
