import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/contract/errors';
import type { PostalTariff, PostalTariffInput } from '../../../electron/contract/postal';
import { postalTariff } from '../../../electron/contract/postal';
import {
  GRAMS_MESSAGE,
  parseTariff,
  provinceDirectory,
  quotePostage,
  validateTariff,
  type QuoteRequest,
} from '../../../electron/core/postage';

const RESOURCES = path.resolve(__dirname, '../../../resources/postal');
const json = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(RESOURCES, name), 'utf8'));
const provinces = provinceDirectory(json('provinces.json'));
const shipped = (() => {
  const r = parseTariff(json('tariff-default.json'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.tariff;
})();

/** A fuller tariff: three bands, extra steps, prices before VAT. */
const RICH: PostalTariff = postalTariff.parse({
  name: 'Bảng cước thử',
  validFrom: '2026-01-01',
  currency: 'VND',
  vatIncluded: false,
  vatRate: 0.1,
  zones: [
    { id: 'noi_tinh', label: 'Nội tỉnh' },
    { id: 'lien_tinh', label: 'Liên tỉnh' },
  ],
  bands: [
    { zone: 'noi_tinh', direction: 'send', maxGrams: 100, price: 25_000 },
    { zone: 'noi_tinh', direction: 'send', maxGrams: 250, price: 28_000 },
    { zone: 'noi_tinh', direction: 'send', maxGrams: 500, price: 32_345 },
    { zone: 'noi_tinh', direction: 'return', maxGrams: 100, price: 25_000 },
    { zone: 'noi_tinh', direction: 'return', maxGrams: 500, price: 30_000 },
    { zone: 'lien_tinh', direction: 'send', maxGrams: 100, price: 30_000 },
    { zone: 'lien_tinh', direction: 'return', maxGrams: 100, price: 30_000 },
  ],
  extraStep: [{ zone: 'noi_tinh', direction: 'send', grams: 500, price: 5_000 }],
  surcharges: [{ id: 'forward_fee', label: 'Chuyển phí (thu hộ lệ phí) về cơ quan', amount: 8_000, per: 'dossier' }],
  exemptions: [{ id: 'ba_me_vnah', label: 'Bà mẹ Việt Nam anh hùng' }],
});

const base: QuoteRequest = { grams: 80, destinationProvince: '38', agencyProvince: 'Thanh Hóa', direction: 'send', forwardFee: false };
const quote = (over: Partial<QuoteRequest> = {}, tariff: PostalTariff = shipped) => quotePostage(tariff, { ...base, ...over }, provinces);

/** The DeskError a call throws. */
function refusal(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw e;
  }
  throw new Error('no refusal');
}

describe('the shipped default tariff', () => {
  it('is valid, needs confirmation, and takes the upper figure of each published range', () => {
    expect(validateTariff(shipped)).toEqual([]);
    expect(shipped.needsConfirmation).toBe(true);
    expect(shipped.note).toMatch(/^Giá cước mặc định theo số liệu công bố; cần xác nhận với Bưu điện tỉnh/);
    expect(shipped.note).toMatch(/mức cao/);
    expect(shipped.note).toMatch(/thuế GTGT/);
    expect(shipped.vatIncluded).toBe(true);
    expect(shipped.extraStep).toBeNull();
    expect(shipped.sources.some((s) => s.includes('vnpost.vn'))).toBe(true);
    const price = (zone: string, direction: string) => shipped.bands.find((b) => b.zone === zone && b.direction === direction);
    expect(price('noi_tinh', 'send')).toMatchObject({ maxGrams: 100, price: 30_000 });
    expect(price('noi_tinh', 'return')).toMatchObject({ maxGrams: 100, price: 30_000 });
    expect(price('lien_tinh', 'send')).toMatchObject({ maxGrams: 100, price: 31_500 });
    expect(price('lien_tinh', 'return')).toMatchObject({ maxGrams: 100, price: 31_500 });
    // no invented heavier bands
    expect(Math.max(...shipped.bands.map((b) => b.maxGrams))).toBe(100);
    expect(shipped.surcharges).toEqual([{ id: 'forward_fee', label: 'Chuyển phí (thu hộ lệ phí) về cơ quan', amount: 8000, per: 'dossier' }]);
    expect(shipped.exemptions.map((e) => e.label)).toEqual(['Người hoạt động cách mạng trước 19/8/1945', 'Bà mẹ Việt Nam anh hùng']);
  });
});

describe('quotePostage', () => {
  it('one leg within the province, every line shown, with the confirmation warning', () => {
    const q = quote();
    expect(q).toMatchObject({ zone: 'noi_tinh', zoneLabel: 'Nội tỉnh', subtotal: 30_000, vat: 0, exempted: 0, total: 30_000, needsConfirmation: true });
    expect(q.lines).toEqual([{ label: 'Chiều gửi hồ sơ, nội tỉnh, đến 100 g', amount: 30_000, detail: 'Bưu gửi 80 g: bậc khối lượng đến 100 g' }]);
    expect(q.warnings.join(' ')).toMatch(/cần xác nhận với Bưu điện tỉnh/);
    expect(q.tariffName).toBe(shipped.name);
    expect(q.agencyProvince).toEqual({ code: '38', name: 'Thanh Hóa' });
  });

  it('the band boundary: 100 g is in the 100 g band, 101 g in the next one', () => {
    expect(quote({ grams: 100 }, RICH).lines[0]).toMatchObject({ label: 'Chiều gửi hồ sơ, nội tỉnh, đến 100 g', amount: 25_000 });
    expect(quote({ grams: 101 }, RICH).lines[0]).toMatchObject({ label: 'Chiều gửi hồ sơ, nội tỉnh, đến 250 g', amount: 28_000 });
    expect(quote({ grams: 1 }, RICH).lines[0]).toMatchObject({ amount: 25_000 });
    expect(quote({ grams: 500 }, RICH).lines.map((l) => l.label)).toEqual(['Chiều gửi hồ sơ, nội tỉnh, đến 500 g', 'Thuế GTGT 10%']);
  });

  it('101 g on the shipped tariff is refused, naming the weight, the maximum and where to add bands', () => {
    const e = refusal(() => quote({ grams: 101 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('101 g');
    expect(e.message).toContain('tối đa 100 g');
    expect(e.message).toContain(shipped.name);
    expect(e.message).toContain('01/07/2025');
    expect(e.message).toContain('Cài đặt → Cước bưu chính');
    expect(e.details).toEqual([expect.objectContaining({ path: 'grams', grams: 101, maxGrams: 100 })]);
    // both directions: the first leg over the maximum is named
    expect(refusal(() => quote({ grams: 2000, direction: 'both', destinationProvince: '01' })).message).toMatch(/2000 g .*chiều gửi hồ sơ, liên tỉnh/);
  });

  it('beyond the last band with an extra step: every started step is charged, on its own line', () => {
    const q = quote({ grams: 1001 }, RICH); // 501 g over 500 g: two steps of 500 g
    expect(q.lines.map((l) => [l.label, l.amount])).toEqual([
      ['Chiều gửi hồ sơ, nội tỉnh, đến 500 g', 32_345],
      ['Chiều gửi hồ sơ, nội tỉnh, mỗi 500 g tiếp theo', 10_000],
      ['Thuế GTGT 10%', 4_235], // 10% × 42.345 = 4.234,5 → 4.235
    ]);
    expect(q.lines[1]?.detail).toMatch(/2 × 5\.000 đ: 501 g vượt quá 500 g/);
    expect(q.total).toBe(32_345 + 10_000 + 4_235);
    expect(quote({ grams: 1000 }, RICH).lines[1]).toMatchObject({ amount: 5_000 });
    // the return leg has no extra step in this tariff: refused above its last band
    expect(refusal(() => quote({ grams: 501, direction: 'return' }, RICH)).message).toMatch(/501 g vượt khối lượng tối đa 500 g/);
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s g with the grams message', (grams) => {
    const e = refusal(() => quote({ grams }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe(GRAMS_MESSAGE);
    expect(GRAMS_MESSAGE).toBe('Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0');
  });

  it('both directions are the sum of both legs', () => {
    const send = quote({ destinationProvince: '01', direction: 'send' });
    const back = quote({ destinationProvince: '01', direction: 'return' });
    const both = quote({ destinationProvince: '01', direction: 'both' });
    expect(both.total).toBe(send.total + back.total);
    expect(both.total).toBe(63_000);
    expect(both.lines.map((l) => l.label)).toEqual(['Chiều gửi hồ sơ, liên tỉnh, đến 100 g', 'Chiều trả kết quả, liên tỉnh, đến 100 g']);
    expect(quote({ direction: 'both' }).total).toBe(60_000);
  });

  it('the forwarded fee is its own line, once per dossier', () => {
    const q = quote({ direction: 'both', forwardFee: true });
    expect(q.lines.at(-1)).toEqual({ label: 'Chuyển phí (thu hộ lệ phí) về cơ quan', amount: 8_000, detail: 'Thu một lần cho mỗi hồ sơ' });
    expect(q.total).toBe(68_000);
    const noFee: PostalTariff = { ...shipped, surcharges: [] };
    expect(refusal(() => quote({ forwardFee: true }, noFee)).message).toMatch(/không có phụ phí chuyển phí/);
  });

  it('VAT is a line, rounded to the đồng, when the prices exclude it; none when they include it', () => {
    const q = quote({ grams: 80, forwardFee: true }, RICH);
    expect(q.subtotal).toBe(33_000);
    expect(q.vat).toBe(3_300);
    expect(q.lines.at(-1)).toMatchObject({ label: 'Thuế GTGT 10%', amount: 3_300 });
    expect(q.lines.at(-1)?.detail).toMatch(/10% × 33\.000 đ, làm tròn đến đồng/);
    expect(q.total).toBe(36_300);
    const odd = quote({ grams: 300 }, { ...RICH, vatRate: 0.08 }); // 8% × 32.345 = 2.587,6 → 2.588
    expect(odd.vat).toBe(2_588);
    expect(odd.lines.at(-1)?.label).toBe('Thuế GTGT 8%');
    expect(quote().lines.some((l) => l.label.startsWith('Thuế'))).toBe(false);
  });

  it('an exemption brings the total to 0, with its label, after every charge and VAT', () => {
    const q = quote({ direction: 'both', forwardFee: true, exemption: 'ba_me_vnah' }, RICH);
    expect(q.total).toBe(0);
    expect(q.exempted).toBe(q.subtotal + q.vat);
    expect(q.exemption).toEqual({ id: 'ba_me_vnah', label: 'Bà mẹ Việt Nam anh hùng' });
    expect(q.lines.at(-1)).toMatchObject({ label: 'Miễn cước: Bà mẹ Việt Nam anh hùng', amount: -(q.subtotal + q.vat) });
    expect(q.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
    const shippedExempt = quote({ exemption: 'cach_mang_truoc_1945' });
    expect(shippedExempt.lines.at(-1)?.label).toBe('Miễn cước: Người hoạt động cách mạng trước 19/8/1945');
    expect(refusal(() => quote({ exemption: 'vip' })).message).toMatch(/không có đối tượng miễn cước "vip".*ba_me_vnah/);
  });

  describe('zone by province', () => {
    it.each([
      ['38', 'noi_tinh'],
      ['038', 'noi_tinh'],
      ['Thanh Hoá', 'noi_tinh'],
      ['tỉnh thanh hoa', 'noi_tinh'],
      ['01', 'lien_tinh'],
      ['Hà Nội', 'lien_tinh'],
      ['79', 'lien_tinh'],
    ])('%s → %s (agency in Thanh Hóa)', (to, zone) => {
      expect(quote({ destinationProvince: to }).zone).toBe(zone);
    });

    it('former codes and names resolve to the merged unit', () => {
      // An agency in Lào Cai (15): the former Yên Bái (15) and the former Lào Cai (10) are both within the province now.
      const inLaoCai = (to: string) => quote({ agencyProvince: '15', destinationProvince: to });
      expect(inLaoCai('10').zone).toBe('noi_tinh');
      expect(inLaoCai('Yên Bái').zone).toBe('noi_tinh');
      expect(inLaoCai('015').province).toEqual({ code: '15', name: 'Lào Cai' });
      // Bình Dương (74) is now Hồ Chí Minh (79); Hà Giang (02) is Tuyên Quang (08)
      expect(quote({ agencyProvince: 'TP Hồ Chí Minh', destinationProvince: '74' }).zone).toBe('noi_tinh');
      expect(quote({ agencyProvince: 'Tuyên Quang', destinationProvince: 'Hà Giang' }).zone).toBe('noi_tinh');
      expect(quote({ destinationProvince: '44' }).province.name).toBe('Quảng Trị'); // Quảng Bình's code, kept by the merged unit
      expect(quote({ destinationProvince: '45' }).province.name).toBe('Quảng Trị');
    });

    it('refuses an unknown province with a clear message', () => {
      const e = refusal(() => quote({ destinationProvince: '99' }));
      expect(e.code).toBe('VALIDATION');
      expect(e.message).toMatch(/Không nhận ra tỉnh\/thành phố "99".*34 tỉnh, thành phố/);
      expect(e.details).toEqual([expect.objectContaining({ path: 'province' })]);
      expect(refusal(() => quote({ destinationProvince: 'Atlantis' })).message).toMatch(/"Atlantis"/);
      expect(refusal(() => quote({ agencyProvince: '' })).details).toEqual([expect.objectContaining({ path: 'fromProvince' })]);
    });
  });

  it('refuses a zone and direction without any band', () => {
    const oneWay: PostalTariff = { ...shipped, bands: shipped.bands.filter((b) => !(b.zone === 'lien_tinh' && b.direction === 'return')) };
    const e = refusal(() => quote({ destinationProvince: '01', direction: 'both' }, oneWay));
    expect(e.message).toMatch(/chưa có giá cho chiều trả kết quả, liên tỉnh/);
  });
});

describe('validateTariff', () => {
  const input = (): PostalTariffInput => JSON.parse(JSON.stringify(RICH)) as PostalTariffInput;
  const problems = (t: PostalTariffInput) => {
    const r = parseTariff(t);
    return r.ok ? [] : r.problems;
  };

  it('accepts a sound tariff', () => {
    expect(problems(input())).toEqual([]);
  });

  it('bands must ascend within a zone and direction', () => {
    const t = input();
    t.bands[1]!.maxGrams = 100; // equal to the band before
    expect(problems(t)).toEqual([
      { path: 'bands.1.maxGrams', message: expect.stringMatching(/phải tăng dần: bậc đến 100 g đứng sau bậc đến 100 g/) },
    ]);
    const swapped = input();
    [swapped.bands[1], swapped.bands[2]] = [swapped.bands[2]!, swapped.bands[1]!];
    expect(problems(swapped)[0]?.path).toBe('bands.2.maxGrams');
  });

  it('prices must be positive and must not fall as the weight grows', () => {
    const zero = input();
    zero.bands[0]!.price = 0;
    expect(problems(zero)).toContainEqual({ path: 'bands.0.price', message: expect.stringMatching(/phải lớn hơn 0/) });
    const negative = input();
    negative.bands[0]!.price = -1;
    expect(problems(negative)[0]).toMatchObject({ path: 'bands.0.price', message: expect.stringMatching(/không được âm/) });
    const falling = input();
    falling.bands[1]!.price = 20_000;
    expect(problems(falling)).toEqual([{ path: 'bands.1.price', message: expect.stringMatching(/thấp hơn giá bậc nhẹ hơn đến 100 g/) }]);
  });

  it('each zone needs both directions, and both zones are needed', () => {
    const t = input();
    t.bands = t.bands.filter((b) => !(b.zone === 'lien_tinh' && b.direction === 'send'));
    expect(problems(t)).toEqual([{ path: 'bands', message: expect.stringMatching(/chiều gửi hồ sơ, liên tỉnh/) }]);
    const oneZone = input();
    oneZone.zones = oneZone.zones.filter((z) => z.id === 'noi_tinh');
    const p = problems(oneZone);
    expect(p.map((x) => x.path)).toContain('zones');
    expect(p.map((x) => x.path)).toContain('bands.5.zone');
  });

  it('grams must be whole and positive, ids unique, VAT consistent, the date real', () => {
    const frac = input();
    frac.bands[0]!.maxGrams = 99.5;
    expect(problems(frac)[0]).toMatchObject({ path: 'bands.0.maxGrams', message: expect.stringMatching(/số gam nguyên/) });
    const dup = input();
    dup.exemptions = [...(dup.exemptions ?? []), { id: 'ba_me_vnah', label: 'Trùng' }];
    expect(problems(dup)).toEqual([{ path: 'exemptions.1.id', message: expect.stringMatching(/trùng/) }]);
    const vat = input();
    vat.vatRate = 0;
    expect(problems(vat)).toEqual([{ path: 'vatRate', message: expect.stringMatching(/thuế suất GTGT lớn hơn 0/) }]);
    const day = input();
    day.validFrom = '2026-02-30';
    expect(problems(day)).toEqual([{ path: 'validFrom', message: expect.stringMatching(/không có trên lịch/) }]);
    const step = input();
    step.extraStep = [...(step.extraStep ?? []), { zone: 'noi_tinh', direction: 'send', grams: 100, price: 1_000 }];
    expect(problems(step)).toEqual([{ path: 'extraStep.1', message: expect.stringMatching(/khai báo hai lần/) }]);
    const id = input();
    id.surcharges = [{ id: 'Phí chuyển', label: 'x', amount: 1, per: 'dossier' }];
    expect(problems(id)[0]).toMatchObject({ path: 'surcharges.0.id', message: expect.stringMatching(/chữ thường không dấu/) });
  });
});
