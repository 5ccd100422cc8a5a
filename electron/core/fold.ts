/**
 * Vietnamese folding for search: NFC in, lower case, diacritics removed, đ → d, runs of
 * non-alphanumerics collapsed to one space. "NGUYỄN THỊ PHÚC" → "nguyen thi phuc", "Đức" → "duc".
 * SQLite's unicode61 tokenizer folds accents but not đ, so the desk folds both sides itself.
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** NFC and single spaces: how names and addresses are stored. */
export const normalizeText = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
