import type { EventAction } from '../contract/schemas';
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
  field: string;
  deliveryMethod: 'counter' | 'post';
  deliveryAddress: string | null;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  assigneeId: number | null;
  assigneeName: string | null;
  portalDossierId: string | null;
  /** Place in the tracking register (Mẫu 07), given at acceptance. */
  registerYear: number | null;
  registerNo: number | null;
}

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
  /** Last movement; the reception time at the counter, the import time for an online dossier. */
  updatedAt: number;
  procedureVersionId: number;
  feeAmount: number | null;
  feeJson: string | null;
  deliveryMethod: 'counter' | 'post';
  deliveryAddress: string | null;
  birthYear: number | null;
  gender: 'male' | 'female' | null;
  portalDossierId: string | null;
}

/** The intake fields a correction may change (correct-and-reissue). */
export type IntakeUpdate = Pick<
  NewDossier,
  | 'procedureId'
  | 'channel'
  | 'applicantName'
  | 'nameFolded'
  | 'idKind'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'address'
  | 'ownerName'
  | 'sets'
  | 'note'
  | 'procedureVersionId'
  | 'feeAmount'
  | 'feeJson'
  | 'deliveryMethod'
  | 'deliveryAddress'
  | 'birthYear'
  | 'gender'
> & { dueAt: number | null; lifecycleJson: string | null; updatedAt: number };

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
  officerId: number | null;
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
  required: boolean;
  pages: number | null;
}

export interface ReviewedComponentDbRow extends ComponentDbRow {
  verdict: 'ok' | 'missing' | 'invalid' | null;
  verdictReason: string | null;
}

/** One status change (or correction) for the sync back to the provincial system. */
export interface ChangeDbRow {
  id: number;
  dossierId: number;
  code: string;
  portalDossierId: string | null;
  at: number;
  action: EventAction;
  status: number;
  officerName: string | null;
  note: string | null;
}

