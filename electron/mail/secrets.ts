import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../contract/errors';

/**
 * Where the SMTP password lives. It is never written to the database nor sent to the screen: the desk keeps it in
 * Electron's safeStorage (the app), a file only this user can read (the server door) or the environment.
 */
export interface SecretStore {
  readonly source: 'safeStorage' | 'file' | 'env' | 'none';
  /** false when the password cannot be changed from the desk (it comes from the environment). */
  readonly editable: boolean;
  get(): string | null;
  /** null or '' removes the stored password. */
  set(value: string | null): void;
}

export const SMTP_PASSWORD_ENV = 'DESK_SMTP_PASSWORD';

const POSIX = process.platform !== 'win32';

/**
 * Refuses a secret file that group or others may read: a password there has already leaked to every account on the
 * machine, and silently using it would hide that. Windows has no mode bits (ACLs of the user folder protect it).
 */
export function assertPrivateFile(file: string): void {
  if (!POSIX) return;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DeskError(
      'NOT_CONFIGURED',
      `Tệp mật khẩu SMTP "${file}" đang để người dùng khác đọc được (quyền ${mode.toString(8).padStart(3, '0')}). ` +
        `Hãy chạy lệnh: chmod 600 "${file}" rồi thử lại.`,
      { file, mode: mode.toString(8) },
    );
  }
}

/** Writes bytes readable by this user only, atomically: a crash leaves the old file or the new one, never half. */
export function writePrivateFile(file: string, content: string | Buffer): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  // The umask can only narrow 0600; chmod anyway so a file created by another tool never keeps wider bits.
  if (POSIX) fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  if (POSIX) {
    const dirFd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  }
}

/** The password in a file (mode 0600); a trailing newline (from `echo … >`) is not part of it. */
export function fileSecretStore(file: string): SecretStore {
  return {
    source: 'file',
    editable: true,
    get() {
      if (!fs.existsSync(file)) return null;
      assertPrivateFile(file);
      const value = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      return value === '' ? null : value;
    },
    set(value) {
      if (value === null || value === '') fs.rmSync(file, { force: true });
      else writePrivateFile(file, value);
    },
  };
}

/** The password from the environment (the server door, containers): read-only from the desk. */
export function envSecretStore(name = SMTP_PASSWORD_ENV, env: NodeJS.ProcessEnv = process.env): SecretStore {
  return {
    source: 'env',
    editable: false,
    get: () => (env[name] ? env[name] : null),
    set() {
      throw new DeskError(
        'VALIDATION',
        `Mật khẩu SMTP đang lấy từ biến môi trường ${name}; không đổi được từ phần mềm. ` +
          `Hãy đổi biến môi trường đó rồi khởi động lại desk.`,
        [{ path: 'password', message: `Mật khẩu lấy từ biến môi trường ${name}` }],
      );
    },
  };
}

/** No place to keep a password on this machine (e.g. safeStorage unavailable and no file allowed). */
export function noSecretStore(why: string): SecretStore {
  return {
    source: 'none',
    editable: false,
    get: () => null,
    set() {
      throw new DeskError('NOT_CONFIGURED', why);
    },
  };
}

/** The server door: the environment when DESK_SMTP_PASSWORD is set, else `<dataDir>/secrets/smtp-password`. */
export function serverSecretStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretStore {
  return env[SMTP_PASSWORD_ENV]
    ? envSecretStore(SMTP_PASSWORD_ENV, env)
    : fileSecretStore(path.join(dataDir, 'secrets', 'smtp-password'));
}
