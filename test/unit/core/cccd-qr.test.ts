import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCccdQr, parseQrDate } from '../../../electron/core/cccd-qr';

const ADDRESS = 'Thôn 1, Hải Hòa, Nghi Sơn, Thanh Hóa';
const GOOD = `038196001234|172345678|LÊ THỊ HOA|15031996|Nữ|${ADDRESS}|20042021`;
const EXPECTED = {
  idNumber: '038196001234',
  oldIdNumber: '172345678',
  fullName: 'LÊ THỊ HOA',
  birthDate: '1996-03-15',
  gender: 'female',
  address: ADDRESS,
  issuedOn: '2021-04-20',
};
const provinceCodes = new Set(['001', '038']);

const parsedOk = (raw: string, options = {}) => {
  const r = parseCccdQr(raw, options);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('CCCD QR: what the scanner types', () => {
  it('parses the seven fields', () => {
    expect(parsedOk(GOOD, { provinceCodes })).toEqual(EXPECTED);
  });
  it('tolerates the scanner suffix (CR, LF, CRLF, Tab) and a BOM', () => {
    for (const suffix of ['\r', '\n', '\r\n', '\t', '\r\n\r\n']) expect(parsedOk(GOOD + suffix)).toEqual(EXPECTED);
    expect(parsedOk('\ufeff' + GOOD + '\r\n')).toEqual(EXPECTED);
    expect(parsedOk('\u200b' + GOOD)).toEqual(EXPECTED);
  });
  it('tolerates stray spaces around and inside fields', () => {
    const spaced = ` 038196001234 | 172345678 |  LÊ  THỊ HOA |15031996 | Nữ |  Thôn 1,  Hải Hòa, Nghi Sơn, Thanh Hóa | 20042021 `;
    expect(parsedOk(spaced)).toEqual(EXPECTED);
  });
  it('returns NFC from NFD input', () => {
    const v = parsedOk(GOOD.normalize('NFD'));
    expect(v).toEqual(EXPECTED);
    expect(v.fullName).toBe(v.fullName.normalize('NFC'));
    expect(v.address).toBe(v.address.normalize('NFC'));
  });
  it('accepts an empty old CMND and a trailing separator', () => {
    expect(parsedOk(GOOD.replace('|172345678|', '||'))).toEqual({ ...EXPECTED, oldIdNumber: '' });
    expect(parsedOk(GOOD + '|\r\n')).toEqual(EXPECTED);
  });
  it('reads a man born in the 2000s', () => {
    const v = parsedOk(`038205001234||TRẦN VĂN NAM|01012005|Nam|${ADDRESS}|02022022`);
    expect(v).toMatchObject({ gender: 'male', birthDate: '2005-01-01', issuedOn: '2022-02-02' });
  });
});

describe('CCCD QR: refusals with a reason', () => {
  const refused = (raw: string, options = {}) => {
    const r = parseCccdQr(raw, options);
    if (r.ok) throw new Error('expected a refusal');
    return r;
  };
  it('refuses wrong field counts', () => {
    const six = GOOD.split('|').slice(0, 6).join('|');
    expect(refused(six)).toMatchObject({ field: 'format', message: expect.stringMatching(/7 trường.*nhận được 6/) });
    expect(refused(GOOD + '|extra')).toMatchObject({ field: 'format', message: expect.stringMatching(/nhận được 8/) });
    expect(refused('')).toMatchObject({ field: 'format', message: expect.stringMatching(/trống/) });
    expect(refused('\r\n')).toMatchObject({ field: 'format' });
    expect(refused('038196001234')).toMatchObject({ field: 'format', message: expect.stringMatching(/nhận được 1/) });
  });
  it('refuses impossible dates', () => {
    expect(refused(GOOD.replace('15031996', '30021996'))).toMatchObject({ field: 'birthDate', message: expect.stringMatching(/Ngày sinh.*30021996/) });
    expect(refused(GOOD.replace('15031996', '1503199'))).toMatchObject({ field: 'birthDate' });
    expect(refused(GOOD.replace('20042021', '31042021'))).toMatchObject({ field: 'issuedOn', message: expect.stringMatching(/Ngày cấp/) });
    expect(refused(GOOD.replace('20042021', '20131990'))).toMatchObject({ field: 'issuedOn' });
    expect(refused(GOOD.replace('20042021', '01011990'))).toMatchObject({ field: 'issuedOn', message: expect.stringMatching(/trước ngày sinh/) });
  });
  it('refuses dates in the future when given today', () => {
    const asOf = new Date('2021-04-19T10:00:00Z');
    expect(refused(GOOD, { asOf })).toMatchObject({ field: 'issuedOn', message: expect.stringMatching(/tương lai/) });
    expect(parseCccdQr(GOOD, { asOf: new Date('2021-04-20T00:00:00+07:00') }).ok).toBe(true);
  });
  it('checks the CCCD against the birth year and gender it carries', () => {
    expect(refused(GOOD.replace('|Nữ|', '|Nam|'))).toMatchObject({ field: 'idNumber', message: expect.stringMatching(/giới tính/) });
    expect(refused(GOOD.replace('15031996', '15031997'))).toMatchObject({ field: 'idNumber', message: expect.stringMatching(/năm sinh/) });
    expect(refused(GOOD.replace('038196001234', '038396001234'))).toMatchObject({ field: 'idNumber', message: expect.stringMatching(/chữ số thứ 4/) });
  });
  it('refuses a malformed or unknown CCCD, a malformed CMND, gender and empty fields', () => {
    expect(refused(GOOD.replace('038196001234', '03819600123'))).toMatchObject({ field: 'idNumber', message: expect.stringMatching(/12 chữ số/) });
    expect(refused(GOOD, { provinceCodes: new Set(['001']) })).toMatchObject({ field: 'idNumber', message: expect.stringMatching(/Mã tỉnh "038"/) });
    expect(refused(GOOD.replace('172345678', '17234'))).toMatchObject({ field: 'oldIdNumber' });
    expect(refused(GOOD.replace('|Nữ|', '|F|'))).toMatchObject({ field: 'gender', message: expect.stringMatching(/"Nam" hoặc "Nữ"/) });
    expect(refused(GOOD.replace('LÊ THỊ HOA', ' '))).toMatchObject({ field: 'fullName' });
    expect(refused(GOOD.replace(ADDRESS, ''))).toMatchObject({ field: 'address' });
  });
});

describe('QR dates', () => {
  it('knows leap years', () => {
    expect(parseQrDate('29022000')).toBe('2000-02-29');
    expect(parseQrDate('29021900')).toBeNull();
    expect(parseQrDate('29022024')).toBe('2024-02-29');
    expect(parseQrDate('29022023')).toBeNull();
    expect(parseQrDate('15/03/1996')).toBe('1996-03-15');
    expect(parseQrDate('00011996')).toBeNull();
  });
  it('property: any real date round-trips through ddmmyyyy', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const ddmmyyyy = iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(0, 4);
        expect(parseQrDate(ddmmyyyy)).toBe(iso);
      }),
    );
  });
  it('property: whatever is typed, the parser answers (never throws) and values are NFC', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseCccdQr(s);
        if (r.ok) expect(r.value.fullName).toBe(r.value.fullName.normalize('NFC'));
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
