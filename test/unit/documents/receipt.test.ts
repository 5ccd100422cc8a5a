import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LegalRegime } from '../../../electron/contract/documents';
import { FORM_TITLES } from '../../../electron/contract/documents';
import { fromVnParts } from '../../../electron/core/vntime';
import { MAU03 } from '../../../electron/documents/mau03-template';
import { qrMatrix, qrPayload } from '../../../electron/documents/qr';
import { BIEN_NHAN } from '../../../electron/documents/receipt-template';
import { receiptValues } from '../../../electron/documents/return-receipt';
import { createDocumentRenderer, type DocumentRenderer } from '../../../electron/documents/slip';
import { templateFor } from '../../../electron/documents/templates';
import { firstPagePng, readCode128, readQr } from './decode';
import { outsideMargins, readPdf, squash, textLines, type PageRead } from './pdf-read';
import { sampleAppraisalRefusal, sampleReceipt, sampleRefusal } from './sample-forms';

const FONTS = resolve(__dirname, '../../../resources/fonts');
const MM = 72 / 25.4;
const REGIMES: LegalRegime[] = ['TT03-2025', 'TT01-2018'];

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createDocumentRenderer({ fontsDir: FONTS });
});

const nfd = (s: string) => s.normalize('NFD');
const hasMark = (s: string) => /\p{M}/u.test(s);
const text = (pages: PageRead[]) => squash(pages.map((p) => p.text).join(''));
/** The liên label sits in the top margin on purpose: leave it out of the margin check. */
const body = (page: PageRead): PageRead => ({ ...page, items: page.items.filter((it) => !it.str.startsWith('Liên ')) });
function expectAll(t: string, strings: string[]) {
  for (const s of strings) expect(t, s).toContain(squash(s));
}
function expectNone(t: string, strings: string[]) {
  for (const s of strings) expect(t, s).not.toContain(squash(s));
}
/** Inside the margins of the regular or the compact metrics (whichever the form chose). */
function expectInside(pages: PageRead[], paper: 'A5' | 'A4' = 'A5') {
  for (const [n, page] of pages.entries()) {
    if (outsideMargins(body(page), BIEN_NHAN.paper[paper].margins).length > 0) {
      expect(outsideMargins(body(page), BIEN_NHAN.compact[paper].margins), `page ${n + 1}`).toEqual([]);
    }
  }
}

const HEADER = [
  'ỦY BAN NHÂN DÂN PHƯỜNG TĨNH GIA',
  'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
];

