/**
 * Checking and merging holiday tables: validateYear for what an administrator types or imports, mergeConfirmed for
 * choosing the table in force per year, confirmYear for the act of confirming. Messages are for the administrator.
 */
import { dayOf, weekdayOf, type DayKey } from './days';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from './office-hours';
import { holidayYear, type HolidayYear, type HolidayYearStatus } from './schema';

export interface YearIssue {
  severity: 'error' | 'warning';
  /** Where: "entries.3.date", "year", "" for the whole table. */
  path: string;
  message: string;
  date?: DayKey;
}

export type YearValidation =
  | { ok: true; value: HolidayYear; warnings: YearIssue[] }
  | { ok: false; errors: YearIssue[]; warnings: YearIssue[] };

export interface ValidateOptions {
  hours?: OfficeHours;
  /** The year the table is being saved for; a different `year` is an error. */
  expectedYear?: number;
}

/** Holidays a year has under BLLĐ 2019 Điều 112 k1: 1 + 5 (Tết) + 1 (Giỗ Tổ) + 1 + 1 + 2 (Quốc khánh). */
export const STATUTORY_HOLIDAYS_PER_YEAR = 11;

const FIXED_SOLAR: Array<[number, number, string]> = [
  [1, 1, 'Tết Dương lịch (01/01)'],
  [4, 30, 'Ngày Chiến thắng (30/4)'],
  [5, 1, 'Ngày Quốc tế lao động (01/5)'],
  [9, 2, 'Quốc khánh (02/9)'],
];

/**
 * Errors block saving: malformed shape, a date outside the year, two entries for one date. Warnings are shown for
 * review: a statutory holiday missing, a holiday count other than 11, a holiday on a rest day without a compensatory
 * day (Điều 111 k3), unpaired swaps, a 'working' day that is already worked or an 'off' day that is already a rest day.
 */
export function validateYear(input: unknown, options: ValidateOptions = {}): YearValidation {
  const hours = options.hours ?? DEFAULT_OFFICE_HOURS;
  const parsed = holidayYear.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ severity: 'error' as const, path: i.path.join('.'), message: i.message }));
    return { ok: false, errors, warnings: [] };
  }
  const value = parsed.data;
  const errors: YearIssue[] = [];
  const warnings: YearIssue[] = [];
  if (options.expectedYear !== undefined && value.year !== options.expectedYear) {
    errors.push({ severity: 'error', path: 'year', message: `bảng ngày nghỉ là của năm ${value.year}, không phải năm ${options.expectedYear}` });
  }
  const seen = new Map<string, number>();
  let holidays = 0;
  let holidaysOnRest = 0;
  let compensatory = 0;
  let working = 0;
  let off = 0;
  value.entries.forEach((e, i) => {
    const path = `entries.${i}.date`;
    if (Number(e.date.slice(0, 4)) !== value.year) {
      errors.push({ severity: 'error', path, date: e.date, message: `ngày ${e.date} không thuộc năm ${value.year}` });
    }
    const first = seen.get(e.date);
    if (first !== undefined) {
      errors.push({ severity: 'error', path, date: e.date, message: `ngày ${e.date} có hai mục (mục ${first + 1} và ${i + 1})` });
    } else seen.set(e.date, i);
    const isRest = !hours.workdays.has(weekdayOf(dayOf(e.date)));
    switch (e.kind) {
      case 'holiday':
        holidays++;
        if (isRest) holidaysOnRest++;
        break;
      case 'compensatory':
        compensatory++;
        if (isRest) warnings.push({ severity: 'warning', path, date: e.date, message: `ngày nghỉ bù ${e.date} rơi vào ngày nghỉ hằng tuần` });
        break;
      case 'working':
        working++;
        if (!isRest) warnings.push({ severity: 'warning', path, date: e.date, message: `ngày làm bù ${e.date} vốn đã là ngày làm việc` });
        break;
      case 'off':
        off++;
        if (isRest) warnings.push({ severity: 'warning', path, date: e.date, message: `ngày nghỉ hoán đổi ${e.date} vốn đã là ngày nghỉ hằng tuần` });
        break;
    }
  });
  for (const [m, d, name] of FIXED_SOLAR) {
    const key = `${value.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const e = value.entries.find((x) => x.date === key);
    if (!e || e.kind !== 'holiday') {
      warnings.push({ severity: 'warning', path: 'entries', date: key, message: `thiếu ngày lễ ${name} (Bộ luật Lao động 2019 Điều 112)` });
    }
  }
  if (holidays !== STATUTORY_HOLIDAYS_PER_YEAR) {
    warnings.push({
      severity: 'warning',
      path: 'entries',
      message: `có ${holidays} ngày lễ, Tết; Điều 112 quy định ${STATUTORY_HOLIDAYS_PER_YEAR} ngày (kiểm tra Tết Âm lịch, Giỗ Tổ Hùng Vương, Quốc khánh)`,
    });
  }
  if (compensatory < holidaysOnRest) {
    warnings.push({
      severity: 'warning',
      path: 'entries',
      message: `${holidaysOnRest} ngày lễ trùng ngày nghỉ hằng tuần nhưng chỉ có ${compensatory} ngày nghỉ bù (Điều 111 khoản 3)`,
    });
  }
  if (working !== off) {
    warnings.push({ severity: 'warning', path: 'entries', message: `${off} ngày nghỉ hoán đổi nhưng ${working} ngày làm bù` });
  }
  if (errors.length) return { ok: false, errors, warnings };
  const entries = [...value.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, value: { ...value, entries }, warnings };
}

const RANK: Record<HolidayYearStatus, number> = { proposed: 0, official: 1, confirmed: 2 };

/**
 * The table in force for each year, sorted by year: an administrator's confirmed table beats the shipped official
 * one, which beats a proposal; for the same rank the stored (later) table wins. Pass the result to createWorkCalendar.
 */
export function mergeConfirmed(shipped: readonly HolidayYear[], stored: readonly HolidayYear[] = []): HolidayYear[] {
  const best = new Map<number, HolidayYear>();
  for (const t of [...shipped, ...stored]) {
    const current = best.get(t.year);
    if (current === undefined || RANK[t.status] >= RANK[current.status]) best.set(t.year, t);
  }
  return [...best.values()].sort((a, b) => a.year - b.year);
}

/** The table as confirmed by an administrator at `at` (validate it first). */
export const confirmYear = (table: HolidayYear, by: string, at: Date): HolidayYear => ({
  ...table,
  status: 'confirmed',
  confirmedBy: by,
  confirmedAt: at.toISOString(),
});
