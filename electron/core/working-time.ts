import { fromVnParts, vnParts } from './vntime';

/**
 * Office hours and due dates. This is the first cut used by the slice: office hours Monday–Friday in two sessions.
 * Holidays and swapped Saturdays come in as the `isDayOff` predicate so the calendar table (issue 3) plugs in here.
 */
export interface OfficeHours {
  /** Sessions in minutes after midnight, Vietnam time, e.g. [[420, 690], [810, 1020]] for 07:00–11:30, 13:30–17:00. */
  sessions: ReadonlyArray<readonly [number, number]>;
  /** Days that are normally worked, 0 = Sunday. */
  workdays: ReadonlySet<number>;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    [7 * 60, 11 * 60 + 30],
    [13 * 60 + 30, 17 * 60],
  ],
  workdays: new Set([1, 2, 3, 4, 5]),
};

/** YYYY-MM-DD of a Vietnamese calendar day. */
export type DayKey = string;
export type DayOffPredicate = (day: DayKey, weekday: number) => boolean | undefined;

const dayKeyOf = (y: number, m: number, d: number): DayKey =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function isWorkingDay(at: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS, isDayOff?: DayOffPredicate): boolean {
  const p = vnParts(at);
  const override = isDayOff?.(dayKeyOf(p.year, p.month, p.day), p.weekday);
  if (override !== undefined) return !override;
  return hours.workdays.has(p.weekday);
}

const MINUTE = 60_000;
const startOfVnDay = (at: Date): Date => {
  const p = vnParts(at);
  return fromVnParts(p.year, p.month, p.day);
};
const startOfNextDay = (at: Date): Date => new Date(startOfVnDay(at).getTime() + 24 * 60 * MINUTE);

/** The first instant ≥ `at` that is inside office hours. */
export function nextOpening(at: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS, isDayOff?: DayOffPredicate): Date {
  let day = startOfVnDay(at);
  for (let i = 0; i < 366 * 2; i++) {
    if (isWorkingDay(day, hours, isDayOff)) {
      for (const [open, close] of hours.sessions) {
        const start = new Date(day.getTime() + open * MINUTE);
        const end = new Date(day.getTime() + close * MINUTE);
        if (at < end) return at > start ? at : start;
      }
    }
    day = startOfNextDay(day);
  }
  throw new Error('no office hours in the next two years');
}

/** Adds working minutes, walking the sessions; lands at a session end rather than the next opening. */
export function addWorkingMinutes(
  at: Date,
  minutes: number,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  isDayOff?: DayOffPredicate,
): Date {
  let cursor = nextOpening(at, hours, isDayOff);
  let left = minutes;
  for (;;) {
    const day = startOfVnDay(cursor);
    for (const [open, close] of hours.sessions) {
      const end = new Date(day.getTime() + close * MINUTE);
      const start = new Date(day.getTime() + open * MINUTE);
      if (cursor >= end) continue;
      const from = cursor > start ? cursor : start;
      const available = (end.getTime() - from.getTime()) / MINUTE;
      if (left <= available) return new Date(from.getTime() + left * MINUTE);
      left -= available;
      cursor = end;
    }
    cursor = nextOpening(startOfNextDay(day), hours, isDayOff);
  }
}

const workingMinutesPerDay = (hours: OfficeHours) => hours.sessions.reduce((sum, [a, b]) => sum + (b - a), 0);

/**
 * Due date of a dossier received at `receivedAt`.
 * Same-day procedures (workingDays 0): the close of the reception day, or of the next working day when received
 * after the cutoff (15:00) or outside office hours. Others: the limit in working hours from the next opening.
 */
export function dueDate(
  receivedAt: Date,
  rule: { workingDays: number; sameDayCutoff: string | null },
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  isDayOff?: DayOffPredicate,
): Date {
  const start = nextOpening(receivedAt, hours, isDayOff);
  const lastClose = hours.sessions[hours.sessions.length - 1]?.[1] ?? 17 * 60;
  if (rule.workingDays === 0) {
    const [h = 15, m = 0] = (rule.sameDayCutoff ?? '15:00').split(':').map(Number);
    const p = vnParts(start);
    const cutoff = fromVnParts(p.year, p.month, p.day, h, m);
    const day = start < cutoff ? startOfVnDay(start) : startOfVnDay(nextOpening(startOfNextDay(start), hours, isDayOff));
    return new Date(day.getTime() + lastClose * MINUTE);
  }
  return addWorkingMinutes(start, rule.workingDays * workingMinutesPerDay(hours), hours, isDayOff);
}
