import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegalRegime } from '../../../electron/contract/documents';
import { createDocumentRenderer, type DocumentRenderer } from '../../../electron/documents/slip';
import { templateFor, type FormNo } from '../../../electron/documents/templates';
import { sampleSlip } from '../../fixtures/documents/sample-slip';
import { outsideMargins, readPdf, squash, type PageRead } from './pdf-read';
import { sampleApology, sampleRefusal, sampleStop, sampleSupplement } from './sample-forms';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const REGIMES: LegalRegime[] = ['TT03-2025', 'TT01-2018'];

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

const nfd = (s: string) => s.normalize('NFD');
const text = (pages: PageRead[]) => squash(pages.map((p) => p.text).join(''));
const body = (page: PageRead): PageRead => ({ ...page, items: page.items.filter((it) => !it.str.startsWith('Liên ')) });
function expectAll(t: string, strings: string[]) {
  for (const s of strings) expect(t, s).toContain(squash(s));
}
/** Inside the margins of the regular or the compact metrics (whichever the form chose). */
function expectInside(pages: PageRead[], form: FormNo, regime: LegalRegime) {
  const t = templateFor(form, regime);
  for (const [n, page] of pages.entries()) {
    const regular = outsideMargins(body(page), t.paper.A5.margins);
    if (regular.length > 0) expect(outsideMargins(body(page), t.compact.A5.margins), `page ${n + 1}`).toEqual([]);
  }
}

const LONG_NAME = 'CÔNG TẰNG TÔN NỮ HOÀNG THỊ PHƯƠNG THẢO NGUYÊN KHÁNH LINH '.repeat(4).trim();
const LONG_ADDRESS =
  'Phòng 1203, Tòa nhà Trung tâm Hành chính, số 245 đường Nguyễn Trãi, khu phố Hải Hòa 3, phường Tĩnh Gia, tỉnh Thanh Hóa ' +
  '(đối diện chợ Hải Hòa, gần Trường Tiểu học Hải Hòa, cạnh Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Tĩnh Gia)';

describe('Mẫu 04 apology', () => {
  it.each(REGIMES)('%s: every label and value, in NFC, one A5 page under 60 KB', async (regime) => {
    const data = sampleApology();
    const buf = await renderer.mau04(data, { regime });
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(1);
    const t = text(pages);
    expect(/\p{M}/u.test(pages[0]?.text ?? '')).toBe(false);
    expectAll(t, [
      templateFor('04', regime).title,
      'Số: 12/2026/XL',
      'Kính gửi: Ông/Bà TRẦN VĂN ĐỨC',
      'Mã hồ sơ: 000.00.06.H56-260205-0007',
      'Cấp Giấy xác nhận tình trạng hôn nhân',
      '08 giờ 05 phút, ngày 05/02/2026', // the due time on the slip
      data.reason,
      '10 giờ 30 phút, ngày 09/02/2026', // the new time
      'Tĩnh Gia, ngày 04 tháng 02 năm 2026',
      'GIÁM ĐỐC',
      'Phạm Văn Minh',
    ]);
    if (regime === 'TT03-2025') {
      expectAll(t, [
        'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        'Vào lúc 08 giờ 05 phút, ngày 02/02/2026, Trung tâm Phục vụ hành chính công đã tiếp nhận hồ sơ',
        'xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ, hẹn trả kết quả vào 10 giờ 30 phút, ngày 09/02/2026.',
        'Nơi nhận:', '(Ký, ghi rõ họ tên và đóng dấu)',
      ]);
    } else {
      expectAll(t, [
        'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
        'Ngày 02/02/2026, Trung tâm Phục vụ hành chính công tiếp nhận giải quyết hồ sơ đề nghị',
        'Tuy nhiên đến nay',
        'xin lỗi Ông/Bà và hẹn trả kết quả vào 10 giờ 30 phút, ngày 09/02/2026.',
        '(Ký tên, đóng dấu)',
      ]);
    }
    expect(t).not.toContain(squash('NGƯỜI NỘP HỒ SƠ')); // one signature: the signer's
    expectInside(pages, '04', regime);
  });

  it('shows the number as a blank when there is none, and the default signer title', async () => {
    const t = text(await readPdf(await renderer.mau04(sampleApology({ number: null, signerTitle: '' }))));
    expectAll(t, ['Số: ……/……', 'THỦ TRƯỞNG ĐƠN VỊ']);
    const t01 = text(await readPdf(await renderer.mau04(sampleApology({ number: null, signerTitle: '' }), { regime: 'TT01-2018' })));
    expectAll(t01, ['Số: ……/PXL', 'THỦ TRƯỞNG CƠ QUAN']);
  });

  it('rejects an invalid date', async () => {
    await expect(renderer.mau04(sampleApology({ newDueAt: new Date(NaN) }))).rejects.toThrow(/newDueAt/);
  });
});

