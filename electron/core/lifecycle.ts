/**
 * The dossier lifecycle: an explicit state machine over the national status codes 1–10, with the sub-state the desk
 * needs (who holds the dossier, at which stage a supplement was asked, the one-supplement and one-extension
 * counters). Pure: time comes in `ctx.at`, nothing is read or written; every accepted action yields exactly one
 * event description for the history (and the Phiếu kiểm soát quá trình).
 *
 *  action                      from (status / condition)                 → to       roles (R S L A)        form
 *  accept                      1                                          → 2 desk   R L A                  01
 *  refuse (reason)             1; 5 at reception                          → 3 cit.   R L A                  03
 *  requestSupplement reception 1                                          → 5 cit.   R L A                  02
 *  requestSupplement appraisal 2 forwarded; 4                             → 5 cit.   S L A (R if external)  02
 *  supplementReceived          5                                          → 1 desk (reception) | 4 processor
 *                                                                                    R S L A
 *  forward (to)                2 (→ 2) or 4 (→ 4), to ≠ current holder    holder=to  R S L A                06
 *  startProcessing             2 forwarded                                → 4        S L A (R if external)
 *  requestFinancialObligation  4                                          → 6 cit.   S L A (R if external)
 *  obligationFulfilled         6                                          → 4 proc.  R S L A
 *  proposeExtension            2 4 5 6, no extension yet                  = same     S L A (R if external)  04
 *  extend                      2 4 5 6, no extension yet                  = same     L A                    04
 *  finish (result)             2 4 (granted|rejected); 5 appraisal (rejected) → 9 desk  S L A (R if external)
 *  returnToDesk (reason)       2 4 held by the specialist                 holder=desk S L A              06
 *  returnResult (method)       9                                          → 10 cit.  R L A
 *  withdraw                    1 2 4 5 6                                  → 7 desk   R L A
 *  cancelWithdrawal (reason)   7                                          → status and holder before 7  R L A
 *  stop (reason)               1 2 4 5 6 7                                → 8 desk   R L A                  05
 *
 * Terminal: 3, 8, 10. Decided (a result exists): 9, 10 — nothing there goes back, and nothing but the return of
 * the result is possible. Roles: R reception (Một cửa), S specialist (công chức chuyên môn), L leader, A admin.
 * "R if external": when the dossier went to a body at another level, the desk records on its behalf what that body
 * did (its supplement request, its tax notice, its result).
 */
import { LIFECYCLE_ACTION_TYPES, STATUS_NAMES, type StatusCode } from '../contract/schemas';
import { isoDayToVn } from './vntime';

export type Role = 'reception' | 'specialist' | 'leader' | 'admin';
export type Holder = 'desk' | 'specialist' | 'external' | 'citizen';
export type Processor = 'specialist' | 'external';
export type SupplementStage = 'reception' | 'appraisal';
/** TT 03/2025's numbered forms, and BN: the desk's receipt for a result returned at the counter. */
export type FormCode = '01' | '02' | '03' | '04' | '05' | '06' | 'BN';

export interface PendingExtension {
  newDueAt: Date;
  reason: string;
  proposedAt: Date;
  proposedBy: Role;
}

export interface DossierLifecycleState {
  status: StatusCode;
  /** With whom the dossier physically is. */
  holder: Holder;
  /** Set while status is 5: whether the desk (before acceptance) or the competent body (appraisal) asked. */
  supplementStage: SupplementStage | null;
  /** Who processes it once forwarded; null until forwarded. */
  processor: Processor | null;
  /** Supplement requests issued (the rule: at most 1). */
  supplementRequests: number;
  /** Of those, how many were issued past the limit with an override and its reason. */
  supplementOverrides: number;
  /** Extensions granted (at most 1). */
  extensions: number;
  pendingExtension: PendingExtension | null;
  /** The current due date, when the caller has computed it (accept, supplement restart, extend set it). */
  dueAt: Date | null;
  /** A result exists (status 9 or 10). */
  decided: boolean;
  /** While status is 7: where the dossier was before the citizen asked to withdraw. */
  resume: { status: StatusCode; holder: Holder; supplementStage: SupplementStage | null } | null;
}

export interface SupplementItem {
  /** The component (thành phần hồ sơ) missing or to correct. */
  name: string;
  /** Why: missing, expired, not certified, … */
  reason: string;
}

