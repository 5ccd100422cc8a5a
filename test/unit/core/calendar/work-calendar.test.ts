import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_HOLIDAY_YEARS } from '../../../../electron/core/calendar/bundled';
import { civilOf, dayKeyOf, dayNumber, parseDayKey, parseHhmm, weekdayOf } from '../../../../electron/core/calendar/days';
import { DEFAULT_OFFICE_HOURS, officeHoursFromSetting, officeHoursToSetting } from '../../../../electron/core/calendar/office-hours';
import { offPeriods } from '../../../../electron/core/calendar/periods';
import { proposeHolidays, proposingFallback } from '../../../../electron/core/calendar/propose';
import { DEFAULT_OFFICE_HOURS_SETTING } from '../../../../electron/core/calendar/schema';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  closeOfDay,
  createWorkCalendar,
  dayInfo,
  isWorkingDay,
  isWorkingTime,
  nextOpening,
  workingMinutesBetween,
  workingMinutesPerDay,
} from '../../../../electron/core/calendar/work-calendar';
import { at, show, vn } from './helpers';

const cal = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });

describe('day arithmetic', () => {
  it('matches Date for every day from 1900 to 2199', () => {
    for (let n = dayNumber(1900, 1, 1); n < dayNumber(2200, 1, 1); n += 1) {
      const d = new Date(n * 86_400_000);
      const [y, m, day] = civilOf(n);
      if (y !== d.getUTCFullYear() || m !== d.getUTCMonth() + 1 || day !== d.getUTCDate() || weekdayOf(n) !== d.getUTCDay()) {
        throw new Error(`day ${n}: ${y}-${m}-${day}`);
      }
    }
  });
  it('parses day keys and HH:MM strictly', () => {
    expect(parseDayKey('2026-02-28')).toBe(dayNumber(2026, 2, 28));
    expect(parseDayKey('2026-02-29')).toBeUndefined();
    expect(parseDayKey('2028-02-29')).toBe(dayNumber(2028, 2, 29));
    expect(parseDayKey('2026-2-1')).toBeUndefined();
    expect(dayKeyOf(dayNumber(1969, 12, 31))).toBe('1969-12-31');
    expect(parseHhmm('07:00')).toBe(420);
    expect(parseHhmm('7:05')).toBe(425);
    expect(parseHhmm('24:00')).toBe(1440);
    expect(parseHhmm('24:01')).toBeUndefined();
    expect(parseHhmm('12:60')).toBeUndefined();
  });
});

