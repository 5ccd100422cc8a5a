import { expect as baseExpect, test, type Page } from '@playwright/test';
import { api, ensureConfigured, type Envelope, expectAccessible, openDesk, screenshot } from './desk';

/**
 * The on-time dashboard (QĐ 766) through the browser door: a few dossiers received, forwarded and finished through
 * the real API, then #/dashboard shows the year's totals, the charts (SVG with a title and a description) and, for
 * each chart, the exact figures in a table the officer can unfold. Real desk server, real SQLite.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

interface Stats {
  totals: { finished: number; early: number; onTime: number; late: number; unscored: number; rate: number | null };
  overdueOpen: number;
}

const component = (name: string) => ({ name, originals: 1, certifiedCopies: 0, photocopies: 0, required: true });
const PEOPLE = ['Hoàng Thị Đúng', 'Lường Văn Hạn', 'Phạm Thị Sớm'];

async function finishedDossier(page: Page, fullName: string, n: number): Promise<void> {
  const created = await api<Envelope<{ id: number }>>(page, 'createDossier', {
    // Three working days: finished on the day of receipt it is early whatever the hour (a same-day procedure
    // received before 15:00 would be due that very day, so on time, not early).
    procedureId: 'xac-nhan-tthn',
    channel: 1,
    applicant: { fullName, idKind: 'cccd', idNumber: `03819607${String(1000 + n).slice(-4)}`, phone: '', email: '', address: 'Phường Tĩnh Gia, tỉnh Thanh Hóa' },
    components: [component('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân')],
    accept: true,
  });
  expect(created.body.ok, created.body.error?.message).toBe(true);
  const id = created.body.value.id;
  for (const action of [
    { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp - Hộ tịch' },
    { type: 'finish', result: { kind: 'granted', summary: 'Đã cấp Giấy xác nhận tình trạng hôn nhân' } },
  ]) {
    const r = await api<Envelope<unknown>>(page, 'applyDossierAction', { id, action });
    expect(r.body.ok, `${action.type}: ${r.body.error?.message}`).toBe(true);
  }
}

async function stats(page: Page, year: number): Promise<Stats> {
  const r = await api<Envelope<Stats>>(page, 'onTimeStats', { year });
  expect(r.body.ok, r.body.error?.message).toBe(true);
  return r.body.value;
}

test('the dashboard shows the year’s totals, the charts and their figures as tables', async ({ page }) => {
  await openDesk(page);
  await ensureConfigured(page);
  const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
  const month = new Date(Date.now() + 7 * 3600_000).getUTCMonth() + 1;
  const before = await stats(page, year);
  for (const [i, name] of PEOPLE.entries()) await finishedDossier(page, name, i);
  const after = await stats(page, year);
  expect(after.totals.finished).toBe(before.totals.finished + PEOPLE.length);
  // Finished the day they were received: well before the due date.
  expect(after.totals.early).toBe(before.totals.early + PEOPLE.length);
  const scored = after.totals.early + after.totals.onTime + after.totals.late;
  const pct = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format((after.totals.early + after.totals.onTime) / scored);

  await page.goto('/#/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Tỉ lệ giải quyết đúng hạn' })).toBeVisible();
  await expect(page.getByText(`Từ 01/01/${year} đến 31/12/${year}`)).toBeVisible();
  const cards = page.getByRole('list', { name: 'Số liệu tổng hợp' });
  const card = (label: string) => cards.getByRole('listitem').filter({ has: page.locator('.dashboard-card-label', { hasText: new RegExp(`^${label}$`) }) });
  await expect(card('Đã giải quyết').locator('.dashboard-card-value')).toHaveText(after.totals.finished.toLocaleString('vi-VN'));
  await expect(card('Sớm hạn').locator('.dashboard-card-value')).toHaveText(after.totals.early.toLocaleString('vi-VN'));
  await expect(card('Tỉ lệ đúng hạn').locator('.dashboard-card-value')).toHaveText(pct);
  await expect(card('Đang quá hạn').locator('.dashboard-card-value')).toHaveText(String(after.overdueOpen));

  // Three charts, each an SVG image with a title and the gist in words.
  for (const title of ['Theo tháng', 'Theo lĩnh vực', 'Theo cán bộ giải quyết']) {
    await expect(page.getByRole('region', { name: title })).toBeVisible();
  }
  const months = page.getByRole('region', { name: 'Theo tháng' });
  await expect(months.getByRole('img', { name: /Biểu đồ cột chồng: hồ sơ đã giải quyết theo tháng/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Theo lĩnh vực' }).getByRole('img')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Theo cán bộ giải quyết' }).getByRole('img')).toBeVisible();
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'dashboard-01');

  // The accessible alternative: the exact figures, one table per chart.
  await months.getByText('Xem bảng số liệu').click();
  const table = months.getByRole('table', { name: 'Hồ sơ đã giải quyết theo tháng (giờ Việt Nam)' });
  await expect(table).toBeVisible();
  const row = table.getByRole('row', { name: new RegExp(`^Tháng ${month}/${year}`) });
  await expect(row.getByRole('cell').nth(0)).toHaveText(after.totals.early.toLocaleString('vi-VN'));
  await expect(table.locator('tfoot')).toContainText('Cộng');
  const officers = page.getByRole('region', { name: 'Theo cán bộ giải quyết' });
  await officers.getByText('Xem bảng số liệu').click();
  await expect(officers.getByRole('table').getByRole('row', { name: /Lê Văn Tâm/ })).toBeVisible();
  const fields = page.getByRole('region', { name: 'Theo lĩnh vực' });
  await fields.getByText('Xem bảng số liệu').click();
  await expect(fields.getByRole('table').getByRole('rowheader').first()).not.toHaveText('');
  await expectAccessible(page, 'dashboard with tables');
  await screenshot(page, 'dashboard-02-tables');

  // A year with nothing finished: zeros and the empty state, no broken chart.
  await page.getByRole('combobox', { name: 'Năm' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${year - 1}$`) }).click();
  await expect(page.getByText(`Từ 01/01/${year - 1} đến 31/12/${year - 1}`)).toBeVisible();
  await expect(card('Đã giải quyết').locator('.dashboard-card-value')).toHaveText('0');
  await expect(page.getByText('Không có hồ sơ đã giải quyết trong kỳ này.')).toHaveCount(3);
  await expect(page.locator('.chart-svg')).toHaveCount(0);
  // The year list closes after the choice, fading out: axe reads the page once it has gone.
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await expectAccessible(page, 'dashboard, empty year');
  await screenshot(page, 'dashboard-03-empty-year');
});
