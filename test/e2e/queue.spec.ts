import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { OnlineManifestInput } from '../../electron/contract';
import { DB_FILE_NAME } from '../../electron/db/connection';
import { buildOnlinePackage } from '../../electron/online/zip-writer';
import { api, ensureConfigured, expectAccessible, makePdf, openDesk, screenshot } from './desk';

/**
 * The queue radar (issue 4, item 1) through the browser door: dossiers in several work states created through the
 * real API, then the tabs and their counts, filters, sorting, warning flags, the view remembered across a reload
 * and a visit to a dossier, and the keyboard. Real desk server, real SQLite.
 */
// Long, many-step tests on a shared build machine: room for a slow moment.
test.describe.configure({ mode: 'serial', timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

type Tab = 'online' | 'new' | 'inProgress' | 'supplement' | 'ready' | 'returned' | 'closed' | 'all';
interface Counts {
  total: number;
  byTab: Record<Tab, number>;
}
interface Row {
  id: number;
  code: string;
  applicantName: string;
  receivedAt: string;
  flags: string[];
  remainingWorkingMinutes: number | null;
}

const TAB_NAMES: Record<Tab, string> = {
  online: 'Trực tuyến chờ tiếp nhận',
  new: 'Mới tiếp nhận',
  inProgress: 'Đang xử lý',
  supplement: 'Chờ bổ sung',
  ready: 'Có kết quả',
  returned: 'Đã trả',
  closed: 'Từ chối / dừng / rút',
  all: 'Tất cả',
};
const TABS = Object.keys(TAB_NAMES) as Tab[];

/** Everyone this spec creates is a Khổng (rare enough that "khong" finds only them); bulk rows are Quách. */
const SEEDED = {
  banSao: 'Khổng Thị Lan', // chứng thực bản sao, accepted: new, due the same day
  tthn: 'Khổng Văn Bình', // xác nhận tình trạng hôn nhân, accepted: new
  khaiSinh: 'Khổng Thị Hoa', // khai sinh, supplement requested at reception: supplement
  online: 'Khổng Minh Quân', // xác nhận TTHN submitted online, not accepted: online
  withdrawn: 'Khổng Văn Tú', // chứng thực chữ ký, accepted then withdrawn: closed
} as const;
/**
 * An online package submitted two weeks ago and never accepted: past its 8 working hours whatever the hour the
 * suite runs at (a flag the test can count on). Not a Khổng, so the "khong" searches keep their five rows.
 */
const LATE_ONLINE = { name: 'Âu Dương Muộn', q: 'au duong muon' } as const;
const BULK_NAMES = ['An', 'Bảo', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hải', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Quang', 'Sơn', 'Thắng', 'Toàn', 'Trung', 'Vinh'];

function failOnDialogs(page: Page) {
  page.on('dialog', (d) => {
    throw new Error(`Unexpected ${d.type()} dialog: ${d.message()}`);
  });
}

let serial = 0;
async function create(page: Page, procedureId: string, fullName: string, options: { channel?: 1 | 2 | 3; accept?: boolean } = {}): Promise<number> {
  serial += 1;
  const r = await api<{ ok: boolean; value: { id: number }; error?: { message: string } }>(page, 'createDossier', {
    procedureId,
    channel: options.channel ?? 1,
    accept: options.accept ?? false,
    applicant: {
      fullName,
      idKind: 'cccd',
      idNumber: `0381960${String(10000 + serial).slice(-5)}`,
      phone: `09123${String(10000 + serial).slice(-5)}`,
      email: '',
      address: 'Phường Tĩnh Gia, tỉnh Thanh Hóa',
    },
  });
  expect(r.body.ok, r.body.error?.message).toBe(true);
  return r.body.value.id;
}

/** Imports an online package through the browser door (/api/import), as the import screen sends one. */
async function importOnline(page: Page, fullName: string, submittedAt: Date): Promise<number> {
  const manifest: OnlineManifestInput = {
    format: 'mot-cua-desk/online-dossier',
    version: 1,
    portalDossierId: `G22.99-${Date.now()}`,
    procedureCode: '1.004873',
    submittedAt: submittedAt.toISOString(),
    applicant: { fullName, idKind: 'cccd', idNumber: '038196099999', phone: '0987654321', address: 'Thôn Hải Thanh, phường Tĩnh Gia, tỉnh Thanh Hóa' },
    components: [
      { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, files: ['to-khai.pdf'] },
      { name: 'Giấy tờ chứng minh tình trạng hôn nhân (nếu có)', photocopies: 1, files: [] },
    ],
  } as OnlineManifestInput;
  const zip = await buildOnlinePackage(manifest, { 'to-khai.pdf': await makePdf(1, 'To khai') });
  const r = await page.evaluate(
    async ([name, b64]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const res = await fetch(`/api/import?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: bytes,
      });
      return res.json() as Promise<{ ok: boolean; value?: { outcome: string; dossierId: number | null; message: string }; error?: { message: string } }>;
    },
    ['ho-so-tre-han.zip', zip.toString('base64')] as const,
  );
  expect(r.ok, r.error?.message).toBe(true);
  expect(r.value?.outcome, r.value?.message).toBe('imported');
  return r.value!.dossierId!;
}

/**
 * Sets due dates straight in the shared desk's database: its clock is the real one, so a "due within a working day"
 * that does not depend on the hour the suite runs at has to be made relative to now. Returns what was there.
 */
function setDueAt(dues: Record<number, number | null>): Record<number, number | null> {
  const dir = process.env.DESK_E2E_DATA_DIR;
  if (!dir) throw new Error('DESK_E2E_DATA_DIR is not set');
  const db = new Database(path.join(dir, DB_FILE_NAME));
  try {
    db.pragma('busy_timeout = 5000');
    const read = db.prepare<[number], { dueAt: number | null }>('SELECT due_at AS dueAt FROM dossiers WHERE id = ?');
    const write = db.prepare('UPDATE dossiers SET due_at = ? WHERE id = ?');
    const before: Record<number, number | null> = {};
    for (const [id, at] of Object.entries(dues)) {
      before[Number(id)] = read.get(Number(id))!.dueAt;
      write.run(at, Number(id));
    }
    return before;
  } finally {
    db.close();
  }
}

/** yyyy-mm-dd of an instant in Vietnam (UTC+7), and a day key moved by whole days, shown as dd/mm/yyyy. */
const vnDayKey = (iso: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
const shownDay = (key: string, plusDays = 0): string => {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + plusDays));
  return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
};

async function act(page: Page, id: number, action: unknown): Promise<void> {
  const r = await api<{ ok: boolean; error?: { message: string } }>(page, 'applyDossierAction', { id, action });
  expect(r.body.ok, r.body.error?.message).toBe(true);
}

async function counts(page: Page): Promise<Counts> {
  const r = await api<{ ok: boolean; value: Counts }>(page, 'queueCounts', {});
  expect(r.body.ok).toBe(true);
  return r.body.value;
}

async function listRows(page: Page, input: Record<string, unknown>): Promise<Row[]> {
  const r = await api<{ ok: boolean; value: { items: Row[] }; error?: { message: string } }>(page, 'listQueue', { limit: 100, ...input });
  expect(r.body.ok, r.body.error?.message).toBe(true);
  return r.body.value.items;
}

const grid = (page: Page) => page.getByRole('grid', { name: /^Danh sách hồ sơ/ });
/** Body rows only (the header row has no data-id). */
const bodyRows = (page: Page) => grid(page).locator('[role="row"][data-id]');
const tab = (page: Page, t: Tab) => page.getByRole('tab', { name: new RegExp(`^${TAB_NAMES[t]}(\\s|$)`) });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Tìm hồ sơ' });

async function rowNames(rows: Locator): Promise<string[]> {
  return rows.locator('.applicant-name').allTextContents();
}

/**
 * Reloads and waits for the queue's first page. Generous: the build machines run several lanes at once, and a cold
 * page (parse, first render, styles) has been seen to take over 10 s there.
 */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible({ timeout: 60_000 });
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** A screenshot without a hover tooltip left over from the last click. */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1300, 740);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await screenshot(page, name);
}

async function forgetView(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith('desk.queue.')) window.localStorage.removeItem(key);
  });
}

const ids: Partial<Record<keyof typeof SEEDED, number>> = {};
let before: Counts;

test('seed dossiers in several work states through the real API', async ({ page }) => {
  await openDesk(page);
  await ensureConfigured(page);
  before = await counts(page);

  ids.banSao = await create(page, 'chung-thuc-ban-sao', SEEDED.banSao, { accept: true });
  ids.tthn = await create(page, 'xac-nhan-tthn', SEEDED.tthn, { accept: true });
  ids.khaiSinh = await create(page, 'khai-sinh', SEEDED.khaiSinh);
  await act(page, ids.khaiSinh, {
    type: 'requestSupplement',
    stage: 'reception',
    items: [{ name: 'Giấy chứng sinh', reason: 'Chưa có bản chính' }],
    reason: 'Hồ sơ chưa đủ giấy tờ theo quy định',
  });
  ids.online = await create(page, 'xac-nhan-tthn', SEEDED.online, { channel: 2 });
  ids.withdrawn = await create(page, 'chung-thuc-chu-ky', SEEDED.withdrawn, { accept: true });
  await act(page, ids.withdrawn, { type: 'withdraw', reason: 'Công dân xin rút hồ sơ' });
  // Enough rows to scroll: the remembered scroll position needs somewhere to go.
  for (const given of BULK_NAMES) await create(page, 'trich-luc-ban-sao', `Quách Văn ${given}`, { accept: true });
  for (const given of BULK_NAMES.slice(0, 10)) await create(page, 'khai-tu', `Quách Thị ${given}`);
  await importOnline(page, LATE_ONLINE.name, new Date(Date.now() - 14 * 86_400_000));

  const after = await counts(page);
  expect(after.byTab.online - before.byTab.online).toBe(2);
  expect(after.byTab.new - before.byTab.new).toBe(2 + BULK_NAMES.length + 10);
  expect(after.byTab.supplement - before.byTab.supplement).toBe(1);
  expect(after.byTab.closed - before.byTab.closed).toBe(1);
  expect(after.byTab.all - before.byTab.all).toBe(6 + BULK_NAMES.length + 10);
});

test('tabs show their counts and switch at once; the radar columns and flags', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await forgetView(page);
  await reload(page);

  await test.step('each tab shows the count the desk gives', async () => {
    const now = await counts(page);
    await expect(page.getByRole('tablist', { name: 'Hồ sơ theo tình trạng xử lý' }).getByRole('tab')).toHaveCount(8);
    for (const t of TABS) {
      await expect(tab(page, t).locator('.qtab-count')).toHaveText(now.byTab[t].toLocaleString('vi-VN'));
    }
    await expect(tab(page, 'all')).toHaveAttribute('aria-selected', 'true');
    await expect(bodyRows(page).first()).toBeVisible();
    await expectAccessible(page, 'queue radar');
    await shot(page, 'queue-01-all');
  });

  await test.step('the online tab: waiting online dossiers count down to their acceptance limit', async () => {
    await tab(page, 'online').click();
    await expect(tab(page, 'online')).toHaveAttribute('aria-selected', 'true');
    await expect(grid(page)).toHaveAccessibleName('Danh sách hồ sơ: Trực tuyến chờ tiếp nhận');
    const row = bodyRows(page).filter({ hasText: SEEDED.online });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Trực tuyến');
    await expect(row).toContainText('(tiếp nhận)');
    await expect(row.locator('.qremaining')).toHaveText(/^(còn .+ để tiếp nhận|quá hạn .+|đến hạn tiếp nhận)$/);
    await expect(bodyRows(page).filter({ hasText: SEEDED.tthn })).toHaveCount(0);
    await shot(page, 'queue-02-online');
  });

  await test.step('Alt+digit switches tabs from anywhere on the screen', async () => {
    await page.keyboard.press('Alt+4');
    await expect(tab(page, 'supplement')).toHaveAttribute('aria-selected', 'true');
    await expect(bodyRows(page).filter({ hasText: SEEDED.khaiSinh })).toBeVisible();
    await expect(bodyRows(page).filter({ hasText: SEEDED.khaiSinh })).toContainText('Yêu cầu bổ sung');
    await page.keyboard.press('Alt+7');
    await expect(tab(page, 'closed')).toHaveAttribute('aria-selected', 'true');
    await expect(bodyRows(page).filter({ hasText: SEEDED.withdrawn })).toBeVisible();
    await page.keyboard.press('Alt+2');
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    await expect(grid(page)).toHaveAccessibleName('Danh sách hồ sơ: Mới tiếp nhận');
    await expect(bodyRows(page).first()).toContainText('Quách'); // the newest intake first
    // The shortcut is in the tab's tooltip and its aria-keyshortcuts.
    await expect(tab(page, 'new')).toHaveAttribute('aria-keyshortcuts', 'Alt+2');
    await tab(page, 'ready').hover();
    await expect(page.getByRole('tooltip').filter({ hasText: 'Phím tắt: Alt+5' })).toBeVisible();
  });

  await test.step('remaining working time and the flags the desk computed are shown, in words', async () => {
    await page.keyboard.press('Alt+8');
    const short: Record<string, string> = {
      overdue: 'Quá hạn',
      dueSoon: 'Đến hạn trong 1 ngày',
      acceptanceLate: 'Quá 8 giờ tiếp nhận',
      forwardLate: 'Chậm chuyển hồ sơ',
      stale: 'Hồ sơ treo',
    };
    /** The rows of a search carry exactly the desk's flags, each in words, and the working time left or overdue. */
    const expectRows = async (q: string, n: number) => {
      await search(page).fill(q);
      await expect(bodyRows(page)).toHaveCount(n);
      const fromDesk = await listRows(page, { tab: 'all', q });
      expect(fromDesk).toHaveLength(n);
      for (const r of fromDesk) {
        const row = bodyRows(page).filter({ hasText: r.code });
        for (const flag of r.flags) await expect(row.locator(`.qflag-${flag}`)).toHaveText(new RegExp(short[flag] ?? flag));
        await expect(row.locator('.qflag')).toHaveCount(r.flags.length);
        expect((await row.locator('.qflag').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')))).sort(), r.code).toEqual([...r.flags].sort());
        const left = r.remainingWorkingMinutes;
        if (left === null) await expect(row.locator('.qremaining')).toHaveCount(0);
        else if (left > 0) await expect(row.locator('.qremaining')).toHaveText(/^còn (\d+ ngày( \d+ giờ)?|\d+ giờ( \d+ phút)?|\d+ phút)( để tiếp nhận)?$/);
        else if (left < 0) await expect(row.locator('.qremaining')).toHaveText(/^quá hạn (\d+ ngày( \d+ giờ)?|\d+ giờ( \d+ phút)?|\d+ phút)$/);
      }
      return fromDesk;
    };
    // Submitted two weeks ago, never accepted: late for acceptance by days, whatever the hour.
    const [late] = await expectRows(LATE_ONLINE.q, 1);
    expect(late!.flags).toContain('acceptanceLate');
    expect(late!.remainingWorkingMinutes).toBeLessThan(-3 * 480);
    await expect(bodyRows(page).first().locator('.qflag-acceptanceLate')).toHaveText(/Quá 8 giờ tiếp nhận/);
    await expect(bodyRows(page).first().locator('.qremaining')).toHaveText(/^quá hạn \d+ ngày/);

    const fromDesk = await expectRows('khong', 5);
    const byName = (name: string) => fromDesk.find((r) => r.applicantName === name)!;
    // Created minutes ago: waiting for the citizen (5), withdrawn (7) have no clock and no flag; the online one has
    // most of its 8 working hours left; nothing has been still for days.
    expect(byName(SEEDED.khaiSinh)).toMatchObject({ flags: [], remainingWorkingMinutes: null });
    expect(byName(SEEDED.withdrawn)).toMatchObject({ flags: [], remainingWorkingMinutes: null });
    expect(byName(SEEDED.online).flags).toEqual([]);
    expect(byName(SEEDED.online).remainingWorkingMinutes).toBeGreaterThan(7 * 60);
    await expect(bodyRows(page).filter({ hasText: SEEDED.online }).locator('.qremaining')).toHaveText(/^còn .+ để tiếp nhận$/);
    for (const r of fromDesk) expect(r.flags, r.code).not.toContain('stale');
    // Accepted at the counter by this officer, who holds it until it is forwarded.
    await expect(bodyRows(page).filter({ hasText: SEEDED.tthn })).toContainText('Lê Văn Tâm');
    // A same-day procedure accepted today is flagged as due within one working day exactly when it is: received
    // after 15:00 (or out of hours) it is due the next working day, more than 8 working hours away.
    const banSao = fromDesk.find((r) => r.applicantName === SEEDED.banSao)!;
    const left = banSao.remainingWorkingMinutes!;
    expect(banSao.flags.includes('dueSoon'), `${left} working minutes left`).toBe(left > 0 && left < 8 * 60);
    await shot(page, 'queue-03-search');
  });
});

test('every flag is drawn with its colour, icon and words (flags forced on real rows)', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await forgetView(page);
  // The clock cannot be moved on the real desk: take its real answer and set the flags and times of the rows.
  const forced: Record<string, { flags: string[]; remainingWorkingMinutes: number }> = {
    [SEEDED.online]: { flags: ['acceptanceLate', 'stale'], remainingWorkingMinutes: -95 },
    [SEEDED.tthn]: { flags: ['overdue', 'forwardLate'], remainingWorkingMinutes: -(2 * 480 + 90) },
    [SEEDED.banSao]: { flags: ['dueSoon'], remainingWorkingMinutes: 200 },
    [SEEDED.khaiSinh]: { flags: ['stale'], remainingWorkingMinutes: 3 * 480 + 120 },
  };
  await page.route('**/api/listQueue', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { ok: boolean; value: { items: Array<Row & { acceptanceDeadline: string | null }> } };
    for (const item of json.value.items) {
      const f = forced[item.applicantName];
      if (!f) continue;
      item.flags = f.flags;
      item.remainingWorkingMinutes = f.remainingWorkingMinutes;
      if (f.flags.includes('acceptanceLate')) item.acceptanceDeadline ??= item.receivedAt;
    }
    await route.fulfill({ response, json });
  });
  await reload(page);
  await search(page).fill('khong');
  await expect(bodyRows(page)).toHaveCount(5);
  const row = (name: string) => bodyRows(page).filter({ hasText: name });
  await expect(row(SEEDED.online).locator('.qflag-acceptanceLate')).toHaveText(/Quá 8 giờ tiếp nhận/);
  await expect(row(SEEDED.online).locator('.qflag-acceptanceLate .sr-only')).toHaveText('Hồ sơ trực tuyến quá 8 giờ làm việc chưa được tiếp nhận');
  await expect(row(SEEDED.online).locator('.qflag-stale')).toBeVisible();
  await expect(row(SEEDED.online).locator('.qremaining')).toHaveText('quá hạn 1 giờ 35 phút');
  await expect(row(SEEDED.tthn).locator('.qflag-overdue')).toHaveText(/Quá hạn/);
  await expect(row(SEEDED.tthn).locator('.qflag-forwardLate')).toHaveText(/Chậm chuyển hồ sơ/);
  await expect(row(SEEDED.tthn).locator('.qflag-forwardLate .sr-only')).toHaveText(
    'Hồ sơ giấy đã tiếp nhận nhưng chưa chuyển cho công chức chuyên môn trong thời hạn (NĐ 118/2025, Điều 18)',
  );
  // The most pressing first: overdue, then the missed hand-over.
  expect(await row(SEEDED.tthn).locator('.qflag').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')))).toEqual(['overdue', 'forwardLate']);
  await expect(row(SEEDED.tthn).locator('.qremaining')).toHaveText('quá hạn 2 ngày 1 giờ');
  await expect(row(SEEDED.banSao).locator('.qflag-dueSoon .sr-only')).toHaveText('Đến hạn trong 1 ngày làm việc');
  await expect(row(SEEDED.banSao).locator('.qremaining')).toHaveText('còn 3 giờ 20 phút');
  await expect(row(SEEDED.khaiSinh).locator('.qflag-stale')).toHaveText(/Hồ sơ treo/);
  await expect(row(SEEDED.khaiSinh).locator('.qremaining')).toHaveText('còn 3 ngày 2 giờ');
  // Colour is never alone: each badge has an icon and words; late is red, due soon amber.
  await expect(row(SEEDED.tthn).locator('.qflag-overdue svg')).toHaveCount(1);
  await expect(row(SEEDED.tthn).locator('.qflag-forwardLate svg')).toHaveCount(1);
  const badge = (flag: string) => row(SEEDED.tthn).locator(`.qflag-${flag}`).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await badge('forwardLate')).toBe('rgb(179, 22, 31)');
  expect(await badge('forwardLate')).toBe(await badge('overdue'));
  const red = await row(SEEDED.tthn).locator('.qremaining').evaluate((el) => getComputedStyle(el).color);
  const amber = await row(SEEDED.banSao).locator('.qremaining').evaluate((el) => getComputedStyle(el).color);
  expect(red).toBe('rgb(163, 21, 31)');
  expect(amber).toBe('rgb(138, 71, 0)');
  await expect(row(SEEDED.khaiSinh).locator('.qflag-stale')).toHaveAttribute('title', /^Hồ sơ treo: không có thao tác nào trong \d+ ngày làm việc$/);
  await expectAccessible(page, 'queue flags');
  await screenshot(page, 'queue-04-flags');
});

test('filters, sorting, and clearing them', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await forgetView(page);
  await reload(page);
  await search(page).fill('khong');
  await expect(bodyRows(page)).toHaveCount(5);

  await test.step('procedure: typed without diacritics', async () => {
    const procedure = page.getByRole('combobox', { name: 'Thủ tục' });
    await procedure.click();
    await procedure.pressSequentially('tinh trang hon nhan');
    await expect(page.locator('.ant-select-item-option').filter({ hasText: /tình trạng hôn nhân/i }).first()).toBeVisible();
    await procedure.press('Enter');
    await expect(bodyRows(page)).toHaveCount(2);
    expect((await rowNames(bodyRows(page))).sort()).toEqual([SEEDED.online, SEEDED.tthn].sort());
  });

  await test.step('channel narrows further; the clear button says how many filters are on', async () => {
    const channel = page.getByRole('combobox', { name: 'Kênh' });
    await channel.click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^Trực tuyến$/ }).click();
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page).first()).toContainText(SEEDED.online);
    await expect(page.getByRole('button', { name: 'Xóa lọc (3)' })).toBeEnabled();
    await shot(page, 'queue-05-filters');
  });

  await test.step('Xóa lọc clears filters and search', async () => {
    await page.getByRole('button', { name: 'Xóa lọc (3)' }).click();
    await expect(search(page)).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Xóa lọc', exact: true })).toBeDisabled();
    await search(page).fill('khong');
    await expect(bodyRows(page)).toHaveCount(5);
  });

  await test.step('field (lĩnh vực) and warning filters', async () => {
    const field = page.getByRole('combobox', { name: 'Lĩnh vực' });
    await field.click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^Chứng thực$/ }).click();
    await expect(bodyRows(page)).toHaveCount(2);
    expect((await rowNames(bodyRows(page))).sort()).toEqual([SEEDED.banSao, SEEDED.withdrawn].sort());
    await page.getByRole('button', { name: 'Xóa lọc (2)' }).click();
    await search(page).fill('khong');
    // Due dates made relative to now: within 4 hours of the clock is within one working day at any hour (working
    // time never runs faster than the clock), 30 days away never is; the other three do not run (1, 5, 7).
    const khong = await listRows(page, { tab: 'all', q: 'khong' });
    const idOf = (name: string) => khong.find((r) => r.applicantName === name)!.id;
    const soon = idOf(SEEDED.banSao);
    const far = idOf(SEEDED.tthn);
    const saved = setDueAt({ [soon]: Date.now() + 4 * 3_600_000, [far]: Date.now() + 30 * 86_400_000 });
    try {
      const dueSoon = page.getByRole('group', { name: 'Lọc theo cảnh báo' }).getByRole('button', { name: /Đến hạn trong 1 ngày/ });
      await dueSoon.click();
      await expect(dueSoon).toHaveAttribute('aria-pressed', 'true');
      await expect(bodyRows(page)).toHaveCount(1);
      await expect(bodyRows(page).first()).toContainText(SEEDED.banSao);
      await expect(bodyRows(page).first().locator('.qflag-dueSoon')).toHaveText(/Đến hạn trong 1 ngày/);
      await expect(bodyRows(page).first().locator('.qremaining')).toHaveText(/^còn \d+ giờ( \d+ phút)?$|^còn \d+ phút$/);
      expect((await listRows(page, { tab: 'all', q: 'khong', flag: 'dueSoon' })).map((r) => r.id)).toEqual([soon]);
      const all = await listRows(page, { tab: 'all', q: 'khong' });
      expect(all.filter((r) => r.flags.includes('dueSoon')).map((r) => r.id)).toEqual([soon]);
      expect(all.find((r) => r.id === far)!.remainingWorkingMinutes).toBeGreaterThan(8 * 60);
      await dueSoon.click();
      await expect(dueSoon).toHaveAttribute('aria-pressed', 'false');
      await expect(bodyRows(page)).toHaveCount(5);
    } finally {
      setDueAt(saved);
    }
  });

  await test.step('the period: dd/mm/yyyy on screen, from the day of reception keeps all of them, up to the day before none', async () => {
    // The days come from the rows' own reception times (Vietnamese calendar), not from the clock: a run that crosses
    // midnight between the seeding and this step is still right.
    const days = (await listRows(page, { tab: 'all', q: 'khong' })).map((r) => vnDayKey(r.receivedAt)).sort();
    expect(days).toHaveLength(5);
    const first = days[0]!;
    const from = page.getByRole('textbox', { name: 'Nhận từ ngày' });
    await from.click();
    await from.fill(shownDay(first));
    await from.press('Enter');
    await expect(from).toHaveValue(shownDay(first));
    await expect(bodyRows(page)).toHaveCount(5);
    expect(await listRows(page, { tab: 'all', q: 'khong', from: first })).toHaveLength(5);
    const to = page.getByRole('textbox', { name: 'Nhận đến ngày' });
    await page.getByRole('button', { name: /Xóa lọc/ }).click();
    await search(page).fill('khong');
    await expect(bodyRows(page)).toHaveCount(5);
    await to.click();
    await to.fill(shownDay(first, -1));
    await to.press('Enter');
    await expect(to).toHaveValue(shownDay(first, -1));
    await expect(bodyRows(page)).toHaveCount(0);
    await expect(page.getByText('Không tìm thấy hồ sơ phù hợp.')).toBeVisible();
    await page.getByRole('button', { name: /Xóa lọc/ }).first().click();
  });

  await test.step('column headers sort by reception and due date, both ways (the whole tab: no search)', async () => {
    await search(page).fill('');
    const receivedHead = page.getByRole('columnheader', { name: /Ngày nhận/ });
    const dueHead = page.getByRole('columnheader', { name: /Hẹn trả/ });
    const firstCode = () => bodyRows(page).first().locator('.code-cell');
    const expectFirst = async (input: Record<string, unknown>) => {
      const fromDesk = await listRows(page, { tab: 'all', ...input });
      await expect(firstCode()).toHaveText(fromDesk[0]?.code ?? 'none');
      expect(await bodyRows(page).locator('.code-cell').allTextContents()).toEqual(
        fromDesk.slice(0, await bodyRows(page).count()).map((r) => r.code),
      );
    };
    await expect(receivedHead).toHaveAttribute('aria-sort', 'descending');
    await expectFirst({ sort: 'received', direction: 'desc' });
    await receivedHead.getByRole('button').click();
    await expect(receivedHead).toHaveAttribute('aria-sort', 'ascending');
    await expectFirst({ sort: 'received', direction: 'asc' });
    await dueHead.getByRole('button').click();
    await expect(dueHead).toHaveAttribute('aria-sort', 'ascending');
    await expect(receivedHead).not.toHaveAttribute('aria-sort', /.+/);
    await expectFirst({ sort: 'due', direction: 'asc' });
    await dueHead.getByRole('button').click();
    await expect(dueHead).toHaveAttribute('aria-sort', 'descending');
    await expectFirst({ sort: 'due', direction: 'desc' });
    // A search is answered newest first whatever the sort; the headers say so, and the sort comes back after.
    await search(page).fill('khong');
    await expect(bodyRows(page)).toHaveCount(5);
    await expect(receivedHead).toHaveAttribute('aria-sort', 'descending');
    await expect(receivedHead).toHaveAttribute('title', 'Kết quả tìm kiếm luôn xếp hồ sơ mới nhất trước');
    await expect(dueHead.getByRole('button')).toHaveCount(0);
    await search(page).fill('');
    await expect(dueHead).toHaveAttribute('aria-sort', 'descending');
  });
});

test('the view is remembered across a reload and a visit to a dossier; keyboard all the way', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await forgetView(page);
  await reload(page);

  await test.step('/ and Ctrl+F go to the search box', async () => {
    await grid(page).focus();
    await page.keyboard.press('/');
    await expect(search(page)).toBeFocused();
    await expect(search(page)).toHaveValue('');
    await grid(page).focus();
    await page.keyboard.press('Control+f');
    await expect(search(page)).toBeFocused();
  });

  await test.step('a tab, a filter, a sort and a search survive a reload', async () => {
    await page.keyboard.press('Alt+2');
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    const channel = page.getByRole('combobox', { name: 'Kênh' });
    await channel.click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^Trực tiếp$/ }).click();
    await page.getByRole('columnheader', { name: /Hẹn trả/ }).getByRole('button').click();
    await expect(page.getByRole('columnheader', { name: /Hẹn trả/ })).toHaveAttribute('aria-sort', 'ascending');
    await reload(page);
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.qfilter-channel')).toContainText('Trực tiếp');
    await expect(page.getByRole('columnheader', { name: /Hẹn trả/ })).toHaveAttribute('aria-sort', 'ascending');
    await search(page).fill('khong van');
    await expect(bodyRows(page)).toHaveCount(1);
    await expect(bodyRows(page).first()).toContainText(SEEDED.tthn);
    await reload(page);
    await expect(search(page)).toHaveValue('khong van');
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    await expect(bodyRows(page)).toHaveCount(1);
    const stored = await page.evaluate(() => window.localStorage.getItem(Object.keys(window.localStorage).find((k) => /^desk\.queue\.view\.\d+$/.test(k)) ?? ''));
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ tab: 'new', filters: { channel: 1 }, sort: 'due', direction: 'asc', q: 'khong van' });
    await page.getByRole('button', { name: /Xóa lọc/ }).first().click();
    await page.keyboard.press('Alt+8');
    await page.getByRole('columnheader', { name: /Ngày nhận/ }).getByRole('button').click();
    await expect(page.getByRole('columnheader', { name: /Ngày nhận/ })).toHaveAttribute('aria-sort', 'descending');
  });

  let openedId = '';
  await test.step('arrows walk the list, Enter opens, Esc comes back to the same row and scroll position', async () => {
    await search(page).focus();
    await page.keyboard.press('ArrowDown');
    await expect(grid(page)).toBeFocused();
    await expect(bodyRows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
    for (let i = 0; i < 14; i += 1) await page.keyboard.press('ArrowDown');
    const selected = grid(page).locator('[role="row"][aria-selected="true"]');
    await expect(selected).toHaveAttribute('aria-rowindex', '16');
    openedId = (await selected.getAttribute('data-id')) ?? '';
    const scrollTop = await grid(page).evaluate((el) => el.scrollTop);
    expect(scrollTop).toBeGreaterThan(200);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/dossiers/${openedId}$`));
    await expect(page.getByTestId('dossier-code')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Hàng đợi hồ sơ' })).toBeVisible();
    await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveAttribute('data-id', openedId);
    await expect(grid(page)).toBeFocused();
    await expect.poll(() => grid(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(scrollTop - 60);
    await page.keyboard.press('ArrowDown');
    await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveAttribute('aria-rowindex', '17');
  });

  await test.step('a reload keeps the scroll position and the selected row', async () => {
    const scrollTop = await grid(page).evaluate((el) => el.scrollTop);
    const selectedId = await grid(page).locator('[role="row"][aria-selected="true"]').getAttribute('data-id');
    await page.waitForTimeout(300); // the scroll position is written a moment after scrolling stops
    await reload(page);
    await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveAttribute('data-id', selectedId ?? '');
    await expect.poll(() => grid(page).evaluate((el) => el.scrollTop)).toBe(scrollTop);
    await expectAccessible(page, 'queue restored');
    await shot(page, 'queue-06-restored');
  });

  await test.step('a tab switch starts at the top of the new tab', async () => {
    await page.keyboard.press('Alt+2');
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => grid(page).evaluate((el) => el.scrollTop)).toBe(0);
    await expect(grid(page).locator('[role="row"][aria-selected="true"]')).toHaveCount(0);
  });

  await test.step('Việc của tôi has no tabs: Alt+digits do nothing there and the key hint does not offer them', async () => {
    const hint = page.locator('.queue-foot .keys-hint');
    await expect(hint).toContainText('Alt+1…8');
    await page.getByText('Việc của tôi', { exact: true }).click();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(hint).toHaveText('↑ ↓ chọn · Enter mở · / tìm · F2 tiếp nhận mới');
    // This officer accepted three of the Khổng dossiers: two waiting at the desk and the one whose withdrawal the
    // desk has yet to settle (7). The desk leaves out what is finished; the others were never assigned.
    await search(page).fill('khong');
    await expect(bodyRows(page)).toHaveCount(3);
    expect((await rowNames(bodyRows(page))).sort()).toEqual([SEEDED.banSao, SEEDED.tthn, SEEDED.withdrawn].sort());
    await shot(page, 'queue-07-my-work');
    await grid(page).focus();
    await page.keyboard.press('Alt+5');
    await page.keyboard.press('Alt+7');
    await expect(grid(page)).toHaveAccessibleName('Danh sách hồ sơ: Việc của tôi');
    await expect(bodyRows(page)).toHaveCount(3);
    const stored = await page.evaluate(() => window.localStorage.getItem(Object.keys(window.localStorage).find((k) => /^desk\.queue\.view\.\d+$/.test(k)) ?? ''));
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ tab: 'new' });
    await search(page).fill('');
    await page.getByText('Tất cả hồ sơ', { exact: true }).click();
    await expect(tab(page, 'new')).toHaveAttribute('aria-selected', 'true');
    await expect(hint).toContainText('Alt+1…8');
  });
});
