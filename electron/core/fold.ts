/** Folding lives in the contract so the renderer folds exactly as the desk does. */
export { foldVietnamese } from '../contract/text';

/** NFC and single spaces: how names and addresses are stored. */
export const normalizeText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
