import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromVnParts } from '../../../electron/core/vntime';
import { MAU06_VERSIONS, renderMau06, type ControlSlipData } from '../../../electron/documents/control-slip';
import { CONTROL_SLIP_TEMPLATES, MAU06_TT03 } from '../../../electron/documents/control-slip-template';
import { FontStore } from '../../../electron/documents/fonts';
import { compareWithGolden, GOLDEN_TOLERANCE } from '../../support/golden';
import { outsideMargins, readPdf, squash, type PageRead } from './pdf-read';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;

let fonts: FontStore;
beforeAll(() => {
  fonts = new FontStore(FONTS);
});

const hasMark = (s: string) => /\p{M}/u.test(s);
const nfd = (s: string) => s.normalize('NFD');
const allText = (pages: PageRead[]) => squash(pages.map((p) => p.text).join(''));
function expectAll(text: string, strings: string[]) {
  for (const s of strings) expect(text, s).toContain(squash(s));
}

const LONG_NOTE =
  'Đã chuyển Chủ tịch Ủy ban nhân dân phường xem xét, ký duyệt; chờ bổ sung bản sao Giấy chứng nhận quyền sử dụng đất';

function sample(over: Partial<ControlSlipData> = {}): ControlSlipData {
  return {
    agency: {
      agencyName: 'Trung tâm Phục vụ hành chính công',
      parentName: 'Ủy ban nhân dân phường Tĩnh Gia',
      placeName: 'Tĩnh Gia',
      provinceName: 'Thanh Hóa',
    },
    code: '000.00.06.H56-261124-0001',
    applicantName: 'NGUYỄN THỊ PHÚC',
    procedureName: 'Xác nhận tình trạng hôn nhân',
    receivedAt: fromVnParts(2026, 11, 24, 8, 5),
    dueAt: fromVnParts(2026, 11, 27, 17, 0),
    handlingBody: 'Công chức Tư pháp - Hộ tịch',
    coordinatingBody: 'Công an phường Tĩnh Gia',
    rows: [
      {
        from: 'Bộ phận tiếp nhận và trả kết quả',
        to: 'Công chức Tư pháp - Hộ tịch (Nguyễn Văn An)',
        handedAt: fromVnParts(2026, 11, 24, 8, 30),
        receivedAt: fromVnParts(2026, 11, 24, 8, 45),
        stepDueAt: fromVnParts(2026, 11, 26, 17, 0),
        outcome: 'early',
        note: 'Đã thẩm định',
      },
      {
        from: 'Công chức Tư pháp - Hộ tịch (Nguyễn Văn An)',
        to: 'Lãnh đạo Ủy ban nhân dân phường (Lê Văn Bình)',
        handedAt: fromVnParts(2026, 11, 25, 9, 0),
        receivedAt: fromVnParts(2026, 11, 25, 9, 10),
        stepDueAt: null,
        outcome: 'on_time',
        note: '',
      },
      {
        from: 'Lãnh đạo Ủy ban nhân dân phường (Lê Văn Bình)',
        to: 'Bộ phận tiếp nhận và trả kết quả',
        handedAt: fromVnParts(2026, 11, 27, 16, 0),
        receivedAt: null,
        stepDueAt: null,
        outcome: 'late',
        note: LONG_NOTE,
      },
    ],
    issuedAt: fromVnParts(2026, 2, 5, 8, 5),
    ...over,
  };
}

const HEADER = [
  'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
  'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Tĩnh Gia, ngày 05 tháng 02 năm 2026',
];

