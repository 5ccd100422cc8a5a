/**
 * Pre-checks a stored candidate file: page count, password protection, blank pages, truncation.
 * PDFs are read with pdfjs-dist (legacy build, no worker thread: the build's in-process "fake worker" runs in Node);
 * nothing is rendered and no image is decoded, so a 10 MB scan is inspected in milliseconds.
 * pdf.js takes over (detaches) the bytes it is given, so a pass works on a copy unless the caller hands its bytes
 * over; a second pass, the costly part (another copy, parse and garbage), is left for the rare page whose bytes do
 * not show that it draws (see inspectPdf).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { AcceptedMime } from '../contract/counter';
import { showsContent, type PdfRef } from './pdf-contents';

export type InspectResult =
  | { ok: true; pages: number; warnings: string[] }
  | { ok: false; code: 'ENCRYPTED' | 'NO_PAGES' | 'UNREADABLE'; message: string };

/** Only the first pages are checked for blankness, so a 500-page PDF stays fast. */
export const BLANK_CHECK_PAGES = 50;

export const MSG_ENCRYPTED = 'Tệp PDF có mật khẩu hoặc bị mã hóa; hãy quét lại hoặc xuất bản không mật khẩu.';
export const MSG_NO_PAGES = 'Tệp PDF không có trang nào; hãy kiểm tra lại hoặc quét lại tài liệu.';
export const MSG_PDF_UNREADABLE = 'Tệp PDF bị hỏng hoặc không đầy đủ (có thể bị cắt khi sao chép, tải về); hãy quét hoặc xuất lại tệp.';
export const MSG_JPEG_UNREADABLE = 'Ảnh JPEG bị hỏng hoặc không đầy đủ (có thể bị cắt khi sao chép, tải về); hãy chụp hoặc quét lại.';
export const MSG_PNG_UNREADABLE = 'Ảnh PNG bị hỏng hoặc không đầy đủ (có thể bị cắt khi sao chép, tải về); hãy chụp hoặc quét lại.';
export const blankPageWarning = (page: number) => `Trang ${page} không có nội dung (trang trắng?)`;

const unreadable = (message: string): InspectResult => ({ ok: false, code: 'UNREADABLE', message });

/** Reads a stored candidate: PDF via pdfjs-dist, images via their headers. */
export async function inspectFile(filePath: string, mime: AcceptedMime): Promise<InspectResult> {
  return inspectBytes(await readAll(filePath), mime, { handOver: true, again: () => readAll(filePath) });
}

/**
 * By default `bytes` are only read: pdf.js works on a copy. With `handOver`, the caller gives `bytes` away: pdf.js
 * takes them over (it detaches the buffer it is given) for its first pass, and `again` gives another private copy of
 * the same content should more be needed (a page that pass could not settle).
 */
export type InspectBytesOptions = { handOver?: false } | { handOver: true; again: () => Promise<Uint8Array> };

/**
 * Inspects content already in memory (what a caller received as a buffer, or read from the stored file): images are
 * checked in place, a PDF is refused at once when its end marker is missing, before any copy is made.
 */
