import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import {
  DeskError,
  FORM_TITLES,
  MAIL_DEFAULTS,
  MAIL_KIND_FORMS,
  mailSettingsInput,
  outboxQuery,
  type MailKind,
  type MailSettings,
  type MailSettingsInput,
  type OutboxItem,
  type OutboxPage,
} from '../contract';
import type { Db } from '../db/connection';
import { outboxRepo, type OutboxDbRow, type OutboxStatus } from '../db/outbox-repo';
import type { SettingsRepo } from '../db/settings-repo';
import { MAX_ATTEMPTS, PASS_LIMIT, STALE_SENDING_MS, nextAttemptAt } from '../mail/outbox-policy';
import type { SecretStore } from '../mail/secrets';
import { headerSafe, lookupUrlFor, renderMail, textToHtml } from '../mail/templates';
import { createMailer, toMailError, type Mailer, type MailerSettings } from '../mail/transport';

const KEY = 'mail_settings';

/** What a mail needs to know of its dossier (the agency is the one in force when the dossier was received). */
export interface MailDossier {
  code: string;
  applicantName: string;
  email: string;
  procedureName: string;
  dueAt: Date | null;
  agencyName: string;
  agencyAddress: string;
  agencyPhone: string;
}

export interface MailDeps {
  db: Db;
  settings: SettingsRepo;
  secrets: SecretStore;
  clock: () => Date;
  officerId: () => number | null;
  dossierFor(id: number): MailDossier | null;
  /** A generated document's bytes (the documents table keeps them). */
  documentFor(id: number): { fileName: string; content: Buffer } | null;
  /** The newest version of a form issued for the dossier. */
  latestDocument(dossierId: number, form: string): { id: number } | null;
  /** The lookup address of the document settings ("{code}" placeholder or "?ma=" appended; '' for none). */
  lookupUrl: () => string;
  /** Tests and the CLI may swap the SMTP client; the desk uses nodemailer. */
  createMailer?: (settings: MailerSettings, password: string | null) => Mailer;
}

export interface EnqueueInput {
  dossierId: number;
  kind: MailKind;
  /** default: the applicant's e-mail */
  to?: string;
  /** default: the newest document of the kind's form */
  documentId?: number | null;
  /** apology (Mẫu 04): the new appointment; default the dossier's due date as it stands */
  newDueAt?: Date | null;
  /** supplement: what to bring; refusal, apology, stop: the reason */
  reason?: string;
}

type StoredSettings = Omit<MailSettings, 'hasPassword' | 'passwordSource' | 'passwordEditable'>;

const NOT_ENABLED_NOTE = 'Đang chờ: chức năng gửi thư chưa bật hoặc chưa cấu hình (Cài đặt → Thư điện tử).';
const INTERRUPTED_NOTE = 'Lần gửi trước bị gián đoạn (phần mềm tắt đột ngột); thư có thể đã đến người nhận.';
const email = z.email();

