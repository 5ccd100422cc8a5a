/**
 * Whether the bytes of a PDF show that a page draws something, read straight from the file.
 *
 * The inspector needs this for one case only. pdf.js's strict pass stops a page at its first image (images are never
 * decoded), and a stopped page comes back with no operators, exactly like a page that has none. Asking pdf.js again
 * in lenient mode tells them apart but costs a second document (a copy of the file, a parse, garbage): most of the
 * time of an intake with scans. A scanned page's content is a few bytes (`q … cm /Im0 Do Q`) that can be read here.
 *
 * One-sided on purpose: `true` only when the page and its content streams are written plainly (ordinary objects, a
 * direct /Length that ends at `endstream`, no filter or FlateDecode) and a stream holds an operator; anything else,
 * an empty page included, is `false` = "the bytes do not tell", and pdf.js decides. A mistake here can only hide a
 * blank-page warning, never raise one on a page that draws.
 */
import { inflateSync } from 'node:zlib';

export interface PdfRef {
  num: number;
  gen: number;
}

/** A page dictionary or a stream's dictionary is short; a longer one is not read this way. */
const MAX_DICT = 64 * 1024;
/** How far from the end the trailer (or the cross-reference stream) with its /Encrypt is looked for. */
const TRAILER = 64 * 1024;
/** A scanned page's content inflates to a few hundred bytes; more than this is not read here. */
const MAX_CONTENT = 1024 * 1024;

/** True when page `ref`'s content streams, read from the bytes, hold an operator or operand (see above). */
export function showsContent(raw: Uint8Array, page: PdfRef): boolean {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // Encrypted streams are not readable here (pdf.js refuses such files anyway). /Encrypt is in the trailer, at the end.
  if (buf.subarray(-TRAILER).includes('/Encrypt', 0, 'latin1')) return false;
  const found = objectAt(buf, page);
  if (!found || found.streamAt !== null) return false;
  const dict = found.dict.trim();
  // A whole dictionary (not cut at a "stream" or "endobj" inside a string), no #-escaped names, a page.
  if (!dict.startsWith('<<') || !dict.endsWith('>>') || dict.includes('#') || !/\/Type\s*\/Page(?![A-Za-z])/.test(dict)) return false;
  const contents = /\/Contents\s*(?:(\d+)\s+(\d+)\s+R|\[([^\]%]*)\])/.exec(dict);
  if (!contents) return false;
  const refs = contents[3] !== undefined ? [...contents[3].matchAll(/(\d+)\s+(\d+)\s+R/g)] : [contents];
  return refs.some((m) => streamShowsContent(buf, { num: Number(m[1]), gen: Number(m[2]) }));
}

function streamShowsContent(buf: Buffer, ref: PdfRef): boolean {
  const found = objectAt(buf, ref);
  if (!found || found.streamAt === null) return false;
  const { dict, streamAt } = found;
  const length = /\/Length\s+(\d+)(\s+\d+\s+R)?(?![\d.])/.exec(dict);
  if (!length || length[2] !== undefined || /\/DecodeParms|\/DP(?![A-Za-z])|#/.test(dict)) return false;
  // No filter, or FlateDecode alone (also as a one-element array); a chain of filters or any other is not read here.
  const filter = /\/Filter\s*(?:\/([A-Za-z0-9]+)|\[\s*(?:\/([A-Za-z0-9]+)\s*)?\])/.exec(dict);
  if (/\/Filter(?![A-Za-z])/.test(dict) && !filter) return false;
  const filterName = filter ? (filter[1] ?? filter[2] ?? null) : null;
  if (filterName !== null && filterName !== 'FlateDecode' && filterName !== 'Fl') return false;
  // The data starts after "stream" and its end of line (CR LF or LF), and /Length bytes later comes "endstream".
  let start = streamAt + 'stream'.length;
  if (buf[start] === 0x0d) start++;
  if (buf[start] === 0x0a) start++;
  const end = start + Number(length[1]);
  let after = end;
  while (after < buf.length && isWhite(buf[after]!) && after < end + 4) after++;
  if (buf.toString('latin1', after, after + 'endstream'.length) !== 'endstream') return false;
  let data = buf.subarray(start, end);
  if (filterName !== null) {
    try {
      data = inflateSync(data, { maxOutputLength: MAX_CONTENT });
    } catch {
      return false;
    }
  }
  return hasToken(data);
}

/** The last definition of object `ref` (an incremental update appends newer ones): its dictionary text. */
function objectAt(buf: Buffer, ref: PdfRef): { dict: string; streamAt: number | null } | null {
  const head = `${ref.num} ${ref.gen} obj`;
  let at = buf.lastIndexOf(head, undefined, 'latin1');
  // "2 0 obj" must not be the end of "12 0 obj"
  while (at > 0 && !isWhite(buf[at - 1]!)) at = buf.lastIndexOf(head, at - 1, 'latin1');
  if (at < 0) return null;
  const from = at + head.length;
  const endobj = buf.indexOf('endobj', from, 'latin1');
  const stream = buf.indexOf('stream', from, 'latin1');
  const end = Math.min(endobj < 0 ? Infinity : endobj, stream < 0 ? Infinity : stream);
  if (end === Infinity || end - from > MAX_DICT) return null;
  return { dict: buf.toString('latin1', from, end), streamAt: stream >= 0 && stream === end ? stream : null };
}

/** PDF white space: NUL, TAB, LF, FF, CR, SP. */
function isWhite(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
}

/** Anything but white space and comments (% to the end of the line). */
function hasToken(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    if (isWhite(b)) continue;
    if (b !== 0x25) return true;
    while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
  }
  return false;
}