export type ResultKind = 'granted' | 'rejected';
export type ReturnMethod = 'counter' | 'post' | 'online';

export type LifecycleAction =
  | { type: 'accept'; dueAt?: Date }
  | { type: 'refuse'; reason: string }
  | {
      type: 'requestSupplement';
      stage: SupplementStage;
      items: SupplementItem[];
      reason: string;
      override?: { reason: string };
    }
  | { type: 'supplementReceived'; dueAt?: Date; note?: string }
  | { type: 'forward'; to: Processor; recipient?: string; note?: string }
  | { type: 'startProcessing'; note?: string }
  | { type: 'requestFinancialObligation'; description: string }
  | { type: 'obligationFulfilled'; note?: string }
  | { type: 'proposeExtension'; newDueAt: Date; reason: string }
  | { type: 'extend'; newDueAt?: Date; reason?: string }
  | { type: 'finish'; result: { kind: ResultKind; summary: string; reason?: string; number?: string; signedOn?: string } }
  | { type: 'returnToDesk'; reason: string }
  | {
      type: 'returnResult';
      method: ReturnMethod;
      /** Counter: who collected it and on what proof (the slip, or an ID when the slip is lost). */
      receivedBy?: { name: string; proof: 'slip' | 'id'; authorised?: boolean; powerOfAttorney?: boolean; authorisation?: string };
      /** The fee at return: the amount collected (0 when exempt) and the receipt number, or why it is exempt. */
      fee?: { amount: number; receiptNo?: string; exemptReason?: string };
      /** Post: the S10 item number, when known. */
      postalItem?: string;
    }
  | { type: 'withdraw'; reason?: string }
  | { type: 'cancelWithdrawal'; reason: string }
  | { type: 'stop'; reason: string };

export type ActionType = LifecycleAction['type'];

/** A result as the history and the papers name it: "Giấy xác nhận … số 12/2026/XN ngày 25/11/2026". */
export const resultReference = (summary: string, number = '', signedOn = ''): string =>
  summary + (number ? ` số ${number}` : '') + (signedOn ? ` ngày ${isoDayToVn(signedOn)}` : '');

/** One list, in the contract: the desk's events record these action types. */
export const ACTION_TYPES: readonly ActionType[] = LIFECYCLE_ACTION_TYPES;

export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  accept: 'Tiếp nhận hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  requestSupplement: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplementReceived: 'Nhận hồ sơ bổ sung',
  forward: 'Chuyển hồ sơ',
  startProcessing: 'Bắt đầu xử lý',
  requestFinancialObligation: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  obligationFulfilled: 'Đã thực hiện nghĩa vụ tài chính',
  proposeExtension: 'Đề nghị gia hạn',
  extend: 'Gia hạn thời gian giải quyết',
  finish: 'Hoàn thành xử lý',
  returnToDesk: 'Chuyển lại Bộ phận Một cửa',
  returnResult: 'Trả kết quả',
  withdraw: 'Công dân yêu cầu rút hồ sơ',
  cancelWithdrawal: 'Hủy yêu cầu rút hồ sơ',
  stop: 'Dừng giải quyết hồ sơ',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reception: 'cán bộ tiếp nhận (Một cửa)',
  specialist: 'công chức chuyên môn',
  leader: 'lãnh đạo',
  admin: 'quản trị viên',
};

export type ClockEffect = 'start' | 'pause' | 'resume' | 'restart' | 'stop';

export interface LifecycleContext {
  role: Role;
  at: Date;
}

export interface LifecycleEvent {
  action: ActionType;
  from: StatusCode;
  to: StatusCode;
  fromHolder: Holder;
  toHolder: Holder;
  role: Role;
  at: Date;
  /** One line in Vietnamese for the history and the Phiếu kiểm soát quá trình. */
  note: string;
  /** The form this step issues (TT 03/2025 Phụ lục I), if any. */
  form: FormCode | null;
  /** What happens to the processing clock. */
  clock: ClockEffect | null;
  /** The action's payload, normalised (trimmed, NFC). */
  details: Record<string, unknown>;
  /** Present only when a limit was passed on purpose. */
  override?: { reason: string };
  /** Things allowed but worth recording, e.g. an apology sent later than one day before the due date. */
  warnings: string[];
}

export type RefusalCode = 'FORBIDDEN_ROLE' | 'INVALID_STATE' | 'MISSING' | 'LIMIT_REACHED';

