import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { drawPng } from '../unit/files/fixtures';
import { api, ensureConfigured, expectAccessible, fieldError, openDesk, screenshot } from './desk';

/**
 * Review of the papers and the decisions on them (issue 4, items 4 and 5), through the browser door with real scans:
 * PDFs made with pdfkit (one with a scanned blank page, one shorter than declared), a PNG, and a file altered on disk.
 * The viewer (pdf.js in the page, under the desk's CSP), verdicts, the supplement request built from the review (Mẫu 02),
 * the supplement received, refusal (Mẫu 03), withdrawal, attach/detach, and correct-and-reissue (Mẫu 01 version 2).
 */
// Real scans through pdf.js on a shared build machine: generous limits, the checks themselves stay strict.
test.describe.configure({ mode: 'serial', timeout: 300_000 });
const SLOW = { timeout: 45_000 };
const expect = baseExpect.configure({ timeout: 20_000 });

const TINOS = path.join(process.cwd(), 'node_modules/@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');

// ---------- Scans ----------

/** A deterministic pseudo-random source, so every run scans the same "paper". */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** A scanned sheet of blank paper: slightly grey, grainy, a scanner shadow along the left edge. */
function blankScan(): Buffer {
  const rnd = noise(7);
  return drawPng(620, 877, (x) => {
    const v = x < 10 ? 90 : Math.round(236 + rnd() * 14);
    return [v, v, v - 4];
  });
}

/** A photo of a birth certificate: landscape, a red band on top, grey blocks of text; rotation is easy to see. */
function certificatePhoto(): Buffer {
  return drawPng(640, 420, (x, y) => {
    if (y > 20 && y < 56 && x > 20 && x < 620) return [178, 34, 44];
    if (x > 40 && x < 190 && y > 90 && y < 290) return [120, 130, 150];
    if (x > 220 && x < 600 && [100, 140, 180, 220, 260, 300].some((l) => y >= l && y < l + 12)) return [40, 40, 52];
    return x > 14 && x < 626 && y > 14 && y < 406 ? [226, 236, 244] : [250, 250, 250];
  });
}

