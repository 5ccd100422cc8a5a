/**
 * Content-addressed store for attachments: <root>/blobs/<sha[0..2]>/<sha256>, written through <root>/tmp.
 * A blob appears under its name only once its bytes are hashed, checked, inspected and on disk (fsync of the file,
 * rename, fsync of the folder), so the caller's database row never points at a half-written or unchecked file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, type Dirent } from 'node:fs';
import { chmod, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AcceptedMime } from '../contract/counter';
import { inspectBytes, readAt, type InspectResult } from './inspect';
import { safeFileName, withExtension } from './names';
import { describeAccepted, describeRejected, mimeFromExtension, SNIFF_BYTES, sniffType, type SniffResult } from './sniff';

export interface IngestOptions {
  /** The name as the officer or the scanner gave it; stored made safe (see safeFileName). */
  name: string;
  maxBytes: number;
  /**
   * Called as soon as the content's hash is known, before the blob is looked for or placed: the caller holds the
   * blob from there until its row commits, so a concurrent discard of the same bytes cannot remove it.
   */
  onHashed?: (sha256: string) => void;
}

export interface SweepOptions {
  /** Only entries not modified for this long (another desk process on the same folder may be mid-write). */
  olderThanMs?: number;
}

export type IngestFailureCode = 'EMPTY' | 'TOO_LARGE' | 'TYPE' | 'MISMATCH' | 'ENCRYPTED' | 'NO_PAGES' | 'UNREADABLE';

export type IngestResult =
  | { ok: true; sha256: string; size: number; mime: AcceptedMime; pages: number; name: string; warnings: string[] }
  | { ok: false; code: IngestFailureCode; message: string };

export interface FileStore {
  readonly root: string;
  /**
   * Streams the bytes to <root>/tmp/<random>.part while hashing and counting, checks size, type and name, inspects,
   * then fsyncs and renames to the blob path (an existing blob with the same bytes is kept, a damaged one replaced)
   * and fsyncs the folder. Nothing is left in tmp on failure. A buffer source is only read (never detached); a stream
   * source is consumed, or destroyed when ingest stops early. Rejects only on a local disk error (full disk,
   * permissions); a failing source resolves UNREADABLE, saying whether the bytes are damaged or reading was cut.
   */
  ingest(source: NodeJS.ReadableStream | Buffer, opts: IngestOptions): Promise<IngestResult>;
  /** Absolute path of a blob (no check that it exists); throws on anything but 64 lowercase hex digits. */
  blobPath(sha256: string): string;
  /** Re-hashes the blob: 'ok' | 'missing' | 'changed'. */
  verify(sha256: string): Promise<'ok' | 'missing' | 'changed'>;
  /** Removes blobs for which isReferenced(sha) is false, and every tmp file. Call at start, before serving. */
  sweep(isReferenced: (sha256: string) => boolean, options?: SweepOptions): { blobsRemoved: number; tmpRemoved: number };
  /** Removes one blob if not referenced (after a failed multi-file import). */
  discardIfUnreferenced(sha256: string, isReferenced: (sha256: string) => boolean): void;
}

const SHA256 = /^[0-9a-f]{64}$/;
const IS_WINDOWS = process.platform === 'win32';

type Failure = Extract<IngestResult, { ok: false }>;
const failure = (code: IngestFailureCode, message: string): Failure => ({ ok: false, code, message });

export const MSG_EMPTY = 'Tệp rỗng (0 byte), không có nội dung; hãy chọn lại tệp hoặc quét lại.';
export const MSG_SOURCE_FAILED = 'Không đọc được hết tệp (nguồn bị lỗi hoặc bị ngắt giữa chừng); hãy thử lại.';
/** A source that says its bytes are damaged (a package entry failing its CRC-32 or its declared size): retrying is no use. */
export const MSG_SOURCE_DAMAGED = {
  crc: 'Tệp trong gói bị hỏng (sai mã kiểm tra CRC-32): nội dung đã bị thay đổi khi sao chép hoặc tải về; thử lại với gói này cũng không được, hãy đề nghị gửi lại gói.',
  size: 'Tệp trong gói bị hỏng (dữ liệu không khớp kích thước khai trong gói): gói bị cắt cụt hoặc bị sửa; thử lại với gói này cũng không được, hãy đề nghị gửi lại gói.',
  data: 'Tệp trong gói bị hỏng (dữ liệu nén không giải nén được); thử lại với gói này cũng không được, hãy đề nghị gửi lại gói.',
} as const;

