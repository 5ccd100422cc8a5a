import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromVnParts } from '../../../electron/core/vntime';
import { createDocumentRenderer, type DocumentRenderer, type SlipData } from '../../../electron/documents/slip';
import { MAU01 } from '../../../electron/documents/mau01-template';
import { qrMatrix, qrPayload } from '../../../electron/documents/qr';
import { sampleSlip } from '../../fixtures/documents/sample-slip';
import { readPdf, squash, type PageRead } from './pdf-read';

// Count fontkit parses: the renderer must parse the fonts once, never per document.
const parses = vi.hoisted(() => ({ n: 0 }));
vi.mock('fontkit', async (importOriginal) => {
  const real = await importOriginal<typeof import('fontkit')>();
  return {
    ...real,
    create: (...args: Parameters<typeof real.create>) => {
      parses.n++;
      return real.create(...args);
    },
  };
});

const FONTS = resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

const hasMark = (s: string) => /\p{M}/u.test(s);
/** The page without the liên label (it sits in the top margin). */
const body = (page: PageRead): PageRead => ({ ...page, items: page.items.filter((it) => !it.str.startsWith('Liên ')) });

/** Every text run lies inside the page box, and inside the margins of the paper. */
function expectInsideMargins(page: PageRead, margins: { top: number; right: number; bottom: number; left: number }) {
  const slack = 0.5;
  for (const it of page.items) {
    const where = `"${it.str}" at (${it.x.toFixed(1)}, ${it.y.toFixed(1)}) w ${it.width.toFixed(1)}`;
    expect(it.x, where).toBeGreaterThanOrEqual(margins.left * MM - slack);
    expect(it.x + it.width, where).toBeLessThanOrEqual(page.width - margins.right * MM + slack);
    expect(it.y, where).toBeGreaterThanOrEqual(margins.bottom * MM - slack); // baseline above the bottom margin
    // pdfjs reports the font size as the height; Tinos's ascender is 0.891 em (accented capitals reach ~0.92)
    expect(it.y + 0.94 * it.height, where).toBeLessThanOrEqual(page.height - margins.top * MM + slack);
  }
}

