import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromVnParts } from '../../../electron/core/vntime';
import { MAU01 } from '../../../electron/documents/mau01-template';
import { MAU02 } from '../../../electron/documents/mau02-template';
import { MAU03 } from '../../../electron/documents/mau03-template';
import { FontStore } from '../../../electron/documents/fonts';
import { TABLE_PAD_X } from '../../../electron/documents/form-parts';
import { newDocument } from '../../../electron/documents/pen';
import { qrMatrix } from '../../../electron/documents/qr';
import { createDocumentRenderer, type DocumentRenderer } from '../../../electron/documents/slip';
import type { RefusalSlipData, SupplementSlipData } from '../../../electron/documents/supplement-refusal';
import { outsideMargins, readPdf, squash, textLines, type PageRead } from './pdf-read';
import { sampleRefusal, sampleSupplement } from './sample-forms';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;
const KB60 = 60 * 1024;

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

const hasMark = (s: string) => /\p{M}/u.test(s);
const nfd = (s: string) => s.normalize('NFD');
const allText = (pages: PageRead[]) => squash(pages.map((p) => p.text).join(''));

function expectAll(text: string, strings: string[]) {
  for (const s of strings) expect(text, s).toContain(squash(s));
}

/** The QR symbol rebuilt from the page's filled rectangles equals the one of `payload`, module by module. */
function expectQr(page: PageRead, payload: string, sideMm: number) {
  const expected = qrMatrix(payload);
  const rects = page.filledRects.filter((r) => r.h < 5); // not the barcode's bars
  expect(rects.length).toBeGreaterThan(50);
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const side = Math.max(...rects.map((r) => r.x + r.w)) - x0;
  expect(side).toBeCloseTo(sideMm * MM, 1);
  const unit = side / expected.size;
  const drawn = Array.from({ length: expected.size }, () => new Array<boolean>(expected.size).fill(false));
  for (const r of rects) {
    const row = Math.round((r.y - y0) / unit);
    for (let c = Math.round((r.x - x0) / unit); c < Math.round((r.x + r.w - x0) / unit); c++) (drawn[row] as boolean[])[c] = true;
  }
  for (let r = 0; r < expected.size; r++) {
    for (let c = 0; c < expected.size; c++) expect((drawn[r] as boolean[])[c], `module ${r},${c}`).toBe(expected.dark(r, c));
  }
}

const HEADER = [
  'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
  'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Tĩnh Gia, ngày 05 tháng 02 năm 2026',
];

/** 40 items, every seventh with a long name and every fifth with a long reason. */
const fortyItems = (): SupplementSlipData['items'] =>
  Array.from({ length: 40 }, (_, i) => ({
    name:
      i % 7 === 3
        ? `Thành phần số ${i + 1}: Bản sao Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất`
        : `Thành phần số ${i + 1}: Tờ khai theo mẫu`,
    originals: i % 2,
    certifiedCopies: (i + 1) % 2,
    photocopies: i % 3,
    reason:
      i % 5 === 0
        ? `Lý do ${i + 1}: thiếu chữ ký, ghi sai ngày tháng năm sinh so với Giấy khai sinh, chưa ghi rõ quan hệ với người được đăng ký`
        : `Lý do ${i + 1}: chưa nộp`,
  }));