export type TransitionResult =
  | { ok: true; state: DossierLifecycleState; event: LifecycleEvent }
  | { ok: false; code: RefusalCode; message: string };

export const SUPPLEMENT_LIMIT = 1;
export const EXTENSION_LIMIT = 1;

export const TERMINAL_STATUSES: readonly StatusCode[] = [3, 8, 10];
export const DECIDED_STATUSES: readonly StatusCode[] = [9, 10];
/** Before a decision: the citizen may still withdraw or stop; an extension is still possible. */
const OPEN_STATUSES: readonly StatusCode[] = [1, 2, 4, 5, 6];

export function initialLifecycleState(): DossierLifecycleState {
  return {
    status: 1,
    holder: 'desk',
    supplementStage: null,
    processor: null,
    supplementRequests: 0,
    supplementOverrides: 0,
    extensions: 0,
    pendingExtension: null,
    dueAt: null,
    decided: false,
    resume: null,
  };
}

export const isTerminal = (status: StatusCode): boolean => TERMINAL_STATUSES.includes(status);

// ---------- guards ----------

type Refusal = { ok: false; code: RefusalCode; message: string };
const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });


const badState = (s: DossierLifecycleState, type: ActionType, why?: string): Refusal =>
  refuse(
    'INVALID_STATE',
    `Không thể "${ACTION_LABELS[type].toLowerCase()}" khi hồ sơ ở trạng thái "${STATUS_NAMES[s.status]}"` +
      (why ? `: ${why}` : ''),
  );

const isForwarded = (s: DossierLifecycleState) => s.holder === 'specialist' || s.holder === 'external';

/** Status (and sub-state) conditions; `stage` only for requestSupplement, `kind` only for finish. */
function stateGuard(
  s: DossierLifecycleState,
  type: ActionType,
  hint: { stage?: SupplementStage; kind?: ResultKind; to?: Processor } = {},
): Refusal | null {
  const st = s.status;
  switch (type) {
    case 'accept':
      return st === 1 ? null : badState(s, type);
    case 'refuse':
      if (st === 1) return null;
      if (st === 5 && s.supplementStage === 'reception') return null;
      if (st === 5) return badState(s, type, 'hồ sơ đã được tiếp nhận; từ chối giải quyết bằng kết quả "từ chối"');
      return badState(s, type);
    case 'requestSupplement':
      if (hint.stage === 'reception') {
        return st === 1 ? null : badState(s, type, 'ở khâu tiếp nhận chỉ yêu cầu bổ sung trước khi tiếp nhận');
      }
      if (st === 4 || (st === 2 && isForwarded(s))) return null;
      return badState(s, type, st === 2 ? 'hồ sơ chưa được chuyển đến cơ quan giải quyết' : undefined);
    case 'supplementReceived':
      return st === 5 ? null : badState(s, type);
    case 'forward':
      if (st !== 2 && st !== 4) return badState(s, type);
      if (hint.to && hint.to === s.holder) return badState(s, type, 'hồ sơ đang ở đúng nơi nhận');
      return null;
    case 'startProcessing':
      return st === 2 && isForwarded(s) ? null : badState(s, type, st === 2 ? 'hồ sơ chưa được chuyển đi' : undefined);
    case 'requestFinancialObligation':
      return st === 4 ? null : badState(s, type);
    case 'obligationFulfilled':
      return st === 6 ? null : badState(s, type);
    case 'proposeExtension':
    case 'extend':
      return st === 2 || st === 4 || st === 5 || st === 6 ? null : badState(s, type);
    case 'finish':
      if (st === 2 || st === 4) return null;
      if (st === 5 && s.supplementStage === 'appraisal') {
        return hint.kind === undefined || hint.kind === 'rejected'
          ? null
          : badState(s, type, 'đang chờ bổ sung: chỉ có thể kết thúc bằng kết quả từ chối');
      }
      return badState(s, type);
    case 'returnToDesk':
      return (st === 2 || st === 4) && s.holder === 'specialist' ? null : badState(s, type, 'hồ sơ không ở công chức chuyên môn');
    case 'returnResult':
      return st === 9 ? null : badState(s, type);
    case 'withdraw':
      return OPEN_STATUSES.includes(st) ? null : badState(s, type, s.decided ? 'đã có kết quả giải quyết' : undefined);
    case 'cancelWithdrawal':
      return st === 7 && s.resume ? null : badState(s, type);
    case 'stop':
      return OPEN_STATUSES.includes(st) || st === 7
        ? null
        : badState(s, type, s.decided ? 'đã có kết quả giải quyết, không thể dừng' : undefined);
  }
}

