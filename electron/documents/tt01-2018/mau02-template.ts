/**
 * TT 01/2018 Mẫu 02 — "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": the TT 03/2025 fields, citing NĐ 61/2018 (the decree
 * in force then), signed by the officer who gave the guidance only (field list: "Người hướng dẫn (ký)").
 */
import type { FormTemplate } from '../form-template';
import { MAU02, supplementBlocks, type Decree, type SupplementVar } from '../mau02-template';

export const ND61: Decree = { full: 'Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ', short: '61/2018/NĐ-CP' };

export const TT01_MAU02 = {
  ...MAU02,
  version: 'TT01-2018/mau02@1',
  blocks: supplementBlocks(ND61),
  signatures: { right: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)' },
} as const satisfies FormTemplate<SupplementVar>;
