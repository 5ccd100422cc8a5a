import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeText } from '../../../electron/core/fold';

describe('foldVietnamese', () => {
  it('removes diacritics, folds đ and case', () => {
    expect(foldVietnamese('NGUYỄN THỊ PHÚC')).toBe('nguyen thi phuc');
    expect(foldVietnamese('Đức')).toBe('duc');
    expect(foldVietnamese('đặng  Văn   Đạt')).toBe('dang van dat');
  });
  it('treats NFC and NFD input alike', () => {
    const nfd = 'Nguyễn Thị Phúc'.normalize('NFD');
    expect(foldVietnamese(nfd)).toBe(foldVietnamese('Nguyễn Thị Phúc'.normalize('NFC')));
  });
  it('turns punctuation into single spaces', () => {
    expect(foldVietnamese("  Lê-Thị  (Hoa)'s ")).toBe('le thi hoa s');
  });
});

describe('normalizeText', () => {
  it('stores NFC with single spaces', () => {
    const out = normalizeText('  Nguyễn   Văn A '.normalize('NFD'));
    expect(out).toBe('Nguyễn Văn A');
    expect(out).toBe(out.normalize('NFC'));
  });
});