/** A PDF whose pages are 'text: Title' (a typed page), 'scan-blank' (a scanned empty sheet) or 'empty' (no content). */
function pdf(pages: string[], salt = ''): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 56, info: { Title: `scan ${salt}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('tinos', TINOS);
    pages.forEach((p, i) => {
      doc.addPage();
      if (p === 'empty') return;
      if (p === 'scan-blank') {
        doc.image(blankScan(), 0, 0, { width: doc.page.width, height: doc.page.height });
        return;
      }
      doc.font('tinos').fontSize(14).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
      doc.fontSize(12).text('Độc lập - Tự do - Hạnh phúc', { align: 'center' }).moveDown(1.5);
      doc.fontSize(18).text(p.replace(/^text: /, ''), { align: 'center' }).moveDown();
      doc.fontSize(12);
      for (let k = 1; k <= 16; k++) {
        doc.text(`${k}. Họ và tên, ngày tháng năm sinh, nơi cư trú, số định danh cá nhân (trang ${i + 1}, dòng ${k}).`);
      }
      doc.moveDown().text(`Mã kiểm tra: ${salt}`);
      doc.rect(56, 700, 480, 48).stroke();
    });
    doc.end();
  });
}

// ---------- Desk helpers ----------

interface FileMetaLike {
  id: number;
  sha256: string;
  name: string;
  warnings: string[];
}

/** Uploads bytes as the officer's browser does (same cookie), into the desk's inbox. */
async function upload(page: Page, name: string, bytes: Buffer): Promise<FileMetaLike> {
  const res = await page.request.post(`/api/files?name=${encodeURIComponent(name)}`, {
    data: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });
  const body = (await res.json()) as { ok: boolean; value: FileMetaLike; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.value;
}

const component = (name: string, pages: number | undefined, required = true) => ({
  name,
  originals: 1,
  certifiedCopies: 0,
  photocopies: 0,
  required,
  ...(pages === undefined ? {} : { pages }),
});

async function createDossier(
  page: Page,
  fullName: string,
  idNumber: string,
  files: { name: string; bytes: Buffer; position: number }[] = [],
  accept = false,
): Promise<number> {
  const attachments = [];
  for (const f of files) attachments.push({ fileId: (await upload(page, f.name, f.bytes)).id, componentPosition: f.position });
  const created = await api<{ ok: boolean; value: { id: number }; error?: { message: string } }>(page, 'createDossier', {
    procedureId: 'khai-sinh',
    channel: 1,
    applicant: { fullName, idKind: 'cccd', idNumber, phone: '0912345678', email: '', address: 'Khu phố Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa' },
    components: [
      component('Tờ khai đăng ký khai sinh theo mẫu', 3),
      component('Giấy chứng sinh', 1),
      component('Văn bản ủy quyền (nếu có)', undefined, false),
      component('Căn cước công dân của người đi đăng ký', 2),
    ],
    attachments,
    accept,
  });
  expect(created.body.ok, created.body.error?.message).toBe(true);
  return created.body.value.id;
}

function failOnDialogs(page: Page) {
  page.on('dialog', (d) => {
    throw new Error(`Unexpected ${d.type()} dialog: ${d.message()}`);
  });
}

/** Errors the page logs (CSP refusals of the pdf.js worker, failed renders…); a refused file's 4xx/5xx is expected. */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const checklistRow = (page: Page, name: string) => page.locator('.checklist-row').filter({ hasText: name });
/** Clicks a verdict button as the officer does (antd's radio input itself is visually hidden). */
async function pickVerdict(row: Locator, label: 'Đạt' | 'Thiếu' | 'Không hợp lệ'): Promise<void> {
  await row.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click();
  await expect(row.getByRole('radio', { name: label })).toBeChecked();
}
const viewer = (page: Page) => page.getByTestId('viewer');
const canvas = (page: Page) => viewer(page).locator('canvas.viewer-canvas');
const actions = (page: Page) => page.getByRole('group', { name: 'Thao tác với hồ sơ' });
const statusTag = (page: Page) => page.locator('.screen-head .status-tag');

async function zoomPercent(page: Page): Promise<number> {
  return Number((await page.getByTestId('zoom-level').textContent())?.replace('%', ''));
}

// ---------- Specs ----------

let reviewedId = 0;

test('the officer reviews the scans: PDF pages, thumbnails, zoom, rotation, an image, the pre-check warnings', async ({ page }) => {
  failOnDialogs(page);
  const consoleErrors = collectConsoleErrors(page);
  await openDesk(page);
  await ensureConfigured(page);
  reviewedId = await createDossier(page, 'Trần Thị Bình', '038196001234', [
    { name: 'to-khai-khai-sinh.pdf', bytes: await pdf(['text: TỜ KHAI ĐĂNG KÝ KHAI SINH', 'scan-blank', 'text: Cam đoan và chữ ký'], 'a1'), position: 1 },
    { name: 'giay-chung-sinh.png', bytes: certificatePhoto(), position: 2 },
    { name: 'cccd-me.pdf', bytes: await pdf(['text: CĂN CƯỚC CÔNG DÂN (mặt trước)'], 'a2'), position: 4 },
  ]);
  await page.goto(`/#/dossiers/${reviewedId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Kiểm tra thành phần hồ sơ' })).toBeVisible();

  await test.step('the first scan opens in the viewer with its page thumbnails and page count', async () => {
    await expect(viewer(page)).toHaveAttribute('aria-label', /to-khai-khai-sinh\.pdf/);
    await expect(canvas(page)).toBeVisible(SLOW);
    await expect(canvas(page)).toHaveAccessibleName('Trang 1 / 3 của tệp to-khai-khai-sinh.pdf');
    await expect(page.getByTestId('page-count')).toHaveText('/ 3 trang');
    const thumbs = page.getByRole('navigation', { name: 'Các trang của tệp' }).getByRole('button');
    await expect(thumbs).toHaveCount(3);
    await expect(thumbs.locator('img')).toHaveCount(3, SLOW);
  });

  await test.step('the scanned blank page is found from its thumbnail; the short file is flagged by the desk', async () => {
    const toKhai = checklistRow(page, 'Tờ khai đăng ký khai sinh');
    await expect(toKhai.getByRole('list', { name: 'Cảnh báo của tệp to-khai-khai-sinh.pdf' })).toHaveText(/Trang 2 có vẻ trắng/, SLOW);
    await expect(page.getByRole('button', { name: 'Trang 2 (Trang 2 có vẻ trắng)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Trang 1', exact: true })).toBeVisible();
    const cccd = checklistRow(page, 'Căn cước công dân');
    await expect(cccd.getByRole('list', { name: 'Cảnh báo của tệp cccd-me.pdf' })).toContainText('Tệp có 1 trang');
    await expect(cccd).toContainText('khai 2 trang');
  });

  await test.step('page navigation, zoom in and out, fit, rotation', async () => {
    await page.getByRole('button', { name: 'Trang sau' }).click();
    await expect(canvas(page)).toHaveAccessibleName('Trang 2 / 3 của tệp to-khai-khai-sinh.pdf');
    await expect(page.getByRole('spinbutton', { name: 'Trang đang xem' })).toHaveValue('2');
    await expect(viewer(page).getByRole('alert').or(viewer(page).locator('.viewer-page-warning'))).toContainText('Trang 2 có vẻ trắng');
    await page.getByRole('button', { name: 'Trang 3', exact: true }).click();
    await expect(canvas(page)).toHaveAttribute('data-page', '3');

    const fitted = await zoomPercent(page);
    expect(fitted).toBeGreaterThan(30);
    await page.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(() => zoomPercent(page)).toBeGreaterThan(fitted);
    const zoomed = await zoomPercent(page);
    const wide = await canvas(page).evaluate((c) => c.getBoundingClientRect().width);
    await page.getByRole('button', { name: 'Thu nhỏ' }).click();
    await page.getByRole('button', { name: 'Thu nhỏ' }).click();
    await expect.poll(() => zoomPercent(page)).toBeLessThan(zoomed);
    await expect.poll(() => canvas(page).evaluate((c) => c.getBoundingClientRect().width)).toBeLessThan(wide);
    await page.getByRole('button', { name: 'Vừa khung' }).click();
    await expect.poll(() => zoomPercent(page)).toBe(fitted);

    // A4 is portrait; a quarter turn makes the page wider than tall.
    const before = await canvas(page).evaluate((c) => c.getBoundingClientRect().height / c.getBoundingClientRect().width);
    expect(before).toBeGreaterThan(1.3);
    await page.getByRole('button', { name: 'Xoay phải' }).click();
    await expect(canvas(page)).toHaveAttribute('data-rotation', '90');
    await expect.poll(() => canvas(page).evaluate((c) => c.getBoundingClientRect().width / c.getBoundingClientRect().height)).toBeGreaterThan(1.3);
    await screenshot(page, 'review-01-pdf-rotated');
    await page.getByRole('button', { name: 'Xoay trái' }).click();
    await expect(canvas(page)).toHaveAttribute('data-rotation', '0');
    await page.getByRole('button', { name: 'Trang 2 (Trang 2 có vẻ trắng)' }).click();
    await screenshot(page, 'review-02-pdf-blank-page');
  });

  await test.step('an image: zoom and rotate', async () => {
    await page.getByRole('button', { name: 'Xem tệp giay-chung-sinh.png' }).click();
    await expect(canvas(page)).toHaveAccessibleName('Ảnh giay-chung-sinh.png');
    await expect(page.getByRole('navigation', { name: 'Các trang của tệp' })).toHaveCount(0);
    const ratio = () => canvas(page).evaluate((c) => c.getBoundingClientRect().width / c.getBoundingClientRect().height);
    await expect.poll(ratio).toBeGreaterThan(1.4); // 640 × 420
    const fitted = await zoomPercent(page);
    await page.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(() => zoomPercent(page)).toBeGreaterThan(fitted);
    await page.getByRole('button', { name: 'Xoay trái' }).click();
    await expect(canvas(page)).toHaveAttribute('data-rotation', '270');
    await expect.poll(ratio).toBeLessThan(0.7);
    await screenshot(page, 'review-03-image-rotated');
  });

  await test.step('a scan is added to a component from the panel, then removed', async () => {
    const row = checklistRow(page, 'Văn bản ủy quyền');
    await expect(row).toContainText('Chưa có tệp');
    await row.getByTestId(/^attach-input-/).setInputFiles({
      name: 'uy-quyen.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf(['text: VĂN BẢN ỦY QUYỀN'], 'a3'),
    });
    await expect(page.getByText('Đã đính kèm 1 tệp vào "Văn bản ủy quyền (nếu có)"')).toBeVisible();
    await expect(row.getByRole('button', { name: 'Xem tệp uy-quyen.pdf' })).toBeVisible();
    await expect(canvas(page)).toHaveAccessibleName('Trang 1 / 1 của tệp uy-quyen.pdf');
    await expect(page.locator('.history')).toContainText('Đính kèm tệp');

    await row.getByRole('button', { name: 'Gỡ tệp uy-quyen.pdf' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ tệp' }).click();
    await expect(row.getByRole('button', { name: 'Xem tệp uy-quyen.pdf' })).toHaveCount(0);
    await expect(row).toContainText('Chưa có tệp');
    await expect(page.locator('.history')).toContainText('Gỡ tệp đính kèm');
  });

  await test.step('a file changed on disk is refused by the desk, and the viewer says so in Vietnamese', async () => {
    const row = checklistRow(page, 'Văn bản ủy quyền');
    await row.getByTestId(/^attach-input-/).setInputFiles({
      name: 'bi-sua.pdf',
      mimeType: 'application/pdf',
      buffer: await pdf(['text: TỆP SẼ BỊ SỬA'], 'tampered'),
    });
    await expect(row.getByRole('button', { name: 'Xem tệp bi-sua.pdf' })).toBeVisible();
    const detail = await api<{ value: { attachments: FileMetaLike[] } }>(page, 'getDossier', { id: reviewedId });
    const tampered = detail.body.value.attachments.find((f) => f.name === 'bi-sua.pdf')!;
    const blob = findBlob(tampered.sha256);
    fs.appendFileSync(blob, '% sửa ngoài phần mềm\n');
    await page.reload();
    await row.getByRole('button', { name: 'Xem tệp bi-sua.pdf' }).click();
    await expect(viewer(page).getByRole('alert')).toContainText('Không mở được tệp');
    await expect(viewer(page).getByRole('alert')).toContainText('đã bị thay đổi ngoài phần mềm');
    await expect(row.getByRole('list', { name: 'Cảnh báo của tệp bi-sua.pdf' })).toContainText('đã bị thay đổi ngoài phần mềm');
    await screenshot(page, 'review-04-file-refused');
    await row.getByRole('button', { name: 'Gỡ tệp bi-sua.pdf' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Gỡ tệp' }).click();
    await expect(row.getByRole('button', { name: 'Xem tệp bi-sua.pdf' })).toHaveCount(0);
  });

  expect(consoleErrors, 'console errors (CSP, pdf.js)').toEqual([]);
});

/** The stored blob of a file, in the e2e server's data folder (content-addressed by SHA-256). */
function findBlob(sha256: string): string {
  const root = process.env.DESK_E2E_DATA_DIR;
  if (!root) throw new Error('DESK_E2E_DATA_DIR is not set');
  const walk = (dir: string): string | null => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (e.name === sha256) return p;
    }
    return null;
  };
  const found = walk(root);
  if (!found) throw new Error(`blob ${sha256} not found under ${root}`);
  return found;
}

test('verdicts per component, a supplement request built from them (Mẫu 02), then the supplement received', async ({ page, context }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  await page.goto(`/#/dossiers/${reviewedId}`);
  await expect(canvas(page)).toBeVisible(SLOW);

  await test.step('đạt / thiếu / không hợp lệ; không hợp lệ needs a reason', async () => {
    await pickVerdict(checklistRow(page, 'Tờ khai đăng ký khai sinh'), 'Đạt');
    const birth = checklistRow(page, 'Giấy chứng sinh');
    await pickVerdict(birth, 'Không hợp lệ');
    const cccd = checklistRow(page, 'Căn cước công dân');
    await pickVerdict(cccd, 'Thiếu');
    await cccd.getByRole('textbox', { name: /^Lý do:/ }).fill('Thiếu mặt sau của thẻ');
    await expect(page.getByTestId('review-summary')).toContainText('1 đạt');
    await expect(page.getByTestId('review-summary')).toContainText('1 thiếu');
    await expect(page.getByTestId('review-summary')).toContainText('1 không hợp lệ');

    await page.getByRole('button', { name: /Lưu kết quả kiểm tra/ }).click();
    await expect(birth.getByRole('alert')).toHaveText('Thành phần không hợp lệ: cần ghi rõ lý do');
    await expect(birth.getByRole('textbox', { name: /^Lý do:/ })).toHaveAttribute('aria-invalid', 'true');
    await birth.getByRole('textbox', { name: /^Lý do:/ }).fill('Ảnh chụp mờ, không đọc được số giấy chứng sinh');
    await expect(birth.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: /Lưu kết quả kiểm tra/ }).click();
    await expect(page.getByText('Đã lưu kết quả kiểm tra', { exact: true })).toBeVisible();
    await expect(page.locator('.history')).toContainText('Kiểm tra thành phần hồ sơ');
    await expect(page.getByRole('button', { name: /Lưu kết quả kiểm tra/ })).toBeDisabled();
    // The head says what the review implies; "Yêu cầu bổ sung" becomes the suggested step.
    await expect(page.locator('.screen-head')).toContainText('Còn 2 thành phần thiếu hoặc không hợp lệ');
    await expectAccessible(page, 'review with verdicts');
    await screenshot(page, 'review-05-verdicts');
  });

  await test.step('the verdicts survive a reload', async () => {
    await page.reload();
    await expect(checklistRow(page, 'Giấy chứng sinh').getByRole('radio', { name: 'Không hợp lệ' })).toBeChecked();
    await expect(checklistRow(page, 'Giấy chứng sinh').getByRole('textbox', { name: /^Lý do:/ })).toHaveValue(
      'Ảnh chụp mờ, không đọc được số giấy chứng sinh',
    );
    await expect(checklistRow(page, 'Tờ khai đăng ký khai sinh').getByRole('radio', { name: 'Đạt' })).toBeChecked();
  });

  await test.step('Yêu cầu bổ sung: the request is pre-filled from the review, editable', async () => {
    await actions(page).getByRole('button', { name: /Yêu cầu bổ sung, hoàn thiện hồ sơ/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('supplement-prefilled')).toContainText('Đã điền sẵn 2 thành phần');
    const rows = dialog.locator('.supplement-items tbody tr');
    await expect(rows.filter({ hasText: 'Giấy chứng sinh' }).getByRole('checkbox')).toBeChecked();
    await expect(rows.filter({ hasText: 'Giấy chứng sinh' }).getByRole('textbox')).toHaveValue('Ảnh chụp mờ, không đọc được số giấy chứng sinh');
    await expect(rows.filter({ hasText: 'Căn cước công dân' }).getByRole('checkbox')).toBeChecked();
    await expect(rows.filter({ hasText: 'Căn cước công dân' }).getByRole('textbox')).toHaveValue('Thiếu mặt sau của thẻ');
    await expect(rows.filter({ hasText: 'Tờ khai đăng ký khai sinh' }).getByRole('checkbox')).not.toBeChecked();
    await expect(dialog.getByLabel('Lý do yêu cầu bổ sung', { exact: true })).toHaveValue(/Hồ sơ chưa đầy đủ, hợp lệ/);
    // Editable: the officer sharpens one reason and adds a paper the checklist did not have.
    await rows.filter({ hasText: 'Căn cước công dân' }).getByRole('textbox').fill('Thiếu mặt sau của thẻ CCCD');
    await dialog.getByLabel('Giấy tờ khác', { exact: true }).fill('Giấy xác nhận cư trú');
    await dialog.getByLabel('Lý do: Giấy tờ khác', { exact: true }).fill('Người mẹ không cư trú tại phường');
    await expectAccessible(page, 'supplement dialog from the review');
    await screenshot(page, 'decision-01-supplement-dialog');

    const pdfResponse = context.waitForEvent('response', (r) => /\/api\/documents\/\d+\.pdf$/.test(r.url()));
    const popup = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Ghi nhận và lập Mẫu 02' }).click();
    await popup;
    expect((await pdfResponse).headers()['content-type']).toBe('application/pdf');
    await expect(dialog).toBeHidden();
  });

  await test.step('Mẫu 02 is listed with the dossier; the dossier waits for the citizen', async () => {
    await expect(statusTag(page)).toHaveText('Yêu cầu bổ sung giấy tờ');
    await expect(page.locator('.documents')).toContainText('Mẫu 02 · Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    await expect(page.getByTestId('lifecycle')).toContainText('Công dân');
    await expect(page.locator('.history')).toContainText('Yêu cầu bổ sung, hoàn thiện hồ sơ');
    const open02 = page.getByRole('button', { name: 'Xem Mẫu 02 bản 1' });
    const again = page.waitForEvent('popup');
    await open02.click();
    const doc = await again;
    await doc.close();
    await screenshot(page, 'decision-02-supplement-issued');
  });

  await test.step('Nhận hồ sơ bổ sung returns it to reception', async () => {
    const received = actions(page).getByRole('button', { name: 'Nhận hồ sơ bổ sung' });
    await expect(received).toHaveClass(/ant-btn-primary/);
    await received.click();
    const dialog = page.getByRole('dialog', { name: 'Nhận hồ sơ bổ sung' });
    await dialog.getByLabel('Ghi chú').fill('Đã nhận bản CCCD hai mặt và giấy chứng sinh bản gốc');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect(dialog).toBeHidden();
    await expect(statusTag(page)).toHaveText('Mới đăng ký');
    await expect(page.getByRole('button', { name: 'Tiếp nhận', exact: true })).toBeVisible();
    await expect(page.locator('.history')).toContainText('Nhận hồ sơ bổ sung');
    await screenshot(page, 'decision-03-supplement-received');
  });
});

test('refusal with its reason issues Mẫu 03', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  const id = await createDossier(page, 'Lê Văn Cường', '038096001235');
  await page.goto(`/#/dossiers/${id}`);
  await actions(page).getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  const dialog = page.getByRole('dialog', { name: 'Từ chối tiếp nhận' });
  await dialog.getByRole('button', { name: 'Ghi nhận và lập Mẫu 03' }).click();
  await expect(fieldError(page, 'Lý do từ chối')).toHaveText('Lý do từ chối: không được để trống');
  await dialog.getByLabel('Lý do từ chối').fill('Thủ tục không thuộc thẩm quyền giải quyết của UBND phường');
  await screenshot(page, 'decision-04-refuse-dialog');
  const popup = page.waitForEvent('popup');
  await dialog.getByRole('button', { name: 'Ghi nhận và lập Mẫu 03' }).click();
  await (await popup).close();
  await expect(dialog).toBeHidden();
  await expect(statusTag(page)).toHaveText('Không được tiếp nhận');
  await expect(page.locator('.documents')).toContainText('Mẫu 03 · Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  await expect(page.locator('.history')).toContainText('Thủ tục không thuộc thẩm quyền');
  // Closed: nothing left to review or attach.
  await expect(page.getByText('Hồ sơ không còn ở bước kiểm tra: kết quả kiểm tra chỉ để xem.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Thêm tệp cho/ })).toHaveCount(0);
  await screenshot(page, 'decision-05-refused');
});

test('the citizen withdraws the dossier', async ({ page }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  const id = await createDossier(page, 'Phạm Thị Dung', '038196001236', [], true);
  await page.goto(`/#/dossiers/${id}`);
  await expect(statusTag(page)).toHaveText('Được tiếp nhận');
  await actions(page).getByRole('button', { name: 'Công dân yêu cầu rút hồ sơ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Công dân yêu cầu rút hồ sơ' });
  await dialog.getByLabel('Lý do rút hồ sơ (nếu có)').fill('Gia đình chuyển nơi cư trú, sẽ nộp tại nơi ở mới');
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusTag(page)).toHaveText('Công dân yêu cầu rút hồ sơ');
  await expect(page.locator('.history')).toContainText('Gia đình chuyển nơi cư trú');
  // The citizen may still change their mind: the withdrawal can be cancelled, with a reason.
  await expect(actions(page).getByRole('button', { name: 'Hủy yêu cầu rút hồ sơ' })).toBeVisible();
  await screenshot(page, 'decision-06-withdrawn');
});

test('correct and reissue: the details are fixed with a reason and Mẫu 01 comes out as version 2', async ({ page, context }) => {
  failOnDialogs(page);
  await openDesk(page);
  await ensureConfigured(page);
  const id = await createDossier(page, 'Hoàng Văn Em', '038096001237', [
    { name: 'to-khai.pdf', bytes: await pdf(['text: TỜ KHAI', 'text: Trang 2', 'text: Trang 3'], 'c1'), position: 1 },
  ]);
  await page.goto(`/#/dossiers/${id}`);

  await test.step('accepted at the counter: Mẫu 01 version 1', async () => {
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await (await popup).close();
    await expect(statusTag(page)).toHaveText('Được tiếp nhận');
    await expect(page.locator('.documents .document')).toHaveCount(1);
  });

  const dialog = page.getByRole('dialog', { name: /Điều chỉnh thông tin hồ sơ/ });
  await test.step('another procedure loads its own checklist; the scans of a dropped component are announced', async () => {
    await actions(page).getByRole('button', { name: 'Điều chỉnh thông tin' }).click();
    await expect(dialog).toBeVisible();
    const combo = dialog.getByRole('combobox', { name: 'Thủ tục' });
    await combo.click();
    await combo.pressSequentially('tinh trang hon nhan');
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Tên giấy tờ 1')).toHaveValue('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    await expect(dialog.getByLabel('Tên giấy tờ 3')).toHaveCount(0);
    await expect(dialog.locator('.correction-files-back')).toContainText('to-khai.pdf');
    await expect(dialog.getByTestId('correction-fee-new')).toContainText('15.000 đ');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('Điều chỉnh thông tin opens the intake fields pre-filled; a reason is required', async () => {
    await actions(page).getByRole('button', { name: 'Điều chỉnh thông tin' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Tên giấy tờ 1')).toHaveValue('Tờ khai đăng ký khai sinh theo mẫu');
    await expect(dialog.getByRole('radio', { name: 'Trực tiếp', exact: true })).toBeChecked();
    await expect(dialog.locator('.correction-files-back')).toHaveCount(0);
    await expect(dialog.getByLabel('Họ và tên', { exact: true })).toHaveValue('Hoàng Văn Em');
    await expect(dialog.getByLabel('Số giấy tờ', { exact: true })).toHaveValue('038096001237');
    await expect(dialog.getByLabel('Điện thoại', { exact: true })).toHaveValue('0912345678');
    await expect(dialog.getByLabel('Tên giấy tờ 1')).toHaveValue('Tờ khai đăng ký khai sinh theo mẫu');
    await expect(dialog.getByRole('radio', { name: 'Tại Bộ phận một cửa' })).toBeChecked();

    await dialog.getByLabel('Điện thoại', { exact: true }).fill('0987654321');
    await dialog.getByLabel('Địa chỉ', { exact: true }).fill('Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa');
    await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: /^Qua bưu chính$/ }).click();
    await expect(dialog.getByRole('radio', { name: 'Qua bưu chính', exact: true })).toBeChecked();
    // The channel (counter ↔ post) and the fee's inputs are correctable too: the new fee shows beside the recorded one.
    await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: /^Qua bưu chính công ích$/ }).click();
    await expect(dialog.getByRole('radio', { name: 'Qua bưu chính công ích', exact: true })).toBeChecked();
    await expect(dialog.getByTestId('correction-fee-new')).toContainText('8.000 đ');
    await dialog.getByRole('checkbox', { name: 'Người thuộc hộ nghèo' }).check();
    await expect(dialog.getByTestId('correction-fee-new')).toContainText('0 đ');
    await expect(dialog.getByTestId('correction-fee-new')).toContainText('Được miễn: Người thuộc hộ nghèo');
    await dialog.getByTestId('correction-fee-new').scrollIntoViewIfNeeded();
    await screenshot(page, 'correct-01-fee');
    await dialog.getByLabel('Địa chỉ nhận kết quả').fill('Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa');
    await dialog.getByRole('button', { name: 'Điều chỉnh và cấp lại Mẫu 01' }).click();
    await expect(fieldError(page, 'Lý do điều chỉnh')).toHaveText('Lý do điều chỉnh: không được để trống');
    await dialog.getByLabel('Lý do điều chỉnh').fill('Ghi sai số điện thoại và địa chỉ của người nộp');
    await expectAccessible(page, 'correction dialog');
    await screenshot(page, 'correct-01-dialog');
  });

  await test.step('the desk records the change and reissues Mẫu 01 as version 2; version 1 stays openable', async () => {
    const popup = page.waitForEvent('popup');
    await dialog.getByRole('button', { name: 'Điều chỉnh và cấp lại Mẫu 01' }).click();
    await (await popup).close();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/Đã điều chỉnh thông tin và cấp lại Mẫu 01 \(lần 2\)/)).toBeVisible();
    const docs = page.locator('.documents .document');
    // The current version first, with the correction's reason; the older one folded under it until asked for.
    await expect(docs.nth(0)).toContainText('bản 2');
    await expect(docs.nth(0)).toContainText('Ghi sai số điện thoại và địa chỉ của người nộp');
    await expect(docs.nth(0)).toContainText('đang dùng');
    await page.getByRole('button', { name: 'Các bản trước (1)' }).click();
    await expect(page.locator('.documents')).toContainText('bản 1');
    await expect(page.locator('.documents')).toContainText('đã thay thế');
    const history = page.locator('.history');
    const corrected = history.locator('.event[data-action="corrected"]');
    await expect(corrected).toContainText('Điều chỉnh thông tin hồ sơ');
    await expect(corrected).toContainText('Ghi sai số điện thoại và địa chỉ của người nộp');
    await expect(corrected).toContainText('Đã sửa');
    await expect(corrected).toContainText('kênh nộp: "Trực tiếp" → "Qua bưu chính công ích"');
    await expect(corrected).toContainText('lệ phí: "8.000 đ" → "0 đ (miễn 8.000 đ: Người thuộc hộ nghèo)"');
    await expect(page.locator('.dossier-main')).toContainText('0987654321');
    await expect(page.locator('.dossier-main')).toContainText('Qua bưu chính: Thôn Hải Thượng');

    const oldResponse = context.waitForEvent('response', (r) => /\/api\/documents\/\d+\.pdf$/.test(r.url()));
    const old = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Xem Mẫu 01 bản 1' }).click();
    expect((await oldResponse).status()).toBe(200);
    await (await old).close();
    await expectAccessible(page, 'detail after correction');
    await screenshot(page, 'correct-02-reissued');
  });
});
