/**
 * Mẫu 03 — "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (TT 03/2025 Phụ lục I) as data. The official TT 03/2025 layout
 * was not obtained: the fields follow the TT 01/2018 Mẫu 03 field list (as printed by Thanh Hóa's system); NĐ 118/2025
 * requires the refusal in writing with its reason. Correcting the layout means editing this file and bumping
 * `version`; form-render.ts only interprets it.
 */
import { FORM_PAPER, FORM_PAPER_COMPACT, ND30, type FormBlock, type FormTemplate, type HeaderVar } from './form-template';

/** `reason` may hold line breaks (one paragraph each); `contact` may be empty. */
export type RefusalVar = HeaderVar | 'reason' | 'contact';

export const MAU03 = {
  version: 'TT03-2025/mau03@2',
  title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  ...ND30,
  empty: '—',
  blank: '………',
  continuation: 'Tiếp theo Phiếu từ chối tiếp nhận giải quyết hồ sơ, mã hồ sơ',
  blocks: [
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true },
    { kind: 'line', parts: ['Đơn vị: ', { v: 'agencyName' }] },
    {
      kind: 'line',
      parts: ['Tiếp nhận hồ sơ của Ông/Bà: ', { v: 'applicantName', face: 'bold' }, ' (', { v: 'channelName', keep: true }, ')'],
    },
    { kind: 'line', parts: ['Địa chỉ: ', { v: 'address' }] },
    { kind: 'line', parts: ['Số điện thoại: ', { v: 'phone' }, '; Email: ', { v: 'email' }] },
    { kind: 'line', parts: [{ v: 'idLabel' }, ': ', { v: 'idNumber' }], unless: 'idNumber' },
    { kind: 'line', parts: ['Nội dung yêu cầu giải quyết: ', { v: 'procedureName', face: 'bold' }] },
    {
      kind: 'line',
      spaceBefore: 0.25,
      keepWithNext: 2,
      parts: ['Qua xem xét, ', { v: 'agencyName' }, ' thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:'],
    },
    { kind: 'line', parts: [{ v: 'reason' }] },
    { kind: 'line', parts: ['Xin thông báo cho Ông/Bà được biết và thực hiện./.'], spaceBefore: 0.25 },
    {
      kind: 'line',
      unless: 'contact',
      parts: ['Nếu có vướng mắc, Ông/Bà liên hệ ', { v: 'contact' }, ' để được hướng dẫn.'],
    },
    {
      kind: 'line',
      when: { v: 'contact', is: '' },
      parts: ['Nếu có vướng mắc, Ông/Bà liên hệ ', { v: 'agencyName' }, ' để được hướng dẫn.'],
    },
    { kind: 'signatures' },
  ] satisfies FormBlock<RefusalVar>[] as FormBlock<RefusalVar>[],
  signatures: {
    left: 'NGƯỜI NỘP HỒ SƠ',
    right: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    hint: '(Ký và ghi rõ họ tên)',
  },
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<RefusalVar>;

export type Mau03Template = typeof MAU03;
