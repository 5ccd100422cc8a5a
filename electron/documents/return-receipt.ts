/**
 * The receipt for a result returned at the counter ("Giấy biên nhận trả kết quả", form code BN): its data, the
 * formatting of its values, and the call into the shared form renderer (fields per receipt-template.ts).
 */
import { resultReference } from '../core/lifecycle';
import { amountInWords, formatVnd } from '../core/money-words';
import { formatVnSlipTime } from '../core/vntime';
import type { FontStore } from './fonts';
import { renderForm } from './form-render';
import type { Paper } from './form-template';
import type { ReceiptVar } from './receipt-template';
import type { LegalRegime } from './regimes';
import { commonInput, headerValues, paragraphs, vn, type FormHeaderData } from './supplement-refusal';
import { templateFor } from './templates';

export interface ReturnReceiptData extends FormHeaderData {
  /** the receipt's number, e.g. "1/2026" (printed "Số: 1/2026"); null: a blank to fill in by hand */
  number: string | null;
  /** when the dossier was received (the acceptance) and the time of return the slip promised */
  receivedAt: Date;
  dueAt: Date | null;
  /** when the result was handed over (also the place/date line's day, as `issuedAt`) */
  returnedAt: Date;
  /** the result as the finish recorded it; null when none was recorded */
  result: {
    kind: 'granted' | 'rejected';
    summary: string;
    /** the result document's number and signing day (YYYY-MM-DD), when recorded */
    number?: string;
    signedOn?: string;
    /** why the dossier was not resolved (a rejected result) */
    reason?: string;
  } | null;
  /** null when the return did not name who collected it: name and proof are left blank to write in by hand */
  receivedBy: {
    name: string;
    /** what was shown: the appointment slip (Mẫu 01), or an identity paper when the slip was lost */
    proof: 'slip' | 'id';
    /** collected by an authorised person */
    authorised: boolean;
    /** the power of attorney: number, date, who certified it; may be '' */
    authorisation: string;
  } | null;
  /** the fee at the return; null when there is none to show */
  fee: { amount: number; receiptNo?: string; exemptReason?: string } | null;
}

export const PROOF_TEXT: Readonly<Record<'slip' | 'id', string>> = {
  slip: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)',
  id: 'Giấy tờ tùy thân (thay cho Giấy tiếp nhận hồ sơ và hẹn trả kết quả)',
};

const validDate = (at: unknown): at is Date => at instanceof Date && Number.isFinite(at.getTime());

/** "Giấy xác nhận tình trạng hôn nhân số 12/2026/XN ngày 25/11/2026", as the history names it. */
export const resultText = (result: NonNullable<ReturnReceiptData['result']>): string =>
  resultReference(vn(result.summary), vn(result.number ?? ''), vn(result.signedOn ?? ''));

export function receiptValues(data: ReturnReceiptData): Record<ReceiptVar, string> {
  for (const name of ['receivedAt', 'returnedAt'] as const) {
    if (!validDate(data[name])) throw new Error(`Form ${name} is not a valid date`);
  }
  if (data.dueAt !== null && !validDate(data.dueAt)) throw new Error('Form dueAt is not a valid date');
  const { result, receivedBy, fee } = data;
  if (result && result.kind !== 'granted' && result.kind !== 'rejected') throw new Error(`Unknown result kind: ${String(result.kind)}`);
  if (receivedBy && receivedBy.proof !== 'slip' && receivedBy.proof !== 'id') throw new Error(`Unknown proof: ${String(receivedBy.proof)}`);
  const authorisation = vn(receivedBy?.authorisation ?? '');
  const authorised = receivedBy?.authorised === true;
  let feeKind = '';
  let feeText = '';
  if (fee) {
    if (!Number.isSafeInteger(fee.amount) || fee.amount < 0) throw new Error(`Invalid fee amount: ${String(fee.amount)}`);
    feeKind = fee.amount === 0 ? 'exempt' : 'paid';
    feeText = fee.amount === 0 ? 'Miễn' : `${formatVnd(fee.amount)} (${amountInWords(fee.amount)})`;
  }
  return {
    ...headerValues(data),
    receivedAt: formatVnSlipTime(data.receivedAt),
    dueAt: data.dueAt ? formatVnSlipTime(data.dueAt) : '',
    returnedAt: formatVnSlipTime(data.returnedAt),
    resultKind: result?.kind ?? '',
    result: result ? resultText(result) : '',
    resultReason: result?.kind === 'rejected' ? paragraphs(result.reason ?? '') : '',
    receiverName: vn(receivedBy?.name ?? ''),
    authorised: authorised ? (authorisation ? 'text' : 'paper') : '',
    authorisation: authorised ? authorisation : '',
    proof: receivedBy ? PROOF_TEXT[receivedBy.proof] : '',
    feeKind,
    fee: feeText,
    receiptNo: fee ? vn(fee.receiptNo ?? '') : '',
    exemptReason: fee ? vn(fee.exemptReason ?? '') : '',
  };
}

/** Written in by hand when the return did not record them. */
const HAND_FILLED: ReadonlySet<ReceiptVar> = new Set(['receiverName', 'proof']);

/** Both copies (liên) by default: one kept with the dossier, one for the person who collected the result. */
export async function renderReceipt(
  store: FontStore,
  data: ReturnReceiptData,
  paper: Paper,
  regime: LegalRegime = 'TT03-2025',
  copies?: number,
): Promise<Buffer> {
  const values = receiptValues(data);
  const common = commonInput(data, values);
  return renderForm(
    store,
    templateFor('BN', regime),
    {
      ...common,
      header: { ...common.header, number: data.number ?? '' },
      signers: { left: values.receiverName, right: data.officerName },
      values,
      rows: [],
      handFilled: HAND_FILLED,
    },
    paper,
    { copies },
  );
}
