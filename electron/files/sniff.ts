import type { AcceptedMime } from '../contract/counter';

/** How many leading bytes `sniffType` looks at (a PDF header may follow up to 1 KB of junk). */
export const SNIFF_BYTES = 1024;

export type AcceptedExt = 'pdf' | 'jpg' | 'png';
export type RejectedKind = 'executable' | 'zip' | 'html' | 'empty' | 'unknown';

export type SniffResult = { mime: AcceptedMime; ext: AcceptedExt } | { mime: null; looksLike: RejectedKind };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MARKER = Buffer.from('%PDF-', 'latin1');

/** Mach-O (32/64-bit, both byte orders) and universal binaries. */
const MACHO_MAGICS = [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe, 0xbebafeca];

const startsWith = (head: Buffer, bytes: readonly number[]) =>
  head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** Markup or script text: the first non-blank characters open an HTML/XML/SVG document or a script tag. */
function looksLikeMarkup(head: Buffer): boolean {
  let text = head.subarray(0, 512).toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3); // UTF-8 BOM
  text = text.replace(/^[\s\0]+/, '').toLowerCase();
  return /^<(!doctype\s+html|html|head|body|script|iframe|svg|\?xml|!--)/.test(text);
}

/** Detects the type from the first bytes (magic numbers), never from the name. */
export function sniffType(head: Buffer): SniffResult {
  if (head.length === 0) return { mime: null, looksLike: 'empty' };
  // Programs first: a polyglot starting with "MZ" and hiding "%PDF-" further on is a program.
  if (startsWith(head, [0x4d, 0x5a])) return { mime: null, looksLike: 'executable' }; // MZ (Windows .exe/.dll)
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { mime: null, looksLike: 'executable' }; // ELF
  if (head.length >= 4 && MACHO_MAGICS.includes(head.readUInt32BE(0))) return { mime: null, looksLike: 'executable' };
  if (startsWith(head, [0x23, 0x21])) return { mime: null, looksLike: 'executable' }; // "#!" script
  if (startsWith(head, [0x50, 0x4b]) && head.length >= 4 && [0x0304, 0x0506, 0x0708].includes(head.readUInt16BE(2))) {
    return { mime: null, looksLike: 'zip' };
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return { mime: 'image/png', ext: 'png' };
  if (head.subarray(0, SNIFF_BYTES).indexOf(PDF_MARKER) !== -1) return { mime: 'application/pdf', ext: 'pdf' };
  if (looksLikeMarkup(head)) return { mime: null, looksLike: 'html' };
  return { mime: null, looksLike: 'unknown' };
}

/** Vietnamese description of a rejected kind, for messages ("tệp này là …"). */
export function describeRejected(kind: RejectedKind): string {
  switch (kind) {
    case 'executable':
      return 'tệp chương trình (.exe)';
    case 'zip':
      return 'tệp nén (.zip) hoặc tài liệu Word/Excel';
    case 'html':
      return 'trang web hoặc mã lệnh (HTML/script)';
    case 'empty':
      return 'tệp rỗng';
    case 'unknown':
      return 'loại tệp không nhận dạng được';
  }
}

/** Vietnamese description of an accepted type ("ảnh PNG"). */
export function describeAccepted(mime: AcceptedMime): string {
  switch (mime) {
    case 'application/pdf':
      return 'tệp PDF';
    case 'image/jpeg':
      return 'ảnh JPEG';
    case 'image/png':
      return 'ảnh PNG';
  }
}

/** The accepted type a file name's extension announces, or null (no extension, or another one). */
export function mimeFromExtension(name: string): AcceptedMime | null {
  const m = /\.([a-z0-9]{1,10})$/i.exec(name);
  switch (m?.[1]?.toLowerCase()) {
    case 'pdf':
      return 'application/pdf';
    case 'jpg':
    case 'jpeg':
    case 'jpe':
    case 'jfif':
      return 'image/jpeg';
    case 'png':
      return 'image/png';
    default:
      return null;
  }
}
