import fs from 'node:fs';
import path from 'node:path';
import { DeskError, RESULT_POSITION, type FileMeta, type MethodOutput } from '../contract';
import type { Db } from '../db/connection';
import type { ComponentDbRow, DossiersRepo } from '../db/dossiers-repo';
import type { FileDbRow, FilesRepo } from '../db/files-repo';
import type { FileStore, IngestResult } from '../files';
import type { CounterSettingsStore } from './counter-settings';
import { toFileMeta } from './mappers';

const MB = 1024 * 1024;
/** A scanned file is taken once its size has not changed for this long (the scanner may still be writing). */
const SCAN_SETTLE_MS = 1500;
/** Where taken scans go inside the scan folder, so nothing the scanner saved is ever deleted. */
export const SCAN_DONE_DIR = 'da-nhan';
export const SCAN_REFUSED_DIR = 'khong-nhan';
/** The note beside a refused scan: "<scan name>.ly-do.txt". */
export const REASON_NOTE = '.ly-do.txt';
/** Refusals shown in the inbox: those of the last day. */
const REFUSALS_SHOWN_MS = 24 * 3_600_000;

const INGEST_CODES = {
  EMPTY: 'VALIDATION',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TYPE: 'VALIDATION',
  MISMATCH: 'VALIDATION',
  ENCRYPTED: 'VALIDATION',
  NO_PAGES: 'VALIDATION',
  UNREADABLE: 'VALIDATION',
} as const;

/**
 * The pre-check of pages, worked out whenever the dossier is read: per component with declared pages, the pages of
 * all its files together against the declaration. Not stored with the file, so it follows a second file that
 * completes the count, a file taken away and a corrected declaration.
 */
export function pageWarning(component: Pick<ComponentDbRow, 'name' | 'pages'>, filePages: readonly number[]): string | null {
  if (!component.pages || filePages.length === 0) return null;
  const total = filePages.reduce((n, p) => n + p, 0);
  if (total === component.pages) return null;
  return filePages.length === 1
    ? `Tệp có ${total} trang, thành phần "${component.name}" khai ${component.pages} trang`
    : `Các tệp của thành phần "${component.name}" có tổng ${total} trang, khai ${component.pages} trang`;
}

/** Page warnings stored with a file before they were worked out on reading (still in older databases). */
const PAGE_WARNING = /^(Tệp có \d+ trang, thành phần ".*" khai \d+ trang|Các tệp của thành phần ".*" có tổng \d+ trang, khai \d+ trang)$/su;

/** The file's own warnings (from its inspection), without those of the component it was attached to. */
function ownWarnings(warningsJson: string | null): string[] {
  return warningsJson ? (JSON.parse(warningsJson) as string[]).filter((w) => !PAGE_WARNING.test(w)) : [];
}

/** The file's own warnings as stored (JSON, or null when none). */
export function ownWarningsJson(warningsJson: string | null): string | null {
  const own = ownWarnings(warningsJson);
  return own.length ? JSON.stringify(own) : null;
}

/** A file as the screens see it, with its own warnings only (in the inbox, or before a component's page check). */
const ownMeta = (f: FileDbRow): FileMeta => ({ ...toFileMeta(f), warnings: ownWarnings(f.warningsJson) });

/** A dossier's attachments with their own warnings and, on each component's last file, the page check. */
export function attachmentsOf(rows: readonly FileDbRow[], components: ReadonlyArray<Pick<ComponentDbRow, 'position' | 'name' | 'pages'>>): FileMeta[] {
  const metas = rows.map(ownMeta);
  for (const component of components) {
    const mine = metas.filter((f) => f.componentPosition === component.position);
    const warning = pageWarning(component, mine.map((f) => f.pages));
    if (warning) mine.at(-1)!.warnings.push(warning);
  }
  return metas;
}

/**
 * Blobs stored whose row is not committed yet. A failed import discards the blobs it stored at once; one that an
 * upload or another import of the same bytes is about to point at must stay.
 */
export function blobHolds() {
  const held = new Map<string, number>();
  return {
    hold: (sha: string) => void held.set(sha, (held.get(sha) ?? 0) + 1),
    release: (sha: string) => {
      const n = (held.get(sha) ?? 0) - 1;
      if (n > 0) held.set(sha, n);
      else held.delete(sha);
    },
    has: (sha: string) => held.has(sha),
  };
}
export type BlobHolds = ReturnType<typeof blobHolds>;

