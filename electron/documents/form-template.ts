/**
 * What a form template is made of (mau01-template.ts, mau02-template.ts, mau03-template.ts): blocks of text with
 * values, one optional table, two signature blocks, and the paper metrics. The renderer (form-render.ts) only
 * interprets these, so a corrected official layout is an edit of a template file and a bump of its `version`.
 */
import type { FontFace } from './fonts';

export type Paper = 'A5' | 'A4';

/** Literal text, or a value; `keep` keeps a short value on one line (it wraps only when longer than a line). */
export type Part<V extends string> = string | { v: V; face?: FontFace; keep?: boolean };

/**
 * A paragraph of parts. A value holding line breaks (an officer's free text) starts a new paragraph at each break.
 * `unless` skips the block when that value is empty; `when` shows it only when a value equals `is`.
 * `qr` puts the dossier code's QR code beside it. `spaceBefore` is in body lines; `keepWithNext` starts a new page
 * rather than leave the paragraph without that many body lines below it (an introduction kept with its table).
 */
export interface LineBlock<V extends string> {
  kind: 'line';
  parts: Part<V>[];
  unless?: V;
  when?: { v: V; is: string };
  qr?: boolean;
  /** draws the dossier code's Code 128 barcode under the block (beside the QR code when there is room) */
  barcode?: boolean;
  size?: 'body' | 'code';
  spaceBefore?: number;
  keepWithNext?: number;
}

export type FormBlock<V extends string> =
  | LineBlock<V>
  /** The form's table (its `table` columns), with an optional heading line kept with it. */
  | { kind: 'components'; heading?: string }
  /** The two signature blocks. */
  | { kind: 'signatures' };

/** The values every notice form (Mẫu 02, 03) can show; supplement-refusal.ts computes them from FormHeaderData. */
export type HeaderVar =
  | 'code'
  | 'agencyName'
  | 'parentName'
  | 'placeName'
  | 'provinceName'
  | 'applicantName'
  | 'channelName'
  | 'address'
  | 'phone'
  | 'email'
  | 'idLabel'
  | 'idNumber'
  | 'procedureName'
  | 'officerName';

export interface TableColumn {
  label: string;
  /** share of the content width */
  share: number;
  align: 'left' | 'center';
}

export interface SignatureLabels {
  /** No left title: one signature block, on the right (the left holds `recipients` if any). */
  left?: string;
  /** The right title; FormInput.signers.rightTitle replaces it (e.g. the agency head's title). */
  right: string;
  /** under both titles, italic */
  hint: string;
  /** under the right title when it differs from `hint` */
  rightHint?: string;
  /** NĐ 30/2020 "Nơi nhận:" list on the left, for letters with one signature */
  recipients?: { label: string; lines: readonly string[] };
}

export interface PaperMetrics {
  size: Paper;
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
  /** height of the dossier code's barcode, millimetres (default 8) */
  barcodeMm?: number;
}

/** The NĐ 30/2020 header texts and conventions every form shares. */
export interface Nd30Labels {
  nationalTitle: string;
  motto: string;
  /** share of the issuing body's longest line that its rule spans */
  agencyRuleShare: number;
}

export interface FormTemplate<V extends string> extends Nd30Labels {
  version: string;
  title: string;
  /** Top of a continuation page: "(<continuation> <code>)". */
  continuation: string;
  /** Drawn in place of an empty value. */
  empty: string;
  /** Drawn in place of an empty value that is filled in by hand (see FormInput.handFilled). */
  blank: string;
  blocks: readonly FormBlock<V>[];
  /** A "Số: …" line under the issuing body (NĐ 30/2020), with `blank` when the document has no number yet. */
  number?: { label: string; blank: string };
  /** Each copy (liên) of the form, with the italic label drawn at the top right of its pages; absent: one copy. */
  copies?: readonly string[];
  table?: { columns: readonly TableColumn[]; none: string };
  signatures: SignatureLabels;
  paper: Readonly<Record<Paper, PaperMetrics>>;
  /** Tighter metrics, used only when the regular ones would push the signatures onto a second page. */
  compact: Readonly<Record<Paper, PaperMetrics>>;
}

export const ND30 = {
  nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  /** NĐ 30/2020: the rule under the issuing body is 1/3–1/2 of its line; under the motto, as long as the motto. */
  agencyRuleShare: 0.4,
} as const satisfies Nd30Labels;

/** The forms' paper metrics (TT 01/2018 printed the forms on A5; A4 is a setting). */
export const FORM_PAPER = {
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
    barcodeMm: 7,
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
    barcodeMm: 9,
  },
} as const satisfies Record<Paper, PaperMetrics>;

/** Tighter metrics, used only when the regular ones would push the signatures onto a second page. */
export const FORM_PAPER_COMPACT = {
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
    barcodeMm: 6,
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
    barcodeMm: 8,
  },
} as const satisfies Record<Paper, PaperMetrics>;
