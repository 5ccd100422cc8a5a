import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { Alert, Button, Input, Segmented, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTER_DEFAULTS, QUEUE_TABS, type QueueQuery, type QueueRow, type QueueTab } from '../../../electron/contract';
import { call, useDesk } from '../api';
import { useOfficer } from '../api/session';
import { QueueFilters } from '../components/queue/QueueFilters';
import { QueueRowView } from '../components/queue/QueueRowView';
import { PANEL_ID, QueueTabs, tabId } from '../components/queue/QueueTabs';
import { SearchIcon, SortIcon } from '../components/queue/icons';
import {
  DEFAULT_DIRECTION,
  hasFilters,
  loadMine,
  loadMineOrder,
  loadPlace,
  loadView,
  mineFilters,
  mineQuery,
  saveMine,
  saveMineOrder,
  savePlace,
  saveView,
  toQuery,
  type QueueFilterValues,
  type QueueOrder,
  type QueueSort,
  type QueueView,
} from '../components/queue/view';
import '../components/queue/queue.css';
import { canCall } from '../lib/access';
import { navigate } from '../lib/router';
import { useDebounced } from '../lib/useDebounced';

const PAGE_SIZE = 100;
/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;
/** Never hold more than this many rows: past it the officer narrows the list with the filters or the search. */
const MAX_ROWS = 5000;
/** Coming back to a remembered scroll position loads at most this many rows to reach it. */
const RESTORE_MAX_ROWS = 1000;
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 40;
const SEARCH_DEBOUNCE_MS = 250;
/** Tab counts are refreshed in the background this often (the list itself only on demand). */
const COUNTS_EVERY_MS = 60_000;

