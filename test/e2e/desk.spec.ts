import { expect, test, type Page } from '@playwright/test';
import { ADMIN, api, ensureConfigured, expectAccessible, fieldError, openDesk, pickProcedure, screenshot } from './desk';

/**
 * The first slice through the browser door, as a new officer: first-run setup, the empty queue, a new dossier (F2),
 * its detail, acceptance with the printed slip (Mẫu 01), and finding it again. Real desk server, real SQLite, real PDF.
 */
test.describe.configure({ mode: 'serial' });

const CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;
const APPLICANT = 'Nguyễn Thị Phúc';

function failOnDialogs(page: Page) {
  page.on('dialog', (d) => {
    throw new Error(`Unexpected ${d.type()} dialog: ${d.message()}`);
  });
}

test('a new officer sets up the desk, receives a dossier and prints its slip', async ({ page, context }) => {
  test.setTimeout(120_000); // ten screens, each checked with axe
  failOnDialogs(page);

  await test.step('first run: setup pre-filled with the ward, plus the officer', async () => {
    await openDesk(page);
    await expect(page.getByRole('heading', { level: 1, name: /Thiết lập ban đầu/ })).toBeVisible();
    await expect(page.getByLabel('Tên đơn vị tiếp nhận')).toHaveValue('Trung tâm Phục vụ hành chính công phường Tĩnh Gia');
    await expect(page.getByLabel('Tỉnh/thành phố')).toHaveValue('Thanh Hóa');
    await page.getByLabel('Họ và tên cán bộ').fill(ADMIN.fullName);
    await page.getByLabel('Chức danh').fill(ADMIN.title);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    // Typed twice: a mismatch is caught here, under the field, before anything is sent.
    await page.getByLabel('Nhập lại mật khẩu').fill(`${ADMIN.password}x`);
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await expect(fieldError(page, 'Nhập lại mật khẩu')).toHaveText('Mật khẩu nhập lại không khớp.');
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await expect(fieldError(page, 'Nhập lại mật khẩu')).toHaveCount(0);
    await expectAccessible(page, 'setup');
    await screenshot(page, '01-setup');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  });

  await test.step('the queue starts empty', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Trung tâm Phục vụ hành chính công phường Tĩnh Gia');
    // Signed in straight after the setup (no second prompt), as the desk's administrator.
    await expect(page.getByRole('banner')).toContainText('Lê Văn Tâm');
    await expect(page.getByRole('banner')).toContainText('Quản trị viên');
    await expect(page.getByText('Chưa có hồ sơ nào.')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Danh sách hồ sơ' }).getByRole('row')).toHaveCount(1); // header only
    await expectAccessible(page, 'queue (empty)');
    await screenshot(page, '02-queue-empty');
  });

  await test.step('F2 opens the intake; the procedure is found without diacritics', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ mới' })).toBeVisible();
    await pickProcedure(page, 'tinh trang hon nhan', /xác nhận tình trạng hôn nhân/i);
    // The checklist is pre-filled from the procedure's components.
    await expect(page.locator('.components-table tbody tr').first()).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Trực tiếp' })).toBeChecked();
    await page.getByLabel('Họ và tên', { exact: true }).fill(APPLICANT);
    await page.getByLabel('Số giấy tờ', { exact: true }).fill('038196001234');
    await page.getByLabel('Điện thoại', { exact: true }).fill('0912345678');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa');
    await expectAccessible(page, 'intake');
    await screenshot(page, '03-intake');
  });

  let code = '';
  await test.step('"Lưu chưa tiếp nhận" saves without accepting; the detail shows the code and its first event', async () => {
    // (Enter receives and accepts in one step: test/e2e/counter.spec.ts.)
    await page.getByRole('button', { name: 'Lưu chưa tiếp nhận' }).click();
    const codeText = page.getByTestId('dossier-code');
    await expect(codeText).toHaveText(CODE);
    code = (await codeText.textContent()) ?? '';
    await expect(page.getByRole('heading', { level: 2, name: 'Người nộp hồ sơ' })).toBeVisible();
    await expect(page.locator('.dossier-main')).toContainText(APPLICANT);
    await expect(page.locator('.dossier-main')).toContainText('038196001234');
    await expect(page.locator('.history .event').first()).toBeVisible();
    await expectAccessible(page, 'detail');
    await screenshot(page, '04-detail');
  });

  await test.step('Tiếp nhận accepts it and opens the appointment slip (Mẫu 01) as a PDF', async () => {
    const pdfResponse = context.waitForEvent('response', (r) => /\/api\/documents\/\d+\.pdf$/.test(r.url()));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await popup;
    const response = await pdfResponse;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // The viewer wraps what it shows; fetch the same document again (same cookie) to check the bytes are a PDF.
    const again = await page.request.get(response.url());
    expect(again.headers()['content-type']).toBe('application/pdf');
    expect((await again.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await expect(page.locator('.screen-head .status-tag')).toHaveText('Được tiếp nhận');
    await expect(page.getByRole('button', { name: 'Tiếp nhận', exact: true })).toHaveCount(0);
    await expect(page.locator('.documents')).toContainText('Mẫu 01');
    await expect(page.locator('.history .event')).toHaveCount(2);
    await screenshot(page, '05-detail-accepted');
  });

  await test.step('Esc goes back to the queue, where the dossier is listed', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: code });
    await expect(row).toBeVisible();
    await expect(row).toContainText(APPLICANT);
    await expect(row).toContainText('Được tiếp nhận');
    await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4}\s*\d{2}:\d{2}/);
    await expectAccessible(page, 'queue');
    await screenshot(page, '06-queue');
  });

  await test.step('search finds her without diacritics, by a single word, by CCCD', async () => {
    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    const rows = page.getByRole('grid', { name: 'Danh sách hồ sơ' }).getByRole('row');
    for (const q of ['nguyen thi phuc', 'phuc', '038196001234']) {
      await search.fill(q);
      await expect(rows.filter({ hasText: code })).toBeVisible();
      await expect(rows).toHaveCount(2);
    }
    await search.fill('khong co ai ten nay');
    await expect(page.getByText('Không tìm thấy hồ sơ phù hợp.')).toBeVisible();
    await search.fill('phuc');
    await expect(rows.filter({ hasText: code })).toBeVisible();
    await screenshot(page, '07-queue-search');

    // Keyboard: from the search box into the list, Enter opens the dossier.
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dossier-code')).toHaveText(code);
  });

  await test.step('Cài đặt edits the agency; the header follows', async () => {
    await page.getByRole('menuitem', { name: 'Cài đặt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible();
    await expect(page.getByLabel('Mã đơn vị', { exact: true })).toHaveValue(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/);
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0237 3861 234');
    await page.getByLabel('Tên đơn vị tiếp nhận').fill('Trung tâm Phục vụ hành chính công phường Tĩnh Gia (Thanh Hóa)');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Đã lưu', { exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Tĩnh Gia (Thanh Hóa)');
    await expectAccessible(page, 'settings');
    await screenshot(page, '10-settings');
  });
});