describe('Mẫu 02 supplement request', () => {
  it('renders a one-page A5 form with every label and value, in NFC, with the QR of the code, under 60 KB', async () => {
    const data = sampleSupplement();
    const buf = await renderer.mau02(data);
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(buf.length).toBeLessThanOrEqual(KB60);
    const raw = buf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos-Italic/);
    expect(raw).not.toContain('Helvetica');

    const pages = await readPdf(buf);
    expect(pages).toHaveLength(1);
    const [page] = pages as [PageRead];
    expect(page.width).toBeCloseTo(419.53, 1);
    expect(page.height).toBeCloseTo(595.28, 1);
    expect(hasMark(page.text)).toBe(false);
    const text = squash(page.text);
    expect(text.normalize('NFC')).toBe(text);
    expectAll(text, [
      ...HEADER,
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Mã hồ sơ: 000.00.06.H56-260205-0007',
      'Đơn vị: Trung tâm Phục vụ hành chính công',
      'Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: TRẦN VĂN ĐỨC (Trực tiếp)',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Địa chỉ: Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa',
      'Số điện thoại: 0987654321; Email: duc.tran@example.vn',
      'Số CCCD: 038085001234',
      'Qua kiểm tra, hồ sơ của Ông/Bà chưa đầy đủ/chưa hợp lệ. Theo quy định tại Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ',
      'đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      'STT', 'Thành phần hồ sơ cần bổ sung, hoàn thiện', 'Bản chính', 'Bản chứng thực', 'Bản photo', 'Lý do',
      `Nội dung khác: ${data.note}`,
      'Yêu cầu bổ sung, hoàn thiện hồ sơ chỉ thực hiện một lần',
      'Thời hạn giải quyết được tính từ khi Ông/Bà nộp đủ hồ sơ hợp lệ.',
      `Ông/Bà liên hệ ${data.contact} để được hướng dẫn./.`,
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI HƯỚNG DẪN', '(Ký, ghi rõ họ tên)', 'Lê Thị Hồng Nhung',
    ]);
    for (const item of data.items) expectAll(text, [item.name, item.reason]);
    // each row reads STT, name, counts (the reason sits in its own column)
    expect(text).toContain(squash('1 Giấy chứng sinh'));
    expect(text).not.toContain(squash('Qua thẩm định'));
    expect(page.items[0]?.str).toBe('ỦY BAN NHÂN DÂN'); // no page number on the first page
    expect(outsideMargins(page, MAU02.compact.A5.margins)).toEqual([]);
    expectQr(page, data.code, page.items.some((i) => i.str.startsWith('Mã hồ sơ') && i.height > 10) ? MAU02.paper.A5.qrMm : MAU02.compact.A5.qrMm);
  });

  it('uses the competent body’s wording at appraisal, and the unit as the contact when none is given', async () => {
    const data = sampleSupplement({ stage: 'appraisal', note: '', contact: '' });
    const pages = await readPdf(await renderer.mau02(data));
    const text = allText(pages);
    expectAll(text, [
      'Qua thẩm định, cơ quan có thẩm quyền giải quyết xác định hồ sơ của Ông/Bà chưa đầy đủ/chưa hợp lệ.',
      'Thời hạn giải quyết được tính lại từ đầu kể từ khi nhận đủ hồ sơ đã bổ sung, hoàn thiện.',
      'Ông/Bà liên hệ Trung tâm Phục vụ hành chính công để được hướng dẫn./.',
    ]);
    expect(text).not.toContain(squash('Qua kiểm tra'));
    expect(text).not.toContain(squash('Nội dung khác'));
  });

  it('writes decomposed (NFD) input as NFC text', async () => {
    const base = sampleSupplement();
    const data: SupplementSlipData = {
      ...base,
      agency: { ...base.agency, parentName: nfd(base.agency.parentName), agencyName: nfd(base.agency.agencyName), placeName: nfd('Tĩnh Gia') },
      applicantName: nfd('NGUYỄN THỊ PHƯỢNG'),
      address: nfd(base.address),
      procedureName: nfd('Đăng ký khai sinh'),
      items: base.items.map((it) => ({ ...it, name: nfd(it.name), reason: nfd(it.reason) })),
      note: nfd(base.note),
      contact: nfd(base.contact),
      officerName: nfd('Lê Thị Hồng Nhung'),
    };
    expect(hasMark(data.applicantName)).toBe(true);
    const pages = await readPdf(await renderer.mau02(data));
    const text = allText(pages);
    expect(hasMark(pages.map((p) => p.text).join(''))).toBe(false);
    expectAll(text, [...HEADER, 'NGUYỄN THỊ PHƯỢNG', base.address, 'Đăng ký khai sinh', base.note, base.contact, 'Lê Thị Hồng Nhung']);
    for (const it of base.items) expectAll(text, [it.name, it.reason]);
  });

  it('continues a 40-item list on the next pages with the table header repeated, inside the margins', async () => {
    const data = sampleSupplement({ items: fortyItems() });
    const buf = await renderer.mau02(data);
    expect(buf.length).toBeLessThanOrEqual(KB60);
    const pages = await readPdf(buf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = allText(pages);
    for (const it of data.items) expectAll(text, [it.name, it.reason]);
    expectAll(text, ['NGƯỜI HƯỚNG DẪN', 'Lê Thị Hồng Nhung', `Nội dung khác: ${data.note}`]);
    for (const [n, page] of pages.entries()) {
      expect(outsideMargins(page, MAU02.paper.A5.margins), `page ${n + 1}`).toEqual([]);
      const t = squash(page.text);
      if (n === 0) continue;
      expect(page.items[0]?.str, 'page number first').toBe(String(n + 1));
      expect(t).toContain(squash(`(${MAU02.continuation} ${data.code})`));
    }
    // page 2 starts with the continuation line, then the table header, then rows
    const second = pages[1] as PageRead;
    for (const c of MAU02.table.columns) expect(squash(second.text), c.label).toContain(squash(c.label));
    const lines = textLines(second).map((l) => squash(l.text));
    const headerAt = lines.findIndex((l) => l.startsWith('STT'));
    expect(headerAt).toBeGreaterThan(0);
    expect(headerAt).toBeLessThanOrEqual(5); // page number, continuation line, the top lines of taller header cells
    expect(lines.slice(headerAt + 1).some((l) => /^(\d+)?Thànhphầnsố\d+:/.test(l)), lines.join('\n')).toBe(true);
    // rows keep their order across pages
    const at = (i: number) => text.indexOf(squash(`Thành phần số ${i}:`));
    for (let i = 2; i <= 40; i++) expect(at(i), `item ${i}`).toBeGreaterThan(at(i - 1));
  });

  it('shows an empty list plainly', async () => {
    const pages = await readPdf(await renderer.mau02(sampleSupplement({ items: [] })));
    expect(allText(pages)).toContain(squash(MAU02.table.none));
  });

  it('prints markup in names literally: it is just text', async () => {
    const evil = '<script>alert("x")</script> & <b>Lê</b>';
    const base = sampleSupplement();
    const data = sampleSupplement({
      applicantName: evil,
      items: [{ ...(base.items[0] as SupplementSlipData['items'][number]), name: `${evil} tờ khai`, reason: `lý do ${evil}` }],
    });
    const buf = await renderer.mau02(data);
    const text = allText(await readPdf(buf));
    expect(text).toContain(squash(`Ông/Bà: ${evil} (Trực tiếp)`));
    expect(text).toContain(squash(`${evil} tờ khai`));
    expect(text).toContain(squash(`lý do ${evil}`));
    expect(buf.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\b/);
  });

  it('rejects an unknown stage and an invalid date', async () => {
    await expect(renderer.mau02(sampleSupplement({ stage: 'other' as never }))).rejects.toThrow(/stage/);
    await expect(renderer.mau02(sampleSupplement({ issuedAt: new Date(NaN) }))).rejects.toThrow(/date/);
  });

  it('prints on A4 when asked', async () => {
    const [page] = (await readPdf(await renderer.mau02(sampleSupplement(), { paper: 'A4' }))) as [PageRead];
    expect(page.width).toBeCloseTo(595.28, 1);
    expect(squash(page.text)).toContain(squash(MAU02.title));
    expect(outsideMargins(page, MAU02.compact.A4.margins)).toEqual([]);
  });
});

