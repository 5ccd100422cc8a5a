import { z } from 'zod';
import { isoDay } from './counter';
import { noMarkup, text } from './primitives';

/**
 * Official documents (issue 5): the document settings (paper, QR lookup address), issuing a form for a dossier, the
 * tracking register (Mẫu 07), printer profiles and the print log, e-mail settings and the outbox.
 */

// ---------- Documents ----------

export const LEGAL_REGIMES = ['TT03-2025', 'TT01-2018'] as const;
export type LegalRegime = (typeof LEGAL_REGIMES)[number];

export const PAPERS = ['A5', 'A4'] as const;
export type PaperSize = (typeof PAPERS)[number];

/**
 * The desk's own receipt for a result returned at the counter ("Giấy biên nhận trả kết quả"): not one of TT 03/2025's
 * numbered forms, so it has a letter code that can never be taken for "Mẫu NN".
 */
export const RECEIPT_FORM = 'BN' as const;

/** The forms a dossier can be given on request (Mẫu 07 is the register, not a dossier's paper). */
export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06', RECEIPT_FORM] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

/** A numbered form of TT 03/2025 Phụ lục I ("Mẫu 01" …), as opposed to the desk's receipt. */
export const isNumberedForm = (form: string): boolean => /^\d{2}$/.test(form);

/** How the desk's logs and print queues name a form: "Mẫu 01" …, "Biên nhận" for the receipt. */
export const formShortName = (form: string): string => (isNumberedForm(form) ? `Mẫu ${form}` : form === RECEIPT_FORM ? 'Biên nhận' : form);

export const FORM_TITLES: Readonly<Record<DossierForm | '07', string>> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  '04': 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  '05': 'Thông báo dừng giải quyết hồ sơ',
  '06': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  '07': 'Sổ theo dõi hồ sơ',
  BN: 'Giấy biên nhận trả kết quả giải quyết thủ tục hành chính',
};

const httpsUrl = text(300, 'Địa chỉ tra cứu').pipe(
  z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/, error: 'Địa chỉ tra cứu phải là địa chỉ web (https://…)' }),
  ]),
);

/**
 * What the slip's QR code says: the dossier code alone, or the lookup address carrying it — `{code}` in the address
 * is replaced by the code, otherwise the code is appended as the `ma` query parameter. Shared by the PDFs, the
 * e-mails and the settings screen's example.
 */
export function lookupAddress(code: string, lookupUrl?: string): string {
  const c = code.normalize('NFC').trim();
  const url = lookupUrl?.trim();
  if (!url) return c;
  const enc = encodeURIComponent(c);
  if (url.includes('{code}')) return url.split('{code}').join(enc);
  return `${url}${url.includes('?') ? '&' : '?'}ma=${enc}`;
}

export const documentSettings = z.object({
  /** Paper of the slips (Mẫu 01–06 and the return receipt); TT 01/2018 printed them on A5. */
  slipPaper: z.enum(PAPERS, { error: 'Khổ giấy không hợp lệ' }),
  /** The register (Mẫu 07) is always landscape; A4 by default. */
  registerPaper: z.enum(PAPERS, { error: 'Khổ giấy không hợp lệ' }),
  /**
   * Encoded in the slip's QR code with the dossier code: "{code}" in it is replaced by the code, otherwise
   * "?ma=<code>" is appended. Empty: the QR holds the code alone.
   */
  lookupUrl: httpsUrl,
});
export type DocumentSettings = z.output<typeof documentSettings>;
export const DOCUMENT_DEFAULTS: DocumentSettings = {
  slipPaper: 'A5',
  registerPaper: 'A4',
  lookupUrl: 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}',
};

/**
 * Issue a form for a dossier now. Mẫu 01–03 are issued by the actions that cause them (accept, supplement, refuse;
 * Mẫu 03 also by a finish whose result is a refusal); asking again for one of those gives the stored document (a
 * reprint: the same bytes). Mẫu 06 is drawn from the dossier's hand-overs as they stand (a new version when they
 * changed). Mẫu 04 and 05 are issued by the extension and the stop, the receipt (BN) by the return of the result at
 * the counter; here they are reprinted.
 */
export const issueDocumentInput = z.object({
  dossierId: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  form: z.enum(DOSSIER_FORMS, { error: 'Văn bản phải là Mẫu 01–06 hoặc Giấy biên nhận trả kết quả (BN)' }),
});

