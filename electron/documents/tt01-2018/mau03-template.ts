/**
 * TT 01/2018 Mẫu 03 — "Phiếu từ chối tiếp nhận giải quyết hồ sơ": its field list is the one the TT 03/2025 form was
 * built from, so only the version differs (the signer: "Người từ chối/Người tiếp nhận").
 */
import type { FormTemplate } from '../form-template';
import { MAU03, type RefusalVar } from '../mau03-template';

export const TT01_MAU03 = {
  ...MAU03,
  version: 'TT01-2018/mau03@1',
  signatures: { ...MAU03.signatures, right: 'NGƯỜI TIẾP NHẬN HỒ SƠ' },
} as const satisfies FormTemplate<RefusalVar>;
