import { describe, expect, it } from 'vitest';
import { OFFICIAL_HOLIDAY_YEARS } from '../../../../electron/core/calendar/bundled';
import { officeHoursFromSetting } from '../../../../electron/core/calendar/office-hours';
import { proposeHolidays } from '../../../../electron/core/calendar/propose';
import type { HolidayYear } from '../../../../electron/core/calendar/schema';
import { validateYear } from '../../../../electron/core/calendar/validate';
import { createWorkCalendar, isWorkingDay } from '../../../../electron/core/calendar/work-calendar';

const official = (year: number) => OFFICIAL_HOLIDAY_YEARS.find((y) => y.year === year)!;
const pairs = (t: HolidayYear, kinds = ['holiday', 'compensatory', 'working', 'off']) =>
  t.entries.filter((e) => kinds.includes(e.kind)).map((e) => `${e.date} ${e.kind}`);

describe('proposeHolidays (BLLĐ 2019 Điều 111, 112)', () => {
  it('reproduces 2026 except the swaps the government adds (Tết 29 Chạp + mùng 1–4, Giỗ Tổ 26/4 → 27/4)', () => {
    const p = proposeHolidays(2026);
    expect(p.status).toBe('proposed');
    expect(pairs(p)).toEqual(pairs(official(2026), ['holiday', 'compensatory']));
    expect(p.entries.find((e) => e.date === '2026-04-26')?.name).toBe('Giỗ Tổ Hùng Vương');
    expect(p.entries.find((e) => e.date === '2026-02-16')?.note).toMatch(/^29 tháng Chạp năm Ất Tỵ/);
    expect(p.entries.find((e) => e.date === '2026-02-17')?.note).toMatch(/^mùng 1 tháng Giêng năm Bính Ngọ/);
    expect(p.entries.find((e) => e.date === '2026-04-27')?.note).toMatch(/Điều 111 k3.*Chủ nhật/);
  });

  it('2025: all but the Tết placement (that year: 28 Chạp – mùng 3, no Saturday in the five days)', () => {
    const p = proposeHolidays(2025);
    const isTetSeason = (s: string) => s.startsWith('2025-01-2') || s.startsWith('2025-01-3') || s.startsWith('2025-02');
    expect(pairs(p).filter((s) => !isTetSeason(s))).toEqual(pairs(official(2025), ['holiday', 'compensatory']).filter((s) => !isTetSeason(s)));
    expect(pairs(p).filter(isTetSeason)).toEqual([
      '2025-01-28 holiday', // 29 Chạp Giáp Thìn (the last day)
      '2025-01-29 holiday',
      '2025-01-30 holiday',
      '2025-01-31 holiday',
      '2025-02-01 holiday', // mùng 4, a Saturday …
      '2025-02-03 compensatory', // … so Monday off (Điều 111)
    ]);
  });

  it('2027: Tết from Saturday gives two compensatory days; 1/5 on Saturday gives Monday 3/5; 2/9 Thursday takes Friday 3/9', () => {
    expect(pairs(proposeHolidays(2027))).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory',
      '2027-09-02 holiday',
      '2027-09-03 holiday',
    ]);
  });

  it.each([
    [2021, '2021-09-03'], // Thu → Fri 3/9 (as decided)
    [2022, '2022-09-01'], // Fri → Thu 1/9 (as decided)
    [2023, '2023-09-01'], // Sat → Fri 1/9 (as decided) + compensatory Mon 4/9
    [2024, '2024-09-03'], // Mon → Tue 3/9 (as decided)
    [2025, '2025-09-01'], // Tue → Mon 1/9 (as decided)
    [2026, '2026-09-01'], // Wed → Tue 1/9 (as decided)
  ])('Quốc khánh %i: the adjacent day is %s', (year, expected) => {
    const qk = proposeHolidays(year).entries.filter((e) => e.name === 'Quốc khánh' && e.date !== `${year}-09-02`);
    expect(qk.map((e) => e.date)).toEqual([expected]);
  });

  it('2023: 2/9 on Saturday gives compensatory Monday 4/9', () => {
    expect(pairs(proposeHolidays(2023)).filter((s) => s.startsWith('2023-09'))).toEqual([
      '2023-09-01 holiday',
      '2023-09-02 holiday',
      '2023-09-04 compensatory',
    ]);
  });

  it('two holidays on one day: merged, with a proposed day in lieu', () => {
    expect(pairs(proposeHolidays(1947)).filter((s) => s.startsWith('1947-04-3') || s.startsWith('1947-05'))).toEqual([
      '1947-04-30 holiday',
      '1947-05-01 holiday',
      '1947-05-02 compensatory',
    ]);
    expect(proposeHolidays(1947).entries[0]?.date).toBe('1947-01-01');
    expect(proposeHolidays(1947).entries.find((e) => e.date === '1947-04-30')?.name).toBe('Giỗ Tổ Hùng Vương và Ngày Chiến thắng');
  });

  it('follows the office’s rest days: a Saturday-working office gets no compensatory day for a Saturday holiday', () => {
    const hours = officeHoursFromSetting({ sessions: [['07:00', '11:00']], workdays: [1, 2, 3, 4, 5, 6] });
    expect(pairs(proposeHolidays(2027, { hours })).filter((s) => s.startsWith('2027-05'))).toEqual(['2027-05-01 holiday']);
  });

  it('every year 1900–2199 gives a valid table with the 11 statutory days and a compensatory day for each rest-day holiday', () => {
    for (let y = 1900; y <= 2199; y++) {
      const p = proposeHolidays(y);
      const v = validateYear(p, { expectedYear: y });
      // Giỗ Tổ on 30/4 (1917, 1947): one merged holiday entry + a proposed day in lieu, flagged by the count check.
      const expectedWarnings = y === 1917 || y === 1947 ? 1 : 0;
      if (!v.ok || v.warnings.length !== expectedWarnings) throw new Error(`${y}: ${JSON.stringify(v)}`);
      const cal = createWorkCalendar({ years: [p] });
      for (const e of p.entries) expect(isWorkingDay(cal, e.date)).toBe(false);
      expect(p.entries.every((e) => e.note)).toBe(true);
    }
  });
});