describe('Mẫu 05 stop notice', () => {
  it.each(REGIMES)('%s: every label and value, in NFC, one A5 page (the TT 03/2025 form under both)', async (regime) => {
    const data = sampleStop();
    const buf = await renderer.mau05(data, { regime });
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(1);
    expectAll(text(pages), [
      'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
      'Số: ……/……',
      'Kính gửi: Ông/Bà TRẦN VĂN ĐỨC',
      'Mã hồ sơ: 000.00.06.H56-260205-0007',
      'Vào lúc 09 giờ 10 phút, ngày 05/02/2026, Ông/Bà có yêu cầu dừng giải quyết hồ sơ',
      'Đăng ký khai sinh',
      'tiếp nhận vào lúc 08 giờ 05 phút, ngày 02/02/2026.',
      `Lý do: ${data.reason}`,
      'thông báo dừng giải quyết hồ sơ mã số 000.00.06.H56-260205-0007 kể từ 09 giờ 30 phút, ngày 05/02/2026.',
      `Hồ sơ, giấy tờ trả lại cho Ông/Bà: ${data.returnsDocuments}`,
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Lê Thị Hồng Nhung',
    ]);
    expectInside(pages, '05', regime);
  });

  it('leaves out the returned papers when there are none', async () => {
    const t = text(await readPdf(await renderer.mau05(sampleStop({ returnsDocuments: '' }))));
    expect(t).not.toContain(squash('Hồ sơ, giấy tờ trả lại'));
  });
});

describe('every form, both regimes', () => {
  const render = (form: FormNo, regime: LegalRegime, over: { name?: string; address?: string; nfd?: boolean } = {}) => {
    const f = (s: string) => (over.nfd ? nfd(s) : s);
    const name = f(over.name ?? 'NGUYỄN THỊ PHƯỢNG');
    const address = f(over.address ?? 'Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa');
    const agency = { agencyName: f('Trung tâm Phục vụ hành chính công'), parentName: f('Ủy ban nhân dân phường Tĩnh Gia'), placeName: f('Tĩnh Gia'), provinceName: f('Thanh Hóa') };
    const head = { applicantName: name, address, agency, procedureName: f('Đăng ký khai sinh'), officerName: f('Lê Thị Hồng Nhung') };
    switch (form) {
      case '01': {
        const s = sampleSlip();
        return renderer.mau01({ ...s, agency: { ...s.agency, ...agency }, officerName: head.officerName, dossier: { ...s.dossier, applicantName: name, address, procedureName: head.procedureName } }, { regime });
      }
      case '02':
        return renderer.mau02(sampleSupplement(head), { regime });
      case '03':
        return renderer.mau03(sampleRefusal(head), { regime });
      case '04':
        return renderer.mau04(sampleApology(head), { regime });
      case '05':
        return renderer.mau05(sampleStop(head), { regime });
    }
  };
  const cases = REGIMES.flatMap((regime) => (['01', '02', '03', '04', '05'] as FormNo[]).map((form) => [form, regime] as const));

  it.each(cases)('Mẫu %s (%s): NFD input comes out NFC', async (form, regime) => {
    const pages = await readPdf(await render(form, regime, { nfd: true }));
    const all = pages.map((p) => p.text).join('');
    expect(/\p{M}/u.test(all)).toBe(false);
    expectAll(text(pages), [templateFor(form, regime).title, 'NGUYỄN THỊ PHƯỢNG', 'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA', 'Tĩnh Gia, ngày', 'Đăng ký khai sinh']);
    if (form !== '04') expectAll(text(pages), ['Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa']); // the letter has no address line
  });

  it.each(cases)('Mẫu %s (%s): 200+ character names and addresses wrap inside the margins', async (form, regime) => {
    expect(LONG_NAME.length).toBeGreaterThan(200);
    expect(LONG_ADDRESS.length).toBeGreaterThan(200);
    const pages = await readPdf(await render(form, regime, { name: LONG_NAME, address: LONG_ADDRESS }));
    const t = text(pages);
    expect(t).toContain(squash(LONG_NAME));
    if (form !== '04') expect(t).toContain(squash(LONG_ADDRESS)); // the letter (04) has no address line
    expectInside(pages, form, regime);
  });

  it.each(REGIMES)('Mẫu 01 and 02 (%s): long tables continue on the next page with their header repeated', async (regime) => {
    const s = sampleSlip();
    const slip = await renderer.mau01({
      ...s,
      components: Array.from({ length: 30 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}: Tờ khai theo mẫu`, originals: 1, certifiedCopies: 0, photocopies: 0 })),
    }, { regime, copies: 1 });
    const supp = await renderer.mau02(sampleSupplement({
      items: Array.from({ length: 40 }, (_, i) => ({ name: `Thành phần số ${i + 1}`, originals: 1, certifiedCopies: 0, photocopies: 0, reason: `Lý do ${i + 1}: chưa nộp` })),
    }), { regime });
    for (const [form, buf, label] of [['01', slip, 'Tên thành phần hồ sơ'], ['02', supp, 'Thành phần hồ sơ cần bổ sung, hoàn thiện']] as const) {
      const pages = await readPdf(buf);
      expect(pages.length, form).toBeGreaterThanOrEqual(2);
      const t = templateFor(form, regime);
      expect(squash((pages[1] as PageRead).text)).toContain(squash(label));
      expect(squash((pages[1] as PageRead).text)).toContain(squash(t.continuation));
      for (const page of pages) expect(outsideMargins(body(page), t.paper.A5.margins)).toEqual([]);
    }
  });
});
