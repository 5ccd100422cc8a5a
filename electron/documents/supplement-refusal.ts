/**
 * Mẫu 02 "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" and Mẫu 03 "Phiếu từ chối tiếp nhận giải quyết hồ sơ": their data,
 * the formatting of their values, and the call into the shared form renderer (fields per mau02/mau03-template.ts).
 */
import { formatVnSlipTime } from '../core/vntime';
import type { FontStore } from './fonts';
import { count } from './form-parts';
import { renderForm, type FormInput } from './form-render';
import type { HeaderVar, Paper } from './form-template';
import type { SupplementVar } from './mau02-template';
import type { RefusalVar } from './mau03-template';
import type { LegalRegime } from './regimes';
import { templateFor } from './templates';
import { printable } from './pen';
import { qrPayload } from './qr';

/** What Mẫu 02–05 share (names as in SlipData where they overlap). */
export interface FormHeaderData {
  agency: { agencyName: string; parentName: string; placeName: string; provinceName: string };
  code: string; // dossier code
  applicantName: string;
  channelName: string;
  address: string;
  phone: string;
  email: string;
  idLabel: string; // "Số CCCD" | "Số CMND" | "Số hộ chiếu"
  idNumber: string;
  procedureName: string; // "Nội dung yêu cầu giải quyết"
  officerName: string; // signer (người hướng dẫn / người tiếp nhận)
  issuedAt: Date; // place/date line, in Vietnam time (UTC+7)
  lookupUrl?: string; // optional URL encoded in the QR together with the code (see qrPayload)
}

export interface SupplementSlipData extends FormHeaderData {
  stage: 'reception' | 'appraisal';
  items: Array<{ name: string; originals: number; certifiedCopies: number; photocopies: number; reason: string }>;
  /** the officer's free text (general reason / guidance), may be empty */
  note: string;
  /** e.g. "Bộ phận Một cửa, Trung tâm Phục vụ hành chính công phường Tĩnh Gia; điện thoại 0237..." — contact line; may be empty */
  contact: string;
}

export interface RefusalSlipData extends FormHeaderData {
  reason: string;
  contact: string;
  /** At reception (default: the desk does not accept the dossier) or after appraisal (a finish with a refusal). */
  stage?: 'reception' | 'appraisal';
  /** Appraisal: when the dossier was received (the acceptance). */
  receivedAt?: Date | null;
  /** Appraisal: the competent body's answer as the finish recorded it; '' or absent leaves the line out. */
  result?: string;
}

export const vn = (s: string) => printable(s).trim();
/** Free text typed by an officer: each of its lines a paragraph (joined by "\n"), blank lines dropped. */
export const paragraphs = (s: string) =>
  s
    .split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)
    .map(vn)
    .filter((p) => p !== '')
    .join('\n');

/** The values of the shared fields, formatted. Empty strings mean "nothing to show". */
export function headerValues(data: FormHeaderData): Record<HeaderVar, string> {
  if (!(data.issuedAt instanceof Date && Number.isFinite(data.issuedAt.getTime()))) {
    throw new Error('Form issuedAt is not a valid date');
  }
  return {
    code: vn(data.code),
    agencyName: vn(data.agency.agencyName),
    parentName: vn(data.agency.parentName),
    placeName: vn(data.agency.placeName),
    provinceName: vn(data.agency.provinceName),
    applicantName: vn(data.applicantName),
    channelName: vn(data.channelName),
    address: vn(data.address),
    phone: vn(data.phone),
    email: vn(data.email),
    idLabel: vn(data.idLabel),
    idNumber: vn(data.idNumber),
    procedureName: vn(data.procedureName),
    officerName: vn(data.officerName),
  };
}

/** The parts of the renderer's input that come from the shared fields. */
export function commonInput(data: FormHeaderData, values: Record<HeaderVar, string>): Omit<FormInput<HeaderVar>, 'rows' | 'values'> {
  return {
    code: values.code,
    qrPayload: qrPayload(values.code, data.lookupUrl),
    header: { ...data.agency, issuedAt: data.issuedAt },
    signers: { right: data.officerName },
    subject: values.procedureName,
    author: values.agencyName,
  };
}

export function supplementValues(data: SupplementSlipData): Record<SupplementVar, string> {
  if (data.stage !== 'reception' && data.stage !== 'appraisal') {
    throw new Error(`Unknown supplement stage: ${String(data.stage)}`);
  }
  return { ...headerValues(data), stage: data.stage, note: paragraphs(data.note), contact: vn(data.contact) };
}

export async function renderMau02(store: FontStore, data: SupplementSlipData, paper: Paper, regime: LegalRegime = 'TT03-2025'): Promise<Buffer> {
  const values = supplementValues(data);
  const rows = data.items.map((it, r) => [
    String(r + 1),
    it.name,
    count(it.originals),
    count(it.certifiedCopies),
    count(it.photocopies),
    it.reason,
  ]);
  return renderForm(store, templateFor('02', regime), { ...commonInput(data, values), values, rows }, paper);
}

export function refusalValues(data: RefusalSlipData): Record<RefusalVar, string> {
  const stage = data.stage ?? 'reception';
  if (stage !== 'reception' && stage !== 'appraisal') throw new Error(`Unknown refusal stage: ${String(stage)}`);
  const receivedAt = data.receivedAt ?? null;
  if (receivedAt !== null && !(receivedAt instanceof Date && Number.isFinite(receivedAt.getTime()))) {
    throw new Error('Form receivedAt is not a valid date');
  }
  const appraisal = stage === 'appraisal';
  return {
    ...headerValues(data),
    stage,
    reason: paragraphs(data.reason),
    contact: vn(data.contact),
    receivedAt: appraisal && receivedAt ? formatVnSlipTime(receivedAt) : '',
    result: appraisal ? vn(data.result ?? '') : '',
  };
}

export async function renderMau03(store: FontStore, data: RefusalSlipData, paper: Paper, regime: LegalRegime = 'TT03-2025'): Promise<Buffer> {
  const values = refusalValues(data);
  const template = templateFor('03', regime);
  const common = commonInput(data, values);
  // After appraisal the paper is drawn up by whoever recorded the refusal, not by the officer who received it.
  const signers = values.stage === 'appraisal' ? { ...common.signers, rightTitle: template.appraisalSigner } : common.signers;
  return renderForm(store, template, { ...common, signers, values, rows: [] }, paper);
}