const ALL: readonly Role[] = ['reception', 'specialist', 'leader', 'admin'];
const DESK: readonly Role[] = ['reception', 'leader', 'admin'];
const BODY: readonly Role[] = ['specialist', 'leader', 'admin'];
const BODY_OR_DESK_FOR_EXTERNAL = (s: DossierLifecycleState): readonly Role[] =>
  s.processor === 'external' || s.holder === 'external' ? ALL : BODY;

function rolesFor(s: DossierLifecycleState, type: ActionType, hint: { stage?: SupplementStage } = {}): readonly Role[] {
  switch (type) {
    case 'accept':
    case 'refuse':
    case 'returnResult':
    case 'withdraw':
    case 'cancelWithdrawal':
    case 'stop':
      return DESK;
    case 'requestSupplement':
      return hint.stage === 'reception' ? DESK : BODY_OR_DESK_FOR_EXTERNAL(s);
    case 'supplementReceived':
    case 'forward':
    case 'obligationFulfilled':
      return ALL;
    case 'startProcessing':
    case 'requestFinancialObligation':
    case 'proposeExtension':
    case 'finish':
      return BODY_OR_DESK_FOR_EXTERNAL(s);
    case 'returnToDesk':
      return BODY;
    case 'extend':
      return ['leader', 'admin'];
  }
}

function roleGuard(s: DossierLifecycleState, type: ActionType, role: Role, hint: { stage?: SupplementStage } = {}): Refusal | null {
  const roles = rolesFor(s, type, hint);
  if (roles.includes(role)) return null;
  return refuse(
    'FORBIDDEN_ROLE',
    `Vai trò ${ROLE_LABELS[role] ?? String(role)} không được "${ACTION_LABELS[type].toLowerCase()}"; ` +
      `chỉ: ${roles.map((r) => ROLE_LABELS[r]).join(', ')}`,
  );
}

/** Limits: `overridable` says whether an explicit override with a reason may pass it. */
function limitGuard(s: DossierLifecycleState, type: ActionType): (Refusal & { overridable: boolean }) | null {
  if (type === 'requestSupplement' && s.supplementRequests >= SUPPLEMENT_LIMIT) {
    return {
      ...refuse(
        'LIMIT_REACHED',
        'Hồ sơ đã được yêu cầu bổ sung 01 lần; theo NĐ 118/2025 chỉ được yêu cầu bổ sung một lần. ' +
          'Muốn yêu cầu thêm phải ghi rõ lý do vượt quy định.',
      ),
      overridable: true,
    };
  }
  if ((type === 'proposeExtension' || type === 'extend') && s.extensions >= EXTENSION_LIMIT) {
    return {
      ...refuse('LIMIT_REACHED', 'Hồ sơ đã được gia hạn 01 lần; theo NĐ 118/2025 chỉ được gia hạn một lần.'),
      overridable: false,
    };
  }
  return null;
}

// ---------- payload helpers ----------

const clean = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : '');
const missing = (message: string): Refusal => refuse('MISSING', message);
const isDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

const DAY_MS = 24 * 3600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
/** dd/mm/yyyy in Vietnamese time (UTC+7, no DST). */
const vnDate = (d: Date) => {
  const v = new Date(d.getTime() + 7 * 3600_000);
  return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
};

const STAGE_TEXT: Readonly<Record<SupplementStage, string>> = { reception: 'khâu tiếp nhận', appraisal: 'khâu thẩm định' };
const PROCESSOR_TEXT: Readonly<Record<Processor, string>> = {
  specialist: 'công chức chuyên môn',
  external: 'cơ quan có thẩm quyền khác cấp',
};
const METHOD_TEXT: Readonly<Record<ReturnMethod, string>> = {
  counter: 'tại Bộ phận Một cửa',
  post: 'qua dịch vụ bưu chính công ích',
  online: 'trực tuyến',
};

// ---------- transition ----------

type Change = {
  to: StatusCode;
  holder: Holder;
  patch?: Partial<DossierLifecycleState>;
  note: string;
  form?: FormCode | null;
  clock?: ClockEffect | null;
  details?: Record<string, unknown>;
  override?: { reason: string };
  warnings?: string[];
};

