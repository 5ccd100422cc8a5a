import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, api, deskUrl, ensureConfigured, expectAccessible, fieldError, openDesk, pickProcedure, screenshot } from './desk';

/**
 * Officers' accounts through the browser door: the sign-in screen, the lock screen over unsaved work, and an
 * administrator who adds a specialist — who changes the temporary password and meets only their own functions.
 */
test.describe.configure({ mode: 'serial' });
// Two officers, several screens each checked with axe: longer than the lane's default minute.
test.setTimeout(180_000);

const AGENCY = /Trung tâm Phục vụ hành chính công phường Tĩnh Gia/;

/** A browser context of its own (another officer's machine): the same locale and clock as the configured ones. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(deskUrl());
  return page;
}

test('an officer signs in, locks the screen and comes back to the same unsaved work', async ({ page }) => {
  await test.step('without a session the desk asks for the sign-in, showing the ward', async () => {
    await page.goto(deskUrl());
    await ensureConfigured(page);
    await api(page, 'signOut', {});
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(AGENCY);
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'officers-01-sign-in');
  });

  await test.step('a wrong password is refused in Vietnamese under the password field; the right one opens the queue', async () => {
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('SaiMatKhau1');
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    await expect(fieldError(page, 'Mật khẩu')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
    await screenshot(page, 'officers-02-sign-in-wrong');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
    await expect(page.getByRole('banner')).toContainText('Quản trị viên');
  });

  await test.step('locked from the header menu over a half-typed intake; wrong then right password; the work is still there', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ mới' })).toBeVisible();
    await pickProcedure(page, 'khai sinh', /đăng ký khai sinh/i);
    await page.getByLabel('Họ và tên', { exact: true }).fill('Phạm Thị Lan');

    await page.getByRole('button', { name: /Tài khoản đang đăng nhập/ }).click();
    await page.getByRole('menuitem', { name: /Khóa màn hình/ }).click();
    const lock = page.getByRole('dialog', { name: 'Màn hình đã khóa' });
    await expect(lock).toBeVisible();
    await expect(lock).toContainText(ADMIN.fullName);
    const locked = await api<{ value: { session: { locked: boolean } } }>(page, 'getSession', {});
    expect(locked.body.value.session.locked).toBe(true);
    await expectAccessible(page, 'lock screen');
    await screenshot(page, 'officers-03-lock');

    await lock.getByLabel('Mật khẩu', { exact: true }).fill('SaiMatKhau2');
    await lock.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(fieldError(page, 'Mật khẩu')).toHaveText('Mật khẩu không đúng.');
    await lock.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await lock.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    await expect(lock).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ mới' })).toBeVisible();
    await expect(page.getByLabel('Họ và tên', { exact: true })).toHaveValue('Phạm Thị Lan');
  });

  await test.step('Ctrl+L locks too; a call while locked is refused by the desk (423)', async () => {
    await page.keyboard.press('Control+L');
    const lock = page.getByRole('dialog', { name: 'Màn hình đã khóa' });
    await expect(lock).toBeVisible();
    const refused = await api<{ ok: boolean; error: { code: string } }>(page, 'listQueue', {});
    expect(refused.status).toBe(423);
    expect(refused.body.error.code).toBe('SESSION_LOCKED');
    await lock.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await lock.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(lock).toBeHidden();
    await expect(page.getByLabel('Họ và tên', { exact: true })).toHaveValue('Phạm Thị Lan');
  });

  await test.step('"Đăng nhập tài khoản khác" from the lock screen ends the session', async () => {
    await page.keyboard.press('Control+L');
    await page.getByRole('button', { name: 'Đăng nhập tài khoản khác' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
    const none = await api<{ value: { session: unknown } }>(page, 'getSession', {});
    expect(none.body.value.session).toBeNull();
  });
});

test('the administrator adds a specialist, who changes the temporary password and sees only their functions', async ({ page, browser }) => {
  const username = `hong.nt${Date.now().toString(36)}`;
  const temporary = 'TamThoi2026';
  const own = 'HoTich2026x';

  await test.step('Settings → Tài khoản lists the accounts', async () => {
    await openDesk(page);
    await ensureConfigured(page);
    await page.goto('/#/settings/accounts');
    await expect(page.getByRole('tab', { name: 'Tài khoản', selected: true })).toBeVisible();
    const table = page.getByRole('table', { name: 'Tài khoản cán bộ' });
    await expect(table).toContainText(ADMIN.username);
    await expect(table).toContainText('Quản trị viên');
    await expectAccessible(page, 'accounts tab');
    await screenshot(page, 'officers-04-accounts');
  });

  await test.step('a new specialist: a weak temporary password is refused under its field, then saved', async () => {
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Tên đăng nhập').fill(username);
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng');
    await dialog.getByLabel('Chức danh').fill('Công chức Tư pháp - Hộ tịch');
    await dialog.getByLabel('Đơn vị').fill('Bộ phận Tư pháp - Hộ tịch');
    const fields = dialog.getByLabel('Lĩnh vực');
    await fields.click();
    await fields.pressSequentially('Hộ tịch');
    await fields.press('Enter');
    await fields.press('Escape');
    await expect(dialog.locator('.ant-select-selection-item').filter({ hasText: 'Hộ tịch' }).first()).toBeVisible();
    await expect(dialog).toContainText('Công chức chuyên môn'); // the role a new account starts with
    await dialog.getByLabel('Mật khẩu tạm').fill('abc');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog.locator('.ant-form-item').filter({ has: page.getByLabel('Mật khẩu tạm') }).locator('.ant-form-item-explain')).not.toBeEmpty();
    await expectAccessible(page, 'account modal');
    await screenshot(page, 'officers-05-account-modal');
    await dialog.getByLabel('Mật khẩu tạm').fill(temporary);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: username });
    await expect(row).toContainText('Nguyễn Thị Hồng');
    await expect(row).toContainText('Công chức chuyên môn');
    await expect(row).toContainText('Chờ đổi mật khẩu');

    await row.getByRole('button', { name: `Sửa ${username}` }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa tài khoản' });
    await expect(edit.getByLabel('Đặt lại mật khẩu')).toHaveValue('');
    await expect(edit.getByLabel('Tên đăng nhập')).toHaveValue(username);
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await expect(edit).toBeHidden();
  });

  const other = await freshPage(browser);
  try {
    await test.step('on another machine the specialist signs in with the temporary password and must change it', async () => {
      await expect(other.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
      await other.getByLabel('Tên đăng nhập').fill(username);
      await other.getByLabel('Mật khẩu', { exact: true }).fill('KhongPhai123');
      await other.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(fieldError(other, 'Mật khẩu')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
      await other.getByLabel('Mật khẩu', { exact: true }).fill(temporary);
      await other.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(other.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' })).toBeVisible();
      const blocked = await api<{ error: { code: string; message: string } }>(other, 'listQueue', {});
      expect(blocked.body.error.message).toBe('Hãy đổi mật khẩu trước khi làm việc.');
      await expectAccessible(other, 'change password');
      await screenshot(other, 'officers-06-change-password');

      await other.getByLabel('Mật khẩu hiện tại').fill(temporary);
      await other.getByLabel('Mật khẩu mới', { exact: true }).fill(own);
      await other.getByLabel('Nhập lại mật khẩu mới').fill(`${own}!`);
      await other.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect(fieldError(other, 'Nhập lại mật khẩu mới')).toHaveText('Mật khẩu nhập lại không khớp.');
      await other.getByLabel('Nhập lại mật khẩu mới').fill(own);
      await other.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await expect(other.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
      await expect(other.getByRole('banner')).toContainText('Nguyễn Thị Hồng');
      await expect(other.getByRole('banner')).toContainText('Công chức chuyên môn');
    });

    await test.step('the specialist’s queue: my work, nearest deadline first, no officer filter, no scan inbox, no F2 hint', async () => {
      await expect(other.getByRole('radio', { name: 'Việc của tôi' })).toBeChecked();
      await expect(other.getByRole('navigation', { name: 'Chức năng chính' })).not.toContainText('Hộp thư quét');
      const filters = other.getByRole('group', { name: 'Lọc hồ sơ' });
      await expect(filters.getByLabel('Thủ tục')).toBeVisible();
      await expect(filters.getByLabel('Cán bộ')).toHaveCount(0);
      await expect(other.locator('.queue-foot')).not.toContainText('F2');
      await expect(other.getByRole('button', { name: /Tiếp nhận hồ sơ mới/ })).toHaveCount(0);
      const due = other.getByRole('columnheader', { name: /Hẹn trả/ });
      await expect(due).toHaveAttribute('aria-sort', 'ascending');
      await expectAccessible(other, 'my work');
      await screenshot(other, 'officers-06b-my-work');
      // The officer's own order is kept across a reload; the full list keeps its own order, and its officer filter.
      await due.getByRole('button').click();
      await expect(due).toHaveAttribute('aria-sort', 'descending');
      await other.reload();
      await expect(due).toHaveAttribute('aria-sort', 'descending');
      await other.getByText('Tất cả hồ sơ', { exact: true }).click();
      await expect(filters.getByLabel('Cán bộ')).toBeVisible();
      await expect(other.getByRole('columnheader', { name: /Ngày nhận/ })).toHaveAttribute('aria-sort', 'descending');
      await expect(due).not.toHaveAttribute('aria-sort', /.+/);
      await other.getByText('Việc của tôi', { exact: true }).click();
      await expect(due).toHaveAttribute('aria-sort', 'descending');
    });

    await test.step('the specialist sees no intake: not in the menu, not by F2, not by address, not through the API', async () => {
      const nav = other.getByRole('navigation', { name: 'Chức năng chính' });
      await expect(nav).toContainText('Hàng đợi hồ sơ');
      await expect(nav).toContainText('Sổ theo dõi');
      await expect(nav).not.toContainText('Tiếp nhận mới');
      await expect(nav).not.toContainText('Nhận hồ sơ trực tuyến');
      await other.keyboard.press('F2');
      await expect(other.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
      await other.goto('/#/intake');
      await expect(other.getByRole('heading', { level: 1, name: 'Chức năng này không dành cho vai trò của bạn' })).toBeVisible();
      await expectAccessible(other, 'forbidden');
      await screenshot(other, 'officers-07-forbidden');

      const refused = await api<{ ok: boolean; error: { code: string; message: string } }>(other, 'createDossier', {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect(refused.body.error.message).toMatch(/^Chức năng này dành cho .+; tài khoản của bạn là công chức chuyên môn\.$/);

      await other.goto('/#/settings/counter');
      await expect(other.getByText('Chỉ quản trị viên được sửa các cài đặt này')).toBeVisible();
      await expect(other.getByLabel('Khóa màn hình sau (phút)')).toBeDisabled();
      await expect(other.getByRole('button', { name: 'Lưu', exact: true })).toHaveCount(0);
      await expect(other.getByRole('tab', { name: 'Tài khoản' })).toHaveCount(0);
    });
  } finally {
    await other.context().close();
  }

  await test.step('the sign-in log shows the attempts, in Vietnamese, with the door', async () => {
    await page.reload();
    const log = page.getByRole('table', { name: 'Nhật ký đăng nhập' });
    await expect(log).toBeVisible();
    const mine = log.getByRole('row').filter({ hasText: username });
    await expect(mine.filter({ hasText: 'Sai mật khẩu' })).toHaveCount(1);
    await expect(mine.filter({ hasText: 'Đăng nhập thành công' }).first()).toContainText('Trình duyệt');
    await expect(mine.first()).toContainText('Nguyễn Thị Hồng');
    await expect(mine.first()).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    await log.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'sign-in log');
    await screenshot(page, 'officers-08-sign-in-log');
  });

  await test.step('the lock time is a counter setting', async () => {
    await page.goto('/#/settings/counter');
    await expect(page.getByLabel('Khóa màn hình sau (phút)')).toHaveValue(/^\d+$/);
  });
});