/**
 * Files at the counter: scans come in (upload, the watched scan folder, online packages), are checked and kept as
 * content-addressed blobs (files/ in the data folder), wait in the inbox, and are attached to a dossier's
 * components. The blob is on disk (fsynced, renamed) before its row commits; rows without blobs never exist, blobs
 * without rows are swept at start.
 */
export function filesService(deps: {
  db: Db;
  files: FilesRepo;
  dossiers: DossiersRepo;
  store: FileStore;
  settings: CounterSettingsStore;
  clock: () => Date;
  officerId: () => number | null;
  holds: BlobHolds;
}) {
  const { db, files, dossiers, store, holds } = deps;
  const inUse = (sha: string) => files.isReferenced(sha) || holds.has(sha);
  const maxBytes = () => deps.settings.get().maxFileMb * MB;

  const failure = (r: Extract<IngestResult, { ok: false }>, name: string) =>
    new DeskError(INGEST_CODES[r.code], `${name}: ${r.message}`, [{ path: 'file', message: r.message }]);

  /** Checks and stores one file; it waits in the inbox. Throws a DeskError with a Vietnamese reason when refused. */
  async function ingest(
    source: NodeJS.ReadableStream | Buffer,
    name: string,
    origin: 'upload' | 'scan',
  ): Promise<FileMeta> {
    let held: string | null = null;
    const hold = (sha: string) => {
      holds.hold(sha);
      held = sha;
    };
    let id: number;
    try {
      const result = await store.ingest(source, { name, maxBytes: maxBytes(), onHashed: hold });
      if (!result.ok) throw failure(result, name);
      id = files.insert({
      sha256: result.sha256,
      name: result.name,
      mime: result.mime,
      size: result.size,
      pages: result.pages,
      source: origin,
      warningsJson: result.warnings.length ? JSON.stringify(result.warnings) : null,
      createdAt: deps.clock().getTime(),
      createdById: deps.officerId(),
      });
    } finally {
      if (held !== null) holds.release(held);
    }
    return toFileMeta(files.byId(id)!);
  }

  /** Attaches inbox files to components, inside the caller's transaction (createDossier, attachFiles). */
  function attachInTransaction(dossierId: number, refs: Array<{ fileId: number; componentPosition: number }>) {
    const components = dossiers.components(dossierId);
    const seen = new Set<number>();
    for (const ref of refs) {
      if (seen.has(ref.fileId)) throw new DeskError('VALIDATION', `Tệp số ${ref.fileId} được chọn hai lần`);
      seen.add(ref.fileId);
      const component = components.find((c) => c.position === ref.componentPosition);
      if (!component) {
        throw new DeskError('VALIDATION', `Hồ sơ không có thành phần số ${ref.componentPosition}`, [
          { path: 'attachments', message: `Không có thành phần số ${ref.componentPosition}` },
        ]);
      }
      const file = files.byId(ref.fileId);
      if (!file) throw new DeskError('NOT_FOUND', `Không tìm thấy tệp số ${ref.fileId}`);
      if (file.dossierId !== null) {
        throw new DeskError('CONFLICT', `Tệp "${file.name}" đã được đính kèm vào hồ sơ khác`);
      }
      files.attach(ref.fileId, dossierId, ref.componentPosition, ownWarningsJson(file.warningsJson));
    }
  }

  /**
   * Attaches inbox files to a dossier as its result (finish), inside the caller's transaction. Checked before the
   * step is recorded (`resultFilesOf`), again here: a file taken meanwhile at another counter refuses the step.
   */
  function attachResultInTransaction(dossierId: number, fileIds: readonly number[]) {
    for (const file of resultFilesOf(fileIds)) {
      if (!files.attach(file.id, dossierId, RESULT_POSITION, file.warningsJson)) {
        throw new DeskError('CONFLICT', `Tệp "${file.name}" vừa được đính kèm vào hồ sơ khác; hãy chọn lại tệp kết quả.`);
      }
    }
  }

  /** The inbox files named as a result, each once and still in the inbox; a Vietnamese refusal otherwise. */
  function resultFilesOf(fileIds: readonly number[]) {
    if (new Set(fileIds).size !== fileIds.length) {
      throw new DeskError('VALIDATION', 'Một tệp kết quả được chọn hai lần', [{ path: 'action.result.files', message: 'Tệp được chọn hai lần' }]);
    }
    return fileIds.map((id) => {
      const file = files.byId(id);
      if (!file) throw new DeskError('NOT_FOUND', `Không tìm thấy tệp kết quả số ${id}; hãy tải lên lại.`);
      if (file.dossierId !== null) throw new DeskError('CONFLICT', `Tệp "${file.name}" đã được đính kèm vào hồ sơ; hãy tải lên tệp kết quả khác.`);
      return file;
    });
  }

  /**
   * One pass over the watched scan folder: settled PDF/JPEG/PNG files go to the inbox, the originals to da-nhan/.
   * One pass at a time: a caller arriving during a pass (the doors' timer, listInbox) waits for it instead of
   * taking the same files a second time.
   */
  let passing: Promise<string | null> | null = null;
  function scanFolderPass(): Promise<string | null> {
    passing ??= runScanPass().finally(() => {
      passing = null;
    });
    return passing;
  }

  async function runScanPass(): Promise<string | null> {
    const folder = deps.settings.get().scanFolder;
    if (!folder) return null;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (err) {
      return `Không đọc được thư mục máy quét ${folder}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`;
    }
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name.startsWith('~')) continue;
      const full = path.join(folder, entry.name);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch {
        continue;
      }
      // A file still being written by the scanner keeps changing its mtime: take it on a later pass.
      if (Date.now() - stat.mtimeMs < SCAN_SETTLE_MS) continue;
      try {
        await ingest(fs.createReadStream(full), entry.name, 'scan');
        moveAside(folder, full, SCAN_DONE_DIR);
      } catch (err) {
        const reason = refusalReason(err);
        console.warn(`[desk] scan folder: ${entry.name} refused: ${reason}`);
        const moved = moveAside(folder, full, SCAN_REFUSED_DIR);
        if (moved) writeReasonNote(moved, reason);
      }
    }
    return null;
  }

  /** The folder's recent refusals, read from khong-nhan/ (so every counter on the folder sees the same). */
  function recentRefusals(): MethodOutput<'listInbox'>['refused'] {
    const folder = deps.settings.get().scanFolder;
    if (!folder) return [];
    const dir = path.join(folder, SCAN_REFUSED_DIR);
    // File times are the machine's real clock (like the scanner's own), not the desk's.
    const since = Date.now() - REFUSALS_SHOWN_MS;
    const out: Array<MethodOutput<'listInbox'>['refused'][number] & { ms: number }> = [];
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return [];
    }
    for (const note of names) {
      if (!note.endsWith(REASON_NOTE)) continue;
      try {
        const full = path.join(dir, note);
        const ms = fs.statSync(full).mtimeMs;
        if (ms < since) continue;
        const reason = fs.readFileSync(full, 'utf8').trim().slice(0, 500);
        out.push({ name: note.slice(0, -REASON_NOTE.length), reason, at: new Date(ms).toISOString(), ms });
      } catch {
        // A note removed meanwhile (the officer tidied the folder): nothing to show.
      }
    }
    return out
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 20)
      .map(({ ms: _ms, ...r }) => r);
  }

  return {
    ingest,
    attachInTransaction,
    attachResultInTransaction,
    resultFilesOf,
    scanFolderPass,

    async listInbox(): Promise<MethodOutput<'listInbox'>> {
      const problem = await scanFolderPass();
      const s = deps.settings.get();
      return {
        items: files.inbox().map(ownMeta),
        scanFolder: s.scanFolder || null,
        scanProblem: problem,
        refused: recentRefusals(),
        maxFileMb: s.maxFileMb,
      };
    },

    discard(id: number): { removed: boolean } {
      const file = files.byId(id);
      if (!file) throw new DeskError('NOT_FOUND', `Không tìm thấy tệp số ${id}`);
      if (file.dossierId !== null) throw new DeskError('INVALID_STATE', 'Tệp đã đính kèm hồ sơ; hãy gỡ khỏi hồ sơ trước.');
      const removed = files.removeFromInbox(id);
      if (removed) store.discardIfUnreferenced(file.sha256, inUse);
      return { removed };
    },

    meta(id: number): FileMeta {
      const file = files.byId(id);
      if (!file) throw new DeskError('NOT_FOUND', `Không tìm thấy tệp số ${id}`);
      return toFileMeta(file);
    },

    /** The bytes' path after re-checking their hash: a changed or missing file is reported, never served. */
    async open(id: number): Promise<{ meta: FileMeta; path: string }> {
      const file = files.byId(id);
      if (!file) throw new DeskError('NOT_FOUND', `Không tìm thấy tệp số ${id}`);
      const state = await store.verify(file.sha256);
      if (state === 'missing') {
        throw new DeskError('INTERNAL', `Tệp "${file.name}" không còn trong kho lưu trữ của máy này. Hãy quét lại giấy tờ.`);
      }
      if (state === 'changed') {
        throw new DeskError(
          'INTERNAL',
          `Tệp "${file.name}" đã bị thay đổi ngoài phần mềm (mã băm SHA-256 không khớp); không mở để tránh sai lệch hồ sơ.`,
        );
      }
      return { meta: toFileMeta(file), path: store.blobPath(file.sha256) };
    },

    attach(dossierId: number, refs: Array<{ fileId: number; componentPosition: number }>, at: number) {
      db.transaction(() => {
        attachInTransaction(dossierId, refs);
        dossiers.touch(dossierId, at);
        dossiers.addEvent(dossierId, {
          at,
          officerId: deps.officerId(),
          action: 'attached',
          from: null,
          to: null,
          note: `Đính kèm ${refs.length} tệp`,
          details: JSON.stringify({ files: refs }),
        });
      }).immediate();
    },

    detach(dossierId: number, fileId: number, at: number) {
      const file = files.byId(fileId);
      if (!file || file.dossierId !== dossierId) throw new DeskError('NOT_FOUND', `Hồ sơ không có tệp số ${fileId}`);
      db.transaction(() => {
        // Back in the inbox, the file keeps its own warnings, not those of the component it leaves.
        files.detach(fileId, dossierId, ownWarningsJson(file.warningsJson));
        dossiers.touch(dossierId, at);
        dossiers.addEvent(dossierId, {
          at,
          officerId: deps.officerId(),
          action: 'detached',
          from: null,
          to: null,
          note: `Gỡ tệp "${file.name}" về hộp tệp chờ`,
          details: JSON.stringify({ fileId, componentPosition: file.componentPosition }),
        });
      }).immediate();
    },

    /**
     * At start: blobs no row points at, and temp files a crash left, are removed. With another desk process alive
     * on the same folder (a second counter, the CLI), only entries untouched for an hour: its work may be in flight.
     */
    sweep(othersAlive: boolean) {
      const known = files.hashes();
      return store.sweep((sha) => known.has(sha) || holds.has(sha), othersAlive ? { olderThanMs: 3_600_000 } : {});
    },
  };
}

