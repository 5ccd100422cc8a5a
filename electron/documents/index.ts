export { createDocumentRenderer, slipValues, type DocumentRenderer, type Paper, type SlipData } from './slip';
export {
  headerValues,
  refusalValues,
  supplementValues,
  type FormHeaderData,
  type RefusalSlipData,
  type SupplementSlipData,
} from './supplement-refusal';
export { MAU01, type Mau01Template } from './mau01-template';
export { MAU02, type Mau02Template } from './mau02-template';
export { MAU03, type Mau03Template } from './mau03-template';
export { qrPayload } from './qr';
export { printable } from './pen';
