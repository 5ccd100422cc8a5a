import type { FormCode, LegalRegime, RegisterQuery } from '../contract';
import type { Db } from './connection';

/** A generated document as the register of documents keeps it (the bytes are read only when needed). */
export interface DocumentDbRow {
  id: number;
  dossierId: number;
  form: FormCode;
  templateVersion: string;
  version: number;
  fileName: string;
  sha256: string;
  size: number;
  createdAt: number;
  number: string | null;
  regime: LegalRegime;
  reason: string | null;
  createdBy: string | null;
}

export interface NewDocument {
  dossierId: number;
  form: FormCode;
  templateVersion: string;
  regime: LegalRegime;
  fileName: string;
  sha256: string;
  content: Buffer;
  officerId: number | null;
  createdAt: number;
  reason: string | null;
}

/** A document's number and, when it is a new one, its place in the form's yearly sequence (taken on record). */
export interface DocumentNumber {
  number: string;
  sequence: { year: number; no: number } | null;
}

/** One line of Mẫu 07 as stored: instants in ms. */
export interface RegisterDbRow {
  no: number;
  dossierId: number;
  code: string;
  procedureName: string;
  field: string;
  sets: number;
  applicantName: string;
  address: string;
  phone: string;
  status: number;
  supplementRequests: number;
  extensions: number;
  acceptedAt: number;
  dueAt: number | null;
  forwardedAt: number | null;
  resultAt: number | null;
  returnedAt: number | null;
}

const COLUMNS = `d.id, d.dossier_id AS dossierId, d.form, d.template_version AS templateVersion, d.version,
  d.file_name AS fileName, d.sha256, d.size, d.created_at AS createdAt, d.number, d.regime, d.reason,
  o.full_name AS createdBy`;

/**
 * The register of generated documents (form, template version, regime, number, SHA-256, bytes, who, when) and the
 * numbers they carry: a document's number per form and year, and the dossier's place in the tracking register
 * (Mẫu 07), continuous within a year.
 */
