import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CHANNEL_NAMES,
  DeskError,
  PLACEHOLDER_AGENCY_CODE,
  type ChannelCode,
  type DeskImpl,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../contract';
import { checkIdNumber, checkPhone, normalizePhone } from '../core/applicant';
import { dueDate, restartAfterSupplement, workingMinutesBetween } from '../core/calendar';
import { compareCatalogueVersions } from '../core/catalogue';
import { dayKey, formatDossierCode } from '../core/dossier-code';
import { foldVietnamese, normalizeText } from '../core/fold';
import { availableActions, transition, type DossierLifecycleState, type LifecycleAction, type Role } from '../core/lifecycle';
import { formatVnd, amountInWords } from '../core/money-words';
import { classifyOnTime, deadlineState } from '../core/ontime';
import { openDatabase, type Db } from '../db/connection';
import { dossiersRepo } from '../db/dossiers-repo';
import { proceduresRepo } from '../db/procedures-repo';
import { settingsRepo } from '../db/settings-repo';
import { createDocumentRenderer } from '../documents/slip';
import type { DeskConfig } from './config';
import { calendarService } from './calendar';
import { dumpLifecycle, eventDetails, loadLifecycle, toLifecycleAction, waitingIntervals } from './lifecycle-store';
import { loadProvinces, loadShippedCatalogue } from './resources';
import { findProcedure, quoteFee, rulesMethods } from './rules';
import { toAgency, toDocumentMeta, toDossier, toQueueRow, slipDataFor } from './mappers';
import { decodeCursor, encodeCursor, planSearch } from '../core/search-plan';

export type { DeskConfig } from './config';