test('a CCCD that cannot exist is refused with the Vietnamese message under the field', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ mới' })).toBeVisible();
  await pickProcedure(page, 'chung thuc chu ky', /chứng thực chữ ký/i);
  await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Đức');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Phường Tĩnh Gia, tỉnh Thanh Hóa');
  const idNumber = page.getByLabel('Số giấy tờ', { exact: true });

  // Wrong length: caught by the contract's schema before it leaves the screen.
  await idNumber.fill('03819600123');
  await idNumber.press('Enter');
  await expect(fieldError(page, 'Số giấy tờ')).toHaveText('Số CCCD/định danh phải gồm đúng 12 chữ số');
  await expect(idNumber).toHaveAttribute('aria-invalid', 'true');
  await expect(idNumber).toHaveAccessibleDescription(/Số CCCD\/định danh phải gồm đúng 12 chữ số/);

  // Right length, unknown province code 999: refused by the desk, shown under the same field.
  await idNumber.fill('999196001234');
  await idNumber.press('Enter');
  await expect(fieldError(page, 'Số giấy tờ')).toHaveText('Mã tỉnh "999" ở 3 chữ số đầu của số CCCD không tồn tại');
  await expect(idNumber).toHaveAccessibleDescription(/Mã tỉnh "999" ở 3 chữ số đầu của số CCCD không tồn tại/);
  await expect(page).toHaveURL(/#\/intake$/);
  await screenshot(page, '08-intake-bad-cccd');

  // Esc on a half-typed dossier asks before throwing it away.
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('dialog').filter({ hasText: 'Bỏ hồ sơ đang nhập?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Tiếp tục nhập' }).click();
  await expect(confirm).toBeHidden();
  await expect(idNumber).toHaveValue('999196001234');
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Bỏ hồ sơ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
});

test('a name carrying <script> is refused with a clear message, by the screen and by the desk', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  const before = await api<{ value: { total: number } }>(page, 'queueCounts', {});

  await page.goto('/#/intake');
  await pickProcedure(page, 'khai sinh', /đăng ký khai sinh/i);
  const name = page.getByLabel('Họ và tên', { exact: true });
  await name.fill('Phúc <script>alert(1)</script>');
  await page.getByLabel('Số giấy tờ', { exact: true }).fill('038196001234');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Phường Tĩnh Gia, tỉnh Thanh Hóa');
  await page.getByRole('button', { name: /Lưu chưa tiếp nhận/ }).click();
  await expect(fieldError(page, 'Họ và tên')).toHaveText('Họ và tên: không được chứa ký tự < hoặc >');
  await expect(page).toHaveURL(/#\/intake$/);
  await screenshot(page, '09-intake-script-name');

  // The door refuses it too, whatever the screen does.
  const direct = await api<{ ok: boolean; error: { code: string; message: string; details: { path: string }[] } }>(page, 'createDossier', {
    procedureId: 'chung-thuc-chu-ky',
    channel: 1,
    applicant: { fullName: '<script>alert(1)</script>', idKind: 'cccd', idNumber: '038196001234', phone: '', email: '', address: 'Tĩnh Gia' },
  });
  expect(direct.status).toBe(400);
  expect(direct.body.ok).toBe(false);
  expect(direct.body.error.code).toBe('VALIDATION');
  expect(direct.body.error.message).toBe('Họ và tên: không được chứa ký tự < hoặc >');
  expect(direct.body.error.details.map((d) => d.path)).toContain('applicant.fullName');

  const after = await api<{ value: { total: number } }>(page, 'queueCounts', {});
  expect(after.body.value.total).toBe(before.body.value.total);
});
