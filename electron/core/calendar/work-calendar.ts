/**
 * The working-time calendar: office hours + per-year holiday tables. Pure: every function takes the instant it works
 * on; nothing reads the clock. Day status is precomputed per year (a Uint8Array and a prefix count), so a due date is
 * a few array reads, not a Date allocation per step.
 *
 * Conventions: sessions are half-open [open, close); an instant exactly at a close is outside working time; adding
 * working time that ends exactly at a session's close lands on that close (11:30, 17:00), not on the next opening.
 */
import {
  DAY_MS,
  MINUTE_MS,
  dayKeyOf,
  dayNumber,
  dayNumberOfLocal,
  dayOf,
  fromLocalMs,
  toLocalMs,
  weekdayOf,
  yearOf,
  type DayKey,
} from './days';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';
import type { HolidayEntry, HolidayYear } from './schema';

/** Legacy hook: true = day off, false = working day, undefined = let the calendar decide. */
export type DayOffPredicate = (day: DayKey, weekday: number) => boolean | undefined;

export interface WorkCalendarOptions {
  hours?: OfficeHours;
  /** Holiday tables; for the same year a later table wins (pass mergeConfirmed's output). */
  years?: readonly HolidayYear[];
  /**
   * Table for a year not in `years`, e.g. `(y) => proposeHolidays(y, { hours })` from ./propose. Without it such
   * years have only the office-hours week (no holidays). Called at most once per year.
   */
  fallback?: (year: number) => HolidayYear | undefined;
  /** Last word on a day (legacy DayOffPredicate hook). */
  override?: DayOffPredicate;
}

interface YearTable {
  readonly start: number; // day number of 1 January
  readonly end: number; // day number of next 1 January
  readonly flags: Uint8Array; // 1 = working day
  readonly prefix: Int32Array; // prefix[i] = working days in [start, start + i)
  readonly entries: ReadonlyMap<number, HolidayEntry>;
  readonly table: HolidayYear | undefined;
}

/** How far to look for a working day before declaring the calendar broken (Tết is at most ~10 days). */
const MAX_DAYS_WITHOUT_WORK = 400;

export class WorkCalendar {
  readonly hours: OfficeHours;
  /** Session opens / closes in ms after midnight. */
  readonly opens: readonly number[];
  readonly closes: readonly number[];
  /** Working ms in one working day. */
  readonly dayMs: number;
  private readonly given: ReadonlyMap<number, HolidayYear>;
  private readonly fallback: ((year: number) => HolidayYear | undefined) | undefined;
  private readonly override: DayOffPredicate | undefined;
  private readonly tables = new Map<number, YearTable>();
  private last: YearTable | undefined;

  constructor(options: WorkCalendarOptions = {}) {
    this.hours = options.hours ?? DEFAULT_OFFICE_HOURS;
    const sessions = [...this.hours.sessions].sort((a, b) => a[0] - b[0]);
    if (sessions.length === 0) throw new RangeError('office hours need at least one session');
    let previous = -1;
    for (const [a, b] of sessions) {
      if (!(a >= 0 && b <= 1440 && a < b && a >= previous)) throw new RangeError('office-hour sessions must be ordered, non-empty, inside the day');
      previous = b;
    }
    if (this.hours.workdays.size === 0 && !options.years?.length && !options.override) {
      throw new RangeError('office hours need at least one working weekday');
    }
    this.opens = sessions.map(([a]) => a * MINUTE_MS);
    this.closes = sessions.map(([, b]) => b * MINUTE_MS);
    this.dayMs = sessions.reduce((sum, [a, b]) => sum + (b - a) * MINUTE_MS, 0);
    const given = new Map<number, HolidayYear>();
    for (const y of options.years ?? []) given.set(y.year, y);
    this.given = given;
    this.fallback = options.fallback;
    this.override = options.override;
  }

  /** The holiday table in force for a year (given, or the fallback's), if any. */
  holidayYear(year: number): HolidayYear | undefined {
    return this.yearTable(year).table;
  }

  /** The table entry of a day, if any. */
  entryOfDay(day: number): HolidayEntry | undefined {
    return this.tableOfDay(day).entries.get(day);
  }

  isWorkingDayNumber(day: number): boolean {
    const t = this.tableOfDay(day);
    return t.flags[day - t.start] === 1;
  }

