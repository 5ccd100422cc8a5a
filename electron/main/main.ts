/**
 * The Electron shell: one desk window over the desk (electron/services). Everything with a decision in it lives in a
 * small pure module beside this file (protocol, ipc, security, paths, menu, startup) and is unit-tested; this file
 * only wires those modules to Electron. Bundled by scripts/build-node.mjs to dist/electron/main.cjs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { dispatch } from '../contract';
import { createDesk, type Desk } from '../services/desk';
import { deskGate } from '../services/gate';
import { registerBytesHandlers, registerIpcHandlers, makeSenderCheck, type BytesGuard } from './ipc';
import { buildMenuTemplate, NEW_INTAKE_SCRIPT } from './menu';
import { resolveDeskPaths } from './paths';
import { openPrintWindow } from './print';
import { envSecretStore } from '../mail/secrets';
import { safeStorageSecretStore } from './safe-storage-secrets';
import { createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { describeStartupFailure } from './startup';
import { DESK_SCHEME } from './urls';
import { createDeskWindow } from './window';

const log = (message: string): void => console.warn(`[một-cửa-desk] ${message}`);

// Before 'ready': app:// behaves like https (standard: relative URLs, origin; secure: a secure context; fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: DESK_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

function main(): void {
  const paths = resolveDeskPaths({
    env: process.env,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    userDataPath: app.getPath('userData'),
  });
  if (paths.profileDir) app.setPath('userData', paths.profileDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId('vn.gov.motcua.desk');

  /** webContents ids of the desk windows we created: the only IPC senders we trust and the only print openers. */
  const deskContents = new Set<number>();
  let deskWindow: BrowserWindow | null = null;

  const blocked = (what: string, url: string) => log(`chặn ${what}: ${url}`);

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      onBlocked: blocked,
      onPrintDocument: (decision) => {
        if (!deskContents.has(contents.id)) return blocked('in từ cửa sổ lạ', decision.url);
        openPrintWindow({ url: decision.url, parent: BrowserWindow.fromWebContents(contents), log });
      },
    });
  });

  const focusDesk = () => {
    if (!deskWindow || deskWindow.isDestroyed()) return;
    if (deskWindow.isMinimized()) deskWindow.restore();
    deskWindow.show();
    deskWindow.focus();
  };

  const openDeskWindow = () => {
    const win = createDeskWindow(paths.preloadPath);
    const id = win.webContents.id;
    deskContents.add(id);
    deskWindow = win;
    win.on('closed', () => {
      deskContents.delete(id);
      if (deskWindow === win) deskWindow = null;
    });
    win.webContents.on('render-process-gone', (_e, details) => log(`trang dừng đột ngột: ${details.reason}`));
  };

  app.on('second-instance', focusDesk);

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, blocked);

    let desk: Desk;
    try {
      desk = createDesk({
        dataDir: paths.dataDir,
        resourcesDir: paths.resourcesDir,
        version: app.getVersion(),
        // The SMTP password encrypted by the OS (DPAPI, Keychain, libsecret), in the user data folder.
        secrets: process.env.DESK_SMTP_PASSWORD
          ? envSecretStore()
          : safeStorageSecretStore(safeStorage, path.join(app.getPath('userData'), 'smtp-password.bin')),
      });
    } catch (err) {
      const failure = describeStartupFailure(err);
      dialog.showErrorBox(failure.title, failure.message);
      app.exit(1);
      return;
    }
    // Pay the first-slip and first-search costs now, not on the officer's first click.
    void desk.warmUp().catch((err: unknown) => log(`khởi động nóng lỗi: ${String(err)}`));
    let closed = false;
    app.on('will-quit', () => {
      if (closed) return;
      closed = true;
      try {
        desk.close();
      } catch (err) {
        log(`đóng cơ sở dữ liệu lỗi: ${String(err)}`);
      }
    });

    // One session for the app door: the desk window's officer. The token stays here in main, never in the page.
    let sessionToken: string | null = null;
    const slot = { get: () => sessionToken, set: (t: string | null) => void (sessionToken = t) };
    const gate = deskGate(desk, 'app');
    const guard: BytesGuard = (access, work) => {
      const admitted = gate.admit(slot, access);
      return admitted.ok ? gate.as(admitted.value, work) : Promise.resolve(admitted);
    };
    protocol.handle(
      DESK_SCHEME,
      createAppProtocolHandler({
        rendererRoot: paths.rendererDir,
        getDocument: (id) => guard('signedIn', () => dispatch(desk, 'getDocument', { id })),
        openFile: (id) => guard('signedIn', () => desk.openFile(id)) as ReturnType<typeof desk.openFile>,
      }),
    );
    const senderCheck = makeSenderCheck((id) => deskContents.has(id));
    registerIpcHandlers(ipcMain, (method, input) => gate.call(slot, method, input), senderCheck);
    registerBytesHandlers(ipcMain, desk, senderCheck, async (defaultName, format) => {
      const options = {
        title: 'Lưu Sổ theo dõi hồ sơ',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters: [format === 'xlsx' ? { name: 'Bảng tính Excel', extensions: ['xlsx'] } : { name: 'Tệp PDF', extensions: ['pdf'] }],
      };
      const chosen = deskWindow ? await dialog.showSaveDialog(deskWindow, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    }, guard);
    // The watched scan folder: new scans reach the inbox within a few seconds.
    const scanTimer = setInterval(() => void desk.scanFolderPass().catch((err: unknown) => log(`thư mục quét lỗi: ${String(err)}`)), 3000);
    scanTimer.unref();
    const outboxTimer = setInterval(() => void desk.processOutbox().catch((err: unknown) => log(`hộp thư đi lỗi: ${String(err)}`)), 5000);
    outboxTimer.unref();

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isPackaged: app.isPackaged,
          onNewIntake: () => {
            focusDesk();
            void deskWindow?.webContents.executeJavaScript(NEW_INTAKE_SCRIPT);
          },
          onAbout: () => {
            const options = {
              type: 'info' as const,
              title: 'Giới thiệu',
              message: 'Một Cửa Desk',
              detail: `Phiên bản ${app.getVersion()}\nBàn tiếp nhận hồ sơ một cửa cấp xã, phường.\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}.`,
            };
            void (deskWindow ? dialog.showMessageBox(deskWindow, options) : dialog.showMessageBox(options));
          },
        }),
      ),
    );

    openDeskWindow();
    app.on('activate', () => {
      if (!deskWindow) openDeskWindow();
    });
  });
}

process.on('unhandledRejection', (reason) => log(`lỗi chưa xử lý: ${String(reason)}`));
main();