// ---------- The tracking register (Mẫu 07) ----------

export const registerQuery = z
  .object({
    year: z.number({ error: 'Năm phải là số' }).int().min(2000).max(2100),
    /** Accepted from this Vietnamese calendar day, inclusive (within the year). */
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Register number to continue after (paging). */
    after: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] });
export type RegisterQuery = z.output<typeof registerQuery>;

/** One line of the register, with the columns of Mẫu 07. Times are ISO instants. */
export const registerRow = z.object({
  no: z.number().int(),
  dossierId: z.number().int(),
  code: z.string(),
  procedureName: z.string(),
  sets: z.number().int(),
  applicantName: z.string(),
  /** "address; phone" */
  contact: z.string(),
  /** cơ quan chủ trì giải quyết */
  handlingBody: z.string(),
  acceptedAt: z.string(),
  dueAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  resultAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** status in words, supplement / extension / late notes */
  note: z.string(),
});
export type RegisterRow = z.output<typeof registerRow>;

export const registerPage = z.object({
  year: z.number().int(),
  rows: z.array(registerRow),
  /** rows in the whole period */
  total: z.number().int(),
  /** pass as `after` for the next page; null at the end */
  next: z.number().int().nullable(),
});
export type RegisterPage = z.output<typeof registerPage>;

export const REGISTER_FORMATS = ['xlsx', 'pdf'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

// ---------- Printing ----------

export const PRINT_KINDS = ['slip', 'register'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export const printerInfo = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  /** "idle", "printing", "disabled"… as the system says it, or "" */
  state: z.string(),
});
export const printersView = z.object({
  /** How this machine prints: CUPS (Linux), the Windows spooler, or none (the print dialog only). */
  system: z.enum(['cups', 'windows', 'none']),
  printers: z.array(printerInfo),
  /** Why the list is empty, in Vietnamese. */
  problem: z.string().nullable(),
});
export type PrintersView = z.output<typeof printersView>;

export const printerProfile = z.object({
  kind: z.enum(PRINT_KINDS),
  /** null: the system's default printer */
  printer: text(200, 'Máy in').nullable(),
  paper: z.enum(PAPERS, { error: 'Khổ giấy không hợp lệ' }),
  copies: z.number({ error: 'Số bản in phải là số' }).int().min(1, { error: 'In ít nhất 1 bản' }).max(10, { error: 'In tối đa 10 bản' }),
  /** true: print straight away; false: show the print dialog */
  silent: z.boolean(),
});
export type PrinterProfile = z.output<typeof printerProfile>;

export const printSettings = z.object({
  /** This counter (this PC): DESK_COUNTER or the computer name. */
  counter: z.string(),
  profiles: z.array(printerProfile),
});
export type PrintSettings = z.output<typeof printSettings>;
export const savePrintSettingsInput = z.object({ profiles: z.array(printerProfile).min(1).max(2) });

export const printDocumentInput = z.object({
  documentId: z.number({ error: 'Mã văn bản phải là số' }).int().positive(),
  /** overrides the profile's copies for this print */
  copies: z.number().int().min(1).max(10).optional(),
});

/** The desk printed it (silent profile), or the screen must show the print dialog and then record it. */
export const printOutcome = z.object({
  method: z.enum(['cups', 'windows', 'dialog']),
  printer: z.string().nullable(),
  copies: z.number().int(),
  job: z.string().nullable(),
  logId: z.number().int().nullable(),
});
export type PrintOutcome = z.output<typeof printOutcome>;

/** After the print dialog of the browser door or the app: what was printed, for the log. */
export const recordPrintInput = z.object({
  documentId: z.number().int().positive(),
  copies: z.number().int().min(1).max(10).default(1),
});

