/**
 * The QR code on the chip-based CCCD card, as a USB 2D scanner in keyboard-wedge mode types it:
 *
 *   số CCCD | số CMND cũ (may be empty) | Họ và tên | ngày sinh ddmmyyyy | giới tính (Nam/Nữ) | nơi thường trú |
 *   ngày cấp ddmmyyyy
 *
 * e.g. `038196001234|172345678|LÊ THỊ HOA|15031996|Nữ|Thôn 1, Hải Hòa, Nghi Sơn, Thanh Hóa|20042021`.
 *
 * Tolerated (what scanners and keyboard layouts add): a byte-order mark or zero-width characters, leading/trailing
 * whitespace including the CR/LF/Tab a scanner sends as its suffix, spaces around fields, runs of spaces inside the
 * name or address, decomposed (NFD) Vietnamese, empty fields after the seventh (a trailing `|`), and `/ . -` inside
 * the dates. Refused with a Vietnamese reason: any other field count, a CCCD that is not 12 digits or does not agree
 * with the birth year and gender the code carries, an old CMND that is not 9 or 12 digits, impossible dates, an
 * issue date before the birth date, and (with `asOf`) dates in the future. Pure: no clock, no I/O.
 */
import { checkCccd, checkName, decodeCccd, type Gender } from './applicant';
import { vnParts } from './vntime';

export interface CccdQrData {
  idNumber: string;
  /** The old 9-digit (or 12-digit) CMND number; '' when the card has none. */
  oldIdNumber: string;
  /** NFC, single spaces, as printed (upper case on the card). */
  fullName: string;
  /** yyyy-mm-dd */
  birthDate: string;
  gender: Gender;
  /** NFC, single spaces. */
  address: string;
  /** yyyy-mm-dd */
  issuedOn: string;
}

export type CccdQrField = keyof CccdQrData | 'format';

export type CccdQrResult = { ok: true; value: CccdQrData } | { ok: false; field: CccdQrField; message: string };

export interface CccdQrOptions {
  /** Known province codes; when omitted only the structure and birth year/gender agreement are checked. */
  provinceCodes?: ReadonlySet<string>;
  /** "Today" (the caller's clock): birth and issue dates after it are refused. */
  asOf?: Date;
}

const FIELD_COUNT = 7;

/** Zero-width and byte-order marks a scanner or a clipboard may slip in. */
const INVISIBLE = /\ufeff|\u200b|\u200c|\u200d|\u2060/g;

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

const fail = (field: CccdQrField, message: string): CccdQrResult => ({ ok: false, field, message });

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ddmmyyyy (optionally with / . - separators) → yyyy-mm-dd, or null when it is not a real calendar date. */
export function parseQrDate(raw: string): string | null {
  const s = raw.replace(/[\s/.-]/g, '');
  if (!/^\d{8}$/.test(s)) return null;
  const day = Number(s.slice(0, 2));
  const month = Number(s.slice(2, 4));
  const year = Number(s.slice(4, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

const GENDERS: Readonly<Record<string, Gender>> = { nam: 'male', nữ: 'female', nu: 'female' };

const vnToday = (at: Date): string => {
  const p = vnParts(at);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
};

const showDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Parses what the scanner typed into the applicant block's fields, or says exactly why it cannot. */
export function parseCccdQr(raw: string, options: CccdQrOptions = {}): CccdQrResult {
  const text = raw.replace(INVISIBLE, '').normalize('NFC').trim();
  if (text === '') return fail('format', 'Không đọc được mã QR: chuỗi quét trống');
  const fields = text.split('|');
  while (fields.length > FIELD_COUNT && clean(fields[fields.length - 1]!) === '') fields.pop();
  if (fields.length !== FIELD_COUNT) {
    return fail(
      'format',
      `Mã QR trên thẻ CCCD phải có ${FIELD_COUNT} trường ngăn bởi dấu "|" ` +
        `(số CCCD|số CMND|họ tên|ngày sinh|giới tính|nơi thường trú|ngày cấp), nhận được ${fields.length}`,
    );
  }
  const [id, old, name, birth, sex, address, issued] = fields.map(clean) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const idNumber = id.replace(/ /g, '');
  if (!decodeCccd(idNumber)) return fail('idNumber', `Số CCCD trong mã QR phải gồm đúng 12 chữ số, nhận được "${id}"`);

  const oldIdNumber = old.replace(/ /g, '');
  if (oldIdNumber !== '' && !/^(\d{9}|\d{12})$/.test(oldIdNumber)) {
    return fail('oldIdNumber', `Số CMND cũ trong mã QR phải gồm 9 hoặc 12 chữ số, nhận được "${old}"`);
  }

  const nameProblem = checkName(name);
  if (nameProblem) return fail('fullName', `Mã QR: ${nameProblem}`);

  const birthDate = parseQrDate(birth);
  if (!birthDate) return fail('birthDate', `Ngày sinh trong mã QR không phải ngày có thật (ddmmyyyy): "${birth}"`);

  const gender = GENDERS[sex.toLowerCase()];
  if (!gender) return fail('gender', `Giới tính trong mã QR phải là "Nam" hoặc "Nữ", nhận được "${sex}"`);

  if (address === '') return fail('address', 'Mã QR không có nơi thường trú');

  const issuedOn = parseQrDate(issued);
  if (!issuedOn) return fail('issuedOn', `Ngày cấp trong mã QR không phải ngày có thật (ddmmyyyy): "${issued}"`);
  if (issuedOn < birthDate) {
    return fail('issuedOn', `Ngày cấp ${showDate(issuedOn)} trước ngày sinh ${showDate(birthDate)}`);
  }
  if (options.asOf) {
    const today = vnToday(options.asOf);
    if (birthDate > today) return fail('birthDate', `Ngày sinh ${showDate(birthDate)} ở tương lai`);
    if (issuedOn > today) return fail('issuedOn', `Ngày cấp ${showDate(issuedOn)} ở tương lai`);
  }

  const provinces = options.provinceCodes ?? new Set([idNumber.slice(0, 3)]);
  const idProblem = checkCccd(idNumber, provinces, { birthYear: Number(birthDate.slice(0, 4)), gender });
  if (idProblem) return fail('idNumber', `Mã QR: ${idProblem}`);

  return { ok: true, value: { idNumber, oldIdNumber, fullName: name, birthDate, gender, address, issuedOn } };
}
