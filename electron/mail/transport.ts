import nodemailer from 'nodemailer';
import type { MailSecurity } from '../contract/documents';
import { headerSafe } from './templates';

/** What the transport needs of the mail settings (never the password: it comes from the secret store). */
export interface MailerSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  fromName: string;
  fromAddress: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachment?: { filename: string; content: Buffer };
}

export interface Mailer {
  /** Connects, upgrades to TLS as configured and logs in; rejects with a MailError. */
  verify(): Promise<void>;
  send(msg: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

/** Short enough that "Kiểm tra kết nối" answers while the officer waits, and a send never outlives the stale limit. */
export const DEFAULT_TIMEOUTS: MailerTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };

/**
 * A failure the officer can act on: `message` in Vietnamese ending with the original code in parentheses;
 * `permanent` when the server refused this mail for good (retrying the same mail gets the same answer);
 * `serverWide` when the server could not be used at all (connection, login, TLS), so the other mails wait too.
 */
export class MailError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly permanent: boolean,
    readonly serverWide: boolean,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

interface SmtpFailure extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  command?: string;
  recipient?: string;
  rejected?: string[];
}

const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/;

/** Maps a nodemailer error to words an officer understands, keeping the technical code for the IT person. */
export function toMailError(err: unknown, where: { host: string; port: number }): MailError {
  if (err instanceof MailError) return err;
  const e = (err ?? {}) as SmtpFailure;
  const code = e.code ?? 'UNKNOWN';
  const original = e.originalCode ?? '';
  // The server's reply already starts with its code ("451 4.3.0 Try later"); the bare code when there is no text.
  const reply = e.response ? ` ${short(e.response)}` : e.responseCode ? ` ${e.responseCode}` : '';
  const tag = `(${[code, original].filter(Boolean).join('/')}${reply})`;
  const server = `${where.host}:${where.port}`;
  const mk = (text: string, permanent: boolean, serverWide: boolean) =>
    new MailError(`${text} ${tag}`, code, permanent, serverWide);

  if (CERT_CODES.test(original) || CERT_CODES.test(code)) {
    return mk(
      `Chứng chỉ bảo mật của máy chủ thư ${server} không hợp lệ (tự ký, hết hạn hoặc không đúng tên máy chủ).`,
      false,
      true,
    );
  }
  if (code === 'ETLS' || /^ERR_(SSL|TLS)/.test(original) || (code === 'ESOCKET' && /ssl|tls/i.test(e.message ?? ''))) {
    return mk(
      `Lỗi bảo mật TLS khi kết nối máy chủ thư ${server}. Hãy kiểm tra kiểu bảo mật và cổng ` +
        '(thường: STARTTLS với cổng 587, TLS với cổng 465).',
      false,
      true,
    );
  }
  if (code === 'ETIMEDOUT' || original === 'ETIMEDOUT') {
    return mk(`Hết thời gian chờ máy chủ thư ${server} trả lời. Hãy kiểm tra mạng, tên máy chủ và cổng.`, false, true);
  }
  if (code === 'EDNS' || original === 'ENOTFOUND' || original === 'EAI_AGAIN') {
    return mk(`Không tìm thấy máy chủ thư "${where.host}". Hãy kiểm tra tên máy chủ và kết nối mạng.`, false, true);
  }
  if (code === 'ESOCKET' || code === 'ECONNECTION' || /^E(CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|PIPE)$/.test(original)) {
    return mk(
      `Không kết nối được tới máy chủ thư ${server}. Hãy kiểm tra tên máy chủ, cổng và kết nối mạng.`,
      false,
      true,
    );
  }
  if (code === 'EAUTH') {
    return mk('Máy chủ thư từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu.', false, true);
  }
  if (code === 'ENOAUTH') {
    return mk('Máy chủ thư yêu cầu đăng nhập: hãy nhập tên đăng nhập và mật khẩu.', false, true);
  }
  if (code === 'EENVELOPE') {
    const who = e.rejected?.join(', ') || e.recipient || '';
    const whom = who ? ` ${who}` : '';
    return e.permanent
      ? mk(`Máy chủ thư từ chối địa chỉ người nhận${whom}. Hãy kiểm tra lại địa chỉ e-mail.`, true, false)
      : mk(`Máy chủ thư tạm thời chưa nhận thư cho người nhận${whom}; sẽ thử lại.`, false, false);
  }
  if (e.responseCode) {
    return e.permanent
      ? mk('Máy chủ thư từ chối nhận thư này.', true, false)
      : mk('Máy chủ thư tạm thời chưa nhận thư; sẽ thử lại.', false, false);
  }
  return mk(`Gửi thư không thành công: ${short(e.message ?? String(err))}.`, false, false);
}

const short = (s: string): string => headerSafe(s).slice(0, 160);

/** The SMTP options for a security choice: plain (no STARTTLS at all), STARTTLS required, or TLS from the start. */
export function transportOptions(settings: MailerSettings, password: string | null, t: MailerTimeouts = DEFAULT_TIMEOUTS) {
  const security = {
    none: { secure: false, ignoreTLS: true },
    starttls: { secure: false, requireTLS: true },
    tls: { secure: true },
  }[settings.security];
  return {
    host: settings.host,
    port: settings.port,
    ...security,
    auth: settings.user ? { user: settings.user, pass: password ?? '' } : undefined,
    connectionTimeout: t.connectionMs,
    greetingTimeout: t.greetingMs,
    socketTimeout: t.socketMs,
    // Refuse TLS older than 1.2; certificates are verified (rejectUnauthorized stays on).
    tls: { minVersion: 'TLSv1.2' as const },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export function createMailer(settings: MailerSettings, password: string | null, timeouts?: MailerTimeouts): Mailer {
  const transport = nodemailer.createTransport(transportOptions(settings, password, timeouts));
  const where = { host: settings.host, port: settings.port };
  const from = settings.fromName
    ? { name: headerSafe(settings.fromName), address: settings.fromAddress }
    : settings.fromAddress;
  return {
    async verify() {
      try {
        await transport.verify();
      } catch (err) {
        throw toMailError(err, where);
      }
    },
    async send(msg) {
      try {
        const info = await transport.sendMail({
          from,
          to: headerSafe(msg.to),
          subject: headerSafe(msg.subject),
          text: msg.text,
          html: msg.html,
          attachments: msg.attachment
            ? [{ filename: msg.attachment.filename, content: msg.attachment.content }]
            : [],
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw toMailError(err, where);
      }
    },
    close: () => transport.close(),
  };
}
