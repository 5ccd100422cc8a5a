export {
  createDocumentRenderer,
  slipValues,
  type DocumentRenderer,
  type Paper,
  type RenderOptions,
  type SlipData,
  type SlipOptions,
} from './slip';
export {
  headerValues,
  refusalValues,
  supplementValues,
  type FormHeaderData,
  type RefusalSlipData,
  type SupplementSlipData,
} from './supplement-refusal';
export { apologyValues, stopValues, type ApologyData, type StopNoticeData } from './apology-stop';
export { PROOF_TEXT, receiptValues, resultText, type ReturnReceiptData } from './return-receipt';
export { regimeFor, TT03_2025_FROM, type LegalRegime } from './regimes';
export { FORM_NOS, TEMPLATES, templateFor, type FormNo, type FormTemplates, type TemplateForm } from './templates';
export { MAU01, MAU01_COPIES, type Mau01Template } from './mau01-template';
export { MAU02, type Mau02Template } from './mau02-template';
export { MAU03, type Mau03Template } from './mau03-template';
export { MAU04, type Mau04Template } from './mau04-template';
export { MAU05, type Mau05Template } from './mau05-template';
export { BIEN_NHAN, RECEIPT_COPIES, type BienNhanTemplate } from './receipt-template';
export { FontStore } from './fonts';
export { code128, barRects } from './barcode';
export { qrPayload } from './qr';
export { printable } from './pen';