describe('the 2026 calendar (official table)', () => {
  it.each([
    ['2026-01-01', false, 'holiday', 'Tết Dương lịch, Thursday'],
    ['2026-01-02', false, 'off', 'Friday given off by the swap'],
    ['2026-01-05', true, undefined, 'Monday after New Year'],
    ['2026-01-10', true, 'working', 'Saturday worked for 02/01'],
    ['2026-01-11', false, undefined, 'Sunday'],
    ['2026-02-13', true, undefined, 'last working day before Tết'],
    ['2026-02-14', false, undefined, 'Saturday, Tết break'],
    ['2026-02-16', false, 'holiday', '29 tháng Chạp'],
    ['2026-02-17', false, 'holiday', 'mùng 1 Tết'],
    ['2026-02-20', false, 'holiday', 'mùng 4 Tết'],
    ['2026-02-22', false, undefined, 'Sunday, end of Tết break'],
    ['2026-02-23', true, undefined, 'back to work'],
    ['2026-04-26', false, 'holiday', 'Giỗ Tổ on a Sunday'],
    ['2026-04-27', false, 'compensatory', 'compensatory Monday'],
    ['2026-04-28', true, undefined, 'Tuesday'],
    ['2026-04-30', false, 'holiday', 'Thursday'],
    ['2026-05-01', false, 'holiday', 'Friday'],
    ['2026-08-22', true, 'working', 'Saturday worked for 31/08'],
    ['2026-08-31', false, 'off', 'Monday given off by the swap'],
    ['2026-09-01', false, 'holiday', 'adjacent day of Quốc khánh'],
    ['2026-09-02', false, 'holiday', 'Quốc khánh'],
    ['2026-09-03', true, undefined, 'Thursday'],
    ['2026-11-28', false, undefined, 'an ordinary Saturday'],
  ])('%s is working: %s (%s, %s)', (date: string, working: boolean, kind: string | undefined, _why: string) => {
    expect(isWorkingDay(cal, date)).toBe(working);
    expect(dayInfo(cal, date).entry?.kind).toBe(kind);
    expect(isWorkingDay(cal, vn(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)), 9))).toBe(working);
  });

  it('counts 250 working days in 2025 and in 2026', () => {
    expect(workingMinutesBetween(cal, vn(2025, 1, 1), vn(2026, 1, 1)) / 480).toBe(250);
    expect(workingMinutesBetween(cal, vn(2026, 1, 1), vn(2027, 1, 1)) / 480).toBe(250);
    expect(workingMinutesBetween(cal, vn(2026, 1, 1), vn(2026, 2, 1)) / 480).toBe(21); // 22 weekdays − 1/1 − 2/1 + Sat 10/1
    expect(workingMinutesBetween(cal, vn(2026, 2, 1), vn(2026, 3, 1)) / 480).toBe(15); // 20 weekdays − 5 Tết days
  });

  it('derives the announced stretches off', () => {
    expect(offPeriods(cal, 2026).map((p) => `${p.from}..${p.to} ${p.days} ${p.name}`)).toEqual([
      '2026-01-01..2026-01-04 4 Tết Dương lịch',
      '2026-02-14..2026-02-22 9 Tết Nguyên đán',
      '2026-04-25..2026-04-27 3 Giỗ Tổ Hùng Vương',
      '2026-04-30..2026-05-03 4 Ngày Chiến thắng, Ngày Quốc tế lao động',
      '2026-08-29..2026-09-02 5 Quốc khánh',
    ]);
    expect(offPeriods(cal, 2025).map((p) => `${p.from}..${p.to}`)).toEqual([
      '2025-01-01..2025-01-01',
      '2025-01-25..2025-02-02',
      '2025-04-05..2025-04-07',
      '2025-04-30..2025-05-04',
      '2025-08-30..2025-09-02',
    ]);
  });
});

