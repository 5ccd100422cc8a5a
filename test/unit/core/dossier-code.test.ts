import { describe, expect, it } from 'vitest';
import { formatDossierCode, isDossierCode } from '../../../electron/core/dossier-code';
import { fromVnParts } from '../../../electron/core/vntime';

describe('dossier codes', () => {
  it('formats {agency}-{YYMMDD}-{NNNN} like the brief example', () => {
    expect(formatDossierCode('000.00.06.H56', fromVnParts(2023, 10, 27, 9), 361)).toBe('000.00.06.H56-231027-0361');
    expect(isDossierCode('000.00.06.H56-231027-0361')).toBe(true);
  });
  it('keeps at least four digits and grows past 9999', () => {
    expect(formatDossierCode('000.00.06.H56', fromVnParts(2026, 11, 24, 9), 1)).toMatch(/-0001$/);
    expect(formatDossierCode('000.00.06.H56', fromVnParts(2026, 11, 24, 9), 12345)).toMatch(/-12345$/);
    expect(isDossierCode('000.00.06.H56-261124-12345')).toBe(true);
  });
  it('dates the code by the Vietnamese day, not the UTC day', () => {
    expect(formatDossierCode('000.00.06.H56', new Date('2026-11-23T23:30:00Z'), 7)).toBe('000.00.06.H56-261124-0007');
  });
  it('refuses a non-positive sequence', () => {
    expect(() => formatDossierCode('000.00.06.H56', new Date(), 0)).toThrow(RangeError);
  });
});