export const printLogEntry = z.object({
  id: z.number().int(),
  documentId: z.number().int().nullable(),
  dossierId: z.number().int().nullable(),
  dossierCode: z.string().nullable(),
  what: z.string(),
  counter: z.string(),
  printer: z.string().nullable(),
  copies: z.number().int(),
  method: z.enum(['cups', 'windows', 'dialog']),
  job: z.string().nullable(),
  status: z.enum(['sent', 'failed']),
  error: z.string().nullable(),
  officerName: z.string().nullable(),
  createdAt: z.string(),
});
export type PrintLogEntry = z.output<typeof printLogEntry>;
export const printLogQuery = z.object({
  dossierId: z.number().int().positive().optional(),
  /** id to continue before (newest first) */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const printLogPage = z.object({ items: z.array(printLogEntry), next: z.number().int().nullable() });

// ---------- E-mail ----------

export const MAIL_SECURITY = ['none', 'starttls', 'tls'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

/** Where the SMTP password lives: Electron's safeStorage, a protected file or the environment (server door). */
export const SECRET_SOURCES = ['safeStorage', 'file', 'env', 'none'] as const;
export type SecretSource = (typeof SECRET_SOURCES)[number];

const mailAddress = (label: string) =>
  text(120, label).pipe(z.union([z.literal(''), z.email({ error: `${label} không hợp lệ` })]));

export const mailSettingsInput = z
  .object({
    enabled: z.boolean(),
    host: text(200, 'Máy chủ SMTP').pipe(z.string().regex(/^[A-Za-z0-9.:[\]-]*$/, { error: 'Tên máy chủ SMTP không hợp lệ' })),
    port: z.number({ error: 'Cổng phải là số' }).int().min(1, { error: 'Cổng từ 1 đến 65535' }).max(65535, { error: 'Cổng từ 1 đến 65535' }),
    security: z.enum(MAIL_SECURITY, { error: 'Kiểu bảo mật không hợp lệ' }),
    user: text(200, 'Tên đăng nhập'),
    /** undefined: keep the stored password; '' removes it. Never sent back. */
    password: z.string().max(500).optional(),
    fromName: text(120, 'Tên người gửi').pipe(noMarkup('Tên người gửi')),
    fromAddress: mailAddress('Địa chỉ gửi'),
    /** Queue the e-mail of a form (and "result ready") by itself when the applicant gave an address. */
    autoSend: z.boolean(),
  })
  .refine((m) => !m.enabled || (m.host !== '' && m.fromAddress !== ''), {
    error: 'Hãy nhập máy chủ SMTP và địa chỉ gửi trước khi bật gửi thư',
    path: ['host'],
  });
export type MailSettingsInput = z.input<typeof mailSettingsInput>;

export const mailSettings = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(MAIL_SECURITY),
  user: z.string(),
  fromName: z.string(),
  fromAddress: z.string(),
  autoSend: z.boolean(),
  hasPassword: z.boolean(),
  passwordSource: z.enum(SECRET_SOURCES),
  /** false when the password cannot be changed from here (it comes from the environment). */
  passwordEditable: z.boolean(),
});
export type MailSettings = z.output<typeof mailSettings>;
export const MAIL_DEFAULTS = { enabled: false, host: '', port: 587, security: 'starttls', user: '', fromName: '', fromAddress: '', autoSend: true } as const;

export const mailTestResult = z.object({ ok: z.boolean(), message: z.string(), ms: z.number().int() });

/** The Vietnamese e-mails the desk sends; each but resultReady carries its form as a PDF. */
export const MAIL_KINDS = ['slip', 'supplement', 'refusal', 'apology', 'stop', 'resultReady'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_KIND_FORMS: Readonly<Record<MailKind, DossierForm | null>> = {
  slip: '01',
  supplement: '02',
  refusal: '03',
  apology: '04',
  stop: '05',
  resultReady: null,
};

export const sendMailInput = z.object({
  dossierId: z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive(),
  kind: z.enum(MAIL_KINDS, { error: 'Loại thư không hợp lệ' }),
  /** default: the applicant's e-mail */
  to: mailAddress('E-mail người nhận').optional(),
});

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const outboxItem = z.object({
  id: z.number().int(),
  dossierId: z.number().int().nullable(),
  dossierCode: z.string().nullable(),
  documentId: z.number().int().nullable(),
  kind: z.enum(MAIL_KINDS),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.output<typeof outboxItem>;
export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  dossierId: z.number().int().positive().optional(),
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const outboxPage = z.object({
  items: z.array(outboxItem),
  next: z.number().int().nullable(),
  counts: z.record(z.enum(OUTBOX_STATUSES), z.number().int()),
});
export type OutboxPage = z.output<typeof outboxPage>;
export const outboxRef = z.object({ id: z.number().int().positive() });