describe('Mẫu 03 refusal', () => {
  it('renders a one-page A5 form with every label and value, with the QR of the code, under 60 KB', async () => {
    const data = sampleRefusal();
    const buf = await renderer.mau03(data);
    expect(buf.length).toBeLessThanOrEqual(KB60);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(1);
    const [page] = pages as [PageRead];
    expect(page.width).toBeCloseTo(419.53, 1);
    expect(hasMark(page.text)).toBe(false);
    const text = squash(page.text);
    expectAll(text, [
      ...HEADER,
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Mã hồ sơ: 000.00.06.H56-260205-0007',
      'Đơn vị: Trung tâm Phục vụ hành chính công',
      'Tiếp nhận hồ sơ của Ông/Bà: TRẦN VĂN ĐỨC (Trực tiếp)',
      'Địa chỉ: Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa',
      'Số điện thoại: 0987654321; Email: duc.tran@example.vn',
      'Số CCCD: 038085001234',
      'Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân',
      'Qua xem xét, Trung tâm Phục vụ hành chính công thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      data.reason,
      'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
      `Ông/Bà liên hệ ${data.contact} để được hướng dẫn.`,
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', '(Ký và ghi rõ họ tên)', 'Lê Thị Hồng Nhung',
    ]);
    expect(outsideMargins(page, MAU03.paper.A5.margins)).toEqual([]);
    expectQr(page, data.code, MAU03.paper.A5.qrMm);
  });

  it('writes decomposed (NFD) input as NFC text', async () => {
    const base = sampleRefusal();
    const data: RefusalSlipData = {
      ...base,
      agency: { ...base.agency, agencyName: nfd(base.agency.agencyName), parentName: nfd(base.agency.parentName), placeName: nfd('Tĩnh Gia') },
      applicantName: nfd('HOÀNG THỊ THÚY'),
      reason: nfd(base.reason),
      contact: nfd(base.contact),
      officerName: nfd(base.officerName),
    };
    const [page] = (await readPdf(await renderer.mau03(data))) as [PageRead];
    expect(hasMark(page.text)).toBe(false);
    expectAll(squash(page.text), [...HEADER, 'HOÀNG THỊ THÚY', base.reason, base.contact, base.officerName]);
  });

  it('wraps a 3000-character reason inside the margins and continues it on the next page', async () => {
    const words = 'hồ sơ không thuộc thẩm quyền giải quyết của cơ quan tiếp nhận theo quy định hiện hành; đề nghị liên hệ Ủy ban nhân dân xã nơi thường trú.';
    let reason = 'https://dichvucong.thanhhoa.gov.vn/' + 'tra-cuu-thu-tuc-hanh-chinh-'.repeat(8) + ' ';
    for (let i = 1; reason.length < 3000; i++) reason += `Lý do ${i}: ${words} `;
    reason = reason.slice(0, 3000).trim();
    expect(reason.length).toBeGreaterThanOrEqual(2990);
    const data = sampleRefusal({ reason });
    const buf = await renderer.mau03(data);
    expect(buf.length).toBeLessThanOrEqual(KB60);
    const pages = await readPdf(buf);
    expect(pages.length).toBe(2);
    const continuation = squash(`2(${MAU03.continuation} ${data.code})`);
    expect(allText(pages).replace(continuation, '')).toContain(squash(reason));
    const contentRight = (p: PageRead) => p.width - MAU03.paper.A5.margins.right * MM;
    for (const [n, page] of pages.entries()) {
      expect(outsideMargins(page, MAU03.paper.A5.margins), `page ${n + 1}`).toEqual([]);
      // every run ends before the right margin, and the reason's lines fill the width (they wrap, not shrink)
      for (const it of page.items) expect(it.x + it.width).toBeLessThanOrEqual(contentRight(page) + 0.5);
    }
    const reasonLines = pages.flatMap((p) => textLines(p).filter((l) => /Lý do \d+|hồ sơ|thẩm quyền/.test(l.text)));
    expect(reasonLines.length).toBeGreaterThan(25);
    const first = pages[0] as PageRead;
    const wide = reasonLines.filter((l) => l.x <= MAU03.paper.A5.margins.left * MM + 0.5);
    expect(wide.length).toBeGreaterThan(20); // lines start at the left margin
    // font size unchanged (the reason wraps at the body size)
    expect(first.items.find((i) => i.str.includes('Lý do 2'))?.height).toBeCloseTo(MAU03.paper.A5.body, 1);
    const second = squash((pages[1] as PageRead).text);
    expect(second).toContain(squash(`(${MAU03.continuation} ${data.code})`));
    expect(second).toContain(squash('Xin thông báo cho Ông/Bà được biết và thực hiện./.'));
    expect(second).toContain(squash('NGƯỜI TIẾP NHẬN HỒ SƠ'));
  });

  it('starts a new paragraph at each line break of the reason', async () => {
    const data = sampleRefusal({ reason: '1. Hồ sơ thiếu tờ khai.\r\n\r\n2. Người nộp không phải người có yêu cầu.\n3. Không có văn bản ủy quyền.' });
    const [page] = (await readPdf(await renderer.mau03(data))) as [PageRead];
    const lines = textLines(page).map((l) => ({ ...l, text: squash(l.text) }));
    for (const s of ['1. Hồ sơ thiếu tờ khai.', '2. Người nộp không phải người có yêu cầu.', '3. Không có văn bản ủy quyền.']) {
      const line = lines.find((l) => l.text === squash(s));
      expect(line, s).toBeDefined();
      expect(line?.x).toBeCloseTo(MAU03.paper.A5.margins.left * MM, 0);
    }
  });

  it('prints markup in names literally', async () => {
    const evil = '<script>alert(1)</script>';
    const text = allText(await readPdf(await renderer.mau03(sampleRefusal({ applicantName: evil, reason: `${evil} </p>` }))));
    expect(text).toContain(squash(`Ông/Bà: ${evil} (Trực tiếp)`));
    expect(text).toContain(squash(`${evil} </p>`));
  });
});

