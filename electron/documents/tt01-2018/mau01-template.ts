/**
 * TT 01/2018 Mẫu 01 — "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", for dossiers received before 1/7/2025 (a reprint
 * shows the form of its time). Fields per the TT 01/2018 field list (reference-data `forms.TT01_2018`): the
 * TT 03/2025 slip without its fees line. Correcting it means editing this file and bumping `version`.
 */
import type { FormBlock, FormTemplate } from '../form-template';
import { MAU01, type SlipVar } from '../mau01-template';

const isFees = (b: FormBlock<SlipVar>) => b.kind === 'line' && b.parts.some((p) => typeof p !== 'string' && p.v === 'feeText');

export const TT01_MAU01 = {
  ...MAU01,
  version: 'TT01-2018/mau01@1',
  blocks: MAU01.blocks.filter((b) => !isFees(b)),
} as const satisfies FormTemplate<SlipVar>;
