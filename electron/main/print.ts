/**
 * Printing a stored PDF (the receipt slip, …): main opens app://desk/documents/<id>.pdf in a window of its own and
 * calls webContents.print(), which shows the system print dialog.
 *
 * Why this window, and only this one, has `plugins: true`: Electron shows PDFs with Chromium's built-in PDF viewer,
 * and that viewer is gated by webPreferences.plugins (default false); without it Chromium does not render the PDF
 * and offers to download it instead (electron/electron#9901, #12337). Enabling plugins in the desk window would widen
 * what its pages can embed, so the desk window keeps them off (and its CSP has object-src 'none'), while this window:
 *   - loads nothing but our own app://desk/documents/<id>.pdf (it has no preload and no IPC: the sender check
 *     trusts only desk windows), sandboxed, context-isolated, without Node;
 *   - is hardened like every webContents (navigation pinned to app://desk, window.open denied, permissions denied);
 *   - gets the PDF from a *standard* privileged scheme, which the PDF viewer needs for custom protocols
 *     (electron/electron#24859, #33907), with a CSP that allows plugin data from the desk origin only (csp.ts).
 * webContents.print() on a PDF printed blank pages until electron/electron#43309 (Electron 30–32 and later) made it
 * print the PDF plugin's frame; Electron 45 has the fix. We wait for 'did-stop-loading' (all frames, including the
 * viewer's, done) before printing; the viewer's own print button stays available if the officer cancels.
 */
import { app, BrowserWindow } from 'electron';

export interface PrintWindowOptions {
  url: string;
  parent?: BrowserWindow | null;
  log?: (message: string) => void;
}

export function openPrintWindow({ url, parent, log = () => undefined }: PrintWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 900,
    height: 1000,
    title: 'In giấy tờ — Một Cửa Desk',
    parent: parent ?? undefined,
    autoHideMenuBar: true,
    show: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      plugins: true, // Chromium's PDF viewer: this window only (see above).
      experimentalFeatures: false,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.removeMenu();
  win.webContents.once('did-stop-loading', () => {
    if (win.isDestroyed()) return;
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (!success && failureReason !== 'Print job canceled') log(`In thất bại: ${failureReason}`);
    });
  });
  win.webContents.once('did-fail-load', (_e, code, description) => log(`Không mở được tài liệu để in (${code}): ${description}`));
  void win.loadURL(url);
  return win;
}
