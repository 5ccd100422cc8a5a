import type { QueueTab } from '../contract/counter';
import type { KeysetPosition, PageOrder, SearchPlan } from '../core/search-plan';
import type { Db } from './connection';

/** A queue row as stored: instants as epoch milliseconds. */
export interface QueueDbRow {
  id: number;
  code: string;
  status: number;
  channel: number;
  applicantName: string;
  idNumber: string;
  phone: string;
  procedureId: string;
  procedureName: string;
  field: string;
  receivedAt: number;
  dueAt: number | null;
  updatedAt: number;
  assigneeName: string | null;
}

/** A radar row: a queue row with what the hand-over flag (forwardLate) needs. */
export interface RadarDbRow extends QueueDbRow {
  acceptedAt: number | null;
  /** 1 when the dossier is accepted (2), on paper, at the desk and has never been forwarded (AWAITING_HAND_OVER). */
  awaitingHandOver: 0 | 1;
}

/** Statuses whose due date runs (the clock pauses while waiting for the citizen, 5 and 6 excluded). */
export const RUNNING_STATUSES = [2, 4] as const;
/** Statuses in which a dossier without movement is "treo" (the citizen is not the one to move). */
export const STALE_STATUSES = [1, 2, 4, 9] as const;
/**
 * Still someone's work ("Việc của tôi", the `open` filter): neither decided (9, 10) nor closed (3 refused, 8 stopped).
 * 5 and 6 wait for the citizen but come back to the processor; 7 is only a request to withdraw: the desk still has to
 * stop the dossier (Mẫu 05) or cancel the request, which gives it back to its holder with the same assignee
 * (core/lifecycle: not terminal). The same list, literally, is the WHERE of migration 006's partial indexes: SQLite uses
 * a partial index only when the query repeats its condition.
 */
export const OPEN_STATUSES = [1, 2, 4, 5, 6, 7] as const;
/** The work states open statuses fall in (migration 003's work_tab: 7, a withdrawal request, is under "closed"). */
const OPEN_TABS: readonly string[] = ['online', 'new', 'inProgress', 'supplement', 'closed'];

/**
 * A paper dossier accepted at the desk and waiting for its first hand-over to the competent officer (NĐ 118/2025
 * Đ18.2). Paper channels only: 1 (at the counter) and 3 (by post) are handed over as paper; a dossier submitted
 * online (2) reaches the specialist electronically on the portal and has no hand-over deadline. "Never forwarded":
 * no 'forward' event at all, as the desk reads it (only the first hand-over carries the deadline; one returned to the
 * desk after a forward is not waiting for it). Without a forward the holder is always the desk; checked anyway.
 */
const AWAITING_HAND_OVER = `d.status = 2 AND d.channel IN (1, 3) AND d.holder = 'desk'`;
const NEVER_FORWARDED = `NOT EXISTS (SELECT 1 FROM events e WHERE e.dossier_id = d.id AND e.action = 'forward')`;
/** The same rule for one dossier already read with its events (the dossier screen's hand-over deadline). */
export const awaitsHandOver = (d: { status: number; channel: number; holder: string }, events: readonly { action: string }[]): boolean =>
  d.status === 2 && (d.channel === 1 || d.channel === 3) && d.holder === 'desk' && !events.some((e) => e.action === 'forward');

/** What the service resolved the radar's filters to: ids, epoch bounds and thresholds from the calendar. */
export interface RadarFilter {
  tab: Exclude<QueueTab, 'all'> | null;
  status: number | null;
  procedureIds: readonly string[] | null;
  channel: number | null;
  assigneeId: number | null;
  receivedFrom: number | null;
  receivedBefore: number | null;
  /** Flag filters, already turned into instants. */
  dueBefore: number | null;
  dueFrom: number | null;
  runningOnly: boolean;
  onlineReceivedBefore: number | null;
  staleBefore: number | null;
  /** forwardLate: accepted before this instant and still waiting for the hand-over (AWAITING_HAND_OVER). */
  forwardAcceptedBefore: number | null;
  /** Only OPEN_STATUSES. */
  openOnly: boolean;
}

const COLUMNS = `d.id, d.code, d.status, d.channel, d.applicant_name AS applicantName, d.id_number AS idNumber,
  d.phone, d.procedure_id AS procedureId, p.name AS procedureName, p.field, d.received_at AS receivedAt,
  d.due_at AS dueAt, d.updated_at AS updatedAt, o.full_name AS assigneeName, d.accepted_at AS acceptedAt,
  CASE WHEN ${AWAITING_HAND_OVER} THEN ${NEVER_FORWARDED} ELSE 0 END AS awaitingHandOver`;
const JOINS = `JOIN procedures p ON p.id = d.procedure_id LEFT JOIN officers o ON o.id = d.assignee_id`;
const FROM = `dossiers d ${JOINS}`;

type Param = string | number;

