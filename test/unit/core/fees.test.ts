import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueFile, type FeeRule } from '../../../electron/contract/catalogue';
import { computeFee, describeFeeRule, FeeError, sumFees, tryComputeFee } from '../../../electron/core/fees';
import { amountInWords } from '../../../electron/core/money-words';

const shipped = catalogueFile.parse(
  JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../../resources/catalogue/procedures.json', import.meta.url)), 'utf8')),
);
const ruleOf = (id: string): FeeRule => {
  const p = shipped.procedures.find((x) => x.id === id);
  if (!p) throw new Error(`no procedure ${id}`);
  return p.fee;
};

const banSao = ruleOf('chung-thuc-ban-sao');
const chuKy = ruleOf('chung-thuc-chu-ky');
const khaiSinh = ruleOf('khai-sinh');
const ketHon = ruleOf('ket-hon');
const trichLuc = ruleOf('trich-luc-ban-sao');

const sumLines = (r: { lines: Array<{ amount: number }> }) => r.lines.reduce((a, l) => a + l.amount, 0);

describe('chứng thực bản sao: 2.000 đ/trang (1–2), 1.000 đ/trang từ trang 3, tối đa 200.000 đ/bản', () => {
  it.each([
    [1, 1, 2_000],
    [2, 1, 4_000],
    [3, 1, 5_000],
    [10, 1, 12_000],
    [150, 1, 152_000],
    [198, 1, 200_000],
    [199, 1, 200_000],
    [500, 1, 200_000],
    [1, 5, 10_000],
    [3, 2, 10_000],
    [150, 3, 456_000],
    [300, 2, 400_000],
  ])('%i trang × %i bản = %i đ', (pages, copies, amount) => {
    const r = computeFee(banSao, { pages, copies });
    expect(r.amount).toBe(amount);
    expect(r.gross).toBe(amount);
    expect(sumLines(r)).toBe(amount);
    expect(r.uncertain).toBe(false);
    expect(r.exemptedBy).toBeUndefined();
  });

  it('itemises page tiers with Vietnamese labels', () => {
    const r = computeFee(banSao, { pages: 150 });
    expect(r.lines).toEqual([
      { label: 'Phí chứng thực bản sao từ bản chính: trang 1–2', quantity: 2, unit: 'trang', unitPrice: 2_000, amount: 4_000 },
      { label: 'Phí chứng thực bản sao từ bản chính: trang 3–150', quantity: 148, unit: 'trang', unitPrice: 1_000, amount: 148_000 },
    ]);
    expect(computeFee(banSao, { pages: 1 }).lines).toEqual([
      { label: 'Phí chứng thực bản sao từ bản chính: trang 1', quantity: 1, unit: 'trang', unitPrice: 2_000, amount: 2_000 },
    ]);
    expect(computeFee(banSao, { pages: 3, copies: 2 }).lines.map((l) => l.label)).toEqual([
      'Phí chứng thực bản sao từ bản chính: trang 1–2 × 2 bản',
      'Phí chứng thực bản sao từ bản chính: trang 3 × 2 bản',
    ]);
  });

  it('shows the cap as one line per copy when it applies', () => {
    const r = computeFee(banSao, { pages: 250, copies: 2 });
    expect(r.lines).toEqual([
      {
        label: 'Phí chứng thực bản sao từ bản chính: bản 250 trang, áp dụng mức tối đa 200.000 đồng/bản',
        quantity: 2,
        unit: 'bản',
        unitPrice: 200_000,
        amount: 400_000,
      },
    ]);
    expect(amountInWords(r.amount)).toBe('Bốn trăm nghìn đồng');
  });

  it('needs the page count and positive integer counts', () => {
    expect(() => computeFee(banSao, {})).toThrow(FeeError);
    expect(tryComputeFee(banSao, {})).toEqual({
      ok: false,
      error: { code: 'PAGES_REQUIRED', field: 'pages', message: 'Số trang: cần nhập số trang của bản chính để tính phí' },
    });
    for (const pages of [0, -1, 1.5, Number.NaN]) {
      const r = tryComputeFee(banSao, { pages });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_COUNT', field: 'pages' });
    }
    const copies = tryComputeFee(banSao, { pages: 2, copies: -2 });
    expect(copies.ok || copies.error).toMatchObject({ code: 'INVALID_COUNT', field: 'copies', message: expect.stringMatching(/^Số bản: phải từ 1/) });
    const frac = tryComputeFee(banSao, { pages: 2, copies: 2.5 });
    expect(frac.ok || frac.error).toMatchObject({ code: 'INVALID_COUNT', message: expect.stringMatching(/số nguyên/) });
  });

  it('describes itself in Vietnamese', () => {
    expect(describeFeeRule(banSao)).toBe(
      '2.000 đồng/trang (trang 1–2); 1.000 đồng/trang (từ trang 3); tối đa 200.000 đồng/bản',
    );
  });
});

describe('fixed, per-copy and free rules', () => {
  it('chứng thực chữ ký: 10.000 đ per case', () => {
    const one = computeFee(chuKy);
    expect(one.amount).toBe(10_000);
    expect(one.lines).toEqual([{ label: 'Phí chứng thực chữ ký', quantity: 1, unit: 'trường hợp', unitPrice: 10_000, amount: 10_000 }]);
    expect(amountInWords(one.amount)).toBe('Mười nghìn đồng');
    expect(computeFee(chuKy, { cases: 3 }).amount).toBe(30_000);
    // Pages and copies do not change a per-case fee.
    expect(computeFee(chuKy, { pages: 40, copies: 3 }).amount).toBe(10_000);
    const bad = tryComputeFee(chuKy, { cases: 0 });
    expect(bad.ok || bad.error).toMatchObject({ code: 'INVALID_COUNT', field: 'cases' });
  });

  it('trích lục: per copy, flagged uncertain with the reason', () => {
    const r = computeFee(trichLuc, { copies: 3 });
    expect(r.amount).toBe(24_000);
    expect(r.lines[0]).toMatchObject({ quantity: 3, unit: 'bản sao', unitPrice: 8_000 });
    expect(r.uncertain).toBe(true);
    expect(r.uncertainNote).toMatch(/3\.000/);
  });

  it('kết hôn: free, no lines', () => {
    const r = computeFee(ketHon, { categories: ['ho_ngheo'] });
    expect(r).toMatchObject({ amount: 0, gross: 0, lines: [], uncertain: false });
    expect(r.exemptedBy).toBeUndefined();
    expect(amountInWords(r.amount)).toBe('Không đồng');
  });
});