interface ListState {
  rows: QueueRow[];
  next: string | null;
  loading: boolean;
  /** The first page of the current view has arrived. */
  loaded: boolean;
  error?: string;
}

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export function QueueScreen() {
  const { t } = useTranslation();
  const [view, setViewState] = useState<QueueView>(loadView);
  const query = useDebounced(view.q.trim(), SEARCH_DEBOUNCE_MS);
  const [refreshTick, setRefreshTick] = useState(0);
  const [countsTick, setCountsTick] = useState(0);
  const counts = useDesk('queueCounts', {}, String(countsTick));
  const procedures = useDesk('listProcedures', {});
  const officers = useDesk('listOfficers', {});
  const counter = useDesk('getCounterSettings', {});
  const staleDays = counter.data?.staleDays ?? COUNTER_DEFAULTS.staleDays;
  const [list, setList] = useState<ListState>({ rows: [], next: null, loading: true, loaded: false });
  // "Việc của tôi": the dossiers assigned to the signed-in officer (a specialist's default view).
  const officer = useOfficer();
  const [mine, setMineState] = useState(() => (officer ? loadMine(officer.role) : false));
  const myId = mine && officer ? officer.id : null;
  // Its own order, remembered apart from the full list's: the nearest deadline first until the officer sorts.
  const [mineOrder, setMineOrderState] = useState<QueueOrder>(loadMineOrder);
  const order: QueueOrder = mine ? mineOrder : { sort: view.sort, direction: view.direction };
  // Only the roles that receive dossiers start an intake (F2) or fill it from the scan inbox.
  const canIntake = !officer || canCall(officer.role, 'createDossier');
  const [selected, setSelected] = useState(-1);

  const generation = useRef(0);
  const busy = useRef(false);
  const nextCursor = useRef<string | null>(null);
  /** Where the officer was when they left (reload, or back from a dossier): applied once, after the first page. */
  const restore = useRef(loadPlace());
  const restoring = useRef(restore.current.scrollTop > 0 || restore.current.selectedId !== null);
  const selectedId = useRef<number | null>(restore.current.selectedId);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pointerDown = useRef(false);

  const setView = useCallback((update: (v: QueueView) => QueueView) => {
    setViewState((v) => {
      const next = update(v);
      saveView(next);
      return next;
    });
  }, []);

  const rememberPlace = useCallback(() => {
    if (restoring.current) return;
    savePlace({ scrollTop: gridRef.current?.scrollTop ?? 0, selectedId: selectedId.current });
  }, []);

  useEffect(() => {
    document.title = `${t('queue.title')} — ${t('app.name')}`;
  }, [t]);

  // Counts are a separate, slower question: the list never waits for them.
  useEffect(() => {
    const timer = window.setInterval(() => setCountsTick((n) => n + 1), COUNTS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);

  /** The listQueue input of the current view, as a string so equal views do not refetch. */
  const queryKey = JSON.stringify(myId !== null ? mineQuery(view, mineOrder, query, PAGE_SIZE, myId) : toQuery(view, query, PAGE_SIZE));

  /** Loads the first page (reset) or the next keyset page. Answers to an older view are dropped. */
  const fetchPage = useCallback(
    (reset: boolean) => {
      if (!reset && (busy.current || nextCursor.current === null)) return;
      const gen = reset ? ++generation.current : generation.current;
      busy.current = true;
      const input = JSON.parse(queryKey) as QueueQuery;
      if (!reset && nextCursor.current !== null) input.cursor = nextCursor.current;
      setList((s) => ({ ...s, loading: true }));
      void call('listQueue', input).then((r) => {
        if (gen !== generation.current) return;
        busy.current = false;
        if (!r.ok) {
          setList((s) => ({ ...s, loading: false, loaded: true, error: r.error.message }));
          return;
        }
        nextCursor.current = r.value.nextCursor;
        const items = r.value.items;
        setList((s) => {
          const rows = reset ? items : [...s.rows, ...items];
          return { rows, next: rows.length >= MAX_ROWS ? null : r.value.nextCursor, loading: false, loaded: true };
        });
      });
    },
    [queryKey],
  );

  // A new view (tab, filter, sort, search) or a refresh starts at the top with nothing selected; the view the
  // screen opened with goes back to the remembered place instead. (Keyed, not counted: StrictMode runs this twice.)
  const openedWith = useRef<string | null>(queryKey);
  useEffect(() => {
    if (openedWith.current !== queryKey || refreshTick > 0) {
      openedWith.current = null;
      restoring.current = false;
      selectedId.current = null;
      setSelected(-1);
      if (gridRef.current) gridRef.current.scrollTop = 0;
      savePlace({ scrollTop: 0, selectedId: null });
    }
    setList((s) => ({ ...s, loaded: false, error: undefined }));
    fetchPage(true);
  }, [fetchPage, queryKey, refreshTick]);

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

  // Back to the remembered place: load pages until the remembered scroll position is reachable, then go there.
  useEffect(() => {
    if (!restoring.current || !list.loaded || list.loading) return;
    const grid = gridRef.current;
    if (!grid) return;
    const place = restore.current;
    const needed = Math.ceil((place.scrollTop + grid.clientHeight) / ROW_HEIGHT);
    if (rows.length < needed && next !== null && rows.length < RESTORE_MAX_ROWS) {
      fetchPage(false);
      return;
    }
    restoring.current = false;
    const index = place.selectedId === null ? -1 : rows.findIndex((row) => row.id === place.selectedId);
    setSelected(index);
    if (index < 0) selectedId.current = null;
    grid.scrollTop = place.scrollTop;
    if (index >= 0) {
      grid.focus({ preventScroll: true }); // back from a dossier: arrows and Enter carry on from the same row
      // New dossiers may have pushed the remembered one down: keep it in sight.
      const top = HEADER_HEIGHT + index * ROW_HEIGHT;
      if (top < grid.scrollTop + HEADER_HEIGHT || top + ROW_HEIGHT > grid.scrollTop + grid.clientHeight) {
        virtualizer.scrollToIndex(index, { align: 'center' });
      }
    }
  }, [rows, next, list.loaded, list.loading, fetchPage, virtualizer]);

  const lastRendered = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;

  useEffect(() => {
    if (restoring.current) return;
    if (next !== null && lastRendered >= rows.length - PREFETCH_ROWS) fetchPage(false);
  }, [lastRendered, rows.length, next, fetchPage]);

  // The scroll position is remembered as the officer scrolls (a little after they stop).
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    let timer = 0;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(rememberPlace, 150);
    };
    grid.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      grid.removeEventListener('scroll', onScroll);
    };
  }, [rememberPlace]);

  const select = (index: number) => {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setSelected(i);
    selectedId.current = rows[i]?.id ?? null;
    virtualizer.scrollToIndex(i, { align: 'auto' });
    rememberPlace();
  };

  const open = (index: number) => {
    const row = rows[index];
    if (!row) return;
    selectedId.current = row.id;
    restoring.current = false;
    rememberPlace();
    navigate({ name: 'dossier', id: row.id });
  };

  // Row handlers that never change identity, so memoised rows do not re-render on every scroll or selection.
  const openRef = useRef(open);
  openRef.current = open;
  const onRowOpen = useCallback((index: number) => openRef.current(index), []);
  const onRowPick = useCallback((index: number, id: number) => {
    setSelected(index);
    selectedId.current = id;
  }, []);

  const switchTab = useCallback(
    (tab: QueueTab) => {
      setView((v) => (v.tab === tab ? v : { ...v, tab }));
    },
    [setView],
  );

  const focusSearch = useCallback(() => {
    const input = searchRef.current;
    if (!input) return;
    input.focus();
    input.select();
  }, []);

  // Screen shortcuts: Alt+1…8 switch tabs (not in "Việc của tôi", which has none: the keys are left alone there),
  // / or Ctrl+F go to the search box (F2/Alt+N are the shell's).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const digit = mine ? null : /^Digit([1-8])$/.exec(e.code);
      if (digit && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        const tab = QUEUE_TABS[Number(digit[1]) - 1];
        if (tab) {
          e.preventDefault();
          switchTab(tab);
          // Focus on a tab follows the selection (one tab stop in the tablist).
          if (document.activeElement?.getAttribute('role') === 'tab') document.getElementById(tabId(tab))?.focus();
        }
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyF') {
        e.preventDefault();
        focusSearch();
      } else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [switchTab, focusSearch, mine]);

  const pageRows = Math.max(1, Math.floor(((gridRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
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
    } else if (e.key === 'Escape' && view.q !== '') {
      e.preventDefault();
      setView((v) => ({ ...v, q: '' }));
    }
  };

  const setFilters = (next: QueueFilterValues) => setView((v) => ({ ...v, filters: next }));
  // My work is one officer's already: an officer filter left from the full list does not act on it, nor count, and
  // stays for the full list when the visible ones are cleared.
  const filters = mine ? mineFilters(view.filters) : view.filters;
  const activeFilters = Object.values(filters).filter((v) => v !== undefined).length + (view.q.trim() ? 1 : 0);
  const clearFilters = () =>
    setView((v) => ({ ...v, filters: mine && v.filters.assigneeId !== undefined ? { assigneeId: v.filters.assigneeId } : {}, q: '' }));

  const nextOrder = (o: QueueOrder, sort: QueueSort): QueueOrder =>
    o.sort === sort ? { sort, direction: o.direction === 'asc' ? 'desc' : 'asc' } : { sort, direction: DEFAULT_DIRECTION[sort] };
  const sortBy = (sort: QueueSort) => {
    if (mine) {
      const next = nextOrder(mineOrder, sort);
      setMineOrderState(next);
      saveMineOrder(next);
    } else {
      setView((v) => ({ ...v, ...nextOrder(v, sort) }));
    }
  };

  const refresh = () => {
    setRefreshTick((n) => n + 1);
    setCountsTick((n) => n + 1);
  };

  const byTab = counts.data?.byTab;
  const setMine = (next: boolean) => {
    if (!officer || next === mine) return;
    setMineState(next);
    saveMine(next);
  };
  const narrowed = query !== '' || hasFilters(filters);
  const nothingAtAll = !narrowed && view.tab === 'all';

  const sortHeader = (sort: QueueSort, label: string): ReactNode => {
    if (query !== '') {
      // The desk answers a search newest first whatever the sort (its name index is ordered that way): say so, and
      // keep the chosen sort for when the search is cleared.
      return (
        <div role="columnheader" aria-sort={sort === 'received' ? 'descending' : undefined} className="qsort-head" title={t('queue.sort.searching')}>
          <span className="qsort qsort-off">
            {label}
            {sort === 'received' && <SortIcon direction="desc" />}
          </span>
        </div>
      );
    }
    const current = order.sort === sort ? order.direction : null;
    const next = nextOrder(order, sort).direction;
    return (
      <div
        role="columnheader"
        aria-sort={current === null ? undefined : current === 'asc' ? 'ascending' : 'descending'}
        className="qsort-head"
      >
        <Tooltip
          title={
            <span>
              {current !== null && (
                <>
                  {t('queue.sort.now', { order: t(`queue.sort.${sort}.${current}`) })}
                  <br />
                </>
              )}
              {t('queue.sort.click', { order: t(`queue.sort.${sort}.${next}`) })}
            </span>
          }
          mouseEnterDelay={0.4}
        >
          <button type="button" className={`qsort${current ? ' active' : ''}`} onClick={() => sortBy(sort)}>
            {label}
            <SortIcon direction={current} />
          </button>
        </Tooltip>
      </div>
    );
  };

  const footText =
    list.loading && rows.length > 0
      ? t('queue.loadingMore')
      : next !== null
        ? t('queue.shownMore', { n: rows.length.toLocaleString('vi-VN') })
        : rows.length >= MAX_ROWS
          ? t('queue.capped', { n: rows.length.toLocaleString('vi-VN') })
          : t('queue.shown', { n: rows.length.toLocaleString('vi-VN') });

  const searchTip = t('queue.searchShortcut');

  return (
    <div className="queue-screen queue-radar">
      <div className="screen-head">
        <h1 className="page-title">{t('queue.title')}</h1>
        <div className="head-actions">
          <Button onClick={refresh}>{t('queue.refresh')}</Button>
          {canIntake && (
            <Button type="primary" onClick={() => navigate({ name: 'intake' })}>
              {t('queue.newDossier')} <kbd className="kbd-light">F2</kbd>
            </Button>
          )}
        </div>
      </div>

      {officer && (
        <div className="qscope">
          <Segmented
            aria-label={t('work.mine.toggleLabel')}
            value={mine ? 'mine' : 'all'}
            onChange={(v) => setMine(v === 'mine')}
            options={[
              { value: 'mine', label: t('work.mine.mine') },
              { value: 'all', label: t('work.mine.all') },
            ]}
          />
          {mine && <span className="muted">{t('work.mine.hint', { name: officer.fullName })}</span>}
        </div>
      )}
      {!mine && <QueueTabs value={view.tab} onChange={switchTab} counts={byTab} />}

      <div
        className="qpanel"
        role={mine ? 'region' : 'tabpanel'}
        id={PANEL_ID}
        aria-labelledby={mine ? undefined : tabId(view.tab)}
        aria-label={mine ? t('work.mine.mine') : undefined}
      >
        <div className="qtools">
          <Tooltip title={searchTip} mouseEnterDelay={0.6} placement="bottomLeft">
            <Input
              ref={(el) => {
                searchRef.current = el?.input ?? null;
              }}
              className="queue-search qsearch"
              type="search"
              allowClear
              value={view.q}
              onChange={(e) => {
                const q = e.target.value;
                setView((v) => ({ ...v, q }));
              }}
              onKeyDown={onSearchKey}
              placeholder={t('queue.searchPlaceholder')}
              aria-label={t('queue.searchLabel')}
              aria-keyshortcuts="/ Control+F"
              prefix={<SearchIcon className="qsearch-icon" />}
              suffix={
                // Always rendered: antd recreates the input (and drops focus) when a suffix comes and goes.
                <kbd className={`kbd-hint${view.q === '' ? '' : ' gone'}`} aria-hidden="true">
                  /
                </kbd>
              }
              autoFocus
            />
          </Tooltip>
          <QueueFilters
            value={view.filters}
            onChange={setFilters}
            onClear={clearFilters}
            active={activeFilters}
            procedures={procedures.data}
            officers={officers.data}
            officerFilter={!mine}
            staleDays={staleDays}
          />
        </div>

        {list.error && <Alert type="error" showIcon title={list.error} className="queue-error" role="alert" />}

        <div className="queue-table">
          <div
            ref={gridRef}
            className={`queue-grid qgrid${list.loaded ? '' : ' switching'}`}
            role="grid"
            aria-label={`${t('queue.listLabel')}: ${mine ? t('work.mine.mine') : t(`queue.tab.${view.tab}`)}`}
            aria-rowcount={next === null ? rows.length + 1 : -1}
            aria-activedescendant={selectedIndex >= 0 ? `queue-row-${selectedIndex}` : undefined}
            aria-busy={list.loading}
            tabIndex={0}
            onKeyDown={onGridKey}
            onPointerDown={() => {
              pointerDown.current = true;
            }}
            onPointerUp={() => {
              pointerDown.current = false;
            }}
            onFocus={() => {
              // Tabbing in selects the first row in sight; a click selects the row clicked (onMouseDown); a restored
              // selection stays (refs, not state: this runs inside the same tick as the restore).
              if (selectedId.current !== null || rows.length === 0 || pointerDown.current || restoring.current) return;
              const first = Math.min(rows.length - 1, Math.ceil((gridRef.current?.scrollTop ?? 0) / ROW_HEIGHT));
              setSelected(first);
              selectedId.current = rows[first]?.id ?? null;
            }}
          >
            <div role="rowgroup" className="queue-head">
              <div role="row" aria-rowindex={1} className="queue-row qrow">
                <div role="columnheader">{t('queue.col.code')}</div>
                <div role="columnheader">{t('queue.col.applicant')}</div>
                <div role="columnheader">{t('queue.col.procedure')}</div>
                <div role="columnheader">{t('queue.col.channel')}</div>
                {sortHeader('received', t('queue.col.received'))}
                {sortHeader('due', t('queue.col.due'))}
                <div role="columnheader" title={t('queue.time.workingHint')}>
                  {t('queue.col.remaining')}
                </div>
                <div role="columnheader">{t('queue.col.assignee')}</div>
              </div>
            </div>
            {rows.length > 0 && (
              <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
                {virtualRows.map((v) => {
                  const row = rows[v.index];
                  return row ? (
                    <QueueRowView
                      key={row.id}
                      row={row}
                      index={v.index}
                      selected={v.index === selectedIndex}
                      top={v.start - virtualizer.options.scrollMargin}
                      height={ROW_HEIGHT}
                      staleDays={staleDays}
                      onOpen={onRowOpen}
                      onPick={onRowPick}
                    />
                  ) : null;
                })}
              </div>
            )}
          </div>
          {rows.length === 0 && list.loaded && !list.loading && !list.error && (
            <div className="queue-empty">
              <p className="queue-empty-title">
                {mine && !narrowed
                  ? t('work.mine.empty')
                  : nothingAtAll
                  ? t('queue.empty')
                  : !narrowed
                    ? t('queue.emptyTab', { tab: t(`queue.tab.${view.tab}`) })
                    : view.tab !== 'all'
                      ? t('queue.noMatchInTab', { tab: t(`queue.tab.${view.tab}`) })
                      : t('queue.noMatch')}
              </p>
              {mine && !narrowed && <p>{t('work.mine.emptyHint')}</p>}
              {!mine && nothingAtAll && canIntake && <p>{t('queue.emptyHint')}</p>}
              {!nothingAtAll && !(mine && !narrowed) && (
                <p className="qempty-actions">
                  {!mine && view.tab !== 'all' && narrowed && <Button onClick={() => switchTab('all')}>{t('queue.searchAllTabs')}</Button>}
                  {narrowed && <Button onClick={clearFilters}>{t('queue.filter.clear')}</Button>}
                </p>
              )}
            </div>
          )}
        </div>
      </div>

      <div className="queue-foot" aria-live="polite">
        <span>{footText}</span>
        <span className="keys-hint">
          {mine ? t(canIntake ? 'work.mine.keysMine' : 'work.mine.keysMineNoIntake') : canIntake ? t('queue.keys') : t('work.mine.keysNoIntake')}
        </span>
      </div>
    </div>
  );
}
