/**
 * The columns of Mẫu 07 "Sổ theo dõi hồ sơ" (TT 01/2018 Mẫu 06 column list, as printed by provincial systems; the
 * TT 03/2025 layout was not obtained) as data shared by the PDF and the XLSX export: label, width in each format,
 * and how a cell is read from a RegisterRow. A corrected layout is an edit here and a bump of REGISTER_VERSION.
 */
import type { RegisterRow } from '../contract/documents';
import { printable } from './pen';

export const REGISTER_VERSION = 'TT03-2025/mau07@1';

/** What an XLSX cell holds: text, a number, or a Vietnam wall-clock time as an Excel date. */
export type RegisterCell = string | number | Date | null;

export interface RegisterColumn {
  key: string;
  /** Header text (Vietnamese, NFC). */
  label: string;
  /** Relative width in the PDF table (the weights are scaled to the page's content width). */
  pdfWeight: number;
  /** Width in the XLSX, in Excel characters. */
  xlsxWidth: number;
  align: 'left' | 'center';
  /** 'instant': printed "dd/MM/yyyy HH:mm" (Vietnam time) in the PDF, an Excel date in the XLSX. */
  kind: 'text' | 'number' | 'instant';
  /** The cell as printed in the PDF. */
  text(row: RegisterRow): string;
  /** The cell as written to the XLSX. */
  value(row: RegisterRow): RegisterCell;
}

const VN_OFFSET_MS = 7 * 3600_000;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The Vietnam wall-clock time of an ISO instant, as a Date whose UTC fields are that wall-clock time. */
export function vnWallClock(iso: string | null): Date | null {
  if (iso === null || iso === '') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + VN_OFFSET_MS) : null;
}

/** "24/11/2026 08:05" (Vietnam time); '' for null; an unparsable value is shown as it is. */
export function formatRegisterTime(iso: string | null): string {
  const d = vnWallClock(iso);
  if (d === null) return iso === null ? '' : printable(iso);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const text = (pick: (r: RegisterRow) => string) => (r: RegisterRow) => printable(pick(r) ?? '').trim();

function textColumn(key: string, label: string, pdfWeight: number, xlsxWidth: number, pick: (r: RegisterRow) => string): RegisterColumn {
  const t = text(pick);
  return { key, label, pdfWeight, xlsxWidth, align: 'left', kind: 'text', text: t, value: t };
}

function numberColumn(key: string, label: string, pdfWeight: number, xlsxWidth: number, pick: (r: RegisterRow) => number): RegisterColumn {
  return {
    key,
    label,
    pdfWeight,
    xlsxWidth,
    align: 'center',
    kind: 'number',
    text: (r) => (Number.isFinite(pick(r)) ? String(pick(r)) : ''),
    value: (r) => (Number.isFinite(pick(r)) ? pick(r) : null),
  };
}

function instantColumn(key: string, label: string, pick: (r: RegisterRow) => string | null): RegisterColumn {
  return {
    key,
    label,
    pdfWeight: 6.6,
    xlsxWidth: 17,
    align: 'center',
    kind: 'instant',
    text: (r) => formatRegisterTime(pick(r)),
    // an unparsable instant is kept as text rather than lost
    value: (r) => vnWallClock(pick(r)) ?? (pick(r) ? printable(pick(r) as string) : null),
  };
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  numberColumn('no', 'STT', 4.2, 7, (r) => r.no),
  textColumn('code', 'Mã hồ sơ', 10.4, 27, (r) => r.code),
  textColumn('procedureName', 'Tên TTHC', 15.4, 45, (r) => r.procedureName),
  numberColumn('sets', 'Số lượng hồ sơ (bộ)', 5, 10, (r) => r.sets),
  textColumn('applicantName', 'Tên cá nhân, tổ chức', 9.4, 26, (r) => r.applicantName),
  textColumn('contact', 'Địa chỉ, số điện thoại', 11.8, 38, (r) => r.contact),
  textColumn('handlingBody', 'Cơ quan chủ trì giải quyết', 9.4, 28, (r) => r.handlingBody),
  instantColumn('acceptedAt', 'Nhận hồ sơ', (r) => r.acceptedAt),
  instantColumn('dueAt', 'Hẹn trả kết quả', (r) => r.dueAt),
  instantColumn('forwardedAt', 'Chuyển hồ sơ đến cơ quan giải quyết', (r) => r.forwardedAt),
  instantColumn('resultAt', 'Nhận kết quả từ cơ quan giải quyết', (r) => r.resultAt),
  instantColumn('returnedAt', 'Trả kết quả', (r) => r.returnedAt),
  textColumn('note', 'Ghi chú', 8.2, 30, (r) => r.note),
];

/** The register's title and the period line under it ("Năm 2026"; "Từ ngày 01/11/2026 đến ngày 24/11/2026"). */
export const REGISTER_TITLE = 'SỔ THEO DÕI HỒ SƠ';

const isoDayText = (d: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : printable(d);
};

/** The period lines of the register: the year, and the range of days when one is given (within the year). */
export function registerPeriod(year: number, from?: string, to?: string): string[] {
  const lines = [`Năm ${year}`];
  if (from || to) {
    lines.push(`Từ ngày ${isoDayText(from ?? `${year}-01-01`)} đến ngày ${isoDayText(to ?? `${year}-12-31`)}`);
  }
  return lines;
}
