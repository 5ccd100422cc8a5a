import fs from 'node:fs';
import { DeskError } from '../contract/errors';
import { assertPrivateFile, writePrivateFile, type SecretStore } from '../mail/secrets';

/**
 * The part of Electron's `safeStorage` this store uses. Taken as a parameter (not imported) so the store is tested
 * with a fake here, where the Electron binary cannot run.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a fixed key baked into Chromium, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

const NO_KEYRING =
  'Máy này chưa có kho khóa của hệ điều hành (safeStorage) nên không cất mật khẩu SMTP an toàn được. ' +
  'Trên Linux hãy mở phiên có gnome-keyring hoặc KWallet; hoặc đặt mật khẩu bằng biến môi trường DESK_SMTP_PASSWORD.';

const usable = (s: SafeStorageLike): boolean =>
  s.isEncryptionAvailable() && s.getSelectedStorageBackend?.() !== 'basic_text';

/**
 * The app's SMTP password: encrypted with the OS keychain (DPAPI, Keychain, libsecret/KWallet) and kept in a file
 * (mode 0600) in the user data folder. Only this user on this machine can decrypt it.
 */
export function safeStorageSecretStore(safeStorage: SafeStorageLike, file: string): SecretStore {
  return {
    source: 'safeStorage',
    editable: true,
    get() {
      if (!fs.existsSync(file)) return null;
      assertPrivateFile(file);
      const bytes = fs.readFileSync(file);
      if (bytes.length === 0) return null;
      if (!safeStorage.isEncryptionAvailable()) throw new DeskError('NOT_CONFIGURED', NO_KEYRING, { file });
      try {
        return safeStorage.decryptString(bytes);
      } catch (err) {
        throw new DeskError(
          'NOT_CONFIGURED',
          `Không giải mã được mật khẩu SMTP đã lưu trong "${file}" (có thể do đổi máy hoặc đổi tài khoản). ` +
            'Hãy nhập lại mật khẩu trong Cài đặt → Thư điện tử.',
          { file, cause: (err as Error).message },
        );
      }
    },
    set(value) {
      if (value === null || value === '') {
        fs.rmSync(file, { force: true });
        return;
      }
      if (!usable(safeStorage)) throw new DeskError('NOT_CONFIGURED', NO_KEYRING);
      writePrivateFile(file, safeStorage.encryptString(value));
    },
  };
}
