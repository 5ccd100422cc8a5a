/**
 * The Vietnamese lunar calendar (âm lịch, UTC+7, Hồ Ngọc Đức's algorithm) through @dqcai/vn-lunar. Chinese-calendar
 * libraries compute at UTC+8 and differ on some years (Tết 1985, 2007, 2030): never substitute one.
 * Note for bundling: the package's CommonJS entry is broken (CJS code in a .js file under "type": "module"); CJS
 * bundles must inline its ESM file (lib/index.mjs) rather than require() it.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { civilOf, dayNumber } from './days';

/** Years the library covers. */
export const LUNAR_YEARS = { from: 1200, to: 2199 } as const;

export interface LunarDay {
  day: number;
  month: number; // 1–12; month 12 is tháng Chạp, month 1 tháng Giêng
  year: number;
  leap: boolean;
}

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.from || year > LUNAR_YEARS.to) {
    throw new RangeError(`lunar calendar covers ${LUNAR_YEARS.from}–${LUNAR_YEARS.to}, got ${year}`);
  }
}

/** The lunar date of a day number (Vietnam). */
export function lunarOfDay(dayNum: number): LunarDay {
  const [y, m, d] = civilOf(dayNum);
  checkYear(y);
  const l = getLunarDate(d, m, y);
  return { day: l.day, month: l.month, year: l.year, leap: l.leap };
}

/** Day number of a lunar date (Vietnam); throws when the date does not exist (30 of a 29-day month, a leap month that is not). */
export function dayOfLunar(year: number, month: number, day: number, leap = false): number {
  checkYear(year);
  const s = getSolarDate(day, month, year, leap);
  if (s.jd === 0) throw new RangeError(`no lunar date ${day}/${month}${leap ? ' nhuận' : ''}/${year}`);
  const n = dayNumber(s.year, s.month, s.day);
  const back = lunarOfDay(n);
  if (back.day !== day || back.month !== month || back.year !== year || back.leap !== leap) {
    throw new RangeError(`no lunar date ${day}/${month}${leap ? ' nhuận' : ''}/${year}`);
  }
  return n;
}

/** Day number of Tết Nguyên đán (mùng 1 tháng Giêng) of the lunar year that starts in solar year `year`. */
export const tetDay = (year: number): number => dayOfLunar(year, 1, 1);

/** Day number of Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch, the regular month when month 3 is doubled). */
export const gioToDay = (year: number): number => dayOfLunar(year, 3, 10);

// Our own table: the library's spells the third stem "Bình" (it is Bính: Bính Ngọ 2026, Bính Thìn, …).
const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** "Bính Ngọ" for 2026 (the lunar year's stem and branch). */
export const canChiOfYear = (lunarYear: number): string =>
  `${CAN[(((lunarYear + 6) % 10) + 10) % 10]} ${CHI[(((lunarYear + 8) % 12) + 12) % 12]}`;
