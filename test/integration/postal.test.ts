import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName, type MethodOutput, type PostalTariffInput, type Result } from '../../electron/contract';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { openCounterDesk, type CounterDesk } from '../support/counter';
import { ROOT, intake, tempDir, value } from '../support/desk';

/**
 * Postal delivery through a real desk on a temporary data folder: the dated tariff (shipped default, a saved version,
 * one dated ahead), quotes, the shipment register with S10 numbers, the hand-over list as a real PDF read back with
 * pdf.js, delivery and return; then `desk postage` as a real process on the same folder.
 */

/** A tariff an administrator saves: two bands, prices before VAT, confirmed with the post office. */
const T2026: PostalTariffInput = {
  name: 'Cước bưu chính công ích Bưu điện tỉnh Thanh Hóa 2026',
  validFrom: '2026-01-01',
  currency: 'VND',
  vatIncluded: false,
  vatRate: 0.1,
  zones: [
    { id: 'noi_tinh', label: 'Nội tỉnh' },
    { id: 'lien_tinh', label: 'Liên tỉnh' },
  ],
  bands: [
    { zone: 'noi_tinh', direction: 'send', maxGrams: 100, price: 27_000 },
    { zone: 'noi_tinh', direction: 'send', maxGrams: 250, price: 30_000 },
    { zone: 'noi_tinh', direction: 'return', maxGrams: 100, price: 27_000 },
    { zone: 'noi_tinh', direction: 'return', maxGrams: 250, price: 30_000 },
    { zone: 'lien_tinh', direction: 'send', maxGrams: 100, price: 30_000 },
    { zone: 'lien_tinh', direction: 'send', maxGrams: 250, price: 33_000 },
    { zone: 'lien_tinh', direction: 'return', maxGrams: 100, price: 30_000 },
    { zone: 'lien_tinh', direction: 'return', maxGrams: 250, price: 33_000 },
  ],
  extraStep: null,
  surcharges: [{ id: 'forward_fee', label: 'Chuyển phí (thu hộ lệ phí) về cơ quan', amount: 8_000, per: 'dossier' }],
  exemptions: [
    { id: 'cach_mang_truoc_1945', label: 'Người hoạt động cách mạng trước 19/8/1945' },
    { id: 'ba_me_vnah', label: 'Bà mẹ Việt Nam anh hùng' },
  ],
  needsConfirmation: false,
  note: 'Theo bảng giá Bưu điện tỉnh gửi ngày 15/12/2025.',
};

