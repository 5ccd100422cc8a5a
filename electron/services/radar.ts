import type { MethodOutput, ParsedInput, QueueFlag, QueueRow, QueueTab } from '../contract';
import { DeskError, QUEUE_TABS } from '../contract';
import {
  forwardingDeadline,
  onlineAcceptanceDeadline,
  vnDayKey,
  workingMinutesBetween,
  workingTimeAfter,
  workingTimeBefore,
  type WorkCalendar,
} from '../core/calendar';
import { decodeCursor, encodeCursor, planSearch, type PageOrder } from '../core/search-plan';
import { parseDayKey, DAY_MS, fromLocalMs } from '../core/calendar/days';
import type { ProceduresRepo } from '../db/procedures-repo';
import { pageKey, RUNNING_STATUSES, STALE_STATUSES, type QueueRepo, type RadarDbRow, type RadarFilter } from '../db/queue-repo';
import { toQueueRow } from './mappers';

const ONLINE_LIMIT_MS = 8 * 3_600_000;
/** How far back the hand-over threshold is first looked for; it widens should a calendar ever need more. */
const FORWARD_SEARCH_MS = 60 * DAY_MS;

/**
 * forwardLate's threshold: a dossier accepted before the returned instant has missed its hand-over deadline
 * (forwardingDeadline, NĐ 118/2025 Đ18.2) at `now`, one accepted at or after it has not. forwardingDeadline is
 * monotone non-decreasing in the acceptance instant, so the late acceptances are exactly those before one instant;
 * a binary search on milliseconds finds it exactly (about 33 evaluations over 60 days), whatever the office hours,
 * cutoff, holidays and make-up working days. Invariant: `lo` is late, `hi` is not (a deadline is never before its
 * acceptance, so `now` itself is not late).
 */
