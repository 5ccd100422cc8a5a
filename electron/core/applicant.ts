/**
 * Applicant identity checks that need data (the province list) and so live past the contract's structural schema.
 * CCCD / số định danh cá nhân: 3-digit province of birth registration + century/gender digit + 2-digit birth year
 * + 6 random digits; there is no check digit. (Birth-year and gender consistency: issue 3.)
 */
export type IdKind = 'cccd' | 'cmnd' | 'passport';

export function checkIdNumber(kind: IdKind, value: string, provinceCodes: ReadonlySet<string>): string | null {
  if (kind === 'cccd') {
    if (!/^\d{12}$/.test(value)) return 'Số CCCD/định danh phải gồm đúng 12 chữ số';
    if (!provinceCodes.has(value.slice(0, 3))) return `Mã tỉnh "${value.slice(0, 3)}" ở 3 chữ số đầu của số CCCD không tồn tại`;
    return null;
  }
  if (kind === 'cmnd') return /^\d{9}$/.test(value) ? null : 'Số CMND phải gồm đúng 9 chữ số';
  return /^[A-Z0-9]{6,12}$/.test(value) ? null : 'Số hộ chiếu gồm 6–12 chữ in hoa hoặc chữ số';
}

/** "+84 912 345 678" → "0912345678"; empty stays empty. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s.()-]/g, '');
  if (digits.startsWith('+84')) return '0' + digits.slice(3);
  if (digits.startsWith('84') && digits.length === 11) return '0' + digits.slice(2);
  return digits;
}

/** Mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx; empty is allowed (the phone is optional). */
export function checkPhone(phone: string): string | null {
  if (phone === '') return null;
  if (/^0[35789]\d{8}$/.test(phone) || /^02\d{9}$/.test(phone)) return null;
  return 'Số điện thoại không hợp lệ: di động 10 số (03, 05, 07, 08, 09…) hoặc cố định 02xx + 8 số';
}
