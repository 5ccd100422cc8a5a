import { z } from 'zod';

/**
 * The procedure catalogue (resources/catalogue/procedures.json): one record per administrative procedure (thủ tục
 * hành chính) with its national code, time limit, fee rule, dossier components, competent unit, legal basis,
 * effective date and how sure each fact is. Administrators import newer catalogues; `core/catalogue` validates a file
 * field by field and diffs it against the one in force.
 *
 * Every message is Vietnamese and starts with the field's Vietnamese label, so an import report reads on its own.
 * Objects are strict: a misspelt key ("capPercopy") is reported instead of silently dropped.
 */

export const CATALOGUE_SCHEMA_VERSION = 1 as const;

// ---------- Vocabularies (with Vietnamese labels for screens and reports) ----------

/**
 * Who or what may exempt a fee. Most are applicant categories (TT 85/2019/TT-BTC: gia đình có công, hộ nghèo, người
 * khuyết tật); `dang_ky_dung_han` is the on-time registration of a birth (60 days) or a death (15 days).
 */
export const EXEMPTION_CATEGORIES = [
  'ho_ngheo',
  'nguoi_khuyet_tat',
  'gia_dinh_co_cong',
  'tre_em',
  'nguoi_cao_tuoi',
  'dang_ky_dung_han',
] as const;
export type ExemptionCategory = (typeof EXEMPTION_CATEGORIES)[number];
export const EXEMPTION_CATEGORY_LABELS: Record<ExemptionCategory, string> = {
  ho_ngheo: 'Người thuộc hộ nghèo',
  nguoi_khuyet_tat: 'Người khuyết tật',
  gia_dinh_co_cong: 'Người thuộc gia đình có công với cách mạng',
  tre_em: 'Trẻ em',
  nguoi_cao_tuoi: 'Người cao tuổi',
  dang_ky_dung_han: 'Đăng ký đúng hạn (khai sinh trong 60 ngày, khai tử trong 15 ngày)',
};

export const FEE_KINDS = ['fixed', 'per_page', 'per_copy', 'free'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_KIND_LABELS: Record<FeeKind, string> = {
  fixed: 'Mức thu cố định mỗi trường hợp',
  per_page: 'Thu theo trang',
  per_copy: 'Thu theo bản',
  free: 'Không thu / miễn',
};

export const SERVICE_LEVELS = ['toan_trinh', 'mot_phan'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const SERVICE_LEVEL_LABELS: Record<ServiceLevel, string> = {
  toan_trinh: 'Dịch vụ công trực tuyến toàn trình',
  mot_phan: 'Dịch vụ công trực tuyến một phần',
};

export const WARD_ROLES = [
  'tu_phap_ho_tich',
  'dia_chinh',
  'van_hoa_xa_hoi',
  'van_phong_thong_ke',
  'tai_chinh_ke_toan',
  'chi_huy_quan_su',
] as const;
export type WardRole = (typeof WARD_ROLES)[number];
export const WARD_ROLE_LABELS: Record<WardRole, string> = {
  tu_phap_ho_tich: 'Công chức Tư pháp – Hộ tịch',
  dia_chinh: 'Công chức Địa chính',
  van_hoa_xa_hoi: 'Công chức Văn hóa – Xã hội',
  van_phong_thong_ke: 'Công chức Văn phòng – Thống kê',
  tai_chinh_ke_toan: 'Công chức Tài chính – Kế toán',
  chi_huy_quan_su: 'Chỉ huy trưởng Ban Chỉ huy Quân sự',
};

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];
export const CONFIDENCE_LABELS: Record<Confidence, string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };

/** Fields of a record that were not confirmed by the sources; screens flag them "cần xác minh". */
export const UNVERIFIED_FIELDS = [
  'code',
  'timeLimit',
  'fee',
  'components',
  'serviceLevel',
  'competentUnit',
  'legalBasis',
] as const;
export type UnverifiedField = (typeof UNVERIFIED_FIELDS)[number];

/** Vietnamese labels of the record's fields: import reports and diffs name fields with these. */
export const CATALOGUE_FIELD_LABELS: Record<string, string> = {
  schemaVersion: 'Phiên bản cấu trúc',
  version: 'Phiên bản danh mục',
  effectiveFrom: 'Ngày hiệu lực',
  source: 'Nguồn',
  notes: 'Ghi chú',
  procedures: 'Danh sách thủ tục',
  id: 'Mã định danh',
  code: 'Mã TTHC',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  serviceLevel: 'Mức độ dịch vụ công trực tuyến',
  timeLimit: 'Thời hạn giải quyết',
  timeLimitText: 'Mô tả thời hạn giải quyết',
  fee: 'Lệ phí',
  feeText: 'Mô tả lệ phí',
  components: 'Thành phần hồ sơ',
  competentUnit: 'Đơn vị giải quyết',
  bundle: 'Các thủ tục liên thông',
  legalBasis: 'Căn cứ pháp lý',
  confidence: 'Độ tin cậy',
  confidenceNote: 'Ghi chú độ tin cậy',
  unverified: 'Thông tin cần xác minh',
  sources: 'Nguồn tham khảo',
};

