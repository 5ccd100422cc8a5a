import fs from 'node:fs';
import path from 'node:path';
import { DeskError, RESULT_POSITION, type FileMeta, type MethodOutput } from '../contract';
import type { Db } from '../db/connection';
import type { DossiersRepo, ReviewedComponentDbRow } from '../db/dossiers-repo';
import type { FileDbRow, FilesRepo } from '../db/files-repo';
import type { FileStore, IngestResult } from '../files';
import type { CounterSettingsStore } from './counter-settings';
import { toFileMeta } from './mappers';

const MB = 1024 * 1024;
/** A scanned file is taken once its size has not changed for this long (the scanner may still be writing). */
const SCAN_SETTLE_MS = 1500;
/** Where taken scans go inside the scan folder, so nothing the scanner saved is ever deleted. */
export const SCAN_DONE_DIR = 'da-nhan';
const SCAN_REFUSED_DIR = 'khong-nhan';

const INGEST_CODES = {
  EMPTY: 'VALIDATION',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TYPE: 'VALIDATION',
  MISMATCH: 'VALIDATION',
  ENCRYPTED: 'VALIDATION',
  NO_PAGES: 'VALIDATION',
  UNREADABLE: 'VALIDATION',
} as const;

/** Pre-check against the checklist: declared pages that differ from the file's. */
export function pageWarnings(file: Pick<FileDbRow, 'pages' | 'name'>, component: ReviewedComponentDbRow | undefined, others: number): string[] {
  if (!component?.pages || others > 0) return [];
  return file.pages === component.pages
    ? []
    : [`Tệp có ${file.pages} trang, thành phần "${component.name}" khai ${component.pages} trang`];
}

const PAGE_WARNING = /^Tệp có \d+ trang, thành phần ".*" khai \d+ trang$/su;

/** The file's own warnings (from its inspection), without those of the component it was attached to. */
function ownWarnings(warningsJson: string | null): string[] {
  return warningsJson ? (JSON.parse(warningsJson) as string[]).filter((w) => !PAGE_WARNING.test(w)) : [];
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
    const alreadyOn = files.ofDossier(dossierId);
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
      const onSame = refs.filter((r) => r.componentPosition === ref.componentPosition).length - 1;
      const existing = alreadyOn.filter((f) => f.componentPosition === ref.componentPosition).length;
      const warnings = [...ownWarnings(file.warningsJson), ...pageWarnings(file, component, onSame + existing)];
      files.attach(ref.fileId, dossierId, ref.componentPosition, warnings.length ? JSON.stringify(warnings) : null);
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
      let target = SCAN_DONE_DIR;
      try {
        await ingest(fs.createReadStream(full), entry.name, 'scan');
      } catch (err) {
        target = SCAN_REFUSED_DIR;
        console.warn(`[desk] scan folder: ${entry.name} refused: ${(err as Error).message}`);
      }
      moveAside(folder, full, target);
    }
    return null;
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
        items: files.inbox().map(toFileMeta),
        scanFolder: s.scanFolder || null,
        scanProblem: problem,
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
        const own = ownWarnings(file.warningsJson);
        files.detach(fileId, dossierId, own.length ? JSON.stringify(own) : null);
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

function moveAside(folder: string, full: string, sub: string) {
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
  } catch (err) {
    console.warn(`[desk] scan folder: could not move ${full}: ${String(err)}`);
  }
}

export type FilesService = ReturnType<typeof filesService>;
