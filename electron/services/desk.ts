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
import { dayKey, formatDossierCode } from '../core/dossier-code';
import { foldVietnamese, normalizeText } from '../core/fold';
import { dueDate } from '../core/working-time';
import { openDatabase, type Db } from '../db/connection';
import { dossiersRepo } from '../db/dossiers-repo';
import { proceduresRepo } from '../db/procedures-repo';
import { settingsRepo } from '../db/settings-repo';
import { createDocumentRenderer } from '../documents/slip';
import type { DeskConfig } from './config';
import { loadCatalogue, loadProvinceCodes } from './resources';
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
  const provinces = loadProvinceCodes(config.resourcesDir);
  const renderer = createDocumentRenderer({ fontsDir: path.join(config.resourcesDir, 'fonts') });

  const catalogue = loadCatalogue(config.resourcesDir);
  if (procedures.catalogueVersion() !== catalogue.version) procedures.load(catalogue.procedures, catalogue.version);

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

  // Outputs are checked against the contract's types here; the contract suite checks them against the schemas.
  const impl: { [M in keyof DeskImpl]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> } = {
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
      const procedure = procedures.list().find((p) => p.id === input.procedureId);
      if (!procedure) throw fieldError('procedureId', 'Thủ tục không có trong danh mục');
      const { applicant } = input;
      const idProblem = checkIdNumber(applicant.idKind, applicant.idNumber, provinces);
      if (idProblem) throw fieldError('applicant.idNumber', idProblem);
      const phone = normalizePhone(applicant.phone);
      const phoneProblem = checkPhone(phone);
      if (phoneProblem) throw fieldError('applicant.phone', phoneProblem);

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

    getDossier: ({ id }) => {
      const row = requireDossier(id);
      return {
        dossier: toDossier(row),
        components: dossiers.components(id),
        events: dossiers.events(id).map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
        documents: dossiers.documentsOf(id).map(toDocumentMeta),
      };
    },

    acceptDossier: async ({ id }) => {
      const row = requireDossier(id);
      if (row.status !== 1) {
        throw new DeskError('INVALID_STATE', 'Chỉ tiếp nhận được hồ sơ ở trạng thái "Mới đăng ký".', { status: row.status });
      }
      const procedure = procedures.list().find((p) => p.id === row.procedureId)!;
      const agency = settings.agencyById(row.agencySettingsId)!;
      const officer = currentOfficer();
      const now = clock();
      const due = dueDate(now, procedure);
      const data = slipDataFor({
        agency,
        dossier: row,
        procedure,
        components: dossiers.components(id),
        officerName: officer?.fullName ?? '',
        receivedAt: now,
        dueAt: due,
      });
      // Render outside the transaction (async); the status guard in markAccepted settles any race.
      const pdf = await renderer.mau01(data);
      const documentId = db.transaction(() => {
        if (!dossiers.markAccepted(id, now.getTime(), due.getTime())) {
          throw new DeskError('CONFLICT', 'Hồ sơ vừa được tiếp nhận ở quầy khác.');
        }
        dossiers.addEvent(id, { at: now.getTime(), officerId: officer?.id ?? null, action: 'accepted', from: 1, to: 2, note: null });
        return dossiers.addDocument({
          dossierId: id,
          form: '01',
          templateVersion: renderer.templateVersion,
          fileName: `${row.code}-mau01.pdf`,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          content: pdf,
          officerId: officer?.id ?? null,
          createdAt: now.getTime(),
        });
      })();
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
