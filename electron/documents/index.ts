export { createDocumentRenderer, slipValues, type DocumentRenderer, type Paper, type SlipData } from './slip';
export { MAU01, type Mau01Template } from './mau01-template';
export { qrPayload } from './qr';
export { printable } from './pen';
