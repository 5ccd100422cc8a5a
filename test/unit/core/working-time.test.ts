import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createWorkCalendar,
  dueDate as dueOn,
  isWorkingDay,
  limitOfProcedure,
  nextOpening,
  OFFICIAL_HOLIDAY_YEARS,
} from '../../../electron/core/calendar';
import { formatVnDateTime, fromVnParts } from '../../../electron/core/vntime';

const vn = (y: number, m: number, d: number, h = 0, min = 0) => fromVnParts(y, m, d, h, min);
const show = (d: Date) => formatVnDateTime(d);
/** Default office hours and the shipped official holiday tables: the calendar `desk seed` counts with. */
const official = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
const dueDate = (at: Date, rule: { workingDays: number; sameDayCutoff: string | null }) => dueOn(official, at, limitOfProcedure(rule));

describe('office hours', () => {
  it('knows weekends (2026-11-28 is a Saturday)', () => {
    expect(isWorkingDay(official, vn(2026, 11, 27, 9))).toBe(true);
    expect(isWorkingDay(official, vn(2026, 11, 28, 9))).toBe(false);
    expect(isWorkingDay(createWorkCalendar({ override: (day) => (day === '2026-11-28' ? false : undefined) }), vn(2026, 11, 28, 9))).toBe(true);
  });
  it('finds the next opening across lunch, evenings and weekends', () => {
    expect(show(nextOpening(official, vn(2026, 11, 24, 9, 10)))).toBe('09:10 24/11/2026');
    expect(show(nextOpening(official, vn(2026, 11, 24, 12, 0)))).toBe('13:30 24/11/2026');
    expect(show(nextOpening(official, vn(2026, 11, 24, 18, 0)))).toBe('07:00 25/11/2026');
    expect(show(nextOpening(official, vn(2026, 11, 27, 17, 0)))).toBe('07:00 30/11/2026');
  });
  it('adds working minutes across sessions and days', () => {
    expect(show(addWorkingMinutes(official, vn(2026, 11, 24, 11, 0), 60))).toBe('14:00 24/11/2026');
    expect(show(addWorkingMinutes(official, vn(2026, 11, 27, 16, 0), 120))).toBe('08:00 30/11/2026');
  });
});

describe('due dates', () => {
  const sameDay = { workingDays: 0, sameDayCutoff: '15:00' };
  it('same-day procedures: today before 15:00, next working day after', () => {
    expect(show(dueDate(vn(2026, 11, 24, 14, 59), sameDay))).toBe('17:00 24/11/2026');
    expect(show(dueDate(vn(2026, 11, 24, 15, 0), sameDay))).toBe('17:00 25/11/2026');
    expect(show(dueDate(vn(2026, 11, 27, 16, 0), sameDay))).toBe('17:00 30/11/2026');
  });
  it('counts reception outside office hours from the next opening', () => {
    expect(show(dueDate(vn(2026, 11, 28, 10, 0), sameDay))).toBe('17:00 30/11/2026');
    expect(show(dueDate(vn(2026, 11, 24, 6, 0), sameDay))).toBe('17:00 24/11/2026');
  });
  it('working-day limits are working hours from reception and never end on a weekend', () => {
    expect(show(dueDate(vn(2026, 11, 24, 9, 0), { workingDays: 3, sameDayCutoff: null }))).toBe('09:00 27/11/2026');
    expect(show(dueDate(vn(2026, 11, 26, 9, 0), { workingDays: 3, sameDayCutoff: null }))).toBe('09:00 01/12/2026');
  });
});

describe('the official holiday tables are counted', () => {
  const sameDay = { workingDays: 0, sameDayCutoff: '15:00' };
  it('knows Tết, swapped days and compensatory days without being told', () => {
    expect(isWorkingDay(official, vn(2026, 2, 17, 9))).toBe(false);
    expect(isWorkingDay(official, vn(2026, 1, 10, 9))).toBe(true);
    expect(isWorkingDay(official, vn(2026, 4, 27, 9))).toBe(false);
    expect(show(nextOpening(official, vn(2026, 2, 13, 17, 0)))).toBe('07:00 23/02/2026');
    expect(show(dueDate(vn(2026, 2, 13, 15, 30), sameDay))).toBe('17:00 23/02/2026');
    expect(show(dueDate(vn(2026, 4, 20, 10, 0), { workingDays: 5, sameDayCutoff: null }))).toBe('10:00 28/04/2026');
    expect(show(addWorkingMinutes(official, vn(2026, 1, 9, 16, 0), 120))).toBe('08:00 10/01/2026');
  });
  it('takes other office hours and a day-off predicate', () => {
    const hours = { sessions: [[480, 960]] as Array<[number, number]>, workdays: new Set([1, 2, 3, 4, 5, 6]) };
    expect(show(nextOpening(createWorkCalendar({ hours, years: OFFICIAL_HOLIDAY_YEARS }), vn(2026, 3, 6, 18, 0)))).toBe('08:00 07/03/2026');
    const isDayOff = (day: string) => (day === '2026-03-09' ? true : undefined);
    const withDayOff = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS, override: isDayOff });
    expect(show(nextOpening(withDayOff, vn(2026, 3, 6, 18, 0)))).toBe('07:00 10/03/2026');
    expect(show(nextOpening(withDayOff, vn(2026, 3, 6, 18, 0)))).toBe('07:00 10/03/2026');
  });
});
