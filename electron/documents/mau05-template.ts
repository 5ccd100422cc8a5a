/**
 * Mẫu 05 — "Thông báo dừng giải quyết hồ sơ" (TT 03/2025 Phụ lục I) as data: the citizen asked to stop the procedure
 * before a decision was issued (NĐ 118/2025), the desk stops it and returns the papers. The official layout was not
 * obtained: the content follows NĐ 118/2025 and the style of the other forms. TT 01/2018 had no such notice, so
 * dossiers under that regime use this template too (templates.ts). Correcting the layout means editing this file
 * and bumping `version`; form-render.ts only interprets it.
 */
import { FORM_PAPER, FORM_PAPER_COMPACT, ND30, type FormBlock, type FormTemplate, type HeaderVar } from './form-template';

/** Times are formatted "08 giờ 05 phút, ngày 24/11/2026"; `reason` may hold line breaks; `returnsDocuments` may be ''. */
export type StopVar = HeaderVar | 'receivedAt' | 'requestedAt' | 'stoppedAt' | 'reason' | 'returnsDocuments';

export const MAU05 = {
  version: 'TT03-2025/mau05@1',
  title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  ...ND30,
  empty: '—',
  blank: '………',
  number: { label: 'Số: ', blank: '……/……' },
  continuation: 'Tiếp theo Thông báo dừng giải quyết hồ sơ, mã hồ sơ',
  blocks: [
    { kind: 'line', parts: ['Kính gửi: Ông/Bà ', { v: 'applicantName', face: 'bold' }], spaceBefore: 0.2 },
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true, spaceBefore: 0.3 },
    { kind: 'line', parts: ['Địa chỉ: ', { v: 'address' }] },
    { kind: 'line', parts: ['Số điện thoại: ', { v: 'phone' }, '; Email: ', { v: 'email' }] },
    { kind: 'line', parts: [{ v: 'idLabel' }, ': ', { v: 'idNumber' }], unless: 'idNumber' },
    {
      kind: 'line',
      spaceBefore: 0.25,
      parts: [
        'Vào lúc ', { v: 'requestedAt', keep: true }, ', Ông/Bà có yêu cầu dừng giải quyết hồ sơ đề nghị giải quyết thủ tục ',
        'hành chính: ', { v: 'procedureName', face: 'bold' }, ', do ', { v: 'agencyName' }, ' tiếp nhận vào lúc ',
        { v: 'receivedAt', keep: true }, '.',
      ],
    },
    { kind: 'line', parts: ['Lý do: ', { v: 'reason' }] },
    {
      kind: 'line',
      spaceBefore: 0.25,
      parts: [
        { v: 'agencyName' }, ' thông báo dừng giải quyết hồ sơ mã số ', { v: 'code', face: 'bold', keep: true }, ' kể từ ',
        { v: 'stoppedAt', face: 'bold', keep: true }, '.',
      ],
    },
    { kind: 'line', parts: ['Hồ sơ, giấy tờ trả lại cho Ông/Bà: ', { v: 'returnsDocuments' }], unless: 'returnsDocuments' },
    { kind: 'line', parts: ['Khi có nhu cầu, Ông/Bà có thể nộp lại hồ sơ theo quy định./.'] },
    { kind: 'signatures' },
  ] satisfies FormBlock<StopVar>[] as FormBlock<StopVar>[],
  signatures: {
    left: 'NGƯỜI NỘP HỒ SƠ',
    right: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    hint: '(Ký và ghi rõ họ tên)',
  },
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<StopVar>;

export type Mau05Template = typeof MAU05;
