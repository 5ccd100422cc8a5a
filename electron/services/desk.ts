import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CHANNEL_NAMES,
  DeskError,
  registerQuery,
  PLACEHOLDER_AGENCY_CODE,
  type ChannelCode,
  type DeskImpl,
  type DossierAction,
  type FeeQuote,
  type FileMeta,
  type FormCode,
  type RegisterFormat,
  type RegisterQuery,
  type ImportReport,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../contract';
import { checkIdNumber, checkPhone, normalizePhone } from '../core/applicant';
import {
  dueDate,
  forwardingDeadline,
  interLevelForwardingDeadline,
  onlineAcceptanceDeadline,
  restartAfterSupplement,
  workingMinutesBetween,
} from '../core/calendar';
import { compareCatalogueVersions } from '../core/catalogue';
import { dayKey, formatDossierCode } from '../core/dossier-code';
import { foldVietnamese, normalizeText } from '../core/fold';
import { formatVnd } from '../core/money-words';
import {
  DECIDED_STATUSES,
  availableActions,
  transition,
  type DossierLifecycleState,
  type LifecycleAction,
  type Role,
} from '../core/lifecycle';
import { classifyOnTime, deadlineState } from '../core/ontime';
import { openDatabase, type Db } from '../db/connection';
import { dossiersRepo, type ComponentDbRow, type DossierDbRow, type EventDbRow } from '../db/dossiers-repo';
import { filesRepo } from '../db/files-repo';
import { proceduresRepo } from '../db/procedures-repo';
import { awaitsHandOver, queueRepo } from '../db/queue-repo';
import { settingsRepo } from '../db/settings-repo';
import { officersRepo, type OfficerRow } from '../db/officers-repo';
import { passwordProblem, hashPassword } from '../core/password';
import { currentActor } from './actor';
import { authService, type AuthService } from './auth';
import { documentsRepo } from '../db/documents-repo';
import { serverSecretStore } from '../mail/secrets';
import { systemPrintBackend } from '../printing';
import { createDocumentRenderer } from '../documents/slip';
import { createFileStore, warmUpInspector } from '../files';
import { counterSettingsStore } from './counter-settings';
import { mailService } from './mail';
import { mailFollowUps, paperMethods } from './paper-methods';
import { postalMethods } from './postal-methods';
import { statsMethods } from './stats-methods';
import { printingService } from './printing';
import { registerFileName, registerService } from './register';
import { documentsService, NumberTaken, vnYear, type Rendered } from './documents';
import { attachmentsOf, blobHolds, filesService, ownWarningsJson } from './files';
import { onlineImporter, type NewDossierRecord } from './online-import';
import { radarService } from './radar';
import { changesExporter } from './online-export';
import type { DeskConfig } from './config';
import { calendarService } from './calendar';
import { dumpLifecycle, eventDetails, loadLifecycle, toLifecycleAction, waitingIntervals } from './lifecycle-store';
import { loadProvinces, loadShippedCatalogue } from './resources';
import { findProcedure, quoteFee, rulesMethods } from './rules';
import { toAgency, toDocumentMeta, toDossier, slipDataFor } from './mappers';

export type { DeskConfig } from './config';

/** What the doors need for bytes, which cross outside the JSON contract. */
export interface DeskBytes {
  /** The largest upload accepted now (the counter setting), bytes. */
  uploadLimitBytes(): number;
  /** The largest online package accepted, bytes. */
  packageLimitBytes(): number;
  /** Stores an uploaded file in the inbox. */
  ingestFile(name: string, source: NodeJS.ReadableStream | Buffer): Promise<Result<FileMeta>>;
  /** A stored file's path, after re-checking its hash. */
  openFile(id: number): Promise<Result<{ meta: FileMeta; path: string }>>;
  /** Spools an uploaded package to disk (size-limited) and imports it. */
  importPackageFrom(source: NodeJS.ReadableStream | Buffer, fileName: string): Promise<Result<ImportReport>>;
  /** Writes the tracking register (Mẫu 07) of a period to `out`, streamed; the query is checked by the contract. */
  exportRegister(
    query: unknown,
    format: RegisterFormat,
    out: NodeJS.WritableStream,
  ): Promise<Result<{ rows: number; pages: number | null; fileName: string }>>;
  /** One pass of the e-mail outbox (the doors call it on a timer). */
  processOutbox(): Promise<{ sent: number; failed: number }>;
}

/** The desk: exactly the contract's methods, plus bytes and lifecycle for the doors. */
export type Desk = DeskImpl &
  DeskBytes & {
  close(): void;
  /** Pays the first-use costs (FTS pages, fonts, pdfkit) at start-up instead of on the officer's first click. */
  warmUp(): Promise<void>;
  /** Stores an uploaded file in the inbox (bytes cross the doors outside the JSON contract). */
  ingestFile(name: string, source: NodeJS.ReadableStream | Buffer): Promise<Result<FileMeta>>;
  /** A stored file's path, after re-checking its hash. */
  openFile(id: number): Promise<Result<{ meta: FileMeta; path: string }>>;
  /** Imports one online package (a ZIP on disk): imported, duplicate or invalid, never half. */
  importPackage(zipPath: string, fileName: string): Promise<ImportReport>;
  /** Writes the status changes since an instant to a ZIP (changes.json + documents) for the provincial system. */
  exportChanges(since: Date, outPath: string): Promise<{ changes: number; documents: number; path: string }>;
  /** One pass over the watched scan folder (the doors call it on a timer). */
  scanFolderPass(): Promise<void>;
  /** Officers' sessions: the doors' gate (services/gate) serves sign-in, lock and access through it. */
  auth: AuthService;
};

/** First-run defaults: Trung tâm Phục vụ hành chính công phường Tĩnh Gia, tỉnh Thanh Hóa (GSO code 16561). */
export const AGENCY_DEFAULTS = {
  agencyCode: PLACEHOLDER_AGENCY_CODE,
  agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia',
  parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
  placeName: 'Tĩnh Gia',
  provinceName: 'Thanh Hóa',
  adminUnitCode: '16561',
  address: 'Phường Tĩnh Gia, tỉnh Thanh Hóa',
  phone: '',
  email: '',
};

const CURRENT_OFFICER = 'current_officer_id';