const parseJson = (raw: string): object => {
  try {
    return JSON.parse(raw) as object;
  } catch {
    return {}; // a damaged value reads as the defaults; saving again repairs it
  }
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * E-mail to citizens: the SMTP settings (the password lives in a SecretStore, never in the database), a Vietnamese
 * mail rendered when it is queued, and an outbox sent by passes with retries and back-off.
 */
export function mailService(deps: MailDeps) {
  const repo = outboxRepo(deps.db);
  const makeMailer = deps.createMailer ?? createMailer;

  const stored = (): StoredSettings => {
    const raw = deps.settings.getState(KEY);
    const parsed = raw ? mailSettingsInput.safeParse({ ...MAIL_DEFAULTS, ...parseJson(raw) }) : null;
    const { password: _password, ...value } = parsed?.success ? parsed.data : { ...MAIL_DEFAULTS, password: undefined };
    return value;
  };
  /** Mail goes out only when turned on and complete; otherwise the outbox keeps it. */
  const ready = (s: StoredSettings) => s.enabled && s.host !== '' && s.fromAddress !== '';

  const hasPassword = (): boolean => {
    try {
      return deps.secrets.get() !== null;
    } catch {
      return true; // something is stored but unreadable: the connection test says why
    }
  };

  const getSettings = (): MailSettings => ({
    ...stored(),
    hasPassword: hasPassword(),
    passwordSource: deps.secrets.source,
    passwordEditable: deps.secrets.editable,
  });

  const toItem = (row: OutboxDbRow, waiting = !ready(stored())): OutboxItem => ({
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    documentId: row.documentId,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.nextAttemptAt),
    lastError: row.lastError ?? (row.status === 'queued' && waiting ? NOT_ENABLED_NOTE : null),
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: iso(row.sentAt),
  });

  const requireRow = (id: number): OutboxDbRow => {
    const row = repo.byId(id);
    if (!row) throw new DeskError('NOT_FOUND', `Không tìm thấy thư số ${id} trong hộp thư đi`);
    return row;
  };

  const enqueue = (input: EnqueueInput): OutboxItem => {
    const dossier = deps.dossierFor(input.dossierId);
    if (!dossier) throw new DeskError('NOT_FOUND', `Không tìm thấy hồ sơ số ${input.dossierId}`);
    // '' from a form means "the applicant's address".
    const to = headerSafe(input.to?.trim() || dossier.email);
    if (to === '') {
      throw new DeskError('VALIDATION', 'Người nộp hồ sơ không có địa chỉ e-mail; hãy nhập địa chỉ người nhận.', [
        { path: 'to', message: 'Chưa có địa chỉ e-mail người nhận' },
      ]);
    }
    if (!email.safeParse(to).success) {
      throw new DeskError('VALIDATION', `Địa chỉ e-mail "${to}" không hợp lệ.`, [{ path: 'to', message: 'E-mail người nhận không hợp lệ' }]);
    }
    const form = MAIL_KIND_FORMS[input.kind];
    let documentId: number | null = null;
    if (form !== null) {
      documentId = input.documentId ?? deps.latestDocument(input.dossierId, form)?.id ?? null;
      if (documentId === null) {
        throw new DeskError(
          'INVALID_STATE',
          `Hồ sơ ${dossier.code} chưa có Mẫu ${form} (${FORM_TITLES[form]}); chưa gửi được thư này.`,
          { form },
        );
      }
    }
    // After an extension the dossier's due date already is the new appointment (the apology's default).
    const apology = input.kind === 'apology';
    const mail = renderMail({
      kind: input.kind,
      agencyName: dossier.agencyName,
      agencyAddress: dossier.agencyAddress,
      agencyPhone: dossier.agencyPhone,
      code: dossier.code,
      applicantName: dossier.applicantName,
      procedureName: dossier.procedureName,
      dueAt: apology && !input.newDueAt ? null : dossier.dueAt,
      newDueAt: apology ? (input.newDueAt ?? dossier.dueAt) : null,
      reason: input.reason,
      lookupUrl: lookupUrlFor(deps.lookupUrl(), dossier.code),
    });
    const id = repo.insert({
      dossierId: input.dossierId,
      documentId,
      kind: input.kind,
      toAddress: to,
      subject: mail.subject,
      body: mail.text,
      officerId: deps.officerId(),
      createdAt: deps.clock().getTime(),
    });
    return toItem(requireRow(id));
  };

  /**
   * One pass: recover rows a crash left in 'sending', then claim due rows one at a time (each claim is its own
   * guarded UPDATE, so another desk process never takes the same row) and send them. A server-wide failure
   * (connection, login, TLS) ends the pass: the other mails wait for the next one instead of burning attempts.
   */
  const pass = async (): Promise<{ sent: number; failed: number }> => {
    const result = { sent: 0, failed: 0 };
    const settings = stored();
    if (!ready(settings)) return result;
    const started = deps.clock().getTime();
    repo.recoverStale(started - STALE_SENDING_MS, started, MAX_ATTEMPTS, INTERRUPTED_NOTE);
    let password: string | null;
    try {
      password = deps.secrets.get();
    } catch (err) {
      console.warn('[mail] password unavailable:', (err as Error).message);
      return result;
    }
    let mailer: Mailer | null = null;
    try {
      for (let n = 0; n < PASS_LIMIT; n++) {
        const id = deps.db.transaction(() => repo.claimNext(deps.clock().getTime())).immediate();
        if (id === undefined) break;
        const row = requireRow(id);
        // Whatever goes wrong from here, the row leaves 'sending' (a bug must not park it for the stale limit).
        try {
          const doc = row.documentId !== null ? deps.documentFor(row.documentId) : null;
          if (row.documentId !== null && !doc) {
            repo.markFailed(id, `Không tìm thấy văn bản đính kèm số ${row.documentId}.`, deps.clock().getTime());
            result.failed++;
            continue;
          }
          mailer ??= makeMailer(settings, password);
          const sent = await mailer.send({
            to: row.toAddress,
            subject: row.subject,
            text: row.body,
            html: textToHtml(row.body, row.subject),
            ...(doc ? { attachment: { filename: doc.fileName, content: doc.content } } : {}),
          });
          repo.markSent(id, sent.messageId, deps.clock().getTime());
          result.sent++;
        } catch (err) {
          const failure = toMailError(err, settings);
          const now = deps.clock();
          const next = failure.permanent ? null : nextAttemptAt(row.attempts, now);
          if (next) repo.markRetry(id, failure.message, next.getTime(), now.getTime());
          else repo.markFailed(id, failure.message, now.getTime());
          result.failed++;
          if (failure.serverWide) break;
        }
      }
    } finally {
      mailer?.close();
    }
    return result;
  };

  let running: Promise<{ sent: number; failed: number }> | null = null;

  return {
    getSettings,

    /** Stores the settings (never the password) and the password in its store: undefined keeps it, '' removes it. */
    saveSettings(input: MailSettingsInput): MailSettings {
      const parsed = mailSettingsInput.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new DeskError('VALIDATION', issues[0]?.message ?? 'Cài đặt thư không hợp lệ', issues);
      }
      const { password, ...value } = parsed.data;
      if (password !== undefined) deps.secrets.set(password === '' ? null : password);
      deps.settings.setState(KEY, JSON.stringify(value));
      return getSettings();
    },

    /** Connects, upgrades to TLS and logs in as the saved settings say; the answer is for the officer. */
    async testConnection(): Promise<{ ok: boolean; message: string; ms: number }> {
      const settings = stored();
      const t0 = performance.now();
      const ms = () => Math.round(performance.now() - t0);
      if (settings.host === '') return { ok: false, message: 'Chưa nhập máy chủ SMTP.', ms: 0 };
      let mailer: Mailer | null = null;
      try {
        const password = deps.secrets.get();
        if (settings.user !== '' && password === null) {
          return { ok: false, message: 'Đã nhập tên đăng nhập nhưng chưa có mật khẩu SMTP.', ms: ms() };
        }
        mailer = makeMailer(settings, password);
        await mailer.verify();
        const how = { none: 'không mã hóa', starttls: 'STARTTLS', tls: 'TLS' }[settings.security];
        const login = settings.user ? `, đăng nhập được với tài khoản ${settings.user}` : '';
        return { ok: true, message: `Kết nối được tới ${settings.host}:${settings.port} (${how})${login}.`, ms: ms() };
      } catch (err) {
        const message = err instanceof DeskError ? err.message : toMailError(err, settings).message;
        return { ok: false, message, ms: ms() };
      } finally {
        mailer?.close();
      }
    },

    /** Queues a mail; synchronous, so it can run inside the transaction of the action that causes it. */
    enqueue,

    /**
     * The automatic mail of an action (accept → slip, supplement, …), for use inside the action's transaction: queued
     * only when mail is on, "gửi tự động" is on and the applicant gave a valid address; null otherwise. It never
     * throws for the address, so a bad e-mail on file cannot roll back the acceptance. (While mail is off nothing is
     * queued automatically: turning it on months later must not send a backlog of stale slips.)
     */
    enqueueAuto(input: Omit<EnqueueInput, 'to'>): OutboxItem | null {
      const s = stored();
      if (!s.enabled || !s.autoSend) return null;
      const address = headerSafe(deps.dossierFor(input.dossierId)?.email ?? '');
      if (address === '' || !email.safeParse(address).success) return null;
      return enqueue(input);
    },

    list(query: z.input<typeof outboxQuery>): OutboxPage {
      const parsed = outboxQuery.safeParse(query);
      if (!parsed.success) throw new DeskError('VALIDATION', parsed.error.issues[0]?.message ?? 'Điều kiện lọc không hợp lệ');
      const q = parsed.data;
      const rows = repo.page({ ...q, limit: q.limit + 1 });
      const waiting = !ready(stored());
      const items = rows.slice(0, q.limit).map((r) => toItem(r, waiting));
      const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
      for (const c of repo.counts(q.dossierId)) counts[c.status] = c.n;
      return { items, next: rows.length > q.limit ? items[items.length - 1]!.id : null, counts };
    },

    /** A failed or cancelled mail goes back to the queue now, with a fresh back-off. */
    retry(id: number): OutboxItem {
      const row = requireRow(id);
      if (!repo.requeue(id, deps.clock().getTime())) {
        throw new DeskError('INVALID_STATE', 'Chỉ gửi lại được thư đã thất bại hoặc đã hủy.', { status: row.status });
      }
      return toItem(requireRow(id));
    },

    cancel(id: number): OutboxItem {
      const row = requireRow(id);
      if (!repo.cancel(id, deps.clock().getTime())) {
        const why = {
          sending: 'Thư đang được gửi; không hủy được.',
          sent: 'Thư đã gửi đi; không hủy được.',
          cancelled: 'Thư đã được hủy trước đó.',
        } as Record<string, string>;
        throw new DeskError('INVALID_STATE', why[row.status] ?? 'Chỉ hủy được thư đang chờ gửi hoặc đã thất bại.', {
          status: row.status,
        });
      }
      return toItem(requireRow(id));
    },

    /** Sends what is due. Concurrent calls share the running pass (a timer tick and a button never send twice). */
    processDue(): Promise<{ sent: number; failed: number }> {
      running ??= pass().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type MailService = ReturnType<typeof mailService>;