/** Runs the real CLI from source (tsx), as `desk …` would. */
function desk(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/desk.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DESK_DATA_DIR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('postal delivery through the desk', () => {
  let h: CounterDesk;
  /** Calls a method and checks its output against the contract's output schema. */
  const ok = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const v = value((await h.call(method, input as never)) as Result<MethodOutput<M>>);
    contract[method].output.parse(v);
    return v;
  };
  const refused = async (method: MethodName, input: unknown) => {
    const r = await h.call(method, input as never);
    if (r.ok) throw new Error(`${method} was not refused`);
    return r.error;
  };
  let a: { id: number; code: string };
  let b: { id: number; code: string };

  beforeAll(async () => {
    h = await openCounterDesk({ clockIso: '2026-11-24T02:15:00Z' });
    const address = 'Số 12 đường Nguyễn Du, phường Tĩnh Gia, tỉnh Thanh Hóa';
    a = value(await h.call('createDossier', { ...intake({ fullName: 'NGUYỄN THỊ PHÚC' }), accept: true, delivery: { method: 'post', address } }));
    b = value(await h.call('createDossier', { ...intake({ fullName: 'Lê Văn Đức', idNumber: '038085001234' }), accept: true }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('puts the shipped default in force on first use, flagged for confirmation', async () => {
    const view = await ok('getPostalTariff', {});
    expect(view.history).toHaveLength(1);
    expect(view.upcoming).toEqual([]);
    expect(view.inForce).toMatchObject({ validFrom: '2025-07-01', officerName: null });
    expect(view.inForce.tariff.needsConfirmation).toBe(true);
    expect(view.inForce.tariff.note).toMatch(/cần xác nhận với Bưu điện tỉnh/);
    // asked again: still one version (inserted once)
    expect((await ok('getPostalTariff', {})).history).toHaveLength(1);

    const q = await ok('quotePostage', { grams: 80, province: '01', direction: 'both', forwardFee: true });
    expect(q).toMatchObject({ tariffId: view.inForce.id, zone: 'lien_tinh', total: 71_000, needsConfirmation: true });
    expect(q.lines.map((l) => l.amount)).toEqual([31_500, 31_500, 8_000]);
    expect(q.warnings.join()).toMatch(/cần xác nhận với Bưu điện tỉnh/);
    expect(await refused('quotePostage', { grams: 120, province: '38', direction: 'send' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/120 g vượt khối lượng tối đa 100 g.*Cài đặt → Cước bưu chính/),
    });
    expect(await refused('quotePostage', { grams: 0, province: '38', direction: 'send' })).toMatchObject({
      code: 'VALIDATION',
      message: 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0',
      details: [{ path: 'grams', message: 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0' }],
    });
    expect(await refused('quotePostage', { grams: 10, province: '99', direction: 'send' })).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'province', message: expect.stringMatching(/Không nhận ra tỉnh\/thành phố "99"/) }],
    });

    const provinces = await ok('listProvinces', {});
    expect(provinces.provinces).toHaveLength(34);
    expect(provinces.agency).toEqual({ code: '38', name: 'Thanh Hóa' });
    expect(provinces.provinces.find((p) => p.code === '79')?.former.map((f) => f.name)).toContain('Bình Dương');
  });

  it('saves a new dated version, refuses an unsound or back-dated one, and keeps one dated ahead for its day', async () => {
    const bad = await refused('savePostalTariff', {
      tariff: { ...T2026, bands: [T2026.bands[1], T2026.bands[0], ...T2026.bands.slice(2)] },
    });
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/phải tăng dần/) });
    expect(bad.details).toContainEqual({ path: 'tariff.bands.1.maxGrams', message: expect.any(String) });
    expect(await refused('savePostalTariff', { tariff: { ...T2026, validFrom: '2025-01-01' } })).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'tariff.validFrom', message: expect.stringMatching(/từ 01\/07\/2025 trở đi/) }],
    });
    expect(await refused('savePostalTariff', { tariff: { ...T2026, currency: 'USD' } })).toMatchObject({ code: 'VALIDATION' });

    const saved = await ok('savePostalTariff', { tariff: T2026 });
    expect(saved.history).toHaveLength(2);
    expect(saved.inForce.tariff.name).toBe(T2026.name);
    expect(saved.inForce.officerName).toEqual(expect.any(String));
    const later = await ok('savePostalTariff', { tariff: { ...T2026, name: 'Bảng cước 2099', validFrom: '2099-01-01' } });
    expect(later.inForce.tariff.name).toBe(T2026.name);
    expect(later.upcoming.map((v) => v.tariff.name)).toEqual(['Bảng cước 2099']);
    expect(later.history.map((v) => v.validFrom)).toEqual(['2099-01-01', '2026-01-01', '2025-07-01']);

    // the version in force now: prices before VAT, so a VAT line; 251 g is over its heaviest band
    const q = await ok('quotePostage', { grams: 180, province: 'Thanh Hoá', direction: 'return' });
    expect(q).toMatchObject({ tariffId: saved.inForce.id, zone: 'noi_tinh', subtotal: 30_000, vat: 3_000, total: 33_000, needsConfirmation: false, warnings: [] });
    expect(q.lines.map((l) => l.label)).toEqual(['Chiều trả kết quả, nội tỉnh, đến 250 g', 'Thuế GTGT 10%']);
    expect(await refused('quotePostage', { grams: 251, province: '38', direction: 'return' })).toMatchObject({
      message: expect.stringMatching(/251 g vượt khối lượng tối đa 250 g của bảng cước "Cước bưu chính công ích Bưu điện tỉnh Thanh Hóa 2026"/),
    });
    // a quote from the agency's own province to a former one merged elsewhere
    expect((await ok('quotePostage', { grams: 50, province: 'Bình Dương', direction: 'send' })).province).toEqual({ code: '79', name: 'Hồ Chí Minh' });
  });

  let shipA = 0;
  let shipB = 0;
  let shipSend = 0;

  it('registers shipments with their quote, and refuses a bad or reused S10 number', async () => {
    const s = await ok('createShipment', {
      dossierId: a.id,
      direction: 'return',
      grams: 80,
      province: '38',
      ward: 'Phường Tĩnh Gia',
      itemNo: ' ee 123456785 vn ',
      forwardFee: true,
    });
    shipA = s.id;
    expect(s).toMatchObject({
      dossierCode: a.code,
      applicantName: 'NGUYỄN THỊ PHÚC',
      recipient: 'NGUYỄN THỊ PHÚC',
      address: 'Số 12 đường Nguyễn Du, phường Tĩnh Gia, tỉnh Thanh Hóa', // the dossier's delivery address
      itemNo: 'EE123456785VN',
      status: 'prepared',
      provinceCode: '38',
      provinceName: 'Thanh Hóa',
      amount: 38_500, // (27.000 + 8.000) + 10% VAT
      manifestId: null,
    });
    expect(s.quote.tariffName).toBe(T2026.name);
    expect(s.quote.tariffId).toBeGreaterThan(0);
    const stored = h.sql<{ quote: string; amount: number }>('SELECT quote, amount FROM postal_shipments WHERE id = ?', s.id)[0]!;
    expect(JSON.parse(stored.quote)).toMatchObject({ tariffId: s.quote.tariffId, total: 38_500 });

    const badDigit = await refused('createShipment', { dossierId: b.id, direction: 'return', grams: 80, province: '01', itemNo: 'EE123456784VN' });
    expect(badDigit).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'itemNo', message: expect.stringMatching(/chữ số thứ 11 phải là 5, không phải 4/) }],
    });
    expect(await refused('createShipment', { dossierId: b.id, direction: 'return', grams: 80, province: '01', itemNo: 'EE12345678VN' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/13 ký tự/),
    });
    expect(await refused('createShipment', { dossierId: b.id, direction: 'return', grams: 80, province: '01', itemNo: 'EE123456785VN' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(a.code),
    });
    expect(await refused('createShipment', { dossierId: 9999, direction: 'return', grams: 80, province: '01' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('createShipment', { dossierId: b.id, direction: 'return', grams: 300, province: '01' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/300 g vượt khối lượng tối đa 250 g/),
    });
    expect(h.sql('SELECT id FROM postal_shipments')).toHaveLength(1);

    // a dossier received at the counter (not by post) may still go by post; exempted: nothing to pay
    const exempt = await ok('createShipment', {
      dossierId: b.id,
      direction: 'return',
      grams: 120,
      province: 'Hà Nội',
      address: 'Số 5 phố Huế, phường Hai Bà Trưng, Hà Nội',
      recipient: 'Lê Văn Đức',
      exemption: 'ba_me_vnah',
    });
    shipB = exempt.id;
    expect(exempt).toMatchObject({ amount: 0, itemNo: null, provinceName: 'Hà Nội' });
    expect(exempt.quote.lines.at(-1)?.label).toBe('Miễn cước: Bà mẹ Việt Nam anh hùng');

    const send = await ok('createShipment', { dossierId: a.id, direction: 'send', grams: 60, province: '38' });
    shipSend = send.id;
    expect(send.recipient).toBe('Trung tâm Phục vụ hành chính công phường Tĩnh Gia'); // a dossier sent in comes to the agency
    expect(send.amount).toBe(29_700);

    const all = await ok('listShipments', { status: 'prepared' });
    expect(all).toMatchObject({ total: 3, totalAmount: 38_500 + 0 + 29_700, next: null });
    expect(all.items.map((i) => i.id)).toEqual([shipSend, shipB, shipA]);
    expect((await ok('listShipments', { direction: 'return' })).total).toBe(2);
    expect((await ok('listShipments', { dossierId: a.id })).items.map((i) => i.id)).toEqual([shipSend, shipA]);
    const first = await ok('listShipments', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next).toBe(shipB);
    expect((await ok('listShipments', { limit: 2, before: first.next })).items.map((i) => i.id)).toEqual([shipA]);
    expect((await ok('listShipments', { from: '2026-11-25' })).total).toBe(0);
    expect((await ok('listShipments', { from: '2026-11-24', to: '2026-11-24' })).total).toBe(3);
  });

  it('hands the prepared results over in a numbered list: a real PDF with every item, the totals and both signatures', async () => {
    expect(await refused('updateShipment', { id: shipA, status: 'delivered' })).toMatchObject({ code: 'INVALID_STATE' });
    h.clock.advance(30 * 60_000);
    const m = await ok('createManifest', { postalWorker: 'Nguyễn Văn Bưu' }); // every prepared 'return' shipment
    expect(m).toMatchObject({ number: 'BG-2026-0001', items: 2, total: 38_500, totalGrams: 200, postalWorker: 'Nguyễn Văn Bưu', fileName: 'BG-2026-0001.pdf' });
    expect(m.shipments.map((s) => [s.id, s.status, s.manifestNumber])).toEqual([
      [shipA, 'handed_over', 'BG-2026-0001'],
      [shipB, 'handed_over', 'BG-2026-0001'],
    ]);

    const full = await ok('getManifest', { id: m.id });
    const pdf = Buffer.from(full.contentBase64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(full.sha256);
    expect(pdf.length).toBe(full.size);
    const pages = await readPdf(pdf);
    const text = squash(pages.map((p) => p.text).join(''));
    for (const s of [
      'DANH SÁCH BÀN GIAO HỒ SƠ, KẾT QUẢ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH',
      'Số: BG-2026-0001',
      'Tĩnh Gia, ngày 24 tháng 11 năm 2026',
      a.code,
      b.code,
      'EE123456785VN',
      'NGUYỄN THỊ PHÚC',
      'Lê Văn Đức',
      'Số 5 phố Huế, phường Hai Bà Trưng, Hà Nội',
      '38.500',
      'Tổng cộng: 2 bưu gửi; tổng khối lượng 200 g; tổng cước 38.500 đồng (Ba mươi tám nghìn năm trăm đồng).',
      'ĐẠI DIỆN BỘ PHẬN MỘT CỬA',
      'NHÂN VIÊN BƯU CHÍNH',
      'Nguyễn Văn Bưu',
    ]) {
      expect(text, s).toContain(squash(s));
    }
    if (full.officerName) expect(text).toContain(squash(full.officerName));
    expect(text).not.toContain(squash('Trung tâm Phục vụ hành chính công phường Tĩnh Gia') + squash('EE')); // the send leg is not in it

    // the send leg, chosen by id, gets the next number; nothing prepared is left for a default list
    const second = await ok('createManifest', { shipmentIds: [shipSend], postalWorker: 'Nguyễn Văn Bưu' });
    expect(second.number).toBe('BG-2026-0002');
    expect(await refused('createManifest', { shipmentIds: [shipA], postalWorker: 'X' })).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('Đã giao bưu điện'),
    });
    expect(await refused('createManifest', { postalWorker: 'X' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refused('createManifest', { shipmentIds: [shipA], postalWorker: '  ' })).toMatchObject({ code: 'VALIDATION' });
    expect((await ok('listManifests', { year: 2026 })).items.map((i) => i.number)).toEqual(['BG-2026-0002', 'BG-2026-0001']);
    expect((await ok('listManifests', { year: 2025 })).items).toEqual([]);
    expect(await refused('getManifest', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records delivery and return after the hand-over, and guards the item number', async () => {
    // the postal worker wrote the number on the exempted item: set after the hand-over
    const numbered = await ok('updateShipment', { id: shipB, itemNo: 'RR473124829GB' });
    expect(numbered.itemNo).toBe('RR473124829GB');
    expect(await refused('updateShipment', { id: shipB, itemNo: '' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refused('updateShipment', { id: shipB, itemNo: 'RR473124828GB' })).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/phải là 9/),
    });
    expect(await refused('updateShipment', { id: shipB, itemNo: 'EE123456785VN' })).toMatchObject({ code: 'CONFLICT' });

    expect(await refused('updateShipment', { id: shipA, status: 'delivered', at: '2030-01-01T00:00:00+07:00' })).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'at', message: expect.stringMatching(/tương lai/) }],
    });
    expect(await refused('updateShipment', { id: shipA, status: 'delivered', at: '2026-11-01T00:00:00+07:00' })).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'at', message: expect.stringMatching(/trước lúc giao bưu điện/) }],
    });
    h.clock.advance(3 * 3_600_000);
    const delivered = await ok('updateShipment', { id: shipA, status: 'delivered', at: '2026-11-24T12:00:00+07:00' });
    expect(delivered).toMatchObject({ status: 'delivered', statusAt: '2026-11-24T05:00:00.000Z' });
    const back = await ok('updateShipment', { id: shipB, status: 'returned' });
    expect(back).toMatchObject({ status: 'returned', statusAt: h.clock().toISOString() });
    expect(await refused('updateShipment', { id: shipA, status: 'returned' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refused('updateShipment', { id: shipA, itemNo: 'RB000000031VN' })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await refused('updateShipment', { id: shipA })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('updateShipment', { id: 999, status: 'delivered' })).toMatchObject({ code: 'NOT_FOUND' });

    const page = await ok('listShipments', {});
    expect(page.items.map((s) => [s.id, s.status])).toEqual([
      [shipSend, 'handed_over'],
      [shipB, 'returned'],
      [shipA, 'delivered'],
    ]);
    expect((await ok('listShipments', { status: 'delivered' })).items.map((s) => s.id)).toEqual([shipA]);
    // the list printed at the hand-over is kept as it was (a later number on the item does not change it)
    const pdf = Buffer.from((await ok('getManifest', { id: page.items[1]!.manifestId! })).contentBase64, 'base64');
    expect(squash((await readPdf(pdf)).map((p) => p.text).join(''))).not.toContain('RR473124829GB');
  });

  describe('desk postage (the CLI, a real process)', () => {
    // The desk above is closed first: the CLI opens the same data folder.
    beforeAll(async () => {
      await h.close();
    });

    it('quotes with the tariff in force in the data folder, as JSON', () => {
      const r = desk('postage', '--grams', '80', '--to', '01', '--direction', 'both', '--forward-fee', '--data-dir', h.dataDir, '--json');
      expect(r.code, r.stderr).toBe(0);
      const q = JSON.parse(r.stdout) as MethodOutput<'quotePostage'>;
      contract.quotePostage.output.parse(q);
      // 30.000 + 30.000 + 8.000, then 10% VAT; the agency's province from the settings (Thanh Hóa)
      expect(q).toMatchObject({ tariffName: T2026.name, zone: 'lien_tinh', subtotal: 68_000, vat: 6_800, total: 74_800, warnings: [] });
      expect(q.agencyProvince).toEqual({ code: '38', name: 'Thanh Hóa' });
    });

    it('exits 2 with a clear message over the maximum weight', () => {
      const r = desk('postage', '--grams', '251', '--to', '038', '--direction', 'send', '--data-dir', h.dataDir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/Lỗi: Bưu gửi 251 g vượt khối lượng tối đa 250 g của bảng cước ".*" \(áp dụng từ 01\/01\/2026\)/);
      expect(r.stderr).toMatch(/Cài đặt → Cước bưu chính/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('on a fresh folder: the shipped default, its lines and the confirmation warning', () => {
      const dir = tempDir('desk-postage-');
      const r = desk('postage', '--grams', '100', '--to', 'Hà Nội', '--direction', 'return', '--exempt', 'ba_me_vnah', '--from', '38', '--data-dir', dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Thanh Hóa → Hà Nội: liên tỉnh, 100 g/);
      expect(r.stdout).toMatch(/Chiều trả kết quả, liên tỉnh, đến 100 g\s+31\.500 đồng/);
      expect(r.stdout).toMatch(/Miễn cước: Bà mẹ Việt Nam anh hùng\s+-31\.500 đồng/);
      expect(r.stdout).toMatch(/Tổng: 0 đồng/);
      expect(r.stdout).toMatch(/Lưu ý: .*cần xác nhận với Bưu điện tỉnh/);
    });

    it.each([
      [['--grams', '0', '--to', '38', '--direction', 'send', '--from', '38'], 2, /Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0/],
      [['--grams', '1.5', '--to', '38', '--direction', 'send', '--from', '38'], 2, /Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0/],
      [['--grams', 'nặng', '--to', '38', '--direction', 'send'], 2, /--grams phải là số nguyên dương/],
      [['--grams', '50', '--to', '38', '--direction', 'sideways'], 2, /--direction "sideways"/],
      [['--grams', '50', '--to', 'Atlantis', '--direction', 'send', '--from', '38'], 2, /Không nhận ra tỉnh\/thành phố "Atlantis"/],
      [['--grams', '50', '--direction', 'send'], 2, /Thiếu --to/],
      [['--grams', '50', '--to', '38', '--direction', 'send', '--exempt', 'vip', '--from', '38'], 2, /không có đối tượng miễn cước "vip"/],
      [['--grams', '50', '--to', '38', '--direction', 'send'], 1, /Chưa thiết lập đơn vị/],
    ])('refuses %j (exit %i)', (args, code, message) => {
      const r = desk('postage', ...args, '--data-dir', tempDir('desk-postage-'));
      expect(r.code).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
