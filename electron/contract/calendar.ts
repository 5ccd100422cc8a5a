/**
 * Data shapes of the working-time calendar (in the contract: the Settings screen edits them through the desk): a per-year holiday table (resources/holidays/YYYY.json, the
 * administrator's confirmed tables, the proposer's output) and the office-hours setting. Semantic checks that need
 * more than the shape (dates inside the year, duplicates, Điều 111/112 sanity) live in validate.ts.
 */
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD. */
const dayKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'ngày không tồn tại');

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
const hhmm = z.string().regex(HHMM, 'giờ phải có dạng HH:MM');

/**
 * - holiday: a public holiday of BLLĐ 2019 Điều 112 (may fall on a weekly rest day; then a compensatory day follows)
 * - compensatory: nghỉ bù, Điều 111 k3 (a holiday fell on a weekly rest day)
 * - working: a weekly rest day made a working day by a swap (làm bù), e.g. Saturday 10/01/2026
 * - off: a working day given off by a swap (hoán đổi), e.g. Friday 02/01/2026
 */
export const holidayKind = z.enum(['holiday', 'compensatory', 'working', 'off']);
export type HolidayKind = z.infer<typeof holidayKind>;

export const holidayEntry = z.object({
  date: dayKey,
  kind: holidayKind,
  name: z.string({ error: 'Tên ngày nghỉ: phải là chuỗi ký tự' }).trim().min(1, { error: 'Tên ngày nghỉ: không được để trống' }),
  /** Why this entry is here (the proposer explains every entry; the administrator may add one). */
  note: z.string().optional(),
});
export type HolidayEntry = z.infer<typeof holidayEntry>;

/**
 * official: shipped with the software from the government's published schedule;
 * proposed: computed by proposeHolidays, to be reviewed;
 * confirmed: reviewed (and possibly edited) and confirmed by an administrator — wins over the other two.
 */
export const holidayYearStatus = z.enum(['official', 'proposed', 'confirmed']);
export type HolidayYearStatus = z.infer<typeof holidayYearStatus>;

export const holidayYear = z.object({
  year: z.number({ error: 'Năm phải là số' }).int().min(1900, { error: 'Năm từ 1900' }).max(2199, { error: 'Năm đến 2199' }),
  status: holidayYearStatus,
  /** Where the schedule comes from: URLs of the decision / notices, or the proposer's legal basis. */
  source: z.string({ error: 'Nguồn: phải là chuỗi ký tự' }).trim().min(1, { error: 'Nguồn: không được để trống' }),
  notes: z.string().optional(),
  /**
   * Only days that differ from the office-hours week, one entry per date. Weekends inside an announced stretch
   * ("nghỉ Tết từ 14/02 đến hết 22/02") need no entry: offPeriods() derives the stretches for display.
   */
  entries: z.array(holidayEntry),
  confirmedBy: z.string().optional(),
  /** ISO 8601 instant of the confirmation. */
  confirmedAt: z.string().optional(),
});
export type HolidayYear = z.infer<typeof holidayYear>;

/** The office-hours setting as stored: sessions as HH:MM pairs, working weekdays 0 = Sunday … 6 = Saturday. */
export const officeHoursSetting = z
  .object({
    sessions: z
      .array(z.tuple([hhmm, hhmm]))
      .min(1, { error: 'Cần ít nhất một buổi làm việc' })
      .max(6, { error: 'Tối đa 6 buổi làm việc' }),
    workdays: z
      .array(z.number().int().min(0, { error: 'Ngày trong tuần từ 0 (Chủ nhật) đến 6' }).max(6, { error: 'Ngày trong tuần từ 0 (Chủ nhật) đến 6' }))
      .min(1, { error: 'Cần ít nhất một ngày làm việc trong tuần' })
      .max(7),
  })
  .superRefine((value, ctx) => {
    let previousEnd = -1;
    value.sessions.forEach(([from, to], i) => {
      const a = HHMM.test(from) ? minutesOf(from) : 0;
      const b = HHMM.test(to) ? minutesOf(to) : 0;
      if (b <= a) ctx.addIssue({ code: 'custom', path: ['sessions', i], message: 'buổi làm việc phải kết thúc sau khi bắt đầu' });
      if (a < previousEnd) ctx.addIssue({ code: 'custom', path: ['sessions', i], message: 'các buổi phải theo thứ tự, không chồng lên nhau' });
      previousEnd = b;
    });
    if (new Set(value.workdays).size !== value.workdays.length) {
      ctx.addIssue({ code: 'custom', path: ['workdays'], message: 'ngày làm việc bị lặp' });
    }
  });
export type OfficeHoursSetting = z.infer<typeof officeHoursSetting>;

export const DEFAULT_OFFICE_HOURS_SETTING: OfficeHoursSetting = {
  sessions: [
    ['07:00', '11:30'],
    ['13:30', '17:00'],
  ],
  workdays: [1, 2, 3, 4, 5],
};