export function forwardLateThreshold(cal: WorkCalendar, now: Date): number {
  const at = now.getTime();
  const late = (t: number) => forwardingDeadline(cal, new Date(t)).getTime() < at;
  let hi = at;
  let lo = at - FORWARD_SEARCH_MS;
  for (let span = FORWARD_SEARCH_MS; !late(lo); ) {
    // Nothing in the window is late (only a calendar with two months off could do that): look further back, and
    // past a few years flag nothing rather than guess.
    if (span > 16 * FORWARD_SEARCH_MS) return Number.MIN_SAFE_INTEGER;
    hi = lo;
    span *= 2;
    lo = at - span;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (late(mid)) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Start of a Vietnamese calendar day (yyyy-mm-dd) as epoch ms; the day after when `next`. A day that does not exist
 * (2026-02-30) is refused: dropping the bound silently would list every dossier as if it were in the period.
 */
function dayStart(field: 'from' | 'to', key: string, next = false): number {
  const day = parseDayKey(key);
  if (day === undefined) {
    const message = `Ngày ${key} không có trên lịch`;
    throw new DeskError('VALIDATION', message, [{ path: field, message }]);
  }
  return fromLocalMs((day + (next ? 1 : 0)) * DAY_MS).getTime();
}

/**
 * The queue radar: work-state tabs, filters, flags and the working time left, over the queue repository.
 * Thresholds (one working day ahead, eight working hours back, N working days back, the first acceptance whose
 * hand-over deadline has not passed) are computed once per call from the calendar, so the database filters on plain
 * instants and walks its indexes.
 */
export function radarService(deps: {
  queue: QueueRepo;
  procedures: ProceduresRepo;
  calendar: () => WorkCalendar;
  clock: () => Date;
  staleDays: () => number;
}) {
  const thresholds = (cal: WorkCalendar, now: Date) => ({
    dueSoonBefore: workingTimeAfter(cal, now, cal.dayMs).getTime(),
    onlineLateBefore: workingTimeBefore(cal, now, ONLINE_LIMIT_MS).getTime(),
    staleBefore: workingTimeBefore(cal, now, deps.staleDays() * cal.dayMs).getTime(),
    forwardAcceptedBefore: forwardLateThreshold(cal, now),
  });

  /** Row flags and time left, from the same thresholds the filters use. */
  const decorate = (r: RadarDbRow, cal: WorkCalendar, now: Date, t: ReturnType<typeof thresholds>): QueueRow => {
    const flags: QueueFlag[] = [];
    const running = (RUNNING_STATUSES as readonly number[]).includes(r.status);
    const online = r.status === 1 && r.channel === 2;
    let remaining: number | null = null;
    let acceptanceDeadline: string | null = null;
    if (online) {
      const deadline = onlineAcceptanceDeadline(cal, new Date(r.receivedAt));
      acceptanceDeadline = deadline.toISOString();
      remaining = signedWorkingMinutes(cal, now, deadline);
      if (r.receivedAt < t.onlineLateBefore) flags.push('acceptanceLate');
    } else if (running && r.dueAt !== null) {
      remaining = signedWorkingMinutes(cal, now, new Date(r.dueAt));
      if (r.dueAt < now.getTime()) flags.push('overdue');
      else if (r.dueAt < t.dueSoonBefore) flags.push('dueSoon');
    }
    // A paper dossier accepted and still at the desk past its hand-over deadline (queue-repo AWAITING_HAND_OVER).
    if (r.awaitingHandOver && r.acceptedAt !== null && r.acceptedAt < t.forwardAcceptedBefore) flags.push('forwardLate');
    if ((STALE_STATUSES as readonly number[]).includes(r.status) && r.updatedAt < t.staleBefore) flags.push('stale');
    return toQueueRow(r, { flags, remainingWorkingMinutes: remaining, acceptanceDeadline });
  };

  const filterOf = (input: ParsedInput<'listQueue'>, t: ReturnType<typeof thresholds>, now: number): RadarFilter => {
    const tab = input.tab && input.tab !== 'all' ? (input.tab as Exclude<QueueTab, 'all'>) : null;
    let procedureIds: string[] | null = input.procedureId ? [input.procedureId] : null;
    if (input.field) {
      const inField = deps.procedures
        .list()
        .filter((p) => p.field === input.field)
        .map((p) => p.id);
      procedureIds = procedureIds ? procedureIds.filter((id) => inField.includes(id)) : inField;
    }
    const flag = input.flag;
    return {
      tab,
      status: input.status ?? null,
      procedureIds,
      channel: input.channel ?? null,
      assigneeId: input.assigneeId ?? null,
      receivedFrom: input.from ? dayStart('from', input.from) : null,
      receivedBefore: input.to ? dayStart('to', input.to, true) : null,
      runningOnly: flag === 'overdue' || flag === 'dueSoon',
      dueBefore: flag === 'overdue' ? now : flag === 'dueSoon' ? t.dueSoonBefore : null,
      dueFrom: flag === 'dueSoon' ? now : null,
      onlineReceivedBefore: flag === 'acceptanceLate' ? t.onlineLateBefore : null,
      staleBefore: flag === 'stale' ? t.staleBefore : null,
      forwardAcceptedBefore: flag === 'forwardLate' ? t.forwardAcceptedBefore : null,
      openOnly: input.open === true,
    };
  };

  return {
    listQueue(input: ParsedInput<'listQueue'>): MethodOutput<'listQueue'> {
      const now = deps.clock();
      const cal = deps.calendar();
      const t = thresholds(cal, now);
      const filter = filterOf(input, t, now.getTime());
      const plan = planSearch(input.q ?? '');
      const order: PageOrder = {
        sort: input.sort,
        direction: input.direction ?? (input.sort === 'due' ? 'asc' : 'desc'),
      };
      let rows: RadarDbRow[];
      if (plan.kind === 'none') rows = [];
      else if (plan.kind === 'page') rows = deps.queue.page(filter, order, decodeCursor(input.cursor, 'page', order), input.limit);
      else rows = deps.queue.search(plan, filter, decodeCursor(input.cursor, plan.kind)?.id ?? null, input.limit);
      const last = rows[rows.length - 1];
      // The cursor carries the key the page was ordered by (the reception time for an online tab sorted by due date).
      const key = (r: RadarDbRow) => (pageKey(filter, order).col === 'd.due_at' ? r.dueAt : r.receivedAt);
      return {
        items: rows.map((r) => decorate(r, cal, now, t)),
        nextCursor:
          rows.length === input.limit && last ? encodeCursor(plan.kind, { key: key(last), id: last.id }, order) : null,
      };
    },

    queueCounts(): MethodOutput<'queueCounts'> {
      const byTab = Object.fromEntries(QUEUE_TABS.map((tab) => [tab, 0])) as Record<QueueTab, number>;
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const { tab, status, n } of deps.queue.counts()) {
        if (n === 0) continue;
        byTab[tab as QueueTab] = (byTab[tab as QueueTab] ?? 0) + n;
        byStatus[String(status)] = (byStatus[String(status)] ?? 0) + n;
        total += n;
      }
      byTab.all = total;
      return { total, byStatus, byTab };
    },

    /** Today's Vietnamese day key, for the period filter's defaults. */
    today: () => vnDayKey(deps.clock()),
  };
}

/** Working minutes from `now` to `to`, negative when `to` has passed. */
function signedWorkingMinutes(cal: WorkCalendar, now: Date, to: Date): number {
  return Math.round(
    to.getTime() >= now.getTime() ? workingMinutesBetween(cal, now, to) : -workingMinutesBetween(cal, to, now),
  );
}
