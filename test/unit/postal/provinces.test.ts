import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceDirectory } from '../../../electron/core/postage';

const ROOT = path.resolve(__dirname, '../../../resources');
const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'postal/provinces.json'), 'utf8')) as unknown;
const dir = provinceDirectory(data);

/** NQ 202/2025/QH15: the 34 provincial-level units from 1/7/2025 and their codes. */
const UNITS: Record<string, string> = {
  '01': 'Hà Nội', '04': 'Cao Bằng', '08': 'Tuyên Quang', '11': 'Điện Biên', '12': 'Lai Châu', '14': 'Sơn La',
  '15': 'Lào Cai', '19': 'Thái Nguyên', '20': 'Lạng Sơn', '22': 'Quảng Ninh', '24': 'Bắc Ninh', '25': 'Phú Thọ',
  '31': 'Hải Phòng', '33': 'Hưng Yên', '37': 'Ninh Bình', '38': 'Thanh Hóa', '40': 'Nghệ An', '42': 'Hà Tĩnh',
  '44': 'Quảng Trị', '46': 'Huế', '48': 'Đà Nẵng', '51': 'Quảng Ngãi', '52': 'Gia Lai', '56': 'Khánh Hòa',
  '66': 'Đắk Lắk', '68': 'Lâm Đồng', '75': 'Đồng Nai', '79': 'Hồ Chí Minh', '80': 'Tây Ninh', '82': 'Đồng Tháp',
  '86': 'Vĩnh Long', '91': 'An Giang', '92': 'Cần Thơ', '96': 'Cà Mau',
};

describe('the 34 provinces (NQ 202/2025/QH15)', () => {
  it('lists exactly the 34 units with their codes', () => {
    expect(Object.fromEntries(dir.units.map((u) => [u.code, u.name]))).toEqual(UNITS);
    expect(dir.units.filter((u) => u.fullName.startsWith('Thành phố')).map((u) => u.name).sort()).toEqual(
      ['Cần Thơ', 'Hà Nội', 'Huế', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng'].sort(),
    );
  });

  it('resolves every one of the 63 former provinces, by code and by name, to a current unit', () => {
    const old = JSON.parse(fs.readFileSync(path.join(ROOT, 'cccd-provinces.json'), 'utf8')) as { codes: Array<{ code: string; name: string }> };
    expect(old.codes).toHaveLength(63);
    for (const { code, name } of old.codes) {
      const byCode = dir.find(code);
      const byName = dir.find(name);
      expect(byCode, `${code} ${name}`).toBeDefined();
      expect(byName?.code, name).toBe(byCode?.code);
    }
  });

  it.each([
    ['38', '38'], ['038', '38'], [' 8 ', '08'], ['08', '08'], ['Thanh Hoá', '38'], ['THANH HÓA', '38'], ['tinh thanh hoa', '38'],
    ['Tỉnh Thanh Hóa', '38'], ['TP. Hồ Chí Minh', '79'], ['Thành phố Hồ Chí Minh', '79'], ['HCM', '79'], ['Bình Dương', '79'],
    ['77', '79'], ['Thừa Thiên Huế', '46'], ['Huế', '46'], ['10', '15'], ['Yên Bái', '15'], ['27', '24'], ['Bắc Giang', '24'],
    ['26', '25'], ['Hòa Bình', '25'], ['Hoà Bình', '25'], ['30', '31'], ['34', '33'], ['35', '37'], ['36', '37'], ['49', '48'],
    ['62', '51'], ['64', '52'], ['Bình Định', '52'], ['58', '56'], ['54', '66'], ['67', '68'], ['60', '68'], ['70', '75'],
    ['72', '80'], ['Long An', '80'], ['87', '82'], ['Tiền Giang', '82'], ['83', '86'], ['84', '86'], ['89', '91'],
    ['Kiên Giang', '91'], ['93', '92'], ['94', '92'], ['95', '96'], ['02', '08'], ['06', '19'],
  ])('%j → %s', (query, code) => {
    expect(dir.find(query)?.code).toBe(code);
  });

  it.each(['', '0', '00', '99', '100', '038a', 'Sài Gòn Gia Định', 'Quảng'])('does not resolve %j', (query) => {
    expect(dir.find(query)).toBeUndefined();
  });

  it('refuses a list with a duplicate code', () => {
    const broken = JSON.parse(JSON.stringify(data)) as { units: Array<{ code: string }> };
    broken.units[1]!.code = broken.units[0]!.code;
    expect(() => provinceDirectory(broken)).toThrow(/trùng/);
  });
});
