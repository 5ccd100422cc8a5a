/**
 * Applicant identity checks that need data (the province list) and so live past the contract's structural schema.
 *
 * Số định danh cá nhân / CCCD (TT 07/2016/TT-BCA, TT 59/2021/TT-BCA): 12 digits =
 *   positions 1–3  province (or country) code of the birth registration, e.g. 038 = Thanh Hóa;
 *   position  4    century and gender: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, …,
 *                  8/9 = 2300–2399 (digit = 2 × (century − 19) + (female ? 1 : 0));
 *   positions 5–6  last two digits of the birth year;
 *   positions 7–12 a random number.
 * There is no check digit, so nothing else can be verified offline.
 *
 * Every message is Vietnamese, for the officer at the counter. Pure: no I/O, no clock (pass `asOf` when a check
 * needs "today").
 */
import { vnParts } from './vntime';

export type IdKind = 'cccd' | 'cmnd' | 'passport';
export type Gender = 'male' | 'female';

/** How the card and the QR code write it. */
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { male: 'Nam', female: 'Nữ' };

/** What a holder declares (or what the card's QR code says) and what the number must agree with. */
export interface DeclaredIdentity {
  birthYear?: number | undefined;
  gender?: Gender | undefined;
  /** When given, a birth year after this instant's year is refused. */
  asOf?: Date | undefined;
}

export interface CccdParts {
  provinceCode: string;
  gender: Gender;
  birthYear: number;
  /** The first year of the century that the 4th digit encodes: 1900, 2000, … */
  centuryStart: number;
}

const CCCD_PATTERN = /^\d{12}$/;

/** Reads the structure of a 12-digit number; null when it is not 12 digits. Knows nothing of province codes. */
export function decodeCccd(value: string): CccdParts | null {
  if (!CCCD_PATTERN.test(value)) return null;
  const digit = Number(value[3]);
  const centuryStart = 1900 + Math.floor(digit / 2) * 100;
  return {
    provinceCode: value.slice(0, 3),
    gender: digit % 2 === 0 ? 'male' : 'female',
    birthYear: centuryStart + Number(value.slice(4, 6)),
    centuryStart,
  };
}

/** The digit in position 4 that a holder of this gender born in this year must have. */
export function centuryGenderDigit(birthYear: number, gender: Gender): number | null {
  const century = Math.floor(birthYear / 100) - 19;
  if (!Number.isInteger(birthYear) || century < 0 || century > 4) return null;
  return century * 2 + (gender === 'female' ? 1 : 0);
}

const centuryText = (start: number) => `${start}–${start + 99}`;

/**
 * Full CCCD check: structure, known province code, and agreement with the declared birth year and gender.
 * Returns null when valid, otherwise the reason in Vietnamese.
 */
export function checkCccd(value: string, provinceCodes: ReadonlySet<string>, declared: DeclaredIdentity = {}): string | null {
  const parts = decodeCccd(value);
  if (!parts) return 'Số CCCD/định danh phải gồm đúng 12 chữ số';
  if (!provinceCodes.has(parts.provinceCode)) {
    return `Mã tỉnh "${parts.provinceCode}" ở 3 chữ số đầu của số CCCD không tồn tại`;
  }
  const digit = value[3];
  const { birthYear, gender } = declared;
  if (birthYear !== undefined) {
    if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
      return `Năm sinh ${birthYear} không hợp lệ`;
    }
    const start = Math.floor(birthYear / 100) * 100;
    if (start !== parts.centuryStart) {
      return (
        `Số CCCD không khớp năm sinh: chữ số thứ 4 là ${digit} (người sinh ${centuryText(parts.centuryStart)}), ` +
        `nhưng năm sinh khai báo là ${birthYear}`
      );
    }
    if (birthYear !== parts.birthYear) {
      return (
        `Số CCCD không khớp năm sinh: chữ số thứ 5–6 là ${value.slice(4, 6)} (sinh năm ${parts.birthYear}), ` +
        `nhưng năm sinh khai báo là ${birthYear}`
      );
    }
  }
  if (gender !== undefined && gender !== parts.gender) {
    return (
      `Số CCCD không khớp giới tính: chữ số thứ 4 là ${digit} (${GENDER_LABELS[parts.gender].toLowerCase()}), ` +
      `nhưng giới tính khai báo là ${GENDER_LABELS[gender].toLowerCase()}`
    );
  }
  if (declared.asOf && parts.birthYear > vnParts(declared.asOf).year) {
    return `Số CCCD cho năm sinh ${parts.birthYear}, là năm trong tương lai`;
  }
  return null;
}

