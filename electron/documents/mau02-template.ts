/**
 * Mẫu 02 — "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" (TT 03/2025 Phụ lục I) as data. The official TT 03/2025 layout
 * was not obtained: the fields follow the TT 01/2018 Mẫu 02 field list (as printed by Thanh Hóa's system) plus what
 * NĐ 118/2025 requires (every item with its reason, in one request only). Correcting the layout means editing this
 * file and bumping `version`; form-render.ts only interprets it.
 */
import {
  FORM_PAPER,
  FORM_PAPER_COMPACT,
  ND30,
  type FormBlock,
  type FormTemplate,
  type HeaderVar,
  type TableColumn,
} from './form-template';

/** `stage` is "reception" or "appraisal" (for `when`); `note` and `contact` may be empty. */
export type SupplementVar = HeaderVar | 'stage' | 'note' | 'contact';

/** The decree a supplement request cites: NĐ 118/2025 now, NĐ 61/2018 under TT 01/2018. */
export interface Decree {
  full: string;
  short: string;
}

export const ND118: Decree = { full: 'Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ', short: '118/2025/NĐ-CP' };

/** The blocks of Mẫu 02, citing `decree` (the TT 01/2018 form has the same fields under NĐ 61/2018). */
export function supplementBlocks(decree: Decree): FormBlock<SupplementVar>[] {
  return [
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true },
    { kind: 'line', parts: ['Đơn vị: ', { v: 'agencyName' }] },
    {
      kind: 'line',
      parts: ['Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: ', { v: 'applicantName', face: 'bold' }, ' (', { v: 'channelName', keep: true }, ')'],
    },
    { kind: 'line', parts: ['Nội dung yêu cầu giải quyết: ', { v: 'procedureName', face: 'bold' }] },
    { kind: 'line', parts: ['Địa chỉ: ', { v: 'address' }] },
    { kind: 'line', parts: ['Số điện thoại: ', { v: 'phone' }, '; Email: ', { v: 'email' }] },
    { kind: 'line', parts: [{ v: 'idLabel' }, ': ', { v: 'idNumber' }], unless: 'idNumber' },
    {
      kind: 'line',
      when: { v: 'stage', is: 'reception' },
      spaceBefore: 0.25,
      keepWithNext: 4,
      parts: [
        `Qua kiểm tra, hồ sơ của Ông/Bà chưa đầy đủ/chưa hợp lệ. Theo quy định tại ${decree.full}, ` +
          'đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      ],
    },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      spaceBefore: 0.25,
      keepWithNext: 4,
      parts: [
        'Qua thẩm định, cơ quan có thẩm quyền giải quyết xác định hồ sơ của Ông/Bà chưa đầy đủ/chưa hợp lệ. ' +
          `Theo quy định tại ${decree.full}, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`,
      ],
    },
    { kind: 'components' },
    { kind: 'line', parts: ['Nội dung khác: ', { v: 'note' }], unless: 'note' },
    {
      kind: 'line',
      when: { v: 'stage', is: 'reception' },
      spaceBefore: 0.25,
      parts: [
        'Yêu cầu bổ sung, hoàn thiện hồ sơ chỉ thực hiện một lần, nêu đầy đủ các nội dung trên (Nghị định số ' +
          `${decree.short}). Thời hạn giải quyết được tính từ khi Ông/Bà nộp đủ hồ sơ hợp lệ.`,
      ],
    },
    {
      kind: 'line',
      when: { v: 'stage', is: 'appraisal' },
      spaceBefore: 0.25,
      parts: [
        'Yêu cầu bổ sung, hoàn thiện hồ sơ chỉ thực hiện một lần, nêu đầy đủ các nội dung trên (Nghị định số ' +
          `${decree.short}). Thời hạn giải quyết được tính lại từ đầu kể từ khi nhận đủ hồ sơ đã bổ sung, hoàn thiện.`,
      ],
    },
    {
      kind: 'line',
      unless: 'contact',
      parts: ['Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ', { v: 'contact' }, ' để được hướng dẫn./.'],
    },
    {
      kind: 'line',
      when: { v: 'contact', is: '' },
      parts: ['Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ', { v: 'agencyName' }, ' để được hướng dẫn./.'],
    },
    { kind: 'signatures' },
  ];
}

export const MAU02 = {
  version: 'TT03-2025/mau02@2',
  title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  ...ND30,
  empty: '—',
  blank: '………',
  continuation: 'Tiếp theo Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, mã hồ sơ',
  blocks: supplementBlocks(ND118),
  table: {
    columns: [
      { label: 'STT', share: 0.07, align: 'center' },
      { label: 'Thành phần hồ sơ cần bổ sung, hoàn thiện', share: 0.32, align: 'left' },
      { label: 'Bản chính', share: 0.09, align: 'center' },
      { label: 'Bản chứng thực', share: 0.1, align: 'center' },
      { label: 'Bản photo', share: 0.09, align: 'center' },
      { label: 'Lý do', share: 0.33, align: 'left' },
    ] satisfies TableColumn[] as TableColumn[],
    none: '(Không có thành phần hồ sơ cần bổ sung; xem nội dung khác)',
  },
  signatures: {
    left: 'NGƯỜI NỘP HỒ SƠ',
    right: 'NGƯỜI HƯỚNG DẪN',
    hint: '(Ký, ghi rõ họ tên)',
  },
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<SupplementVar>;

export type Mau02Template = typeof MAU02;
