import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { api, ADMIN, expectAccessible, fieldError, screenshot, startOwnDesk, stopOwnDesk, type Envelope, type OwnDesk } from './desk';

/**
 * A desk set up by a version before accounts existed: after the update its administrator has a name but no username
 * or password (migration 005 leaves them empty). The first screen asks for them once, signs in, and the desk goes
 * on with its data. Its own desk server: set up, stopped, turned into an "older" desk in SQLite, started again.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let desk: OwnDesk | undefined;
test.afterAll(() => stopOwnDesk(desk));

test('an older desk asks for its administrator account once, then signs in with it', async ({ page }) => {
  desk = await startOwnDesk('mot-cua-upgrade-e2e-');
  await page.goto(desk.url);
  const setup = await api<Envelope<{ defaults: unknown }>>(page, 'getSetup', {});
  const done = await api<Envelope<unknown>>(page, 'setupDesk', { agency: setup.body.value.defaults, officer: ADMIN });
  expect(done.body.ok, done.body.error?.message).toBe(true);

  // As an older version left it: the officer without a username or a password.
  await stopOwnDesk(desk, true);
  const db = new Database(path.join(desk.dataDir, 'desk.db'));
  db.exec('UPDATE officers SET username = NULL, password_hash = NULL');
  db.close();
  desk = await startOwnDesk('unused-', desk.dataDir);

  await page.goto(desk.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tạo tài khoản quản trị' })).toBeVisible();
  await expect(page.locator('main')).toContainText(ADMIN.fullName);
  // Nobody can work before the account exists.
  expect((await api<Envelope<unknown>>(page, 'listQueue', {})).status).toBe(401);
  await expectAccessible(page, 'create the administrator account');
  await screenshot(page, 'upgrade-01-create-admin');

  await page.getByLabel('Tên đăng nhập').fill('tam.le');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('tam.le2026');
  await page.getByLabel('Nhập lại mật khẩu').fill('tam.le2026');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(fieldError(page, 'Mật khẩu')).toHaveText('Mật khẩu không được chứa tên đăng nhập');
  await screenshot(page, 'upgrade-02-weak-password');

  await page.getByLabel('Mật khẩu', { exact: true }).fill('MotCua2026');
  await page.getByLabel('Nhập lại mật khẩu').fill('MotCua2026');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);

  // Once only: a second request is refused, and a reload opens the sign-in screen, not this one.
  const again = await api<Envelope<unknown>>(page, 'createAdminAccount', { username: 'ke.gian', password: 'KeGian2026' });
  expect(again.body.ok).toBe(false);
  expect(again.body.error?.message).toBe('Tài khoản quản trị đã có; hãy đăng nhập.');
  await api(page, 'signOut', {});
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill('tam.le');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('MotCua2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
  await screenshot(page, 'upgrade-03-signed-in');
});