export function documentsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO documents (dossier_id, form, template_version, regime, version, number, file_name, sha256, size,
       content, officer_id, created_at, reason)
     VALUES (@dossierId, @form, @templateVersion, @regime,
       (SELECT coalesce(max(version), 0) + 1 FROM documents WHERE dossier_id = @dossierId AND form = @form),
       @number, @fileName, @sha256, @size, @content, @officerId, @createdAt, @reason)`,
  );
  const numberOf = db.prepare<[number, string], { number: string | null }>(
    `SELECT number FROM documents WHERE dossier_id = ? AND form = ? ORDER BY version LIMIT 1`,
  );
  const lastNumber = db.prepare<[string, number], { last: number }>(`SELECT last FROM document_counters WHERE form = ? AND year = ?`);
  const takeNumber = db.prepare(
    `INSERT INTO document_counters (form, year, last) VALUES (@form, @year, @no)
       ON CONFLICT (form, year) DO UPDATE SET last = @no WHERE last = @no - 1`,
  );
  const ofDossier = db.prepare<[number], DocumentDbRow>(
    `SELECT ${COLUMNS} FROM documents d LEFT JOIN officers o ON o.id = d.officer_id WHERE d.dossier_id = ? ORDER BY d.id`,
  );
  const byId = db.prepare<[number], DocumentDbRow & { content: Buffer }>(
    `SELECT ${COLUMNS}, d.content FROM documents d LEFT JOIN officers o ON o.id = d.officer_id WHERE d.id = ?`,
  );
  const latest = db.prepare<[number, string], DocumentDbRow>(
    `SELECT ${COLUMNS} FROM documents d LEFT JOIN officers o ON o.id = d.officer_id
      WHERE d.dossier_id = ? AND d.form = ? ORDER BY d.version DESC LIMIT 1`,
  );
  const createdAt = db.prepare<[number, number], DocumentDbRow & { content: Buffer }>(
    `SELECT ${COLUMNS}, d.content FROM documents d LEFT JOIN officers o ON o.id = d.officer_id
      WHERE d.dossier_id = ? AND d.created_at = ? ORDER BY d.id`,
  );

  const lastRegisterNo = db.prepare<[number], { last: number }>(`SELECT last FROM register_counters WHERE year = ?`);
  const takeRegisterNo = db.prepare(
    `INSERT INTO register_counters (year, last) VALUES (@year, @no)
       ON CONFLICT (year) DO UPDATE SET last = @no WHERE last = @no - 1`,
  );
  const setRegisterNo = db.prepare(`UPDATE dossiers SET register_year = ?, register_no = ? WHERE id = ? AND register_no IS NULL`);

  // The register in number order; events give the hand-over times (first forward, first result, the return).
  const registerSql = (where: string) => `
    SELECT x.register_no AS no, x.id AS dossierId, x.code, p.name AS procedureName, p.field, x.sets,
           x.applicant_name AS applicantName, x.address, x.phone, x.status,
           x.supplement_requests AS supplementRequests, x.extensions,
           x.accepted_at AS acceptedAt, x.due_at AS dueAt,
           (SELECT min(e.at) FROM events e WHERE e.dossier_id = x.id AND e.action = 'forward') AS forwardedAt,
           (SELECT min(e.at) FROM events e WHERE e.dossier_id = x.id AND e.action = 'finish') AS resultAt,
           (SELECT min(e.at) FROM events e WHERE e.dossier_id = x.id AND e.action = 'returnResult') AS returnedAt
      FROM dossiers x JOIN procedures p ON p.id = x.procedure_id
     WHERE x.register_year = @year AND x.register_no > @after ${where}
     ORDER BY x.register_no LIMIT @limit`;
  const registerAll = db.prepare<[Record<string, number>], RegisterDbRow>(registerSql(''));
  const registerPeriod = db.prepare<[Record<string, number>], RegisterDbRow>(
    registerSql('AND x.accepted_at >= @fromMs AND x.accepted_at < @toMs'),
  );
  const countAll = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM dossiers WHERE register_year = ?`);
  const countPeriod = db.prepare<[number, number, number], { n: number }>(
    `SELECT count(*) AS n FROM dossiers WHERE register_year = ? AND accepted_at >= ? AND accepted_at < ?`,
  );

  return {
    /**
     * The number a new document of `form` for the dossier will carry, to print it before it is recorded: the one
     * its first version got, or the next of the form's yearly sequence.
     */
    peekNumber(dossierId: number, form: FormCode, year: number): DocumentNumber {
      const kept = numberOf.get(dossierId, form)?.number;
      if (kept) return { number: kept, sequence: null };
      const no = (lastNumber.get(form, year)?.last ?? 0) + 1;
      return { number: `${no}/${year}`, sequence: { year, no } };
    },
    /**
     * Records a document carrying `number` (from peekNumber, or the register number for Mẫu 01). False, recording
     * nothing, when another counter took that number first: the caller renders again with a fresh one.
     */
    add(d: NewDocument, { number, sequence }: DocumentNumber): number | false {
      if (sequence && takeNumber.run({ form: d.form, ...sequence }).changes !== 1) return false;
      return Number(insert.run({ ...d, number, size: d.content.length }).lastInsertRowid);
    },
    ofDossier: (dossierId: number): DocumentDbRow[] => ofDossier.all(dossierId),
    byId: (id: number): (DocumentDbRow & { content: Buffer }) | undefined => byId.get(id),
    latest: (dossierId: number, form: FormCode): DocumentDbRow | undefined => latest.get(dossierId, form),
    createdAt: (dossierId: number, at: number) => createdAt.all(dossierId, at),

    /** The register number the next acceptance of `year` will take (to print it on Mẫu 01 before it is taken). */
    nextRegisterNo: (year: number): number => (lastRegisterNo.get(year)?.last ?? 0) + 1,
    /**
     * Takes `no` for the dossier inside the acceptance transaction; false when another counter took it first (the
     * caller renders the slip again with the next one), so the register never has a gap or a repeat.
     */
    takeRegisterNo(dossierId: number, year: number, no: number): boolean {
      if (takeRegisterNo.run({ year, no }).changes !== 1) return false;
      return setRegisterNo.run(year, no, dossierId).changes === 1;
    },
    register(q: RegisterQuery, range: { fromMs: number; toMs: number } | null): RegisterDbRow[] {
      const params = { year: q.year, after: q.after ?? 0, limit: q.limit };
      return range ? registerPeriod.all({ ...params, ...range }) : registerAll.all(params);
    },
    registerCount: (year: number, range: { fromMs: number; toMs: number } | null): number =>
      (range ? countPeriod.get(year, range.fromMs, range.toMs) : countAll.get(year))!.n,
  };
}

export type DocumentsRepo = ReturnType<typeof documentsRepo>;
