/**
 * A proposed holiday table for a year the government has not announced yet (or the administrator has not entered),
 * from Bộ luật Lao động 2019 Điều 112 (holidays) and Điều 111 k3 (compensatory days). Lunar dates are Vietnamese
 * (UTC+7). The output is status 'proposed': an administrator reviews it, adds the year's swaps (làm bù), and confirms.
 */
import { dayKeyOf, dayNumber, weekdayOf } from './days';
import { canChiOfYear, gioToDay, lunarOfDay, tetDay } from './lunar';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';
import type { HolidayEntry, HolidayYear } from './schema';

export interface ProposeOptions {
  /** Whose weekly rest days trigger compensatory days (Điều 111); default Mon–Fri office hours. */
  hours?: OfficeHours;
}

export const PROPOSAL_SOURCE =
  'Đề xuất tự động theo Bộ luật Lao động 2019 Điều 112 (ngày nghỉ lễ, tết) và Điều 111 khoản 3 (nghỉ bù); ngày âm lịch theo lịch Việt Nam (UTC+7). Cần đối chiếu với thông báo của Chính phủ / Bộ Nội vụ rồi xác nhận.';

const LUNAR_DAY_NAMES = ['', 'mùng 1', 'mùng 2', 'mùng 3', 'mùng 4', 'mùng 5'];
const dm = (day: number) => {
  const k = dayKeyOf(day);
  return `${k.slice(8, 10)}/${k.slice(5, 7)}`;
};
const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

interface Draft {
  day: number;
  name: string;
  note: string;
}

/**
 * The adjacent day of Quốc khánh (Điều 112 k1 đ: "02/9 và 01 ngày liền kề trước hoặc sau"). Choice: the adjacent
 * working day that touches a weekly rest day (a bridge, as 2021: Fri 3/9, 2022: Thu 1/9 … 2023: Fri 1/9); when both
 * or neither touch one, 01/9 (as 2025: Mon 1/9 and 2026: Tue 1/9); when neither is a working day, 01/9.
 */
function nationalDayNeighbour(year: number, hours: OfficeHours): number {
  const before = dayNumber(year, 9, 1);
  const after = dayNumber(year, 9, 3);
  const works = (d: number) => hours.workdays.has(weekdayOf(d));
  const bridges = (d: number, outward: number) => works(d) && !works(d + outward);
  const beforeOk = works(before);
  const afterOk = works(after);
  if (beforeOk && afterOk) {
    if (bridges(after, +1) && !bridges(before, -1)) return after;
    return before;
  }
  if (afterOk && !beforeOk) return after;
  return before;
}

