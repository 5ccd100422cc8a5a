import { describe, expect, it } from 'vitest';
import { amountInWords, formatVnd, groupThousands, numberInWords } from '../../../electron/core/money-words';

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [91, 'Chín mươi mốt đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [999, 'Chín trăm chín mươi chín đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [1_015, 'Một nghìn không trăm mười lăm đồng'],
    [1_100, 'Một nghìn một trăm đồng'],
    [2_000, 'Hai nghìn đồng'],
    [7_000, 'Bảy nghìn đồng'],
    [8_000, 'Tám nghìn đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [50_000, 'Năm mươi nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [152_000, 'Một trăm năm mươi hai nghìn đồng'],
    [200_000, 'Hai trăm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [1_234_567, 'Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng'],
    [10_000_000, 'Mười triệu đồng'],
    [2_000_000_000, 'Hai tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [1_500_000_000, 'Một tỷ năm trăm triệu đồng'],
    [21_000_000_000, 'Hai mươi mốt tỷ đồng'],
    [
      999_999_999_999,
      'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [5_000_000_000_000, 'Năm nghìn tỷ đồng'],
  ])('%i → %s', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('offers the spoken "tư" and the southern "lẻ" as options', () => {
    expect(amountInWords(24, { four: 'tư' })).toBe('Hai mươi tư đồng');
    expect(amountInWords(14, { four: 'tư' })).toBe('Mười bốn đồng');
    expect(amountInWords(105, { zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm đồng');
  });

  it('returns NFC text with a capital first letter', () => {
    const w = amountInWords(8_000);
    expect(w).toBe(w.normalize('NFC'));
    expect(w[0]).toBe(w[0]?.toUpperCase());
  });

  it('refuses negative, fractional and unsafe amounts', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWords(2 ** 60)).toThrow(RangeError);
  });

  it('numberInWords is lower case without a currency', () => {
    expect(numberInWords(21)).toBe('hai mươi mốt');
    expect(numberInWords(0)).toBe('không');
  });
});

describe('formatVnd', () => {
  it.each([
    [0, '0 đồng', '0 đ'],
    [500, '500 đồng', '500 đ'],
    [2_000, '2.000 đồng', '2.000 đ'],
    [10_000, '10.000 đồng', '10.000 đ'],
    [200_000, '200.000 đồng', '200.000 đ'],
    [1_050_000, '1.050.000 đồng', '1.050.000 đ'],
    [2_000_000_000, '2.000.000.000 đồng', '2.000.000.000 đ'],
  ])('%i → "%s" / "%s"', (n, long, short) => {
    expect(formatVnd(n)).toBe(long);
    expect(formatVnd(n, 'short')).toBe(short);
  });

  it('keeps the sign of negative amounts (exemption lines) and refuses fractions', () => {
    expect(groupThousands(-8_000)).toBe('-8.000');
    expect(formatVnd(-8_000, 'short')).toBe('-8.000 đ');
    expect(() => formatVnd(10.5)).toThrow(RangeError);
  });
});