/** The desk: exactly the contract's methods, plus lifecycle calls for the door that owns it. */
export type Desk = DeskImpl & {
  close(): void;
  /** Pays the first-use costs (FTS pages, fonts, pdfkit) at start-up instead of on the officer's first click. */
  warmUp(): Promise<void>;
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

  // The shipped catalogue goes in force on first start and whenever the software ships a newer one; a catalogue an
  // administrator imported stays in force until then. Earlier versions are kept for the dossiers received under them.
  const shipped = loadShippedCatalogue(config.resourcesDir);
  const inForce = procedures.currentVersion();
  if (inForce === null || compareCatalogueVersions(shipped.version, inForce) > 0) {
    procedures.importCatalogue(shipped, null, clock().getTime());
  }

  const requireAgency = () => {
    const agency = settings.currentAgency();
    if (!agency) throw new DeskError('NOT_CONFIGURED', 'Chưa thiết lập đơn vị. Hãy hoàn tất bước thiết lập lần đầu.');
    return agency;
  };
  const currentOfficer = () => {
    const id = Number(settings.getState(CURRENT_OFFICER));
    return Number.isInteger(id) ? (settings.officerById(id) ?? null) : null;
  };
  const setupState = () => {
    const agency = settings.currentAgency();
    const officer = currentOfficer();
    return {
      configured: agency !== undefined && officer !== null,
      version,
      agency: agency ? toAgency(agency) : null,
      officer: officer ? { id: officer.id, fullName: officer.fullName, title: officer.title } : null,
      defaults: AGENCY_DEFAULTS,
    };
  };
  const requireDossier = (id: number) => {
    const row = dossiers.byId(id);
    if (!row) throw new DeskError('NOT_FOUND', `Không tìm thấy hồ sơ số ${id}`);
    return row;
  };
  const fieldError = (path: string, message: string) =>
    new DeskError('VALIDATION', message, [{ path, message }]);
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
  ) => {
    const state = loadLifecycle(row);
    const result = transition(state, action, { role: officerRole(), at });
    if (!result.ok) throw new DeskError(REFUSALS[result.code], result.message, { refusal: result.code });
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
      extra?.(next);
    })();
    return next;
  };

  /** A dossier with its components, history, documents, fee, lifecycle summary and the actions open to the officer. */
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
    return {
      dossier: toDossier(row),
      components: dossiers.components(id),
      events: events.map(({ detailsJson: _d, ...e }) => ({ ...e, at: new Date(e.at).toISOString() })),
      documents: dossiers.documentsOf(id).map(toDocumentMeta),
      fee: row.feeJson ? (JSON.parse(row.feeJson) as MethodOutput<'getDossier'>['fee']) : null,
      lifecycle: {
        holder: state.holder,
        supplementRequests: state.supplementRequests,
        extensions: state.extensions,
        decided: state.decided,
        overdue: deadline?.overdue ?? false,
        remainingWorkingMinutes: deadline ? (deadline.overdue ? -1 : Math.round(deadline.remainingMinutes)) : null,
        verdict,
      },
      actions: availableActions(state, officerRole()).map(({ type, label, requiresOverride, stages }) =>
        stages ? { type, label, requiresOverride, stages } : { type, label, requiresOverride },
      ),
    };
  };

  // Outputs are checked against the contract's types here; the contract suite checks them against the schemas.
  const impl: { [M in keyof DeskImpl]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> } = {
    ...rulesMethods({
      procedures,
      calendar,
      provinces,
      clock,
      officer: () => currentOfficer(),
    }),

    getSetup: () => setupState(),

    setupDesk: ({ agency, officer }) => {
      if (setupState().configured) throw new DeskError('ALREADY_CONFIGURED', 'Đơn vị đã được thiết lập; hãy sửa trong Cài đặt.');
      const now = clock().getTime();
      db.transaction(() => {
        settings.addAgency({ ...agency, validFrom: now });
        const officerId = settings.addOfficer(officer.fullName, officer.title, 'admin', now);
        settings.setState(CURRENT_OFFICER, String(officerId));
      })();
      return setupState();
    },

    updateAgency: (agency) => {
      requireAgency();
      const id = settings.addAgency({ ...agency, validFrom: clock().getTime() });
      return toAgency(settings.agencyById(id)!);
    },

    listProcedures: () => procedures.list(),

    createDossier: (input) => {
      const agency = requireAgency();
      const officer = currentOfficer();
      const found = procedures.find(input.procedureId);
      if (!found) throw fieldError('procedureId', 'Thủ tục không có trong danh mục');
      const { procedure, versionId } = found;
      const { applicant } = input;
      const idProblem = checkIdNumber(applicant.idKind, applicant.idNumber, provinceCodes, {
        birthYear: input.birthYear,
        gender: input.gender,
      });
      if (idProblem) throw fieldError('applicant.idNumber', idProblem);
      const phone = normalizePhone(applicant.phone);
      const phoneProblem = checkPhone(phone);
      if (phoneProblem) throw fieldError('applicant.phone', phoneProblem);

      const { fee } = quoteFee(procedure, input.fee);
      const now = clock();
      const fullName = normalizeText(applicant.fullName);
      const components =
        input.components ??
        procedure.components.map(({ name, originals, certifiedCopies, photocopies }) => ({
          name,
          originals,
          certifiedCopies,
          photocopies,
        }));
      const id = db.transaction(() => {
        const day = dayKey(now);
        const code = formatDossierCode(agency.agencyCode, now, dossiers.nextSequence(agency.agencyCode, day));
        const nameFolded = foldVietnamese(fullName);
        const newId = dossiers.insert(
          {
            code,
            agencySettingsId: agency.id,
            agencyCode: agency.agencyCode,
            dayKey: day,
            procedureId: procedure.id,
            channel: input.channel,
            status: 1,
            applicantName: fullName,
            nameFolded,
            idKind: applicant.idKind,
            idNumber: applicant.idNumber,
            phone,
            email: applicant.email,
            address: normalizeText(applicant.address),
            ownerName: input.ownerName ? normalizeText(input.ownerName) : null,
            sets: input.sets,
            note: input.note || null,
            receivedAt: now.getTime(),
            procedureVersionId: versionId,
            feeAmount: fee?.amount ?? null,
            feeJson: fee ? JSON.stringify(fee) : null,
          },
          nameFolded,
        );
        components.forEach((c, i) => dossiers.addComponent(newId, { position: i + 1, ...c }));
        dossiers.addEvent(newId, {
          at: now.getTime(),
          officerId: officer?.id ?? null,
          action: 'created',
          from: null,
          to: 1,
          note: `Kênh: ${CHANNEL_NAMES[input.channel as ChannelCode]}`,
        });
        return newId;
      })();
      return toDossier(requireDossier(id));
    },

    getDossier: ({ id }) => detail(id),

    applyDossierAction: ({ id, action }) => {
      applyTransition(requireDossier(id), toLifecycleAction(action), clock());
      return detail(id);
    },

    acceptDossier: async ({ id }) => {
      const row = requireDossier(id);
      if (row.status !== 1) {
        throw new DeskError('INVALID_STATE', 'Chỉ tiếp nhận được hồ sơ ở trạng thái "Mới đăng ký".', { status: row.status });
      }
      const procedure = procedureOf(row);
      const agency = settings.agencyById(row.agencySettingsId)!;
      const officer = currentOfficer();
      const now = clock();
      // NĐ 118: the time limit runs from the moment the complete dossier is received and written on the slip.
      const due = dueDate(calendar.calendar(), now, procedure.timeLimit);
      const fee = row.feeJson ? (JSON.parse(row.feeJson) as { amount: number }) : null;
      const data = slipDataFor({
        agency,
        dossier: row,
        procedure,
        components: dossiers.components(id),
        officerName: officer?.fullName ?? '',
        receivedAt: now,
        dueAt: due,
        feeText: fee ? `${formatVnd(fee.amount)} (${amountInWords(fee.amount)})` : procedure.feeText,
      });
      // Render outside the transaction (async); the revision guard settles a race with another counter.
      const pdf = await renderer.mau01(data);
      let documentId = 0;
      applyTransition(row, { type: 'accept', dueAt: due }, now, () => {
        documentId = dossiers.addDocument({
          dossierId: id,
          form: '01',
          templateVersion: renderer.templateVersion,
          fileName: `${row.code}-mau01.pdf`,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          content: pdf,
          officerId: officer?.id ?? null,
          createdAt: now.getTime(),
        });
      });
      const document = dossiers.documentsOf(id).find((d) => d.id === documentId)!;
      return { dossier: toDossier(requireDossier(id)), document: toDocumentMeta(document) };
    },

    listQueue: ({ status, q, cursor, limit }) => {
      const st = status ?? null;
      const plan = planSearch(q ?? '');
      const after = decodeCursor(cursor, plan.kind);
      const rows =
        plan.kind === 'page'
          ? dossiers.page(st, after, limit)
          : plan.kind === 'name'
            ? dossiers.searchName(plan.match, st, after?.id ?? null, limit)
            : plan.kind === 'code'
              ? dossiers.searchCodePrefix(plan.prefix, st, after?.id ?? null, limit)
              : plan.kind === 'digits'
                ? dossiers.searchDigitsPrefix(plan.prefix, st, after?.id ?? null, limit)
                : [];
      const last = rows[rows.length - 1];
      return {
        items: rows.map(toQueueRow),
        nextCursor: rows.length === limit && last ? encodeCursor(plan.kind, last) : null,
      };
    },

    queueCounts: () => {
      const byStatus: Record<string, number> = {};
      let total = 0;
      for (const { status, n } of dossiers.countsByStatus()) {
        byStatus[String(status)] = n;
        total += n;
      }
      return { total, byStatus };
    },

    getDocument: ({ id }) => {
      const doc = dossiers.documentById(id);
      if (!doc) throw new DeskError('NOT_FOUND', `Không tìm thấy văn bản số ${id}`);
      return { ...toDocumentMeta(doc), contentBase64: doc.content.toString('base64') };
    },
  };

  const warmUp = async () => {
    dossiers.searchName('"nguyen"*', null, null, 1);
    const agency = settings.currentAgency();
    const procedure = procedures.list()[0];
    if (!agency || !procedure) return;
    const now = clock();
    const sample = {
      id: 0, code: `${agency.agencyCode}-000000-0000`, agencySettingsId: agency.id, agencyCode: agency.agencyCode,
      procedureId: procedure.id, procedureName: procedure.name, channel: 1, status: 1, applicantName: 'Nguyễn Văn A',
      idKind: 'cccd' as const, idNumber: '038000000000', phone: '', email: '', address: agency.address, ownerName: null,
      sets: 1, note: null, receivedAt: now.getTime(), acceptedAt: null, dueAt: null, updatedAt: now.getTime(),
    };
    await renderer.mau01(
      slipDataFor({ agency, dossier: sample, procedure, components: [], officerName: '', receivedAt: now, dueAt: now }),
    );
  };
  const desk = { close: () => db.close(), warmUp } as unknown as Desk;
  for (const [name, fn] of Object.entries(impl)) {
    (desk as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>)[name] = async (input) => {
      try {
        return { ok: true, value: await (fn as (i: unknown) => unknown)(input) };
      } catch (err) {
        if (err instanceof DeskError) return { ok: false, error: err.toShape() };
        console.error(`[desk] ${name} failed:`, err);
        return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi nội bộ của phần mềm; dữ liệu đã nhập không bị mất.' } };
      }
    };
  }
  return desk;
}

/** Reads the package version once for the doors (dist bundles sit two levels below the root). */
export function readVersion(rootDir: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