const LABELS_AND_VALUES = [
  ...HEADER,
  'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  'Kèm theo hồ sơ của: NGUYỄN THỊ PHÚC',
  'Mã hồ sơ: 000.00.06.H56-261124-0001',
  'Ngày nhận: 08 giờ 05 phút, ngày 24/11/2026',
  'Ngày, giờ hẹn trả kết quả: 17 giờ 00 phút, ngày 27/11/2026',
  'Cơ quan (bộ phận) giải quyết: Công chức Tư pháp - Hộ tịch',
  'Cơ quan phối hợp: Công an phường Tĩnh Gia',
  'TÊN CƠ QUAN',
  'THỜI GIAN GIAO, NHẬN HỒ SƠ',
  'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)',
  'GHI CHÚ',
  '1. Giao: Bộ phận tiếp nhận và trả kết quả',
  'Nhận: Công chức Tư pháp - Hộ tịch (Nguyễn Văn An)',
  'Giao: 08 giờ 30 phút, ngày 24/11/2026',
  'Nhận: 08 giờ 45 phút, ngày 24/11/2026',
  'Hạn: 17 giờ 00 phút, ngày 26/11/2026',
  'Người giao',
  'Người nhận',
  'Trước hạn',
  'Đã thẩm định',
  '2. Giao: Công chức Tư pháp - Hộ tịch (Nguyễn Văn An)',
  'Nhận: Lãnh đạo Ủy ban nhân dân phường (Lê Văn Bình)',
  'Giao: 09 giờ 00 phút, ngày 25/11/2026',
  'Nhận: 09 giờ 10 phút, ngày 25/11/2026',
  'Đúng hạn',
  '3. Giao: Lãnh đạo Ủy ban nhân dân phường (Lê Văn Bình)',
  'Giao: 16 giờ 00 phút, ngày 27/11/2026',
  'Quá hạn',
  LONG_NOTE,
];

/** Left and right edges of the table's columns on this paper. */
function columnEdges(paper: 'A5' | 'A4', pageWidth: number): number[] {
  const m = MAU06_TT03.paper[paper].margins;
  const left = m.left * MM;
  const width = pageWidth - (m.left + m.right) * MM;
  const xs = [left];
  for (const c of MAU06_TT03.table.columns) xs.push((xs[xs.length - 1] as number) + c.share * width);
  return xs;
}

