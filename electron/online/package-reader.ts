import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { onlineManifest, type OnlineManifest } from '../contract/online';
import { describeManifestIssues, manifestErrorMap } from './manifest-issues';
import { decodeEntryName, NAME_FAULT_MESSAGES, nameFault } from './zip-names';

/**
 * Reads an online dossier package (docs/online-package.md): a flat ZIP with manifest.json and the attachments it
 * names. Everything is judged from the central directory before a byte is inflated; only manifest.json is read
 * into memory (after its size check), attachments are streamed on demand with their sizes and CRC enforced.
 */

export interface PackageLimits {
  /** Entries in the ZIP, manifest.json included. */
  maxEntries: number;
  /** Declared uncompressed size of one attachment. */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry (deflate tops out near 1032); checked above RATIO_FLOOR_BYTES. */
  maxRatio: number;
}

const GIB = 1024 ** 3;

/** 500 entries, total = 20 × maxFileBytes capped at 2 GiB, ratio 200. */
export const DEFAULT_PACKAGE_LIMITS = (maxFileBytes: number): PackageLimits => ({
  maxEntries: 500,
  maxFileBytes,
  maxTotalBytes: Math.min(20 * maxFileBytes, 2 * GIB),
  maxRatio: 200,
});

/** manifest.json is parsed in memory: never more than this. */
export const MANIFEST_MAX_BYTES = 1024 * 1024;
/** Below this declared size a high ratio is harmless (a small JSON or XML file compresses 300:1 honestly). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;
export const MANIFEST_NAME = 'manifest.json';
/** The `file` of a problem that concerns the package as a whole. */
export const PACKAGE_FILE = '(gói)';

export interface PackageProblem {
  file: string;
  message: string;
}

export interface OpenedPackage {
  /** Parsed with onlineManifest; attachment names in components[].files are NFC. */
  manifest: OnlineManifest;
  /** Attachment entry names in manifest order (NFC), each present in the ZIP. */
  files: string[];
  /**
   * Streams one attachment's bytes (name matched after NFC). The stream errors with a PackageEntryError if the
   * inflated data is longer or shorter than declared (yauzl validateEntrySizes), exceeds maxFileBytes, fails its
   * CRC-32, or is corrupt; consumers must treat an error as "the package is bad" and discard what they wrote.
   */
  openEntry(name: string): Promise<NodeJS.ReadableStream>;
  /** Releases the file; streams already open finish first. Idempotent. */
  close(): void;
}

/** A bad entry found while streaming; `message` is Vietnamese, for the officer. */
export class PackageEntryError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PackageEntryError';
  }
}

interface Listed {
  entry: yauzl.Entry;
  /** Decoded, NFC. */
  name: string;
  /** Any problem already reported for this entry (then it is not read and not cross-checked). */
  bad: boolean;
}