export function tooLargeMessage(maxBytes: number): string {
  const mb = maxBytes / (1024 * 1024);
  const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: mb < 1 ? 3 : 1 }).format(mb);
  return `Tệp lớn hơn giới hạn ${shown} MB; hãy quét với độ phân giải thấp hơn hoặc tách thành nhiều tệp.`;
}

/** TYPE or MISMATCH, or null when the bytes are an accepted type that the name does not contradict. */
export function checkType(sniffed: SniffResult, name: string): Failure | null {
  const claimed = mimeFromExtension(name);
  const ext = claimed ? /\.([^.]+)$/.exec(name)?.[1] : undefined;
  if (sniffed.mime === null) {
    if (sniffed.looksLike === 'empty') return failure('EMPTY', MSG_EMPTY);
    const what = describeRejected(sniffed.looksLike);
    if (claimed) {
      return failure(
        'MISMATCH',
        `Tên tệp có đuôi .${ext} nhưng nội dung là ${what}, không phải ${describeAccepted(claimed)}; ` +
          'không nhận tệp này (có thể tệp đã bị đổi tên).',
      );
    }
    return failure('TYPE', `Chỉ nhận tệp PDF, JPEG hoặc PNG; tệp này là ${what}.`);
  }
  if (claimed && claimed !== sniffed.mime) {
    return failure(
      'MISMATCH',
      `Tên tệp có đuôi .${ext} nhưng nội dung là ${describeAccepted(sniffed.mime)}; ` +
        'hãy kiểm tra lại tệp (có thể tệp đã bị đổi tên).',
    );
  }
  return null;
}

