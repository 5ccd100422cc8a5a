import yauzl from 'yauzl';

/** General purpose bit 11: the name and comment are UTF-8. */
const UTF8_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field. */
const UNICODE_PATH_FIELD = 0x7075;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an entry's raw name the way yauzl's decodeStrings does (UTF-8 flag, Unicode Path extra field, else CP437),
 * with two differences: nothing is rejected here (the reader reports every bad name instead of stopping at the
 * first), and a name without the UTF-8 flag whose bytes are valid non-ASCII UTF-8 is read as UTF-8 — some Windows
 * zippers write UTF-8 without setting the flag, and real CP437 names are practically never valid UTF-8.
 * Backslashes are kept (strict) so they can be reported.
 */
export function decodeEntryName(flags: number, raw: Buffer, extraFields: yauzl.ExtraField[]): string {
  const hasUnicodePath = extraFields.some((f) => f.id === UNICODE_PATH_FIELD);
  if ((flags & UTF8_FLAG) === 0 && !hasUnicodePath && raw.some((b) => b >= 0x80)) {
    try {
      return utf8Strict.decode(raw);
    } catch {
      // not UTF-8: CP437 below
    }
  }
  return yauzl.getFileNameLowLevel(flags, raw, extraFields, true);
}

export type NameFault = 'empty' | 'absolute' | 'traversal' | 'backslash' | 'folder' | 'control' | 'undecodable';

/**
 * Why a ZIP entry name cannot be an attachment of a flat package, or null when it can. The most dangerous reason
 * wins: "..\x.pdf" is traversal (Windows reads "\" as a separator), not merely a backslash.
 */
export function nameFault(name: string): NameFault | null {
  if (name === '') return 'empty';
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return 'absolute';
  if (slashed.split('/').some((seg) => seg === '..')) return 'traversal';
  if (name.includes('\\')) return 'backslash';
  if (name.includes('/')) return 'folder';
  if (name.includes('\uFFFD')) return 'undecodable';
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '\u007f')) return 'control';
  if (name === '.' || name === '..') return 'traversal';
  return null;
}

export const NAME_FAULT_MESSAGES: Record<NameFault, (name: string) => string> = {
  empty: () => 'Gói có một tệp không có tên',
  absolute: (n) => `Tệp "${n}" dùng đường dẫn tuyệt đối; gói bị từ chối`,
  traversal: (n) => `Tệp "${n}" có đường dẫn "..", trỏ ra ngoài gói; gói bị từ chối`,
  backslash: (n) => `Tên tệp "${n}" chứa dấu "\\"; gói chỉ nhận tên tệp phẳng`,
  folder: (n) =>
    n.endsWith('/')
      ? `Gói có thư mục "${n}"; gói chỉ được chứa tệp, không có thư mục`
      : `Tệp "${n}" nằm trong thư mục; mọi tệp phải nằm ngay gốc gói`,
  control: (n) => `Tên tệp "${JSON.stringify(n).slice(1, -1)}" chứa ký tự điều khiển`,
  undecodable: (n) => `Tên tệp "${n}" không đọc được (mã hóa ký tự hỏng)`,
};