function apply(s: DossierLifecycleState, action: LifecycleAction, ctx: LifecycleContext, c: Change): TransitionResult {
  const next: DossierLifecycleState = { ...s, ...c.patch, status: c.to, holder: c.holder };
  if (c.to !== 5) next.supplementStage = null;
  if (c.to !== 7) next.resume = null;
  const event: LifecycleEvent = {
    action: action.type,
    from: s.status,
    to: c.to,
    fromHolder: s.holder,
    toHolder: c.holder,
    role: ctx.role,
    at: ctx.at,
    note: c.note,
    form: c.form ?? null,
    clock: c.clock ?? null,
    details: c.details ?? {},
    warnings: c.warnings ?? [],
  };
  if (c.override) event.override = c.override;
  return { ok: true, state: next, event };
}

/** Applies an action if the state, the role, the limits and the payload allow it. */
export function transition(state: DossierLifecycleState, action: LifecycleAction, ctx: LifecycleContext): TransitionResult {
  if (!isDate(ctx.at)) return missing('Thiếu thời điểm thực hiện');
  if (!ACTION_TYPES.includes(action?.type)) return missing('Thao tác không hợp lệ');
  const hint = {
    stage: action.type === 'requestSupplement' ? action.stage : undefined,
    kind: action.type === 'finish' ? action.result?.kind : undefined,
    to: action.type === 'forward' ? action.to : undefined,
  };
  if (action.type === 'requestSupplement' && action.stage !== 'reception' && action.stage !== 'appraisal') {
    return missing('Phải chọn khâu yêu cầu bổ sung: tiếp nhận hoặc thẩm định');
  }
  const guard = stateGuard(state, action.type, hint) ?? roleGuard(state, action.type, ctx.role, hint);
  if (guard) return guard;

  const limit = limitGuard(state, action.type);
  let override: { reason: string } | undefined;
  if (limit) {
    if (!limit.overridable || action.type !== 'requestSupplement' || !action.override) {
      return { ok: false, code: limit.code, message: limit.message };
    }
    const reason = clean(action.override.reason);
    if (!reason) return missing('Yêu cầu bổ sung lần thứ hai phải ghi lý do vượt quy định');
    override = { reason };
  }

  const s = state;
  switch (action.type) {
    case 'accept': {
      if (action.dueAt !== undefined && !isDate(action.dueAt)) return missing('Hạn trả kết quả không hợp lệ');
      const dueAt = action.dueAt ?? s.dueAt;
      return apply(s, action, ctx, {
        to: 2,
        holder: 'desk',
        patch: { dueAt },
        note: 'Tiếp nhận hồ sơ, cấp Giấy tiếp nhận hồ sơ và hẹn trả kết quả' + (dueAt ? `, hẹn trả ${vnDate(dueAt)}` : ''),
        form: '01',
        clock: 'start',
        details: dueAt ? { dueAt } : {},
      });
    }
    case 'refuse': {
      const reason = clean(action.reason);
      if (!reason) return missing('Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03)');
      return apply(s, action, ctx, {
        to: 3,
        holder: 'citizen',
        note: `Từ chối tiếp nhận hồ sơ: ${reason}`,
        form: '03',
        clock: 'stop',
        details: { reason },
      });
    }
    case 'requestSupplement': {
      const items = Array.isArray(action.items)
        ? action.items.map((i) => ({ name: clean(i?.name), reason: clean(i?.reason) }))
        : [];
      if (items.length === 0) return missing('Phiếu yêu cầu bổ sung phải liệt kê ít nhất một giấy tờ cần bổ sung');
      const incomplete = items.findIndex((i) => !i.name || !i.reason);
      if (incomplete >= 0) {
        return missing(`Giấy tờ thứ ${incomplete + 1} trong phiếu yêu cầu bổ sung phải có tên và lý do`);
      }
      const reason = clean(action.reason);
      if (!reason) return missing('Phiếu yêu cầu bổ sung phải ghi rõ lý do');
      const n = s.supplementRequests + 1;
      return apply(s, action, ctx, {
        to: 5,
        holder: 'citizen',
        patch: {
          supplementStage: action.stage,
          supplementRequests: n,
          supplementOverrides: s.supplementOverrides + (override ? 1 : 0),
        },
        note:
          `Yêu cầu bổ sung, hoàn thiện hồ sơ (${STAGE_TEXT[action.stage]}, lần ${n}): ` +
          `${items.map((i) => i.name).join('; ')} — ${reason}` +
          (override ? ` [vượt quy định: ${override.reason}]` : ''),
        form: '02',
        clock: action.stage === 'appraisal' ? 'pause' : null,
        details: { stage: action.stage, items, reason },
        override,
      });
    }
    case 'supplementReceived': {
      if (action.dueAt !== undefined && !isDate(action.dueAt)) return missing('Hạn trả kết quả mới không hợp lệ');
      const note = clean(action.note);
      if (s.supplementStage === 'reception') {
        return apply(s, action, ctx, {
          to: 1,
          holder: 'desk',
          note: 'Nhận hồ sơ bổ sung ở khâu tiếp nhận; kiểm tra lại để tiếp nhận' + (note ? `: ${note}` : ''),
          details: note ? { note } : {},
        });
      }
      const processor = s.processor ?? 'specialist';
      const dueAt = action.dueAt ?? s.dueAt;
      return apply(s, action, ctx, {
        to: 4,
        holder: processor,
        patch: { dueAt },
        note:
          `Nhận hồ sơ bổ sung, chuyển ${PROCESSOR_TEXT[processor]}; thời gian giải quyết tính lại từ đầu` +
          (action.dueAt ? `, hẹn trả mới ${vnDate(action.dueAt)}` : '') +
          (note ? `: ${note}` : ''),
        form: '06',
        clock: 'restart',
        details: { ...(action.dueAt ? { dueAt: action.dueAt } : {}), ...(note ? { note } : {}) },
      });
    }
    case 'forward': {
      if (action.to !== 'specialist' && action.to !== 'external') {
        return missing('Phải chọn nơi chuyển: công chức chuyên môn hoặc cơ quan khác cấp');
      }
      const recipient = clean(action.recipient);
      const note = clean(action.note);
      return apply(s, action, ctx, {
        to: s.status,
        holder: action.to,
        patch: { processor: action.to },
        note: `Chuyển hồ sơ đến ${recipient || PROCESSOR_TEXT[action.to]}` + (note ? `: ${note}` : ''),
        form: '06',
        details: { to: action.to, ...(recipient ? { recipient } : {}), ...(note ? { note } : {}) },
      });
    }
    case 'returnToDesk': {
      const reason = clean(action.reason);
      if (!reason) return missing('Phải nêu lý do chuyển lại hồ sơ cho Bộ phận Một cửa');
      return apply(s, action, ctx, {
        to: s.status,
        holder: 'desk',
        note: `Chuyển lại hồ sơ cho Bộ phận Một cửa: ${reason}`,
        form: '06',
        details: { reason },
      });
    }
    case 'startProcessing': {
      const note = clean(action.note);
      return apply(s, action, ctx, {
        to: 4,
        holder: s.holder,
        note: 'Bắt đầu thẩm định, xử lý hồ sơ' + (note ? `: ${note}` : ''),
        details: note ? { note } : {},
      });
    }
    case 'requestFinancialObligation': {
      const description = clean(action.description);
      if (!description) return missing('Phải ghi rõ nghĩa vụ tài chính công dân cần thực hiện (loại, số tiền)');
      return apply(s, action, ctx, {
        to: 6,
        holder: 'citizen',
        note: `Yêu cầu thực hiện nghĩa vụ tài chính: ${description}`,
        clock: 'pause',
        details: { description },
      });
    }
    case 'obligationFulfilled': {
      const note = clean(action.note);
      const processor = s.processor ?? 'specialist';
      return apply(s, action, ctx, {
        to: 4,
        holder: processor,
        note: 'Công dân đã thực hiện nghĩa vụ tài chính' + (note ? `: ${note}` : ''),
        clock: 'resume',
        details: note ? { note } : {},
      });
    }
    case 'proposeExtension': {
      const checked = checkExtension(s, action.newDueAt, action.reason, ctx);
      if (!checked.ok) return checked;
      const pendingExtension: PendingExtension = {
        newDueAt: checked.newDueAt,
        reason: checked.reason,
        proposedAt: ctx.at,
        proposedBy: ctx.role,
      };
      return apply(s, action, ctx, {
        to: s.status,
        holder: s.holder,
        patch: { pendingExtension },
        note:
          `Đề nghị gia hạn đến ${vnDate(checked.newDueAt)}, kèm văn bản xin lỗi: ${checked.reason}` +
          (s.pendingExtension ? ' (thay đề nghị trước)' : ''),
        form: '04',
        details: { newDueAt: checked.newDueAt, reason: checked.reason },
        warnings: checked.warnings,
      });
    }
    case 'extend': {
      const newDueAt = action.newDueAt ?? s.pendingExtension?.newDueAt;
      const reason = action.reason ?? s.pendingExtension?.reason;
      const checked = checkExtension(s, newDueAt, reason, ctx);
      if (!checked.ok) return checked;
      return apply(s, action, ctx, {
        to: s.status,
        holder: s.holder,
        patch: { extensions: s.extensions + 1, dueAt: checked.newDueAt, pendingExtension: null },
        note: `Gia hạn thời gian giải quyết đến ${vnDate(checked.newDueAt)}: ${checked.reason}`,
        form: '04',
        details: { newDueAt: checked.newDueAt, reason: checked.reason, previousDueAt: s.dueAt },
        warnings: checked.warnings,
      });
    }
    case 'finish': {
      const kind = action.result?.kind;
      if (kind !== 'granted' && kind !== 'rejected') return missing('Phải ghi kết quả giải quyết (chấp thuận hoặc từ chối)');
      const summary = clean(action.result.summary);
      if (!summary) return missing('Phải ghi kết quả giải quyết (tên giấy tờ, văn bản kết quả)');
      const reason = clean(action.result.reason);
      if (kind === 'rejected' && !reason) return missing('Kết quả từ chối giải quyết phải ghi rõ lý do');
      const number = clean(action.result.number);
      const signedOn = clean(action.result.signedOn);
      const described = resultReference(summary, number, signedOn);
      return apply(s, action, ctx, {
        to: 9,
        holder: 'desk',
        patch: { decided: true, pendingExtension: null },
        note:
          (kind === 'granted' ? `Đã xử lý xong: ${described}` : `Đã xử lý xong, từ chối giải quyết: ${described} — ${reason}`) +
          '; chuyển kết quả về Bộ phận Một cửa',
        form: '06',
        clock: 'stop',
        details: { kind, summary, ...(reason ? { reason } : {}), ...(number ? { number } : {}), ...(signedOn ? { signedOn } : {}) },
      });
    }
    case 'returnResult': {
      if (typeof action.method !== 'string' || !Object.hasOwn(METHOD_TEXT, action.method)) return missing('Phải chọn hình thức trả kết quả');
      const details: Record<string, unknown> = { method: action.method };
      let who = '';
      if (action.receivedBy) {
        const name = clean(action.receivedBy.name);
        if (!name) return missing('Phải ghi họ tên người nhận kết quả');
        if (action.receivedBy.proof !== 'slip' && action.receivedBy.proof !== 'id') {
          return missing('Người nhận phải xuất trình Giấy tiếp nhận hoặc giấy tờ tùy thân');
        }
        const authorisation = clean(action.receivedBy.authorisation);
        if (action.receivedBy.authorised && !action.receivedBy.powerOfAttorney && !authorisation) {
          return missing('Người được ủy quyền nhận kết quả phải có văn bản ủy quyền');
        }
        details.receivedBy = { ...action.receivedBy, name, ...(authorisation ? { authorisation, powerOfAttorney: true } : {}) };
        who =
          `, người nhận: ${name}` +
          (action.receivedBy.authorised ? ` (được ủy quyền${authorisation ? ` theo ${authorisation}` : ''})` : '');
      }
      let fee = '';
      if (action.fee) {
        const exemptReason = clean(action.fee.exemptReason);
        const receiptNo = clean(action.fee.receiptNo);
        if (action.fee.amount === 0 && !exemptReason) return missing('Miễn phí, lệ phí phải ghi lý do miễn');
        details.fee = { amount: action.fee.amount, ...(receiptNo ? { receiptNo } : {}), ...(exemptReason ? { exemptReason } : {}) };
        fee =
          action.fee.amount === 0
            ? `, miễn phí, lệ phí (${exemptReason})`
            : `, đã thu ${action.fee.amount.toLocaleString('vi-VN')} đồng` + (receiptNo ? ` (biên lai số ${receiptNo})` : '');
      }
      const postalItem = clean(action.postalItem).toUpperCase();
      if (postalItem) details.postalItem = postalItem;
      return apply(s, action, ctx, {
        to: 10,
        holder: 'citizen',
        note: `Trả kết quả ${METHOD_TEXT[action.method]}${who}${fee}` + (postalItem ? `, số hiệu bưu gửi ${postalItem}` : ''),
        details,
      });
    }
    case 'withdraw': {
      const reason = clean(action.reason);
      return apply(s, action, ctx, {
        to: 7,
        holder: 'desk',
        patch: { resume: { status: s.status, holder: s.holder, supplementStage: s.supplementStage } },
        note: 'Công dân yêu cầu rút hồ sơ' + (reason ? `: ${reason}` : ''),
        details: reason ? { reason } : {},
      });
    }
    case 'cancelWithdrawal': {
      const reason = clean(action.reason);
      if (!reason) return missing('Hủy yêu cầu rút hồ sơ phải ghi lý do');
      const back = s.resume!;
      return apply(s, action, ctx, {
        to: back.status,
        holder: back.holder,
        patch: { supplementStage: back.supplementStage },
        note: `Hủy yêu cầu rút hồ sơ, tiếp tục giải quyết: ${reason}`,
        details: { reason },
      });
    }
    case 'stop': {
      const reason = clean(action.reason);
      if (!reason) return missing('Dừng giải quyết hồ sơ phải ghi lý do (Mẫu 05)');
      return apply(s, action, ctx, {
        to: 8,
        holder: 'desk',
        patch: { pendingExtension: null },
        note: `Dừng giải quyết hồ sơ theo yêu cầu của công dân: ${reason}`,
        form: '05',
        clock: 'stop',
        details: { reason },
      });
    }
  }
}

