/**
 * The documents of the desk as PDF (pdfkit, Tinos embedded as subsets, QR and Code 128 as vectors): Mẫu 01 "Giấy
 * tiếp nhận hồ sơ và hẹn trả kết quả" here, Mẫu 02 and 03 in supplement-refusal.ts, 04 and 05 in apology-stop.ts,
 * the return receipt (BN) in return-receipt.ts; each under the legal regime asked for (templates.ts). Layout per NĐ 30/2020 (two-column header,
 * place/date line, title) in form-parts.ts; fields per the template files; form-render.ts interprets them.
 */
import { formatVnSlipTime } from '../core/vntime';
import { MAU06_VERSIONS, renderMau06, type ControlSlipData } from './control-slip';
import { FontStore } from './fonts';
import { count } from './form-parts';
import { renderForm } from './form-render';
import type { Paper } from './form-template';
import { renderMau04, renderMau05, type ApologyData, type StopNoticeData } from './apology-stop';
import { type SlipVar } from './mau01-template';
import { printable } from './pen';
import { qrPayload } from './qr';
import type { LegalRegime } from './regimes';
import { renderReceipt, type ReturnReceiptData } from './return-receipt';
import { renderMau02, renderMau03, type RefusalSlipData, type SupplementSlipData } from './supplement-refusal';
import { FORM_NOS, templateFor, type FormNo, type TemplateForm } from './templates';

export interface SlipData {
  agency: { parentName: string; agencyName: string; placeName: string; agencyCode: string };
  dossier: {
    code: string; // e.g. "000.00.06.H56-261124-0001"
    channelName: string; // "Trực tiếp" | "Trực tuyến" | "Qua bưu chính công ích"
    applicantName: string;
    address: string;
    phone: string;
    email: string;
    idLabel: string; // "Số CCCD" | "Số CMND" | "Số hộ chiếu"
    idNumber: string;
    procedureName: string; // the content of the request (long: wraps)
    ownerName: string | null; // chủ hồ sơ when different
    sets: number; // số lượng hồ sơ (bộ)
    timeLimitText: string; // statutory processing time, e.g. "03 ngày làm việc"
    receivedAt: Date; // printed as "08 giờ 05 phút, ngày 24/11/2026" (Vietnam time)
    dueAt: Date | null; // time of return, same format; "—" if null
    returnMethod: string; // e.g. "Tại Trung tâm Phục vụ hành chính công"
    feeText: string; // e.g. "10.000 đồng (Mười nghìn đồng)" or "Không"
    registerBook: string | null;
    registerNo: number | null; // "Vào Sổ theo dõi hồ sơ, Quyển số..., Số thứ tự..."
  };
  components: Array<{ name: string; originals: number; certifiedCopies: number; photocopies: number }>;
  officerName: string; // người tiếp nhận
  issuedAt: Date; // for the place/date line
  lookupUrl?: string; // optional URL encoded in the QR together with the code
}

export type { Paper };

export interface RenderOptions {
  paper?: Paper;
  /** the forms of this regime (default TT 03/2025); see regimeFor(receivedAt) */
  regime?: LegalRegime;
}

export interface SlipOptions extends RenderOptions {
  /** Mẫu 01's (and the receipt's) copies (liên): both by default, each from a new page; 1 prints the first only */
  copies?: 1 | 2;
}

export interface DocumentRenderer {
  /** Mẫu 01, A5 portrait by default, two liên; returns the PDF bytes. */
  mau01(data: SlipData, options?: SlipOptions): Promise<Buffer>;
  /** Mẫu 02 "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", A5 portrait by default. */
  mau02(data: SupplementSlipData, options?: RenderOptions): Promise<Buffer>;
  /** Mẫu 03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ", at reception or after appraisal; A5 portrait by default. */
  mau03(data: RefusalSlipData, options?: RenderOptions): Promise<Buffer>;
  /** Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" (TT 01/2018: "Phiếu xin lỗi và hẹn lại …"). */
  mau04(data: ApologyData, options?: RenderOptions): Promise<Buffer>;
  /** Mẫu 05 "Thông báo dừng giải quyết hồ sơ" (the same form under both regimes). */
  mau05(data: StopNoticeData, options?: RenderOptions): Promise<Buffer>;
  /** Mẫu 06 "Phiếu kiểm soát quá trình giải quyết hồ sơ" (control-slip.ts; TT 01/2018: its Mẫu 05). */
  mau06(data: ControlSlipData, options?: RenderOptions): Promise<Buffer>;
  /**
   * "Giấy biên nhận trả kết quả giải quyết thủ tục hành chính" (form code BN), the receipt for a result returned at
   * the counter (the same under both regimes); A5 portrait by default, two liên.
   */
  receipt(data: ReturnReceiptData, options?: SlipOptions): Promise<Buffer>;
  /** Each numbered form's TT 03/2025 template version, to store with the document it rendered (e.g. "TT03-2025/mau01@2"). */
  readonly templateVersions: Readonly<Record<FormNo, string>>;
  /** The version of the template that draws `form` under `regime` (default TT 03/2025). */
  templateVersion(form: TemplateForm | '06', regime?: LegalRegime): string;
  /** The renderer's fonts, for the documents drawn outside it (Mẫu 06, the register). */
  fonts(): FontStore;
}

