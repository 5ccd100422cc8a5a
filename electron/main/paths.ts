/** Where the shell finds its pieces, as a pure function of what Electron reports (unit-tested). */
import path from 'node:path';

export interface PathInputs {
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  /** process.resourcesPath (the installed app's resources folder). */
  resourcesPath: string;
  /** app.getAppPath(): the repo root in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** app.getPath('userData'). */
  userDataPath: string;
}

export interface DeskPaths {
  /** desk.db, backups, attachments. DESK_DATA_DIR, else <userData>/data. */
  dataDir: string;
  /** Fonts, catalogue: <resourcesPath>/resources when packaged (electron-builder extraResources), else <app>/resources. */
  resourcesDir: string;
  /** The built renderer served on app://desk/. */
  rendererDir: string;
  /** The sandboxed preload bundle. */
  preloadPath: string;
  /**
   * Chromium's profile (userData) when DESK_DATA_DIR is given: kept beside the data so a test run (or a second
   * portable desk) neither touches nor is locked out by the installed desk's profile and single-instance lock.
   */
  profileDir: string | null;
}

export function resolveDeskPaths(i: PathInputs): DeskPaths {
  const override = i.env.DESK_DATA_DIR?.trim();
  const dataDir = override ? path.resolve(override) : path.join(i.userDataPath, 'data');
  return {
    dataDir,
    resourcesDir: i.isPackaged ? path.join(i.resourcesPath, 'resources') : path.join(i.appPath, 'resources'),
    rendererDir: path.join(i.appPath, 'dist', 'renderer'),
    preloadPath: path.join(i.appPath, 'dist', 'electron', 'preload.cjs'),
    profileDir: override ? path.join(dataDir, 'electron-profile') : null,
  };
}
