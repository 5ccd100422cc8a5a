/**
 * "Giấy biên nhận trả kết quả giải quyết thủ tục hành chính" (form code BN) as data: the desk's receipt when it hands
 * the result over at the counter. Neither TT 01/2018 nor TT 03/2025 has a numbered form for it; the content follows
 * what NĐ 118/2025 asks at the return (the time of return, the slip or an identity paper, an authorised person's
 * power of attorney, the fees collected) in the style of the other forms, signed by the person who collected the
 * result and the officer who returned it. The same receipt serves both legal regimes (templates.ts). Correcting the
 * layout means editing this file and bumping `version`; form-render.ts only interprets it.
 */
import { FORM_PAPER, FORM_PAPER_COMPACT, ND30, type FormBlock, type FormTemplate, type HeaderVar } from './form-template';

/**
 * Times are formatted "08 giờ 05 phút, ngày 24/11/2026". `resultKind` is "granted", "rejected" or '' (no result
 * recorded); `authorised` is "text" (an authorised person, with `authorisation`), "paper" (authorised, the power of
 * attorney not described) or ''; `feeKind` is "paid", "exempt" or '' (no fee: no line). Any other value may be ''.
 */
export type ReceiptVar =
  | HeaderVar
  | 'receivedAt'
  | 'dueAt'
  | 'returnedAt'
  | 'resultKind'
  | 'result'
  | 'resultReason'
  | 'receiverName'
  | 'authorised'
  | 'authorisation'
  | 'proof'
  | 'feeKind'
  | 'fee'
  | 'receiptNo'
  | 'exemptReason';

export const RECEIPT_COPIES = ['Liên 1: Lưu hồ sơ tại Bộ phận Một cửa', 'Liên 2: Giao người nhận kết quả'] as const;

export const BIEN_NHAN = {
  version: 'DESK/bien-nhan-tra-ket-qua@1',
  /** broken where it reads naturally rather than where the line runs out */
  title: 'GIẤY BIÊN NHẬN TRẢ KẾT QUẢ\nGIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  ...ND30,
  empty: '—',
  blank: '………',
  number: { label: 'Số: ', blank: '……/……' },
  copies: RECEIPT_COPIES,
  continuation: 'Tiếp theo Giấy biên nhận trả kết quả, mã hồ sơ',
  blocks: [
    { kind: 'line', parts: ['Mã hồ sơ: ', { v: 'code', face: 'bold' }], size: 'code', qr: true, barcode: true },
    { kind: 'line', parts: ['Thủ tục hành chính: ', { v: 'procedureName', face: 'bold' }] },
    { kind: 'line', parts: ['Người nộp hồ sơ: Ông/Bà ', { v: 'applicantName', face: 'bold' }] },
    { kind: 'line', parts: ['Địa chỉ: ', { v: 'address' }] },
    { kind: 'line', parts: [{ v: 'idLabel' }, ': ', { v: 'idNumber' }], unless: 'idNumber' },
    {
      kind: 'line',
      parts: ['Tiếp nhận lúc ', { v: 'receivedAt', keep: true }, '; hẹn trả kết quả lúc ', { v: 'dueAt', keep: true }, '.'],
    },

    // The result handed over (the finish's record)
    {
      kind: 'line',
      when: { v: 'resultKind', is: 'granted' },
      spaceBefore: 0.25,
      parts: ['Kết quả giải quyết: ', { v: 'result', face: 'bold' }],
    },
    {
      kind: 'line',
      when: { v: 'resultKind', is: 'rejected' },
      spaceBefore: 0.25,
      parts: ['Kết quả giải quyết: ', { v: 'result', face: 'bold' }, ' (hồ sơ không đủ điều kiện giải quyết)'],
    },
    {
      kind: 'line',
      when: { v: 'resultKind', is: 'rejected' },
      unless: 'resultReason',
      parts: ['Lý do không giải quyết: ', { v: 'resultReason' }],
    },
    {
      kind: 'line',
      when: { v: 'resultKind', is: '' },
      spaceBefore: 0.25,
      parts: ['Kết quả giải quyết: ', { v: 'result', face: 'bold' }],
    },

    // Who collected it, on what proof
    { kind: 'line', spaceBefore: 0.25, parts: ['Người nhận kết quả: Ông/Bà ', { v: 'receiverName', face: 'bold' }] },
    {
      kind: 'line',
      when: { v: 'authorised', is: 'text' },
      parts: ['Là người được ủy quyền nhận kết quả của Ông/Bà ', { v: 'applicantName' }, ', theo văn bản ủy quyền: ', { v: 'authorisation' }],
    },
    {
      kind: 'line',
      when: { v: 'authorised', is: 'paper' },
      parts: ['Là người được ủy quyền nhận kết quả của Ông/Bà ', { v: 'applicantName' }, ', có văn bản ủy quyền kèm theo.'],
    },
    { kind: 'line', parts: ['Giấy tờ xuất trình: ', { v: 'proof' }] },

    // Fees collected at the return, or exempt; no line when the procedure has none
    {
      kind: 'line',
      when: { v: 'feeKind', is: 'paid' },
      parts: ['Phí, lệ phí đã thu: ', { v: 'fee', face: 'bold' }],
    },
    {
      kind: 'line',
      when: { v: 'feeKind', is: 'paid' },
      unless: 'exemptReason',
      parts: ['Miễn, giảm phí, lệ phí: ', { v: 'exemptReason' }],
    },
    {
      kind: 'line',
      when: { v: 'feeKind', is: 'paid' },
      unless: 'receiptNo',
      parts: ['Biên lai thu phí, lệ phí số: ', { v: 'receiptNo', face: 'bold', keep: true }],
    },
    {
      kind: 'line',
      when: { v: 'feeKind', is: 'exempt' },
      parts: ['Phí, lệ phí: ', { v: 'fee', face: 'bold' }, ' (lý do miễn: ', { v: 'exemptReason' }, ')'],
    },

    { kind: 'line', spaceBefore: 0.25, parts: ['Thời gian trả kết quả: ', { v: 'returnedAt', face: 'bold', keep: true }] },
    {
      kind: 'line',
      spaceBefore: 0.25,
      parts: ['Người nhận kết quả đã kiểm tra và nhận đủ kết quả giải quyết thủ tục hành chính nêu trên./.'],
    },
    { kind: 'signatures' },
  ] satisfies FormBlock<ReceiptVar>[] as FormBlock<ReceiptVar>[],
  signatures: {
    left: 'NGƯỜI NHẬN KẾT QUẢ',
    right: 'CÁN BỘ TRẢ KẾT QUẢ',
    hint: '(Ký và ghi rõ họ tên)',
  },
  paper: FORM_PAPER,
  compact: FORM_PAPER_COMPACT,
} as const satisfies FormTemplate<ReceiptVar>;

export type BienNhanTemplate = typeof BIEN_NHAN;
