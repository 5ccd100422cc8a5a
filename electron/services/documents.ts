import { createHash } from 'node:crypto';
import {
  DeskError,
  DOCUMENT_DEFAULTS,
  documentSettings,
  FORM_TITLES,
  RECEIPT_FORM,
  type DocumentSettings,
  type DossierForm,
  type FormCode,
  type LegalRegime,
  type Procedure,
} from '../contract';
import { amountInWords, formatVnd } from '../core/money-words';
import { vnParts } from '../core/vntime';
import type { Db } from '../db/connection';
import type { DocumentNumber, DocumentsRepo } from '../db/documents-repo';
import type { DossierDbRow, DossiersRepo, EventDbRow } from '../db/dossiers-repo';
import type { AgencyRow, SettingsRepo } from '../db/settings-repo';
import { regimeFor, resultText, type DocumentRenderer, type FormHeaderData, type ReturnReceiptData } from '../documents';
import type { ControlSlipData } from '../documents/control-slip';
import { formHeaderFor, slipDataFor } from './mappers';


const SETTINGS_KEY = 'document_settings';

/** A form rendered and not yet recorded: what the register of documents needs besides the dossier. */
export interface Rendered {
  form: FormCode;
  pdf: Buffer;
  templateVersion: string;
  regime: LegalRegime;
  number: DocumentNumber;
}

/** Thrown inside a transaction when a number printed on a document was taken meanwhile: render again. */
export class NumberTaken extends Error {}


export const vnYear = (at: Date) => vnParts(at).year;

interface Deps {
  db: Db;
  dossiers: DossiersRepo;
  documents: DocumentsRepo;
  settings: SettingsRepo;
  renderer: DocumentRenderer;
  officer: () => { id: number; fullName: string } | null;
  procedureOf: (row: DossierDbRow) => Procedure;
}

/**
 * The desk's documents: which template (legal regime by reception date), the numbers they carry, the data each form
 * is filled with, and their record in the register of documents (bytes, hash, who, when). Rendering is async and
 * happens before the transaction that records it; `store` runs inside that transaction.
 */
