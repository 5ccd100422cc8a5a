import { describe, expect, it } from 'vitest';
import y2025 from '../../../../resources/holidays/2025.json';
import y2026 from '../../../../resources/holidays/2026.json';
import { OFFICIAL_HOLIDAY_YEARS } from '../../../../electron/core/calendar/bundled';
import { dayKeyOf, dayNumber, dayOf, weekdayOf } from '../../../../electron/core/calendar/days';
import { proposeHolidays } from '../../../../electron/core/calendar/propose';
import { holidayYear, type HolidayYear } from '../../../../electron/core/calendar/schema';
import { confirmYear, mergeConfirmed, validateYear } from '../../../../electron/core/calendar/validate';
import { createWorkCalendar, isWorkingDay } from '../../../../electron/core/calendar/work-calendar';

// reference-data.json holidays.schedules (the government's announced schedules for civil servants).
const SCHEDULES: Record<number, { daysOff: Array<[string, string?]>; makeUp: string[] }> = {
  2025: {
    daysOff: [['2025-01-01'], ['2025-01-25', '2025-02-02'], ['2025-04-07'], ['2025-04-30', '2025-05-04'], ['2025-08-30', '2025-09-02']],
    makeUp: ['2025-04-26'],
  },
  2026: {
    daysOff: [['2026-01-01', '2026-01-04'], ['2026-02-14', '2026-02-22'], ['2026-04-27'], ['2026-04-30', '2026-05-01'], ['2026-08-29', '2026-09-02']],
    makeUp: ['2026-01-10', '2026-08-22'],
  },
};

describe('resources/holidays', () => {
  it.each([2025, 2026])('%i parses, is official, validates without warnings', (year) => {
    const raw = year === 2025 ? y2025 : y2026;
    const parsed = holidayYear.parse(raw);
    expect(parsed.status).toBe('official');
    expect(parsed.source).toMatch(/^https?:\/\//);
    const v = validateYear(raw, { expectedYear: year });
    expect(v.ok && v.warnings).toEqual([]);
  });

  it.each([2025, 2026])('%i matches the announced schedule day by day', (year) => {
    const cal = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
    const off = new Set<string>();
    for (const [from, to] of SCHEDULES[year]!.daysOff) {
      for (let d = dayOf(from); d <= dayOf(to ?? from); d++) off.add(dayKeyOf(d));
    }
    for (let d = dayNumber(year, 1, 1); d < dayNumber(year + 1, 1, 1); d++) {
      const key = dayKeyOf(d);
      const weekday = weekdayOf(d) >= 1 && weekdayOf(d) <= 5;
      const expected = SCHEDULES[year]!.makeUp.includes(key) ? true : off.has(key) ? false : weekday;
      if (isWorkingDay(cal, key) !== expected) throw new Error(`${key}: expected working=${expected}`);
    }
  });
});

describe('validateYear', () => {
  const base = (): HolidayYear => structuredClone(OFFICIAL_HOLIDAY_YEARS.find((y) => y.year === 2026)!);

  it('rejects malformed tables with paths', () => {
    const v = validateYear({ year: 2026, status: 'official', source: 'x', entries: [{ date: '2026-02-30', kind: 'holiday', name: 'x' }] });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.map((e) => e.path)).toEqual(['entries.0.date']);
    const w = validateYear({ year: 2026, status: 'maybe', source: '', entries: [{ date: '2026-01-01', kind: 'party', name: '' }] });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.errors.map((e) => e.path).sort()).toEqual(['entries.0.kind', 'entries.0.name', 'source', 'status']);
  });

  it('rejects dates outside the year, duplicates, and the wrong year', () => {
    const t = base();
    t.entries.push({ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' }, { date: '2026-09-02', kind: 'off', name: 'x' });
    const v = validateYear(t, { expectedYear: 2025 });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors.map((e) => e.message)).toEqual([
        'bảng ngày nghỉ là của năm 2026, không phải năm 2025',
        'ngày 2027-01-01 không thuộc năm 2026',
        'ngày 2026-09-02 có hai mục (mục 16 và 18)',
      ]);
    }
  });

  it('warns about what an administrator should look at twice', () => {
    const t = base();
    t.entries = t.entries.filter((e) => e.date !== '2026-04-27' && e.date !== '2026-01-10' && e.date !== '2026-05-01');
    t.entries.push({ date: '2026-03-03', kind: 'working', name: 'x' }, { date: '2026-03-07', kind: 'off', name: 'y' });
    const v = validateYear(t);
    expect(v.ok).toBe(true);
    expect(v.ok && v.warnings.map((w) => w.message)).toEqual([
      'ngày làm bù 2026-03-03 vốn đã là ngày làm việc',
      'ngày nghỉ hoán đổi 2026-03-07 vốn đã là ngày nghỉ hằng tuần',
      'thiếu ngày lễ Ngày Quốc tế lao động (01/5) (Bộ luật Lao động 2019 Điều 112)',
      'có 10 ngày lễ, Tết; Điều 112 quy định 11 ngày (kiểm tra Tết Âm lịch, Giỗ Tổ Hùng Vương, Quốc khánh)',
      '1 ngày lễ trùng ngày nghỉ hằng tuần nhưng chỉ có 0 ngày nghỉ bù (Điều 111 khoản 3)',
      '3 ngày nghỉ hoán đổi nhưng 2 ngày làm bù',
    ]);
  });

  it('sorts entries by date in the validated value', () => {
    const t = base();
    t.entries.reverse();
    const v = validateYear(t);
    expect(v.ok && v.value.entries[0]?.date).toBe('2026-01-01');
  });
});

describe('mergeConfirmed / confirmYear', () => {
  it('confirmed beats official beats proposed; stored beats shipped at the same rank', () => {
    const p2026 = proposeHolidays(2026);
    const p2027 = proposeHolidays(2027);
    const c2026 = confirmYear(proposeHolidays(2026), 'admin', new Date('2026-03-01T02:00:00Z'));
    expect(c2026).toMatchObject({ status: 'confirmed', confirmedBy: 'admin', confirmedAt: '2026-03-01T02:00:00.000Z' });

    const shipped = OFFICIAL_HOLIDAY_YEARS;
    expect(mergeConfirmed(shipped, [p2026, p2027]).map((t) => `${t.year} ${t.status}`)).toEqual(['2025 official', '2026 official', '2027 proposed']);
    expect(mergeConfirmed(shipped, [c2026]).map((t) => `${t.year} ${t.status}`)).toEqual(['2025 official', '2026 confirmed']);
    const c2027a = confirmYear(p2027, 'a', new Date(0));
    const c2027b = confirmYear(p2027, 'b', new Date(1));
    expect(mergeConfirmed([], [c2027a, c2027b])[0]?.confirmedBy).toBe('b');
    const cal = createWorkCalendar({ years: mergeConfirmed(shipped, [c2026]) });
    expect(isWorkingDay(cal, '2026-01-02')).toBe(true); // the confirmed table (a proposal without the swap) is in force
  });
});
