import { z } from 'zod';
import { isoDay } from './counter';
import { isoInstant, noMarkup, requiredText, text } from './primitives';

/**
 * Postal delivery (bưu chính công ích, QĐ 45/2016/QĐ-TTg): the dated tariff, quotes, the shipment register and the
 * batch hand-over manifests. The S10 check lives here (not in core) so the renderer checks an item number exactly as
 * the desk does; core/s10.ts re-exports it.
 */

// ---------- Vocabulary ----------

export const POSTAL_ZONES = ['noi_tinh', 'lien_tinh'] as const;
export type PostalZone = (typeof POSTAL_ZONES)[number];

/** One leg: the dossier coming in (send) or the result going out (return). */
export const POSTAL_LEGS = ['send', 'return'] as const;
export type PostalLeg = (typeof POSTAL_LEGS)[number];

/** What a quote covers: one leg or both (two-way = the sum of both legs). */
export const POSTAL_DIRECTIONS = ['send', 'return', 'both'] as const;
export type PostalDirection = (typeof POSTAL_DIRECTIONS)[number];

export const SHIPMENT_STATUSES = ['prepared', 'handed_over', 'delivered', 'returned'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const POSTAL_LEG_LABELS: Readonly<Record<PostalLeg, string>> = {
  send: 'Chiều gửi hồ sơ',
  return: 'Chiều trả kết quả',
};

export const SHIPMENT_STATUS_LABELS: Readonly<Record<ShipmentStatus, string>> = {
  prepared: 'Chờ bàn giao',
  handed_over: 'Đã giao bưu điện',
  delivered: 'Đã phát',
  returned: 'Bị chuyển hoàn',
};

/** The id of the surcharge that quotes add when the fee is forwarded to the agency. */
export const FORWARD_FEE_ID = 'forward_fee';

// ---------- UPU S10 item numbers ----------

/** UPU S10: weights of the 8 serial digits for the mod-11 check digit. */
export const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The check digit of an 8-digit serial: 11 − (Σ wᵢdᵢ mod 11); 10 → 0, 11 → 5. */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError(`Số sê-ri S10 phải gồm đúng 8 chữ số: "${serial8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial8[i]) * (S10_WEIGHTS[i] as number);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export type S10Check = { ok: true; value: string } | { ok: false; reason: string };

/** Trim, upper-case, spaces removed — how an item number is stored. */
export const normalizeS10 = (raw: string): string => raw.normalize('NFC').replace(/\s+/g, '').toUpperCase();

const S10_EXAMPLE = 'ví dụ EE123456785VN';

/** Checks a UPU S10 item number (2 letters, 8 digits, check digit, 2-letter country): the normalised number, or why not. */
export function validateS10(raw: string): S10Check {
  const s = normalizeS10(raw);
  if (s === '') return { ok: false, reason: 'Chưa nhập số hiệu bưu gửi' };
  if (s.length !== 13) {
    return { ok: false, reason: `Số hiệu bưu gửi phải có 13 ký tự (${S10_EXAMPLE}); "${s}" có ${s.length} ký tự` };
  }
  if (!/^[A-Z]{2}/.test(s)) return { ok: false, reason: `Số hiệu bưu gửi phải bắt đầu bằng 2 chữ cái chỉ loại dịch vụ (${S10_EXAMPLE})` };
  if (!/^[A-Z]{2}\d{9}/.test(s)) return { ok: false, reason: `Sau 2 chữ cái đầu, số hiệu bưu gửi phải có 9 chữ số (${S10_EXAMPLE})` };
  if (!/[A-Z]{2}$/.test(s)) return { ok: false, reason: `Số hiệu bưu gửi phải kết thúc bằng 2 chữ cái mã nước (VN cho Việt Nam; ${S10_EXAMPLE})` };
  const expected = s10CheckDigit(s.slice(2, 10));
  const got = Number(s[10]);
  if (got !== expected) {
    return {
      ok: false,
      reason: `Số hiệu bưu gửi "${s}" sai chữ số kiểm tra: chữ số thứ 11 phải là ${expected}, không phải ${got} (kiểm tra lại số đã nhập)`,
    };
  }
  return { ok: true, value: s };
}

const s10Field = (allowEmpty: boolean) =>
  z
    .string({ error: 'Số hiệu bưu gửi: phải là chuỗi ký tự' })
    .max(40, { error: 'Số hiệu bưu gửi: tối đa 13 ký tự' })
    .transform((s, ctx) => {
      if (allowEmpty && normalizeS10(s) === '') return '';
      const r = validateS10(s);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    });

/** An S10 item number as input: normalised, then checked (check digit included). */
export const s10ItemNo = s10Field(false);
/** The same, or '' (blank: to clear it). */
export const s10ItemNoOrBlank = s10Field(true);

// ---------- The tariff: a dated JSON document ----------

const vnd = (label: string) =>
  z
    .number({ error: `${label}: phải là số tiền (đồng)` })
    .int({ error: `${label}: phải là số đồng nguyên` })
    .min(0, { error: `${label}: không được âm` })
    .max(100_000_000, { error: `${label}: quá lớn` });

const gramsField = (label: string) =>
  z
    .number({ error: `${label}: phải là số gam` })
    .int({ error: `${label}: phải là số gam nguyên` })
    .positive({ error: `${label}: phải lớn hơn 0` })
    .max(1_000_000, { error: `${label}: quá lớn` });

const zone = z.enum(POSTAL_ZONES, { error: 'Vùng tính cước phải là noi_tinh (nội tỉnh) hoặc lien_tinh (liên tỉnh)' });
const leg = z.enum(POSTAL_LEGS, { error: 'Chiều phải là send (gửi hồ sơ) hoặc return (trả kết quả)' });
const ident = (label: string) =>
  z
    .string({ error: `${label}: phải là chuỗi ký tự` })
    .trim()
    .regex(/^[a-z0-9_]{1,60}$/, { error: `${label}: chỉ gồm chữ thường không dấu, số và dấu _ (tối đa 60 ký tự)` });
const label = (what: string) => requiredText(200, what).pipe(noMarkup(what));

export const tariffBand = z.object({
  zone,
  direction: leg,
  /** Upper bound, inclusive. */
  maxGrams: gramsField('Khối lượng tối đa của bậc'),
  price: vnd('Giá cước của bậc'),
});
export type TariffBand = z.output<typeof tariffBand>;

/** Each started step of `grams` beyond the last band of a zone and direction costs `price`. */
export const tariffExtraStep = z.object({
  zone,
  direction: leg,
  grams: gramsField('Bước khối lượng tiếp theo'),
  price: vnd('Giá mỗi bước tiếp theo'),
});
export type TariffExtraStep = z.output<typeof tariffExtraStep>;

export const tariffSurcharge = z.object({
  id: ident('Mã phụ phí'),
  label: label('Tên phụ phí'),
  amount: vnd('Mức phụ phí'),
  per: z.literal('dossier', { error: 'Phụ phí hiện chỉ tính theo hồ sơ (dossier)' }),
});

export const tariffExemption = z.object({
  id: ident('Mã đối tượng miễn cước'),
  label: label('Tên đối tượng miễn cước'),
});

export const postalTariff = z.object({
  name: label('Tên bảng cước'),
  /** The Vietnamese calendar day from which it applies. */
  validFrom: isoDay,
  currency: z.literal('VND', { error: 'Đơn vị tiền phải là VND' }),
  vatIncluded: z.boolean({ error: 'Cần cho biết giá đã gồm thuế GTGT hay chưa' }),
  vatRate: z
    .number({ error: 'Thuế suất GTGT phải là số (ví dụ 0.1)' })
    .min(0, { error: 'Thuế suất GTGT không được âm' })
    .max(0.5, { error: 'Thuế suất GTGT ghi dạng thập phân, ví dụ 0.1 cho 10%' }),
  zones: z.array(z.object({ id: zone, label: label('Tên vùng') })).max(2),
  bands: z.array(tariffBand).max(400, { error: 'Tối đa 400 bậc cước' }),
  /** null: a weight over the last band is refused (the administrator must add bands). */
  extraStep: z.array(tariffExtraStep).max(4).nullable().default(null),
  surcharges: z.array(tariffSurcharge).max(20).default([]),
  exemptions: z.array(tariffExemption).max(50).default([]),
  /** The figures are defaults still to be confirmed with the provincial post office. */
  needsConfirmation: z.boolean().default(false),
  note: text(4000, 'Ghi chú').default(''),
  sources: z.array(text(500, 'Nguồn')).max(20).default([]),
});
export type PostalTariff = z.output<typeof postalTariff>;
export type PostalTariffInput = z.input<typeof postalTariff>;

/** A stored version of the tariff. Times are ISO instants. */
export const tariffVersion = z.object({
  id: z.number().int(),
  validFrom: z.string(),
  createdAt: z.string(),
  /** null: the shipped default, inserted by the desk itself */
  officerName: z.string().nullable(),
  tariff: postalTariff,
});
export type TariffVersion = z.output<typeof tariffVersion>;

export const tariffView = z.object({
  /** The version in force now. */
  inForce: tariffVersion,
  /** Versions dated after today, soonest first. */
  upcoming: z.array(tariffVersion),
  /** Every version, newest first. */
  history: z.array(tariffVersion),
});
export type TariffView = z.output<typeof tariffView>;

export const saveTariffInput = z.object({ tariff: postalTariff });

// ---------- Provinces (34 units since 1/7/2025) ----------

export const provinceRef = z.object({ code: z.string(), name: z.string() });
export type ProvinceRef = z.output<typeof provinceRef>;

export const province = provinceRef.extend({
  /** "Tỉnh Thanh Hóa", "Thành phố Hà Nội" */
  fullName: z.string(),
  /** Provinces merged into it on 1/7/2025 (NQ 202/2025/QH15), with their former codes. */
  former: z.array(provinceRef),
});
export type Province = z.output<typeof province>;

export const provincesView = z.object({
  provinces: z.array(province),
  /** The agency's own province (nội tỉnh), null while the desk is not set up or the name is not recognised. */
  agency: provinceRef.nullable(),
});
export type ProvincesView = z.output<typeof provincesView>;

/** resources/postal/provinces.json */
export const provincesFile = z.object({
  source: z.string(),
  validFrom: isoDay,
  units: z.array(
    z.object({
      code: z.string().regex(/^\d{2}$/),
      name: z.string().min(1),
      kind: z.enum(['tỉnh', 'thành phố']),
      aliases: z.array(z.string()).default([]),
      former: z.array(z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) })).default([]),
    }),
  ),
});
export type ProvincesFile = z.output<typeof provincesFile>;

const provinceInput = requiredText(60, 'Tỉnh/thành phố nhận').pipe(noMarkup('Tỉnh/thành phố nhận'));

// ---------- Quotes ----------

export const postageGrams = z
  .number({ error: 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0' })
  .int({ error: 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0' })
  .positive({ error: 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0' })
  .max(1_000_000, { error: 'Khối lượng bưu gửi quá lớn' });

export const quotePostageInput = z.object({
  grams: postageGrams,
  /** The other end's province: code ("38", "038", a former code too) or name. */
  province: provinceInput,
  /** Free text, shown on the shipment; the zone is decided by province. */
  ward: text(100, 'Xã/phường').pipe(noMarkup('Xã/phường')).default(''),
  direction: z.enum(POSTAL_DIRECTIONS, { error: 'Chiều phải là send (gửi hồ sơ), return (trả kết quả) hoặc both (hai chiều)' }),
  forwardFee: z.boolean().default(false),
  exemption: ident('Đối tượng miễn cước').optional(),
  /** The agency's province; by default the one in the agency settings (the CLI may quote before setup). */
  fromProvince: provinceInput.optional(),
});

export const quoteLine = z.object({
  label: z.string(),
  /** đồng; negative for the exemption */
  amount: z.number().int(),
  detail: z.string(),
});
export type QuoteLine = z.output<typeof quoteLine>;

export const postageQuote = z.object({
  /** The stored tariff version used; null for a quote on a tariff that is not stored. */
  tariffId: z.number().int().nullable(),
  tariffName: z.string(),
  tariffValidFrom: z.string(),
  needsConfirmation: z.boolean(),
  grams: z.number().int(),
  direction: z.enum(POSTAL_DIRECTIONS),
  zone: z.enum(POSTAL_ZONES),
  zoneLabel: z.string(),
  /** The agency's province, and the citizen's end of the trip (the zone compares them). */
  agencyProvince: provinceRef,
  province: provinceRef,
  lines: z.array(quoteLine),
  /** The charges before VAT. */
  subtotal: z.number().int(),
  vat: z.number().int(),
  vatIncluded: z.boolean(),
  vatRate: z.number(),
  /** What the exemption takes off (0 without one). */
  exempted: z.number().int(),
  total: z.number().int(),
  exemption: z.object({ id: z.string(), label: z.string() }).nullable(),
  warnings: z.array(z.string()),
});
export type PostageQuote = z.output<typeof postageQuote>;

// ---------- Shipments ----------

const dossierId = z.number({ error: 'Mã nội bộ hồ sơ phải là số' }).int().positive();
const shipmentId = z.number({ error: 'Mã bưu gửi phải là số' }).int().positive();

export const createShipmentInput = z.object({
  dossierId,
  direction: leg,
  grams: postageGrams,
  province: provinceInput,
  ward: text(100, 'Xã/phường').pipe(noMarkup('Xã/phường')).default(''),
  /** Default: the dossier's delivery address (or the applicant's). */
  address: text(300, 'Địa chỉ').pipe(noMarkup('Địa chỉ')).optional(),
  /** Default: the applicant (return) or the agency (send). */
  recipient: text(100, 'Người nhận').pipe(noMarkup('Người nhận')).optional(),
  itemNo: s10ItemNo.optional(),
  forwardFee: z.boolean().default(false),
  exemption: ident('Đối tượng miễn cước').optional(),
});

/** Set or correct the item number; after the hand-over, record delivery or return (with its time, default now). */
export const updateShipmentInput = z
  .object({
    id: shipmentId,
    /** '' clears it (before the hand-over only). */
    itemNo: s10ItemNoOrBlank.optional(),
    status: z.enum(['delivered', 'returned'], { error: 'Trạng thái chỉ có thể là delivered (đã phát) hoặc returned (chuyển hoàn)' }).optional(),
    at: isoInstant.optional(),
  })
  .refine((v) => v.itemNo !== undefined || v.status !== undefined, { error: 'Không có gì để cập nhật', path: ['itemNo'] })
  .refine((v) => v.at === undefined || v.status !== undefined, { error: 'Thời điểm chỉ đi kèm trạng thái', path: ['at'] });

export const shipment = z.object({
  id: z.number().int(),
  dossierId: z.number().int(),
  dossierCode: z.string(),
  applicantName: z.string(),
  direction: leg,
  itemNo: z.string().nullable(),
  grams: z.number().int(),
  provinceCode: z.string(),
  provinceName: z.string(),
  ward: z.string(),
  address: z.string(),
  recipient: z.string(),
  amount: z.number().int(),
  status: z.enum(SHIPMENT_STATUSES),
  statusAt: z.string(),
  manifestId: z.number().int().nullable(),
  manifestNumber: z.string().nullable(),
  createdAt: z.string(),
  officerName: z.string().nullable(),
  quote: postageQuote,
});
export type Shipment = z.output<typeof shipment>;

export const shipmentQuery = z
  .object({
    status: z.enum(SHIPMENT_STATUSES).optional(),
    direction: leg.optional(),
    dossierId: dossierId.optional(),
    /** Created from / up to these Vietnamese calendar days, inclusive. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Continue after this id (newest first). */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'Ngày bắt đầu phải trước ngày kết thúc', path: ['to'] });

export const shipmentPage = z.object({
  items: z.array(shipment),
  /** matching the filters, all pages */
  total: z.number().int(),
  /** amount of the matching shipments, all pages */
  totalAmount: z.number().int(),
  /** pass as `before` for the next page; null at the end */
  next: z.number().int().nullable(),
});
export type ShipmentPage = z.output<typeof shipmentPage>;

// ---------- Hand-over manifests ----------

export const createManifestInput = z.object({
  /** The prepared shipments handed over; none: every prepared 'return' shipment. */
  shipmentIds: z.array(shipmentId).min(1, { error: 'Chọn ít nhất một bưu gửi' }).max(500, { error: 'Tối đa 500 bưu gửi một lần' }).optional(),
  postalWorker: requiredText(100, 'Nhân viên bưu chính').pipe(noMarkup('Nhân viên bưu chính')),
});

export const manifestMeta = z.object({
  id: z.number().int(),
  /** BG-2026-0001 */
  number: z.string(),
  createdAt: z.string(),
  officerName: z.string().nullable(),
  postalWorker: z.string(),
  items: z.number().int(),
  totalGrams: z.number().int(),
  total: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  fileName: z.string(),
});
export type ManifestMeta = z.output<typeof manifestMeta>;

export const manifestQuery = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const manifestPage = z.object({ items: z.array(manifestMeta), next: z.number().int().nullable() });

export const manifestContent = manifestMeta.extend({ shipments: z.array(shipment), contentBase64: z.string() });
export type ManifestContent = z.output<typeof manifestContent>;

/** Postal delivery (bưu chính công ích): tariff, quotes, shipments, manifests. */
export const postalContract = {
  getPostalTariff: { input: z.object({}).strict(), output: tariffView },
  savePostalTariff: { input: saveTariffInput, output: tariffView },
  quotePostage: { input: quotePostageInput, output: postageQuote },
  listProvinces: { input: z.object({}).strict(), output: provincesView },
  createShipment: { input: createShipmentInput, output: shipment },
  updateShipment: { input: updateShipmentInput, output: shipment },
  listShipments: { input: shipmentQuery, output: shipmentPage },
  createManifest: { input: createManifestInput, output: manifestContent.omit({ contentBase64: true }) },
  listManifests: { input: manifestQuery, output: manifestPage },
  getManifest: { input: z.object({ id: z.number({ error: 'Mã biên bản phải là số' }).int().positive() }), output: manifestContent },
} as const;
