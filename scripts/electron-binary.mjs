// The one place that decides whether the Electron binary is installed: by its files only, never require('electron')
// (its index.js would try to download the binary). Used by scripts/start.mjs and by the Electron test lane.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const isFile = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/**
 * Where the Electron binary is, judged by files: node_modules/electron/path.txt names the executable inside
 * node_modules/electron/dist (or inside ELECTRON_OVERRIDE_DIST_PATH, as electron's own index.js does).
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(root, env = process.env) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let relative;
  try {
    relative = fs.readFileSync(pathFile, 'utf8').trim();
  } catch {
    relative = '';
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH ? path.resolve(env.ELECTRON_OVERRIDE_DIST_PATH) : '';
  if (!relative && !override) {
    return { found: false, reason: `${path.relative(root, pathFile) || pathFile} is missing (the binary download was skipped)` };
  }
  const distDir = override || path.join(pkgDir, 'dist');
  const executable = path.resolve(distDir, relative || 'electron');
  if (!executable.startsWith(distDir + path.sep)) return { found: false, reason: `${pathFile} names a file outside ${distDir}` };
  if (!isFile(executable)) return { found: false, reason: `${executable} does not exist` };
  return { found: true, path: executable };
}