export function createFileStore(rootDir: string): FileStore {
  const root = resolve(rootDir);
  const blobsDir = join(root, 'blobs');
  const tmpDir = join(root, 'tmp');
  mkdirSync(blobsDir, { recursive: true, mode: 0o700 });
  mkdirSync(tmpDir, { recursive: true, mode: 0o700 });

  function blobPath(sha256: string): string {
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) {
      throw new Error(`Mã SHA-256 của tệp không hợp lệ: "${String(sha256).slice(0, 80)}"`);
    }
    return join(blobsDir, sha256.slice(0, 2), sha256);
  }

  async function ingest(source: NodeJS.ReadableStream | Buffer, opts: IngestOptions): Promise<IngestResult> {
    const { maxBytes } = opts;
    if (!(maxBytes > 0)) throw new RangeError(`ingest: maxBytes must be a positive number, got ${maxBytes}`);
    const name = safeFileName(opts.name);
    if (!Buffer.isBuffer(source)) {
      // A small source fails before anything reads it (a package entry failing its CRC-32 as soon as it is piped
      // through its guard): its 'error' would be emitted while ingest awaits the disk, with no listener, and be an
      // uncaught exception. The iterator in receiveStream still reports it (the stream keeps its error).
      source.on('error', ignoreError);
    } else {
      // Everything that needs no disk is decided before touching it.
      if (source.length === 0) return failure('EMPTY', MSG_EMPTY);
      if (source.length > maxBytes) return failure('TOO_LARGE', tooLargeMessage(maxBytes));
      const bad = checkType(sniffType(source.subarray(0, SNIFF_BYTES)), name);
      if (bad) return bad;
    }

    const tmpPath = join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
    await mkdir(tmpDir, { recursive: true, mode: 0o700 }); // in case the folder was removed while the desk ran
    // Read as well as written: a streamed file is inspected from what was written.
    let fh: FileHandle | null = await open(tmpPath, 'wx+', 0o600);
    const file = fh;
    // Work on the thread pool that must end before the handle is closed; errors are kept, never left unhandled.
    const pending: Array<Promise<unknown>> = [];
    const settle = (work: Promise<unknown>): Promise<unknown> => {
      const settled = work.then(
        () => null,
        (err: unknown) => err ?? new Error('ingest: failed without a reason'),
      );
      pending.push(settled);
      return settled;
    };
    let placed = false;
    try {
      let sha256: string;
      let size: number;
      let sniffed: SniffResult;
      let durable: Promise<unknown>;
      let inspecting: Promise<InspectResult>;
      if (Buffer.isBuffer(source)) {
        // The write (to the page cache, then chmod and fsync) runs on the thread pool while this thread hashes and
        // inspects the caller's buffer: nothing is read back from the disk.
        durable = settle(writeAll(file, source).then(() => makeDurable(file)));
        sha256 = createHash('sha256').update(source).digest('hex');
        size = source.length;
        sniffed = sniffType(source.subarray(0, SNIFF_BYTES));
        opts.onHashed?.(sha256);
        if (sniffed.mime === null) throw new Error('unreachable: checkType accepted a rejected type');
        // pdf.js takes over what it is given, so it works on a copy and the caller's buffer stays intact.
        inspecting = inspectBytes(source, sniffed.mime);
      } else {
        const received = await receiveStream(source, file, maxBytes, name);
        if (!received.ok) return received.failure;
        ({ sha256, size, sniffed } = received);
        opts.onHashed?.(sha256);
        if (sniffed.mime === null) throw new Error('unreachable: checkType accepted a rejected type');
        durable = settle(makeDurable(file));
        // The bytes read back are pdf.js's to take over; should it need them again, they are read once more.
        const first = readAt(file, size);
        settle(first);
        const mime = sniffed.mime;
        inspecting = first.then((bytes) => inspectBytes(bytes, mime, { handOver: true, again: () => readAt(file, size) }));
      }

      const inspected = await inspecting;
      const syncError = await durable;
      if (syncError) throw syncError;
      if (!inspected.ok) return failure(inspected.code, inspected.message);
      await Promise.all(pending);
      fh = null;
      await file.close();

      const target = blobPath(sha256);
      const dir = dirname(target);
      const createdDir = await mkdir(dir, { recursive: true, mode: 0o700 });
      // A blob of the wrong size or with other bytes (damaged on the disk) is replaced by the fresh copy.
      if ((await hashOf(target)) !== sha256) {
        await removeReadOnly(target);
        try {
          await renameWithRetry(tmpPath, target);
          placed = true;
        } catch (err) {
          // The same bytes ingested at the same time won the race (Windows cannot replace a read-only file).
          if ((await hashOf(target)) !== sha256) throw err;
        }
      }
      // Also when the blob was already there: a concurrent ingest may have renamed it without its fsync yet.
      await fsyncDir(dir);
      if (createdDir !== undefined) await fsyncDir(blobsDir);
      const storedName = mimeFromExtension(name) === sniffed.mime ? name : withExtension(name, sniffed.ext);
      return { ok: true, sha256, size, mime: sniffed.mime, pages: inspected.pages, name: storedName, warnings: inspected.warnings };
    } finally {
      await Promise.all(pending);
      if (fh) await fh.close().catch(() => {});
      // The temp file may already be read-only (made durable before a refusal): removed the same way.
      if (!placed) await removeReadOnly(tmpPath);
    }
  }

  async function verify(sha256: string): Promise<'ok' | 'missing' | 'changed'> {
    const path = blobPath(sha256);
    const hash = await hashOf(path);
    return hash === null ? 'missing' : hash === sha256 ? 'ok' : 'changed';
  }

  function sweep(isReferenced: (sha256: string) => boolean, options: SweepOptions = {}): { blobsRemoved: number; tmpRemoved: number } {
    const cutoff = options.olderThanMs === undefined ? Infinity : Date.now() - options.olderThanMs;
    const old = (path: string) => {
      if (cutoff === Infinity) return true;
      try {
        return statSync(path).mtimeMs < cutoff;
      } catch {
        return false;
      }
    };
    let tmpRemoved = 0;
    for (const entry of list(tmpDir)) {
      const path = join(tmpDir, entry.name);
      if (old(path) && tryRemove(path, entry.isDirectory())) tmpRemoved++;
    }
    let blobsRemoved = 0;
    for (const prefix of list(blobsDir)) {
      if (!prefix.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix.name)) continue;
      const dir = join(blobsDir, prefix.name);
      let left = 0;
      for (const entry of list(dir)) {
        const ours = entry.isFile() && SHA256.test(entry.name) && entry.name.startsWith(prefix.name);
        const path = join(dir, entry.name);
        if (ours && !isReferenced(entry.name) && old(path) && tryRemove(path, false)) blobsRemoved++;
        else left++;
      }
      if (left === 0) {
        try {
          rmdirSync(dir);
        } catch {
          // a file arrived meanwhile, or the folder is held open: keep it
        }
      }
    }
    return { blobsRemoved, tmpRemoved };
  }

  function discardIfUnreferenced(sha256: string, isReferenced: (sha256: string) => boolean): void {
    const path = blobPath(sha256);
    if (!isReferenced(sha256)) tryRemove(path, false);
  }

  return { root, ingest, blobPath, verify, sweep, discardIfUnreferenced };
}