export function proposeHolidays(year: number, options: ProposeOptions = {}): HolidayYear {
  const hours = options.hours ?? DEFAULT_OFFICE_HOURS;
  const rest = (d: number) => !hours.workdays.has(weekdayOf(d));
  const drafts: Draft[] = [];

  drafts.push({ day: dayNumber(year, 1, 1), name: 'Tết Dương lịch', note: 'Điều 112 k1 a: 01 ngày, 01/01 dương lịch.' });

  const tet = tetDay(year);
  const lastDay = tet - 1;
  const last = lunarOfDay(lastDay);
  const oldYear = canChiOfYear(last.year);
  const newYear = canChiOfYear(year);
  const placement =
    `Điều 112 k1 b: 05 ngày Tết Âm lịch, Thủ tướng quyết định cụ thể hằng năm. Đề xuất: ngày cuối năm ${oldYear} ` +
    `(${last.day} tháng Chạp, ${dm(lastDay)}) và mùng 1–4 tháng Giêng ${newYear} (${dm(tet)}–${dm(tet + 3)}), như Tết 2026; ` +
    'kiểm tra lại theo quyết định của năm.';
  drafts.push({ day: lastDay, name: 'Tết Nguyên đán', note: `${last.day} tháng Chạp năm ${oldYear}. ${placement}` });
  for (let i = 0; i < 4; i++) {
    drafts.push({ day: tet + i, name: 'Tết Nguyên đán', note: `${LUNAR_DAY_NAMES[i + 1]} tháng Giêng năm ${newYear}. ${placement}` });
  }

  drafts.push({
    day: gioToDay(year),
    name: 'Giỗ Tổ Hùng Vương',
    note: `Điều 112 k1 đ: 10/3 âm lịch năm ${newYear}.`,
  });
  drafts.push({ day: dayNumber(year, 4, 30), name: 'Ngày Chiến thắng', note: 'Điều 112 k1 c: 30/4 dương lịch.' });
  drafts.push({ day: dayNumber(year, 5, 1), name: 'Ngày Quốc tế lao động', note: 'Điều 112 k1 d: 01/5 dương lịch.' });

  const nd = dayNumber(year, 9, 2);
  const neighbour = nationalDayNeighbour(year, hours);
  drafts.push({ day: nd, name: 'Quốc khánh', note: 'Điều 112 k1 đ: 02/9 dương lịch.' });
  drafts.push({
    day: neighbour,
    name: 'Quốc khánh',
    note:
      `Điều 112 k1 đ: 01 ngày liền kề trước hoặc sau 02/9, Thủ tướng quyết định. Đề xuất ${dm(neighbour)} ` +
      '(ngày làm việc liền kề nối với ngày nghỉ hằng tuần nếu có, mặc định 01/9).',
  });

  drafts.sort((a, b) => a.day - b.day);
  // Two holidays on one day (Giỗ Tổ on 30/4: 1917, 1947): one entry, and a day off in lieu proposed by analogy.
  const merged: Array<Draft & { clash?: string }> = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    if (prev && prev.day === d.day) {
      merged[merged.length - 1] = { day: d.day, name: `${prev.name} và ${d.name}`, note: `${prev.note} ${d.note}`, clash: d.name };
    } else merged.push(d);
  }
  const taken = new Set(merged.map((d) => d.day));
  const entries: HolidayEntry[] = merged.map((d) => ({ date: dayKeyOf(d.day), kind: 'holiday', name: d.name, note: d.note }));
  const compensate = (from: number, name: string, note: string) => {
    let c = from + 1;
    while (rest(c) || taken.has(c)) c++;
    taken.add(c);
    entries.push({ date: dayKeyOf(c), kind: 'compensatory', name: `Nghỉ bù ${name}`, note });
  };
  for (const d of merged) {
    if (rest(d.day)) {
      compensate(
        d.day,
        d.name,
        `Điều 111 k3: ${d.name} ${dm(d.day)} trùng ngày nghỉ hằng tuần (${WEEKDAY_NAMES[weekdayOf(d.day)]}), nghỉ bù vào ngày làm việc kế tiếp.`,
      );
    }
    if (d.clash) {
      compensate(
        d.day,
        d.clash,
        `Hai ngày lễ trùng nhau ${dm(d.day)}: luật không quy định rõ; đề xuất nghỉ bù như Điều 111 k3, cần xem xét.`,
      );
    }
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year,
    status: 'proposed',
    source: PROPOSAL_SOURCE,
    notes:
      'Chưa gồm các ngày hoán đổi (nghỉ thứ Sáu/thứ Hai, làm bù thứ Bảy) do Chính phủ quyết định hằng năm: thêm ' +
      "mục 'off' cho ngày được nghỉ và 'working' cho ngày thứ Bảy làm bù.",
    entries,
  };
}

/**
 * A WorkCalendar `fallback` that proposes a table for any year without one (years the lunar calendar and the
 * schema cover: 1900–2199; others get the plain office-hours week).
 */
export const proposingFallback =
  (options: ProposeOptions = {}) =>
  (year: number): HolidayYear | undefined =>
    year >= 1900 && year <= 2199 ? proposeHolidays(year, options) : undefined;
