/**
 * On time / early / late, as the province is scored (QĐ 766/QĐ-TTg; reference-data `dossier_statuses.on_time_rule`):
 * a dossier is on time when it is finished (NgayKetThucXuLy) no later than its due date (NgayHenTra); time spent
 * waiting for the citizen is not counted; more than one supplement request makes it late whatever the dates.
 *
 * How the waiting is excluded. The waiting intervals [start, end] are clipped to [clockStartedAt, finishedAt],
 * merged where they overlap, and measured in working minutes W with the caller's `workingMinutesBetween` (the
 * calendar: office hours, weekends, holidays). The due date is pushed by W working minutes: the effective due date
 * D' is the earliest instant t ≥ due with workingMinutesBetween(due, t) ≥ W (found by doubling then bisection to the
 * minute, so only a "minutes between" function is needed). Equivalently: the working time used, minus the waiting,
 * is at most the working time allowed.
 *
 *   late     finishedAt > D'                        (also: supplementRequests > 1)
 *   early    finishedAt ≤ D' and finished on an earlier Vietnamese calendar day than D'
 *   on time  otherwise (finished on D''s day, at or before D')
 *
 * With no waiting D' = due, so the rule is exactly "finished ≤ due". Which due date and intervals to pass:
 * - the due date written on the slip, or the single extended date (Mẫu 04) if the dossier was extended;
 * - the intervals the dossier waited for the citizen: status 5 (supplement at appraisal) and, if the procedure's
 *   rules exclude it, status 6 (financial obligation); an interval still open has `end: null` (= up to the finish);
 * - waiting before the clock started (a supplement at reception, before acceptance) does not push anything; pass
 *   `clockStartedAt` (the acceptance instant) and earlier waiting is ignored. If the desk re-bases the due date when
 *   an appraisal supplement comes back (NĐ 118 Đ19.5: "counted again from the start"), pass that re-based due date
 *   and the restart instant as `clockStartedAt`, so the earlier waiting is not counted twice.
 * Pure: the clock is a parameter, the calendar is a function.
 */
import { vnParts } from './vntime';

/** Working minutes from a to b (0 when b ≤ a), per the desk's calendar. */
export type WorkingMinutesBetween = (a: Date, b: Date) => number;

export interface WaitingInterval {
  start: Date;
  /** null while still waiting: counted up to the finish (or `now`). */
  end: Date | null;
}

export interface OnTimeInput {
  dueAt: Date;
  finishedAt: Date;
  waiting?: readonly WaitingInterval[];
  supplementRequests?: number;
  /** When the processing clock (last) started; waiting before it is ignored. */
  clockStartedAt?: Date;
}

export type OnTimeVerdict = 'early' | 'on_time' | 'late';

export interface OnTimeResult {
  verdict: OnTimeVerdict;
  /** The due date pushed by the waiting. */
  effectiveDueAt: Date;
  /** Working minutes of waiting excluded. */
  waitingMinutes: number;
  /** Working minutes past the effective due date (0 unless late by date). */
  lateMinutes: number;
  /** Why, in Vietnamese (for the report and the dossier's history). */
  reason: string;
}

const MINUTE = 60_000;
/** About 16 years in minutes: far beyond any due date; a calendar that never reaches W is a bug. */
const SEARCH_LIMIT_MINUTES = 2 ** 23;

/** Clips to [from, to], sorts and merges; open intervals end at `to`. */
export function mergeWaiting(waiting: readonly WaitingInterval[], to: Date, from?: Date): Array<{ start: Date; end: Date }> {
  const lo = from?.getTime() ?? -Infinity;
  const hi = to.getTime();
  const spans = waiting
    .map((w) => [Math.max(w.start.getTime(), lo), Math.min((w.end ?? to).getTime(), hi)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

/** Working minutes of waiting, clipped and merged as above. */
export function waitingMinutes(
  waiting: readonly WaitingInterval[],
  to: Date,
  workingMinutesBetween: WorkingMinutesBetween,
  from?: Date,
): number {
  return mergeWaiting(waiting, to, from).reduce((sum, w) => sum + workingMinutesBetween(w.start, w.end), 0);
}

/** The earliest instant t ≥ dueAt with workingMinutesBetween(dueAt, t) ≥ minutes (to the minute). */
export function pushByWorkingMinutes(dueAt: Date, minutes: number, workingMinutesBetween: WorkingMinutesBetween): Date {
  if (minutes <= 0) return dueAt;
  const at = (m: number) => new Date(dueAt.getTime() + m * MINUTE);
  let hi = 1;
  while (workingMinutesBetween(dueAt, at(hi)) < minutes) {
    hi *= 2;
    if (hi > SEARCH_LIMIT_MINUTES) throw new RangeError('workingMinutesBetween never reaches the waiting time');
  }
  let lo = Math.floor(hi / 2); // wm(lo) < minutes (or lo = 0)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingMinutesBetween(dueAt, at(mid)) >= minutes) hi = mid;
    else lo = mid;
  }
  return at(hi);
}

const dayKey = (at: Date) => {
  const p = vnParts(at);
  return p.year * 10_000 + p.month * 100 + p.day;
};

/** Classifies a finished dossier. */
export function classifyOnTime(input: OnTimeInput, workingMinutesBetween: WorkingMinutesBetween): OnTimeResult {
  const { dueAt, finishedAt } = input;
  const waited = waitingMinutes(input.waiting ?? [], finishedAt, workingMinutesBetween, input.clockStartedAt);
  const effectiveDueAt = pushByWorkingMinutes(dueAt, waited, workingMinutesBetween);
  const lateByDate = finishedAt.getTime() > effectiveDueAt.getTime();
  const lateMinutes = lateByDate ? workingMinutesBetween(effectiveDueAt, finishedAt) : 0;
  const base = { effectiveDueAt, waitingMinutes: waited, lateMinutes };
  if ((input.supplementRequests ?? 0) > 1) {
    return {
      ...base,
      verdict: 'late',
      reason: `Hồ sơ bị yêu cầu bổ sung ${input.supplementRequests} lần (quá 01 lần): tính là trễ hạn`,
    };
  }
  if (lateByDate) return { ...base, verdict: 'late', reason: `Hoàn thành sau hạn trả kết quả (${lateMinutes} phút làm việc)` };
  if (dayKey(finishedAt) < dayKey(effectiveDueAt)) {
    return { ...base, verdict: 'early', reason: 'Hoàn thành trước ngày hẹn trả kết quả' };
  }
  return { ...base, verdict: 'on_time', reason: 'Hoàn thành đúng hạn' };
}

export interface DeadlineInput {
  dueAt: Date;
  now: Date;
  waiting?: readonly WaitingInterval[];
  clockStartedAt?: Date;
}

export interface DeadlineState {
  overdue: boolean;
  effectiveDueAt: Date;
  /** Working minutes left until the effective due date (0 when overdue). */
  remainingMinutes: number;
}

/** "Trễ hạn" for a dossier still open: computed, not a status. An open waiting interval runs up to `now`. */
export function deadlineState(input: DeadlineInput, workingMinutesBetween: WorkingMinutesBetween): DeadlineState {
  const waited = waitingMinutes(input.waiting ?? [], input.now, workingMinutesBetween, input.clockStartedAt);
  const effectiveDueAt = pushByWorkingMinutes(input.dueAt, waited, workingMinutesBetween);
  const overdue = input.now.getTime() > effectiveDueAt.getTime();
  return { overdue, effectiveDueAt, remainingMinutes: overdue ? 0 : workingMinutesBetween(input.now, effectiveDueAt) };
}
