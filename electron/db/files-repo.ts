import type { AcceptedMime } from '../contract/counter';
import type { Db } from './connection';

/** A stored file: the bytes live on disk as a content-addressed blob (files/ in the data folder), this is its row. */
export interface FileDbRow {
  id: number;
  sha256: string;
  name: string;
  mime: AcceptedMime;
  size: number;
  pages: number;
  source: 'upload' | 'scan' | 'online';
  dossierId: number | null;
  componentPosition: number | null;
  warningsJson: string | null;
  createdAt: number;
  createdBy: string | null;
}

export type NewFile = Omit<FileDbRow, 'id' | 'createdBy' | 'dossierId' | 'componentPosition'> & {
  createdById: number | null;
  dossierId?: number | null;
  componentPosition?: number | null;
};

const COLUMNS = `f.id, f.sha256, f.name, f.mime, f.size, f.pages, f.source, f.dossier_id AS dossierId,
  f.component_position AS componentPosition, f.warnings_json AS warningsJson, f.created_at AS createdAt,
  o.full_name AS createdBy`;

export function filesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO files (sha256, name, mime, size, pages, source, dossier_id, component_position, warnings_json,
       created_at, created_by)
     VALUES (@sha256, @name, @mime, @size, @pages, @source, @dossierId, @componentPosition, @warningsJson,
       @createdAt, @createdById)`,
  );
  const byId = db.prepare<[number], FileDbRow>(
    `SELECT ${COLUMNS} FROM files f LEFT JOIN officers o ON o.id = f.created_by WHERE f.id = ?`,
  );
  const ofDossier = db.prepare<[number], FileDbRow>(
    `SELECT ${COLUMNS} FROM files f LEFT JOIN officers o ON o.id = f.created_by
      WHERE f.dossier_id = ? ORDER BY f.component_position, f.id`,
  );
  const inbox = db.prepare<[number], FileDbRow>(
    `SELECT ${COLUMNS} FROM files f LEFT JOIN officers o ON o.id = f.created_by
      WHERE f.dossier_id IS NULL ORDER BY f.created_at DESC, f.id DESC LIMIT ?`,
  );
  const attach = db.prepare(
    `UPDATE files SET dossier_id = ?, component_position = ?, warnings_json = ? WHERE id = ? AND dossier_id IS NULL`,
  );
  const detach = db.prepare(
    `UPDATE files SET dossier_id = NULL, component_position = NULL, warnings_json = ? WHERE id = ? AND dossier_id = ?`,
  );
  const removeInbox = db.prepare(`DELETE FROM files WHERE id = ? AND dossier_id IS NULL`);
  const referenced = db.prepare<[string], { one: number }>(`SELECT 1 AS one FROM files WHERE sha256 = ? LIMIT 1`);
  const allHashes = db.prepare<[], { sha256: string }>(`SELECT DISTINCT sha256 FROM files`);

  return {
    insert: (f: NewFile): number =>
      Number(
        insert.run({ dossierId: null, componentPosition: null, ...f }).lastInsertRowid,
      ),
    byId: (id: number): FileDbRow | undefined => byId.get(id),
    ofDossier: (dossierId: number): FileDbRow[] => ofDossier.all(dossierId),
    inbox: (limit = 500): FileDbRow[] => inbox.all(limit),
    /** false when the file is no longer in the inbox (attached meanwhile at another counter). */
    /** `position` RESULT_POSITION (0): a result file of the dossier. */
    attach: (id: number, dossierId: number, position: number, warningsJson: string | null): boolean =>
      attach.run(dossierId, position, warningsJson, id).changes === 1,
    /** Back to the inbox, with the warnings the file keeps there. */
    detach: (id: number, dossierId: number, warningsJson: string | null): boolean =>
      detach.run(warningsJson, id, dossierId).changes === 1,
    removeFromInbox: (id: number): boolean => removeInbox.run(id).changes === 1,
    isReferenced: (sha256: string): boolean => referenced.get(sha256) !== undefined,
    /** Every hash with a row (for the orphan sweep at start). */
    hashes: (): Set<string> => new Set(allHashes.all().map((r) => r.sha256)),
  };
}

export type FilesRepo = ReturnType<typeof filesRepo>;
