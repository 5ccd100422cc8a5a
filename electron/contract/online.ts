import { z } from 'zod';
import { isoInstant, noMarkup, personName, requiredText, text } from './primitives';

/**
 * An online dossier package: a ZIP holding `manifest.json` (this schema) and the attached files it names, as the
 * national portal's connector hands them to the desk. Its JSON Schema is docs/online-package.schema.json
 * (generated from this file by `npm run docs:schema`; a test keeps the two equal).
 */
export const ONLINE_PACKAGE_FORMAT = 'mot-cua-desk/online-dossier';

/** A file name inside the package: a plain name, no folders, no "..". */
const packageFileName = z
  .string({ error: 'Tên tệp phải là chuỗi' })
  .min(1, { error: 'Tên tệp trống' })
  .max(200, { error: 'Tên tệp quá dài (tối đa 200 ký tự)' })
  .refine((s) => !/[/\\]|^\.\.?$|\p{Cc}/u.test(s), { error: 'Tên tệp không được chứa thư mục hay ký tự điều khiển' })
  .refine((s) => s !== 'manifest.json', { error: 'manifest.json không phải tệp đính kèm' });

export const onlineManifest = z.strictObject({
  format: z.literal(ONLINE_PACKAGE_FORMAT, { error: `format phải là "${ONLINE_PACKAGE_FORMAT}"` }),
  version: z.literal(1, { error: 'Phiên bản gói chỉ nhận 1' }),
  /** The portal's own dossier number: importing it twice creates no second dossier. */
  portalDossierId: z
    .string({ error: 'Thiếu mã hồ sơ trên Cổng' })
    .regex(/^[A-Za-z0-9._-]{4,60}$/, { error: 'Mã hồ sơ trên Cổng gồm 4–60 chữ, số, dấu . _ -' }),
  /** The procedure's national code (1.234567) or the catalogue's id. */
  procedureCode: requiredText(80, 'Mã thủ tục'),
  /** When the citizen submitted on the portal (the 8-working-hour acceptance limit runs from here). */
  submittedAt: isoInstant,
  applicant: z.strictObject({
    fullName: personName,
    idKind: z.enum(['cccd', 'cmnd', 'passport'], { error: 'Loại giấy tờ tùy thân không hợp lệ' }),
    idNumber: text(20, 'Số giấy tờ tùy thân'),
    phone: text(20, 'Số điện thoại').optional(),
    email: text(120, 'E-mail').pipe(z.union([z.literal(''), z.email({ error: 'E-mail không hợp lệ' })])).optional(),
    address: requiredText(300, 'Địa chỉ').pipe(noMarkup('Địa chỉ')),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    gender: z.enum(['male', 'female']).optional(),
  }),
  ownerName: text(100, 'Chủ hồ sơ').pipe(noMarkup('Chủ hồ sơ')).optional(),
  delivery: z
    .strictObject({
      method: z.enum(['counter', 'post'], { error: 'Hình thức nhận kết quả không hợp lệ' }),
      address: text(300, 'Địa chỉ nhận kết quả').pipe(noMarkup('Địa chỉ nhận kết quả')).optional(),
    })
    .optional(),
  components: z
    .array(
      z.strictObject({
        name: requiredText(300, 'Tên thành phần hồ sơ').pipe(noMarkup('Tên thành phần hồ sơ')),
        originals: z.number().int().min(0).max(99).default(0),
        certifiedCopies: z.number().int().min(0).max(99).default(0),
        photocopies: z.number().int().min(0).max(99).default(0),
        files: z.array(packageFileName).max(50, { error: 'Tối đa 50 tệp mỗi thành phần' }).default([]),
      }),
    )
    .min(1, { error: 'Gói phải có ít nhất một thành phần hồ sơ' })
    .max(60, { error: 'Tối đa 60 thành phần hồ sơ' }),
  note: text(1000, 'Ghi chú').pipe(noMarkup('Ghi chú')).optional(),
});
export type OnlineManifest = z.output<typeof onlineManifest>;
export type OnlineManifestInput = z.input<typeof onlineManifest>;
