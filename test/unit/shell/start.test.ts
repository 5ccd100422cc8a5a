import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary, type ElectronBinary } from '../../../scripts/electron-binary.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const startScript = path.join(repo, 'scripts', 'start.mjs');

interface StartModule {
  REPO_ROOT: string;
  FALLBACK_MESSAGE: string;
  findElectronBinary(root: string, env: Record<string, string | undefined>): ElectronBinary;
  hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
  browserOpener(platform: string, url: string): { command: string; args: string[] };
  findDeskUrl(line: string): string | null;
  exitCodeOf(code: number | null, signal: string | null): number;
}

let start: StartModule;
beforeAll(async () => {
  // Imported by path: the script is plain JavaScript, typed here by the interface above.
  start = (await import(/* @vite-ignore */ startScript)) as StartModule;
});

const tmps: string[] = [];
afterEach(() => {
  for (const d of tmps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fake project root with node_modules/electron laid out as given. */
function layout(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-start-'));
  tmps.push(root);
  fs.mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

describe('Electron binary detection (files only)', () => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['no path.txt (download skipped, the usual case here)', {}, false],
    ['path.txt but no dist', { 'node_modules/electron/path.txt': 'electron' }, false],
    ['path.txt and the binary', { 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' }, true],
    ['macOS layout', { 'node_modules/electron/path.txt': 'Electron.app/Contents/MacOS/Electron', 'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron': '' }, true],
    ['path.txt with a trailing newline', { 'node_modules/electron/path.txt': 'electron.exe\n', 'node_modules/electron/dist/electron.exe': '' }, true],
    ['path.txt escaping dist', { 'node_modules/electron/path.txt': '../../../evil', evil: '' }, false],
    ['dist/electron is a folder', { 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron/x': '' }, false],
  ];

  it.each(cases)('%s', (_label, files, found) => {
    const root = layout(files);
    const fromScript = start.findElectronBinary(root, {});
    expect(fromScript.found).toBe(found);
    if (fromScript.found) expect(fs.statSync(fromScript.path).isFile()).toBe(true);
    else expect(fromScript.reason.length).toBeGreaterThan(0);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const root = layout({ 'custom/electron': '' });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'custom') };
    expect(start.findElectronBinary(root, env)).toEqual({ found: true, path: path.join(root, 'custom', 'electron') });
  });

  it('never loads the electron package to decide', () => {
    const code = fs.readFileSync(startScript, 'utf8').replace(/\/\/.*$/gm, ''); // comments may name it
    expect(code).not.toMatch(/require\(['"]electron['"]\)|import\(['"]electron['"]\)|from ['"]electron['"]/);
  });
});

describe('start.mjs helpers', () => {
  it('says it in Vietnamese first, then one English sentence', () => {
    expect(start.FALLBACK_MESSAGE).toMatch(/^Máy này chưa cài tệp chạy Electron/);
    expect(start.FALLBACK_MESSAGE).toContain('npx electron@45 --version');
    expect(start.FALLBACK_MESSAGE).toContain('trình duyệt');
    expect(start.FALLBACK_MESSAGE).toMatch(/The Electron binary is not installed on this machine.*browser instead\.$/);
    expect(start.FALLBACK_MESSAGE).not.toContain('\n');
  });

  it('knows when there is a display', () => {
    expect(start.hasDisplay('linux', {})).toBe(false);
    expect(start.hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(start.hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(start.hasDisplay('win32', {})).toBe(true);
    expect(start.hasDisplay('darwin', {})).toBe(true);
  });

  it('opens the browser without a shell', () => {
    const url = 'http://127.0.0.1:4780/?token=a&b';
    expect(start.browserOpener('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(start.browserOpener('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(start.browserOpener('win32', url)).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] });
  });

  it("reads the server's address from its output", () => {
    expect(start.findDeskUrl('Một Cửa Desk: http://127.0.0.1:4780/?token=Ab-_9')).toBe('http://127.0.0.1:4780/?token=Ab-_9');
    expect(start.findDeskUrl('Dữ liệu: /tmp/x — nhấn Ctrl+C để dừng.')).toBeNull();
    expect(start.findDeskUrl('see http://example.com:80/')).toBeNull();
  });

  it('maps exits to codes', () => {
    expect(start.exitCodeOf(0, null)).toBe(0);
    expect(start.exitCodeOf(3, null)).toBe(3);
    expect(start.exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(start.exitCodeOf(null, null)).toBe(1);
  });
});

// End to end through the browser door when Electron is absent (the usual case here). The desk server's bundle is
// rebuilt first so the run never tests a stale dist/ (esbuild, about a second).
const electronAbsent = !findElectronBinary(repo).found;
describe.skipIf(!electronAbsent)('npm start without Electron', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-node.mjs')], { cwd: repo });
  });
  it('explains, starts the desk server, prints its address, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-start-e2e-'));
    tmps.push(dataDir);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), DESK_DATA_DIR: dataDir, DESK_PORT: '0' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, [startScript], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/No display here/);
    expect(out).toContain(start.FALLBACK_MESSAGE);
    expect(out).toMatch(/Một Cửa Desk: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(fs.existsSync(path.join(dataDir, 'server.json'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
