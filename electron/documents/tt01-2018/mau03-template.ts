/**
 * TT 01/2018 Mẫu 03 — "Phiếu từ chối tiếp nhận giải quyết hồ sơ": its field list is the one the TT 03/2025 form was
 * built from, so only the version differs (the signer: "Người từ chối/Người tiếp nhận"). NĐ 61/2018 used the same
 * Mẫu 03 for a dossier found not to qualify at appraisal, so the appraisal stage is shared too.
 */
import { MAU03, type RefusalTemplate } from '../mau03-template';

export const TT01_MAU03 = {
  ...MAU03,
  version: 'TT01-2018/mau03@2',
  signatures: { ...MAU03.signatures, right: 'NGƯỜI TIẾP NHẬN HỒ SƠ' },
} as const satisfies RefusalTemplate;
