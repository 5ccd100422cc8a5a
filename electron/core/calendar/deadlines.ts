/**
 * Time limits of NĐ 118/2025/NĐ-CP on the working-time calendar. Every function takes the instant it starts from;
 * nothing reads the clock. Reception outside office hours counts from the next opening; no deadline falls on a day off.
 */
import { DAY_MS, dayNumberOfLocal, fromLocalMs, parseHhmm, toLocalMs } from './days';
import {
  addWorkingLocal,
  closeOfDayLocal,
  firstSessionCloseLocal,
  nextOpeningLocal,
  type WorkCalendar,
} from './work-calendar';

export const DEFAULT_SAME_DAY_CUTOFF = '15:00';

/**
 * A procedure's processing time.
 * - working_days: days × the working hours of a day (8 h), counted in working time. days 0 = same-day procedure:
 *   result at the close of the reception day, or of the next working day when received at or after the cutoff.
 *   With days > 0, reception at or after the cutoff counts from the next working day's opening.
 *   sameDayCutoff: 'HH:MM'; null = no cutoff; omitted = 15:00 for same-day procedures, none otherwise.
 *   (Structurally compatible with contract/catalogue.ts TimeLimit, where null means "no such rule".)
 * - working_hours: hours of working time (for limits written in hours, e.g. "trong 04 giờ làm việc").
 * - calendar_days: calendar days, the reception day not counted (BLDS 2015 Điều 147), ending at the close of the
 *   last day; when that day is not a working day, at the close of the next working day (BLDS 2015 Điều 148 k2).
 */
export type TimeLimit =
  | { kind: 'working_days'; days: number; sameDayCutoff?: string | null }
  | { kind: 'working_hours'; hours: number }
  | { kind: 'calendar_days'; days: number };

/**
 * The TimeLimit of a procedures-table row ({ workingDays, sameDayCutoff }), read as the original call sites did:
 * a null cutoff means the default (15:00 for same-day procedures, none otherwise).
 */
export const limitOfProcedure = (p: { workingDays: number; sameDayCutoff: string | null }): TimeLimit =>
  p.sameDayCutoff === null ? { kind: 'working_days', days: p.workingDays } : { kind: 'working_days', days: p.workingDays, sameDayCutoff: p.sameDayCutoff };

/** Working hours a limit stands for on this calendar (calendar-day limits: undefined). */
export function limitInWorkingHours(cal: WorkCalendar, limit: TimeLimit): number | undefined {
  if (limit.kind === 'working_days') return (limit.days * cal.dayMs) / 3_600_000;
  if (limit.kind === 'working_hours') return limit.hours;
  return undefined;
}

function cutoffMs(text: string): number {
  const minutes = parseHhmm(text);
  if (minutes === undefined) throw new RangeError(`cutoff must be HH:MM, got ${text}`);
  return minutes * 60_000;
}

function checkAmount(n: number, what: string) {
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`${what} must be a finite number ≥ 0, got ${n}`);
}

function dueLocal(cal: WorkCalendar, received: number, limit: TimeLimit): number {
  const start = nextOpeningLocal(cal, received);
  const day = dayNumberOfLocal(start);
  switch (limit.kind) {
    case 'working_days': {
      checkAmount(limit.days, 'days');
      const cutoff = limit.sameDayCutoff === undefined ? (limit.days === 0 ? DEFAULT_SAME_DAY_CUTOFF : null) : limit.sameDayCutoff;
      const late = cutoff !== null && start - day * DAY_MS >= cutoffMs(cutoff);
      if (limit.days === 0) return closeOfDayLocal(cal, late ? cal.nextWorkingDay(day) : day);
      const from = late ? nextOpeningLocal(cal, cal.nextWorkingDay(day) * DAY_MS) : start;
      return addWorkingLocal(cal, from, limit.days * cal.dayMs);
    }
    case 'working_hours':
      checkAmount(limit.hours, 'hours');
      return addWorkingLocal(cal, start, Math.round(limit.hours * 3_600_000));
    case 'calendar_days': {
      checkAmount(limit.days, 'days');
      let last = day + Math.ceil(limit.days);
      if (!cal.isWorkingDayNumber(last)) last = cal.nextWorkingDay(last);
      return closeOfDayLocal(cal, last);
    }
  }
}

/**
 * Due date (ngày hẹn trả) of a dossier received complete at `receivedAt`.
 * Basis: NĐ 118/2025 Đ17.3 (clock starts at reception recorded on the slip); same-day 15:00 rule per the procedures'
 * published time limits; working time per the office-hours setting; BLDS 2015 Đ147–148 for calendar days.
 */
export const dueDate = (cal: WorkCalendar, receivedAt: Date, limit: TimeLimit): Date =>
  fromLocalMs(dueLocal(cal, toLocalMs(receivedAt), limit));

/**
 * An online dossier must be accepted, or a correction requested, within 8 working hours of the system receiving it.
 * Basis: NĐ 118/2025 Đ17.2.
 */
export const onlineAcceptanceDeadline = (cal: WorkCalendar, receivedBySystemAt: Date): Date =>
  fromLocalMs(addWorkingLocal(cal, toLocalMs(receivedBySystemAt), 8 * 3_600_000));

/**
 * Forward a counter dossier to the competent body the same working day, or "at the start of the next working day"
 * when received after 15:00. Basis: NĐ 118/2025 Đ18.2.
 * Reading: before the cutoff → the close of the reception day (reception outside hours counts from the next
 * opening); at or after the cutoff → the close of the next working day's first session (11:30 by default): "the
 * start of the day" is read as its first session, since a deadline at the opening instant itself could not be met.
 */
export function forwardingDeadline(cal: WorkCalendar, receivedAt: Date, cutoff: string = DEFAULT_SAME_DAY_CUTOFF): Date {
  const start = nextOpeningLocal(cal, toLocalMs(receivedAt));
  const day = dayNumberOfLocal(start);
  if (start - day * DAY_MS < cutoffMs(cutoff)) return fromLocalMs(closeOfDayLocal(cal, day));
  return fromLocalMs(firstSessionCloseLocal(cal, cal.nextWorkingDay(day)));
}

/**
 * A paper dossier for a body at another administrative level is forwarded within 01 working day.
 * Basis: NĐ 118/2025 Đ20.
 */
export const interLevelForwardingDeadline = (cal: WorkCalendar, receivedAt: Date): Date =>
  fromLocalMs(addWorkingLocal(cal, toLocalMs(receivedAt), cal.dayMs));

/**
 * Latest moment to send the apology and proposed new date for a late result (Mẫu 04): "at least 01 day before the
 * due date", read as the close of the last working day strictly before the due date's day.
 * Basis: NĐ 118/2025 Đ19.6. May precede reception for same-day procedures (the caller decides what to show).
 */
export function latestApologyDate(cal: WorkCalendar, dueAt: Date): Date {
  const day = dayNumberOfLocal(toLocalMs(dueAt));
  return fromLocalMs(closeOfDayLocal(cal, cal.previousWorkingDay(day)));
}

/**
 * After a supplement requested at appraisal, the processing time is counted again from zero once the citizen
 * completes the dossier: the due date is the limit counted from `completedAt`. Basis: NĐ 118/2025 Đ19.5.
 */
export const restartAfterSupplement = (cal: WorkCalendar, completedAt: Date, limit: TimeLimit): Date =>
  dueDate(cal, completedAt, limit);