describe('the return receipt (BN)', () => {
  it('renders both liên on A5 with every label and value, in NFC, with the QR of the code, under 60 KB', async () => {
    const data = sampleReceipt();
    const buf = await renderer.receipt(data);
    expect(buf.length).toBeLessThanOrEqual(60 * 1024);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(2);
    for (const [n, page] of pages.entries()) {
      expect(page.width).toBeCloseTo(419.53, 1);
      expect(page.height).toBeCloseTo(595.28, 1);
      expect(hasMark(page.text)).toBe(false);
      const t = squash(page.text);
      expect(t).toContain(squash(['Liên 1: Lưu hồ sơ tại Bộ phận Một cửa', 'Liên 2: Giao người nhận kết quả'][n]!));
      expectAll(t, [
        ...HEADER,
        'Số: 1/2026',
        'Tĩnh Gia, ngày 05 tháng 02 năm 2026',
        'GIẤY BIÊN NHẬN TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
        'Mã hồ sơ: 000.00.06.H56-260205-0007',
        'Thủ tục hành chính: Cấp Giấy xác nhận tình trạng hôn nhân',
        'Người nộp hồ sơ: Ông/Bà TRẦN VĂN ĐỨC',
        'Địa chỉ: Thôn Hải Thượng, phường Tĩnh Gia, tỉnh Thanh Hóa',
        'Số CCCD: 038085001234',
        'Tiếp nhận lúc 08 giờ 05 phút, ngày 02/02/2026; hẹn trả kết quả lúc 08 giờ 05 phút, ngày 05/02/2026.',
        'Kết quả giải quyết: Giấy xác nhận tình trạng hôn nhân số 12/2026/XNTTHN ngày 04/02/2026',
        'Người nhận kết quả: Ông/Bà Trần Thị Hương',
        `Là người được ủy quyền nhận kết quả của Ông/Bà TRẦN VĂN ĐỨC, theo văn bản ủy quyền: ${data.receivedBy!.authorisation}`,
        'Giấy tờ xuất trình: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)',
        'Phí, lệ phí đã thu: 15.000 đồng (Mười lăm nghìn đồng)',
        'Biên lai thu phí, lệ phí số: BL-0001234',
        'Thời gian trả kết quả: 09 giờ 30 phút, ngày 05/02/2026',
        'Người nhận kết quả đã kiểm tra và nhận đủ kết quả giải quyết thủ tục hành chính nêu trên./.',
        'NGƯỜI NHẬN KẾT QUẢ', 'CÁN BỘ TRẢ KẾT QUẢ', '(Ký và ghi rõ họ tên)', 'Lê Thị Hồng Nhung',
      ]);
      expectNone(t, ['Lý do không giải quyết', 'Miễn, giảm', '—']);
      // the receiver's name under the left signature, the officer's under the right
      const lines = textLines(page);
      const names = lines.find((l) => squash(l.text).includes(squash('Trần Thị Hương')) && squash(l.text).includes(squash('Lê Thị Hồng Nhung')));
      expect(names, 'names under the signatures').toBeDefined();
    }
    expectInside(pages);
    expectQr(pages[0]!, data.code, BIEN_NHAN.paper.A5.qrMm);
  });

  it('prints one liên when asked, and fits A4 too', async () => {
    expect(await readPdf(await renderer.receipt(sampleReceipt(), { copies: 1 }))).toHaveLength(1);
    const a4 = await readPdf(await renderer.receipt(sampleReceipt(), { paper: 'A4' }));
    expect(a4).toHaveLength(2);
    expect(a4[0]!.width).toBeCloseTo(595.28, 1);
    expectAll(text(a4), ['GIẤY BIÊN NHẬN TRẢ KẾT QUẢ', 'Mười lăm nghìn đồng', 'CÁN BỘ TRẢ KẾT QUẢ']);
    expectInside(a4, 'A4');
  });

  it('breaks the title where it reads naturally, and keeps it on one line in the PDF title', async () => {
    const buf = await renderer.receipt(sampleReceipt(), { copies: 1 });
    const lines = textLines((await readPdf(buf))[0]!).map((l) => l.text.trim());
    expect(lines).toContain('GIẤY BIÊN NHẬN TRẢ KẾT QUẢ');
    expect(lines).toContain('GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(squash(BIEN_NHAN.title)).toBe(squash(FORM_TITLES.BN.toLocaleUpperCase('vi')));
  });

  it('writes decomposed (NFD) input as NFC text', async () => {
    const base = sampleReceipt();
    const data = sampleReceipt({
      applicantName: nfd('NGUYỄN THỊ PHƯỢNG'),
      procedureName: nfd(base.procedureName),
      officerName: nfd('Lê Thị Hồng Nhung'),
      agency: { ...base.agency, agencyName: nfd(base.agency.agencyName), parentName: nfd(base.agency.parentName), placeName: nfd('Tĩnh Gia') },
      receivedBy: { ...base.receivedBy!, name: nfd('Trần Thị Hương'), authorisation: nfd(base.receivedBy!.authorisation) },
      result: { kind: 'rejected', summary: nfd('Văn bản từ chối'), reason: nfd('Người yêu cầu chưa đủ tuổi kết hôn') },
      fee: { amount: 0, exemptReason: nfd('Người có công với cách mạng') },
    });
    const pages = await readPdf(await renderer.receipt(data, { copies: 1 }));
    expect(hasMark(pages.map((p) => p.text).join(''))).toBe(false);
    expectAll(text(pages), [
      ...HEADER,
      'NGUYỄN THỊ PHƯỢNG',
      'Trần Thị Hương',
      base.receivedBy!.authorisation,
      'Người yêu cầu chưa đủ tuổi kết hôn',
      'Người có công với cách mạng',
      'Lê Thị Hồng Nhung',
      'Tĩnh Gia, ngày 05 tháng 02 năm 2026',
    ]);
  });

  it('says an exemption and its reason, and nothing of fees when there is none', async () => {
    const exempt = text(await readPdf(await renderer.receipt(sampleReceipt({ fee: { amount: 0, exemptReason: 'Trẻ em dưới 6 tuổi' } }), { copies: 1 })));
    expectAll(exempt, ['Phí, lệ phí: Miễn (lý do miễn: Trẻ em dưới 6 tuổi)']);
    expectNone(exempt, ['đã thu', 'Biên lai']);
    const none = text(await readPdf(await renderer.receipt(sampleReceipt({ fee: null }), { copies: 1 })));
    expectNone(none, ['Phí, lệ phí', 'Biên lai', 'Miễn']);
    const reduced = text(await readPdf(await renderer.receipt(sampleReceipt({ fee: { amount: 1_250_000, exemptReason: 'Giảm 50% cho hộ nghèo' } }), { copies: 1 })));
    expectAll(reduced, ['Phí, lệ phí đã thu: 1.250.000 đồng (Một triệu hai trăm năm mươi nghìn đồng)', 'Miễn, giảm phí, lệ phí: Giảm 50% cho hộ nghèo']);
    expectNone(reduced, ['Biên lai']); // no receipt number given
  });

  it('names the person who collected it: the applicant on an identity paper, or an authorised person', async () => {
    const self = text(
      await readPdf(await renderer.receipt(sampleReceipt({ receivedBy: { name: 'TRẦN VĂN ĐỨC', proof: 'id', authorised: false, authorisation: 'bỏ qua' } }), { copies: 1 })),
    );
    expectAll(self, ['Người nhận kết quả: Ông/Bà TRẦN VĂN ĐỨC', 'Giấy tờ xuất trình: Giấy tờ tùy thân (thay cho Giấy tiếp nhận hồ sơ và hẹn trả kết quả)']);
    expectNone(self, ['ủy quyền', 'bỏ qua']);
    const paper = text(
      await readPdf(await renderer.receipt(sampleReceipt({ receivedBy: { name: 'Trần Thị Hương', proof: 'slip', authorised: true, authorisation: '' } }), { copies: 1 })),
    );
    expectAll(paper, ['Là người được ủy quyền nhận kết quả của Ông/Bà TRẦN VĂN ĐỨC, có văn bản ủy quyền kèm theo.']);
  });

  it('leaves who collected it blank to write in by hand when the return did not say', async () => {
    const t = text(await readPdf(await renderer.receipt(sampleReceipt({ receivedBy: null }), { copies: 1 })));
    expectAll(t, ['Người nhận kết quả: Ông/Bà ………', 'Giấy tờ xuất trình: ………']);
    expectNone(t, ['ủy quyền', 'Trần Thị Hương']);
  });

  it('tells a refusal and its reason, and a dossier with no recorded result', async () => {
    const refused = text(
      await readPdf(
        await renderer.receipt(
          sampleReceipt({ result: { kind: 'rejected', summary: 'Văn bản từ chối', number: '15/UBND-TP', signedOn: '2026-02-04', reason: 'Không đủ điều kiện\nđăng ký kết hôn' } }),
          { copies: 1 },
        ),
      ),
    );
    expectAll(refused, [
      'Kết quả giải quyết: Văn bản từ chối số 15/UBND-TP ngày 04/02/2026 (hồ sơ không đủ điều kiện giải quyết)',
      'Lý do không giải quyết: Không đủ điều kiện',
      'đăng ký kết hôn',
    ]);
    const none = text(await readPdf(await renderer.receipt(sampleReceipt({ result: null, dueAt: null }), { copies: 1 })));
    expectAll(none, ['Kết quả giải quyết: —', 'hẹn trả kết quả lúc —.']);
  });

  it('keeps long values inside the margins, the signatures together', async () => {
    const long = 'Giấy ủy quyền số 45/2026 ngày 03/02/2026 do Ông TRẦN VĂN ĐỨC lập, được chứng thực chữ ký tại Ủy ban nhân dân phường Tĩnh Gia, tỉnh Thanh Hóa, số chứng thực 45/2026/SCT/CK; ';
    const data = sampleReceipt({
      applicantName: 'CÔNG TẰNG TÔN NỮ HOÀNG THỊ PHƯƠNG THẢO NGUYÊN KHÁNH LINH',
      receivedBy: { name: 'CÔNG TẰNG TÔN NỮ HOÀNG THỊ MINH NGUYỆT', proof: 'id', authorised: true, authorisation: long.repeat(2).trim() },
    });
    const pages = await readPdf(await renderer.receipt(data, { copies: 1 }));
    expectInside(pages);
    const last = squash(pages.at(-1)!.text);
    expectAll(last, ['NGƯỜI NHẬN KẾT QUẢ', 'CÁN BỘ TRẢ KẾT QUẢ', 'Lê Thị Hồng Nhung']);
  });

  it('carries the dossier code in a barcode and the lookup address in a QR code that read back', async () => {
    const lookup = 'https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma={code}';
    const data = sampleReceipt({ lookupUrl: lookup });
    const png = firstPagePng(await renderer.receipt(data, { copies: 1 }));
    expect(readCode128(png)).toBe(data.code);
    expect(readQr(png)).toBe(qrPayload(data.code, lookup));
  }, 120_000);

  it('is one template for both regimes, with its own version', () => {
    for (const regime of REGIMES) {
      expect(templateFor('BN', regime)).toBe(BIEN_NHAN);
      expect(renderer.templateVersion('BN', regime)).toBe('DESK/bien-nhan-tra-ket-qua@1');
    }
    expect(renderer.templateVersions).not.toHaveProperty('BN'); // the TT 03/2025 numbered forms only
  });

  it('rejects invalid dates and amounts', () => {
    expect(() => receiptValues(sampleReceipt({ returnedAt: new Date(NaN) }))).toThrow(/returnedAt/);
    expect(() => receiptValues(sampleReceipt({ dueAt: new Date(NaN) }))).toThrow(/dueAt/);
    expect(() => receiptValues(sampleReceipt({ fee: { amount: -1 } }))).toThrow(/fee amount/);
    expect(() => receiptValues(sampleReceipt({ fee: { amount: 1.5 } }))).toThrow(/fee amount/);
  });
});

describe('Mẫu 03 after appraisal', () => {
  it.each(REGIMES)('%s: the competent body’s refusal, with the reason and the result, one A5 page', async (regime) => {
    const data = sampleAppraisalRefusal();
    const pages = await readPdf(await renderer.mau03(data, { regime }));
    expect(pages).toHaveLength(1);
    expect(hasMark(pages[0]!.text)).toBe(false);
    const t = text(pages);
    expectAll(t, [
      ...HEADER,
      templateFor('03', regime).title,
      'Tiếp nhận hồ sơ của Ông/Bà: TRẦN VĂN ĐỨC (Trực tiếp)',
      'Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân',
      'Thời gian tiếp nhận hồ sơ: 08 giờ 05 phút, ngày 02/02/2026',
      'Qua thẩm định, cơ quan có thẩm quyền giải quyết xác định hồ sơ của Ông/Bà không đủ điều kiện giải quyết. ' +
        'Trung tâm Phục vụ hành chính công thông báo từ chối giải quyết hồ sơ này với lý do cụ thể như sau:',
      data.reason,
      `Kết quả giải quyết: ${data.result}`,
      'Hồ sơ đã nộp được trả lại cho Ông/Bà kèm theo Phiếu này. Xin thông báo cho Ông/Bà được biết./.',
      `Ông/Bà liên hệ ${data.contact} để được hướng dẫn.`,
      'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI LẬP PHIẾU', 'Trần Văn Bình',
    ]);
    expectNone(t, ['Qua xem xét', 'thực hiện./.', 'NGƯỜI TIẾP NHẬN HỒ SƠ']);
    expect(outsideMargins(pages[0]!, MAU03.paper.A5.margins)).toEqual([]);
  });

  it('leaves out the result and the reception time when they are not known', async () => {
    const t = text(await readPdf(await renderer.mau03(sampleAppraisalRefusal({ result: '', receivedAt: null }))));
    expectNone(t, ['Kết quả giải quyết', 'Thời gian tiếp nhận hồ sơ']);
  });

  it('keeps the reception wording (and ignores appraisal values) at reception', async () => {
    const t = text(await readPdf(await renderer.mau03(sampleRefusal({ result: 'Văn bản', receivedAt: fromVnParts(2026, 2, 2, 8, 5) }))));
    expectAll(t, ['Qua xem xét', 'Xin thông báo cho Ông/Bà được biết và thực hiện./.', 'NGƯỜI TIẾP NHẬN HỒ SƠ']);
    expectNone(t, ['Qua thẩm định', 'Kết quả giải quyết', 'Thời gian tiếp nhận hồ sơ', 'NGƯỜI LẬP PHIẾU']);
  });

  it('rejects an unknown stage', async () => {
    await expect(renderer.mau03(sampleRefusal({ stage: 'final' as never }))).rejects.toThrow(/stage/);
  });
});

/** The QR symbol rebuilt from the page's filled rectangles equals the one of `payload`, module by module. */
function expectQr(page: PageRead, payload: string, sideMm: number) {
  const expected = qrMatrix(payload);
  const rects = page.filledRects.filter((r) => r.h < 5); // not the barcode's bars
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  const side = Math.max(...rects.map((r) => r.x + r.w)) - x0;
  expect(side).toBeCloseTo(sideMm * MM, 1);
  const unit = side / expected.size;
  let dark = 0;
  for (const r of rects) {
    const row = Math.round((r.y - y0) / unit);
    for (let c = Math.round((r.x - x0) / unit); c < Math.round((r.x + r.w - x0) / unit); c++) {
      expect(expected.dark(row, c), `module ${row},${c}`).toBe(true);
      dark++;
    }
  }
  let want = 0;
  for (let r = 0; r < expected.size; r++) for (let c = 0; c < expected.size; c++) if (expected.dark(r, c)) want++;
  expect(dark).toBe(want);
}
