/**
 * The official holiday tables shipped in resources/holidays (validated at load). The desk's calendar should be built
 * from mergeConfirmed(OFFICIAL_HOLIDAY_YEARS, <the administrator's stored tables>).
 */
import y2025 from '../../../resources/holidays/2025.json';
import y2026 from '../../../resources/holidays/2026.json';
import { holidayYear, type HolidayYear } from './schema';

export const OFFICIAL_HOLIDAY_YEARS: readonly HolidayYear[] = [y2025, y2026].map((y) => holidayYear.parse(y));