  /** Working days in [fromDay, toDay). */
  workingDaysBetween(fromDay: number, toDay: number): number {
    let count = 0;
    let d = fromDay;
    while (d < toDay) {
      const t = this.tableOfDay(d);
      const stop = toDay < t.end ? toDay : t.end;
      count += (t.prefix[stop - t.start] ?? 0) - (t.prefix[d - t.start] ?? 0);
      d = stop;
    }
    return count;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: number): number {
    for (let d = day + 1, i = 0; i < MAX_DAYS_WITHOUT_WORK; d++, i++) if (this.isWorkingDayNumber(d)) return d;
    throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${dayKeyOf(day)}`);
  }

  /** The last working day strictly before `day`. */
  previousWorkingDay(day: number): number {
    for (let d = day - 1, i = 0; i < MAX_DAYS_WITHOUT_WORK; d--, i++) if (this.isWorkingDayNumber(d)) return d;
    throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days before ${dayKeyOf(day)}`);
  }

  private tableOfDay(day: number): YearTable {
    const last = this.last;
    if (last !== undefined && day >= last.start && day < last.end) return last;
    const t = this.yearTable(yearOf(day));
    this.last = t;
    return t;
  }

  private yearTable(year: number): YearTable {
    const cached = this.tables.get(year);
    if (cached) return cached;
    const start = dayNumber(year, 1, 1);
    const end = dayNumber(year + 1, 1, 1);
    const n = end - start;
    const flags = new Uint8Array(n);
    const wd0 = weekdayOf(start);
    for (let i = 0; i < n; i++) flags[i] = this.hours.workdays.has((wd0 + i) % 7) ? 1 : 0;
    const table = this.given.get(year) ?? this.fallback?.(year);
    const entries = new Map<number, HolidayEntry>();
    for (const e of table?.entries ?? []) {
      const d = dayOf(e.date);
      if (d < start || d >= end) continue; // validateYear reports it; a stray entry must not leak into another year
      entries.set(d, e);
      flags[d - start] = e.kind === 'working' ? 1 : 0;
    }
    if (this.override) {
      for (let i = 0; i < n; i++) {
        const off = this.override(dayKeyOf(start + i), (wd0 + i) % 7);
        if (off !== undefined) flags[i] = off ? 0 : 1;
      }
    }
    const prefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] ?? 0) + (flags[i] ?? 0);
    const t: YearTable = { start, end, flags, prefix, entries, table };
    this.tables.set(year, t);
    return t;
  }
}

export const createWorkCalendar = (options: WorkCalendarOptions = {}): WorkCalendar => new WorkCalendar(options);

// ---------------------------------------------------------------------------------------------------------------
// Local-ms primitives (Vietnam wall-clock ms since 1970-01-01 00:00 VN). Exported for the deadline rules.

/** Working ms of a working day before time-of-day `tod`. */
export function workedBefore(cal: WorkCalendar, tod: number): number {
  let sum = 0;
  for (let s = 0; s < cal.opens.length; s++) {
    const open = cal.opens[s] ?? 0;
    const close = cal.closes[s] ?? 0;
    if (tod <= open) break;
    sum += (tod < close ? tod : close) - open;
  }
  return sum;
}

/** The first local instant ≥ `local` inside working time. */
export function nextOpeningLocal(cal: WorkCalendar, local: number): number {
  let day = dayNumberOfLocal(local);
  let tod = local - day * DAY_MS;
  for (let i = 0; i <= MAX_DAYS_WITHOUT_WORK; i++) {
    if (cal.isWorkingDayNumber(day)) {
      for (let s = 0; s < cal.opens.length; s++) {
        const close = cal.closes[s] ?? 0;
        if (tod < close) {
          const open = cal.opens[s] ?? 0;
          return day * DAY_MS + (tod > open ? tod : open);
        }
      }
    }
    day = cal.nextWorkingDay(day);
    tod = -1;
  }
  throw new RangeError('no working time ahead');
}

/** Local instant at `worked` ms into working day `day` (0 < worked ≤ dayMs lands inside or at a session close). */
function atWorked(cal: WorkCalendar, day: number, worked: number): number {
  let left = worked;
  const last = cal.opens.length - 1;
  for (let s = 0; s < last; s++) {
    const len = (cal.closes[s] ?? 0) - (cal.opens[s] ?? 0);
    if (left <= len) return day * DAY_MS + (cal.opens[s] ?? 0) + left;
    left -= len;
  }
  return day * DAY_MS + (cal.opens[last] ?? 0) + left;
}

/** Adds `ms` of working time to `local`; 0 gives the next opening. */
export function addWorkingLocal(cal: WorkCalendar, local: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`working time to add must be ≥ 0, got ${ms}`);
  const start = nextOpeningLocal(cal, local);
  if (ms === 0) return start;
  let day = dayNumberOfLocal(start);
  let left = workedBefore(cal, start - day * DAY_MS) + ms; // measured from the day's first opening
  while (left > cal.dayMs) {
    left -= cal.dayMs;
    day = cal.nextWorkingDay(day);
  }
  return atWorked(cal, day, left);
}

/** Working ms in [a, b) (0 when b ≤ a). */
export function workingMsBetweenLocal(cal: WorkCalendar, a: number, b: number): number {
  if (!(b > a)) return 0;
  const da = dayNumberOfLocal(a);
  const db = dayNumberOfLocal(b);
  const ta = a - da * DAY_MS;
  const tb = b - db * DAY_MS;
  if (da === db) return cal.isWorkingDayNumber(da) ? workedBefore(cal, tb) - workedBefore(cal, ta) : 0;
  let sum = 0;
  if (cal.isWorkingDayNumber(da)) sum += cal.dayMs - workedBefore(cal, ta);
  if (cal.isWorkingDayNumber(db)) sum += workedBefore(cal, tb);
  return sum + cal.workingDaysBetween(da + 1, db) * cal.dayMs;
}

