import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Alert, Button, Input, Segmented } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_CODES, type QueueQuery, type QueueRow, type StatusCode } from '../../../electron/contract';
import { call, useDesk } from '../api';
import { StatusTag } from '../components/StatusTag';
import { formatDateTime } from '../lib/format';
import { navigate } from '../lib/router';
import { useDebounced } from '../lib/useDebounced';

const PAGE_SIZE = 100;
/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;
/** Never hold more than this many rows: past it the officer narrows the list with the filter or the search. */
const MAX_ROWS = 5000;
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 40;
/** Statuses whose due date still runs (waiting for a citizen's supplement does not count). */
const RUNNING: ReadonlySet<number> = new Set([1, 2, 4, 6]);

type StatusFilter = 'all' | StatusCode;

/** What the queue looked like when the officer left it (filter, search, selection), for when they come back. */
const remembered: { status: StatusFilter; q: string; selectedId: number | null } = { status: 'all', q: '', selectedId: null };

interface ListState {
  rows: QueueRow[];
  next: string | null;
  loading: boolean;
  error?: string;
}

export function QueueScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>(remembered.status);
  const [q, setQ] = useState(remembered.q);
  const query = useDebounced(q.trim(), 200);
  const [refreshTick, setRefreshTick] = useState(0);
  const counts = useDesk('queueCounts', {}, String(refreshTick));
  const [list, setList] = useState<ListState>({ rows: [], next: null, loading: true });
  const [selected, setSelected] = useState(-1);

  const generation = useRef(0);
  const busy = useRef(false);
  const nextCursor = useRef<string | null>(null);
  const pendingScroll = useRef<number | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('queue.title')} — ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    remembered.status = status;
    remembered.q = q;
  }, [status, q]);

  /** Loads the first page (reset) or the next keyset page. Answers to an older filter are dropped. */
  const fetchPage = useCallback(
    (reset: boolean) => {
      if (!reset && (busy.current || nextCursor.current === null)) return;
      const gen = reset ? ++generation.current : generation.current;
      busy.current = true;
      if (reset && gridRef.current) gridRef.current.scrollTop = 0; // a new filter or search starts at the top
      const input: QueueQuery = { limit: PAGE_SIZE };
      if (status !== 'all') input.status = status;
      if (query !== '') input.q = query;
      if (!reset && nextCursor.current !== null) input.cursor = nextCursor.current;
      setList((s) => ({ ...s, loading: true }));
      void call('listQueue', input).then((r) => {
        if (gen !== generation.current) return;
        busy.current = false;
        if (!r.ok) {
          setList((s) => ({ ...s, loading: false, error: r.error.message }));
          return;
        }
        nextCursor.current = r.value.nextCursor;
        setList((s) => {
          const rows = reset ? r.value.items : [...s.rows, ...r.value.items];
          return { rows, next: rows.length >= MAX_ROWS ? null : r.value.nextCursor, loading: false };
        });
        if (reset) {
          // Coming back from a dossier: select it again and bring it into view when it is on the first page.
          const keep = r.value.items.findIndex((row) => row.id === remembered.selectedId);
          setSelected(keep);
          if (keep > 0) pendingScroll.current = keep;
        }
      });
    },
    [status, query],
  );

  useEffect(() => {
    fetchPage(true);
  }, [fetchPage, refreshTick]);

  const { rows, next } = list;
  const selectedIndex = selected >= 0 && selected < rows.length ? selected : -1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The selected row stays in the DOM so aria-activedescendant always points at something.
      if (selectedIndex >= 0 && !indexes.includes(selectedIndex)) indexes.push(selectedIndex);
      return indexes.sort((a, b) => a - b);
    },
    [selectedIndex],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });
  const virtualRows = virtualizer.getVirtualItems();

  useEffect(() => {
    if (pendingScroll.current === null) return;
    const index = pendingScroll.current;
    pendingScroll.current = null;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [rows, virtualizer]);

  const lastRendered = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;

  useEffect(() => {
    if (next !== null && lastRendered >= rows.length - PREFETCH_ROWS) fetchPage(false);
  }, [lastRendered, rows.length, next, fetchPage]);

  const select = (index: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setSelected(i);
    remembered.selectedId = rows[i]?.id ?? null;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const open = (index: number) => {
    const row = rows[index];
    if (!row) return;
    remembered.selectedId = row.id;
    navigate({ name: 'dossier', id: row.id });
  };

  const pageRows = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex - 1,
      PageDown: selectedIndex + pageRows,
      PageUp: selectedIndex - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (e.key === 'ArrowUp' && selectedIndex <= 0) {
      e.preventDefault();
      searchRef.current?.focus(); // back up to the search box
    } else if (target !== undefined) {
      e.preventDefault();
      select(selectedIndex < 0 && e.key !== 'End' ? 0 : target);
    } else if (e.key === 'Enter' && selectedIndex >= 0) {
      e.preventDefault();
      open(selectedIndex);
    }
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'ArrowDown' || e.key === 'Enter') && rows.length > 0) {
      e.preventDefault();
      gridRef.current?.focus();
      if (selectedIndex < 0) select(0);
    }
  };

  const statusOptions = useMemo(() => {
    const by = counts.data?.byStatus ?? {};
    const shown = STATUS_CODES.filter((code) => code <= 2 || (by[String(code)] ?? 0) > 0 || code === status);
    return [
      { value: 'all' as StatusFilter, label: <FilterLabel name={t('queue.all')} count={counts.data?.total} /> },
      ...shown.map((code) => ({
        value: code as StatusFilter,
        label: <FilterLabel name={t(`status.${code}`)} count={counts.data ? (by[String(code)] ?? 0) : undefined} />,
      })),
    ];
  }, [counts.data, status, t]);

  const now = Date.now();
  const emptyText = query !== '' || status !== 'all' ? t('queue.noMatch') : t('queue.empty');

  return (
    <div className="queue-screen">
      <div className="screen-head">
        <h1 className="page-title">{t('queue.title')}</h1>
        <div className="head-actions">
          <Button onClick={() => setRefreshTick((n) => n + 1)}>{t('queue.refresh')}</Button>
          <Button type="primary" onClick={() => navigate({ name: 'intake' })}>
            {t('queue.newDossier')} <kbd className="kbd-light">F2</kbd>
          </Button>
        </div>
      </div>

      <div className="queue-tools">
        <Input
          ref={(el) => {
            searchRef.current = el?.input ?? null;
          }}
          className="queue-search"
          type="search"
          allowClear
          size="large"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onSearchKey}
          placeholder={t('queue.searchPlaceholder')}
          aria-label={t('queue.searchLabel')}
          autoFocus
        />
        <div className="queue-filter" role="group" aria-label={t('queue.filterLabel')}>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setSelected(-1);
            }}
            options={statusOptions}
            name="status-filter"
          />
        </div>
      </div>

      {list.error && <Alert type="error" showIcon title={list.error} className="queue-error" role="alert" />}

      <div className="queue-table">
        <div
          ref={gridRef}
          className="queue-grid"
          role="grid"
          aria-label={t('queue.listLabel')}
          aria-rowcount={next === null ? rows.length + 1 : -1}
          aria-activedescendant={selectedIndex >= 0 ? `queue-row-${selectedIndex}` : undefined}
          aria-busy={list.loading}
          tabIndex={0}
          onKeyDown={onGridKey}
          onFocus={() => {
            if (selectedIndex < 0 && rows.length > 0) setSelected(0);
          }}
        >
          <div role="rowgroup" className="queue-head">
            <div role="row" aria-rowindex={1} className="queue-row">
              <div role="columnheader">{t('queue.col.code')}</div>
              <div role="columnheader">{t('queue.col.applicant')}</div>
              <div role="columnheader">{t('queue.col.procedure')}</div>
              <div role="columnheader">{t('queue.col.channel')}</div>
              <div role="columnheader">{t('queue.col.status')}</div>
              <div role="columnheader">{t('queue.col.received')}</div>
              <div role="columnheader">{t('queue.col.due')}</div>
            </div>
          </div>
          {rows.length > 0 && (
            <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
              {virtualRows.map((v) => {
                const row = rows[v.index];
                if (!row) return null;
                const overdue = row.dueAt !== null && RUNNING.has(row.status) && Date.parse(row.dueAt) < now;
                return (
                  <div
                    key={row.id}
                    id={`queue-row-${v.index}`}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={v.index === selectedIndex}
                    className={`queue-row${v.index === selectedIndex ? ' selected' : ''}${v.index % 2 ? ' odd' : ''}`}
                    style={{ height: ROW_HEIGHT, transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)` }}
                    onClick={() => open(v.index)}
                    onMouseDown={() => setSelected(v.index)}
                  >
                    <div role="gridcell" className="mono code-cell">
                      {row.code}
                    </div>
                    <div role="gridcell" className="applicant-cell">
                      <span className="applicant-name">{row.applicantName}</span>
                      <span className="sub">{[row.idNumber, row.phone].filter(Boolean).join(' · ')}</span>
                    </div>
                    <div role="gridcell" className="ellipsis" title={row.procedureName}>
                      {row.procedureName}
                    </div>
                    <div role="gridcell">{t(`channelShort.${row.channel}`, { defaultValue: String(row.channel) })}</div>
                    <div role="gridcell">
                      <StatusTag status={row.status} />
                    </div>
                    <div role="gridcell" className="nowrap">
                      {formatDateTime(row.receivedAt)}
                    </div>
                    <div role="gridcell" className={`nowrap${overdue ? ' overdue' : ''}`}>
                      {row.dueAt ? formatDateTime(row.dueAt) : t('common.none')}
                      {overdue && <span className="overdue-label">{t('queue.overdue')}</span>}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {rows.length === 0 && !list.loading && !list.error && (
          <div className="queue-empty">
            <p className="queue-empty-title">{emptyText}</p>
            {query === '' && status === 'all' && <p>{t('queue.emptyHint')}</p>}
          </div>
        )}
      </div>

      <div className="queue-foot" aria-live="polite">
        <span>
          {list.loading && rows.length > 0
            ? t('queue.loadingMore')
            : next !== null
              ? t('queue.shownMore', { n: rows.length.toLocaleString('vi-VN') })
              : rows.length >= MAX_ROWS
                ? t('queue.capped', { n: rows.length.toLocaleString('vi-VN') })
                : t('queue.shown', { n: rows.length.toLocaleString('vi-VN') })}
        </span>
        <span className="keys-hint">{t('queue.keys')}</span>
      </div>
    </div>
  );
}

function FilterLabel({ name, count }: { name: string; count: number | undefined }) {
  return (
    <span className="filter-label">
      {name}
      {count !== undefined && <span className="filter-count">{count.toLocaleString('vi-VN')}</span>}
    </span>
  );
}