export function createDesk(config: DeskConfig): Desk {
  const clock = config.clock ?? (() => new Date());
  const version = config.version ?? '0.0.0';
  const db: Db = openDatabase(config.dataDir, { now: clock() });
  const settings = settingsRepo(db);
  const procedures = proceduresRepo(db);
  const dossiers = dossiersRepo(db);
  const provinces = loadProvinces(config.resourcesDir);
  const provinceCodes = new Set(provinces.keys());
  const renderer = createDocumentRenderer({ fontsDir: path.join(config.resourcesDir, 'fonts') });
  const calendar = calendarService(db, settings);
  const counter = counterSettingsStore(settings);
  const queue = queueRepo(db);
  const fileRows = filesRepo(db);
  const store = createFileStore(path.join(config.dataDir, 'files'));
  const documentRows = documentsRepo(db);
  const officers = officersRepo(db);
  const auth = authService({ db, officers, clock, lockMinutes: () => counter.get().lockMinutes });

  // The shipped catalogue goes in force on first start and whenever the software ships a newer one; a catalogue an
  // administrator imported stays in force until then. Earlier versions are kept for the dossiers received under them.
  const shipped = loadShippedCatalogue(config.resourcesDir);
  const inForce = procedures.currentVersion();
  if (inForce === null || compareCatalogueVersions(shipped.version, inForce) > 0) {
    procedures.importCatalogue(shipped, null, clock().getTime());
  }

  const fieldError = (path: string, message: string) =>
    new DeskError('VALIDATION', message, [{ path, message }]);
  const requireAgency = () => {
    const agency = settings.currentAgency();
    if (!agency) throw new DeskError('NOT_CONFIGURED', 'Chưa thiết lập đơn vị. Hãy hoàn tất bước thiết lập lần đầu.');
    return agency;
  };
  /** The administrator created at first run: who in-process callers (CLI, timers, tests) act as. */
  const localAdmin = (): OfficerRow | null => {
    const id = Number(settings.getState(CURRENT_OFFICER));
    return Number.isInteger(id) ? (officers.byId(id) ?? null) : null;
  };
  /** The officer a call runs as: the door's signed-in officer (set by the gate), else the local administrator. */
  const currentOfficer = (): OfficerRow | null => {
    const actor = currentActor();
    return actor ? (officers.byId(actor.officerId) ?? null) : localAdmin();
  };
  const officerView = (o: OfficerRow) => ({ id: o.id, fullName: o.fullName, title: o.title, role: o.role, unit: o.unit, fields: o.fields });
  const setupState = () => {
    const agency = settings.currentAgency();
    const admin = localAdmin();
    const configured = agency !== undefined && admin !== null;
    return {
      configured,
      version,
      agency: agency ? toAgency(agency) : null,
      officer: admin ? officerView(admin) : null,
      needsAccount: configured && !officers.hasAccounts(),
      defaults: AGENCY_DEFAULTS,
    };
  };
  /** A new password's hash, or the field error the form shows. */
  const hashChecked = async (password: string, username: string, path: string) => {
    const problem = passwordProblem(password, username);
    if (problem) throw fieldError(path, problem);
    return hashPassword(password);
  };
  const holds = blobHolds();
  const files = filesService({
    holds,
    db,
    files: fileRows,
    dossiers,
    store,
    settings: counter,
    clock,
    officerId: () => currentOfficer()?.id ?? null,
  });
  // Blobs a crash left without a row (an upload or import cut short) go before anything is served.
  const presence = registerPresence(config.dataDir);
  const swept = files.sweep(presence.othersAlive);
  if (swept.blobsRemoved + swept.tmpRemoved > 0) {
    console.warn(`[desk] removed ${swept.blobsRemoved} orphan file(s) and ${swept.tmpRemoved} unfinished upload(s)`);
  }
  const radar = radarService({
    queue,
    procedures,
    calendar: () => calendar.calendar(),
    clock,
    staleDays: () => counter.get().staleDays,
  });

  const requireDossier = (id: number) => {
    const row = dossiers.byId(id);
    if (!row) throw new DeskError('NOT_FOUND', `Không tìm thấy hồ sơ số ${id}`);
    return row;
  };
  const officerRole = (): Role => (currentOfficer()?.role as Role | undefined) ?? 'reception';
  /** The rules a dossier was received under (seeded rows without a version use the procedure in force). */
  const procedureOf = (row: { procedureVersionId: number | null; procedureId: string }) =>
    row.procedureVersionId !== null ? procedures.version(row.procedureVersionId) : findProcedure(procedures, row.procedureId);
  const REFUSALS = { FORBIDDEN_ROLE: 'FORBIDDEN', INVALID_STATE: 'INVALID_STATE', MISSING: 'VALIDATION', LIMIT_REACHED: 'LIMIT_REACHED' } as const;

  /**
   * Runs one lifecycle transition: the rule decides, the due date follows the clock (restart after an appraisal
   * supplement), and the new state, its projection and the event are written in one transaction, guarded by the
   * revision read (another counter's change in between makes this one fail rather than overwrite it).
   */
  const applyTransition = (
    row: NonNullable<ReturnType<typeof dossiers.byId>>,
    action: LifecycleAction,
    at: Date,
    extra?: (next: DossierLifecycleState) => void,
    /** What the desk adds: details (a hand-over's recipient and step deadline), a note's ending, warnings (also told in the note). */
    more?: { details?: Record<string, unknown>; note?: string; warnings?: string[] },
  ) => {
    const state = loadLifecycle(row);
    const result = transition(state, action, { role: officerRole(), at });
    if (!result.ok) throw new DeskError(REFUSALS[result.code], result.message, { refusal: result.code });
    if (more?.details) result.event.details = { ...result.event.details, ...more.details };
    if (more?.note) result.event.note += more.note;
    if (more?.warnings?.length) {
      result.event.warnings = [...result.event.warnings, ...more.warnings];
      result.event.note += ` (lưu ý: ${more.warnings.join('; ')})`;
    }
    const next = result.state;
    if (result.event.clock === 'restart') next.dueAt = restartAfterSupplement(calendar.calendar(), at, procedureOf(row).timeLimit);
    const officer = currentOfficer();
    db.transaction(() => {
      const saved = dossiers.saveLifecycle(row.id, row.revision, {
        status: next.status,
        holder: next.holder,
        supplementRequests: next.supplementRequests,
        extensions: next.extensions,
        dueAt: next.dueAt?.getTime() ?? null,
        acceptedAt: action.type === 'accept' ? at.getTime() : null,
        lifecycleJson: dumpLifecycle(next),
        updatedAt: at.getTime(),
      });
      if (!saved) throw new DeskError('CONFLICT', 'Hồ sơ vừa được cập nhật ở quầy khác; hãy mở lại hồ sơ.');
      dossiers.addEvent(row.id, {
        at: at.getTime(),
        officerId: officer?.id ?? null,
        action: action.type === 'accept' ? 'accepted' : action.type,
        from: result.event.from,
        to: result.event.to,
        note: result.event.note,
        details: eventDetails(result.event),
      });
      if (action.type === 'finish') {
        // Scored once, now (QĐ 766: waiting for the citizen excluded): the on-time dashboard reads these columns.
        const cal = calendar.calendar();
        const verdict = next.dueAt
          ? classifyOnTime(
              { dueAt: next.dueAt, finishedAt: at, waiting: waitingIntervals(dossiers.events(row.id)), supplementRequests: next.supplementRequests },
              (a, b) => workingMinutesBetween(cal, a, b),
            ).verdict
          : null;
        dossiers.setFinished(row.id, at.getTime(), officer?.id ?? null, verdict);
      }
      extra?.(next);
    }).immediate();
    return next;
  };

  /**
   * NĐ 118: the competent body asks for a supplement within 3 working days of receiving the dossier. Later is still
   * recorded (the citizen must be told), with a warning in the history.
   */
  const lateAppraisalSupplement = (lastForward: EventDbRow | undefined, action: DossierAction, at: Date): string[] => {
    if (action.type !== 'requestSupplement' || action.stage !== 'appraisal') return [];
    if (!lastForward) return [];
    const cal = calendar.calendar();
    const days = workingMinutesBetween(cal, new Date(lastForward.at), at) / (cal.dayMs / 60_000);
    return days > 3 ? ['yêu cầu bổ sung quá 03 ngày làm việc kể từ khi cơ quan giải quyết nhận hồ sơ'] : [];
  };

  /** The active specialist (else leader) whose fields include the procedure's: the default recipient of a forward. */
  const specialistFor = (field: string): OfficerRow | null => {
    const folded = foldVietnamese(field);
    const handles = (o: OfficerRow) => o.fields.some((f) => foldVietnamese(f) === folded);
    const candidates = officers.active().filter(handles);
    return candidates.find((o) => o.role === 'specialist') ?? candidates.find((o) => o.role === 'leader') ?? null;
  };

  /**
   * Who a forward goes to and the hand-over's deadline (NĐ 118 Đ18.2: the same working day, or the close of the next
   * working day's first session when accepted at or after 15:00; Đ20: within one working day to a body at another
   * level). Only the first hand-over from the desk has that deadline.
   */
  const handOver = (row: DossierDbRow, action: Extract<DossierAction, { type: 'forward' }>, at: Date, first: boolean) => {
    const cal = calendar.calendar();
    const acceptedAt = new Date(row.acceptedAt ?? row.receivedAt);
    const stepDueAt = first ? (action.to === 'external' ? interLevelForwardingDeadline(cal, acceptedAt) : forwardingDeadline(cal, acceptedAt)) : null;
    const details: Record<string, unknown> = stepDueAt ? { stepDueAt: stepDueAt.toISOString(), forwardLate: at > stepDueAt } : {};
    if (action.to === 'external') return { recipient: action.recipient, assigneeId: null, details };
    const chosen = action.recipientId !== undefined ? officers.byId(action.recipientId) : specialistFor(procedureOf(row).field);
    if (action.recipientId !== undefined && (!chosen || !chosen.active || (chosen.role !== 'specialist' && chosen.role !== 'leader'))) {
      throw fieldError('action.recipientId', 'Người nhận phải là công chức chuyên môn hoặc lãnh đạo đang hoạt động');
    }
    if (!chosen) return { recipient: action.recipient, assigneeId: null, details };
    const recipient = chosen.title ? `${chosen.fullName} – ${chosen.title}` : chosen.fullName;
    return { recipient, assigneeId: chosen.id, details: { ...details, recipientId: chosen.id } };
  };

  /** A dossier with its components, history, documents, files, fee, lifecycle summary and the actions open to the officer. */
  const detail = (id: number) => {
    const row = requireDossier(id);
    const events = dossiers.events(id);
    const state = loadLifecycle(row);
    const now = clock();
    const cal = calendar.calendar();
    const wm = (a: Date, b: Date) => workingMinutesBetween(cal, a, b);
    const waiting = waitingIntervals(events);
    const deadline = state.dueAt && !state.decided ? deadlineState({ dueAt: state.dueAt, now, waiting }, wm) : null;
    const finished = events.find((e) => e.action === 'finish');
    const verdict =
      state.dueAt && finished
        ? classifyOnTime(
            { dueAt: state.dueAt, finishedAt: new Date(finished.at), waiting, supplementRequests: state.supplementRequests },
            wm,
          ).verdict
        : null;
    const portalDeadline = row.portalDossierId ? onlineAcceptanceDeadline(cal, new Date(row.receivedAt)) : null;
    const forwardDue = row.acceptedAt !== null && awaitsHandOver(row, events) ? forwardingDeadline(cal, new Date(row.acceptedAt)) : null;
    const components = dossiers.components(id);
    return {
      dossier: toDossier(row),
      components,
      events: events.map(({ detailsJson: _d, ...e }) => ({ ...e, at: new Date(e.at).toISOString() })),
      documents: documentRows.ofDossier(id).map(toDocumentMeta),
      attachments: attachmentsOf(fileRows.ofDossier(id), components),
      portal:
        row.portalDossierId && portalDeadline
          ? {
              dossierId: row.portalDossierId,
              submittedAt: new Date(row.receivedAt).toISOString(),
              acceptanceDeadline: portalDeadline.toISOString(),
              late: row.status === 1 && portalDeadline.getTime() < now.getTime(),
            }
          : null,
      fee: row.feeJson ? (JSON.parse(row.feeJson) as MethodOutput<'getDossier'>['fee']) : null,
      lifecycle: {
        holder: state.holder,
        supplementRequests: state.supplementRequests,
        extensions: state.extensions,
        decided: state.decided,
        overdue: deadline?.overdue ?? false,
        remainingWorkingMinutes: deadline ? (deadline.overdue ? -1 : Math.round(deadline.remainingMinutes)) : null,
        verdict,
        forwardBy: forwardDue ? { dueAt: forwardDue.toISOString(), late: now > forwardDue } : null,
      },
      actions: availableActions(state, officerRole()).map(({ type, label, requiresOverride, stages }) =>
        stages ? { type, label, requiresOverride, stages } : { type, label, requiresOverride },
      ),
    };
  };

  /** Scans are added or removed only while the dossier is being received or handled (not once decided or closed). */
  const requireOpenForFiles = (row: DossierDbRow) => {
    if ((DECIDED_STATUSES as readonly number[]).includes(row.status) || row.status === 3 || row.status === 8) {
      throw new DeskError('INVALID_STATE', 'Hồ sơ đã có kết quả hoặc đã kết thúc: không thêm hay gỡ tệp đính kèm.');
    }
  };

  /** The applicant's identity and phone as the rules check them (both doors: counter intake and online import). */
  const applicantProblem = (
    a: { idKind: 'cccd' | 'cmnd' | 'passport'; idNumber: string; phone: string },
    declared: { birthYear?: number; gender?: 'male' | 'female' },
  ): { path: string; message: string } | null => {
    const idProblem = checkIdNumber(a.idKind, a.idNumber, provinceCodes, declared);
    if (idProblem) return { path: 'applicant.idNumber', message: idProblem };
    const phoneProblem = checkPhone(normalizePhone(a.phone));
    if (phoneProblem) return { path: 'applicant.phone', message: phoneProblem };
    return null;
  };

  /** The checklist as the catalogue states it, or as the officer adjusted it. */
  const checklistOf = (
    procedure: { components: Array<{ name: string; required: boolean; originals: number; certifiedCopies: number; photocopies: number }> },
    given: Array<{ name: string; originals: number; certifiedCopies: number; photocopies: number; required?: boolean; pages?: number }> | undefined,
  ): ComponentDbRow[] =>
    (given ?? procedure.components).map((c, i) => ({
      position: i + 1,
      name: normalizeText(c.name),
      originals: c.originals,
      certifiedCopies: c.certifiedCopies,
      photocopies: c.photocopies,
      required: c.required ?? true,
      pages: 'pages' in c && typeof c.pages === 'number' ? c.pages : null,
    }));

  /** Writes a new dossier (status 1) with its checklist and first event; call inside a transaction. */
  const insertDossier = (r: NewDossierRecord): number => {
    const agency = requireAgency();
    const fullName = normalizeText(r.applicant.fullName);
    const nameFolded = foldVietnamese(fullName);
    const day = dayKey(r.receivedAt);
    const code = formatDossierCode(agency.agencyCode, r.receivedAt, dossiers.nextSequence(agency.agencyCode, day));
    const id = dossiers.insert(
      {
        code,
        agencySettingsId: agency.id,
        agencyCode: agency.agencyCode,
        dayKey: day,
        procedureId: r.procedureId,
        channel: r.channel,
        status: 1,
        applicantName: fullName,
        nameFolded,
        idKind: r.applicant.idKind,
        idNumber: r.applicant.idNumber,
        phone: normalizePhone(r.applicant.phone),
        email: r.applicant.email,
        address: normalizeText(r.applicant.address),
        ownerName: r.ownerName ? normalizeText(r.ownerName) : null,
        sets: r.sets,
        note: r.note || null,
        receivedAt: r.receivedAt.getTime(),
        // Last movement: now (an online dossier's reception is the portal's submission, its movement the import).
        updatedAt: clock().getTime(),
        procedureVersionId: r.versionId,
        feeAmount: r.fee?.amount ?? null,
        feeJson: r.fee ? JSON.stringify(r.fee) : null,
        deliveryMethod: r.delivery?.method ?? 'counter',
        deliveryAddress: r.delivery?.method === 'post' ? normalizeText(r.delivery.address ?? '') || null : null,
        birthYear: r.birthYear ?? null,
        gender: r.gender ?? null,
        portalDossierId: r.portalDossierId ?? null,
      },
      nameFolded,
    );
    r.components.forEach((c) => dossiers.addComponent(id, c));
    dossiers.addEvent(id, {
      at: clock().getTime(),
      officerId: currentOfficer()?.id ?? null,
      action: r.event.action,
      from: null,
      to: 1,
      note: r.event.note,
      details: r.event.details ?? null,
    });
    return id;
  };

  const docs = documentsService({
    db,
    dossiers,
    documents: documentRows,
    settings,
    renderer,
    officer: () => currentOfficer(),
    procedureOf,
  });

  const mailer = mailService({
    db,
    settings,
    secrets: config.secrets ?? serverSecretStore(config.dataDir),
    clock,
    officerId: () => currentOfficer()?.id ?? null,
    dossierFor: (id) => {
      const r = dossiers.byId(id);
      if (!r) return null;
      const a = settings.agencyById(r.agencySettingsId)!;
      const due = r.dueAt === null ? null : new Date(r.dueAt);
      return { code: r.code, applicantName: r.applicantName, email: r.email, procedureName: r.procedureName, dueAt: due, agencyName: a.agencyName, agencyAddress: a.address, agencyPhone: a.phone };
    },
    documentFor: (id) => {
      const d = documentRows.byId(id);
      return d ? { fileName: d.fileName, content: d.content } : null;
    },
    latestDocument: (dossierId, form) => documentRows.latest(dossierId, form as FormCode) ?? null,
    lookupUrl: () => docs.getSettings().lookupUrl,
  });
  const mail = mailFollowUps(mailer);
  const printing = printingService({
    db,
    clock,
    counter: config.counter ?? (process.env.DESK_COUNTER?.trim() || os.hostname()),
    backend: config.printBackend ?? systemPrintBackend(),
    officerId: () => currentOfficer()?.id ?? null,
    tmpDir: path.join(config.dataDir, 'print'),
    documentFor: (id) => {
      const d = documentRows.byId(id);
      return d ? { id: d.id, dossierId: d.dossierId, fileName: d.fileName, content: d.content, form: d.form } : null;
    },
    defaults: () => docs.getSettings(),
  });
  const register = registerService({
    documents: documentRows,
    agency: requireAgency,
    fonts: () => renderer.fonts(),
    paper: () => docs.getSettings().registerPaper,
    clock,
  });

  /**
   * Tiếp nhận: 1 → 2, the due date from now, the next number of the tracking register, Mẫu 01 stored, the receiving
   * officer holds the dossier. The slip is rendered before the transaction (async) with the register number it will
   * take; should another counter take that number first, it is rendered again with the next one.
   */
  const accept = (id: number) =>
    docs.withFreshNumbers(async () => {
      const row = requireDossier(id);
      if (row.status !== 1) {
        throw new DeskError('INVALID_STATE', 'Chỉ tiếp nhận được hồ sơ ở trạng thái "Mới đăng ký".', { status: row.status });
      }
      const now = clock();
      // NĐ 118: the time limit runs from the moment the complete dossier is received and written on the slip.
      const due = dueDate(calendar.calendar(), now, procedureOf(row).timeLimit);
      const year = vnYear(now);
      const register = { year, no: documentRows.nextRegisterNo(year) };
      const slip = await docs.slip(row, now, due, register);
      let documentId = 0;
      applyTransition(row, { type: 'accept', dueAt: due }, now, () => {
        if (!documentRows.takeRegisterNo(id, register.year, register.no)) throw new NumberTaken();
        documentId = docs.store(row, slip, now);
        dossiers.setAssignee(id, currentOfficer()?.id ?? null);
        mail.afterIssue(row, slip.form, documentId);
      });
      return { dossier: toDossier(requireDossier(id)), document: toDocumentMeta(documentRows.byId(documentId)!) };
    });

  /**
   * The form an action issues (Mẫu 02, 03, 04, 05; Mẫu 03 after appraisal for a finish with a refusal; the receipt
   * BN for a result returned at the counter), rendered before the transition that records it.
   */
  const formFor = async (row: DossierDbRow, action: DossierAction, at: Date): Promise<Rendered | null> => {
    // The rule settles what the paper says (trimmed, NFC; the proposal's date for an extension); an action it
    // refuses renders nothing here and is refused by the transition itself.
    const preview = () => {
      const r = transition(loadLifecycle(row), toLifecycleAction(action), { role: officerRole(), at });
      return r.ok ? r.event.details : null;
    };
    switch (action.type) {
      case 'requestSupplement':
        return docs.supplement(row, at, { stage: action.stage, items: action.items, note: action.reason }, foldVietnamese);
      case 'refuse':
        return docs.refusal(row, at, action.reason);
      case 'stop':
        return docs.stopNotice(row, at, action.reason);
      case 'extend': {
        const { newDueAt, reason } = (preview() ?? {}) as { newDueAt?: Date; reason?: string };
        if (!newDueAt) return null;
        return docs.apology(row, at, { newDueAt: new Date(newDueAt), reason: reason ?? '' });
      }
      case 'finish': {
        // NĐ 118: a dossier found not to qualify goes back to the citizen with Mẫu 03 and the reason.
        if (action.result.kind !== 'rejected') return null;
        const result = preview() as NonNullable<Parameters<typeof docs.refusal>[3]>['result'] | null;
        if (!result?.reason) return null;
        return docs.refusal(row, at, result.reason, { result });
      }
      case 'returnResult': {
        if (action.method !== 'counter') return null;
        const details = preview();
        return details ? docs.returnReceipt(row, at, details as Parameters<typeof docs.returnReceipt>[2]) : null;
      }
      default:
        return null;
    }
  };

  // Outputs are checked against the contract's types here; the contract suite checks them against the schemas.
  const impl: { [M in keyof DeskImpl]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> } = {
    ...paperMethods({ docs, documents: documentRows, register, printing, mail: mailer, requireDossier, clock, tmpDir: path.join(config.dataDir, 'print') }),
    ...postalMethods({
      db,
      clock,
      officerId: () => currentOfficer()?.id ?? null,
      requireAgency,
      requireDossier,
      resourcesDir: config.resourcesDir,
      fontsDir: path.join(config.resourcesDir, 'fonts'),
    }),
    ...statsMethods({ db, clock }),
    ...rulesMethods({
      procedures,
      calendar,
      provinces,
      clock,
      officer: () => currentOfficer(),
    }),

    getSetup: () => setupState(),

    setupDesk: async ({ agency, officer }) => {
      const already = () => new DeskError('ALREADY_CONFIGURED', 'Đơn vị đã được thiết lập; hãy sửa trong Cài đặt.');
      if (setupState().configured) throw already();
      const hash = await hashChecked(officer.password, officer.username, 'officer.password');
      const now = clock().getTime();
      db.transaction(() => {
        if (setupState().configured) throw already(); // another window finished setup while this one hashed
        settings.addAgency({ ...agency, validFrom: now });
        const account = { username: officer.username, fullName: officer.fullName, title: officer.title, unit: '', fields: [], role: 'admin' as const, active: true };
        settings.setState(CURRENT_OFFICER, String(officers.add(account, hash, false, now)));
      }).immediate();
      return setupState();
    },

    // A desk set up before accounts existed: its administrator gets a username and password before anyone signs in.
    createAdminAccount: async ({ username, password }) => {
      const state = setupState();
      const admin = localAdmin();
      if (!state.needsAccount || !admin) throw new DeskError('ALREADY_CONFIGURED', 'Tài khoản quản trị đã có; hãy đăng nhập.');
      const hash = await hashChecked(password, username, 'password');
      const now = clock().getTime();
      db.transaction(() => {
        if (officers.hasAccounts()) throw new DeskError('ALREADY_CONFIGURED', 'Tài khoản quản trị đã có; hãy đăng nhập.');
        officers.update(admin.id, { ...admin, username, role: 'admin', active: true }, now);
        officers.setPassword(admin.id, hash, false, now);
      }).immediate();
      return setupState();
    },

    listAccounts: () => ({ accounts: auth.accounts() }),
    saveAccount: (input) => auth.saveAccount(input),
    listSignInLog: () => ({ entries: auth.signInLog(500) }),

    updateAgency: (agency) => {
      requireAgency();
      const id = settings.addAgency({ ...agency, validFrom: clock().getTime() });
      return toAgency(settings.agencyById(id)!);
    },

    listProcedures: () => procedures.list(),

    listOfficers: () => officers.active().map(officerView),

    createDossier: async (input) => {
      requireAgency();
      const found = procedures.find(input.procedureId);
      if (!found) throw fieldError('procedureId', 'Thủ tục không có trong danh mục');
      const { procedure, versionId } = found;
      const problem = applicantProblem(input.applicant, { birthYear: input.birthYear, gender: input.gender });
      if (problem) throw fieldError(problem.path, problem.message);
      const { fee } = quoteFee(procedure, input.fee);
      // The inputs are kept with the fee: a correction shows them and computes the fee again from them.
      const recorded = fee && input.fee ? { ...fee, inputs: input.fee } : fee;
      const now = clock();
      const id = db.transaction(() => {
        const newId = insertDossier({
          ...input,
          procedureId: procedure.id,
          versionId,
          channel: input.channel as ChannelCode,
          components: checklistOf(procedure, input.components),
          fee: recorded,
          receivedAt: now,
          event: { action: 'created', note: `Kênh: ${CHANNEL_NAMES[input.channel as ChannelCode]}` },
        });
        if (input.attachments?.length) files.attachInTransaction(newId, input.attachments);
        return newId;
      }).immediate();
      // One step at the counter: the code, the due date and Mẫu 01. Should the slip fail, the dossier stays
      // received as "Mới đăng ký" with everything attached: the answer says so (saved, not accepted, why), so the
      // screen opens that dossier to press "Tiếp nhận" again instead of sending the same papers a second time.
      let notAccepted: { code: string; message: string } | null = null;
      if (input.accept) {
        try {
          await accept(id);
        } catch (err) {
          if (!(err instanceof DeskError)) console.error(`[desk] createDossier: accepting dossier ${id} failed:`, err);
          notAccepted =
            err instanceof DeskError
              ? { code: err.code, message: err.message }
              : { code: 'INTERNAL', message: 'Không lập được Giấy tiếp nhận và hẹn trả kết quả (Mẫu 01): lỗi nội bộ của phần mềm.' };
        }
      }
      return { ...toDossier(requireDossier(id)), notAccepted };
    },

    getDossier: ({ id }) => detail(id),

    applyDossierAction: async ({ id, action }) => {
      await docs.withFreshNumbers(async () => {
        const row = requireDossier(id);
        const me = currentOfficer();
        // A specialist works on what was handed to them; the desk, leaders and administrators on any dossier.
        if (me?.role === 'specialist' && row.assigneeId !== me.id) {
          throw new DeskError('FORBIDDEN', `Hồ sơ ${row.code} không được giao cho bạn; chỉ người được giao mới xử lý được.`);
        }
        const at = clock();
        const lastForward = dossiers.events(id).filter((e) => e.action === 'forward').at(-1);
        const forward = action.type === 'forward' ? handOver(row, action, at, lastForward === undefined) : null;
        const resultFiles = action.type === 'finish' ? files.resultFilesOf(action.result.files ?? []) : [];
        const issued = await formFor(row, action, at);
        const lifecycleAction = toLifecycleAction(action);
        if (forward && lifecycleAction.type === 'forward') lifecycleAction.recipient = forward.recipient;
        applyTransition(
          row,
          lifecycleAction,
          at,
          () => {
            const documentId = issued ? docs.store(row, issued, at) : null;
            // A refusal at appraisal (Mẫu 03 with a rejected finish) tells its reason like a refusal at reception.
            const reason = action.type === 'finish' ? action.result.reason : 'reason' in action && typeof action.reason === 'string' ? action.reason : undefined;
            if (issued && documentId !== null) mail.afterIssue(row, issued.form, documentId, { reason });
            if (action.type === 'finish') mail.afterResult(row);
            if (forward) dossiers.setAssignee(id, forward.assigneeId);
            // Back to the desk officer who handed it over.
            if (action.type === 'returnToDesk') dossiers.setAssignee(id, lastForward?.officerId ?? null);
            if (resultFiles.length) files.attachResultInTransaction(id, resultFiles.map((f) => f.id));
          },
          {
            details: resultFiles.length ? { resultFiles: resultFiles.map((f) => ({ id: f.id, name: f.name })) } : forward?.details,
            note: resultFiles.length ? ` (kèm ${resultFiles.length} tệp kết quả: ${resultFiles.map((f) => f.name).join(', ')})` : undefined,
            warnings: lateAppraisalSupplement(lastForward, action, at),
          },
        );
      });
      return detail(id);
    },

    acceptDossier: ({ id }) => accept(id),

    listQueue: (input) => radar.listQueue(input),

    queueCounts: () => radar.queueCounts(),

    getDocument: ({ id }) => {
      const doc = documentRows.byId(id);
      if (!doc) throw new DeskError('NOT_FOUND', `Không tìm thấy văn bản số ${id}`);
      return { ...toDocumentMeta(doc), contentBase64: doc.content.toString('base64') };
    },

    listInbox: () => files.listInbox(),
    discardInboxFile: ({ id }) => files.discard(id),
    getFile: ({ id }) => files.meta(id),

    attachFiles: ({ id, attachments }) => {
      requireOpenForFiles(requireDossier(id));
      files.attach(id, attachments, clock().getTime());
      return detail(id);
    },

    detachFile: ({ id, fileId }) => {
      requireOpenForFiles(requireDossier(id));
      files.detach(id, fileId, clock().getTime());
      return detail(id);
    },

    reviewComponents: ({ id, verdicts }) => {
      requireDossier(id);
      const at = clock().getTime();
      const officerId = currentOfficer()?.id ?? null;
      const names = new Map(dossiers.components(id).map((c) => [c.position, c.name]));
      for (const v of verdicts) {
        if (!names.has(v.position)) throw fieldError('verdicts', `Hồ sơ không có thành phần số ${v.position}`);
      }
      const LABEL = { ok: 'đạt', missing: 'thiếu', invalid: 'không hợp lệ' } as const;
      db.transaction(() => {
        for (const v of verdicts) {
          const reason = v.verdict === 'missing' && !v.reason ? 'Chưa nộp thành phần này' : (v.reason ?? null);
          dossiers.setVerdict(id, v.position, v.verdict, v.verdict ? reason : null, at, officerId);
        }
        dossiers.touch(id, at);
        dossiers.addEvent(id, {
          at,
          officerId,
          action: 'reviewed',
          from: null,
          to: null,
          note: verdicts
            .map((v) => `${names.get(v.position)}: ${v.verdict ? LABEL[v.verdict] : 'chưa kiểm tra'}${v.reason ? ` (${v.reason})` : ''}`)
            .join('; '),
          details: JSON.stringify({ verdicts }),
        });
      }).immediate();
      return detail(id);
    },

    correctDossier: async ({ id, reason, intake }) => correct(id, reason, intake),

    getCounterSettings: () => counter.get(),
    saveCounterSettings: (value) => {
      if (value.scanFolder && !path.isAbsolute(value.scanFolder)) {
        throw fieldError('scanFolder', 'Thư mục máy quét phải là đường dẫn đầy đủ (ví dụ D:\\\\Scan hoặc /home/motcua/scan)');
      }
      return counter.save(value);
    },
  };

  /**
   * Correct-and-reissue: after acceptance any intake field can be fixed. The code, the reception time and the
   * history stay; the change (field by field, the fee old → new) and its reason are an event; an accepted dossier
   * gets Mẫu 01 again as a new version, due date recomputed from the original reception when the procedure changed.
   * The channel goes between counter and post only (an online dossier's channel is the portal's record). Scans follow
   * their component (`fromPosition`, else the same name); those of a component no longer listed go back to the inbox,
   * named in the history, as the intake screen does when the procedure changes: nothing is lost, nothing blocks.
   */
  const correct = async (id: number, reason: string, intake: ParsedInput<'correctDossier'>['intake']) => {
    const row = requireDossier(id);
    if ((DECIDED_STATUSES as readonly number[]).includes(row.status) || [3, 8].includes(row.status)) {
      throw new DeskError('INVALID_STATE', 'Hồ sơ đã có kết quả hoặc đã kết thúc: không điều chỉnh thông tin tiếp nhận.');
    }
    const found = procedures.find(intake.procedureId);
    const procedure = found?.procedure ?? (intake.procedureId === row.procedureId ? procedureOf(row) : undefined);
    if (!procedure) throw fieldError('intake.procedureId', 'Thủ tục không có trong danh mục');
    const versionId = found?.versionId ?? row.procedureVersionId!;
    const problem = applicantProblem(intake.applicant, { birthYear: intake.birthYear, gender: intake.gender });
    if (problem) throw fieldError(`intake.${problem.path}`, problem.message);
    const channel = (intake.channel ?? row.channel) as ChannelCode;
    if (channel !== row.channel && row.channel === 2) {
      throw fieldError('intake.channel', 'Hồ sơ nộp trực tuyến: kênh nộp do Cổng Dịch vụ công ghi nhận, không điều chỉnh được.');
    }
    if (channel !== row.channel && channel === 2) {
      throw fieldError('intake.channel', 'Không chuyển hồ sơ sang kênh trực tuyến được: hồ sơ trực tuyến chỉ đến từ Cổng Dịch vụ công.');
    }
    const procedureChanged = procedure.id !== row.procedureId;
    const oldFee = row.feeJson ? (JSON.parse(row.feeJson) as FeeQuote) : null;
    // The fee as recorded stays unless the correction gives its inputs again or changes the procedure (then the
    // recorded inputs, pages, copies and exemptions, carry over to the new procedure's rule).
    const keepFee = intake.fee === undefined && !procedureChanged;
    let fee: FeeQuote | null = oldFee;
    if (!keepFee) {
      const inputs = intake.fee ?? oldFee?.inputs ?? {};
      const quoted = quoteFee(procedure, inputs);
      if (quoted.problem && !(oldFee === null && !procedureChanged)) throw fieldError(`intake.${quoted.problem.field}`, quoted.problem.message);
      fee = quoted.fee ? { ...quoted.fee, inputs } : null;
    }
    const components = checklistOf(procedure, intake.components);
    const componentsBefore = dossiers.components(id);
    // Where each scan goes: the component it was on, by its former position (or by name), else back to the inbox.
    const byFrom = intake.components?.some((c) => c.fromPosition !== undefined);
    const newPosition = (old: number): number | null => {
      if (byFrom) {
        const i = intake.components!.findIndex((c) => c.fromPosition === old);
        return i < 0 ? null : i + 1;
      }
      const name = componentsBefore.find((c) => c.position === old)?.name;
      const match = name === undefined ? undefined : components.find((c) => foldVietnamese(c.name) === foldVietnamese(name));
      return match?.position ?? null;
    };
    const scans = fileRows.ofDossier(id).filter((f) => (f.componentPosition ?? 0) > 0);
    const moves = scans.map((f) => ({ file: f, to: newPosition(f.componentPosition!) }));
    const fullName = normalizeText(intake.applicant.fullName);
    const next = {
      procedureId: procedure.id,
      applicantName: fullName,
      nameFolded: foldVietnamese(fullName),
      idKind: intake.applicant.idKind,
      idNumber: intake.applicant.idNumber,
      phone: normalizePhone(intake.applicant.phone),
      email: intake.applicant.email,
      address: normalizeText(intake.applicant.address),
      ownerName: intake.ownerName ? normalizeText(intake.ownerName) : null,
      sets: intake.sets,
      note: intake.note || null,
      procedureVersionId: versionId,
      feeAmount: fee?.amount ?? null,
      feeJson: fee ? JSON.stringify(fee) : null,
      deliveryMethod: intake.delivery?.method ?? 'counter',
      deliveryAddress: intake.delivery?.method === 'post' ? normalizeText(intake.delivery.address ?? '') || null : null,
      birthYear: intake.birthYear ?? null,
      gender: intake.gender ?? null,
    } as const;
    // The procedure by its name in the history (compared by id: a renamed catalogue entry is no correction).
    const changed = describeChanges(row, procedureChanged ? { ...next, procedureName: procedure.name } : next, componentsBefore, components);
    if (channel !== row.channel) changed.push(`kênh nộp: "${CHANNEL_NAMES[row.channel as ChannelCode]}" → "${CHANNEL_NAMES[channel]}"`);
    if (!sameFee(oldFee, fee)) changed.push(`lệ phí: "${feeText(oldFee)}" → "${feeText(fee)}"`);
    const returned = moves.filter((m) => m.to === null).map((m) => m.file);
    if (returned.length > 0) {
      const names = returned.map((f) => `"${f.name}"`).join(', ');
      changed.push(`trả về hộp tệp chờ ${returned.length} tệp của thành phần không còn trong danh sách: ${names}`);
    }
    if (changed.length === 0) throw new DeskError('VALIDATION', 'Không có thông tin nào thay đổi.');
    const now = clock();
    const accepted = row.acceptedAt !== null;
    let dueAt = row.dueAt;
    let lifecycleJson: string | null = null;
    if (accepted && procedureChanged && row.acceptedAt !== null) {
      const due = dueDate(calendar.calendar(), new Date(row.acceptedAt), procedure.timeLimit);
      dueAt = due.getTime();
      const state = loadLifecycle(row);
      lifecycleJson = dumpLifecycle({ ...state, dueAt: due });
    }
    const corrected: DossierDbRow = { ...row, ...next, channel, dueAt };
    db.transaction(() => {
      if (!dossiers.updateIntake(id, row.revision, { ...next, channel, dueAt, lifecycleJson, updatedAt: now.getTime() })) {
        throw new DeskError('CONFLICT', 'Hồ sơ vừa được cập nhật ở quầy khác; hãy mở lại hồ sơ.');
      }
      dossiers.replaceComponents(id, components);
      // Off first, then on again at the new place (the files table ties a file to one dossier and position).
      const moving = moves.filter((m) => m.to !== m.file.componentPosition).map((m) => ({ ...m, own: ownWarningsJson(m.file.warningsJson) }));
      for (const m of moving) fileRows.detach(m.file.id, id, m.own);
      for (const m of moving) if (m.to !== null) fileRows.attach(m.file.id, id, m.to, m.own);
      dossiers.addEvent(id, {
        at: now.getTime(),
        officerId: currentOfficer()?.id ?? null,
        action: 'corrected',
        from: null,
        to: null,
        note: `${reason} — Đã sửa: ${changed.join('; ')}`,
        details: JSON.stringify({ reason, changed, returnedFiles: returned.map((f) => ({ id: f.id, name: f.name, componentPosition: f.componentPosition })) }),
      });
    }).immediate();
    if (accepted && row.acceptedAt !== null && dueAt !== null && row.registerYear !== null && row.registerNo !== null) {
      // The reissued slip keeps the original reception time and register entry; only what was wrong changes.
      const register = { year: row.registerYear, no: row.registerNo };
      const slip = await docs.slip({ ...corrected, procedureName: procedure.name }, new Date(row.acceptedAt), new Date(dueAt), register);
      db.transaction(() => void docs.store(row, slip, now, reason)).immediate();
    }
    return detail(id);
  };

  const importer = onlineImporter({
    db,
    store,
    files: fileRows,
    dossiers,
    clock,
    maxFileBytes: () => counter.get().maxFileMb * 1024 * 1024,
    holds,
    officerId: () => currentOfficer()?.id ?? null,
    findProcedure: (ref: string) => {
      const p = procedures.list().find((x) => x.id === ref || x.code === ref);
      const found = p ? procedures.find(p.id) : undefined;
      return found ? { id: found.procedure.id, versionId: found.versionId, procedure: found.procedure } : null;
    },
    applicantProblem,
    checklistOf,
    insertDossier,
  });
  const exporter = changesExporter({ dossiers, documents: documentRows, agencyCode: () => requireAgency().agencyCode, clock });

  const warmUp = async () => {
    radar.listQueue({ q: 'nguyen', sort: 'received', limit: 1 });
    await warmUpInspector(); // pdf.js loads in ~0.5 s cold: not on the officer's first scan
    const agency = settings.currentAgency();
    const procedure = procedures.list()[0];
    if (!agency || !procedure) return;
    const now = clock();
    const sample = {
      code: `${agency.agencyCode}-000000-0000`, channel: 1, applicantName: 'Nguyễn Văn A', idKind: 'cccd' as const,
      idNumber: '038000000000', phone: '', email: '', address: agency.address, ownerName: null, sets: 1,
      deliveryMethod: 'counter' as const, deliveryAddress: null,
    };
    await renderer.mau01(
      slipDataFor({ agency, dossier: sample, procedure, components: [], officerName: '', receivedAt: now, dueAt: now }),
    );
  };

  /** Wraps a desk call the way the contract's methods are: an envelope, never a throw. */
  const enveloped = async <T>(name: string, fn: () => T | Promise<T>): Promise<Result<T>> => {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      if (err instanceof DeskError) return { ok: false, error: err.toShape() };
      console.error(`[desk] ${name} failed:`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi nội bộ của phần mềm; dữ liệu đã nhập không bị mất.' } };
    }
  };

  // One spool folder per process: a second desk on the same data folder never removes this one's packages.
  const spoolRoot = path.join(config.dataDir, 'imports');
  const spoolDir = path.join(spoolRoot, String(process.pid));
  for (const entry of fs.existsSync(spoolRoot) ? fs.readdirSync(spoolRoot) : []) {
    if (entry === String(process.pid) || !isAlive(Number(entry))) fs.rmSync(path.join(spoolRoot, entry), { recursive: true, force: true });
  }
  const packageLimit = () => Math.min(20 * counter.get().maxFileMb * 1024 * 1024, 2 * 1024 ** 3);
  let spooling = 0; // imports of this process being received: the folder goes only when none is left
  const importPackageFrom = async (source: NodeJS.ReadableStream | Buffer, fileName: string): Promise<ImportReport> => {
    spooling++;
    fs.mkdirSync(spoolDir, { recursive: true });
    const spooled = path.join(spoolDir, `${randomUUID()}.zip`);
    try {
      const written = await spoolTo(source, spooled, packageLimit());
      if (!written) {
        throw new DeskError('PAYLOAD_TOO_LARGE', `Gói "${fileName}" vượt quá ${Math.round(packageLimit() / 1024 ** 2)} MB`);
      }
      return await importer.importPackage(spooled, fileName);
    } finally {
      fs.rmSync(spooled, { force: true });
      if (--spooling === 0) fs.rmSync(spoolDir, { recursive: true, force: true });
    }
  };

  const desk = {
    close: () => {
      db.close();
      presence.leave();
    },
    warmUp,
    uploadLimitBytes: () => counter.get().maxFileMb * 1024 * 1024,
    packageLimitBytes: packageLimit,
    importPackageFrom: (source: NodeJS.ReadableStream | Buffer, fileName: string) =>
      enveloped('importPackageFrom', () => importPackageFrom(source, fileName)),
    ingestFile: (name: string, source: NodeJS.ReadableStream | Buffer) =>
      enveloped('ingestFile', () => files.ingest(source, name, 'upload')),
    openFile: (id: number) => enveloped('openFile', () => files.open(id)),
    importPackage: (zipPath: string, fileName: string) => importer.importPackage(zipPath, fileName),
    exportChanges: (since: Date, outPath: string) => exporter.exportChanges(since, outPath),
    // The files service runs one pass at a time (a timer tick and a listInbox call never take a scan twice).
    scanFolderPass: async () => void (await files.scanFolderPass()),
    exportRegister: (query: unknown, format: RegisterFormat, out: NodeJS.WritableStream) =>
      enveloped('exportRegister', async () => {
        const parsed = registerQuery.safeParse(query);
        if (!parsed.success) throw new DeskError('VALIDATION', parsed.error.issues[0]?.message ?? 'Kỳ báo cáo không hợp lệ');
        const q: RegisterQuery = parsed.data;
        const result = await register.exportTo(q, format, out);
        return { ...result, fileName: registerFileName(q, format) };
      }),
    processOutbox: () => mailer.processDue(),
    auth,
  } as unknown as Desk;
  for (const [name, fn] of Object.entries(impl)) {
    (desk as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>)[name] = (input) =>
      enveloped(name, () => (fn as (i: unknown) => unknown)(input));
  }
  return desk;
}

const isAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Each desk process on a data folder leaves its pid in run/ while it is open, so the start-up sweep knows whether
 * another counter (or the CLI) may be writing files at this moment. Entries of dead processes are removed.
 */
function registerPresence(dataDir: string): { othersAlive: boolean; leave(): void } {
  const dir = path.join(dataDir, 'run');
  fs.mkdirSync(dir, { recursive: true });
  let othersAlive = false;
  for (const entry of fs.readdirSync(dir)) {
    const pid = Number(entry);
    if (pid === process.pid) continue;
    if (isAlive(pid)) othersAlive = true;
    else fs.rmSync(path.join(dir, entry), { force: true });
  }
  const mine = path.join(dir, String(process.pid));
  fs.writeFileSync(mine, '');
  return { othersAlive, leave: () => fs.rmSync(mine, { force: true }) };
}

/** Writes a stream to a file up to `limit` bytes; false (and no file) when it is larger. */
async function spoolTo(source: NodeJS.ReadableStream | Buffer, file: string, limit: number): Promise<boolean> {
  if (Buffer.isBuffer(source)) {
    if (source.length > limit) return false;
    fs.writeFileSync(file, source);
    return true;
  }
  // A file handle, not a write stream: a failed write is a rejected promise here, never an 'error' event that
  // nobody listens to (which would bring the whole server down).
  const out = await fs.promises.open(file, 'w');
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return false;
      await out.write(chunk);
    }
    return true;
  } finally {
    await out.close();
    if (size > limit) fs.rmSync(file, { force: true });
  }
}