describe('working time', () => {
  it('knows sessions (half-open) and pauses', () => {
    expect(isWorkingTime(cal, vn(2026, 3, 3, 7, 0))).toBe(true);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 6, 59))).toBe(false);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 11, 29))).toBe(true);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 11, 30))).toBe(false);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 12, 0))).toBe(false);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 13, 30))).toBe(true);
    expect(isWorkingTime(cal, vn(2026, 3, 3, 17, 0))).toBe(false);
    expect(isWorkingTime(cal, vn(2026, 1, 10, 9, 0))).toBe(true); // working Saturday
    expect(isWorkingTime(cal, vn(2026, 4, 27, 9, 0))).toBe(false); // compensatory Monday
  });

  it.each([
    ['09:10 03/03/2026', '09:10 03/03/2026', 'inside a session: itself'],
    ['11:30 03/03/2026', '13:30 03/03/2026', 'at the morning close'],
    ['12:00 03/03/2026', '13:30 03/03/2026', 'lunch'],
    ['18:00 03/03/2026', '07:00 04/03/2026', 'evening'],
    ['17:00 06/03/2026', '07:00 09/03/2026', 'Friday close → Monday'],
    ['17:00 09/01/2026', '07:00 10/01/2026', 'Friday close → working Saturday'],
    ['17:00 31/12/2025', '07:00 05/01/2026', 'New Year + swapped Friday + weekend'],
    ['17:30 13/02/2026', '07:00 23/02/2026', 'Tết'],
    ['16:59 24/04/2026', '16:59 24/04/2026', 'before the Giỗ Tổ weekend'],
    ['08:00 25/04/2026', '07:00 28/04/2026', 'over the compensatory Monday'],
    ['20:00 28/08/2026', '07:00 03/09/2026', 'Quốc khánh stretch'],
  ])('next opening after %s is %s (%s)', (atText, expected) => {
    expect(show(nextOpening(cal, at(atText)))).toBe(expected);
  });

  it.each([
    ['11:00 03/03/2026', 60, '14:00 03/03/2026'],
    ['07:00 03/03/2026', 270, '11:30 03/03/2026'], // lands on the close, not on 13:30
    ['07:00 03/03/2026', 480, '17:00 03/03/2026'],
    ['07:00 03/03/2026', 481, '07:01 04/03/2026'],
    ['12:00 03/03/2026', 0, '13:30 03/03/2026'], // 0 minutes: the next opening
    ['16:00 13/02/2026', 120, '08:00 23/02/2026'],
    ['16:00 09/01/2026', 120, '08:00 10/01/2026'],
    ['16:00 24/04/2026', 60, '17:00 24/04/2026'],
    ['16:00 24/04/2026', 61, '07:01 28/04/2026'],
  ])('%s + %i working minutes = %s', (atText, minutes, expected) => {
    expect(show(addWorkingMinutes(cal, at(atText), minutes))).toBe(expected);
  });

  it('adds hours and days (a day = 8 working hours)', () => {
    expect(workingMinutesPerDay(cal)).toBe(480);
    expect(show(addWorkingHours(cal, vn(2026, 2, 12, 9, 0), 16))).toBe('09:00 23/02/2026');
    expect(show(addWorkingDays(cal, vn(2026, 2, 12, 9, 0), 3))).toBe('09:00 24/02/2026');
    expect(show(addWorkingDays(cal, vn(2026, 8, 21, 10, 0), 1))).toBe('10:00 22/08/2026');
    expect(() => addWorkingMinutes(cal, vn(2026, 3, 3, 9), -1)).toThrow(RangeError);
  });

  it('measures working minutes between two instants', () => {
    expect(workingMinutesBetween(cal, vn(2026, 3, 3, 10, 0), vn(2026, 3, 3, 14, 0))).toBe(120);
    expect(workingMinutesBetween(cal, vn(2026, 3, 3, 12, 0), vn(2026, 3, 3, 13, 30))).toBe(0);
    expect(workingMinutesBetween(cal, vn(2026, 2, 13, 16, 0), vn(2026, 2, 23, 8, 0))).toBe(120);
    expect(workingMinutesBetween(cal, vn(2026, 3, 3, 14, 0), vn(2026, 3, 3, 10, 0))).toBe(0);
    expect(workingMinutesBetween(cal, vn(2026, 3, 3, 10, 0), vn(2026, 3, 3, 10, 0))).toBe(0);
    expect(workingMinutesBetween(cal, vn(2026, 3, 3, 10, 0), new Date(vn(2026, 3, 3, 10, 0).getTime() + 30_000))).toBe(0.5);
    expect(show(closeOfDay(cal, '2026-03-03'))).toBe('17:00 03/03/2026');
  });
});

