import { describe, expect, it } from 'vitest';
import { LEGAL_REGIMES } from '../../../electron/contract/documents';
import { fromVnParts } from '../../../electron/core/vntime';
import { regimeFor } from '../../../electron/documents/regimes';
import { FORM_NOS, TEMPLATES, templateFor } from '../../../electron/documents/templates';
import { MAU05 } from '../../../electron/documents/mau05-template';

describe('legal regimes', () => {
  it('gives TT 01/2018 before 1/7/2025 00:00 Vietnam time and TT 03/2025 from then on', () => {
    expect(regimeFor(fromVnParts(2025, 6, 30, 23, 59))).toBe('TT01-2018');
    expect(regimeFor(new Date(fromVnParts(2025, 7, 1).getTime() - 1))).toBe('TT01-2018');
    expect(regimeFor(fromVnParts(2025, 7, 1, 0, 0))).toBe('TT03-2025');
    expect(regimeFor(new Date('2025-06-30T17:00:00Z'))).toBe('TT03-2025'); // = 1/7/2025 00:00 +07
    expect(regimeFor(new Date('2025-06-30T16:59:59Z'))).toBe('TT01-2018');
    expect(regimeFor(fromVnParts(2018, 7, 1))).toBe('TT01-2018');
    expect(regimeFor(fromVnParts(2026, 2, 5))).toBe('TT03-2025');
    expect(() => regimeFor(new Date(NaN))).toThrow(/valid date/);
  });

  it('has its own template, with its own version, for every form of every regime (05 shared)', () => {
    const versions = new Set<string>();
    for (const regime of LEGAL_REGIMES) {
      for (const form of FORM_NOS) {
        const t = templateFor(form, regime);
        expect(t).toBe(TEMPLATES[regime][form]);
        if (form === '05') {
          expect(t).toBe(MAU05); // no stop notice under TT 01/2018
          continue;
        }
        expect(t.version).toMatch(new RegExp(`^${regime}/mau${form}@\\d+$`));
        expect(versions.has(t.version)).toBe(false);
        versions.add(t.version);
      }
    }
    expect(templateFor('04', 'TT01-2018').title).toBe('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(templateFor('04').title).toBe('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(templateFor('BN', 'TT01-2018')).toBe(templateFor('BN')); // the desk's receipt: no regime of its own
    expect(() => templateFor('09' as never)).toThrow(/Unknown form/);
    expect(() => templateFor('01', 'TT99' as never)).toThrow(/Unknown legal regime/);
  });
});
