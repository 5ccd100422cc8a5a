/**
 * Finds the Electron binary by its files, exactly as scripts/start.mjs does (a unit test keeps the two in step):
 * node_modules/electron/path.txt names the executable inside node_modules/electron/dist (or inside
 * ELECTRON_OVERRIDE_DIST_PATH). Never require('electron'): its index.js downloads the binary when it is missing.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

export function findElectronBinary(root: string, env: Readonly<Record<string, string | undefined>> = process.env): ElectronBinary {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let relative: string;
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
