/**
 * UPU S10 item numbers (e.g. EE123456785VN): 2-letter service indicator, 8-digit serial, mod-11 check digit
 * (weights 8 6 4 2 3 5 9 7; 10 → 0, 11 → 5), 2-letter ISO country code. The check lives in the contract, as folding
 * does (core/fold.ts), so the renderer's inline check of a number is the desk's own.
 */
export { S10_WEIGHTS, normalizeS10, s10CheckDigit, validateS10, type S10Check } from '../contract/postal';
