/**
 * Mẫu 04 "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" (TT 01/2018: "Phiếu xin lỗi và hẹn lại ngày trả
 * kết quả") and Mẫu 05 "Thông báo dừng giải quyết hồ sơ": their data, the formatting of their values, and the call
 * into the shared form renderer (fields per mau04/mau05-template.ts and tt01-2018/).
 */
import { formatVnDate, formatVnSlipTime } from '../core/vntime';
import type { FontStore } from './fonts';
import { renderForm } from './form-render';
import type { Paper } from './form-template';
import type { ApologyVar } from './mau04-template';
import type { StopVar } from './mau05-template';
import type { LegalRegime } from './regimes';
import { commonInput, headerValues, paragraphs, vn, type FormHeaderData } from './supplement-refusal';
import { templateFor } from './templates';

export interface ApologyData extends FormHeaderData {
  /** the letter's number, e.g. "12/2026/XL" (printed "Số: 12/2026/XL"); null: a blank to fill in by hand */
  number: string | null;
  receivedAt: Date;
  /** the due time written on the slip (Mẫu 01) */
  dueAt: Date;
  /** the proposed new time of return */
  newDueAt: Date;
  /** why the result is late; line breaks start paragraphs */
  reason: string;
  /** the signer's title, e.g. "THỦ TRƯỞNG CƠ QUAN"; '' gives the template's ("THỦ TRƯỞNG ĐƠN VỊ") */
  signerTitle: string;
  /** contact line (unit, phone); absent or '': the unit's name */
  contact?: string;
}

export interface StopNoticeData extends FormHeaderData {
  /** the notice's number; null: a blank to fill in by hand */
  number: string | null;
  receivedAt: Date;
  /** when the citizen asked to stop */
  requestedAt: Date;
  reason: string;
  /** what is returned to the citizen; '' leaves the line out */
  returnsDocuments: string;
}

function checkDates(data: Record<string, unknown>, names: string[]): void {
  for (const name of names) {
    const at = data[name];
    if (!(at instanceof Date && Number.isFinite(at.getTime()))) throw new Error(`Form ${name} is not a valid date`);
  }
}

export function apologyValues(data: ApologyData): Record<ApologyVar, string> {
  checkDates(data as unknown as Record<string, unknown>, ['receivedAt', 'dueAt', 'newDueAt']);
  const header = headerValues(data);
  return {
    ...header,
    receivedAt: formatVnSlipTime(data.receivedAt),
    receivedDate: formatVnDate(data.receivedAt),
    dueAt: formatVnSlipTime(data.dueAt),
    newDueAt: formatVnSlipTime(data.newDueAt),
    reason: paragraphs(data.reason),
    contact: vn(data.contact ?? '') || header.agencyName,
  };
}

export async function renderMau04(store: FontStore, data: ApologyData, paper: Paper, regime: LegalRegime = 'TT03-2025'): Promise<Buffer> {
  const values = apologyValues(data);
  const common = commonInput(data, values);
  return renderForm(store, templateFor('04', regime), {
    ...common,
    header: { ...common.header, number: data.number ?? '' },
    signers: { right: data.officerName, rightTitle: data.signerTitle },
    values,
    rows: [],
  }, paper);
}

export function stopValues(data: StopNoticeData): Record<StopVar, string> {
  checkDates(data as unknown as Record<string, unknown>, ['receivedAt', 'requestedAt']);
  return {
    ...headerValues(data),
    receivedAt: formatVnSlipTime(data.receivedAt),
    requestedAt: formatVnSlipTime(data.requestedAt),
    stoppedAt: formatVnSlipTime(data.issuedAt),
    reason: paragraphs(data.reason),
    returnsDocuments: paragraphs(data.returnsDocuments),
  };
}

export async function renderMau05(store: FontStore, data: StopNoticeData, paper: Paper, regime: LegalRegime = 'TT03-2025'): Promise<Buffer> {
  const values = stopValues(data);
  const common = commonInput(data, values);
  return renderForm(store, templateFor('05', regime), {
    ...common,
    header: { ...common.header, number: data.number ?? '' },
    values,
    rows: [],
  }, paper);
}
