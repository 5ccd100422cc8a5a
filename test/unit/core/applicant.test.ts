import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centuryGenderDigit,
  checkCccd,
  checkEmail,
  checkIdNumber,
  checkName,
  checkPhone,
  classifyPhone,
  decodeCccd,
  describeCccd,
  normalizeEmail,
  normalizeIdNumber,
  normalizeName,
  normalizePhone,
} from '../../../electron/core/applicant';

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

describe('CCCD structure and declared facts', () => {
  const known = new Set(['001', '038', '079']);
  it('038196001234: Thanh Hóa, digit 4 = 1 → female born 1900–1999, 96 → 1996', () => {
    expect(decodeCccd('038196001234')).toEqual({ provinceCode: '038', gender: 'female', birthYear: 1996, centuryStart: 1900 });
    expect(checkCccd('038196001234', known, { birthYear: 1996, gender: 'female' })).toBeNull();
    expect(checkIdNumber('cccd', '038196001234', known, { birthYear: 1996, gender: 'female' })).toBeNull();
  });
  it('decodes every century/gender digit', () => {
    const cases: Array<[string, 'male' | 'female', number]> = [
      ['0', 'male', 1900],
      ['1', 'female', 1900],
      ['2', 'male', 2000],
      ['3', 'female', 2000],
      ['4', 'male', 2100],
      ['5', 'female', 2100],
      ['6', 'male', 2200],
      ['7', 'female', 2200],
      ['8', 'male', 2300],
      ['9', 'female', 2300],
    ];
    for (const [digit, gender, start] of cases) {
      expect(decodeCccd(`038${digit}05123456`)).toMatchObject({ gender, birthYear: start + 5, centuryStart: start });
      expect(centuryGenderDigit(start + 5, gender)).toBe(Number(digit));
    }
    expect(centuryGenderDigit(1899, 'male')).toBeNull();
  });
  it('refuses a mismatched century, year or gender with the reason', () => {
    // 038 2 05 …: a man born 2005
    expect(checkCccd('038205001234', known, { birthYear: 2005, gender: 'male' })).toBeNull();
    expect(checkCccd('038205001234', known, { birthYear: 1905 })).toMatch(/chữ số thứ 4 là 2 .*2000–2099.*1905/);
    expect(checkCccd('038205001234', known, { birthYear: 2006 })).toMatch(/chữ số thứ 5–6 là 05 .*2005.*2006/);
    expect(checkCccd('038205001234', known, { gender: 'female' })).toMatch(/giới tính: chữ số thứ 4 là 2 \(nam\).*nữ/);
    expect(checkCccd('038196001234', known, { birthYear: 1996, gender: 'male' })).toMatch(/không khớp giới tính/);
    expect(checkCccd('038196001234', known, { birthYear: 1800 })).toMatch(/Năm sinh 1800 không hợp lệ/);
  });
  it('refuses a birth year in the future when asOf is given', () => {
    expect(checkCccd('038299001234', known, { asOf: new Date('2026-05-01T00:00:00Z') })).toMatch(/tương lai/);
    expect(checkCccd('038226001234', known, { asOf: new Date('2026-05-01T00:00:00Z') })).toBeNull();
  });
  it('still refuses bad structure and unknown provinces first', () => {
    expect(checkCccd('03819600123a', known, { birthYear: 1996 })).toMatch(/12 chữ số/);
    expect(checkCccd('002196001234', known)).toMatch(/Mã tỉnh "002"/);
  });
  it('describes a number for `desk cccd`', () => {
    const names = new Map([
      ['038', 'Thanh Hóa'],
      ['001', 'Hà Nội'],
    ]);
    expect(describeCccd('038 196 001 234', names)).toEqual({
      ok: true,
      provinceCode: '038',
      provinceName: 'Thanh Hóa',
      gender: 'female',
      genderLabel: 'Nữ',
      birthYear: 1996,
    });
    expect(describeCccd('001304000001', names)).toMatchObject({ ok: true, provinceName: 'Hà Nội', gender: 'female', birthYear: 2004 });
    expect(describeCccd('999196001234', names)).toEqual({ ok: false, message: expect.stringMatching(/Mã tỉnh "999"/) });
  });
  it('works with the shipped province list', () => {
    const data = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/cccd-provinces.json'), 'utf8')) as {
      codes: Array<{ code: string; name: string }>;
    };
    const names = new Map(data.codes.map((c) => [c.code, c.name]));
    expect(describeCccd('038196001234', names)).toMatchObject({ ok: true, provinceName: 'Thanh Hóa' });
  });
  it('property: any number built from a known code, year and gender passes with those facts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('001', '038', '079'),
        fc.integer({ min: 1900, max: 2399 }),
        fc.constantFrom<'male' | 'female'>('male', 'female'),
        fc.stringMatching(/^\d{6}$/),
        (province, year, gender, rest) => {
          const n = `${province}${centuryGenderDigit(year, gender)}${String(year % 100).padStart(2, '0')}${rest}`;
          expect(checkCccd(n, known, { birthYear: year, gender })).toBeNull();
          const other = year + (year % 100 === 99 ? -1 : 1);
          expect(checkCccd(n, known, { birthYear: other })).not.toBeNull();
          expect(checkCccd(n, known, { gender: gender === 'male' ? 'female' : 'male' })).not.toBeNull();
        },
      ),
    );
  });
});