/**
 * Checks an identity document number of the given kind. The optional `declared` facts are compared with a CCCD
 * (a CMND or passport number carries none of them).
 */
export function checkIdNumber(
  kind: IdKind,
  value: string,
  provinceCodes: ReadonlySet<string>,
  declared: DeclaredIdentity = {},
): string | null {
  if (kind === 'cccd') return checkCccd(value, provinceCodes, declared);
  if (kind === 'cmnd') return /^\d{9}$/.test(value) ? null : 'Số CMND phải gồm đúng 9 chữ số';
  return /^[A-Z0-9]{6,12}$/.test(value) ? null : 'Số hộ chiếu gồm 6–12 chữ in hoa hoặc chữ số';
}

/** What the officer types or a scanner sends, made comparable: no spaces or dots; passports upper-case. */
export function normalizeIdNumber(kind: IdKind, raw: string): string {
  const compact = raw.normalize('NFC').replace(/[\s.\-\u00a0\ufeff]/g, '');
  return kind === 'passport' ? compact.toUpperCase() : compact;
}

export type CccdDescription =
  | { ok: true; provinceCode: string; provinceName: string; gender: Gender; genderLabel: string; birthYear: number }
  | { ok: false; message: string };

/** What a CCCD number tells about its holder (for `desk cccd`); provinces maps code → name. */
export function describeCccd(number: string, provinces: ReadonlyMap<string, string>): CccdDescription {
  const value = normalizeIdNumber('cccd', number);
  const problem = checkCccd(value, new Set(provinces.keys()));
  if (problem) return { ok: false, message: problem };
  const parts = decodeCccd(value)!;
  return {
    ok: true,
    provinceCode: parts.provinceCode,
    provinceName: provinces.get(parts.provinceCode) ?? '',
    gender: parts.gender,
    genderLabel: GENDER_LABELS[parts.gender],
    birthYear: parts.birthYear,
  };
}

// ---------- Phones ----------

export type PhoneKind = 'mobile' | 'landline' | 'invalid';

/** "+84 912 345 678", "(+84) 0912…", "0084 912…" → "0912345678"; empty stays empty. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s.()\-\u00a0\ufeff]/g, '');
  let national: string | null = null;
  if (digits.startsWith('+84')) national = digits.slice(3);
  else if (digits.startsWith('0084')) national = digits.slice(4);
  else if (digits.startsWith('84') && digits.length === 11) national = digits.slice(2);
  if (national === null) return digits;
  return '0' + national.replace(/^0/, '');
}

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/** Mobile: 10 digits starting 03/05/07/08/09; landline: 02xx + 8 digits (11 digits). Normalises first. */
export function classifyPhone(raw: string): PhoneKind {
  const phone = normalizePhone(raw);
  if (MOBILE.test(phone)) return 'mobile';
  if (LANDLINE.test(phone)) return 'landline';
  return 'invalid';
}

/** Mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx; empty is allowed (the phone is optional). */
export function checkPhone(phone: string): string | null {
  if (phone === '') return null;
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return null;
  return 'Số điện thoại không hợp lệ: di động 10 số (03, 05, 07, 08, 09…) hoặc cố định 02xx + 8 số';
}

// ---------- E-mail ----------

/** Trimmed, NFC, domain in lower case (the local part is left as typed: it may be case-sensitive). */
export function normalizeEmail(raw: string): string {
  const s = raw.normalize('NFC').trim();
  const at = s.lastIndexOf('@');
  return at < 0 ? s : s.slice(0, at) + '@' + s.slice(at + 1).toLowerCase();
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A practical check of what a mail server will accept; empty is allowed (the e-mail is optional). */
export function checkEmail(email: string): string | null {
  if (email === '') return null;
  const bad = 'E-mail không hợp lệ (ví dụ đúng: ten@example.com)';
  if (email.length > 254 || /\s/.test(email)) return bad;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return bad;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) return bad;
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL.test(l))) return bad;
  if (!/^[a-z]{2,}$/i.test(labels[labels.length - 1]!) && !/^xn--/i.test(labels[labels.length - 1]!)) return bad;
  return null;
}

// ---------- Names ----------

/** How a name is stored: NFC, single spaces, trimmed. Case is kept as typed (the card prints upper case). */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
}

/** Letters (any script, with their marks), spaces, and the ' . - of foreign names; at most 100 characters. */
export function checkName(name: string): string | null {
  const n = normalizeName(name);
  if (n === '') return 'Họ và tên không được để trống';
  if (n.length > 100) return 'Họ và tên: tối đa 100 ký tự';
  if (!/^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u.test(n)) return 'Họ và tên chỉ gồm chữ cái, khoảng trắng và các dấu \' . -';
  return null;
}
