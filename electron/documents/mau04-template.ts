/**
 * Mẫu 04 — "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" (TT 03/2025 Phụ lục I) as data. The official
 * TT 03/2025 layout was not obtained: the content is what NĐ 118/2025 requires of the apology (sent at least one day
 * before the due time, with the reason and the proposed new time; one extension only), laid out as a letter under
 * NĐ 30/2020 (number, "Kính gửi", one signature, "Nơi nhận"). Correcting the layout means editing this file and
 * bumping `version`; form-render.ts only interprets it.
 */
import { FORM_PAPER, FORM_PAPER_COMPACT, ND30, type FormBlock, type FormTemplate, type HeaderVar } from './form-template';

/**
 * Times are formatted "08 giờ 05 phút, ngày 24/11/2026"; `receivedDate` is "24/11/2026"; `reason` may hold line breaks;
 * `contact` is the contact line, or the unit's name when none is given.
 */
export type ApologyVar = HeaderVar | 'receivedAt' | 'receivedDate' | 'dueAt' | 'newDueAt' | 'reason' | 'contact';

/** Everything up to the dossier's identification, shared with the TT 01/2018 form. */
export const APOLOGY_OPENING: FormBlock<ApologyVar>[] = [
  { kind: 'line', parts: ['Kính gửi: Ông/Bà ', { v: 'applicantName', face: 'bold' }], spaceBefore: 0.2 },
  { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true, spaceBefore: 0.3 },
];

export const MAU04 = {
  version: 'TT03-2025/mau04@1',
  title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  ...ND30,
  empty: '—',
  blank: '………',
  number: { label: 'Số: ', blank: '……/……' },
  continuation: 'Tiếp theo Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, mã hồ sơ',
  blocks: [
    ...APOLOGY_OPENING,
    {
      kind: 'line',
      parts: [
        'Vào lúc ', { v: 'receivedAt', keep: true }, ', ', { v: 'agencyName' }, ' đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục ',
        'hành chính: ', { v: 'procedureName', face: 'bold' }, ' của Ông/Bà.',
      ],
    },
    {
      kind: 'line',
      parts: ['Thời gian hẹn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ', { v: 'dueAt', face: 'bold', keep: true }, '.'],
    },
    { kind: 'line', parts: ['Tuy nhiên, hồ sơ của Ông/Bà chưa thể giải quyết đúng hạn với lý do:'], keepWithNext: 1 },
    { kind: 'line', parts: [{ v: 'reason' }] },
    {
      kind: 'line',
      spaceBefore: 0.25,
      parts: [
        { v: 'agencyName' }, ' xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ, ',
        'hẹn trả kết quả vào ', { v: 'newDueAt', face: 'bold', keep: true }, '.',
      ],
    },
    {
      kind: 'line',
      parts: ['Mong Ông/Bà thông cảm. Mọi thắc mắc, Ông/Bà liên hệ ', { v: 'contact' }, ' để được hướng dẫn./.'],
    },
    { kind: 'signatures' },
  ] satisfies FormBlock<ApologyVar>[] as FormBlock<ApologyVar>[],
  signatures: {
    right: 'THỦ TRƯỞNG ĐƠN VỊ',
    hint: '(Ký, ghi rõ họ tên và đóng dấu)',
    recipients: { label: 'Nơi nhận:', lines: ['- Như trên;', '- Lưu: VT, Bộ phận Một cửa.'] },
  },
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<ApologyVar>;

export type Mau04Template = typeof MAU04;
