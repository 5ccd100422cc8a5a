import {
  QUEUE_FLAGS,
  QUEUE_SORTS,
  QUEUE_TABS,
  type QueueFlag,
  type QueueQuery,
  type QueueTab,
} from '../../../../electron/contract';
import { sessionPhase } from '../../api/session';

/**
 * What the queue radar shows: the work-state tab, the filters, the sort, the search text, and where the officer
 * was in the list. Remembered in localStorage so a reload, or coming back from a dossier, lands in the same place.
 */
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortDirection = 'asc' | 'desc';
export type Channel = 1 | 2 | 3;

export interface QueueFilterValues {
  procedureId?: string;
  field?: string;
  channel?: Channel;
  assigneeId?: number;
  /** yyyy-mm-dd, Vietnamese calendar day, inclusive. */
  from?: string;
  to?: string;
  flag?: QueueFlag;
}

export interface QueueView {
  tab: QueueTab;
  filters: QueueFilterValues;
  sort: QueueSort;
  direction: SortDirection;
  q: string;
}

export interface QueuePlace {
  /** Pixels from the top of the list. */
  scrollTop: number;
  /** The row the officer last selected or opened. */
  selectedId: number | null;
}

export interface QueueOrder {
  sort: QueueSort;
  direction: SortDirection;
}

export const VIEW_KEY = 'desk.queue.view';
export const PLACE_KEY = 'desk.queue.place';
/** "Việc của tôi" keeps its own order: the full list's sort is another question. */
export const MINE_ORDER_KEY = 'desk.queue.mineOrder';

/** Newest first by reception; most urgent first by due date (the contract's defaults, sent explicitly). */
export const DEFAULT_DIRECTION: Record<QueueSort, SortDirection> = { received: 'desc', due: 'asc' };

