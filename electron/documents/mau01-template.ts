/**
 * Mẫu 01 — "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" as data. The wording follows the TT 01/2018 field list (as
 * printed by Thanh Hóa's system); the TT 03/2025 layout was not obtained. Correcting the official layout means
 * editing this file and bumping `version`; the renderer (form-render.ts) only interprets it.
 */
import {
  FORM_PAPER,
  FORM_PAPER_COMPACT,
  ND30,
  type FormBlock,
  type FormTemplate,
  type Part as FormPart,
  type PaperMetrics,
  type TableColumn,
} from './form-template';

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

export type Part = FormPart<SlipVar>;
export type Block = FormBlock<SlipVar>;
export type { PaperMetrics, TableColumn };

export const MAU01_COPIES = [
  'Liên 1: Lưu kèm Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'Liên 2: Giao người nộp hồ sơ',
] as const;

/** The fields after the components table, before the fees line. */
const MAU01_TIMES: Block[] = [
  { kind: 'line', parts: ['2. Số lượng hồ sơ: ', { v: 'sets' }, ' bộ'] },
  { kind: 'line', parts: ['3. Thời gian giải quyết hồ sơ theo quy định: ', { v: 'timeLimitText' }] },
  { kind: 'line', parts: ['4. Thời gian nhận hồ sơ: ', { v: 'receivedAt', keep: true }] },
  { kind: 'line', parts: ['5. Thời gian trả kết quả giải quyết hồ sơ: ', { v: 'dueAt', face: 'bold', keep: true }] },
  { kind: 'line', parts: ['6. Đăng ký nhận kết quả tại: ', { v: 'returnMethod' }] },
];

export const MAU01 = {
  version: 'TT03-2025/mau01@2',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  ...ND30,
  /** Drawn in place of an empty value. */
  empty: '—',
  /** Drawn in place of an empty register number, to be filled in by hand. */
  blank: '………',
  /** Two copies (TT 01/2018 and TT 03/2025): one stays with the control slip (Mẫu 06), one goes to the applicant. */
  copies: MAU01_COPIES,
  /** Top of a continuation page: "(Tiếp theo) Giấy tiếp nhận … — Mã hồ sơ: …". */
  continuation: 'Tiếp theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ',
  blocks: [
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true },
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
    ...MAU01_TIMES,
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
  paper: FORM_PAPER,
  /** Tighter metrics, used only when the regular ones would push the signatures onto a second page. */
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<SlipVar>;

export type Mau01Template = typeof MAU01;
