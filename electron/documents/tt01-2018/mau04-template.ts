/**
 * TT 01/2018 Mẫu 04 — "Phiếu xin lỗi và hẹn lại ngày trả kết quả". Field list UNCERTAIN (reference-data: from
 * implementations): number "…/PXL", "Kính gửi", date received and kind of dossier, the dossier code, the reason for
 * the delay, the new date, the apology; signed by the head of the body. Wording as the form was commonly printed.
 */
import type { FormBlock, FormTemplate } from '../form-template';
import { APOLOGY_OPENING, MAU04, type ApologyVar } from '../mau04-template';

export const TT01_MAU04 = {
  ...MAU04,
  version: 'TT01-2018/mau04@1',
  title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  number: { label: 'Số: ', blank: '……/PXL' },
  continuation: 'Tiếp theo Phiếu xin lỗi và hẹn lại ngày trả kết quả, mã hồ sơ',
  blocks: [
    ...APOLOGY_OPENING,
    {
      kind: 'line',
      parts: [
        'Ngày ', { v: 'receivedDate', keep: true }, ', ', { v: 'agencyName' }, ' tiếp nhận giải quyết hồ sơ đề nghị ',
        { v: 'procedureName', face: 'bold' }, ' của Ông/Bà.',
      ],
    },
    { kind: 'line', parts: ['Thời gian hẹn trả kết quả giải quyết hồ sơ: ', { v: 'dueAt', face: 'bold', keep: true }, '.'] },
    {
      kind: 'line',
      keepWithNext: 1,
      parts: ['Tuy nhiên đến nay, ', { v: 'agencyName' }, ' chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do:'],
    },
    { kind: 'line', parts: [{ v: 'reason' }] },
    {
      kind: 'line',
      spaceBefore: 0.25,
      parts: [
        'Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ', { v: 'agencyName' }, ' xin lỗi Ông/Bà và hẹn trả kết quả vào ',
        { v: 'newDueAt', face: 'bold', keep: true }, '.',
      ],
    },
    {
      kind: 'line',
      parts: ['Mong nhận được sự thông cảm của Ông/Bà. Mọi thắc mắc, Ông/Bà liên hệ ', { v: 'contact' }, ' để được hướng dẫn./.'],
    },
    { kind: 'signatures' },
  ] satisfies FormBlock<ApologyVar>[] as FormBlock<ApologyVar>[],
  signatures: { right: 'THỦ TRƯỞNG CƠ QUAN', hint: '(Ký tên, đóng dấu)' },
} as const satisfies FormTemplate<ApologyVar>;
