/** The desk window. Its webPreferences are written inline, in full, so reviewers and scanners can read them. */
import { app, BrowserWindow } from 'electron';
import { DESK_HOME_URL } from './urls';

export function createDeskWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Một Cửa Desk',
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      plugins: false,
      experimentalFeatures: false,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
      preload: preloadPath,
      // webSecurity is left at its default (true) on purpose.
    },
  });
  win.once('ready-to-show', () => win.show());
  // If the page cannot load, still show the window so the officer sees something (Electron's error page).
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  void win.loadURL(DESK_HOME_URL);
  return win;
}