// ---------- Field builders with Vietnamese messages ----------

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng',
  null: 'null',
};

type RawIssue = { code?: string; input?: unknown; expected?: string; keys?: string[]; values?: unknown[] };

/** A zod error function: "<label>: còn thiếu", "<label>: phải là số", "<label>: có trường không hợp lệ: x". */
export const vnIssue =
  (label: string) =>
  (issue: RawIssue): string => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return `${label}: còn thiếu`;
      return `${label}: phải là ${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'giá trị hợp lệ'}`;
    }
    if (issue.code === 'unrecognized_keys') {
      return `${label}: có trường không được phép: ${(issue.keys ?? []).join(', ')}`;
    }
    if (issue.code === 'invalid_value') {
      const allowed = (issue.values ?? []).map((v) => String(v)).join(', ');
      return `${label}: giá trị "${String(issue.input)}" không hợp lệ (chỉ nhận: ${allowed})`;
    }
    return `${label}: không hợp lệ`;
  };

/** Text in the catalogue: NFC, trimmed, not empty. */
const vnText = (label: string, max = 2000) =>
  z
    .string({ error: vnIssue(label) })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${label}: không được để trống` })
        .max(max, { error: `${label}: tối đa ${max} ký tự` }),
    );

/** Text that may be empty (notes). */
const vnNote = (label: string, max = 4000) =>
  z
    .string({ error: vnIssue(label) })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, { error: `${label}: tối đa ${max} ký tự` }));

/** Money in integer đồng, never negative. */
const money = (label: string) =>
  z
    .number({ error: vnIssue(label) })
    .int({ error: `${label}: phải là số nguyên (đồng)` })
    .min(0, { error: `${label}: không được âm` })
    .max(1_000_000_000_000, { error: `${label}: vượt quá 1.000 tỷ đồng` });

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: vnIssue(label) })
    .int({ error: `${label}: phải là số nguyên` })
    .min(min, { error: min === 0 ? `${label}: không được âm` : `${label}: phải từ ${min} trở lên` })
    .max(max, { error: `${label}: tối đa ${max}` });

const isoDate = (label: string) =>
  z.iso.date({ error: (i) => (i.input === undefined ? `${label}: còn thiếu` : `${label}: phải là ngày dạng YYYY-MM-DD`) });

const list = <T extends z.ZodType>(item: T, label: string) => z.array(item, { error: vnIssue(label) });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: (i) =>
      i.input === undefined
        ? `${label}: còn thiếu`
        : `${label}: giá trị "${String(i.input)}" không hợp lệ (chỉ nhận: ${values.join(', ')})`,
  });

// ---------- Fee rules ----------

export const feeExemption = z.strictObject(
  {
    category: enumOf(EXEMPTION_CATEGORIES, 'Đối tượng miễn'),
    /** Where the exemption comes from, or its conditions, in Vietnamese. */
    note: vnNote('Ghi chú miễn').optional(),
  },
  { error: vnIssue('Trường hợp miễn') },
);
export type FeeExemption = z.output<typeof feeExemption>;

export const feeTier = z.strictObject(
  {
    /** First page (1-based) this price applies to; it applies up to the page before the next tier. */
    fromPage: count('Từ trang', 1, 100_000),
    pricePerPage: money('Đơn giá mỗi trang'),
  },
  { error: vnIssue('Bậc giá theo trang') },
);
export type FeeTier = z.output<typeof feeTier>;

const feeCommon = {
  /** Receipt line label, e.g. "Phí chứng thực bản sao từ bản chính". */
  label: vnText('Tên khoản thu', 300),
  /** True when the amount or the rule is not confirmed (UNCERTAIN in the sources): screens show "cần xác minh". */
  uncertain: z.boolean({ error: vnIssue('Cờ chưa chắc chắn') }),
  uncertainNote: vnNote('Ghi chú chưa chắc chắn').optional(),
  legalBasis: vnNote('Căn cứ thu', 500).optional(),
};

const exemptions = list(feeExemption, 'Các trường hợp miễn');

export const fixedFee = z.strictObject(
  {
    kind: z.literal('fixed'),
    ...feeCommon,
    /** Per case (trường hợp, hợp đồng, giao dịch…): `unit` names it on the receipt. */
    amount: money('Mức thu'),
    unit: vnText('Đơn vị tính', 60),
    exemptions,
  },
  { error: vnIssue('Lệ phí') },
);

export const perCopyFee = z.strictObject(
  {
    kind: z.literal('per_copy'),
    ...feeCommon,
    amount: money('Mức thu mỗi bản'),
    unit: vnText('Đơn vị tính', 60),
    exemptions,
  },
  { error: vnIssue('Lệ phí') },
);

export const perPageFee = z.strictObject(
  {
    kind: z.literal('per_page'),
    ...feeCommon,
    /** Ascending by `fromPage`, the first from page 1. */
    tiers: list(feeTier, 'Bậc giá theo trang').min(1, { error: 'Bậc giá theo trang: cần ít nhất một bậc' }),
    /** At most this much per copy (chứng thực bản sao: 200.000 đồng/bản); null = no cap. */
    capPerCopy: money('Mức tối đa mỗi bản').nullable(),
    exemptions,
  },
  { error: vnIssue('Lệ phí') },
);

export const freeFee = z.strictObject(
  {
    kind: z.literal('free'),
    ...feeCommon,
    /** Why nothing is charged, e.g. "Miễn lệ phí (công dân Việt Nam cư trú trong nước)". */
    reason: vnNote('Lý do không thu', 500).optional(),
  },
  { error: vnIssue('Lệ phí') },
);

/** 200000 → "200.000" (the contract imports nothing of ours, so not core/money-words). */
const dots = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

const describeKind = (input: unknown): string => {
  const kind = typeof input === 'object' && input !== null ? (input as { kind?: unknown }).kind : undefined;
  if (kind === undefined) return 'Loại lệ phí (kind): còn thiếu';
  return `Loại lệ phí "${String(kind)}" không hợp lệ (chỉ nhận: ${FEE_KINDS.join(', ')})`;
};

/** Semantic checks of a fee rule, beyond its shape. Also used by core/fees before computing. */
export function feeRuleProblems(rule: FeeRule): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  if (rule.uncertain && !rule.uncertainNote) {
    out.push({ path: ['uncertainNote'], message: 'Ghi chú chưa chắc chắn: cần nêu điều gì chưa được xác nhận' });
  }
  if (rule.kind !== 'free') {
    const seen = new Set<string>();
    rule.exemptions.forEach((e, i) => {
      if (seen.has(e.category)) {
        out.push({ path: ['exemptions', i, 'category'], message: `Đối tượng miễn "${e.category}" bị lặp lại` });
      }
      seen.add(e.category);
    });
  }
  if (rule.kind === 'per_page') {
    const first = rule.tiers[0];
    if (first && first.fromPage !== 1) {
      out.push({ path: ['tiers', 0, 'fromPage'], message: 'Từ trang: bậc giá đầu tiên phải bắt đầu từ trang 1' });
    }
    rule.tiers.forEach((t, i) => {
      const prev = rule.tiers[i - 1];
      if (prev && t.fromPage <= prev.fromPage) {
        out.push({
          path: ['tiers', i, 'fromPage'],
          message: `Từ trang: các bậc phải tăng dần (trang ${t.fromPage} không lớn hơn trang ${prev.fromPage} của bậc trước)`,
        });
      }
      if (rule.capPerCopy !== null && rule.capPerCopy < t.pricePerPage) {
        out.push({
          path: ['capPerCopy'],
          message: `Mức tối đa mỗi bản (${dots(rule.capPerCopy)} đồng) thấp hơn đơn giá một trang (${dots(t.pricePerPage)} đồng) của bậc từ trang ${t.fromPage}`,
        });
      }
    });
  }
  return out;
}

export const feeRule = z
  .discriminatedUnion('kind', [fixedFee, perPageFee, perCopyFee, freeFee], { error: (i) => describeKind(i.input) })
  .superRefine((rule, ctx) => {
    for (const p of feeRuleProblems(rule)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  });
export type FeeRule = z.output<typeof fixedFee | typeof perPageFee | typeof perCopyFee | typeof freeFee>;
export type FeeRuleInput = z.input<typeof feeRule>;

// ---------- Time limits, units, components ----------

export const timeLimit = z.discriminatedUnion(
  'kind',
  [
    z.strictObject(
      {
        kind: z.literal('working_days'),
        /** 0 = same day (giải quyết trong ngày). */
        days: count('Số ngày làm việc', 0, 365),
        /**
         * A dossier received after this time (HH:MM, Vietnam time) counts from the start of the next working day:
         * the "15 giờ" rule of same-day procedures and of the liên thông processes. null = no such rule.
         */
        sameDayCutoff: z
          .string({ error: vnIssue('Giờ chốt nhận trong ngày') })
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Giờ chốt nhận trong ngày: phải có dạng HH:MM, ví dụ 15:00' })
          .nullable(),
      },
      { error: vnIssue('Thời hạn giải quyết') },
    ),
    z.strictObject(
      {
        kind: z.literal('calendar_days'),
        days: count('Số ngày (theo lịch)', 1, 3650),
      },
      { error: vnIssue('Thời hạn giải quyết') },
    ),
  ],
  {
    error: (i) => {
      const kind = typeof i.input === 'object' && i.input !== null ? (i.input as { kind?: unknown }).kind : undefined;
      return kind === undefined
        ? 'Thời hạn giải quyết: còn thiếu loại thời hạn (kind)'
        : `Thời hạn giải quyết: loại "${String(kind)}" không hợp lệ (chỉ nhận: working_days, calendar_days)`;
    },
  },
);
export type TimeLimit = z.output<typeof timeLimit>;

export const competentUnit = z.discriminatedUnion(
  'kind',
  [
    z.strictObject(
      { kind: z.literal('ward_role'), role: enumOf(WARD_ROLES, 'Công chức chuyên môn') },
      { error: vnIssue('Đơn vị giải quyết') },
    ),
    z.strictObject(
      { kind: z.literal('higher_body'), name: vnText('Tên cơ quan', 300) },
      { error: vnIssue('Đơn vị giải quyết') },
    ),
  ],
  {
    error: (i) => {
      const kind = typeof i.input === 'object' && i.input !== null ? (i.input as { kind?: unknown }).kind : undefined;
      return kind === undefined
        ? 'Đơn vị giải quyết: còn thiếu loại (kind)'
        : `Đơn vị giải quyết: loại "${String(kind)}" không hợp lệ (chỉ nhận: ward_role, higher_body)`;
    },
  },
);
export type CompetentUnit = z.output<typeof competentUnit>;

export const catalogueComponent = z.strictObject(
  {
    name: vnText('Tên thành phần hồ sơ', 500),
    /** Conditional components ("(nếu có)", "(nếu …)") are false. */
    required: z.boolean({ error: vnIssue('Bắt buộc') }),
    originals: count('Số bản chính', 0, 99),
    certifiedCopies: count('Số bản sao chứng thực', 0, 99),
    photocopies: count('Số bản photo', 0, 99),
  },
  { error: vnIssue('Thành phần hồ sơ') },
);
export type CatalogueComponent = z.output<typeof catalogueComponent>;

/** One procedure of a liên thông bundle and who handles it. */
export const bundlePart = z.strictObject(
  {
    name: vnText('Tên thủ tục liên thông', 300),
    code: z
      .string({ error: vnIssue('Mã TTHC liên thông') })
      .regex(/^\d\.\d{6}$/, { error: 'Mã TTHC liên thông: phải có dạng 1.234567' })
      .nullable(),
    competentUnit,
  },
  { error: vnIssue('Thủ tục liên thông') },
);
export type BundlePart = z.output<typeof bundlePart>;

export const catalogueSource = z.strictObject(
  { url: vnText('Địa chỉ nguồn', 1000), note: vnNote('Ghi chú nguồn', 500).optional() },
  { error: vnIssue('Nguồn tham khảo') },
);

// ---------- The procedure and the file ----------

export const PROCEDURE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PROCEDURE_CODE_PATTERN = /^\d\.\d{6}$/;

export const catalogueProcedure = z
  .strictObject(
    {
      id: z
        .string({ error: vnIssue('Mã định danh') })
        .regex(PROCEDURE_ID_PATTERN, { error: 'Mã định danh: chỉ gồm chữ thường không dấu, số và dấu gạch nối' })
        .max(80, { error: 'Mã định danh: tối đa 80 ký tự' }),
      /** Mã TTHC on the national database (e.g. 2.000815), null when not confirmed. */
      code: z
        .string({ error: vnIssue('Mã TTHC') })
        .regex(PROCEDURE_CODE_PATTERN, { error: 'Mã TTHC: phải có dạng 1.234567' })
        .nullable(),
      name: vnText('Tên thủ tục', 500),
      field: vnText('Lĩnh vực', 200),
      serviceLevel: enumOf(SERVICE_LEVELS, 'Mức độ dịch vụ công trực tuyến'),
      timeLimit,
      timeLimitText: vnText('Mô tả thời hạn giải quyết', 1000),
      fee: feeRule,
      feeText: vnText('Mô tả lệ phí', 1000),
      components: list(catalogueComponent, 'Thành phần hồ sơ').min(1, {
        error: 'Thành phần hồ sơ: cần ít nhất một thành phần',
      }),
      competentUnit,
      bundle: list(bundlePart, 'Các thủ tục liên thông').optional(),
      legalBasis: list(vnText('Căn cứ pháp lý', 500), 'Căn cứ pháp lý'),
      effectiveFrom: isoDate('Ngày hiệu lực'),
      confidence: enumOf(CONFIDENCE_LEVELS, 'Độ tin cậy'),
      confidenceNote: vnNote('Ghi chú độ tin cậy'),
      unverified: list(enumOf(UNVERIFIED_FIELDS, 'Thông tin cần xác minh'), 'Thông tin cần xác minh'),
      sources: list(catalogueSource, 'Nguồn tham khảo'),
    },
    { error: vnIssue('Thủ tục') },
  )
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.components.forEach((c, i) => {
      const key = c.name.toLocaleLowerCase('vi');
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', i, 'name'],
          message: `Tên thành phần hồ sơ: "${c.name}" trùng với thành phần số ${first + 1}`,
        });
      } else seen.set(key, i);
      if (/\(nếu\s/i.test(c.name) && c.required) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', i, 'required'],
          message: `Bắt buộc: thành phần "${c.name}" có điều kiện "(nếu …)" nên không thể là bắt buộc`,
        });
      }
    });
    if (p.confidence !== 'high' && p.confidenceNote === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['confidenceNote'],
        message: 'Ghi chú độ tin cậy: cần nêu lý do khi độ tin cậy không phải "high"',
      });
    }
    if (p.bundle !== undefined && p.bundle.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['bundle'], message: 'Các thủ tục liên thông: cần ít nhất hai thủ tục' });
    }
    const unverified = new Set<string>();
    p.unverified.forEach((f, i) => {
      if (unverified.has(f)) {
        ctx.addIssue({ code: 'custom', path: ['unverified', i], message: `Thông tin cần xác minh: "${f}" bị lặp lại` });
      }
      unverified.add(f);
    });
  });
export type CatalogueProcedure = z.output<typeof catalogueProcedure>;
export type CatalogueProcedureInput = z.input<typeof catalogueProcedure>;

export const CATALOGUE_VERSION_PATTERN = /^(\d{4})-(\d{2})-(\d{2})\.(\d{1,4})$/;

/** The catalogue's header: everything but the procedures. */
export const catalogueHeader = z.strictObject(
  {
    schemaVersion: z.literal(CATALOGUE_SCHEMA_VERSION, {
      error: (i) =>
        i.input === undefined
          ? 'Phiên bản cấu trúc (schemaVersion): còn thiếu'
          : `Phiên bản cấu trúc (schemaVersion) ${String(i.input)} không được hỗ trợ (phần mềm này đọc phiên bản ${CATALOGUE_SCHEMA_VERSION})`,
    }),
    /** 'YYYY-MM-DD.n': the publication day and the n-th catalogue published that day. */
    version: z
      .string({ error: vnIssue('Phiên bản danh mục') })
      .regex(CATALOGUE_VERSION_PATTERN, { error: 'Phiên bản danh mục: phải có dạng YYYY-MM-DD.n, ví dụ 2026-11-24.1' }),
    effectiveFrom: isoDate('Ngày hiệu lực'),
    source: vnText('Nguồn', 2000),
    notes: list(vnText('Ghi chú', 2000), 'Ghi chú'),
  },
  { error: vnIssue('Danh mục') },
);

export const catalogueFile = catalogueHeader
  .extend({
    procedures: list(catalogueProcedure, 'Danh sách thủ tục').min(1, {
      error: 'Danh sách thủ tục: cần ít nhất một thủ tục',
    }),
  })
  .superRefine((c, ctx) => {
    const ids = new Map<string, number>();
    const codes = new Map<string, number>();
    c.procedures.forEach((p, i) => {
      const firstId = ids.get(p.id);
      if (firstId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedures', i, 'id'],
          message: `Mã định danh "${p.id}" trùng với thủ tục số ${firstId + 1}`,
        });
      } else ids.set(p.id, i);
      if (p.code !== null) {
        const firstCode = codes.get(p.code);
        if (firstCode !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['procedures', i, 'code'],
            message: `Mã TTHC "${p.code}" trùng với thủ tục số ${firstCode + 1}`,
          });
        } else codes.set(p.code, i);
      }
    });
  });
export type Catalogue = z.output<typeof catalogueFile>;
export type CatalogueInput = z.input<typeof catalogueFile>;
