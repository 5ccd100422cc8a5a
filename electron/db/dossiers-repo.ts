import type { EventAction, FormCode } from '../contract/schemas';
import type { Db } from './connection';

/** A dossier row as stored: instants as epoch milliseconds. */
export interface DossierDbRow {
  id: number;
  code: string;
  agencySettingsId: number;
  agencyCode: string;
  procedureId: string;
  procedureName: string;
  channel: number;
  status: number;
  applicantName: string;
  idKind: 'cccd' | 'cmnd' | 'passport';
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  ownerName: string | null;
  sets: number;
  note: string | null;
  receivedAt: number;
  acceptedAt: number | null;
  dueAt: number | null;
  updatedAt: number;
  procedureVersionId: number | null;
  holder: string;
  supplementRequests: number;
  extensions: number;
  feeJson: string | null;
  lifecycleJson: string | null;
  revision: number;
}

export type QueueDbRow = Pick<
  DossierDbRow,
  | 'id'
  | 'code'
  | 'status'
  | 'channel'
  | 'applicantName'
  | 'idNumber'
  | 'phone'
  | 'procedureId'
  | 'procedureName'
  | 'receivedAt'
  | 'dueAt'
>;

export interface NewDossier {
  agencySettingsId: number;
  agencyCode: string;
  dayKey: string;
  procedureId: string;
  channel: number;
  status: number;
  applicantName: string;
  nameFolded: string;
  idKind: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
  ownerName: string | null;
  sets: number;
  note: string | null;
  receivedAt: number;
  procedureVersionId: number;
  feeAmount: number | null;
  feeJson: string | null;
}

/** The lifecycle's projection written with each transition. */
export interface LifecycleUpdate {
  status: number;
  holder: string;
  supplementRequests: number;
  extensions: number;
  dueAt: number | null;
  acceptedAt: number | null;
  lifecycleJson: string;
  updatedAt: number;
}

export interface EventDbRow {
  id: number;
  at: number;
  action: EventAction;
  officerName: string | null;
  fromStatus: number | null;
  toStatus: number | null;
  note: string | null;
  detailsJson: string | null;
}

export interface ComponentDbRow {
  position: number;
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
}

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
}

/** Keyset position: the last row's (received_at, id) for the queue, its id for name search. */
export interface QueueCursor {
  receivedAt: number;
  id: number;
}

const QUEUE_COLUMNS = `d.id, d.code, d.status, d.channel, d.applicant_name AS applicantName, d.id_number AS idNumber,
  d.phone, d.procedure_id AS procedureId, p.name AS procedureName, d.received_at AS receivedAt, d.due_at AS dueAt`;

