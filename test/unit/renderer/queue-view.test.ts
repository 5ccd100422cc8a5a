import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MINE_ORDER,
  DEFAULT_VIEW,
  mineFilters,
  mineQuery,
  parseOrder,
  parsePlace,
  parseView,
  loadView,
  saveView,
  toQuery,
  type QueueView,
} from '../../../renderer/src/components/queue/view';
import { setSession } from '../../../renderer/src/api/session';

/**
 * The queue's saved view (localStorage 'desk.queue.view'): whatever an older build stored, or someone edited by hand,
 * comes back as a view the screen can use, field by field; and the listQueue inputs built from it.
 */
const FULL: QueueView = {
  tab: 'inProgress',
  filters: { procedureId: 'xac-nhan-tthn', field: 'Hộ tịch', channel: 2, assigneeId: 7, from: '2026-11-01', to: '2026-11-30', flag: 'dueSoon' },
  sort: 'due',
  direction: 'desc',
  q: 'nguyen van',
};

describe('parseView', () => {
  it('gives the default view for anything that is not an object', () => {
    for (const raw of [undefined, null, 0, 'all', true, [], [FULL]]) expect(parseView(raw), JSON.stringify(raw)).toEqual(DEFAULT_VIEW);
    expect(DEFAULT_VIEW).toEqual({ tab: 'all', filters: {}, sort: 'received', direction: 'desc', q: '' });
  });

  it('keeps a well-formed view as it was stored, through JSON', () => {
    expect(parseView(JSON.parse(JSON.stringify(FULL)))).toEqual(FULL);
    expect(parseView({})).toEqual(DEFAULT_VIEW);
  });

  it('drops each bad filter on its own and keeps the good ones', () => {
    const view = parseView({
      ...FULL,
      filters: { ...FULL.filters, channel: 4, assigneeId: 0, from: '01/11/2026', flag: 'urgent' },
    });
    expect(view.filters).toEqual({ procedureId: 'xac-nhan-tthn', field: 'Hộ tịch', to: '2026-11-30' });
    expect(view).toMatchObject({ tab: 'inProgress', sort: 'due', direction: 'desc', q: 'nguyen van' });
  });

  it('checks every filter field: type, range, format and length', () => {
    const filtersOf = (filters: unknown) => parseView({ filters }).filters;
    expect(filtersOf('channel=1')).toEqual({});
    expect(filtersOf([1, 2])).toEqual({});
    expect(filtersOf({ procedureId: '' })).toEqual({});
    expect(filtersOf({ procedureId: 'x'.repeat(81) })).toEqual({});
    expect(filtersOf({ procedureId: 'x'.repeat(80) })).toEqual({ procedureId: 'x'.repeat(80) });
    expect(filtersOf({ procedureId: 42 })).toEqual({});
    expect(filtersOf({ field: 'y'.repeat(201) })).toEqual({});
    expect(filtersOf({ field: 'y'.repeat(200) })).toEqual({ field: 'y'.repeat(200) });
    for (const channel of [0, 4, '1', 1.5, null]) expect(filtersOf({ channel }), String(channel)).toEqual({});
    for (const channel of [1, 2, 3] as const) expect(filtersOf({ channel })).toEqual({ channel });
    for (const assigneeId of [0, -3, 2.5, '7', Number.NaN, Number.POSITIVE_INFINITY]) expect(filtersOf({ assigneeId }), String(assigneeId)).toEqual({});
    expect(filtersOf({ assigneeId: 12 })).toEqual({ assigneeId: 12 });
    for (const day of ['2026-1-05', '05/01/2026', '2026-01-05T00:00', 20260105, '']) {
      expect(filtersOf({ from: day, to: day }), String(day)).toEqual({});
    }
    expect(filtersOf({ from: '2026-01-05', to: '2026-02-28' })).toEqual({ from: '2026-01-05', to: '2026-02-28' });
    for (const flag of ['overdue', 'dueSoon', 'acceptanceLate', 'forwardLate', 'stale'] as const) expect(filtersOf({ flag })).toEqual({ flag });
    for (const flag of ['OVERDUE', 'late', 3]) expect(filtersOf({ flag })).toEqual({});
    // Keys the screen does not know are not carried along.
    expect(filtersOf({ status: 4, open: true, channel: 1 })).toEqual({ channel: 1 });
  });

  it('falls back tab by tab, sort by sort: an unknown tab is "all", a known sort keeps its own default direction', () => {
    expect(parseView({ tab: 'archive' }).tab).toBe('all');
    expect(parseView({ tab: 'ALL' }).tab).toBe('all');
    for (const tab of ['online', 'new', 'inProgress', 'supplement', 'ready', 'returned', 'closed', 'all'] as const) expect(parseView({ tab }).tab).toBe(tab);
    expect(parseView({ sort: 'due' })).toMatchObject({ sort: 'due', direction: 'asc' });
    expect(parseView({ sort: 'due', direction: 'sideways' })).toMatchObject({ sort: 'due', direction: 'asc' });
    expect(parseView({ sort: 'received', direction: 'asc' })).toMatchObject({ sort: 'received', direction: 'asc' });
    expect(parseView({ sort: 'received' })).toMatchObject({ sort: 'received', direction: 'desc' });
    // Without a known sort the direction alone means nothing.
    expect(parseView({ sort: 'name', direction: 'asc' })).toMatchObject({ sort: 'received', direction: 'desc' });
    expect(parseView({ direction: 'asc' })).toMatchObject({ sort: 'received', direction: 'desc' });
  });

  it('keeps the search text if it is text, at most 100 characters', () => {
    expect(parseView({ q: 'khong' }).q).toBe('khong');
    expect(parseView({ q: 42 }).q).toBe('');
    expect(parseView({ q: null }).q).toBe('');
    expect(parseView({ q: 'a'.repeat(150) }).q).toBe('a'.repeat(100));
  });

  it('returns a fresh filters object (editing it does not change the default view)', () => {
    const view = parseView({ filters: {} });
    view.filters.channel = 1;
    expect(DEFAULT_VIEW.filters).toEqual({});
    expect(parseView(undefined).filters).toEqual({});
  });
});

