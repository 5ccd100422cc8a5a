/**
 * The control slip ("Phiếu kiểm soát quá trình giải quyết hồ sơ") as data: TT 03/2025 Mẫu 06, and its predecessor
 * TT 01/2018 Mẫu 05. The fields and table columns follow TT 01/2018 Mẫu 05 as printed by provincial systems; the
 * official TT 03/2025 layout was not obtained and is taken to carry the same information. Correcting a layout means
 * editing the template here and bumping its `version`; control-slip.ts only interprets it.
 */
import type { FormCtx } from './form-parts';
import type { nd30Header } from './form-parts';

export type ControlSlipRegime = 'TT03-2025' | 'TT01-2018';
export type ControlSlipPaper = 'A5' | 'A4';
export type PaperMetrics = FormCtx['m'];
type Nd30Labels = Parameters<typeof nd30Header>[2];

/** The values of the lines above the table (formatted by control-slip.ts). */
export type ControlSlipVar = 'applicantName' | 'code' | 'receivedAt' | 'dueAt' | 'handlingBody' | 'coordinatingBody';

export interface ControlSlipTemplate extends Nd30Labels {
  version: string;
  /** Form number in its circular, for the PDF metadata. */
  formNo: string;
  title: string;
  /** Top of a continuation page: "(<continuation> <code>)". */
  continuation: string;
  /** Lines under the title: label (regular) then the value (bold). */
  lines: ReadonlyArray<{ label: string; v: ControlSlipVar }>;
  /** Drawn for an empty due date; for "no coordinating body". */
  noDue: string;
  noCoordinating: string;
  table: {
    /** TÊN CƠ QUAN | THỜI GIAN GIAO, NHẬN HỒ SƠ | KẾT QUẢ … | GHI CHÚ; shares of the content width. */
    columns: readonly [Column, Column, Column, Column];
    /** "1. Giao: <from>" and "Nhận: <to>" in the first column; also the prefixes of the two times. */
    hand: string;
    take: string;
    /** Prefix of the step's time limit in the time cell. */
    stepDue: string;
    /** A time not known yet, filled in by hand. */
    blankTime: string;
    /** A name filled in by hand (the empty rows). */
    blankName: string;
    signers: readonly [string, string];
    /** Blank lines (of the table's text) left for the two signatures. */
    signatureLines: number;
    outcomes: Readonly<Record<'early' | 'on_time' | 'late', string>>;
    /** Empty rows left for hand-written hand-overs when they fit on the last page. */
    handRows: number;
  };
  paper: Readonly<Record<ControlSlipPaper, PaperMetrics>>;
}

interface Column {
  label: string;
  share: number;
}

const ND30_LABELS: Nd30Labels = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  agencyRuleShare: 0.4,
};

/** TT 01/2018 printed the slips on A5; A4 is a setting. */
const PAPER: Readonly<Record<ControlSlipPaper, PaperMetrics>> = {
  A5: {
    size: 'A5',
    margins: { top: 15, right: 12, bottom: 15, left: 18 },
    header: 9,
    title: 11.5,
    body: 10,
    code: 10,
    table: 8.5,
    small: 8,
    leading: 1.3,
    qrMm: 0,
    leftColumn: 0.42,
    signatureMm: 0,
  },
  A4: {
    size: 'A4',
    margins: { top: 20, right: 15, bottom: 20, left: 30 },
    header: 12,
    title: 14,
    body: 13,
    code: 13,
    table: 11,
    small: 10.5,
    leading: 1.3,
    qrMm: 0,
    leftColumn: 0.42,
    signatureMm: 0,
  },
};

const LINES: ControlSlipTemplate['lines'] = [
  { label: 'Kèm theo hồ sơ của: ', v: 'applicantName' },
  { label: 'Mã hồ sơ: ', v: 'code' },
  { label: 'Ngày nhận: ', v: 'receivedAt' },
  { label: 'Ngày, giờ hẹn trả kết quả: ', v: 'dueAt' },
  { label: 'Cơ quan (bộ phận) giải quyết: ', v: 'handlingBody' },
  { label: 'Cơ quan phối hợp: ', v: 'coordinatingBody' },
];

const TABLE: ControlSlipTemplate['table'] = {
  columns: [
    { label: 'TÊN CƠ QUAN', share: 0.29 },
    { label: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', share: 0.37 },
    { label: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)', share: 0.18 },
    { label: 'GHI CHÚ', share: 0.16 },
  ],
  hand: 'Giao: ',
  take: 'Nhận: ',
  stepDue: 'Hạn: ',
  blankTime: '…… giờ …… phút, ngày ……/……/………',
  blankName: '……………………',
  signers: ['Người giao', 'Người nhận'],
  signatureLines: 3,
  outcomes: { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' },
  handRows: 2,
};

export const MAU06_TT03: ControlSlipTemplate = {
  version: 'TT03-2025/mau06@1',
  formNo: 'Mẫu số 06, Thông tư số 03/2025/TT-VPCP',
  title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  ...ND30_LABELS,
  continuation: 'Tiếp theo Phiếu kiểm soát quá trình giải quyết hồ sơ, mã hồ sơ',
  lines: LINES,
  noDue: '—',
  noCoordinating: 'Không',
  table: TABLE,
  paper: PAPER,
};

export const MAU05_TT01: ControlSlipTemplate = {
  ...MAU06_TT03,
  version: 'TT01-2018/mau05@1',
  formNo: 'Mẫu số 05, Thông tư số 01/2018/TT-VPCP',
};

export const CONTROL_SLIP_TEMPLATES: Readonly<Record<ControlSlipRegime, ControlSlipTemplate>> = {
  'TT03-2025': MAU06_TT03,
  'TT01-2018': MAU05_TT01,
};