describe('exemptions', () => {
  it('khai sinh: 8.000 đ when late, nothing when on time', () => {
    const late = computeFee(khaiSinh);
    expect(late.amount).toBe(8_000);
    expect(late.uncertain).toBe(true);
    const onTime = computeFee(khaiSinh, { categories: ['dang_ky_dung_han'] });
    expect(onTime.amount).toBe(0);
    expect(onTime.gross).toBe(8_000);
    expect(onTime.exemptedCategory).toBe('dang_ky_dung_han');
    expect(onTime.exemptedBy).toMatch(/^Đăng ký đúng hạn/);
    expect(onTime.lines.at(-1)).toEqual({
      label: `Miễn: ${onTime.exemptedBy}`,
      quantity: 1,
      unit: '',
      unitPrice: -8_000,
      amount: -8_000,
    });
    expect(sumLines(onTime)).toBe(0);
  });

  it.each(['ho_ngheo', 'nguoi_khuyet_tat', 'gia_dinh_co_cong'] as const)('khai sinh: %s is exempt', (category) => {
    expect(computeFee(khaiSinh, { categories: [category] }).amount).toBe(0);
  });

  it('a category the rule does not list changes nothing', () => {
    expect(computeFee(khaiSinh, { categories: ['tre_em'] }).amount).toBe(8_000);
    expect(computeFee(chuKy, { categories: ['ho_ngheo'] }).amount).toBe(10_000);
  });

  it('the first exemption in the rule order names the waiver', () => {
    const r = computeFee(khaiSinh, { categories: ['ho_ngheo', 'dang_ky_dung_han'] });
    expect(r.exemptedCategory).toBe('dang_ky_dung_han');
  });

  it('works for a custom rule, e.g. children exempt per copy', () => {
    const rule: FeeRule = {
      kind: 'per_copy',
      label: 'Phí thử',
      uncertain: false,
      amount: 5_000,
      unit: 'bản',
      exemptions: [{ category: 'tre_em' }],
    };
    expect(computeFee(rule, { copies: 2 }).amount).toBe(10_000);
    expect(computeFee(rule, { copies: 2, categories: ['tre_em'] })).toMatchObject({ amount: 0, gross: 10_000, exemptedBy: 'Trẻ em' });
  });
});

describe('malformed rules and sums', () => {
  it('refuses per-page tiers that do not start at page 1', () => {
    const rule: FeeRule = {
      kind: 'per_page',
      label: 'Sai',
      uncertain: false,
      tiers: [{ fromPage: 2, pricePerPage: 1_000 }],
      capPerCopy: null,
      exemptions: [],
    };
    const r = tryComputeFee(rule, { pages: 3 });
    expect(r.ok || r.error).toMatchObject({ code: 'INVALID_RULE', message: expect.stringMatching(/trang 1/) });
  });

  it('adds the fees of a visit', () => {
    const total = sumFees([computeFee(banSao, { pages: 3 }), computeFee(chuKy), computeFee(trichLuc)]);
    expect(total).toEqual({ amount: 23_000, gross: 23_000, uncertain: true });
  });
});

describe('properties of per-page fees', () => {
  const tierRule = fc
    .record({
      prices: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 4 }),
      gaps: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 3, maxLength: 3 }),
      cap: fc.option(fc.integer({ min: 50_000, max: 500_000 }), { nil: null }),
    })
    .map(({ prices, gaps, cap }): FeeRule => {
      let from = 1;
      const tiers = prices.map((pricePerPage, i) => {
        const tier = { fromPage: from, pricePerPage };
        from += gaps[i % gaps.length] ?? 1;
        return tier;
      });
      return { kind: 'per_page', label: 'Phí', uncertain: false, tiers, capPerCopy: cap, exemptions: [] };
    });

  it('the shipped rule is monotonic in pages and never above cap × copies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 50 }), (a, b, copies) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const fLo = computeFee(banSao, { pages: lo, copies }).amount;
        const fHi = computeFee(banSao, { pages: hi, copies }).amount;
        expect(fLo).toBeLessThanOrEqual(fHi);
        expect(fHi).toBeLessThanOrEqual(200_000 * copies);
      }),
    );
  });

  it('any valid per-page rule is monotonic, capped, and its lines add up', () => {
    fc.assert(
      fc.property(tierRule, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 10 }), (rule, pages, more, copies) => {
        if (rule.kind !== 'per_page') return;
        const r1 = computeFee(rule, { pages, copies });
        const r2 = computeFee(rule, { pages: pages + more, copies });
        expect(r1.amount).toBeLessThanOrEqual(r2.amount);
        expect(sumLines(r1)).toBe(r1.amount);
        expect(sumLines(r2)).toBe(r2.amount);
        if (rule.capPerCopy !== null) expect(r2.amount).toBeLessThanOrEqual(rule.capPerCopy * copies);
        expect(r1.amount % copies).toBe(0);
      }),
    );
  });
});
