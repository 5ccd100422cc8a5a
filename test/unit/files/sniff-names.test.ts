import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../electron/files/names';
import { mimeFromExtension, sniffType } from '../../../electron/files/sniff';
import { jpeg, png } from './fixtures';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffType', () => {
  it('recognises the accepted types from their magic numbers', () => {
    expect(sniffType(bytes('%PDF-1.7\n'))).toEqual({ mime: 'application/pdf', ext: 'pdf' });
    expect(sniffType(jpeg(8, 8))).toEqual({ mime: 'image/jpeg', ext: 'jpg' });
    expect(sniffType(png(2, 2))).toEqual({ mime: 'image/png', ext: 'png' });
  });

  it('finds a PDF header after up to 1 KB of junk, not further', () => {
    expect(sniffType(bytes(' '.repeat(1000), '%PDF-1.4')).mime).toBe('application/pdf');
    expect(sniffType(bytes(' '.repeat(1100), '%PDF-1.4'))).toEqual({ mime: null, looksLike: 'unknown' });
  });

  it('names programs, archives, web pages, empty and unknown content', () => {
    expect(sniffType(bytes('MZ', [0x90, 0, 3]))).toEqual({ mime: null, looksLike: 'executable' });
    expect(sniffType(bytes('MZ', ' '.repeat(100), '%PDF-1.4'))).toEqual({ mime: null, looksLike: 'executable' });
    expect(sniffType(bytes([0x7f], 'ELF', [2, 1, 1]))).toEqual({ mime: null, looksLike: 'executable' });
    expect(sniffType(bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]))).toEqual({ mime: null, looksLike: 'executable' });
    expect(sniffType(bytes('#!/bin/sh\nrm -rf /'))).toEqual({ mime: null, looksLike: 'executable' });
    expect(sniffType(bytes('PK', [3, 4, 20, 0]))).toEqual({ mime: null, looksLike: 'zip' });
    expect(sniffType(bytes('\xef\xbb\xbf  \n<!DOCTYPE html><html>'))).toEqual({ mime: null, looksLike: 'html' });
    expect(sniffType(bytes('<script>alert(1)</script>'))).toEqual({ mime: null, looksLike: 'html' });
    expect(sniffType(bytes('<?xml version="1.0"?><svg/>'))).toEqual({ mime: null, looksLike: 'html' });
    expect(sniffType(Buffer.alloc(0))).toEqual({ mime: null, looksLike: 'empty' });
    expect(sniffType(bytes('Họ và tên: Nguyễn Văn A'))).toEqual({ mime: null, looksLike: 'unknown' });
    expect(sniffType(bytes([0xff, 0xd8]))).toEqual({ mime: null, looksLike: 'unknown' });
  });

  it('reads extensions case-insensitively', () => {
    expect(mimeFromExtension('a.PDF')).toBe('application/pdf');
    expect(mimeFromExtension('a.Jpeg')).toBe('image/jpeg');
    expect(mimeFromExtension('a.jpg')).toBe('image/jpeg');
    expect(mimeFromExtension('a.png')).toBe('image/png');
    expect(mimeFromExtension('a.pdf.exe')).toBeNull();
    expect(mimeFromExtension('pdf')).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment only', () => {
    expect(safeFileName('../../x.pdf')).toBe('x.pdf');
    expect(safeFileName('C:\\a\\b.pdf')).toBe('b.pdf');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('a/b/')).toBe('tep-dinh-kem');
  });

  it('stores NFC', () => {
    const nfd = 'Giấy khai sinh – Nguyễn Thị Ánh.pdf'.normalize('NFD');
    const out = safeFileName(nfd);
    expect(out).toBe('Giấy khai sinh – Nguyễn Thị Ánh.pdf'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
  });

  it('drops control and bidi-override characters, replaces Windows-reserved ones', () => {
    expect(safeFileName('a\u0000b\u0007c\n.pdf')).toBe('abc.pdf');
    expect(safeFileName('hoa-don\u202Efdp.exe')).toBe('hoa-donfdp.exe');
    expect(safeFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
  });

  it('trims leading and trailing dots and spaces', () => {
    expect(safeFileName('  đơn.pdf. . ')).toBe('đơn.pdf');
    expect(safeFileName('...')).toBe('tep-dinh-kem');
    expect(safeFileName('.pdf')).toBe('tep-dinh-kem.pdf');
    expect(safeFileName('')).toBe('tep-dinh-kem');
    expect(safeFileName('   ')).toBe('tep-dinh-kem');
  });

  it('prefixes reserved device names', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.pdf')).toBe('_nul.pdf');
    expect(safeFileName('com1.tar.pdf')).toBe('_com1.tar.pdf');
    expect(safeFileName('LPT9 .png')).toBe('_LPT9.png');
    expect(safeFileName('console.pdf')).toBe('console.pdf');
  });

  it('shortens to 150 characters keeping the extension', () => {
    const out = safeFileName(`${'Đơn đề nghị '.repeat(30)}.pdf`);
    expect(Array.from(out).length).toBeLessThanOrEqual(150);
    expect(out.endsWith('.pdf')).toBe(true);
    expect(out.startsWith('Đơn đề nghị')).toBe(true);
    expect(out).not.toMatch(/\s\.pdf$/);
    const emoji = safeFileName(`${'😀'.repeat(200)}.png`);
    expect(Array.from(emoji).length).toBe(150);
    expect(emoji).toBe(`${'😀'.repeat(146)}.png`);
  });
});
