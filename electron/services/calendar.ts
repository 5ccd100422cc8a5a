import {
  DEFAULT_OFFICE_HOURS_SETTING,
  officeHoursSetting,
  type HolidayYear,
  type OfficeHoursSetting,
} from '../contract/calendar';
import {
  createWorkCalendar,
  mergeConfirmed,
  OFFICIAL_HOLIDAY_YEARS,
  officeHoursFromSetting,
  type WorkCalendar,
} from '../core/calendar';
import { proposingFallback } from '../core/calendar/propose';
import type { Db } from '../db/connection';
import { holidaysRepo } from '../db/holidays-repo';
import type { SettingsRepo } from '../db/settings-repo';

const OFFICE_HOURS_KEY = 'office_hours';

/**
 * The desk's working-time calendar: office hours from Settings, the shipped official holiday tables, the tables an
 * administrator stored (confirmed beats official beats proposed), and the proposer for years nobody has reviewed yet.
 * Built once and rebuilt when any of it changes.
 */
export function calendarService(db: Db, settings: SettingsRepo) {
  const holidays = holidaysRepo(db);
  let cached: WorkCalendar | null = null;

  const officeHours = (): OfficeHoursSetting => {
    const raw = settings.getState(OFFICE_HOURS_KEY);
    const parsed = raw ? officeHoursSetting.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : DEFAULT_OFFICE_HOURS_SETTING;
  };

  const calendar = (): WorkCalendar => {
    if (!cached) {
      const hours = officeHoursFromSetting(officeHours());
      cached = createWorkCalendar({
        hours,
        years: mergeConfirmed(OFFICIAL_HOLIDAY_YEARS, holidays.list()),
        fallback: proposingFallback({ hours }),
      });
    }
    return cached;
  };

  return {
    calendar,
    officeHours,
    saveOfficeHours: (setting: OfficeHoursSetting): void => {
      settings.setState(OFFICE_HOURS_KEY, JSON.stringify(setting));
      cached = null;
    },
    /** The table a year is counted with, and where it comes from. */
    tableFor: (year: number): { table: HolidayYear | undefined; stored: boolean } => {
      const stored = holidays.get(year);
      const inForce = mergeConfirmed(OFFICIAL_HOLIDAY_YEARS, stored ? [stored] : []).find((t) => t.year === year);
      return { table: inForce ?? calendar().holidayYear(year), stored: stored !== undefined && inForce === stored };
    },
    saveTable: (table: HolidayYear, by: number | null, at: number): void => {
      holidays.save(table, by, at);
      cached = null;
    },
  };
}

export type CalendarService = ReturnType<typeof calendarService>;
