import { describe, expect, it } from 'vitest';
import { dayKeyOf, dayNumber } from '../../../../electron/core/calendar/days';
import { canChiOfYear, dayOfLunar, gioToDay, lunarOfDay, tetDay } from '../../../../electron/core/calendar/lunar';

describe('Vietnamese lunar calendar (UTC+7), not the Chinese one', () => {
  // The years the brief names: Vietnam and China disagree. Vietnamese dates asserted; Chinese ones for the record.
  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('Tết %i is %s in Vietnam (China: %s)', (year, vietnam, china) => {
    expect(dayKeyOf(tetDay(year))).toBe(vietnam);
    expect(dayKeyOf(tetDay(year))).not.toBe(china);
  });

  // reference-data.json holidays.computed_lunar_dates (Hồ Ngọc Đức's algorithm, timeZone 7).
  it.each([
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-04-23'],
    [2030, '2030-02-02', '2030-04-12'],
    [2031, '2031-01-23', '2031-04-01'],
  ])('%i: Tết %s, Giỗ Tổ %s', (year, tet, gioTo) => {
    expect(dayKeyOf(tetDay(year))).toBe(tet);
    expect(dayKeyOf(gioToDay(year))).toBe(gioTo);
  });

  it('agrees with the published schedules’ lunar dates', () => {
    expect(lunarOfDay(dayNumber(2026, 2, 14))).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    expect(lunarOfDay(dayNumber(2026, 2, 22))).toEqual({ day: 6, month: 1, year: 2026, leap: false });
    expect(lunarOfDay(dayNumber(2025, 1, 25))).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(lunarOfDay(dayNumber(2025, 2, 2))).toEqual({ day: 5, month: 1, year: 2025, leap: false });
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2026)).toBe('Bính Ngọ'); // not the library's "Bình Ngọ"
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(1985)).toBe('Ất Sửu');
  });

  it('refuses lunar dates that do not exist instead of wrapping', () => {
    // tháng Chạp Ất Tỵ has 29 days: 29/12 is 16/02/2026 and the next day is Tết.
    expect(dayKeyOf(dayOfLunar(2025, 12, 29))).toBe('2026-02-16');
    expect(() => dayOfLunar(2025, 12, 30)).toThrow(RangeError);
    expect(dayKeyOf(dayOfLunar(2025, 6, 1, true))).toBe('2025-07-25'); // Ất Tỵ has a leap 6th month …
    expect(() => dayOfLunar(2026, 6, 1, true)).toThrow(RangeError); // … Bính Ngọ has none
    expect(() => tetDay(2200)).toThrow(RangeError);
  });

  it('Tết always falls between 21/01 and 20/02, and Giỗ Tổ after Tết', () => {
    for (let y = 1900; y <= 2199; y++) {
      const t = tetDay(y);
      expect(t).toBeGreaterThanOrEqual(dayNumber(y, 1, 21));
      expect(t).toBeLessThanOrEqual(dayNumber(y, 2, 20));
      const g = gioToDay(y);
      expect(g - t).toBeGreaterThanOrEqual(67); // 2 months + 9 days, one more month when month 1 or 2 is doubled
      expect(g - t).toBeLessThanOrEqual(99);
    }
  });
});
