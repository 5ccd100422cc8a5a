/**
 * The QR code on the chip-based CCCD card, as a USB 2D scanner types it:
 * `số CCCD|số CMND cũ|Họ và tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy`.
 */
export interface CccdQr {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  birthDate: string;
  gender: string;
  address: string;
}

export function parseCccdQr(raw: string): CccdQr | null {
  const parts = raw.trim().split('|');
  if (parts.length < 6) return null;
  const [idNumber = '', oldIdNumber = '', fullName = '', birthDate = '', gender = '', address = ''] = parts.map((p) =>
    p.normalize('NFC').trim(),
  );
  if (!/^\d{12}$/.test(idNumber) || fullName === '') return null;
  return { idNumber, oldIdNumber, fullName, birthDate, gender, address };
}