function checkExtension(
  s: DossierLifecycleState,
  newDueAt: unknown,
  reasonRaw: unknown,
  ctx: LifecycleContext,
): { ok: true; newDueAt: Date; reason: string; warnings: string[] } | Refusal {
  if (!isDate(newDueAt)) return missing('Gia hạn phải có ngày hẹn trả mới');
  const reason = clean(reasonRaw);
  if (!reason) return missing('Gia hạn phải ghi rõ lý do chậm trễ (văn bản xin lỗi, Mẫu 04)');
  if (s.dueAt && newDueAt.getTime() <= s.dueAt.getTime()) {
    return missing(`Ngày hẹn trả mới phải sau hạn hiện tại ${vnDate(s.dueAt)}`);
  }
  if (newDueAt.getTime() <= ctx.at.getTime()) return missing('Ngày hẹn trả mới phải ở tương lai');
  const warnings: string[] = [];
  if (s.dueAt && ctx.at.getTime() > s.dueAt.getTime() - DAY_MS) {
    warnings.push(
      `Văn bản xin lỗi, gia hạn phải gửi chậm nhất 01 ngày trước hạn trả ${vnDate(s.dueAt)} (NĐ 118/2025 Đ19.6)`,
    );
  }
  return { ok: true, newDueAt, reason, warnings };
}

