import { describe, expect, it } from 'vitest';
import { formatVnDate, formatVnDateTime, formatVnSlipTime, fromVnParts, placeDateLine, vnParts, yymmdd } from '../../../electron/core/vntime';

describe('Vietnam time', () => {
  it('converts UTC instants to the Vietnamese wall clock (UTC+7, no DST)', () => {
    const at = new Date('2026-02-04T17:30:00Z'); // 00:30 on 5 Feb in Hà Nội
    expect(vnParts(at)).toMatchObject({ year: 2026, month: 2, day: 5, hour: 0, minute: 30 });
    expect(fromVnParts(2026, 2, 5, 0, 30).toISOString()).toBe(at.toISOString());
  });
  it('formats dates dd/mm/yyyy and slip times', () => {
    const at = fromVnParts(2026, 2, 5, 8, 5);
    expect(formatVnDate(at)).toBe('05/02/2026');
    expect(formatVnDateTime(at)).toBe('08:05 05/02/2026');
    expect(formatVnSlipTime(at)).toBe('08 giờ 05 phút, ngày 05/02/2026');
  });
  it('writes the NĐ 30/2020 place/date line: day two digits, month padded only for 01 and 02', () => {
    expect(placeDateLine('Tĩnh Gia', fromVnParts(2026, 2, 5))).toBe('Tĩnh Gia, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Tĩnh Gia', fromVnParts(2026, 1, 9))).toBe('Tĩnh Gia, ngày 09 tháng 01 năm 2026');
    expect(placeDateLine('Tĩnh Gia', fromVnParts(2026, 3, 9))).toBe('Tĩnh Gia, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('Tĩnh Gia', fromVnParts(2026, 11, 24))).toBe('Tĩnh Gia, ngày 24 tháng 11 năm 2026');
  });
  it('uses the Vietnamese calendar day for YYMMDD', () => {
    expect(yymmdd(new Date('2023-10-26T18:00:00Z'))).toBe('231027');
  });
});