describe('Mẫu 06 control slip', () => {
  it('has stable template versions per regime', () => {
    expect(MAU06_VERSIONS).toEqual({ 'TT03-2025': 'TT03-2025/mau06@1', 'TT01-2018': 'TT01-2018/mau05@1' });
    expect(CONTROL_SLIP_TEMPLATES['TT01-2018'].version).toBe(MAU06_VERSIONS['TT01-2018']);
  });

  for (const [regime, paper, golden] of [
    ['TT03-2025', 'A5', 'mau06-tt03-a5'],
    ['TT01-2018', 'A4', 'mau06-tt01-a4'],
  ] as const) {
    it(`renders every label and value (${regime}, ${paper}), inside the margins, like its golden`, async () => {
      const buf = await renderMau06(fonts, sample(), paper, regime);
      expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const raw = buf.toString('latin1');
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
      expect(raw).not.toContain('Helvetica');
      const pages = await readPdf(buf);
      // A4 holds the three hand-overs on one page; A5 continues on a second
      expect(pages).toHaveLength(paper === 'A4' ? 1 : 2);
      const width = paper === 'A5' ? 419.53 : 595.28;
      expect(hasMark(pages.map((p) => p.text).join(''))).toBe(false);
      expectAll(allText(pages), LABELS_AND_VALUES);
      // the long note wraps inside the GHI CHÚ column
      const xs = columnEdges(paper, width);
      const noteItems = pages.flatMap((p) => p.items).filter((i) => /thẩm định|Chủ tịch|xem xét|ký duyệt|bổ sung|Giấy chứng|quyền sử/.test(i.str));
      expect(noteItems.length).toBeGreaterThan(2);
      for (const it of noteItems) {
        expect(it.x, it.str).toBeGreaterThanOrEqual((xs[3] as number) - 0.5);
        expect(it.x + it.width, it.str).toBeLessThanOrEqual((xs[4] as number) + 0.5);
      }
      for (const page of pages) {
        expect(page.width).toBeCloseTo(width, 1);
        expect(outsideMargins(page, MAU06_TT03.paper[paper].margins)).toEqual([]);
      }
      const g = compareWithGolden(golden, buf);
      for (const d of g.diffs) expect(d).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
    });
  }

  it('writes decomposed (NFD) input as NFC text', async () => {
    const base = sample();
    const data = sample({
      agency: { ...base.agency, agencyName: nfd(base.agency.agencyName), parentName: nfd(base.agency.parentName), placeName: nfd('Tĩnh Gia') },
      applicantName: nfd('NGUYỄN THỊ PHƯỢNG'),
      handlingBody: nfd(base.handlingBody),
      coordinatingBody: null,
      rows: base.rows.map((r) => ({ ...r, from: nfd(r.from), to: nfd(r.to), note: nfd(r.note) })),
    });
    expect(hasMark(data.applicantName)).toBe(true);
    const pages = await readPdf(await renderMau06(fonts, data, 'A5', 'TT03-2025'));
    expect(hasMark(pages.map((p) => p.text).join(''))).toBe(false);
    expectAll(allText(pages), [
      ...HEADER,
      'Kèm theo hồ sơ của: NGUYỄN THỊ PHƯỢNG',
      'Cơ quan (bộ phận) giải quyết: Công chức Tư pháp - Hộ tịch',
      'Cơ quan phối hợp: Không',
      'Nhận: Lãnh đạo Ủy ban nhân dân phường (Lê Văn Bình)',
      LONG_NOTE,
    ]);
  });

  it('leaves empty rows to fill in by hand, and blank times for what has not happened', async () => {
    const one = sample();
    const pages = await readPdf(await renderMau06(fonts, { ...one, rows: [one.rows[0] as ControlSlipData['rows'][number]], dueAt: null }, 'A4', 'TT03-2025'));
    expect(pages).toHaveLength(1);
    const text = allText(pages);
    expectAll(text, ['Ngày, giờ hẹn trả kết quả: —', '2. Giao:', '3. Giao:', 'Giao: …… giờ …… phút, ngày ……/……/………']);
    expect(text).not.toContain(squash('4. Giao:'));
    // no rows at all: the hand rows still print
    const empty = await readPdf(await renderMau06(fonts, { ...one, rows: [] }, 'A5', 'TT03-2025'));
    expectAll(allText(empty), ['1. Giao:', 'Người giao', 'Người nhận']);
  });

  it('continues many hand-overs on the next pages with the header repeated and the page number', async () => {
    const base = sample();
    const rows = Array.from({ length: 12 }, (_, i) => ({ ...(base.rows[i % 3] as ControlSlipData['rows'][number]), note: `Bước ${i + 1}.` }));
    const pages = await readPdf(await renderMau06(fonts, { ...base, rows }, 'A5', 'TT01-2018'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = allText(pages);
    for (let i = 1; i <= 12; i++) expect(text).toContain(squash(`${i}. Giao:`));
    for (let i = 2; i <= 12; i++) expect(text.indexOf(squash(`Bước ${i}.`)), `row ${i}`).toBeGreaterThan(text.indexOf(squash(`Bước ${i - 1}.`)));
    for (const [n, page] of pages.entries()) {
      expect(outsideMargins(page, MAU06_TT03.paper.A5.margins), `page ${n + 1}`).toEqual([]);
      const t = squash(page.text);
      expect(t, `header on page ${n + 1}`).toContain(squash('TÊN CƠ QUAN'));
      expect(t).toContain(squash('THỜI GIAN GIAO, NHẬN HỒ SƠ'));
      if (n === 0) continue;
      expect(page.items[0]?.str).toBe(String(n + 1));
      expect(t).toContain(squash(`(${MAU06_TT03.continuation} ${base.code})`));
    }
  });

  it('refuses invalid dates and unknown settings', async () => {
    await expect(renderMau06(fonts, sample({ receivedAt: new Date(NaN) }), 'A5', 'TT03-2025')).rejects.toThrow(/receivedAt/);
    await expect(renderMau06(fonts, sample(), 'A3' as 'A5', 'TT03-2025')).rejects.toThrow(/paper/);
    await expect(renderMau06(fonts, sample(), 'A5', 'TT99' as 'TT03-2025')).rejects.toThrow(/regime/);
  });
});