/** Reads the Tinos faces from `fontsDir` once; every document of this renderer reuses them. */
export function createDocumentRenderer(opts: { fontsDir: string }): DocumentRenderer {
  const fonts = new FontStore(opts.fontsDir);
  const regimeOf = (options?: RenderOptions): LegalRegime => options?.regime ?? 'TT03-2025';
  const version = (form: TemplateForm | '06', regime: LegalRegime = 'TT03-2025') =>
    form === '06' ? MAU06_VERSIONS[regime] : templateFor(form, regime).version;
  return {
    templateVersion: version,
    templateVersions: Object.fromEntries(FORM_NOS.map((f) => [f, version(f)])) as Record<FormNo, string>,
    mau01: (data: SlipData, options?: SlipOptions) =>
      renderMau01(fonts, data, options?.paper ?? 'A5', regimeOf(options), options?.copies ?? 2),
    mau02: (data: SupplementSlipData, options?: RenderOptions) => renderMau02(fonts, data, options?.paper ?? 'A5', regimeOf(options)),
    mau03: (data: RefusalSlipData, options?: RenderOptions) => renderMau03(fonts, data, options?.paper ?? 'A5', regimeOf(options)),
    mau04: (data: ApologyData, options?: RenderOptions) => renderMau04(fonts, data, options?.paper ?? 'A5', regimeOf(options)),
    mau05: (data: StopNoticeData, options?: RenderOptions) => renderMau05(fonts, data, options?.paper ?? 'A5', regimeOf(options)),
    mau06: (data: ControlSlipData, options?: RenderOptions) => renderMau06(fonts, data, options?.paper ?? 'A5', regimeOf(options)),
    receipt: (data: ReturnReceiptData, options?: SlipOptions) =>
      renderReceipt(fonts, data, options?.paper ?? 'A5', regimeOf(options), options?.copies),
    fonts: () => fonts,
  };
}

// ---------------------------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const vn = (s: string) => printable(s).trim();

/** The template's values, formatted. Empty strings mean "nothing to show". */
export function slipValues(data: SlipData): Record<SlipVar, string> {
  const d = data.dossier;
  for (const [name, at] of [['receivedAt', d.receivedAt], ['dueAt', d.dueAt], ['issuedAt', data.issuedAt]] as const) {
    if (at !== null && !(at instanceof Date && Number.isFinite(at.getTime()))) throw new Error(`Slip ${name} is not a valid date`);
  }
  return {
    code: vn(d.code),
    agencyName: vn(data.agency.agencyName),
    applicantName: vn(d.applicantName),
    channelName: vn(d.channelName),
    address: vn(d.address),
    phone: vn(d.phone),
    email: vn(d.email),
    idLabel: vn(d.idLabel),
    idNumber: vn(d.idNumber),
    procedureName: vn(d.procedureName),
    ownerName: vn(d.ownerName ?? ''),
    sets: Number.isFinite(d.sets) ? pad2(d.sets) : '',
    timeLimitText: vn(d.timeLimitText),
    receivedAt: formatVnSlipTime(d.receivedAt),
    dueAt: d.dueAt ? formatVnSlipTime(d.dueAt) : '',
    returnMethod: vn(d.returnMethod),
    feeText: vn(d.feeText),
    registerBook: vn(d.registerBook ?? ''),
    registerNo: d.registerNo == null ? '' : String(d.registerNo),
  };
}

const HAND_FILLED: ReadonlySet<SlipVar> = new Set(['registerBook', 'registerNo']);

async function renderMau01(store: FontStore, data: SlipData, paper: Paper, regime: LegalRegime, copies: number): Promise<Buffer> {
  if (copies !== 1 && copies !== 2) throw new Error(`Mẫu 01 has 1 or 2 copies, not ${String(copies)}`);
  const values = slipValues(data);
  return renderForm(store, templateFor('01', regime), {
    values,
    code: values.code,
    qrPayload: qrPayload(values.code, data.lookupUrl),
    header: { ...data.agency, issuedAt: data.issuedAt },
    rows: data.components.map((c, r) => [String(r + 1), c.name, count(c.originals), count(c.certifiedCopies), count(c.photocopies)]),
    signers: { right: data.officerName },
    subject: values.procedureName,
    author: values.agencyName,
    handFilled: HAND_FILLED,
  }, paper, { copies });
}