export async function openPackage(
  zipPath: string,
  limits: PackageLimits,
): Promise<{ ok: true; pkg: OpenedPackage } | { ok: false; problems: PackageProblem[] }> {
  const problems: PackageProblem[] = [];
  const report = (file: string, message: string) => problems.push({ file, message });
  let zip: yauzl.ZipFile | undefined;
  try {
    const stat = await fs.promises.stat(zipPath).catch(() => null);
    if (!stat) report(PACKAGE_FILE, 'Không tìm thấy tệp gói');
    else if (!stat.isFile()) report(PACKAGE_FILE, 'Đường dẫn không phải là một tệp gói ZIP');
    else {
      try {
        zip = await openZip(zipPath);
      } catch (err) {
        report(PACKAGE_FILE, isIoError(err) ? `Không đọc được tệp gói (${detail(err)})` : notAZip(err));
      }
    }
    if (!zip) return { ok: false, problems };

    if (zip.entryCount > limits.maxEntries) {
      report(PACKAGE_FILE, `Gói có ${fmtInt(zip.entryCount)} tệp, vượt giới hạn ${fmtInt(limits.maxEntries)} tệp`);
      return { ok: false, problems };
    }

    const listed = await listEntries(zip, limits, report);
    if (!listed) return { ok: false, problems };
    await checkLocalHeaders(zip, listed, report);

    const manifest = await readManifest(zip, listed, report);
    const byName = new Map<string, yauzl.Entry>();
    for (const l of listed) if (!byName.has(l.name)) byName.set(l.name, l.entry);

    const files = manifest ? crossCheck(manifest, listed, report) : [];
    if (problems.length > 0 || !manifest) return { ok: false, problems };

    const open = zip;
    const attachments = new Map(files.map((f) => [f, byName.get(f)!] as const));
    const pkg: OpenedPackage = {
      manifest,
      files,
      openEntry: async (name) => {
        const key = name.normalize('NFC');
        const entry = attachments.get(key);
        if (!entry) throw new PackageEntryError(key, `Tệp "${key}" không có trong gói`);
        return openVerified(open, entry, key, limits.maxFileBytes);
      },
      close: () => open.close(),
    };
    zip = undefined; // owned by pkg now
    return { ok: true, pkg };
  } catch (err) {
    report(PACKAGE_FILE, `Lỗi khi đọc gói (chi tiết kỹ thuật: ${detail(err)})`);
    return { ok: false, problems };
  } finally {
    zip?.close();
  }
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would stop at the first unsafe name; decodeEntryName decodes the same way and every
    // bad name is reported. strictFileNames keeps backslashes visible (no effect without decodeStrings, stated anyway).
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

/** Walks the central directory. Returns null when it is unreadable (a problem is reported). */
async function listEntries(
  zip: yauzl.ZipFile,
  limits: PackageLimits,
  report: (file: string, message: string) => void,
): Promise<Listed[] | null> {
  const listed: Listed[] = [];
  const counts = new Map<string, number>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = decodeEntryName(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields).normalize('NFC');
      let bad = false;
      const flag = (message: string) => {
        bad = true;
        report(name || PACKAGE_FILE, message);
      };
      const fault = nameFault(name);
      if (fault) flag(NAME_FAULT_MESSAGES[fault](name));
      counts.set(name, (counts.get(name) ?? 0) + 1);

      if (entry.isEncrypted()) flag(`Tệp "${name}" được mã hóa (đặt mật khẩu); gói không được mã hóa`);
      else if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        flag(`Tệp "${name}" nén bằng phương thức không hỗ trợ (mã ${entry.compressionMethod}); chỉ nhận Store hoặc Deflate`);
      }

      const size = entry.uncompressedSize;
      if (name === MANIFEST_NAME) {
        if (size > MANIFEST_MAX_BYTES) flag(`manifest.json lớn ${fmtBytes(size)}, vượt giới hạn 1 MB`);
      } else if (size > limits.maxFileBytes) {
        flag(`Tệp "${name}" lớn ${fmtBytes(size)}, vượt giới hạn ${fmtBytes(limits.maxFileBytes)} mỗi tệp`);
      }
      if (size > RATIO_FLOOR_BYTES && size > limits.maxRatio * entry.compressedSize) {
        const ratio = entry.compressedSize === 0 ? 'vô hạn' : `${fmtInt(Math.round(size / entry.compressedSize))}:1`;
        flag(`Tệp nén bất thường (tỉ lệ nén ${ratio}), nghi là bom nén; gói bị từ chối`);
      }
      total += size;
      listed.push({ entry, name, bad });
    }
  } catch (err) {
    const message = detail(err);
    report(
      PACKAGE_FILE,
      /strong encryption/i.test(message)
        ? 'Gói có tệp được mã hóa mạnh (đặt mật khẩu); gói không được mã hóa'
        : `Mục lục của gói ZIP bị hỏng (chi tiết kỹ thuật: ${message})`,
    );
    return null;
  }

  for (const [name, n] of counts) {
    if (n > 1) {
      report(name || PACKAGE_FILE, `Tên tệp "${name}" xuất hiện ${n} lần trong gói`);
      for (const l of listed) if (l.name === name) l.bad = true;
    }
  }
  if (total > limits.maxTotalBytes) {
    report(PACKAGE_FILE, `Tổng dung lượng sau giải nén ${fmtBytes(total)} vượt giới hạn ${fmtBytes(limits.maxTotalBytes)}`);
  }
  return listed;
}

/**
 * Reads each local header (30 bytes + name): the data must lie inside the file, the local name must be the
 * central one (two names are a classic way to show one file to the checker and another to the extractor), and no
 * two entries may share bytes (overlapping entries are the "non-recursive" zip bomb).
 */