export interface AvailableAction {
  type: ActionType;
  label: string;
  /** Only past a limit: the UI must ask for the override reason. */
  requiresOverride: boolean;
  /** For requestSupplement: the stages possible now. */
  stages?: SupplementStage[];
}

/**
 * What this role may do now (the payload still has to be complete). An action past an overridable limit is listed
 * with `requiresOverride`; one past a hard limit is not listed.
 */
export function availableActions(state: DossierLifecycleState, role: Role): AvailableAction[] {
  const out: AvailableAction[] = [];
  for (const type of ACTION_TYPES) {
    const stages: SupplementStage[] =
      type === 'requestSupplement'
        ? (['reception', 'appraisal'] as const).filter(
            (stage) => !stateGuard(state, type, { stage }) && !roleGuard(state, type, role, { stage }),
          )
        : [];
    if (type === 'requestSupplement') {
      if (stages.length === 0) continue;
    } else if (stateGuard(state, type) || roleGuard(state, type, role)) continue;
    const limit = limitGuard(state, type);
    if (limit && !limit.overridable) continue;
    const entry: AvailableAction = { type, label: ACTION_LABELS[type], requiresOverride: Boolean(limit) };
    if (type === 'requestSupplement') entry.stages = stages;
    out.push(entry);
  }
  return out;
}