// ---------- receiving ----------

type Received =
  | { ok: true; sha256: string; size: number; sniffed: SniffResult }
  | { ok: false; failure: Failure };

/** Hashes, counts and writes chunk by chunk (one in flight), stopping as soon as the size or the type is wrong. */
async function receiveStream(source: NodeJS.ReadableStream, fh: FileHandle, maxBytes: number, name: string): Promise<Received> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let sniffed: SniffResult | null = null;
  let size = 0;
  const chunks = source[Symbol.asyncIterator]();
  const stop = async (failed: Failure): Promise<Received> => {
    // Ends the iteration: a Readable is destroyed, so a 300 MB file is not read to its end.
    await chunks.return?.().catch(() => {});
    return { ok: false, failure: failed };
  };

  for (;;) {
    let next: IteratorResult<string | Buffer>;
    try {
      next = await chunks.next();
    } catch (err) {
      const damage = sourceDamage(err);
      return { ok: false, failure: failure('UNREADABLE', damage ? MSG_SOURCE_DAMAGED[damage] : MSG_SOURCE_FAILED) };
    }
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : toBuffer(next.value);
    if (chunk.length === 0) continue;
    size += chunk.length;
    if (size > maxBytes) return stop(failure('TOO_LARGE', tooLargeMessage(maxBytes)));
    if (sniffed === null) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) {
        sniffed = sniffType(Buffer.concat(head).subarray(0, SNIFF_BYTES));
        const bad = checkType(sniffed, name);
        if (bad) return stop(bad);
      }
    }
    hash.update(chunk);
    await writeAll(fh, chunk);
  }

  if (size === 0) return { ok: false, failure: failure('EMPTY', MSG_EMPTY) };
  if (sniffed === null) {
    sniffed = sniffType(Buffer.concat(head));
    const bad = checkType(sniffed, name);
    if (bad) return { ok: false, failure: bad };
  }
  return { ok: true, sha256: hash.digest('hex'), size, sniffed };
}

/**
 * Whether a source's error says its bytes are damaged rather than that reading was interrupted: a CRC-32 mismatch,
 * more or fewer bytes than declared, or compressed data that does not inflate. Package entries (online/package-reader)
 * raise these in Vietnamese, yauzl and zlib in English; the cause chain is looked through.
 */
export function sourceDamage(err: unknown): keyof typeof MSG_SOURCE_DAMAGED | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { message } = e;
    const code = (e as NodeJS.ErrnoException).code;
    if (/\bCRC\b|mã kiểm tra/i.test(message)) return 'crc';
    if (/(too many|not enough) bytes in the stream|kích thước khai/i.test(message)) return 'size';
    if ((typeof code === 'string' && code.startsWith('Z_')) || /dữ liệu nén/i.test(message)) return 'data';
  }
  return null;
}

function ignoreError(): void {}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('ingest: the source stream must yield bytes');
}

async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  let off = 0;
  while (off < data.length) {
    const { bytesWritten } = await fh.write(data, off, data.length - off);
    off += bytesWritten;
  }
}

// ---------- file system ----------

/** Blobs are read-only (a viewer "saving" an opened attachment must not alter it in place), then on the disk. */
async function makeDurable(fh: FileHandle): Promise<void> {
  await fh.chmod(0o400);
  await fh.sync();
}

/** SHA-256 of a file in hex; null when there is no such file, '' when the path is a folder. */
async function hashOf(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') return '';
    throw err;
  }
  return hash.digest('hex');
}

/** Removes a read-only file: a damaged blob, a refused temp file (Windows cannot remove a read-only file). */
async function removeReadOnly(path: string): Promise<void> {
  if (IS_WINDOWS) await chmod(path, 0o600).catch(() => {});
  await unlink(path).catch(() => {});
}

/** fsync of a folder makes a rename durable (POSIX); Windows cannot open folders this way and journals renames. */
async function fsyncDir(dir: string): Promise<void> {
  if (IS_WINDOWS) return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP') throw err;
  } finally {
    await handle.close();
  }
}

/** Windows: an antivirus or the indexer may hold the fresh file for a moment. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const transient = IS_WINDOWS && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Removes a file (or a folder left in tmp); false when it is gone already or held open (next sweep retries). */
function tryRemove(path: string, recursive: boolean): boolean {
  try {
    if (recursive) rmSync(path, { recursive: true });
    else unlinkSync(path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') return false;
    throw err;
  }
}
