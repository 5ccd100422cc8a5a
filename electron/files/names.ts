/** Stored file names: safe on Windows, macOS and Linux, whatever the officer's or the citizen's system produced. */

export const DEFAULT_FILE_NAME = 'tep-dinh-kem';
export const MAX_NAME_LENGTH = 150;

/** C0/C1 controls, and the bidi overrides that can disguise "gpj.exe" as "exe.jpg". */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED_CHARS = /[<>:"/\\|?*]/g;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** An extension worth keeping when shortening: a dot and 1–10 letters or digits at the end. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

const trimEnds = (s: string) => s.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');

/** Cuts to at most `max` code points without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, max).join('');
}

/**
 * A stored name: NFC, last path segment only, no control chars, Windows-reserved chars replaced by '_', no leading
 * or trailing dots/spaces, reserved device names prefixed, at most 150 chars keeping the extension, never empty.
 */
export function safeFileName(name: string): string {
  let s = String(name ?? '').normalize('NFC');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(INVISIBLE, '').replace(WINDOWS_RESERVED_CHARS, '_');
  s = s.replace(/[\s.]+$/u, '');

  const extMatch = EXTENSION.exec(s);
  const ext = extMatch ? extMatch[0] : '';
  let base = trimEnds(ext ? s.slice(0, -ext.length) : s);
  // ".pdf" alone is an extension without a name; "..." is nothing at all.
  if (base === '') base = DEFAULT_FILE_NAME;
  // Windows refuses CON, NUL, COM1… as the part before the first dot, whatever follows.
  const stem = base.split('.')[0] ?? '';
  if (DEVICE_NAMES.test(stem.trimEnd())) base = `_${base}`;

  const room = MAX_NAME_LENGTH - Array.from(ext).length;
  if (Array.from(base).length > room) base = trimEnds(cut(base, room)) || DEFAULT_FILE_NAME;
  return (base + ext).normalize('NFC');
}

/** Appends `.ext` unless the name already ends with it (case-insensitive), staying within the length limit. */
export function withExtension(name: string, ext: string): string {
  return safeFileName(name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${ext}`);
}