export function dossiersRepo(db: Db) {
  const bumpCounter = db.prepare<[string, string], { last: number }>(
    `INSERT INTO dossier_counters (agency_code, day, last) VALUES (?, ?, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insert = db.prepare(
    `INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
       id_kind, id_number, phone, email, address, owner_name, sets, note, received_at, updated_at,
       procedure_version_id, fee_amount, fee_json)
     VALUES (@code, @agencySettingsId, @procedureId, @channel, @status, @applicantName, @nameFolded,
       @idKind, @idNumber, @phone, @email, @address, @ownerName, @sets, @note, @receivedAt, @receivedAt,
       @procedureVersionId, @feeAmount, @feeJson)`,
  );
  const insertFts = db.prepare(`INSERT INTO dossier_fts (rowid, name) VALUES (?, ?)`);
  const insertComponent = db.prepare(
    `INSERT INTO dossier_components (dossier_id, position, name, originals, certified_copies, photocopies)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (dossier_id, at, officer_id, action, from_status, to_status, note, details_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], DossierDbRow>(
    `SELECT d.id, d.code, d.agency_settings_id AS agencySettingsId, a.agency_code AS agencyCode,
            d.procedure_id AS procedureId, p.name AS procedureName, d.channel, d.status,
            d.applicant_name AS applicantName, d.id_kind AS idKind, d.id_number AS idNumber, d.phone, d.email,
            d.address, d.owner_name AS ownerName, d.sets, d.note, d.received_at AS receivedAt,
            d.accepted_at AS acceptedAt, d.due_at AS dueAt, d.updated_at AS updatedAt,
            d.procedure_version_id AS procedureVersionId, d.holder, d.supplement_requests AS supplementRequests,
            d.extensions, d.fee_json AS feeJson, d.lifecycle_json AS lifecycleJson, d.revision
       FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
       JOIN agency_settings a ON a.id = d.agency_settings_id
      WHERE d.id = ?`,
  );
  const components = db.prepare<[number], ComponentDbRow>(
    `SELECT position, name, originals, certified_copies AS certifiedCopies, photocopies
       FROM dossier_components WHERE dossier_id = ? ORDER BY position`,
  );
  const events = db.prepare<[number], EventDbRow>(
    `SELECT e.id, e.at, e.action, o.full_name AS officerName, e.from_status AS fromStatus,
            e.to_status AS toStatus, e.note, e.details_json AS detailsJson
       FROM events e LEFT JOIN officers o ON o.id = e.officer_id WHERE e.dossier_id = ? ORDER BY e.id`,
  );
  // Optimistic guard: the row changes only if nobody moved it since it was read (two counters, one dossier).
  const setLifecycle = db.prepare(
    `UPDATE dossiers SET status = @status, holder = @holder, supplement_requests = @supplementRequests,
       extensions = @extensions, due_at = @dueAt, accepted_at = coalesce(accepted_at, @acceptedAt),
       lifecycle_json = @lifecycleJson, updated_at = @updatedAt, revision = revision + 1
     WHERE id = @id AND revision = @expectedRevision`,
  );

  // Queue pages: newest first, keyset on (received_at, id); never OFFSET.
  const pageAll = db.prepare<[number, number, number], QueueDbRow>(
    `SELECT ${QUEUE_COLUMNS} FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
      WHERE (d.received_at, d.id) < (?, ?) ORDER BY d.received_at DESC, d.id DESC LIMIT ?`,
  );
  const pageByStatus = db.prepare<[number, number, number, number], QueueDbRow>(
    `SELECT ${QUEUE_COLUMNS} FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
      WHERE d.status = ? AND (d.received_at, d.id) < (?, ?) ORDER BY d.received_at DESC, d.id DESC LIMIT ?`,
  );
  // Name search over the folded FTS column; rowid follows reception order closely enough to page by it.
  const searchName = db.prepare<[string, number, number | null, number | null, number], QueueDbRow>(
    `SELECT ${QUEUE_COLUMNS} FROM dossier_fts f JOIN dossiers d ON d.id = f.rowid
       JOIN procedures p ON p.id = d.procedure_id
      WHERE dossier_fts MATCH ? AND f.rowid < ? AND (? IS NULL OR d.status = ?)
      ORDER BY f.rowid DESC LIMIT ?`,
  );
  const searchCode = db.prepare<[string, string, number, number | null, number | null, number], QueueDbRow>(
    `SELECT ${QUEUE_COLUMNS} FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
      WHERE d.code >= ? AND d.code < ? AND d.id < ? AND (? IS NULL OR d.status = ?)
      ORDER BY d.id DESC LIMIT ?`,
  );
  const searchDigits = db.prepare<
    [string, string, string, string, number, number | null, number | null, number],
    QueueDbRow
  >(
    `SELECT ${QUEUE_COLUMNS} FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
      WHERE d.id IN (SELECT id FROM dossiers WHERE id_number >= ? AND id_number < ?
                     UNION SELECT id FROM dossiers WHERE phone >= ? AND phone < ?)
        AND d.id < ? AND (? IS NULL OR d.status = ?)
      ORDER BY d.id DESC LIMIT ?`,
  );
  const counts = db.prepare<[], { status: number; n: number }>(
    `SELECT status, count(*) AS n FROM dossiers GROUP BY status`,
  );
  const insertDocument = db.prepare(
    `INSERT INTO documents (dossier_id, form, template_version, version, file_name, sha256, size, content,
       officer_id, created_at)
     VALUES (@dossierId, @form, @templateVersion,
       (SELECT coalesce(max(version), 0) + 1 FROM documents WHERE dossier_id = @dossierId AND form = @form),
       @fileName, @sha256, @size, @content, @officerId, @createdAt)`,
  );
  const documentsOf = db.prepare<[number], DocumentDbRow>(
    `SELECT id, dossier_id AS dossierId, form, template_version AS templateVersion, version,
            file_name AS fileName, sha256, size, created_at AS createdAt
       FROM documents WHERE dossier_id = ? ORDER BY id`,
  );
  const documentById = db.prepare<[number], DocumentDbRow & { content: Buffer }>(
    `SELECT id, dossier_id AS dossierId, form, template_version AS templateVersion, version,
            file_name AS fileName, sha256, size, created_at AS createdAt, content
       FROM documents WHERE id = ?`,
  );

  const BIG = Number.MAX_SAFE_INTEGER;

  return {
    /** Next daily sequence for an agency; call inside the intake transaction. */
    nextSequence: (agencyCode: string, day: string): number => bumpCounter.get(agencyCode, day)!.last,
    insert: (row: NewDossier & { code: string }, nameFolded: string): number => {
      const id = Number(insert.run(row).lastInsertRowid);
      insertFts.run(id, nameFolded);
      return id;
    },
    addComponent: (dossierId: number, c: ComponentDbRow): void =>
      void insertComponent.run(dossierId, c.position, c.name, c.originals, c.certifiedCopies, c.photocopies),
    addEvent: (
      dossierId: number,
      e: {
        at: number;
        officerId: number | null;
        action: EventAction;
        from: number | null;
        to: number | null;
        note: string | null;
        details?: string | null;
      },
    ): void => void insertEvent.run(dossierId, e.at, e.officerId, e.action, e.from, e.to, e.note, e.details ?? null),
    byId: (id: number): DossierDbRow | undefined => byId.get(id),
    components: (id: number): ComponentDbRow[] => components.all(id),
    events: (id: number): EventDbRow[] => events.all(id),
    /** Writes a transition's new state; false when another counter changed the dossier first. */
    saveLifecycle: (id: number, expectedRevision: number, next: LifecycleUpdate): boolean =>
      setLifecycle.run({ ...next, id, expectedRevision }).changes === 1,

    page: (status: number | null, after: QueueCursor | null, limit: number): QueueDbRow[] => {
      const r = after?.receivedAt ?? BIG;
      const i = after?.id ?? BIG;
      return status === null ? pageAll.all(r, i, limit) : pageByStatus.all(status, r, i, limit);
    },
    searchName: (match: string, status: number | null, afterId: number | null, limit: number): QueueDbRow[] =>
      searchName.all(match, afterId ?? BIG, status, status, limit),
    searchCodePrefix: (prefix: string, status: number | null, afterId: number | null, limit: number): QueueDbRow[] =>
      searchCode.all(prefix, prefix + '\uffff', afterId ?? BIG, status, status, limit),
    searchDigitsPrefix: (digits: string, status: number | null, afterId: number | null, limit: number): QueueDbRow[] =>
      searchDigits.all(digits, digits + ':', digits, digits + ':', afterId ?? BIG, status, status, limit),
    countsByStatus: (): Array<{ status: number; n: number }> => counts.all(),

    addDocument: (d: {
      dossierId: number;
      form: FormCode;
      templateVersion: string;
      fileName: string;
      sha256: string;
      content: Buffer;
      officerId: number | null;
      createdAt: number;
    }): number => Number(insertDocument.run({ ...d, size: d.content.length }).lastInsertRowid),
    documentsOf: (dossierId: number): DocumentDbRow[] => documentsOf.all(dossierId),
    documentById: (id: number): (DocumentDbRow & { content: Buffer }) | undefined => documentById.get(id),
  };
}

export type DossiersRepo = ReturnType<typeof dossiersRepo>;
