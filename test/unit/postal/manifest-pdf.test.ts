import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromVnParts } from '../../../electron/core/vntime';
import { FontStore } from '../../../electron/documents/fonts';
import { MANIFEST_TEMPLATE, renderPostalManifest, type ManifestData, type ManifestRow } from '../../../electron/documents/postal-manifest';
import { outsideMargins, readPdf, squash, textLines } from '../documents/pdf-read';

const FONTS = resolve(__dirname, '../../../resources/fonts');
let fonts: FontStore;
beforeAll(() => {
  fonts = new FontStore(FONTS);
});

const NAMES = ['NGUYỄN THỊ PHÚC', 'Lê Văn Đức', 'Trần Thị Ánh Tuyết', 'Phạm Quốc Hưng', 'Hoàng Thị Lệ Quyên'];
const row = (i: number, over: Partial<ManifestRow> = {}): ManifestRow => ({
  dossierCode: `000.00.16.H56-261124-${String(i + 1).padStart(4, '0')}`,
  itemNo: i % 3 === 2 ? null : `RB${String(20261100 + i)}${'0'}VN`,
  recipient: NAMES[i % NAMES.length]!,
  address: `Số ${i + 1}, khu phố Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa`,
  grams: 80 + i,
  amount: 30_000,
  ...over,
});
const sample = (rows: ManifestRow[]): ManifestData => ({
  agency: { agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia', parentName: 'Ủy ban nhân dân phường Tĩnh Gia', placeName: 'Tĩnh Gia' },
  number: 'BG-2026-0007',
  issuedAt: fromVnParts(2026, 11, 24, 9, 15),
  officerName: 'Lê Thị Hoa',
  postalWorker: 'Nguyễn Văn Bưu',
  rows,
});
const A4_MARGINS = { top: 20, right: 15, bottom: 20, left: 30 };

describe('the hand-over list (postal manifest) PDF', () => {
  it('carries the header, the number, every item, the totals and both signatures, inside the margins', async () => {
    const rows = [row(0), row(1, { amount: 71_000, grams: 150, address: 'Thôn Đông, xã Hải Nhân, tỉnh Thanh Hóa' }), row(2)];
    const pdf = await renderPostalManifest(fonts, sample(rows));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    const page = pages[0]!;
    expect(page.width).toBeCloseTo(595.28, 0); // A4 portrait
    const text = squash(page.text);
    for (const s of [
      'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG TĨNH GIA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: BG-2026-0007',
      'Tĩnh Gia, ngày 24 tháng 11 năm 2026',
      MANIFEST_TEMPLATE.title,
      'Hồi 09 giờ 15 phút, ngày 24/11/2026',
      ...MANIFEST_TEMPLATE.columns.map((c) => c.label),
      'RB202611000VN',
      'RB202611010VN',
      'Thôn Đông, xã Hải Nhân, tỉnh Thanh Hóa',
      'Tổng cộng: 3 bưu gửi; tổng khối lượng 312 g; tổng cước 131.000 đồng (Một trăm ba mươi mốt nghìn đồng).',
      'ĐẠI DIỆN BỘ PHẬN MỘT CỬA',
      'NHÂN VIÊN BƯU CHÍNH',
      'Lê Thị Hoa',
      'Nguyễn Văn Bưu',
      '71.000',
      '150',
    ]) {
      expect(text, s).toContain(squash(s));
    }
    for (const r of rows) expect(text).toContain(squash(r.dossierCode));
    for (const r of rows) expect(text).toContain(squash(r.recipient));
    // the national title sits right of the agency, the signatures left and right
    const lines = textLines(page);
    const nat = page.items.find((i) => i.str.includes('CỘNG HÒA'))!;
    expect(nat.x).toBeGreaterThan(page.width * 0.4);
    const desk = page.items.find((i) => i.str.includes('ĐẠI DIỆN'))!;
    const post = page.items.find((i) => i.str.includes('NHÂN VIÊN BƯU CHÍNH'))!;
    expect(Math.abs(desk.y - post.y)).toBeLessThan(1);
    expect(post.x).toBeGreaterThan(desk.x + 150);
    expect(lines.length).toBeGreaterThan(15);
    expect(outsideMargins(page, A4_MARGINS)).toEqual([]);
    // NFC: no combining marks survive in the text layer
    expect(/\p{M}/u.test(page.text)).toBe(false);
  });

  it('keeps each dossier code on one line and marks an item number not yet known "chưa có"', async () => {
    const rows = [row(0), row(1), row(2), row(3, { itemNo: null })];
    const page = (await readPdf(await renderPostalManifest(fonts, sample(rows))))[0]!;
    for (const r of rows) expect(page.items.filter((i) => i.str === r.dossierCode), r.dossierCode).toHaveLength(1);
    const marks = page.items.filter((i) => i.str === MANIFEST_TEMPLATE.noItemNo);
    expect(marks).toHaveLength(2); // rows 3 and 4
    // in the item number's column: under its header, level with its row's code
    const head = page.items.find((i) => i.str.includes('Số hiệu'))!;
    for (const [k, mark] of marks.entries()) {
      expect(Math.abs(mark.x + mark.width / 2 - (head.x + head.width / 2))).toBeLessThan(3);
      const code = page.items.find((i) => i.str === rows[k + 2]!.dossierCode)!;
      expect(code.y - mark.y).toBeGreaterThan(0); // the code at the top of its row, the mark in the middle
      expect(code.y - mark.y).toBeLessThan(30);
    }
  });

  it('breaks a code too long for its column after the agency\'s code, never inside a number', async () => {
    const long = '000.00.16.H56.ABC.XYZ-261124-0001';
    const page = (await readPdf(await renderPostalManifest(fonts, sample([row(0, { dossierCode: long })]))))[0]!;
    expect(page.items.some((i) => i.str === '000.00.16.H56.ABC.XYZ-')).toBe(true);
    expect(page.items.some((i) => i.str === '261124-0001')).toBe(true);
  });

  it('runs onto further pages with the table header repeated and the page number', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => row(i));
    const pages = await readPdf(await renderPostalManifest(fonts, sample(rows)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [n, page] of pages.entries()) {
      expect(squash(page.text), `page ${n + 1}`).toContain(squash('Số hiệu bưu gửi'));
      expect(outsideMargins(page, A4_MARGINS), `page ${n + 1}`).toEqual([]);
      if (n > 0) expect(squash(page.text)).toContain(squash('(Tiếp theo danh sách bàn giao số BG-2026-0007)'));
    }
    const all = squash(pages.map((p) => p.text).join(''));
    for (const r of rows) expect(all).toContain(squash(r.dossierCode));
    expect(all).toContain(squash('Tổng cộng: 60 bưu gửi'));
    expect(all).toContain(squash('tổng cước 1.800.000 đồng (Một triệu tám trăm nghìn đồng)'));
    expect(squash(pages.at(-1)!.text)).toContain(squash('NHÂN VIÊN BƯU CHÍNH'));
  });

  it('keeps NFD input readable (normalised to NFC)', async () => {
    const pdf = await renderPostalManifest(fonts, { ...sample([row(0, { recipient: 'Nguyễn Thị Hường'.normalize('NFD') })]), postalWorker: 'Đỗ Văn Bưu'.normalize('NFD') });
    const text = (await readPdf(pdf))[0]!.text;
    expect(squash(text)).toContain('NguyễnThịHường');
    expect(squash(text)).toContain('ĐỗVănBưu');
  });
});