export const DEFAULT_VIEW: QueueView = { tab: 'all', filters: {}, sort: 'received', direction: 'desc', q: '' };
export const DEFAULT_PLACE: QueuePlace = { scrollTop: 0, selectedId: null };
/** One's own work: the nearest deadline first, until the officer sorts it otherwise. */
export const DEFAULT_MINE_ORDER: QueueOrder = { sort: 'due', direction: 'asc' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const shortText = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v !== '' && v.length <= max ? v : undefined;

/** Anything stored by an older build, or edited by hand, is checked field by field; what is wrong is dropped. */
export function parseView(raw: unknown): QueueView {
  if (!isObject(raw)) return DEFAULT_VIEW;
  const f = isObject(raw.filters) ? raw.filters : {};
  const filters: QueueFilterValues = {};
  const procedureId = shortText(f.procedureId, 80);
  if (procedureId) filters.procedureId = procedureId;
  const field = shortText(f.field, 200);
  if (field) filters.field = field;
  if (f.channel === 1 || f.channel === 2 || f.channel === 3) filters.channel = f.channel;
  if (typeof f.assigneeId === 'number' && Number.isInteger(f.assigneeId) && f.assigneeId > 0) filters.assigneeId = f.assigneeId;
  if (typeof f.from === 'string' && DAY.test(f.from)) filters.from = f.from;
  if (typeof f.to === 'string' && DAY.test(f.to)) filters.to = f.to;
  const flag = oneOf(QUEUE_FLAGS, f.flag);
  if (flag) filters.flag = flag;
  return {
    tab: oneOf(QUEUE_TABS, raw.tab) ?? DEFAULT_VIEW.tab,
    filters,
    ...parseOrder(raw, DEFAULT_VIEW),
    q: typeof raw.q === 'string' ? raw.q.slice(0, 100) : '',
  };
}

/** A stored sort and direction; the fallback's when there is no known sort, the sort's default direction if needed. */
export function parseOrder(raw: unknown, fallback: QueueOrder): QueueOrder {
  if (!isObject(raw)) return { sort: fallback.sort, direction: fallback.direction };
  const sort = oneOf(QUEUE_SORTS, raw.sort);
  if (!sort) return { sort: fallback.sort, direction: fallback.direction };
  return { sort, direction: oneOf(['asc', 'desc'] as const, raw.direction) ?? DEFAULT_DIRECTION[sort] };
}

export function parsePlace(raw: unknown): QueuePlace {
  if (!isObject(raw)) return DEFAULT_PLACE;
  const scrollTop = typeof raw.scrollTop === 'number' && Number.isFinite(raw.scrollTop) && raw.scrollTop > 0 ? raw.scrollTop : 0;
  const selectedId = typeof raw.selectedId === 'number' && Number.isInteger(raw.selectedId) ? raw.selectedId : null;
  return { scrollTop, selectedId };
}

/** Storage can be unavailable (private mode, quota): then the view lasts as long as the window. */
const memory = new Map<string, string>();

/**
 * Each officer keeps their own view on a counter PC shared between shifts: the keys carry the signed-in officer's id
 * (`desk.queue.view.7`).
 */
function scoped(key: string): string {
  const p = sessionPhase();
  return p.kind === 'open' ? `${key}.${p.view.officer.id}` : key;
}

function read(name: string): unknown {
  const key = scoped(name);
  let text: string | null | undefined;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    text = memory.get(key);
  }
  if (text === null || text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function write(name: string, value: unknown): void {
  const key = scoped(name);
  const text = JSON.stringify(value);
  memory.set(key, text);
  try {
    window.localStorage.setItem(key, text);
  } catch {
    // kept in memory for this window
  }
}

export const loadView = (): QueueView => parseView(read(VIEW_KEY));
export const saveView = (view: QueueView): void => write(VIEW_KEY, view);
export const loadPlace = (): QueuePlace => parsePlace(read(PLACE_KEY));
export const savePlace = (place: QueuePlace): void => write(PLACE_KEY, place);
export const loadMineOrder = (): QueueOrder => parseOrder(read(MINE_ORDER_KEY), DEFAULT_MINE_ORDER);
export const saveMineOrder = (order: QueueOrder): void => write(MINE_ORDER_KEY, order);

export const hasFilters = (f: QueueFilterValues): boolean => Object.values(f).some((v) => v !== undefined);

/** The listQueue input for a view (without the cursor). `q` is the debounced, trimmed search text. */
export function toQuery(view: QueueView, q: string, limit: number): QueueQuery {
  const input: QueueQuery = { tab: view.tab, sort: view.sort, direction: view.direction, limit };
  const f = view.filters;
  if (q !== '') input.q = q;
  if (f.procedureId) input.procedureId = f.procedureId;
  if (f.field) input.field = f.field;
  if (f.channel) input.channel = f.channel;
  if (f.assigneeId) input.assigneeId = f.assigneeId;
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.flag) input.flag = f.flag;
  return input;
}

/**
 * "Việc của tôi": the dossiers assigned to one officer that are still to be done (the desk's `open` filter: neither
 * decided nor closed), all work states, in the view's own order (most urgent first unless the officer sorted
 * otherwise); the other filters and the search still apply, an officer filter does not. The desk leaves the finished
 * ones out, so a page is a page of live work whatever the officer has finished before.
 */
export function mineQuery(view: QueueView, order: QueueOrder, q: string, limit: number, officerId: number): QueueQuery {
  const input = toQuery({ ...view, ...order, tab: 'all' }, q, limit);
  input.assigneeId = officerId;
  input.open = true;
  return input;
}

/** The filters that act on "Việc của tôi": all but the officer's (the view is already one officer's). */
export function mineFilters(filters: QueueFilterValues): QueueFilterValues {
  const rest = { ...filters };
  delete rest.assigneeId;
  return rest;
}

/** Scoped like every key here: stored as `desk.queue.mine.<officer id>`. */
const MINE_KEY = 'desk.queue.mine';

/** Whether the officer last looked at their own work; a specialist starts there. */
export function loadMine(role: string): boolean {
  const stored = read(MINE_KEY);
  return typeof stored === 'boolean' ? stored : role === 'specialist';
}

export const saveMine = (mine: boolean): void => write(MINE_KEY, mine);
