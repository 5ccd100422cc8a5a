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

/** Search folding exactly as the desk does it (one implementation, in the contract). */
export { foldVietnamese as fold } from '../../../electron/contract';
