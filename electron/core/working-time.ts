/**
 * Office hours and due dates: the original call-site API (no calendar argument), kept for the existing services.
 * It now runs on the working-time calendar of ./calendar with the shipped official holiday tables (2025, 2026)
 * and, for other years, the plain Monday–Friday week. New code should build a WorkCalendar from the settings
 * (createWorkCalendar) and call ./calendar's functions, which take the calendar first.
 */
import { OFFICIAL_HOLIDAY_YEARS } from './calendar/bundled';
import { dueDate as dueDateOn, limitOfProcedure } from './calendar/deadlines';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './calendar/office-hours';
import {
  addWorkingMinutes as addWorkingMinutesOn,
  createWorkCalendar,
  isWorkingDay as isWorkingDayOn,
  nextOpening as nextOpeningOn,
  type DayOffPredicate,
  type WorkCalendar,
} from './calendar/work-calendar';

export { DEFAULT_OFFICE_HOURS };
export type { OfficeHours, DayOffPredicate };
export type { DayKey } from './calendar/days';

/** Default office hours + the shipped official holiday tables. */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });

const byHours = new WeakMap<OfficeHours, WorkCalendar>([[DEFAULT_OFFICE_HOURS, DEFAULT_WORK_CALENDAR]]);
const byPredicate = new WeakMap<DayOffPredicate, WeakMap<OfficeHours, WorkCalendar>>();

function calendarFor(hours: OfficeHours = DEFAULT_OFFICE_HOURS, isDayOff?: DayOffPredicate): WorkCalendar {
  let cache = byHours;
  if (isDayOff) {
    cache = byPredicate.get(isDayOff) ?? new WeakMap();
    byPredicate.set(isDayOff, cache);
  }
  let cal = cache.get(hours);
  if (!cal) {
    cal = createWorkCalendar({ hours, years: OFFICIAL_HOLIDAY_YEARS, ...(isDayOff ? { override: isDayOff } : {}) });
    cache.set(hours, cal);
  }
  return cal;
}

export const isWorkingDay = (at: Date, hours?: OfficeHours, isDayOff?: DayOffPredicate): boolean =>
  isWorkingDayOn(calendarFor(hours, isDayOff), at);

/** The first instant ≥ `at` that is inside office hours. */
export const nextOpening = (at: Date, hours?: OfficeHours, isDayOff?: DayOffPredicate): Date =>
  nextOpeningOn(calendarFor(hours, isDayOff), at);

/** Adds working minutes, walking the sessions; lands at a session end rather than the next opening. */
export const addWorkingMinutes = (at: Date, minutes: number, hours?: OfficeHours, isDayOff?: DayOffPredicate): Date =>
  addWorkingMinutesOn(calendarFor(hours, isDayOff), at, minutes);

/**
 * Due date of a dossier received at `receivedAt` for a catalogue procedure ({ workingDays, sameDayCutoff }).
 * Same-day procedures (workingDays 0): the close of the reception day, or of the next working day when received
 * at or after the cutoff (default 15:00); reception outside office hours counts from the next opening. Others: the
 * limit in working hours (days × 8 h) from the next opening. See calendar/deadlines.ts.
 */
export const dueDate = (
  receivedAt: Date,
  rule: { workingDays: number; sameDayCutoff: string | null },
  hours?: OfficeHours,
  isDayOff?: DayOffPredicate,
): Date => dueDateOn(calendarFor(hours, isDayOff), receivedAt, limitOfProcedure(rule));
