import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkPhone, normalizePhone } from '../../../electron/core/applicant';

const provinces = new Set(['001', '038']);

describe('ID numbers', () => {
  it('accepts a 12-digit CCCD with a known province code', () => {
    expect(checkIdNumber('cccd', '038196001234', provinces)).toBeNull();
  });
  it('refuses wrong length and unknown province codes in Vietnamese', () => {
    expect(checkIdNumber('cccd', '03819600123', provinces)).toMatch(/12 chữ số/);
    expect(checkIdNumber('cccd', '999196001234', provinces)).toMatch(/Mã tỉnh "999"/);
  });
  it('accepts 9-digit CMND and passport numbers', () => {
    expect(checkIdNumber('cmnd', '172345678', provinces)).toBeNull();
    expect(checkIdNumber('cmnd', '17234567', provinces)).toMatch(/9 chữ số/);
    expect(checkIdNumber('passport', 'C1234567', provinces)).toBeNull();
    expect(checkIdNumber('passport', 'c12', provinces)).toMatch(/hộ chiếu/);
  });
});

describe('phones', () => {
  it('normalises +84 and spacing', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalizePhone('84912345678')).toBe('0912345678');
    expect(normalizePhone('0237.3862.000')).toBe('02373862000');
  });
  it('accepts mobiles and landlines, refuses the rest', () => {
    expect(checkPhone('0912345678')).toBeNull();
    expect(checkPhone('02373862000')).toBeNull();
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('0112345678')).toMatch(/không hợp lệ/);
    expect(checkPhone('09123')).toMatch(/không hợp lệ/);
  });
});
