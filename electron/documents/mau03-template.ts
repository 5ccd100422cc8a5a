/**
 * Mẫu 03 — "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (TT 03/2025 Phụ lục I) as data. The official TT 03/2025 layout
 * was not obtained: the fields follow the TT 01/2018 Mẫu 03 field list (as printed by Thanh Hóa's system); NĐ 118/2025
 * requires the refusal in writing with its reason. Two stages, as Mẫu 02 has: at reception (the desk does not accept
 * the dossier) and after appraisal (the competent body finds the dossier does not qualify and finishes with a
 * refusal; the desk hands this paper over with the result). Correcting the layout means editing this file and
 * bumping `version`; form-render.ts only interprets it.
 */
import { FORM_PAPER, FORM_PAPER_COMPACT, ND30, type FormBlock, type FormTemplate, type HeaderVar } from './form-template';

/**
 * `stage` is "reception" or "appraisal" (for `when`); `reason` may hold line breaks (one paragraph each); `contact`
 * may be empty; `receivedAt` ("08 giờ 05 phút, ngày 24/11/2026") and `result` (the refusal's summary, number and
 * date) are shown at the appraisal stage only, and may be empty.
 */
export type RefusalVar = HeaderVar | 'stage' | 'reason' | 'contact' | 'receivedAt' | 'result';

/** Mẫu 03's template: the right signature's title on the appraisal stage, when the desk or the specialist draws it. */
export interface RefusalTemplate extends FormTemplate<RefusalVar> {
  appraisalSigner: string;
}

export const MAU03 = {
  version: 'TT03-2025/mau03@3',
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
      when: { v: 'stage', is: 'reception' },
      spaceBefore: 0.25,
      keepWithNext: 2,
      parts: ['Qua xem xét, ', { v: 'agencyName' }, ' thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:'],
    },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      unless: 'receivedAt',
      parts: ['Thời gian tiếp nhận hồ sơ: ', { v: 'receivedAt', keep: true }],
    },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      spaceBefore: 0.25,
      keepWithNext: 2,
      parts: [
        'Qua thẩm định, cơ quan có thẩm quyền giải quyết xác định hồ sơ của Ông/Bà không đủ điều kiện giải quyết. ',
        { v: 'agencyName' }, ' thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:',
      ],
    },
    { kind: 'line', parts: [{ v: 'reason' }] },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      unless: 'result',
      spaceBefore: 0.25,
      parts: ['Kết quả giải quyết: ', { v: 'result', face: 'bold' }],
    },
    { kind: 'line', parts: ['Xin thông báo cho Ông/Bà được biết và thực hiện./.'], spaceBefore: 0.25, when: { v: 'stage', is: 'reception' } },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      spaceBefore: 0.25,
      parts: ['Hồ sơ đã nộp được trả lại cho Ông/Bà kèm theo Phiếu này. Xin thông báo cho Ông/Bà được biết./.'],
    },
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
  appraisalSigner: 'NGƯỜI LẬP PHIẾU',
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies RefusalTemplate;

export type Mau03Template = typeof MAU03;
