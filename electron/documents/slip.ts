/**
 * The documents of the desk as PDF (pdfkit, Tinos embedded as subsets, QR as vectors): Mẫu 01 "Giấy tiếp nhận hồ
 * sơ và hẹn trả kết quả" here, Mẫu 02 and 03 in supplement-refusal.ts. Layout per NĐ 30/2020 (two-column header,
 * place/date line, title) in form-parts.ts; fields per the template files; form-render.ts interprets them.
 */
import { formatVnSlipTime } from '../core/vntime';
import { FontStore } from './fonts';
import { count } from './form-parts';
import { renderForm } from './form-render';
import type { Paper } from './form-template';
import { MAU01, type SlipVar } from './mau01-template';
import { MAU02 } from './mau02-template';
import { MAU03 } from './mau03-template';
import { printable } from './pen';
import { qrPayload } from './qr';
import { renderMau02, renderMau03, type RefusalSlipData, type SupplementSlipData } from './supplement-refusal';

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

export interface DocumentRenderer {
  /** Mẫu 01, A5 portrait by default; returns the PDF bytes. */
  mau01(data: SlipData, options?: { paper?: Paper }): Promise<Buffer>;
  /** Mẫu 02 "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", A5 portrait by default. */
  mau02(data: SupplementSlipData, options?: { paper?: Paper }): Promise<Buffer>;
  /** Mẫu 03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ", A5 portrait by default. */
  mau03(data: RefusalSlipData, options?: { paper?: Paper }): Promise<Buffer>;
  readonly templateVersion: string; // Mẫu 01's, e.g. "TT03-2025/mau01@1"
  /** Each form's template version, to store with the document it rendered. */
  readonly templateVersions: Readonly<Record<'01' | '02' | '03', string>>;
}

/** Reads the Tinos faces from `fontsDir` once; every document of this renderer reuses them. */
export function createDocumentRenderer(opts: { fontsDir: string }): DocumentRenderer {
  const fonts = new FontStore(opts.fontsDir);
  return {
    templateVersion: MAU01.version,
    templateVersions: { '01': MAU01.version, '02': MAU02.version, '03': MAU03.version },
    mau01: (data, options) => renderMau01(fonts, data, options?.paper ?? 'A5'),
    mau02: (data, options) => renderMau02(fonts, data, options?.paper ?? 'A5'),
    mau03: (data, options) => renderMau03(fonts, data, options?.paper ?? 'A5'),
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

async function renderMau01(store: FontStore, data: SlipData, paper: Paper): Promise<Buffer> {
  const values = slipValues(data);
  return renderForm(store, MAU01, {
    values,
    code: values.code,
    qrPayload: qrPayload(values.code, data.lookupUrl),
    header: { ...data.agency, issuedAt: data.issuedAt },
    rows: data.components.map((c, r) => [String(r + 1), c.name, count(c.originals), count(c.certifiedCopies), count(c.photocopies)]),
    signers: { right: data.officerName },
    subject: values.procedureName,
    author: values.agencyName,
    handFilled: HAND_FILLED,
  }, paper);
}
