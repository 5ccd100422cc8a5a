// `npm start` (after `npm run build`): opens the desk in Electron when its binary is installed, else in the browser
// through the desk server. Detects Electron by its files only: require('electron') would try to download it.
// Never prints a stack trace; exits non-zero on failure; forwards SIGINT/SIGTERM to the child.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export { findElectronBinary };

export const FALLBACK_MESSAGE =
  'Máy này chưa cài tệp chạy Electron (thư mục node_modules/electron/dist trống), nên Một Cửa Desk sẽ mở trong ' +
  'trình duyệt thay cho cửa sổ ứng dụng. Đây là chuyện bình thường với bản cài ngoại tuyến: bước tải Electron bị ' +
  'bỏ qua khi cài. Muốn có cửa sổ ứng dụng, hãy chạy `npx electron@45 --version` trong thư mục dự án trên một máy ' +
  'có mạng (lệnh này tải Electron về), hoặc cài bộ cài đã đóng gói. The Electron binary is not installed on this ' +
  'machine (offline installs skip its download), so the desk starts in your web browser instead.';

/** A graphical session to open a browser in: always on Windows and macOS, DISPLAY or WAYLAND_DISPLAY elsewhere. */
export function hasDisplay(platform = process.platform, env = process.env) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` in the default browser (no shell, so the token's characters need no quoting). */
export function browserOpener(platform, url) {
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  return { command: 'xdg-open', args: [url] };
}

/** The desk server's address in one line of its output ("Một Cửa Desk: http://127.0.0.1:4780/?token=…"). */
export function findDeskUrl(line) {
  const m = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+\/\S*/.exec(line);
  return m ? m[0] : null;
}

/** Exit code of a finished child: its own, or 128 + signal number as shells report it. */
export function exitCodeOf(code, signal) {
  if (typeof code === 'number') return code;
  const n = signal ? os.constants.signals[signal] : undefined;
  return typeof n === 'number' ? 128 + n : 1;
}

const say = (text) => process.stdout.write(`${text}\n`);
const complain = (text) => process.stderr.write(`\n${text}\n\n`);

/** Runs a child until it ends, forwarding SIGINT/SIGTERM; resolves with the exit code to use. */
function supervise(child, label) {
  return new Promise((resolve) => {
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const onInt = () => forward('SIGINT');
    const onTerm = () => forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const done = (code) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    child.once('error', (err) => {
      complain(`Không chạy được ${label}: ${err.message}`);
      done(1);
    });
    child.once('exit', (code, signal) => done(exitCodeOf(code, signal)));
  });
}

function startElectron(executable) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would turn the binary into plain Node
  const child = spawn(executable, ['.'], { cwd: REPO_ROOT, stdio: 'inherit', env });
  return supervise(child, 'Electron');
}

function openBrowser(url) {
  const { command, args } = browserOpener(process.platform, url);
  const tell = () => say(`Mở địa chỉ này trong trình duyệt / open this address in a browser:\n  ${url}`);
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.once('error', tell);
    opener.once('exit', (code) => {
      if (code !== 0) tell();
    });
    opener.unref();
  } catch {
    tell();
  }
}

function startBrowserDoor() {
  const serve = path.join(REPO_ROOT, 'dist', 'server', 'serve.cjs');
  if (!fs.existsSync(serve)) {
    complain('Chưa có bản build của bàn một cửa (dist/server/serve.cjs). Hãy chạy `npm run build` rồi thử lại. / Run `npm run build` first.');
    return Promise.resolve(1);
  }
  const child = spawn(process.execPath, [serve], { cwd: REPO_ROOT, stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
  let opened = false;
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const url = opened ? null : findDeskUrl(line);
      if (!url) continue;
      opened = true;
      if (hasDisplay()) {
        say('Đang mở trình duyệt… / Opening the browser…');
        openBrowser(url);
      } else {
        say('Máy này không có màn hình đồ họa: hãy mở địa chỉ ở trên trong trình duyệt. / No display here: open the address above in a browser.');
      }
    }
  });
  return supervise(child, 'máy chủ bàn một cửa');
}

export async function main() {
  const electron = findElectronBinary(REPO_ROOT);
  if (electron.found && hasDisplay()) return startElectron(electron.path);
  if (electron.found) {
    say('\nMáy này không có màn hình đồ họa nên không mở được cửa sổ Electron; bàn một cửa chạy qua trình duyệt. / No display: starting the browser door instead.\n');
  } else {
    say(`\n${FALLBACK_MESSAGE}\n`);
  }
  return startBrowserDoor();
}

const invokedDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  process.on('uncaughtException', (err) => {
    complain(`Một Cửa Desk không khởi động được: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
  main().then(
    (code) => process.exit(code),
    (err) => {
      complain(`Một Cửa Desk không khởi động được: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
