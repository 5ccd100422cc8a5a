/**
 * What only the Electron door can show: the window's isolation, the navigation and window.open guards, the CSP on
 * app://, and that the desk answers over IPC (first-run screen). Skips when the Electron binary is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { METHOD_NAMES } from '../../electron/contract';
import { DESK_CSP } from '../../electron/contract/web-policy';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(repo);

const SKIP_MESSAGE = binary.found
  ? ''
  : `Electron binary not installed: ${binary.reason}. Offline installs skip its download; run ` +
    '`npx electron@45 --version` on a networked machine to fetch it. The browser lane (test/e2e) covers the desk.';
base.skip(!binary.found, SKIP_MESSAGE);
if (!binary.found && !process.env.TEST_WORKER_INDEX) console.log(`\n${SKIP_MESSAGE}\n`);

interface Fixtures {
  dataDir: string;
  app: ElectronApplication;
  page: Page;
  /** Lines the main process printed on stderr (its guards log every refusal there). */
  mainLog: () => string;
}

const test = base.extend<Fixtures & { logBuffer: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-electron-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  logBuffer: async ({}, use) => {
    await use([]);
  },
  app: async ({ dataDir, logBuffer }, use) => {
    if (!binary.found) throw new Error('unreachable: the file is skipped without a binary');
    if (!fs.existsSync(path.join(repo, 'dist', 'electron', 'main.cjs'))) throw new Error('Run `npm run build` before the Electron lane.');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    env.DESK_DATA_DIR = dataDir;
    // Chromium refuses to start as root with its OS sandbox (containers, CI); renderers stay sandboxed in Electron's
    // sense (no Node, isolated preload), which is what these tests check.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', '.'] : ['.'];
    const app = await electron.launch({ executablePath: binary.path, args, cwd: repo, env, timeout: 30_000 });
    app.process().stderr?.setEncoding('utf8').on('data', (chunk: string) => logBuffer.push(chunk));
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
  mainLog: async ({ logBuffer }, use) => {
    await use(() => logBuffer.join(''));
  },
});

test('the desk window shows app://desk with only window.desk, no Node, no ipcRenderer', async ({ app, page }) => {
  await expect(page).toHaveURL(/^app:\/\/desk\//);
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const desk = (w.desk ?? {}) as Record<string, unknown>;
    return {
      keys: Object.keys(desk).sort(),
      types: [...new Set(Object.values(desk).map((v) => typeof v))],
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      buffer: typeof w.Buffer,
      ipcRenderer: typeof w.ipcRenderer,
      electron: typeof w.electron,
    };
  });
  expect(seen.keys).toEqual([...METHOD_NAMES].sort());
  expect(seen.types).toEqual(['function']);
  expect(seen).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', buffer: 'undefined', ipcRenderer: 'undefined', electron: 'undefined' });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('the first-run screen shows, fed by the desk over IPC', async ({ page }) => {
  const setup = await page.evaluate(() => (window as unknown as { desk: { getSetup(i: object): Promise<unknown> } }).desk.getSetup({}));
  expect(setup).toMatchObject({ ok: true, value: { configured: false } });
  await expect(page.getByRole('heading', { level: 1, name: /Thiết lập ban đầu/ })).toBeVisible();
});

test('every app:// response carries the strict CSP, and the network is unreachable', async ({ page }) => {
  const csp = await page.evaluate(async () => (await fetch('app://desk/')).headers.get('content-security-policy'));
  expect(csp).toBe(DESK_CSP);
  const external = await page.evaluate(() => fetch('https://example.invalid/').then(() => 'loaded', () => 'blocked'));
  expect(external).toBe('blocked');
  const traversal = await page.evaluate(async () => (await fetch('app://desk/..%2f..%2fpackage.json')).status);
  expect(traversal).toBe(404);
});

test('navigation to an external URL is blocked', async ({ page, mainLog }) => {
  const appUrl = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.invalid/phishing';
  });
  await expect.poll(mainLog).toContain('chặn navigate: https://example.invalid/phishing');
  expect(page.url()).toBe(appUrl);

  await page.evaluate(() => {
    const a = document.createElement('a');
    a.id = 'external-link';
    a.href = 'https://example.invalid/link';
    a.textContent = 'external';
    document.body.append(a);
  });
  await page.locator('#external-link').click({ noWaitAfter: true });
  await expect.poll(mainLog).toContain('chặn navigate: https://example.invalid/link');
  expect(page.url()).toBe(appUrl);
});

test('window.open to https:// is denied', async ({ app, page, mainLog }) => {
  const opened = await page.evaluate(() => window.open('https://example.invalid/popup', '_blank') === null);
  expect(opened).toBe(true);
  await expect.poll(mainLog).toContain('chặn window.open: https://example.invalid/popup');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('permission requests are denied', async ({ page }) => {
  const state = await page.evaluate(() => Notification.requestPermission());
  expect(state).toBe('denied');
});