describe('Mẫu 01 appointment slip', () => {
  it('renders a one-page A5 slip with the Vietnamese labels and values, in NFC, under 60 KB', async () => {
    const buf = await renderer.mau01(sampleSlip(), { copies: 1 });
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);

    const pages = await readPdf(buf);
    expect(pages).toHaveLength(1);
    const [page] = pages as [PageRead];
    expect(page.width).toBeCloseTo(419.53, 1); // A5 portrait
    expect(page.height).toBeCloseTo(595.28, 1);

    const text = squash(page.text);
    expect(text.normalize('NFC')).toBe(text);
    expect(hasMark(page.text)).toBe(false);
    for (const s of [
      'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tĩnh Gia, ngày 24 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.06.H56-261124-0001',
      'Đơn vị tiếp nhận: Trung tâm Phục vụ hành chính công',
      'Tiếp nhận hồ sơ của Ông (Bà): NGUYỄN THỊ PHÚC (Trực tiếp)',
      'Địa chỉ: Thôn Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa',
      'Số điện thoại: 0912345678; Email: phuc.nguyen@example.vn',
      'Số CCCD: 038196012345',
      'Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân',
      '1. Thành phần hồ sơ nộp gồm:',
      'TT', 'Tên thành phần hồ sơ', 'Bản chính', 'Bản chứng thực', 'Bản photo',
      'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
      '2. Số lượng hồ sơ: 01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định: 03 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 24/11/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 05 phút, ngày 27/11/2026',
      '6. Đăng ký nhận kết quả tại: Tại Trung tâm Phục vụ hành chính công phường Tĩnh Gia',
      '7. Phí, lệ phí: Không',
      'Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 125',
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', 'Lê Văn Hùng',
    ]) {
      expect(text, s).toContain(squash(s));
    }
    expect(text).not.toContain(squash('Chủ hồ sơ:')); // no owner given
    expect(page.items[1]?.str).toBe('ỦY BAN NHÂN DÂN'); // no page number on the first page (NĐ 30/2020)
    expect(page.items[0]?.str).toBe(MAU01.copies[0]); // the liên label, in the top margin
    expectInsideMargins(body(page), MAU01.paper.A5.margins);
  });

  it('prints two liên by default, each from a new page with its label, from one layout', async () => {
    const buf = await renderer.mau01(sampleSlip());
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(2);
    const [one, two] = pages as [PageRead, PageRead];
    expect(one.items[0]?.str).toBe('Liên 1: Lưu kèm Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(two.items[0]?.str).toBe('Liên 2: Giao người nộp hồ sơ');
    // the same slip on both, drawn at the same places
    expect(two.items.slice(1)).toEqual(one.items.slice(1));
    for (const page of pages) {
      const label = page.items[0] as PageRead['items'][number];
      expect(label.x + label.width).toBeCloseTo(page.width - MAU01.paper.A5.margins.right * MM, 0);
      expect(label.y).toBeGreaterThan(page.height - MAU01.paper.A5.margins.top * MM); // above the header
    }
  });

  it('embeds Tinos as TrueType subsets and never loads the standard fonts', async () => {
    const buf = await renderer.mau01(sampleSlip());
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Italic/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    expect(renderer.templateVersion('01')).toBe('TT03-2025/mau01@2');
  });

  it('draws the QR code of the dossier code as vector modules, not an image', async () => {
    const data = sampleSlip();
    const buf = await renderer.mau01(data);
    expect(buf.toString('latin1')).not.toContain('/Subtype /Image');
    const [page] = (await readPdf(buf)) as [PageRead];
    const expected = qrMatrix(data.dossier.code);
    expect(expected.size).toBe(25); // version 2 for a 25-character code

    // rebuild the symbol from the filled rectangles (not the barcode's tall bars) and compare module by module
    const rects = page.filledRects.filter((r) => r.h < 5);
    expect(rects.length).toBeGreaterThan(50);
    const x0 = Math.min(...rects.map((r) => r.x));
    const y0 = Math.min(...rects.map((r) => r.y));
    const side = Math.max(...rects.map((r) => r.x + r.w)) - x0;
    const unit = side / expected.size;
    expect(side).toBeCloseTo(MAU01.paper.A5.qrMm * MM, 1);
    const drawn = Array.from({ length: expected.size }, () => new Array<boolean>(expected.size).fill(false));
    for (const r of rects) {
      const row = Math.round((r.y - y0) / unit);
      const c0 = Math.round((r.x - x0) / unit);
      const c1 = Math.round((r.x + r.w - x0) / unit);
      for (let c = c0; c < c1; c++) (drawn[row] as boolean[])[c] = true;
    }
    let dark = 0;
    for (let r = 0; r < expected.size; r++) {
      for (let c = 0; c < expected.size; c++) {
        expect((drawn[r] as boolean[])[c], `module ${r},${c}`).toBe(expected.dark(r, c));
        if (expected.dark(r, c)) dark++;
      }
    }
    expect(dark).toBeGreaterThan(200);
    // the QR sits at the top right of the fields, inside the right margin
    const page0 = page;
    expect(x0 + side).toBeLessThanOrEqual(page0.width - MAU01.paper.A5.margins.right * MM + 0.5);
  });

  it('puts a lookup URL carrying the code in the QR when one is configured', () => {
    const code = '000.00.06.H56-261124-0001';
    expect(qrPayload(code)).toBe(code);
    expect(qrPayload(code, 'https://dichvucong.example.vn/tra-cuu')).toBe(`https://dichvucong.example.vn/tra-cuu?ma=${code}`);
    expect(qrPayload(code, 'https://x.vn/t?a=1')).toBe(`https://x.vn/t?a=1&ma=${code}`);
    expect(qrPayload(code, 'https://x.vn/hs/{code}')).toBe(`https://x.vn/hs/${code}`);
    expect(qrMatrix(qrPayload(code, 'https://dichvucong.example.vn/tra-cuu')).size).toBeGreaterThan(25);
  });

  it('writes decomposed (NFD) input as NFC text', async () => {
    const base = sampleSlip();
    const nfd = (s: string) => s.normalize('NFD');
    const data: SlipData = {
      ...base,
      agency: { ...base.agency, parentName: nfd(base.agency.parentName), agencyName: nfd(base.agency.agencyName), placeName: nfd('Tĩnh Gia') },
      dossier: {
        ...base.dossier,
        applicantName: nfd('NGUYỄN THỊ PHÚC'),
        address: nfd('Thôn Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa'),
        procedureName: nfd('Cấp Giấy xác nhận tình trạng hôn nhân'),
        ownerName: nfd('Trần Đức Mạnh'),
        timeLimitText: nfd('03 ngày làm việc'),
      },
      components: base.components.map((c) => ({ ...c, name: nfd(c.name) })),
      officerName: nfd('Lê Văn Hùng'),
    };
    expect(hasMark(data.dossier.applicantName)).toBe(true);
    const [page] = (await readPdf(await renderer.mau01(data, { copies: 1 }))) as [PageRead];
    expect(hasMark(page.text)).toBe(false);
    const text = squash(page.text);
    for (const s of ['NGUYỄN THỊ PHÚC', 'Thôn Hải Hòa, phường Tĩnh Gia, tỉnh Thanh Hóa', 'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
      'Tĩnh Gia, ngày 24 tháng 11 năm 2026', 'Chủ hồ sơ: Trần Đức Mạnh', 'Lê Văn Hùng', 'Tờ khai cấp Giấy xác nhận']) {
      expect(text, s).toContain(squash(s).normalize('NFC'));
    }
  });

  it('runs a long dossier onto a second page with the table header repeated, nothing outside the page', async () => {
    const base = sampleSlip();
    const long = 'Phòng 1203, Tòa nhà Trung tâm Hành chính, số 245 đường Nguyễn Trãi, khu phố Hải Hòa 3, phường Tĩnh Gia, tỉnh Thanh Hóa (đối diện chợ Hải Hòa, gần Trường Tiểu học Hải Hòa)';
    const data: SlipData = {
      ...base,
      agency: { ...base.agency, agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia' },
      dossier: {
        ...base.dossier,
        applicantName: 'TÔN NỮ HOÀNG PHƯƠNG THẢO NGUYÊN KHÁNH LINH CÔNG TẰNG TÔN NỮ',
        address: long,
        email: 'ton.nu.hoang.phuong.thao.nguyen.khanh.linh.tinhgia.thanhhoa@example-very-long-domain.vn',
        procedureName: 'Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        ownerName: 'Trần Đức Mạnh',
        channelName: 'Qua bưu chính công ích',
      },
      components: Array.from({ length: 30 }, (_, i) => ({
        name: i % 5 === 0
          ? `Giấy tờ số ${i + 1}: Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất kèm sơ đồ thửa đất và xác nhận của cơ quan có thẩm quyền`
          : `Giấy tờ số ${i + 1}: Tờ khai theo mẫu`,
        originals: i % 2,
        certifiedCopies: (i + 1) % 2,
        photocopies: i % 3,
      })),
      officerName: 'Nguyễn Thị Thanh Hương',
    };
    const buf = await renderer.mau01(data, { copies: 1 });
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);
    const pages = await readPdf(buf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = squash(pages.map((p) => p.text).join(''));
    for (let i = 1; i <= 30; i++) expect(all).toContain(squash(`Giấy tờ số ${i}:`));
    expect(all).toContain(squash(long));
    expect(all).toContain(squash(data.dossier.email));
    expect(all).toContain(squash('NGƯỜI TIẾP NHẬN HỒ SƠ'));
    expect(all).toContain(squash('Nguyễn Thị Thanh Hương'));
    for (const [n, page] of pages.entries()) {
      expectInsideMargins(body(page), MAU01.paper.A5.margins);
      if (n === 0) continue;
      const text = squash(page.text);
      expect(page.items.some((it) => it.str === String(n + 1)), `page number ${n + 1}`).toBe(true);
      expect(page.items[0]?.str, 'the liên label on every page of the copy').toBe(MAU01.copies[0]);
      expect(text).toContain(squash(`${MAU01.continuation} ${data.dossier.code}`));
    }
    // the table header is on the first page and again on the page the table runs onto
    const second = squash((pages[1] as PageRead).text);
    for (const s of ['Tên thành phần hồ sơ', 'Bản chính', 'Bản chứng thực', 'Bản photo']) expect(second).toContain(squash(s));
    expect(squash((pages[0] as PageRead).text)).toContain(squash('Tên thành phần hồ sơ'));
  });

  it('keeps a slip with long values on one page, signatures included, using the compact metrics', async () => {
    const base = sampleSlip();
    const data: SlipData = {
      ...base,
      agency: { ...base.agency, agencyName: 'Trung tâm Phục vụ hành chính công phường Tĩnh Gia' },
      dossier: {
        ...base.dossier,
        applicantName: 'Tôn Nữ Hoàng Thị Phương Thảo',
        ownerName: 'Nguyễn Văn Đức',
        procedureName:
          'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
        timeLimitText: 'Trong ngày tiếp nhận; ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ',
        feeText: '2.000 đồng/trang cho trang 1 và 2; từ trang thứ 3: 1.000 đồng/trang; tối đa 200.000 đồng/bản',
      },
    };
    const pages = await readPdf(await renderer.mau01(data, { copies: 1 }));
    expect(pages).toHaveLength(1);
    const text = squash((pages[0] as PageRead).text);
    for (const s of ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', data.officerName, data.dossier.feeText]) {
      expect(text).toContain(squash(s));
    }
    expectInsideMargins(body(pages[0] as PageRead), MAU01.compact.A5.margins);
  });

  it('keeps the text layer right on a warm renderer (glyphs first met as components of composites)', async () => {
    const r = createDocumentRenderer({ fontsDir: FONTS });
    await r.mau01(sampleSlip()); // subsets composite glyphs such as "Ô", whose component "O" is otherwise unused in bold
    const base = sampleSlip();
    const next = { ...base, dossier: { ...base.dossier, applicantName: 'TÔN NỮ HOÀNG PHƯƠNG THẢO' } };
    const [page] = (await readPdf(await r.mau01(next, { copies: 1 }))) as [PageRead];
    expect(squash(page.text)).toContain(squash('TÔN NỮ HOÀNG PHƯƠNG THẢO'));
  });

  it('shows empty values plainly: no due time, no register entry, no components', async () => {
    const base = sampleSlip();
    const data: SlipData = {
      ...base,
      dossier: { ...base.dossier, dueAt: null, registerBook: null, registerNo: null, email: '', feeText: '10.000 đồng (Mười nghìn đồng)' },
      components: [],
    };
    const [page] = (await readPdf(await renderer.mau01(data, { copies: 1 }))) as [PageRead];
    const text = squash(page.text);
    expect(text).toContain(squash('5. Thời gian trả kết quả giải quyết hồ sơ: —'));
    expect(text).toContain(squash(`Quyển số: ${MAU01.blank}, Số thứ tự: ${MAU01.blank}`));
    expect(text).toContain(squash('Email: —'));
    expect(text).toContain(squash(MAU01.table.none));
    expect(text).toContain(squash('7. Phí, lệ phí: 10.000 đồng (Mười nghìn đồng)'));
  });

  it('prints on A4 when asked', async () => {
    const [page] = (await readPdf(await renderer.mau01(sampleSlip(), { paper: 'A4', copies: 1 }))) as [PageRead];
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(page.height).toBeCloseTo(841.89, 1);
    expect(squash(page.text)).toContain(squash('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'));
    expectInsideMargins(body(page), MAU01.paper.A4.margins);
  });

  it('reads and parses the fonts once per renderer, not per document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slip-fonts-'));
    cpSync(FONTS, dir, { recursive: true });
    const before = parses.n;
    const r = createDocumentRenderer({ fontsDir: dir });
    const parsedAtCreation = parses.n - before;
    expect(parsedAtCreation).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true }); // nothing left to read
    const a = await r.mau01(sampleSlip());
    const b = await r.mau01(sampleSlip({ officerName: 'Phạm Minh Tuấn', issuedAt: fromVnParts(2026, 2, 5, 9, 0) }));
    expect(parses.n - before).toBe(parsedAtCreation);
    expect(a.length).toBeGreaterThan(10_000);
    expect(squash((await readPdf(b))[0]?.text ?? '')).toContain(squash('Tĩnh Gia, ngày 05 tháng 02 năm 2026'));
  });

  it('fails clearly when the fonts are missing', () => {
    expect(() => createDocumentRenderer({ fontsDir: join(tmpdir(), 'no-such-fonts-dir') })).toThrow(/Tinos_400Regular\.ttf/);
  });

  it('renders warm slips quickly (reports the figure)', async () => {
    // a typical dossier: four components, both liên
    const base = sampleSlip();
    const data = sampleSlip({
      components: [
        ...base.components,
        { name: 'Giấy tờ chứng minh nơi cư trú', originals: 1, certifiedCopies: 0, photocopies: 0 },
        { name: 'Văn bản ủy quyền (nếu có)', originals: 0, certifiedCopies: 1, photocopies: 0 },
      ],
    });
    for (let i = 0; i < 10; i++) await renderer.mau01(data);
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      size = (await renderer.mau01(data)).length;
      times.push(performance.now() - t);
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    times.sort((a, b) => a - b);
    const median = ((times[24] as number) + (times[25] as number)) / 2;
    console.log(
      `mau01 (2 liên, 4 components) warm: mean ${mean.toFixed(1)} ms, median ${median.toFixed(1)} ms, ` +
        `min ${(times[0] as number).toFixed(1)} ms, ${(size / 1024).toFixed(1)} KB`,
    );
    expect(size).toBeLessThanOrEqual(60 * 1024); // speed is measured (shared machine), size is asserted
  });
});
