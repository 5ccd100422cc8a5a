import { expect, test } from '@playwright/test';
import { ensureConfigured, fieldError, openDesk } from './desk';

test('probe', async ({ page }) => {
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('request', (r) => r.url().includes('/api/') && !r.url().includes('listInbox') && console.log('request', r.url()));
  await openDesk(page);
  await ensureConfigured(page);
  await page.goto('/#/settings/papers');
  const btn = page.locator('button[type=submit]');
  const url = page.getByLabel('Địa chỉ tra cứu hồ sơ (mã QR)');
  await url.fill('https://tracuu.thanhhoa.gov.vn/ho-so/{code}');
  await expect(page.getByTestId('lookup-example')).toContainText('https://tracuu.thanhhoa.gov.vn/ho-so/000.00.00.H56-261124-0001');
  console.log('1', await btn.getAttribute('class'));
  await url.fill('ftp://sai');
  console.log('2', await btn.getAttribute('class'));
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  console.log('3', await btn.getAttribute('class'));
  await expect(fieldError(page, 'Địa chỉ tra cứu hồ sơ (mã QR)')).toContainText('Địa chỉ tra cứu phải là địa chỉ web');
  console.log('4', await btn.getAttribute('class'));
  await url.fill('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}');
  console.log('5', await btn.getAttribute('class'));
  await page.getByRole('button', { name: 'Lưu', exact: true }).click({ timeout: 10000 }).catch((e) => console.log('click', String(e).slice(0, 600)));
  console.log('6', await btn.getAttribute('class'));
  const v = await Promise.race([page.evaluate(() => 1 + 1), new Promise((r) => setTimeout(() => r('BLOCKED'), 5000))]);
  console.log('eval', v);
});
