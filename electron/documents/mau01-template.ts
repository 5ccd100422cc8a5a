/**
 * Mẫu 01 — "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" as data. The wording follows the TT 01/2018 field list (as
 * printed by Thanh Hóa's system); the TT 03/2025 layout was not obtained. Correcting the official layout means
 * editing this file and bumping `version`; the renderer in slip.ts only interprets it.
 */
import type { FontFace } from './fonts';

/** The values a template line can show; slip.ts computes them from SlipData (already formatted). */
export type SlipVar =
  | 'code'
  | 'agencyName'
  | 'applicantName'
  | 'channelName'
  | 'address'
  | 'phone'
  | 'email'
  | 'idLabel'
  | 'idNumber'
  | 'procedureName'
  | 'ownerName'
  | 'sets'
  | 'timeLimitText'
  | 'receivedAt'
  | 'dueAt'
  | 'returnMethod'
  | 'feeText'
  | 'registerBook'
  | 'registerNo';

/** Literal text, or a value; `keep` keeps a short value on one line (it wraps only when longer than a line). */
export type Part = string | { v: SlipVar; face?: FontFace; keep?: boolean };

export type Block =
  /** A paragraph; skipped when `unless` names a value that is empty. `qr` puts the QR code beside it. */
  | { kind: 'line'; parts: Part[]; unless?: SlipVar; qr?: boolean; size?: 'body' | 'code'; spaceBefore?: number }
  /** The components table, with its heading line. */
  | { kind: 'components'; heading: string }
  /** The two signature blocks. */
  | { kind: 'signatures' };

export interface TableColumn {
  label: string;
  /** share of the content width */
  share: number;
  align: 'left' | 'center';
}

export interface PaperMetrics {
  size: 'A5' | 'A4';
  /** millimetres */
  margins: { top: number; right: number; bottom: number; left: number };
  /** font sizes in points */
  header: number;
  title: number;
  body: number;
  code: number;
  table: number;
  small: number;
  /** line advance as a multiple of the font size */
  leading: number;
  /** side of the QR code, millimetres */
  qrMm: number;
  /** left header column as a share of the content width */
  leftColumn: number;
  /** blank height for a handwritten signature, millimetres */
  signatureMm: number;
}

export const MAU01 = {
  version: 'TT03-2025/mau01@1',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  /** NĐ 30/2020: the rule under the issuing body is 1/3–1/2 of its line; under the motto, as long as the motto. */
  agencyRuleShare: 0.4,
  /** Drawn in place of an empty value. */
  empty: '—',
  /** Drawn in place of an empty register number, to be filled in by hand. */
  blank: '………',
  /** Top of a continuation page: "(Tiếp theo) Giấy tiếp nhận … — Mã hồ sơ: …". */
  continuation: 'Tiếp theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ',
  blocks: [
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true },
    { kind: 'line', parts: ['Đơn vị tiếp nhận: ', { v: 'agencyName' }] },
    {
      kind: 'line',
      parts: ['Tiếp nhận hồ sơ của Ông (Bà): ', { v: 'applicantName', face: 'bold' }, ' (', { v: 'channelName', keep: true }, ')'],
    },
    { kind: 'line', parts: ['Địa chỉ: ', { v: 'address' }] },
    { kind: 'line', parts: ['Số điện thoại: ', { v: 'phone' }, '; Email: ', { v: 'email' }] },
    { kind: 'line', parts: [{ v: 'idLabel' }, ': ', { v: 'idNumber' }] },
    { kind: 'line', parts: ['Nội dung yêu cầu giải quyết: ', { v: 'procedureName', face: 'bold' }] },
    { kind: 'line', parts: ['Chủ hồ sơ: ', { v: 'ownerName' }], unless: 'ownerName' },
    { kind: 'components', heading: '1. Thành phần hồ sơ nộp gồm:' },
    { kind: 'line', parts: ['2. Số lượng hồ sơ: ', { v: 'sets' }, ' bộ'] },
    { kind: 'line', parts: ['3. Thời gian giải quyết hồ sơ theo quy định: ', { v: 'timeLimitText' }] },
    { kind: 'line', parts: ['4. Thời gian nhận hồ sơ: ', { v: 'receivedAt', keep: true }] },
    { kind: 'line', parts: ['5. Thời gian trả kết quả giải quyết hồ sơ: ', { v: 'dueAt', face: 'bold', keep: true }] },
    { kind: 'line', parts: ['6. Đăng ký nhận kết quả tại: ', { v: 'returnMethod' }] },
    { kind: 'line', parts: ['7. Phí, lệ phí: ', { v: 'feeText' }] },
    {
      kind: 'line',
      parts: ['Vào Sổ theo dõi hồ sơ, Quyển số: ', { v: 'registerBook' }, ', Số thứ tự: ', { v: 'registerNo' }],
      spaceBefore: 0.25,
    },
    { kind: 'signatures' },
  ] satisfies Block[] as Block[],
  table: {
    columns: [
      { label: 'TT', share: 0.07, align: 'center' },
      { label: 'Tên thành phần hồ sơ', share: 0.51, align: 'left' },
      { label: 'Bản chính', share: 0.13, align: 'center' },
      { label: 'Bản chứng thực', share: 0.16, align: 'center' },
      { label: 'Bản photo', share: 0.13, align: 'center' },
    ] satisfies TableColumn[] as TableColumn[],
    none: '(Không có thành phần hồ sơ)',
  },
  signatures: {
    left: 'NGƯỜI NỘP HỒ SƠ',
    right: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    hint: '(Ký và ghi rõ họ tên)',
  },
  paper: {
    A5: {
      size: 'A5',
      margins: { top: 15, right: 15, bottom: 15, left: 20 },
      header: 9,
      title: 12,
      body: 10,
      code: 10.5,
      table: 9,
      small: 8.5,
      leading: 1.3,
      qrMm: 16,
      leftColumn: 0.42,
      signatureMm: 16,
    },
    A4: {
      size: 'A4',
      margins: { top: 20, right: 15, bottom: 20, left: 30 },
      header: 12,
      title: 14,
      body: 13,
      code: 13,
      table: 12,
      small: 11,
      leading: 1.3,
      qrMm: 22,
      leftColumn: 0.42,
      signatureMm: 22,
    },
  } satisfies Record<'A5' | 'A4', PaperMetrics>,
  /** Tighter metrics, used only when the regular ones would push the signatures onto a second page. */
  compact: {
    A5: {
      size: 'A5',
      margins: { top: 12, right: 13, bottom: 12, left: 18 },
      header: 8.5,
      title: 11.5,
      body: 9.5,
      code: 10,
      table: 8.5,
      small: 8,
      leading: 1.22,
      qrMm: 15,
      leftColumn: 0.42,
      signatureMm: 13,
    },
    A4: {
      size: 'A4',
      margins: { top: 15, right: 15, bottom: 15, left: 25 },
      header: 12,
      title: 13.5,
      body: 12,
      code: 12.5,
      table: 11,
      small: 10.5,
      leading: 1.22,
      qrMm: 20,
      leftColumn: 0.42,
      signatureMm: 18,
    },
  } satisfies Record<'A5' | 'A4', PaperMetrics>,
} as const;

export type Mau01Template = typeof MAU01;
