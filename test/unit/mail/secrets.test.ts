import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/contract/errors';
import { safeStorageSecretStore, type SafeStorageLike } from '../../../electron/main/safe-storage-secrets';
import { envSecretStore, fileSecretStore, serverSecretStore } from '../../../electron/mail/secrets';

const posix = process.platform !== 'win32';
const mode = (file: string) => fs.statSync(file).mode & 0o777;

let dirs: string[] = [];
const dir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-secrets-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain text. */
function fakeSafeStorage(available = true, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s, 'utf8').toString('base64')}`),
    decryptString: (b) => {
      const s = b.toString('utf8');
      if (!s.startsWith('enc:')) throw new Error('bad ciphertext');
      return Buffer.from(s.slice(4), 'base64').toString('utf8');
    },
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('fileSecretStore', () => {
  it('writes the password with mode 0600 (atomically, no temp file left) and reads it back', () => {
    const file = path.join(dir(), 'secrets', 'smtp-password');
    const store = fileSecretStore(file);
    expect(store.get()).toBeNull();
    store.set('mật-khẩu đúng');
    expect(store.get()).toBe('mật-khẩu đúng');
    if (posix) expect(mode(file)).toBe(0o600);
    if (posix) expect(mode(path.dirname(file))).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['smtp-password']);
    store.set('khác');
    expect(store.get()).toBe('khác');
    store.set(null);
    expect(fs.existsSync(file)).toBe(false);
    expect(store.get()).toBeNull();
    expect(store).toMatchObject({ source: 'file', editable: true });
  });

  it.skipIf(!posix)('refuses to read a file others can read, naming the file and the chmod fix', () => {
    const file = path.join(dir(), 'smtp-password');
    fs.writeFileSync(file, 'secret\n', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const store = fileSecretStore(file);
    let error: unknown;
    try {
      store.get();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).message).toContain(file);
    expect((error as DeskError).message).toContain(`chmod 600 "${file}"`);
    expect((error as DeskError).message).toMatch(/người dùng khác đọc được/);
    fs.chmodSync(file, 0o600);
    expect(store.get()).toBe('secret'); // the newline of `echo secret > file` is not part of it
  });
});

describe('envSecretStore and serverSecretStore', () => {
  it('reads the environment and refuses changes in Vietnamese', () => {
    const store = envSecretStore('DESK_SMTP_PASSWORD', { DESK_SMTP_PASSWORD: 'từ-env' });
    expect(store).toMatchObject({ source: 'env', editable: false });
    expect(store.get()).toBe('từ-env');
    expect(() => store.set('x')).toThrow(/biến môi trường DESK_SMTP_PASSWORD/);
    expect(envSecretStore('DESK_SMTP_PASSWORD', {}).get()).toBeNull();
  });

  it('uses the environment when set, else <dataDir>/secrets/smtp-password', () => {
    const data = dir();
    expect(serverSecretStore(data, { DESK_SMTP_PASSWORD: 'p' }).source).toBe('env');
    const file = serverSecretStore(data, {});
    expect(file.source).toBe('file');
    file.set('q');
    expect(fs.readFileSync(path.join(data, 'secrets', 'smtp-password'), 'utf8')).toBe('q');
  });
});

describe('safeStorageSecretStore (fake safeStorage: the Electron binary cannot run here)', () => {
  it('round-trips through encryption; the file holds no plain text and is 0600', () => {
    const file = path.join(dir(), 'smtp-password.bin');
    const store = safeStorageSecretStore(fakeSafeStorage(), file);
    expect(store).toMatchObject({ source: 'safeStorage', editable: true });
    expect(store.get()).toBeNull();
    store.set('Mật khẩu 123');
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Mật khẩu 123');
    if (posix) expect(mode(file)).toBe(0o600);
    expect(store.get()).toBe('Mật khẩu 123');
    store.set('');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses to store when encryption is unavailable (or only the fixed-key Linux fallback)', () => {
    const file = path.join(dir(), 'smtp-password.bin');
    for (const s of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const store = safeStorageSecretStore(s, file);
      expect(() => store.set('x')).toThrow(/kho khóa của hệ điều hành/);
      expect(fs.existsSync(file)).toBe(false);
    }
  });

  it('says so clearly when a stored password cannot be decrypted', () => {
    const file = path.join(dir(), 'smtp-password.bin');
    fs.writeFileSync(file, 'not encrypted by us', { mode: 0o600 });
    expect(() => safeStorageSecretStore(fakeSafeStorage(), file).get()).toThrow(/Không giải mã được mật khẩu SMTP/);
  });
});