describe('ID number normalisation', () => {
  it('removes spaces and dots, upper-cases passports', () => {
    expect(normalizeIdNumber('cccd', ' 038 196.001234\n')).toBe('038196001234');
    expect(normalizeIdNumber('passport', 'c1234567')).toBe('C1234567');
  });
});

describe('phone classification', () => {
  it('classifies mobiles, landlines and the rest after normalising', () => {
    expect(classifyPhone('0972376908')).toBe('mobile');
    expect(classifyPhone('+84 972 376 908')).toBe('mobile');
    expect(classifyPhone('(+84) 0972376908')).toBe('mobile');
    expect(classifyPhone('0084972376908')).toBe('mobile');
    expect(classifyPhone('02373900900')).toBe('landline');
    expect(classifyPhone('+84 237 3900 900')).toBe('landline');
    expect(classifyPhone('0123456789')).toBe('invalid');
    expect(classifyPhone('0612345678')).toBe('invalid');
    expect(classifyPhone('097237690')).toBe('invalid');
    expect(classifyPhone('')).toBe('invalid');
  });
});

describe('e-mail', () => {
  it('accepts ordinary addresses and empty, refuses the rest in Vietnamese', () => {
    for (const ok of ['', 'a@b.vn', 'nguyen.van.a+hs@thanhhoa.gov.vn', 'x_y@mail.example.com']) expect(checkEmail(ok)).toBeNull();
    for (const bad of ['a', 'a@', '@b.vn', 'a@b', 'a b@c.vn', 'a..b@c.vn', 'a@-b.vn', 'a@b.c', 'hoà@b.vn']) {
      expect(checkEmail(bad)).toMatch(/E-mail không hợp lệ/);
    }
  });
  it('normalises: trimmed, domain lower-cased', () => {
    expect(normalizeEmail('  Ten.Ho@ThanhHoa.GOV.vn ')).toBe('Ten.Ho@thanhhoa.gov.vn');
  });
});

describe('names', () => {
  it('stores NFC with single spaces', () => {
    const nfd = 'Nguyễn  Thị\tPhúc '.normalize('NFD');
    expect(normalizeName(nfd)).toBe('Nguyễn Thị Phúc');
    expect(normalizeName(nfd)).toBe(normalizeName(nfd).normalize('NFC'));
  });
  it('accepts letters of any script, refuses digits and markup', () => {
    expect(checkName('NGUYỄN THỊ PHÚC')).toBeNull();
    expect(checkName("Jean-Luc O'Neil")).toBeNull();
    expect(checkName('   ')).toMatch(/không được để trống/);
    expect(checkName('Nguyen 2')).toMatch(/chỉ gồm chữ cái/);
    expect(checkName('<b>A</b>')).toMatch(/chỉ gồm chữ cái/);
    expect(checkName('A'.repeat(101))).toMatch(/100/);
  });
});