export function dossiersRepo(db: Db) {
  const bumpCounter = db.prepare<[string, string], { last: number }>(
    `INSERT INTO dossier_counters (agency_code, day, last) VALUES (?, ?, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const insert = db.prepare(
    `INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
       id_kind, id_number, phone, email, address, owner_name, sets, note, received_at, updated_at,
       procedure_version_id, fee_amount, fee_json, delivery_method, delivery_address, birth_year, gender,
       portal_dossier_id)
     VALUES (@code, @agencySettingsId, @procedureId, @channel, @status, @applicantName, @nameFolded,
       @idKind, @idNumber, @phone, @email, @address, @ownerName, @sets, @note, @receivedAt, @updatedAt,
       @procedureVersionId, @feeAmount, @feeJson, @deliveryMethod, @deliveryAddress, @birthYear, @gender,
       @portalDossierId)`,
  );
  const insertFts = db.prepare(`INSERT INTO dossier_fts (rowid, name) VALUES (?, ?)`);
  const deleteFts = db.prepare(`DELETE FROM dossier_fts WHERE rowid = ?`);
  const insertComponent = db.prepare(
    `INSERT INTO dossier_components (dossier_id, position, name, originals, certified_copies, photocopies,
       required, pages)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A correction keeps the review of a component whose name did not change.
  const upsertComponent = db.prepare(
    `INSERT INTO dossier_components (dossier_id, position, name, originals, certified_copies, photocopies,
       required, pages)
     VALUES (@dossierId, @position, @name, @originals, @certifiedCopies, @photocopies, @required, @pages)
     ON CONFLICT (dossier_id, position) DO UPDATE SET
       verdict = CASE WHEN name = excluded.name THEN verdict END,
       verdict_reason = CASE WHEN name = excluded.name THEN verdict_reason END,
       name = excluded.name, originals = excluded.originals, certified_copies = excluded.certified_copies,
       photocopies = excluded.photocopies, required = excluded.required, pages = excluded.pages`,
  );
  const deleteComponentsFrom = db.prepare(`DELETE FROM dossier_components WHERE dossier_id = ? AND position > ?`);
  const setVerdict = db.prepare(
    `UPDATE dossier_components SET verdict = ?, verdict_reason = ?, reviewed_at = ?, reviewed_by = ?
      WHERE dossier_id = ? AND position = ?`,
  );
  const setAssignee = db.prepare(`UPDATE dossiers SET assignee_id = ? WHERE id = ?`);
  const setFinished = db.prepare(`UPDATE dossiers SET finished_at = ?, finished_by = ?, ontime = ? WHERE id = ?`);
  // Work that is not a transition (review, attachments) still moves the dossier: the radar's "treo" clock restarts.
  const touch = db.prepare(`UPDATE dossiers SET updated_at = ?, revision = revision + 1 WHERE id = ?`);
  const updateIntake = db.prepare(
    `UPDATE dossiers SET procedure_id = @procedureId, channel = @channel, applicant_name = @applicantName, name_folded = @nameFolded,
       id_kind = @idKind, id_number = @idNumber, phone = @phone, email = @email, address = @address,
       owner_name = @ownerName, sets = @sets, note = @note, procedure_version_id = @procedureVersionId,
       fee_amount = @feeAmount, fee_json = @feeJson, delivery_method = @deliveryMethod,
       delivery_address = @deliveryAddress, birth_year = @birthYear, gender = @gender, due_at = @dueAt,
       lifecycle_json = coalesce(@lifecycleJson, lifecycle_json), updated_at = @updatedAt, revision = revision + 1
     WHERE id = @id AND revision = @expectedRevision`,
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
            d.extensions, d.fee_json AS feeJson, d.lifecycle_json AS lifecycleJson, d.revision, p.field,
            d.delivery_method AS deliveryMethod, d.delivery_address AS deliveryAddress, d.birth_year AS birthYear,
            d.gender, d.assignee_id AS assigneeId, o.full_name AS assigneeName, d.portal_dossier_id AS portalDossierId,
            d.register_year AS registerYear, d.register_no AS registerNo
       FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
       JOIN agency_settings a ON a.id = d.agency_settings_id
       LEFT JOIN officers o ON o.id = d.assignee_id
      WHERE d.id = ?`,
  );
  const byPortalId = db.prepare<[string], { id: number; code: string }>(
    `SELECT id, code FROM dossiers WHERE portal_dossier_id = ?`,
  );
  const insertSubmission = db.prepare(
    `INSERT INTO online_submissions (portal_dossier_id, dossier_id, submitted_at, package_name, package_sha256,
       manifest_json, imported_at, imported_by)
     VALUES (@portalDossierId, @dossierId, @submittedAt, @packageName, @packageSha256, @manifestJson, @importedAt,
       @importedBy)`,
  );
  // The sync back to the province: status changes and corrections since an instant, with their documents.
  const changesSince = db.prepare<[number], ChangeDbRow>(
    `SELECT e.id, e.dossier_id AS dossierId, d.code, d.portal_dossier_id AS portalDossierId, e.at, e.action,
            coalesce(e.to_status, d.status) AS status, o.full_name AS officerName, e.note
       FROM events e JOIN dossiers d ON d.id = e.dossier_id LEFT JOIN officers o ON o.id = e.officer_id
      WHERE e.at >= ? AND (e.to_status IS NOT NULL OR e.action = 'corrected')
      ORDER BY e.at, e.id`,
  );
  const components = db.prepare<[number], Omit<ReviewedComponentDbRow, 'required'> & { required: number }>(
    `SELECT position, name, originals, certified_copies AS certifiedCopies, photocopies, required, pages, verdict,
            verdict_reason AS verdictReason
       FROM dossier_components WHERE dossier_id = ? ORDER BY position`,
  );
  const events = db.prepare<[number], EventDbRow>(
    `SELECT e.id, e.at, e.action, e.officer_id AS officerId, o.full_name AS officerName, e.from_status AS fromStatus,
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


  return {
    /** Next daily sequence for an agency; call inside the intake transaction. */
    nextSequence: (agencyCode: string, day: string): number => bumpCounter.get(agencyCode, day)!.last,
    insert: (row: NewDossier & { code: string }, nameFolded: string): number => {
      const id = Number(insert.run(row).lastInsertRowid);
      insertFts.run(id, nameFolded);
      return id;
    },
    addComponent: (dossierId: number, c: ComponentDbRow): void =>
      void insertComponent.run(
        dossierId,
        c.position,
        c.name,
        c.originals,
        c.certifiedCopies,
        c.photocopies,
        c.required ? 1 : 0,
        c.pages,
      ),
    /** A correction's checklist: positions kept (with their review when the name is unchanged), extra ones removed. */
    replaceComponents: (dossierId: number, list: ComponentDbRow[]): void => {
      for (const c of list) upsertComponent.run({ dossierId, ...c, required: c.required ? 1 : 0 });
      deleteComponentsFrom.run(dossierId, list.length);
    },
    setVerdict: (
      dossierId: number,
      position: number,
      verdict: string | null,
      reason: string | null,
      at: number,
      officerId: number | null,
    ): boolean => setVerdict.run(verdict, reason, at, officerId, dossierId, position).changes === 1,
    setAssignee: (id: number, officerId: number | null): void => void setAssignee.run(officerId, id),
    /** Finishing, scored once (QĐ 766) for the on-time dashboard. */
    setFinished: (id: number, at: number, officerId: number | null, ontime: 'early' | 'on_time' | 'late' | null): void =>
      void setFinished.run(at, officerId, ontime, id),
    touch: (id: number, at: number): void => void touch.run(at, id),
    /** Writes corrected intake fields (and the name index); false when another counter changed the dossier first. */
    updateIntake: (id: number, expectedRevision: number, u: IntakeUpdate): boolean => {
      const ok = updateIntake.run({ ...u, id, expectedRevision }).changes === 1;
      if (ok) {
        deleteFts.run(id);
        insertFts.run(id, u.nameFolded);
      }
      return ok;
    },
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
    byPortalId: (portalId: string): { id: number; code: string } | undefined => byPortalId.get(portalId),
    addOnlineSubmission: (r: {
      portalDossierId: string;
      dossierId: number;
      submittedAt: number;
      packageName: string;
      packageSha256: string;
      manifestJson: string;
      importedAt: number;
      importedBy: number | null;
    }): void => void insertSubmission.run(r),
    changesSince: (since: number): ChangeDbRow[] => changesSince.all(since),
    components: (id: number): ReviewedComponentDbRow[] =>
      components.all(id).map((c) => ({ ...c, required: c.required === 1 })),
    events: (id: number): EventDbRow[] => events.all(id),
    /** Writes a transition's new state; false when another counter changed the dossier first. */
    saveLifecycle: (id: number, expectedRevision: number, next: LifecycleUpdate): boolean =>
      setLifecycle.run({ ...next, id, expectedRevision }).changes === 1,

  };
}

export type DossiersRepo = ReturnType<typeof dossiersRepo>;