describe('Mẫu 02 and 03 together', () => {
  it('has table columns wide enough for every word of their headers, on every paper (no word cut in two)', () => {
    const store = new FontStore(FONTS);
    for (const t of [MAU01, MAU02]) {
      for (const m of [...Object.values(t.paper), ...Object.values(t.compact)]) {
        const pen = newDocument(store.beginDocument(), m.size, { top: 0, right: 0, bottom: 0, left: 0 }, { title: 't', subject: 's', author: 'a', creationDate: new Date(0) });
        const content = pen.doc.page.width - (m.margins.left + m.margins.right) * MM;
        for (const c of t.table.columns) {
          for (const word of c.label.split(' ')) {
            const room = c.share * content - 2 * TABLE_PAD_X;
            expect(pen.width(word, 'bold', m.table), `${t.version} ${m.size} ${m.table} pt "${word}"`).toBeLessThanOrEqual(room);
          }
        }
      }
    }
  });

  it('writes the place/date line in Vietnam time: day two digits, month padded only for 01 and 02', async () => {
    const cases: Array<[Date, string]> = [
      [fromVnParts(2026, 2, 5, 9, 0), 'Tĩnh Gia, ngày 05 tháng 02 năm 2026'],
      [fromVnParts(2026, 1, 9, 9, 0), 'Tĩnh Gia, ngày 09 tháng 01 năm 2026'],
      [fromVnParts(2026, 3, 7, 0, 30), 'Tĩnh Gia, ngày 07 tháng 3 năm 2026'], // 17:30 UTC the day before
      [fromVnParts(2026, 11, 24, 15, 0), 'Tĩnh Gia, ngày 24 tháng 11 năm 2026'],
    ];
    for (const [issuedAt, line] of cases) {
      for (const buf of [await renderer.mau02(sampleSupplement({ issuedAt })), await renderer.mau03(sampleRefusal({ issuedAt }))]) {
        const [page] = (await readPdf(buf)) as [PageRead];
        const found = textLines(page).find((l) => squash(l.text) === squash(line));
        expect(found, line).toBeDefined();
        // in the right-hand column, under the motto
        expect(found?.x).toBeGreaterThan(page.width * 0.45);
      }
    }
    expect(squash((await readPdf(await renderer.mau02(sampleSupplement({ issuedAt: fromVnParts(2026, 3, 7, 0, 30) }))))[0]?.text ?? '')).not.toContain(squash('tháng 03'));
  });

  it('reports each form’s template version and keeps Mẫu 01’s', () => {
    expect(renderer.templateVersions).toEqual({
      '01': MAU01.version,
      '02': 'TT03-2025/mau02@2',
      '03': 'TT03-2025/mau03@3', // @3: the appraisal stage (the reception form draws as @2 did)
      '04': 'TT03-2025/mau04@1',
      '05': 'TT03-2025/mau05@1',
    });
    expect(renderer.templateVersion('01')).toBe(MAU01.version);
    expect(renderer.templateVersion('04', 'TT01-2018')).toBe('TT01-2018/mau04@1');
  });

  it('renders warm forms quickly (reports the figures)', async () => {
    const measure = async (name: string, render: () => Promise<Buffer>) => {
      for (let i = 0; i < 5; i++) await render();
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        size = (await render()).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const median = (times[14] as number + (times[15] as number)) / 2;
      console.log(`${name} warm: median ${median.toFixed(1)} ms, p95 ${(times[28] as number).toFixed(1)} ms, ${(size / 1024).toFixed(1)} KB`);
      expect(size).toBeLessThanOrEqual(KB60);
      return median;
    };
    // generous bounds: the figures are for the report; a shared CI machine is slower
    expect(await measure('mau02', () => renderer.mau02(sampleSupplement()))).toBeLessThan(250);
    expect(await measure('mau03', () => renderer.mau03(sampleRefusal()))).toBeLessThan(250);
  });
});
