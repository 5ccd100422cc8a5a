/** Office hours: the working sessions of a day and the working weekdays (Thanh Hóa default 07:00–11:30, 13:30–17:00, Mon–Fri). */
import { parseHhmm } from './days';
import { officeHoursSetting, type OfficeHoursSetting } from './schema';

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

/** OfficeHours from the stored setting (validated here; throws a ZodError when malformed). */
export function officeHoursFromSetting(setting: OfficeHoursSetting): OfficeHours {
  const s = officeHoursSetting.parse(setting);
  return {
    sessions: s.sessions.map(([a, b]) => [parseHhmm(a) ?? 0, parseHhmm(b) ?? 0] as const),
    workdays: new Set(s.workdays),
  };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The stored form of OfficeHours. */
export function officeHoursToSetting(hours: OfficeHours): OfficeHoursSetting {
  return {
    sessions: hours.sessions.map(([a, b]) => [hhmm(a), hhmm(b)] as [string, string]),
    workdays: [...hours.workdays].sort((a, b) => a - b),
  };
}