export function documentsService(deps: Deps) {
  const { dossiers, documents, settings, renderer } = deps;

  // Render-then-record runs one at a time in this process, so its own requests never race for a number; another
  // process on the same database may still take it first, and then the document is drawn again with the next one.
  let queue: Promise<unknown> = Promise.resolve();
  const withFreshNumbers = <T>(attempt: () => Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt();
        } catch (err) {
          if (!(err instanceof NumberTaken) || tries >= 8) throw err;
        }
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const getSettings = (): DocumentSettings => {
    const raw = settings.getState(SETTINGS_KEY);
    if (!raw) return { ...DOCUMENT_DEFAULTS };
    const parsed = documentSettings.safeParse({ ...DOCUMENT_DEFAULTS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : { ...DOCUMENT_DEFAULTS };
  };
  const saveSettings = (value: DocumentSettings): DocumentSettings => {
    settings.setState(SETTINGS_KEY, JSON.stringify(value));
    return value;
  };

  const regimeOf = (row: DossierDbRow): LegalRegime => regimeFor(new Date(row.receivedAt));
  const agencyOf = (row: DossierDbRow): AgencyRow => settings.agencyById(row.agencySettingsId)!;
  const officerName = () => deps.officer()?.fullName ?? '';
  const header = (row: DossierDbRow, issuedAt: Date): FormHeaderData => ({
    ...formHeaderFor({ agency: agencyOf(row), dossier: row, procedure: deps.procedureOf(row), officerName: officerName(), issuedAt }),
    lookupUrl: getSettings().lookupUrl,
  });
  const options = (row: DossierDbRow) => ({ paper: getSettings().slipPaper, regime: regimeOf(row) });
  const rendered = (row: DossierDbRow, form: FormCode, pdf: Buffer, number: DocumentNumber): Rendered => ({
    form,
    pdf,
    templateVersion: renderer.templateVersion(form as DossierForm, regimeOf(row)),
    regime: regimeOf(row),
    number,
  });

  /**
   * Mẫu 01 as the dossier stands, received at `receivedAt`, due at `dueAt`, entered in the register as `register`
   * (its number is the document's number too).
   */
  const slip = async (row: DossierDbRow, receivedAt: Date, dueAt: Date, register: { year: number; no: number }) => {
    const procedure = deps.procedureOf(row);
    const fee = row.feeJson ? (JSON.parse(row.feeJson) as { amount: number }) : null;
    const data = slipDataFor({
      agency: agencyOf(row),
      dossier: row,
      procedure,
      components: dossiers.components(row.id),
      officerName: officerName(),
      receivedAt,
      dueAt,
      feeText: fee ? `${formatVnd(fee.amount)} (${amountInWords(fee.amount)})` : procedure.feeText,
    });
    data.dossier.registerBook = String(register.year);
    data.dossier.registerNo = register.no;
    data.lookupUrl = getSettings().lookupUrl;
    const pdf = await renderer.mau01(data, options(row));
    return rendered(row, '01', pdf, { number: `${register.no}/${register.year}`, sequence: null });
  };

  const contactLine = (row: DossierDbRow) => {
    const a = agencyOf(row);
    return [a.agencyName, a.address, a.phone ? `điện thoại ${a.phone}` : '', a.email ? `e-mail ${a.email}` : '']
      .filter(Boolean)
      .join('; ');
  };

  /** Mẫu 02: the supplement request built from the review's items (counts from the checklist). */
  const supplement = async (
    row: DossierDbRow,
    at: Date,
    input: { stage: 'reception' | 'appraisal'; items: Array<{ name: string; reason: string }>; note: string },
    fold: (s: string) => string,
  ) => {
    const components = dossiers.components(row.id);
    const items = input.items.map((item) => {
      const c = components.find((x) => fold(x.name) === fold(item.name));
      return {
        name: item.name,
        originals: c?.originals ?? 0,
        certifiedCopies: c?.certifiedCopies ?? 0,
        photocopies: c?.photocopies ?? 0,
        reason: item.reason,
      };
    });
    const number = documents.peekNumber(row.id, '02', vnYear(at));
    const pdf = await renderer.mau02({ ...header(row, at), stage: input.stage, items, note: input.note, contact: contactLine(row) }, options(row));
    return rendered(row, '02', pdf, number);
  };

  /**
   * Mẫu 03: the desk refuses the dossier at reception, or (`appraisal`) the competent body finishes it with a refusal
   * and the paper goes back to the citizen with the dossier, with the result as the finish recorded it.
   */
  const refusal = async (row: DossierDbRow, at: Date, reason: string, appraisal?: { result: FinishDetails }) => {
    const number = documents.peekNumber(row.id, '03', vnYear(at));
    const stage = appraisal
      ? {
          stage: 'appraisal' as const,
          receivedAt: new Date(row.acceptedAt ?? row.receivedAt),
          result: resultText({ ...appraisal.result, kind: 'rejected' }),
        }
      : {};
    const pdf = await renderer.mau03({ ...header(row, at), reason, contact: contactLine(row), ...stage }, options(row));
    return rendered(row, '03', pdf, number);
  };

  /**
   * The receipt (BN) for a result returned at the counter: who collected it and on what proof, the fee, and the
   * result from the dossier's latest finish. `details` are the return's, as the lifecycle normalised them.
   */
  const returnReceipt = async (row: DossierDbRow, at: Date, details: ReturnDetails) => {
    const finished = dossiers.events(row.id).filter((e) => e.action === 'finish').at(-1);
    const result = finished ? (eventDetails(finished) as Partial<FinishDetails> & { kind?: string }) : null;
    const by = details.receivedBy;
    const number = documents.peekNumber(row.id, RECEIPT_FORM, vnYear(at));
    const data: ReturnReceiptData = {
      ...header(row, at),
      number: number.number,
      receivedAt: new Date(row.acceptedAt ?? row.receivedAt),
      dueAt: row.dueAt === null ? null : new Date(row.dueAt),
      returnedAt: at,
      result:
        result && (result.kind === 'granted' || result.kind === 'rejected') && typeof result.summary === 'string'
          ? { kind: result.kind, summary: result.summary, number: result.number, signedOn: result.signedOn, reason: result.reason }
          : null,
      receivedBy: by
        ? { name: by.name, proof: by.proof === 'id' ? 'id' : 'slip', authorised: by.authorised === true, authorisation: by.authorisation ?? '' }
        : null,
      fee: details.fee ?? null,
    };
    const pdf = await renderer.receipt(data, options(row));
    return rendered(row, RECEIPT_FORM, pdf, number);
  };

  /** Mẫu 04: the apology and the new return time, issued with the extension. */
  const apology = async (row: DossierDbRow, at: Date, input: { newDueAt: Date; reason: string }) => {
    const number = documents.peekNumber(row.id, '04', vnYear(at));
    const pdf = await renderer.mau04(
      {
        ...header(row, at),
        number: number.number,
        receivedAt: new Date(row.acceptedAt ?? row.receivedAt),
        dueAt: new Date(row.dueAt ?? input.newDueAt.getTime()),
        newDueAt: input.newDueAt,
        reason: input.reason,
        signerTitle: `THỦ TRƯỞNG ${agencyOf(row).agencyName.toUpperCase()}`.normalize('NFC'),
      },
      options(row),
    );
    return rendered(row, '04', pdf, number);
  };

  /** Mẫu 05: the citizen asked to stop; the desk stops processing. */
  const stopNotice = async (row: DossierDbRow, at: Date, reason: string) => {
    const number = documents.peekNumber(row.id, '05', vnYear(at));
    const pdf = await renderer.mau05(
      {
        ...header(row, at),
        number: number.number,
        receivedAt: new Date(row.acceptedAt ?? row.receivedAt),
        requestedAt: at,
        reason,
        returnsDocuments: 'Toàn bộ thành phần hồ sơ đã nộp (bản chính được trả lại cho Ông/Bà)',
      },
      options(row),
    );
    return rendered(row, '05', pdf, number);
  };

  /** Mẫu 06 from the dossier's hand-overs as recorded; issued at the last of them so equal data gives equal bytes. */
  const controlSlip = async (row: DossierDbRow) => {
    const events = dossiers.events(row.id);
    const agency = agencyOf(row);
    const procedure = deps.procedureOf(row);
    const data: ControlSlipData = {
      agency: { agencyName: agency.agencyName, parentName: agency.parentName, placeName: agency.placeName, provinceName: agency.provinceName },
      code: row.code,
      applicantName: row.applicantName,
      procedureName: procedure.name,
      receivedAt: new Date(row.acceptedAt ?? row.receivedAt),
      dueAt: row.dueAt === null ? null : new Date(row.dueAt),
      handlingBody: `${agency.parentName} (lĩnh vực ${procedure.field})`,
      coordinatingBody: null,
      rows: controlSlipRows(events, row.dueAt),
      issuedAt: new Date(Math.max(...events.map((e) => e.at))),
    };
    const number = documents.peekNumber(row.id, '06', vnYear(data.issuedAt));
    const pdf = await renderer.mau06(data, options(row));
    return rendered(row, '06', pdf, number);
  };

  /** Records a rendered document (inside the caller's transaction); NumberTaken when its number went meanwhile. */
  const store = (row: { id: number; code: string }, r: Rendered, at: Date, reason: string | null = null): number => {
    const id = documents.add(
      {
        dossierId: row.id,
        form: r.form,
        templateVersion: r.templateVersion,
        regime: r.regime,
        fileName: r.form === RECEIPT_FORM ? `${row.code}-bien-nhan-tra-ket-qua.pdf` : `${row.code}-mau${r.form}.pdf`,
        sha256: createHash('sha256').update(r.pdf).digest('hex'),
        content: r.pdf,
        officerId: deps.officer()?.id ?? null,
        createdAt: at.getTime(),
        reason,
      },
      r.number,
    );
    if (id === false) throw new NumberTaken();
    return id;
  };

  const ISSUED_BY: Record<Exclude<DossierForm, '06'>, string> = {
    '01': 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).',
    '02': 'Hồ sơ chưa có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02); phiếu được lập khi yêu cầu bổ sung.',
    '03':
      'Hồ sơ chưa có Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03); phiếu được lập khi từ chối tiếp nhận hoặc khi ' +
      'kết quả giải quyết là từ chối.',
    '04': 'Hồ sơ chưa có Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04); văn bản được lập khi gia hạn.',
    '05': 'Hồ sơ chưa có Thông báo dừng giải quyết (Mẫu 05); thông báo được lập khi dừng giải quyết.',
    BN: 'Hồ sơ chưa có Giấy biên nhận trả kết quả; giấy được lập khi trả kết quả cho người nhận tại Bộ phận Một cửa.',
  };

  /**
   * A form for a dossier on request: Mẫu 01–05 and the return receipt are reprinted from the register (the same
   * bytes); Mẫu 06 is drawn from the hand-overs, recorded as a new version only when it differs from the last one.
   */
  const issue = async (row: DossierDbRow, form: DossierForm, at: Date): Promise<number> => {
    if (form !== '06') {
      const kept = documents.latest(row.id, form);
      if (!kept) throw new DeskError('INVALID_STATE', ISSUED_BY[form], { form, title: FORM_TITLES[form] });
      return kept.id;
    }
    if (row.acceptedAt === null) {
      throw new DeskError('INVALID_STATE', 'Phiếu kiểm soát (Mẫu 06) được lập sau khi hồ sơ được tiếp nhận.');
    }
    return withFreshNumbers(async () => {
      const r = await controlSlip(deps.dossiers.byId(row.id)!);
      const sha = createHash('sha256').update(r.pdf).digest('hex');
      const last = documents.latest(row.id, '06');
      if (last && last.sha256 === sha) return last.id;
      return deps.db.transaction(() => store(row, r, at)).immediate();
    });
  };

  return {
    withFreshNumbers,
    getSettings,
    saveSettings,
    regimeOf,
    slip,
    supplement,
    refusal,
    apology,
    stopNotice,
    returnReceipt,
    controlSlip,
    store,
    issue,
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;

/** A finish's result as the lifecycle normalised it (core/lifecycle, case 'finish'). */
export interface FinishDetails {
  summary: string;
  reason?: string;
  number?: string;
  /** YYYY-MM-DD */
  signedOn?: string;
}

/** A return's details as the lifecycle normalised them (core/lifecycle, case 'returnResult'). */
export interface ReturnDetails {
  method?: string;
  receivedBy?: { name: string; proof: 'slip' | 'id'; authorised?: boolean; powerOfAttorney?: boolean; authorisation?: string };
  fee?: { amount: number; receiptNo?: string; exemptReason?: string };
}

/** The action's payload an event recorded (lifecycle-store's eventDetails: `{ details, … }`). */
const eventDetails = <T = Record<string, unknown>>(e: EventDbRow): T =>
  ((e.detailsJson ? JSON.parse(e.detailsJson) : {}) as { details?: T }).details ?? ({} as T);

const DESK = 'Bộ phận tiếp nhận và trả kết quả';

interface ForwardDetails {
  to?: string;
  recipient?: string;
  /** The hand-over's deadline (NĐ 118 Đ18.2 / Đ20), on the first forward from the desk. */
  stepDueAt?: string;
  forwardLate?: boolean;
}


/** Who a forward went to, as the event recorded it (lifecycle details: to, recipient). */
function forwardedTo(details: ForwardDetails): string {
  if (details.recipient) return details.recipient;
  return details.to === 'external' ? 'Cơ quan giải quyết khác' : 'Công chức chuyên môn giải quyết';
}

/** The hand-overs of the control slip, from the dossier's events (issue 6 adds the specialists' own steps). */
export function controlSlipRows(events: readonly EventDbRow[], dueAt: number | null): ControlSlipData['rows'] {
  const rows: ControlSlipData['rows'] = [];
  // QĐ 766 by the calendar: an earlier day than the due day is early, the due day (by its hour) on time, later late.
  const day = (ms: number) => {
    const p = vnParts(new Date(ms));
    return p.year * 10_000 + p.month * 100 + p.day;
  };
  const outcome = (at: number) =>
    dueAt === null ? null : at > dueAt ? ('late' as const) : day(at) < day(dueAt) ? ('early' as const) : ('on_time' as const);
  events.forEach((e, i) => {
    const at = new Date(e.at);
    const who = e.officerName ? ` (${e.officerName})` : '';
    switch (e.action) {
      case 'accepted':
        rows.push({ from: 'Người nộp hồ sơ', to: `${DESK}${who}`, handedAt: at, receivedAt: at, stepDueAt: null, outcome: null, note: 'Tiếp nhận hồ sơ' });
        break;
      case 'forward': {
        const d = eventDetails<ForwardDetails>(e);
        // Received when the recipient starts work on it (the next "start processing" after this hand-over).
        const started = events.slice(i + 1).find((x) => x.action === 'startProcessing' || x.action === 'forward');
        const stepDueAt = d.stepDueAt ? new Date(d.stepDueAt) : null;
        rows.push({
          from: `${DESK}${who}`,
          to: forwardedTo(d),
          handedAt: at,
          receivedAt: started?.action === 'startProcessing' ? new Date(started.at) : null,
          stepDueAt,
          outcome: stepDueAt === null ? null : d.forwardLate ? 'late' : 'on_time',
          note: d.to === 'external' ? 'Chuyển cơ quan khác' : 'Chuyển xử lý',
        });
        break;
      }
      case 'returnToDesk': {
        const d = eventDetails<ForwardDetails>(e) as { reason?: string };
        rows.push({ from: `Công chức chuyên môn${who}`, to: DESK, handedAt: at, receivedAt: at, stepDueAt: null, outcome: null, note: d.reason ? `Chuyển lại: ${d.reason}` : 'Chuyển lại' });
        break;
      }
      case 'finish':
        rows.push({ from: `Cơ quan, bộ phận giải quyết${who}`, to: DESK, handedAt: at, receivedAt: at, stepDueAt: dueAt === null ? null : new Date(dueAt), outcome: outcome(e.at), note: 'Trả kết quả giải quyết' });
        break;
      case 'returnResult':
        rows.push({ from: `${DESK}${who}`, to: 'Tổ chức, cá nhân', handedAt: at, receivedAt: at, stepDueAt: dueAt === null ? null : new Date(dueAt), outcome: outcome(e.at), note: 'Trả kết quả' });
        break;
      default:
        break;
    }
  });
  return rows;
}
