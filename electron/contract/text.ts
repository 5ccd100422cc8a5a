/**
 * Vietnamese folding for search, shared by the desk (FTS index, queries) and the renderer (procedure picker):
 * NFC in, lower case, diacritics removed, đ → d, runs of non-alphanumerics collapsed to one space.
 * "NGUYỄN THỊ PHÚC" → "nguyen thi phuc", "Đức" → "duc". SQLite's unicode61 folds accents but not đ.
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
