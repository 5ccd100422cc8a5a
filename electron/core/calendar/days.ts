/**
 * Integer day arithmetic on the Vietnamese civil calendar (UTC+7, no daylight saving), without Date allocations.
 * A "day number" counts days since 1970-01-01 (Vietnam); "local ms" is a UTC timestamp shifted by +7 h, so that
 * `Math.floor(local / DAY_MS)` is the Vietnamese day number and the remainder the wall-clock time of day.
 */
import { VN_OFFSET_MS } from '../vntime';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a Vietnamese calendar day. */
export type DayKey = string;

export const toLocalMs = (at: Date): number => at.getTime() + VN_OFFSET_MS;
export const fromLocalMs = (local: number): Date => new Date(local - VN_OFFSET_MS);
export const dayNumberOfLocal = (local: number): number => Math.floor(local / DAY_MS);

/** Day number of a proleptic Gregorian date (month 1–12). */
export const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** [year, month 1–12, day] of a day number (H. Hinnant's civil_from_days). */
export function civilOf(dayNum: number): [number, number, number] {
  const z = dayNum + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export const yearOf = (dayNum: number): number => civilOf(dayNum)[0];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function dayKeyOf(dayNum: number): DayKey {
  const [y, m, d] = civilOf(dayNum);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD key, or undefined when it is not a real date (2026-02-30). */
export function parseDayKey(key: string): number | undefined {
  const m = DAY_KEY.exec(key);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const n = dayNumber(y, mo, d);
  const [cy, cm, cd] = civilOf(n);
  return cy === y && cm === mo && cd === d ? n : undefined;
}

/** Day number of a key that must be valid (throws otherwise). */
export function dayOf(key: DayKey): number {
  const n = parseDayKey(key);
  if (n === undefined) throw new RangeError(`not a date: ${key}`);
  return n;
}

/** The Vietnamese calendar day of an instant, as a key. */
export const vnDayKey = (at: Date): DayKey => dayKeyOf(dayNumberOfLocal(toLocalMs(at)));

/** "HH:MM" → minutes after midnight; undefined when malformed. "24:00" is allowed (end of day). */
export function parseHhmm(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return undefined;
  return h * 60 + min;
}