describe('the other stored parts and the queries built from a view', () => {
  it('parseOrder and parsePlace', () => {
    expect(parseOrder(undefined, DEFAULT_MINE_ORDER)).toEqual({ sort: 'due', direction: 'asc' });
    expect(parseOrder({ sort: 'received' }, DEFAULT_MINE_ORDER)).toEqual({ sort: 'received', direction: 'desc' });
    expect(parseOrder({ sort: 'due', direction: 'desc' }, DEFAULT_MINE_ORDER)).toEqual({ sort: 'due', direction: 'desc' });
    expect(parsePlace({ scrollTop: 520, selectedId: 9 })).toEqual({ scrollTop: 520, selectedId: 9 });
    expect(parsePlace({ scrollTop: -5, selectedId: 1.5 })).toEqual({ scrollTop: 0, selectedId: null });
    expect(parsePlace('x')).toEqual({ scrollTop: 0, selectedId: null });
  });

  it('toQuery sends the view as listQueue input, without empty filters', () => {
    expect(toQuery(DEFAULT_VIEW, '', 100)).toEqual({ tab: 'all', sort: 'received', direction: 'desc', limit: 100 });
    expect(toQuery(FULL, 'nguyen van', 50)).toEqual({
      tab: 'inProgress', sort: 'due', direction: 'desc', limit: 50, q: 'nguyen van',
      procedureId: 'xac-nhan-tthn', field: 'Hộ tịch', channel: 2, assigneeId: 7, from: '2026-11-01', to: '2026-11-30', flag: 'dueSoon',
    });
  });

  it('"Việc của tôi" asks the desk for the officer\'s open work, every tab, in its own order', () => {
    const q = mineQuery(FULL, DEFAULT_MINE_ORDER, '', 100, 3);
    expect(q).toMatchObject({ tab: 'all', assigneeId: 3, open: true, sort: 'due', direction: 'asc', flag: 'dueSoon', channel: 2 });
    expect(mineFilters(FULL.filters)).not.toHaveProperty('assigneeId');
    expect(toQuery(FULL, '', 100)).not.toHaveProperty('open');
  });
});

describe('the saved view on a counter PC shared between officers', () => {
  const signedIn = (id: number) =>
    setSession({
      officer: { id, username: `can-bo-${id}`, fullName: 'Cán bộ', title: '', unit: '', fields: [], role: 'reception' },
      locked: false,
      lockMinutes: 15,
      mustChangePassword: false,
    });

  it('keeps each officer\'s own view: another officer signing in starts from the default, the first finds theirs', () => {
    signedIn(1);
    saveView(FULL);
    expect(loadView()).toEqual(FULL);
    signedIn(2);
    expect(loadView()).toEqual(DEFAULT_VIEW);
    saveView({ ...DEFAULT_VIEW, tab: 'online' });
    signedIn(1);
    expect(loadView()).toEqual(FULL);
    signedIn(2);
    expect(loadView().tab).toBe('online');
    setSession(null);
  });
});
