/**
 * Vietnam civil time. Vietnam (UTC+7) has no daylight saving, so a fixed offset is exact and needs no tz database.
 * Instants are Date (UTC inside); the parts below are what a Vietnamese wall clock shows.
 */
export const VN_OFFSET_MS = 7 * 3600_000;

export interface VnParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

export function vnParts(at: Date): VnParts {
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a Vietnamese wall-clock time. */
export function fromVnParts(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VN_OFFSET_MS);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar day written yyyy-mm-dd, as Vietnamese text writes it: dd/mm/yyyy (anything else as it came). */
export const isoDayToVn = (isoDay: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? isoDay.split('-').reverse().join('/') : isoDay);

/** dd/mm/yyyy */
export const formatVnDate = (at: Date): string => {
  const p = vnParts(at);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
};

/** HH:mm dd/mm/yyyy */
export const formatVnDateTime = (at: Date): string => {
  const p = vnParts(at);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${formatVnDate(at)}`;
};

/** "08 giờ 05 phút, ngày 05/02/2026" as slips write it. */
export const formatVnSlipTime = (at: Date): string => {
  const p = vnParts(at);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${formatVnDate(at)}`;
};

/**
 * The italic place/date line of NĐ 30/2020: "Tĩnh Gia, ngày 05 tháng 02 năm 2026".
 * Day always two digits; the month is zero-padded only for 01 and 02.
 */
export const placeDateLine = (place: string, at: Date): string => {
  const p = vnParts(at);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `${place}, ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`.normalize('NFC');
};

/** YYMMDD of the Vietnamese calendar day, for dossier codes. */
export const yymmdd = (at: Date): string => {
  const p = vnParts(at);
  return `${pad2(p.year % 100)}${pad2(p.month)}${pad2(p.day)}`;
};
