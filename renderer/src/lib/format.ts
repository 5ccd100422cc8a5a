/**
 * Display formats for the counter: dd/mm/yyyy, 24-hour clock, Vietnam time (UTC+7, no daylight saving,
 * so a fixed offset is exact whatever the PC's own time zone is).
 */
const VN_OFFSET_MS = 7 * 3600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

function vnWallClock(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + VN_OFFSET_MS);
}

/** dd/mm/yyyy */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = vnWallClock(iso);
  if (!d) return iso;
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** dd/mm/yyyy HH:mm */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = vnWallClock(iso);
  if (!d) return iso;
  return `${formatDate(iso)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** dd/mm/yyyy HH:mm:ss (the sign-in log: attempts a few seconds apart must stay in order on screen). */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = vnWallClock(iso);
  if (!d) return iso;
  return `${formatDateTime(iso)}:${pad2(d.getUTCSeconds())}`;
}

/** HH:mm, Vietnam time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = vnWallClock(iso);
  if (!d) return iso;
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** Search folding exactly as the desk does it (one implementation, in the contract). */
export { foldVietnamese as fold } from '../../../electron/contract';

/** 10000 → "10.000 đ" (integer đồng, dots between thousands: the screens' style). */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '−' : '';
  return `${sign}${String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

/** A calendar day 'YYYY-MM-DD' (no time zone involved) → dd/mm/yyyy. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}

/** Two calendar days as one stretch: "14/02–22/02/2026", "30/12/2025–01/01/2026", "01/01/2026". */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  const a = formatDay(from);
  const b = formatDay(to);
  return from.slice(0, 4) === to.slice(0, 4) ? `${a.slice(0, 5)}–${b}` : `${a}–${b}`;
}

/** The calendar year in Vietnam now (the PC's own zone may differ). */
export function vnYear(now = Date.now()): number {
  return new Date(now + VN_OFFSET_MS).getUTCFullYear();
}