/** Two recorded fees alike: the same amount, lines and exemption (the inputs they came from aside). */
function sameFee(a: FeeQuote | null, b: FeeQuote | null): boolean {
  const sig = (f: FeeQuote | null) => (f ? JSON.stringify([f.amount, f.gross, f.lines, f.exemptedBy]) : null);
  return sig(a) === sig(b);
}

/** A recorded fee for the history: "24.000 đ (3 bản)", "0 đ (miễn 15.000 đ: Người thuộc hộ nghèo)"; empty when none. */
function feeText(f: FeeQuote | null): string {
  if (!f) return '';
  const i = f.inputs ?? {};
  const counts = [
    i.pages !== undefined ? `${i.pages} trang` : '',
    i.copies !== undefined ? `${i.copies} bản` : '',
    i.cases !== undefined ? `${i.cases} trường hợp` : '',
    f.exemptedBy ? (f.gross > 0 ? `miễn ${formatVnd(f.gross, 'short')}: ${f.exemptedBy}` : `miễn: ${f.exemptedBy}`) : '',
  ].filter(Boolean);
  return counts.length ? `${formatVnd(f.amount, 'short')} (${counts.join('; ')})` : formatVnd(f.amount, 'short');
}

/** The changed intake fields, in Vietnamese, for the correction's history entry. */
function describeChanges(
  before: DossierDbRow,
  after: Partial<DossierDbRow>,
  componentsBefore: ComponentDbRow[],
  componentsAfter: ComponentDbRow[],
): string[] {
  const LABELS: Partial<Record<keyof DossierDbRow, string>> = {
    procedureName: 'thủ tục',
    applicantName: 'họ tên',
    idKind: 'loại giấy tờ',
    idNumber: 'số giấy tờ',
    phone: 'số điện thoại',
    email: 'e-mail',
    address: 'địa chỉ',
    ownerName: 'chủ hồ sơ',
    sets: 'số bộ',
    note: 'ghi chú',
    deliveryMethod: 'hình thức nhận kết quả',
    deliveryAddress: 'địa chỉ nhận kết quả',
    birthYear: 'năm sinh',
    gender: 'giới tính',
  };
  // Coded values in words, as the officer chose them on the form.
  const WORDS: Record<string, string> = {
    counter: 'tại Bộ phận Một cửa',
    post: 'qua bưu chính công ích',
    cccd: 'CCCD',
    cmnd: 'CMND',
    passport: 'hộ chiếu',
    male: 'nam',
    female: 'nữ',
  };
  const shown = (v: unknown) => (v === null || v === undefined ? '' : (WORDS[String(v)] ?? String(v)));
  const out: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as Array<[keyof DossierDbRow, string]>) {
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (key in after && a !== b) out.push(`${label}: "${shown(a)}" → "${shown(b)}"`);
  }
  const sig = (c: ComponentDbRow) => `${c.name}|${c.originals}|${c.certifiedCopies}|${c.photocopies}|${c.required}|${c.pages}`;
  if (componentsBefore.map(sig).join('\n') !== componentsAfter.map(sig).join('\n')) out.push('thành phần hồ sơ');
  return out;
}

/** Reads the package version once for the doors (dist bundles sit two levels below the root). */
export function readVersion(rootDir: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