export async function inspectBytes(bytes: Uint8Array, mime: AcceptedMime, options: InspectBytesOptions = {}): Promise<InspectResult> {
  switch (mime) {
    case 'application/pdf': {
      if (!hasEofMarker(bytes)) return unreadable(MSG_PDF_UNREADABLE);
      return options.handOver
        ? inspectPdf(bytes, { read: options.again, owned: true })
        : inspectPdf(new Uint8Array(bytes), { read: async () => bytes, owned: false });
    }
    case 'image/jpeg':
      return inspectJpeg(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    case 'image/png':
      return inspectPng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
}

/** Loads pdfjs and its in-process worker ahead of the first intake (about 0.2–0.5 s cold). */
export async function warmUpInspector(): Promise<void> {
  const tiny = Buffer.from(TINY_PDF, 'latin1');
  await inspectPdf(new Uint8Array(tiny), { read: async () => tiny, owned: false });
}

// ---------- PDF ----------

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsLoading: Promise<Pdfjs> | null = null;

/** Dynamic import: pdfjs-dist is ESM only, and the esbuild CJS bundle keeps `import()` for external packages. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((err: unknown) => {
    pdfjsLoading = null;
    throw err;
  });
  return pdfjsLoading;
}

/** The file's bytes after pdf.js took its first copy: `owned` when they are a private copy it may take over too. */
interface LaterBytes {
  read: () => Promise<Uint8Array>;
  owned: boolean;
}

/**
 * With `maxImageSize: 0` no image is ever decoded (decoding a scanned page costs ~0.3 s):
 * - the strict pass (`stopAtErrors`): an image stops the page's operator list, which then comes back empty; a page
 *   whose list is non-empty is content (it paints) or blank (it paints nothing);
 * - a page that came back empty was stopped (content) or has no operators at all (blank): when the bytes show an
 *   operator in its content streams (pdf-contents.ts: a scanned page's `q … cm /Im0 Do Q`), it was stopped; otherwise
 *   a lenient pass decides (the image is skipped, the list keeps its save/transform; a list still empty means no
 *   operators). Blank pages are rare, so the lenient pass, a second copy and parse of the file, mostly is not run.
 */
async function inspectPdf(bytes: Uint8Array, later: LaterBytes): Promise<InspectResult> {
  const lib = await loadPdfjs();

  const strict = await openPdf(lib, bytes, true);
  if (!strict.ok) return strict.result;
  const doc = strict.doc;
  let pages: number;
  const blank: number[] = [];
  const emptied: Array<{ n: number; ref: PdfRef | null }> = [];
  try {
    if ((await doc.getPermissions()) !== null) return { ok: false, code: 'ENCRYPTED', message: MSG_ENCRYPTED };
    pages = doc.numPages;
    if (pages === 0) return { ok: false, code: 'NO_PAGES', message: MSG_NO_PAGES };
    const paints = paintTest(lib);
    for (let n = 1; n <= Math.min(pages, BLANK_CHECK_PAGES); n++) {
      const page = await doc.getPage(n);
      const list = await page.getOperatorList();
      if (list.fnArray.length === 0) emptied.push({ n, ref: page.ref });
      else if (!paints(list)) blank.push(n);
      page.cleanup();
    }
  } catch {
    return unreadable(MSG_PDF_UNREADABLE);
  } finally {
    await doc.destroy();
  }

  if (emptied.length > 0) {
    const raw = await later.read();
    const ambiguous = emptied.filter(({ ref }) => !ref || !showsContent(raw, ref)).map(({ n }) => n);
    if (ambiguous.length > 0) {
      const lenient = await openPdf(lib, later.owned ? raw : new Uint8Array(raw), false);
      if (!lenient.ok) return lenient.result;
      try {
        for (const n of ambiguous) {
          const page = await lenient.doc.getPage(n);
          if ((await page.getOperatorList()).fnArray.length === 0) blank.push(n);
          page.cleanup();
        }
      } catch {
        return unreadable(MSG_PDF_UNREADABLE);
      } finally {
        await lenient.doc.destroy();
      }
    }
  }
  blank.sort((a, b) => a - b);
  return { ok: true, pages, warnings: blank.map(blankPageWarning) };
}

async function openPdf(
  lib: Pdfjs,
  data: Uint8Array,
  strict: boolean,
): Promise<{ ok: true; doc: PdfDoc } | { ok: false; result: InspectResult }> {
  const task = lib.getDocument({
    // A Uint8Array owning its whole buffer is handed over (transferred) to pdfjs, not copied.
    data,
    verbosity: 0, // VerbosityLevel.ERRORS: no console warnings for ordinary files
    stopAtErrors: strict,
    maxImageSize: 0, // every image is skipped (strict: aborts the page) before it is decoded
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    enableXfa: false,
  });
  try {
    return { ok: true, doc: await task.promise };
  } catch (err) {
    await task.destroy().catch(() => {});
    if (err instanceof Error && err.name === 'PasswordException') {
      return { ok: false, result: { ok: false, code: 'ENCRYPTED', message: MSG_ENCRYPTED } };
    }
    return { ok: false, result: unreadable(MSG_PDF_UNREADABLE) };
  }
}

/** True when an operator list paints something: text, an image, a shading, or a filled/stroked path. */
function paintTest(lib: Pdfjs): (list: { fnArray: number[]; argsArray: unknown[] }) => boolean {
  const { OPS } = lib;
  const painting = new Set<number>([
    OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke,
    OPS.closeEOFillStroke, OPS.shadingFill, OPS.showText, OPS.showSpacedText, OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText, OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageXObject,
    OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask, OPS.rawFillPath,
  ]);
  return ({ fnArray, argsArray }) =>
    fnArray.some((fn, i) => {
      if (painting.has(fn)) return true;
      // pdfjs folds the painting operator of a path into constructPath's first argument; endPath (clip) paints nothing
      if (fn === OPS.constructPath) return (argsArray[i] as unknown[] | undefined)?.[0] !== OPS.endPath;
      return false;
    });
}

/** A complete PDF ends with "%%EOF" (readers tolerate up to 1 KB of trailing junk); a cut-off copy does not. */
function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes('%%EOF', 0, 'latin1');
}

/** One small page with a filled square, for warming up. */
const TINY_PDF = (() => {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    '<< /Length 14 >>\nstream\n0 0 10 10 re f\nendstream',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  return `${out}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();

// ---------- Images: headers and structure, no pixel decoding ----------

/** Walks the JPEG segments to a frame header (SOFn), then through the scans to the end marker (EOI). */
export function inspectJpeg(buf: Buffer): InspectResult {
  const bad = unreadable(MSG_JPEG_UNREADABLE);
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) return bad;
  let pos = 2;
  let frame = false;
  for (;;) {
    if (pos >= buf.length || buf[pos] !== 0xff) return bad;
    while (buf[pos] === 0xff) pos++; // fill bytes
    if (pos >= buf.length) return bad;
    const marker = buf[pos++] as number;
    if (marker === 0xd9) return frame ? { ok: true, pages: 1, warnings: [] } : bad; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0xd8 || marker === 0x00) return bad;
    if (pos + 2 > buf.length) return bad;
    const len = buf.readUInt16BE(pos);
    if (len < 2 || pos + len > buf.length) return bad;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (len < 8) return bad;
      const width = buf.readUInt16BE(pos + 5);
      const components = buf[pos + 7] as number;
      if (width === 0 || components === 0) return bad;
      frame = true;
    }
    pos += len;
    if (marker === 0xda) {
      // SOS: entropy-coded data up to the next marker that is not a stuffed byte (FF 00) or a restart (FF D0–D7)
      if (!frame) return bad;
      for (;;) {
        const ff = buf.indexOf(0xff, pos);
        if (ff === -1 || ff + 1 >= buf.length) return bad; // cut off inside the scan
        const next = buf[ff + 1] as number;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          pos = ff + 2;
        } else if (next === 0xff) {
          pos = ff + 1;
        } else {
          pos = ff;
          break;
        }
      }
    }
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Checks the signature and the IHDR header (with its CRC), then walks the chunks to IEND. */
export function inspectPng(buf: Buffer): InspectResult {
  const bad = unreadable(MSG_PNG_UNREADABLE);
  if (buf.length < 8 + 25 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return bad;
  let pos = 8;
  let first = true;
  let idat = false;
  for (;;) {
    if (pos + 12 > buf.length) return bad;
    const len = buf.readUInt32BE(pos);
    if (len > 0x7fffffff || pos + 12 + len > buf.length) return bad;
    const type = buf.toString('latin1', pos + 4, pos + 8);
    if (first) {
      if (type !== 'IHDR' || len !== 13) return bad;
      if (crc32(buf.subarray(pos + 4, pos + 8 + len)) !== buf.readUInt32BE(pos + 8 + len)) return bad;
      const width = buf.readUInt32BE(pos + 8);
      const height = buf.readUInt32BE(pos + 12);
      const depth = buf[pos + 16] as number;
      const colorType = buf[pos + 17] as number;
      if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return bad;
      if (!PNG_DEPTHS[colorType]?.includes(depth)) return bad;
      first = false;
    } else if (type === 'IDAT') {
      idat = true;
    } else if (type === 'IEND') {
      return idat ? { ok: true, pages: 1, warnings: [] } : bad;
    }
    pos += 12 + len;
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO-HDLC), as PNG chunks use it. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------- I/O ----------

/** The whole file in a Uint8Array that owns its buffer (so pdfjs can take it over without a copy). */
async function readAll(filePath: string): Promise<Uint8Array> {
  const fh = await open(filePath, 'r');
  try {
    return await readAt(fh, (await fh.stat()).size);
  } finally {
    await fh.close();
  }
}

/** The first `size` bytes of an open file, in a Uint8Array owning its buffer (pdf.js takes it over without a copy). */
export async function readAt(fh: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let off = 0;
  while (off < size) {
    const { bytesRead } = await fh.read(bytes, off, size - off, off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  return off === size ? bytes : bytes.slice(0, off);
}
