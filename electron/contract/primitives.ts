import { z } from 'zod';

/** Every string that enters the desk is trimmed and NFC-normalised: NFD Vietnamese draws misplaced marks. */
export const text = (max: number, label: string) =>
  z
    .string({ error: `${label}: phải là chuỗi ký tự` })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, { error: `${label}: tối đa ${max} ký tự` }));

export const requiredText = (max: number, label: string) =>
  text(max, label).pipe(z.string().min(1, { error: `${label}: không được để trống` }));

/** No markup in names or addresses: they end up in PDFs, e-mails and exports. */
export const noMarkup = (label: string) =>
  z.string().refine((s) => !/[<>]/.test(s), { error: `${label}: không được chứa ký tự < hoặc >` });

export const personName = requiredText(100, 'Họ và tên').pipe(noMarkup('Họ và tên'));


export const isoInstant = z.iso.datetime({ offset: true, error: 'Thời điểm không đúng định dạng ISO 8601' });