/** The work states whose statuses a flag filter can match (see RUNNING_STATUSES, STALE_STATUSES). */
const ALL_TABS = ['online', 'new', 'inProgress', 'supplement', 'ready', 'returned', 'closed'] as const;
function TABS_FOR_FLAG_FILTER(f: RadarFilter): readonly string[] {
  if (f.runningOnly) return ['new', 'inProgress'];
  if (f.onlineReceivedBefore !== null) return ['online'];
  if (f.forwardAcceptedBefore !== null) return ['new'];
  if (f.staleBefore !== null) return ['online', 'new', 'inProgress', 'ready'];
  return ALL_TABS;
}

/**
 * A flag no dossier of the tab can carry (overdue among the returned), open work in a tab of decided dossiers, or a
 * field with no procedure: nothing to walk an index for (the WHERE gets a constant 0).
 */
function cannotMatch(f: RadarFilter): boolean {
  if (f.procedureIds !== null && f.procedureIds.length === 0) return true;
  return f.tab !== null && (!TABS_FOR_FLAG_FILTER(f).includes(f.tab) || (f.openOnly && !OPEN_TABS.includes(f.tab)));
}

/** WHERE fragments for the filters (each filter adds one AND). */
function filterSql(f: RadarFilter, params: Param[]): string[] {
  const where: string[] = [];
  const add = (sql: string, ...values: Param[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (cannotMatch(f)) where.push('0');
  if (f.tab !== null) add('d.work_tab = ?', f.tab);
  if (f.status !== null) add('d.status = ?', f.status);
  if (f.procedureIds?.length) add(`d.procedure_id IN (${f.procedureIds.map(() => '?').join(', ')})`, ...f.procedureIds);
  if (f.channel !== null) add('d.channel = ?', f.channel);
  if (f.assigneeId !== null) add('d.assignee_id = ?', f.assigneeId);
  if (f.receivedFrom !== null) add('d.received_at >= ?', f.receivedFrom);
  if (f.receivedBefore !== null) add('d.received_at < ?', f.receivedBefore);
  if (f.runningOnly) where.push(`d.status IN (${RUNNING_STATUSES.join(', ')})`);
  if (f.dueBefore !== null) add('d.due_at < ?', f.dueBefore);
  if (f.dueFrom !== null) add('d.due_at >= ?', f.dueFrom);
  if (f.onlineReceivedBefore !== null) add('d.status = 1 AND d.channel = 2 AND d.received_at < ?', f.onlineReceivedBefore);
  if (f.staleBefore !== null) add(`d.status IN (${STALE_STATUSES.join(', ')}) AND d.updated_at < ?`, f.staleBefore);
  if (f.forwardAcceptedBefore !== null) add(`${AWAITING_HAND_OVER} AND d.accepted_at < ? AND ${NEVER_FORWARDED}`, f.forwardAcceptedBefore);
  if (f.openOnly) where.push(`d.status IN (${OPEN_STATUSES.join(', ')})`);
  return where;
}

/**
 * Only online dossiers waiting for acceptance can match (the online tab, or the acceptanceLate flag). They have no due
 * date yet: the deadline they are held to, and that the radar shows in the due column, is the acceptance limit, eight
 * working hours after reception (calendar onlineAcceptanceDeadline). That limit never decreases as reception moves
 * later, so the reception order is an order by acceptance limit, and it walks the tab's reception index.
 */
const awaitingAcceptanceOnly = (f: RadarFilter): boolean => f.tab === 'online' || f.onlineReceivedBefore !== null;

/** The column a plain page is ordered by (always followed by d.id), and whether it can be NULL. */
export function pageKey(f: RadarFilter, order: PageOrder): { col: 'd.received_at' | 'd.due_at'; nullable: boolean } {
  if (order.sort === 'received' || awaitingAcceptanceOnly(f)) return { col: 'd.received_at', nullable: false };
  return { col: 'd.due_at', nullable: true };
}

/**
 * The index a plain page names (INDEXED BY) for the shapes the planner gets wrong at 1,000,000 rows (migrations 006,
 * 007); every other page is left to the planner. Named only when the query holds the terms the index needs (SQLite
 * refuses a query it cannot answer with the named index): the officer's equality, OPEN_STATUSES and STALE_STATUSES
 * as filterSql writes them.
 * - An officer's dossiers without a mark filter: left alone, SQLite walks all of the officer's rows (or the whole
 *   work state) and checks each, or takes an index in the wrong order and sorts. A mark filter keeps the planner's
 *   choice: its own partial indexes (running, stale) are smaller than an officer's years of dossiers.
 * - The stale mark over all work states, newest first: left alone, it reads each status's range and sorts them all.
 */
export function namedIndex(f: RadarFilter, key: ReturnType<typeof pageKey>['col']): string | null {
  const by = key === 'd.received_at' ? 'received' : 'due';
  // A constant 0 in the WHERE leaves SQLite no loop to run on the named index: it would refuse the query.
  if (cannotMatch(f)) return null;
  const marked =
    f.runningOnly || f.dueBefore !== null || f.dueFrom !== null || f.onlineReceivedBefore !== null || f.staleBefore !== null || f.forwardAcceptedBefore !== null;
  if (f.assigneeId !== null && !marked) {
    if (f.tab !== null) return `dossiers_assignee_tab_${by}`;
    return f.openOnly ? `dossiers_open_assignee_${by}` : `dossiers_assignee_${by}`;
  }
  if (f.staleBefore !== null && f.tab === null && f.assigneeId === null && by === 'received') return 'dossiers_stale_received';
  return null;
}

/**
 * The queue radar's reads. Plain pages walk an index in order with a keyset (never OFFSET): by work state and
 * reception time or due date. Searches go to the folded FTS index or index ranges (core/search-plan), newest first.
 * Statements are prepared once per distinct shape.
 */
export function queueRepo(db: Db) {
  const statements = new Map<string, { all: (...params: Param[]) => unknown[] }>();
  const run = (sql: string, params: Param[]): RadarDbRow[] => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<Param[], RadarDbRow>(sql);
      statements.set(sql, stmt);
    }
    return stmt.all(...params) as RadarDbRow[];
  };
  const counts = db.prepare<[], { tab: string; status: number; n: number }>(`SELECT tab, status, n FROM dossier_counts`);

  return {
    /**
     * One page in (key, id) order, the key being the reception time or the due date (pageKey). Dossiers without a due
     * date (not accepted yet) come last in either direction, in id order: as two index ranges, the dated rows from the
     * cursor on, then, if the page is not full, the undated ones. A cursor on an undated row (key null) continues in
     * the second range only.
     */
    page(f: RadarFilter, order: PageOrder, after: KeysetPosition | null, limit: number): RadarDbRow[] {
      const { col, nullable } = pageKey(f, order);
      const desc = order.direction === 'desc';
      const dir = desc ? 'DESC' : 'ASC';
      const cmp = desc ? '<' : '>';
      const index = namedIndex(f, col);
      const from = index ? `dossiers d INDEXED BY ${index} ${JOINS}` : FROM;
      const select = (extra: string[], extraParams: Param[], orderBy: string, n: number): RadarDbRow[] => {
        const params: Param[] = [];
        const where = [...filterSql(f, params), ...extra];
        return run(
          `SELECT ${COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ?`,
          [...params, ...extraParams, n],
        );
      };
      if (!nullable) {
        // A null key belongs to no row of a NOT NULL column: a foreign cursor, which restarts from the top.
        const seek = after && after.key !== null ? after : null;
        // A plain row-value comparison lets the index seek to the cursor instead of walking from its top.
        return select(seek ? [`(${col}, d.id) ${cmp} (?, ?)`] : [], seek ? [seek.key!, seek.id] : [], `${col} ${dir}, d.id ${dir}`, limit);
      }
      let rows: RadarDbRow[] = [];
      if (!after || after.key !== null) {
        const seek = after ? [`(${col}, d.id) ${cmp} (?, ?)`] : [];
        rows = select([`${col} IS NOT NULL`, ...seek], after ? [after.key!, after.id] : [], `${col} ${dir}, d.id ${dir}`, limit);
        if (rows.length === limit) return rows;
      }
      const seek = after && after.key === null ? [`d.id ${cmp} ?`] : [];
      const undated = select([`${col} IS NULL`, ...seek], after && after.key === null ? [after.id] : [], `d.id ${dir}`, limit - rows.length);
      return rows.length ? [...rows, ...undated] : undated;
    },

    search(plan: Exclude<SearchPlan, { kind: 'page' } | { kind: 'none' }>, f: RadarFilter, afterId: number | null, limit: number): RadarDbRow[] {
      const params: Param[] = [];
      let from = FROM;
      let match: string;
      if (plan.kind === 'name') {
        from = `dossier_fts f JOIN dossiers d ON d.id = f.rowid ${JOINS}`;
        match = 'dossier_fts MATCH ?';
        params.push(plan.match);
      } else if (plan.kind === 'code') {
        match = 'd.code >= ? AND d.code < ?';
        params.push(plan.prefix, plan.prefix + '\uffff');
      } else {
        match = `d.id IN (SELECT id FROM dossiers WHERE id_number >= ? AND id_number < ?
                          UNION SELECT id FROM dossiers WHERE phone >= ? AND phone < ?)`;
        params.push(plan.prefix, plan.prefix + ':', plan.prefix, plan.prefix + ':');
      }
      const where = [match, ...filterSql(f, params)];
      if (afterId !== null) {
        where.push('d.id < ?');
        params.push(afterId);
      }
      const order = plan.kind === 'name' ? 'f.rowid DESC' : 'd.id DESC';
      return run(`SELECT ${COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`, [...params, limit]);
    },

    /** Per work state and status, kept by triggers (migration 003): constant time at any size. */
    counts: (): Array<{ tab: string; status: number; n: number }> => counts.all(),
  };
}

export type QueueRepo = ReturnType<typeof queueRepo>;