async function checkLocalHeaders(
  zip: yauzl.ZipFile,
  listed: Listed[],
  report: (file: string, message: string) => void,
): Promise<void> {
  const spans: Array<{ start: number; end: number; l: Listed }> = [];
  for (const l of listed) {
    const { entry, name } = l;
    try {
      const header = await zip.readLocalFileHeaderPromise(entry);
      if (!header.fileName.equals(entry.fileNameRaw)) {
        l.bad = true;
        report(name, `Tên tệp "${name}" ở phần dữ liệu khác tên trong mục lục ZIP (gói hỏng hoặc bị sửa)`);
      }
      spans.push({ start: entry.relativeOffsetOfLocalHeader, end: header.fileDataStart + entry.compressedSize, l });
    } catch (err) {
      l.bad = true;
      report(name, `Dữ liệu của tệp "${name}" bị hỏng hoặc thiếu (chi tiết kỹ thuật: ${detail(err)})`);
    }
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1]!;
    const cur = spans[i]!;
    if (cur.start < prev.end) {
      prev.l.bad = cur.l.bad = true;
      report(cur.l.name, `Tệp "${cur.l.name}" dùng chung dữ liệu với "${prev.l.name}" (gói bị sửa, nghi là bom nén)`);
    }
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

async function readManifest(
  zip: yauzl.ZipFile,
  listed: Listed[],
  report: (file: string, message: string) => void,
): Promise<OnlineManifest | null> {
  const found = listed.filter((l) => l.name === MANIFEST_NAME);
  if (found.length === 0) {
    report(MANIFEST_NAME, 'Gói không có manifest.json (tệp khai hồ sơ phải nằm ở gốc gói)');
    return null;
  }
  const only = found[0]!;
  if (found.length > 1 || only.bad) return null; // already reported

  let text: string;
  try {
    const stream = await openVerified(zip, only.entry, MANIFEST_NAME, MANIFEST_MAX_BYTES);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    text = utf8Strict.decode(Buffer.concat(chunks)); // strips a leading BOM
  } catch (err) {
    report(
      MANIFEST_NAME,
      err instanceof PackageEntryError ? err.message : 'manifest.json không phải văn bản UTF-8 hợp lệ',
    );
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    report(MANIFEST_NAME, `manifest.json không phải JSON hợp lệ (${detail(err)})`);
    return null;
  }
  const parsed = onlineManifest.safeParse(json, { error: manifestErrorMap });
  if (!parsed.success) {
    for (const line of describeManifestIssues(parsed.error.issues)) report(MANIFEST_NAME, line);
    return null;
  }
  const m = parsed.data;
  return { ...m, components: m.components.map((c) => ({ ...c, files: c.files.map((f) => f.normalize('NFC')) })) };
}

/** Manifest names against ZIP entries, both NFC. Returns the attachments in manifest order, each once. */
function crossCheck(
  manifest: OnlineManifest,
  listed: Listed[],
  report: (file: string, message: string) => void,
): string[] {
  const inZip = new Set(listed.map((l) => l.name));
  const declared: string[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const c of manifest.components) {
    for (const f of c.files) {
      if (seen.has(f)) {
        if (!twice.has(f)) report(f, `Tệp "${f}" được khai hai lần trong manifest.json`);
        twice.add(f);
        continue;
      }
      seen.add(f);
      declared.push(f);
      if (!inZip.has(f)) report(f, `Thiếu tệp "${f}" mà manifest.json khai`);
    }
  }
  for (const l of listed) {
    if (l.name === MANIFEST_NAME || seen.has(l.name) || nameFault(l.name)) continue;
    report(l.name, `Tệp "${l.name}" không được khai trong manifest.json`);
  }
  return declared;
}

/** yauzl's stream for one entry, behind a guard that enforces the declared size, a byte cap and the CRC-32. */
async function openVerified(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, cap: number): Promise<Readable> {
  let src: Readable;
  try {
    src = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw translate(name, err);
  }
  const limit = Math.min(entry.uncompressedSize, cap);
  let seen = 0;
  let crc = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) return done(tooLong(name));
      crc = zlib.crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== entry.uncompressedSize) {
        return done(new PackageEntryError(name, `Dữ liệu tệp "${name}" ngắn hơn kích thước khai trong gói (gói hỏng)`));
      }
      if (crc !== entry.crc32) return done(new PackageEntryError(name, `Tệp "${name}" bị hỏng (sai mã kiểm tra CRC-32)`));
      done();
    },
  });
  src.on('error', (err) => guard.destroy(translate(name, err)));
  guard.on('close', () => {
    if (!src.readableEnded) {
      src.unpipe(guard);
      src.destroy();
    }
  });
  src.pipe(guard);
  return guard;
}

const tooLong = (name: string) =>
  new PackageEntryError(name, `Dữ liệu tệp "${name}" dài hơn kích thước khai trong gói (gói bị sửa, nghi là bom nén)`);

function translate(name: string, err: unknown): PackageEntryError {
  if (err instanceof PackageEntryError) return err;
  const message = detail(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (/too many bytes/i.test(message)) return new PackageEntryError(name, tooLong(name).message, { cause: err });
  if (/not enough bytes/i.test(message)) {
    return new PackageEntryError(name, `Dữ liệu tệp "${name}" ngắn hơn kích thước khai trong gói (gói hỏng)`, { cause: err });
  }
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new PackageEntryError(name, `Dữ liệu nén của tệp "${name}" bị hỏng`, { cause: err });
  }
  if (message === 'closed') return new PackageEntryError(name, 'Gói đã đóng', { cause: err });
  return new PackageEntryError(name, `Không đọc được tệp "${name}" trong gói (chi tiết kỹ thuật: ${message})`, { cause: err });
}

function notAZip(err: unknown): string {
  return `Tệp không phải gói ZIP hợp lệ, hoặc đã bị hỏng hay thiếu dữ liệu (chi tiết kỹ thuật: ${detail(err)})`;
}

function isIoError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const intFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function fmtInt(n: number): string {
  return intFormat.format(n);
}

/** "512 byte", "1,5 MB" (binary units, Vietnamese decimal comma). */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} byte`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${sizeFormat.format(v)} ${units[i]}`;
}
