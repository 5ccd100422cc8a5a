import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Một Cửa Desk';

/**
 * Where the desk keeps its data when DESK_DATA_DIR is not set: the same folder Electron's
 * app.getPath('userData') gives for this product, plus "data", so every door (app, browser, CLI) shares one queue.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DESK_DATA_DIR) return path.resolve(env.DESK_DATA_DIR);
  const home = os.homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, APP_NAME, 'data');
}