/** Local instant of the last session's close on `day`. */
export const closeOfDayLocal = (cal: WorkCalendar, day: number): number => day * DAY_MS + (cal.closes[cal.closes.length - 1] ?? 0);
/** Local instant of the first session's close on `day` (11:30 by default). */
export const firstSessionCloseLocal = (cal: WorkCalendar, day: number): number => day * DAY_MS + (cal.closes[0] ?? 0);

// ---------------------------------------------------------------------------------------------------------------
// Public API on Date instants.

const dayOfInput = (at: Date | DayKey): number => (typeof at === 'string' ? dayOf(at) : dayNumberOfLocal(toLocalMs(at)));
const minutesToMs = (minutes: number) => Math.round(minutes * MINUTE_MS);

/** Is the Vietnamese calendar day of `at` (an instant or YYYY-MM-DD) a working day? */
export const isWorkingDay = (cal: WorkCalendar, at: Date | DayKey): boolean => cal.isWorkingDayNumber(dayOfInput(at));

/** Is `at` inside a working session of a working day (sessions half-open: 11:30 itself is not)? */
export function isWorkingTime(cal: WorkCalendar, at: Date): boolean {
  const local = toLocalMs(at);
  const day = dayNumberOfLocal(local);
  if (!cal.isWorkingDayNumber(day)) return false;
  const tod = local - day * DAY_MS;
  for (let s = 0; s < cal.opens.length; s++) if (tod >= (cal.opens[s] ?? 0) && tod < (cal.closes[s] ?? 0)) return true;
  return false;
}

/** The first instant ≥ `at` inside working time (`at` itself when it is). */
export const nextOpening = (cal: WorkCalendar, at: Date): Date => fromLocalMs(nextOpeningLocal(cal, toLocalMs(at)));

/** `at` plus `minutes` of working time (pauses, nights, rest days and holidays skipped); counted from the next opening. */
export const addWorkingMinutes = (cal: WorkCalendar, at: Date, minutes: number): Date =>
  fromLocalMs(addWorkingLocal(cal, toLocalMs(at), minutesToMs(minutes)));

export const addWorkingHours = (cal: WorkCalendar, at: Date, hours: number): Date => addWorkingMinutes(cal, at, hours * 60);

/** Working days as working hours: n × the day's working time (8 h by default). */
export const addWorkingDays = (cal: WorkCalendar, at: Date, days: number): Date =>
  fromLocalMs(addWorkingLocal(cal, toLocalMs(at), days * cal.dayMs));

/** Working minutes in [a, b), pauses excluded; 0 when b ≤ a. Fractional when the instants carry seconds. */
export const workingMinutesBetween = (cal: WorkCalendar, a: Date, b: Date): number =>
  workingMsBetweenLocal(cal, toLocalMs(a), toLocalMs(b)) / MINUTE_MS;

export const workingMinutesPerDay = (cal: WorkCalendar): number => cal.dayMs / MINUTE_MS;

/** The close of office hours (last session end) on the day of `at`, whether or not that day is worked. */
export const closeOfDay = (cal: WorkCalendar, at: Date | DayKey): Date => fromLocalMs(closeOfDayLocal(cal, dayOfInput(at)));

export interface DayInfo {
  date: DayKey;
  weekday: number;
  working: boolean;
  entry?: HolidayEntry;
}

/** What the calendar says about a day (for the Settings screen and the queue's tooltips). */
export function dayInfo(cal: WorkCalendar, at: Date | DayKey): DayInfo {
  const day = dayOfInput(at);
  const entry = cal.entryOfDay(day);
  return { date: dayKeyOf(day), weekday: weekdayOf(day), working: cal.isWorkingDayNumber(day), ...(entry ? { entry } : {}) };
}

/**
 * The latest instant t ≤ `at` with at least `ms` of working time in [t, at): "N working days ago" for the radar's
 * stale threshold and "8 working hours ago" for online acceptance. Working time between t and `at` only grows as t
 * moves back, so a bisection over milliseconds finds it; the search spans enough calendar days for any holiday run.
 */
export function workingTimeBefore(cal: WorkCalendar, at: Date, ms: number): Date {
  const b = toLocalMs(at);
  if (ms <= 0) return at;
  const spanDays = Math.ceil(ms / Math.max(cal.dayMs, 1)) * 3 + 30;
  let lo = b - spanDays * DAY_MS; // enough working time behind it
  let hi = b; // none behind it
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingMsBetweenLocal(cal, mid, b) >= ms) lo = mid;
    else hi = mid;
  }
  return fromLocalMs(lo);
}

/** The instant `ms` of working time after `at` (from the next opening when `at` is outside office hours). */
export const workingTimeAfter = (cal: WorkCalendar, at: Date, ms: number): Date =>
  fromLocalMs(addWorkingLocal(cal, toLocalMs(at), ms));
