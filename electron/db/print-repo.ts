import type { PaperSize, PrintKind, PrinterProfile } from '../contract/documents';
import type { Db } from './connection';

/** A counter's printer profile for one kind of paper, as stored (silent as 0/1). */
export interface ProfileDbRow {
  kind: PrintKind;
  printer: string | null;
  paper: PaperSize;
  copies: number;
  silent: number;
}

export type PrintMethod = 'cups' | 'windows' | 'dialog';

export interface NewPrintLog {
  documentId: number | null;
  dossierId: number | null;
  what: string;
  counter: string;
  printer: string | null;
  copies: number;
  method: PrintMethod;
  job: string | null;
  status: 'sent' | 'failed';
  error: string | null;
  officerId: number | null;
  createdAt: number;
}

export interface PrintLogDbRow extends Omit<NewPrintLog, 'officerId'> {
  id: number;
  dossierCode: string | null;
  officerName: string | null;
}

const LOG_COLUMNS = `l.id, l.document_id AS documentId, l.dossier_id AS dossierId, d.code AS dossierCode, l.what,
  l.counter, l.printer, l.copies, l.method, l.job, l.status, l.error, o.full_name AS officerName,
  l.created_at AS createdAt`;
const LOG_FROM = `print_log l LEFT JOIN dossiers d ON d.id = l.dossier_id LEFT JOIN officers o ON o.id = l.officer_id`;

export function printRepo(db: Db) {
  const profiles = db.prepare<[string], ProfileDbRow>(
    `SELECT kind, printer, paper, copies, silent FROM printer_profiles WHERE counter = ? ORDER BY kind`,
  );
  const upsertProfile = db.prepare(
    `INSERT INTO printer_profiles (counter, kind, printer, paper, copies, silent, updated_at)
     VALUES (@counter, @kind, @printer, @paper, @copies, @silent, @updatedAt)
     ON CONFLICT (counter, kind) DO UPDATE SET printer = excluded.printer, paper = excluded.paper,
       copies = excluded.copies, silent = excluded.silent, updated_at = excluded.updated_at`,
  );
  const insertLog = db.prepare(
    `INSERT INTO print_log (document_id, dossier_id, what, counter, printer, copies, method, job, status, error,
       officer_id, created_at)
     VALUES (@documentId, @dossierId, @what, @counter, @printer, @copies, @method, @job, @status, @error,
       @officerId, @createdAt)`,
  );
  const logById = db.prepare<[number], PrintLogDbRow>(`SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.id = ?`);
  // Newest first by id (ids follow time); keyset paging, one statement per filter so each uses its index.
  const page = db.prepare<[number, number], PrintLogDbRow>(
    `SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.id < ? ORDER BY l.id DESC LIMIT ?`,
  );
  const pageOfDossier = db.prepare<[number, number, number], PrintLogDbRow>(
    `SELECT ${LOG_COLUMNS} FROM ${LOG_FROM} WHERE l.dossier_id = ? AND l.id < ? ORDER BY l.id DESC LIMIT ?`,
  );

  return {
    profiles: (counter: string): ProfileDbRow[] => profiles.all(counter),
    saveProfile: (counter: string, p: PrinterProfile, at: number): void =>
      void upsertProfile.run({ counter, ...p, silent: p.silent ? 1 : 0, updatedAt: at }),
    insertLog: (row: NewPrintLog): number => Number(insertLog.run(row).lastInsertRowid),
    logById: (id: number): PrintLogDbRow | undefined => logById.get(id),
    /** Up to `limit` rows before the id `before` (all when undefined), newest first. */
    logPage: (q: { dossierId?: number; before?: number; limit: number }): PrintLogDbRow[] => {
      const before = q.before ?? Number.MAX_SAFE_INTEGER;
      return q.dossierId === undefined ? page.all(before, q.limit) : pageOfDossier.all(q.dossierId, before, q.limit);
    },
  };
}

export type PrintRepo = ReturnType<typeof printRepo>;