describe('calendar construction', () => {
  it('builds office hours from the setting and back', () => {
    expect(officeHoursFromSetting(DEFAULT_OFFICE_HOURS_SETTING)).toEqual(DEFAULT_OFFICE_HOURS);
    expect(officeHoursToSetting(DEFAULT_OFFICE_HOURS)).toEqual(DEFAULT_OFFICE_HOURS_SETTING);
    expect(() => officeHoursFromSetting({ sessions: [['13:30', '17:00'], ['07:00', '11:30']], workdays: [1] })).toThrow();
    expect(() => officeHoursFromSetting({ sessions: [['07:00', '07:00']], workdays: [1] })).toThrow();
    expect(() => officeHoursFromSetting({ sessions: [['07:00', '11:00']], workdays: [] })).toThrow();
  });

  it('honours other office hours: Saturday mornings, one long session', () => {
    const hours = officeHoursFromSetting({ sessions: [['07:30', '11:30'], ['13:00', '17:00']], workdays: [1, 2, 3, 4, 5, 6] });
    const c = createWorkCalendar({ hours, years: OFFICIAL_HOLIDAY_YEARS });
    expect(workingMinutesPerDay(c)).toBe(480);
    expect(show(nextOpening(c, vn(2026, 3, 6, 18)))).toBe('07:30 07/03/2026');
    expect(isWorkingDay(c, '2026-02-14')).toBe(true); // a Saturday before Tết is worked by this office
    expect(isWorkingDay(c, '2026-02-16')).toBe(false);
    const one = createWorkCalendar({ hours: officeHoursFromSetting({ sessions: [['08:00', '16:00']], workdays: [1, 2, 3, 4, 5] }) });
    expect(show(addWorkingMinutes(one, vn(2026, 3, 3, 15, 0), 120))).toBe('09:00 04/03/2026');
  });

  it('without a table, a year has only the office-hours week; a fallback fills it', () => {
    const bare = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
    expect(isWorkingDay(bare, '2027-02-08')).toBe(true); // Tết 2027 unknown
    expect(bare.holidayYear(2027)).toBeUndefined();
    const proposing = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS, fallback: (y) => proposeHolidays(y) });
    expect(isWorkingDay(proposing, '2027-02-08')).toBe(false);
    expect(proposing.holidayYear(2027)?.status).toBe('proposed');
    expect(proposing.holidayYear(2026)?.status).toBe('official');
    const guarded = createWorkCalendar({ fallback: proposingFallback() });
    expect(isWorkingDay(guarded, '2031-01-23')).toBe(false); // mùng 1 Tết Tân Hợi
    expect(isWorkingDay(guarded, '2300-01-02')).toBe(true); // beyond the lunar tables: plain week
    expect(guarded.holidayYear(2300)).toBeUndefined();
  });

  it('a later table for the same year wins; the override hook has the last word', () => {
    const edited = { ...proposeHolidays(2026), status: 'confirmed' as const };
    const c = createWorkCalendar({ years: [...OFFICIAL_HOLIDAY_YEARS, edited] });
    expect(isWorkingDay(c, '2026-01-02')).toBe(true); // the edited table has no swap
    const o = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS, override: (day) => (day === '2026-03-03' ? true : undefined) });
    expect(isWorkingDay(o, '2026-03-03')).toBe(false);
    expect(isWorkingDay(o, '2026-03-04')).toBe(true);
  });

  it('refuses broken office hours', () => {
    expect(() => createWorkCalendar({ hours: { sessions: [], workdays: new Set([1]) } })).toThrow(RangeError);
    expect(() => createWorkCalendar({ hours: { sessions: [[600, 500]], workdays: new Set([1]) } })).toThrow(RangeError);
    expect(() => createWorkCalendar({ hours: { sessions: [[420, 690]], workdays: new Set() } })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, against a minute-by-minute reference walk.

const FROM = vn(2024, 12, 20).getTime();
const TO = vn(2027, 1, 10).getTime();
const minuteInstant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => new Date(m * 60_000));
const anyInstant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));

function referenceAdd(at: Date, minutes: number): Date {
  let t = nextOpening(cal, at).getTime();
  let left = minutes;
  while (left > 0) {
    if (isWorkingTime(cal, new Date(t))) {
      left--;
      t += 60_000;
    } else t = nextOpening(cal, new Date(t)).getTime();
  }
  // The walk stops right after the last worked minute: that is the close when the minute was a session's last.
  return new Date(t);
}

describe('properties', () => {
  it('addWorkingMinutes agrees with a minute-by-minute walk', () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 1, max: 3 * 480 }), (at, n) => {
        expect(addWorkingMinutes(cal, at, n).getTime()).toBe(referenceAdd(at, n).getTime());
      }),
      { numRuns: 150 },
    );
  });

  it('workingMinutesBetween(a, addWorkingMinutes(a, n)) = n', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 60 * 480 }), (a, n) => {
        expect(workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, n))).toBeCloseTo(n, 9);
      }),
      { numRuns: 500 },
    );
  });

  it('working minutes are additive and nothing is worked before the next opening', () => {
    fc.assert(
      fc.property(fc.array(anyInstant, { minLength: 3, maxLength: 3 }), (xs) => {
        const [a, b, c] = xs.map((x) => x.getTime()).sort((p, q) => p - q).map((t) => new Date(t)) as [Date, Date, Date];
        const ab = workingMinutesBetween(cal, a, b);
        const bc = workingMinutesBetween(cal, b, c);
        expect(ab + bc).toBeCloseTo(workingMinutesBetween(cal, a, c), 9);
        const open = nextOpening(cal, a);
        expect(open.getTime()).toBeGreaterThanOrEqual(a.getTime());
        expect(isWorkingTime(cal, open)).toBe(true);
        expect(workingMinutesBetween(cal, a, open)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