/** The Vietnamese reason alone (a refusal's message starts with the file's name, which the list shows already). */
function refusalReason(err: unknown): string {
  if (err instanceof DeskError) {
    const first: unknown = Array.isArray(err.details) ? err.details[0] : undefined;
    const message = (first as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' ? message : err.message;
  }
  return `Lỗi khi lưu tệp: ${(err as Error).message ?? String(err)}`;
}

/** Beside a refused scan, a text note of why: read by listInbox, and by whoever opens the folder. */
function writeReasonNote(moved: string, reason: string) {
  try {
    fs.writeFileSync(`${moved}${REASON_NOTE}`, `${reason}\n`, 'utf8');
  } catch (err) {
    console.warn(`[desk] scan folder: could not write the reason for ${moved}: ${String(err)}`);
  }
}

/** Moves a scan into a subfolder of the scan folder (never over another file); the new path, or null. */
function moveAside(folder: string, full: string, sub: string): string | null {
  const dir = path.join(folder, sub);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const base = path.basename(full);
    let target = path.join(dir, base);
    for (let i = 1; fs.existsSync(target); i++) {
      const ext = path.extname(base);
      target = path.join(dir, `${path.basename(base, ext)}-${i}${ext}`);
    }
    fs.renameSync(full, target);
    return target;
  } catch (err) {
    console.warn(`[desk] scan folder: could not move ${full}: ${String(err)}`);
    return null;
  }
}

export type FilesService = ReturnType<typeof filesService>;
