import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

/** Helpers shared by the browser-door specs: open the desk, first-run setup, axe, screenshots, form errors. */

export const SCREENS_DIR = path.join('test-results', 'screens');

export function deskUrl(): string {
  const url = process.env.DESK_URL;
  if (!url) throw new Error('DESK_URL is not set: the specs run under playwright.config.ts, whose global setup starts the desk.');
  return url;
}

/** The first-run administrator of the end-to-end desk. */
export const ADMIN = { fullName: 'Lê Văn Tâm', title: 'Công chức Văn phòng - Thống kê', username: 'tam.le', password: 'MotCua2026' };

/**
 * Opens the tokened URL as a new officer would (the server sets the door cookie and redirects to /) and, on a
 * configured desk, signs in as `who` (the administrator unless told) through the same door the sign-in screen uses.
 * The sign-in screen itself is driven in officers.spec.ts.
 */
export async function openDesk(page: Page, who: { username: string; password: string } = ADMIN): Promise<void> {
  await page.goto(deskUrl());
  await expect(page).toHaveURL(/\/(#.*)?$/);
  await expect(page.locator('main')).toBeVisible();
  const setup = await api<{ value: { configured: boolean } }>(page, 'getSetup', {});
  if (setup.body.value.configured) await signIn(page, who);
}

/** Signs in through the browser door (the session cookie is HttpOnly) and reloads into the desk. */
export async function signIn(page: Page, who: { username: string; password: string } = ADMIN): Promise<void> {
  const r = await api<{ ok: boolean; error?: { message: string } }>(page, 'signIn', { username: who.username, password: who.password });
  expect(r.body.ok, r.body.error?.message).toBe(true);
  await page.reload();
  await expect(page.getByRole('banner')).toBeVisible();
}

/** Calls the desk through the page (same origin, the officer's cookie), exactly like the renderer does. */
export async function api<T = unknown>(page: Page, method: string, input: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, i]) => {
      const r = await fetch(`/api/${m}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(i),
      });
      return { status: r.status, body: await r.json() };
    },
    [method, input] as const,
  ) as Promise<{ status: number; body: T }>;
}

/** For specs that need a configured desk whatever ran before them. */
export async function ensureConfigured(page: Page): Promise<void> {
  const setup = await api<{ ok: boolean; value: { configured: boolean; defaults: unknown } }>(page, 'getSetup', {});
  if (setup.body.value.configured) return;
  const done = await api<{ ok: boolean }>(page, 'setupDesk', { agency: setup.body.value.defaults, officer: ADMIN });
  expect(done.body.ok).toBe(true);
  await signIn(page);
}

/** No serious or critical WCAG 2.1 A/AA violations on the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, `axe on ${screen}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  // A full-page shot of a scrolled page draws the sticky header half-way down: start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** The antd form item that holds the field labelled `label`. */
export function formItem(page: Page, label: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

/** The validation messages shown under the field labelled `label` (antd's explain list, linked by aria-describedby). */
export function fieldError(page: Page, label: string): Locator {
  return formItem(page, label).locator('.ant-form-item-explain');
}

/** Picks a procedure the way an officer does: type without diacritics, Enter on the first match. */
export async function pickProcedure(page: Page, typed: string, expected: RegExp): Promise<void> {
  const combo = page.getByRole('combobox', { name: 'Thủ tục' });
  await combo.click();
  await combo.pressSequentially(typed);
  await expect(page.locator('.ant-select-item-option').filter({ hasText: expected }).first()).toBeVisible();
  await combo.press('Enter');
  await expect(formItem(page, 'Thủ tục')).toContainText(expected);
}

/** What every call of the desk's HTTP API answers. */
export interface Envelope<T> {
  ok: boolean;
  value: T;
  error?: { message: string };
}

/** A real PDF of `pages` pages drawn with pdfkit, each page saying its label and number. */
export function makePdf(pages: number, label: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, info: { Title: label } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (let i = 1; i <= pages; i += 1) {
      doc.addPage();
      doc.fontSize(22).text(`${label} - page ${i} of ${pages}`, 72, 96);
    }
    doc.end();
  });
}

/** A desk server of a spec's own, on its own data folder (the shared one of global-setup.ts belongs to desk.spec.ts). */
export interface OwnDesk {
  child: ChildProcess;
  dataDir: string;
  url: string;
  origin: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the built desk server (dist/server/serve.cjs) on a free port with `dataDir` (a fresh one when not given). */
export async function startOwnDesk(prefix: string, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))): Promise<OwnDesk> {
  const server = path.join(ROOT, 'dist', 'server', 'serve.cjs');
  if (!fs.existsSync(server)) throw new Error('dist/server/serve.cjs is missing: run "npm run build" first.');
  const infoFile = path.join(dataDir, 'server.json');
  fs.rmSync(infoFile, { force: true });
  const log = fs.openSync(path.join(dataDir, 'server.log'), 'a');
  const child = spawn(process.execPath, [server], {
    cwd: ROOT,
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_PORT: '0' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as { url: string; origin: string };
      return { child, dataDir, url: info.url, origin: info.origin };
    } catch {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGTERM');
        throw new Error(`The desk server did not start:\n${fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8')}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Stops a spec's own desk; its data folder stays when `keep` (or DESK_E2E_KEEP is set). */
export async function stopOwnDesk(desk: OwnDesk | undefined, keep = false): Promise<void> {
  if (!desk) return;
  if (desk.child.exitCode === null) {
    const exited = new Promise((r) => desk.child.once('exit', r));
    desk.child.kill('SIGTERM');
    await exited;
  }
  if (!keep && !process.env.DESK_E2E_KEEP) fs.rmSync(desk.dataDir, { recursive: true, force: true });
}
