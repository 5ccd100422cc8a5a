import { describe, expect, it } from 'vitest';
import { s10ItemNo } from '../../../electron/contract/postal';
import { S10_WEIGHTS, s10CheckDigit, validateS10 } from '../../../electron/core/s10';

/** The check digit computed by hand from the UPU S10 rule, independently of the implementation. */
function byHand(serial: string): number {
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * [8, 6, 4, 2, 3, 5, 9, 7][i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

describe('UPU S10 check digit', () => {
  it('uses the weights 8 6 4 2 3 5 9 7', () => {
    expect([...S10_WEIGHTS]).toEqual([8, 6, 4, 2, 3, 5, 9, 7]);
  });

  it.each([
    // 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5
    ['12345678', 5],
    // 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200; 200 mod 11 = 2; 11 − 2 = 9 (RR473124829GB)
    ['47312482', 9],
    // sum 0: 11 − 0 = 11 → 5
    ['00000000', 5],
    // 8+6+4+2+3+5+9+7 = 44 ≡ 0 (mod 11) → 11 → 5
    ['11111111', 5],
    // 3·7 = 21 ≡ 10 (mod 11) → 1
    ['00000003', 1],
  ])('%s → %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
    expect(byHand(serial)).toBe(digit);
  });

  it('maps 10 to 0', () => {
    // a weighted sum ≡ 1 (mod 11) gives 11 − 1 = 10, written 0
    const serial = Array.from({ length: 2000 }, (_, i) => String(i).padStart(8, '0')).find((s) => {
      const sum = [...s].reduce((a, d, i) => a + Number(d) * S10_WEIGHTS[i]!, 0);
      return sum % 11 === 1;
    })!;
    expect(serial).toBeDefined();
    expect(s10CheckDigit(serial)).toBe(0);
  });

  it('agrees with the rule by hand on many serials', () => {
    for (let n = 0; n < 100_000; n += 97) {
      const serial = String(n * 1009).padStart(8, '0').slice(-8);
      expect(s10CheckDigit(serial)).toBe(byHand(serial));
    }
  });

  it('refuses a serial that is not 8 digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(/8 chữ số/);
    expect(() => s10CheckDigit('1234567a')).toThrow(/8 chữ số/);
  });
});

describe('validateS10', () => {
  it.each([
    ['EE123456785VN', 'EE123456785VN'],
    ['RR473124829GB', 'RR473124829GB'],
    ['  ee 1234 5678 5 vn ', 'EE123456785VN'],
    ['cp000000031vn', 'CP000000031VN'],
    ['RB000000031VN', 'RB000000031VN'],
  ])('accepts %j as %s', (raw, normalised) => {
    expect(validateS10(raw)).toEqual({ ok: true, value: normalised });
  });

  it('gives every digit its own check digit (numbers built from the rule are accepted)', () => {
    for (const serial of ['00000001', '99999999', '20261124', '38019612']) {
      const n = `EB${serial}${s10CheckDigit(serial)}VN`;
      expect(validateS10(n)).toEqual({ ok: true, value: n });
    }
  });

  it.each([
    ['', /Chưa nhập số hiệu/],
    ['   ', /Chưa nhập số hiệu/],
    ['EE12345678VN', /13 ký tự.*12 ký tự/],
    ['EE1234567855VN', /13 ký tự.*14 ký tự/],
    ['E1123456785VN', /bắt đầu bằng 2 chữ cái/],
    ['12123456785VN', /bắt đầu bằng 2 chữ cái/],
    ['EE12345678XVN', /9 chữ số/],
    ['EEA23456785VN', /9 chữ số/],
    ['EE1234567851N', /2 chữ cái mã nước/],
    ['EE123456785V1', /2 chữ cái mã nước/],
  ])('refuses %j with the reason', (raw, reason) => {
    const r = validateS10(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('says which check digit was expected', () => {
    const r = validateS10('EE123456784VN');
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/chữ số thứ 11 phải là 5, không phải 4/) });
    const swapped = validateS10('EE213456785VN'); // two digits swapped: caught by the weights
    expect(swapped.ok).toBe(false);
  });

  it('is the check of the contract field', () => {
    expect(s10ItemNo.parse(' ee123456785vn')).toBe('EE123456785VN');
    const bad = s10ItemNo.safeParse('EE123456780VN');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/phải là 5/);
  });
});
