/**
 * Postage of bưu chính công ích (QĐ 45/2016/QĐ-TTg: the citizen pays the post for sending the dossier, receiving the
 * result, or both). Vietnam Post's tariff for the service (QĐ 1268/QĐ-BĐVN, 11/11/2017) was not obtained, so the
 * tariff is data: a dated document of zones × weight bands × direction, a VAT flag, surcharges and exemptions, which
 * an administrator edits. This module only computes from it, showing every line, and checks a tariff before it is
 * saved. Provinces are the 34 units in force since 1/7/2025 (NQ 202/2025/QH15); former codes and names resolve too.
 */
import { DeskError } from '../contract/errors';
import {
  FORWARD_FEE_ID,
  POSTAL_LEG_LABELS,
  POSTAL_LEGS,
  POSTAL_ZONES,
  postalTariff,
  provincesFile,
  type PostageQuote,
  type PostalDirection,
  type PostalLeg,
  type PostalTariff,
  type PostalZone,
  type ProvinceRef,
  type QuoteLine,
  type TariffBand,
} from '../contract/postal';
import { foldVietnamese } from '../contract/text';
import { groupThousands } from './money-words';
import { isoDayToVn } from './vntime';

export const GRAMS_MESSAGE = 'Khối lượng bưu gửi phải là số gam nguyên lớn hơn 0';
/** Where an administrator adds heavier bands (the screen's path, named in the over-maximum message). */
export const TARIFF_SETTINGS_PATH = 'Cài đặt → Cước bưu chính';

const vnd = (n: number) => `${groupThousands(n)} đ`;
const lower = (s: string) => s.toLocaleLowerCase('vi');
const percent = (rate: number) => `${String(Math.round(rate * 10000) / 100).replace('.', ',')}%`;

// ---------- Provinces ----------

export interface ProvinceUnit extends ProvinceRef {
  fullName: string;
  former: ProvinceRef[];
}

export interface ProvinceDirectory {
  readonly units: readonly ProvinceUnit[];
  /** By code ("38", "038", or a former code such as "10" for Lào Cai) or by name (with or without marks, "tỉnh"…). */
  find(query: string): ProvinceUnit | undefined;
  /** Like find; an unknown province is a VALIDATION DeskError on the field `path`. */
  require(query: string, path?: string): ProvinceUnit;
}

/** Folded name without the unit's kind: "Tỉnh Thanh Hóa" → "thanh hoa", "TP. Hồ Chí Minh" → "ho chi minh". */
function nameKey(s: string): string {
  return foldVietnamese(s).replace(/^(tinh|thanh pho|tp)\s+/, '');
}

/** "38", "038", " 8 " → "38", "08"; null when it is not a code. */
function codeKey(s: string): string | null {
  const t = s.trim();
  if (!/^\d{1,3}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 99 ? String(n).padStart(2, '0') : null;
}

/** The province list (resources/postal/provinces.json), checked, with lookups by current and former code or name. */
export function provinceDirectory(data: unknown): ProvinceDirectory {
  const file = provincesFile.parse(data);
  const units: ProvinceUnit[] = file.units.map((u) => ({
    code: u.code,
    name: u.name,
    fullName: `${u.kind === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${u.name}`,
    former: u.former.map((f) => ({ code: f.code, name: f.name })),
  }));
  const byCode = new Map<string, ProvinceUnit>();
  const byName = new Map<string, ProvinceUnit>();
  file.units.forEach((u, i) => {
    const unit = units[i] as ProvinceUnit;
    if (byCode.has(u.code)) throw new Error(`Mã tỉnh ${u.code} trùng trong danh mục`);
    byCode.set(u.code, unit);
    byName.set(nameKey(u.name), unit);
  });
  // Former codes and names after the current ones: a code kept by the merged unit (Lào Cai took Yên Bái's 15) and a
  // name kept (Quảng Trị) point at the same unit either way, so no former entry overrides a current one.
  file.units.forEach((u, i) => {
    const unit = units[i] as ProvinceUnit;
    for (const f of u.former) {
      if (!byCode.has(f.code)) byCode.set(f.code, unit);
      const k = nameKey(f.name);
      if (!byName.has(k)) byName.set(k, unit);
    }
    for (const a of u.aliases) if (!byName.has(nameKey(a))) byName.set(nameKey(a), unit);
  });
  const find = (query: string): ProvinceUnit | undefined => {
    const code = codeKey(query);
    if (code !== null) return byCode.get(code);
    const k = nameKey(query);
    return k ? byName.get(k) : undefined;
  };
  return {
    units,
    find,
    require(query, path = 'province') {
      const unit = find(query);
      if (unit) return unit;
      const message =
        `Không nhận ra tỉnh/thành phố "${query.trim()}": nhập mã 2 chữ số (ví dụ 38 là Thanh Hóa) hoặc tên một trong ` +
        `${units.length} tỉnh, thành phố từ 01/7/2025 (mã, tên trước sáp nhập cũng được)`;
      throw new DeskError('VALIDATION', message, [{ path, message }]);
    },
  };
}

// ---------- Quotes ----------

export interface QuoteRequest {
  grams: number;
  /** The citizen's end: code or name (see ProvinceDirectory.find). */
  destinationProvince: string;
  /** The agency's province, code or name. */
  agencyProvince: string;
  direction: PostalDirection;
  forwardFee?: boolean;
  exemption?: string;
}

export type CoreQuote = Omit<PostageQuote, 'tariffId'>;

const fail = (message: string, path: string, extra: Record<string, unknown> = {}): never => {
  throw new DeskError('VALIDATION', message, [{ path, message, ...extra }]);
};

const zoneLabel = (tariff: PostalTariff, zone: PostalZone) =>
  tariff.zones.find((z) => z.id === zone)?.label ?? (zone === 'noi_tinh' ? 'Nội tỉnh' : 'Liên tỉnh');

/** The bands of one zone and direction, in the tariff's (ascending) order. */
export const bandsOf = (tariff: PostalTariff, zone: PostalZone, leg: PostalLeg): TariffBand[] =>
  tariff.bands.filter((b) => b.zone === zone && b.direction === leg);

/** The heaviest item a zone and direction takes without extra steps (null: no band). */
export function maxGrams(tariff: PostalTariff, zone: PostalZone, leg: PostalLeg): number | null {
  const bands = bandsOf(tariff, zone, leg);
  return bands.length === 0 ? null : Math.max(...bands.map((b) => b.maxGrams));
}

function legLines(tariff: PostalTariff, zone: PostalZone, leg: PostalLeg, grams: number): QuoteLine[] {
  const legLabel = POSTAL_LEG_LABELS[leg];
  const zl = lower(zoneLabel(tariff, zone));
  const bands = bandsOf(tariff, zone, leg);
  if (bands.length === 0) {
    return fail(
      `Bảng cước "${tariff.name}" chưa có giá cho ${lower(legLabel)}, ${zl}: cần bổ sung trong ${TARIFF_SETTINGS_PATH}`,
      'direction',
    );
  }
  const band = bands.find((b) => grams <= b.maxGrams);
  if (band) {
    return [{ label: `${legLabel}, ${zl}, đến ${band.maxGrams} g`, amount: band.price, detail: `Bưu gửi ${grams} g: bậc khối lượng đến ${band.maxGrams} g` }];
  }
  const last = bands[bands.length - 1] as TariffBand;
  const step = tariff.extraStep?.find((s) => s.zone === zone && s.direction === leg);
  if (!step) {
    return fail(
      `Bưu gửi ${grams} g vượt khối lượng tối đa ${last.maxGrams} g của bảng cước "${tariff.name}" (áp dụng từ ` +
        `${isoDayToVn(tariff.validFrom)}) cho ${lower(legLabel)}, ${zl}. Bảng cước cần thêm bậc khối lượng lớn hơn trong ` +
        `${TARIFF_SETTINGS_PATH}.`,
      'grams',
      { grams, maxGrams: last.maxGrams },
    );
  }
  const over = grams - last.maxGrams;
  const steps = Math.ceil(over / step.grams);
  return [
    { label: `${legLabel}, ${zl}, đến ${last.maxGrams} g`, amount: last.price, detail: `Bưu gửi ${grams} g: bậc khối lượng cao nhất, đến ${last.maxGrams} g` },
    {
      label: `${legLabel}, ${zl}, mỗi ${step.grams} g tiếp theo`,
      amount: steps * step.price,
      detail: `${steps} × ${vnd(step.price)}: ${over} g vượt quá ${last.maxGrams} g, mỗi ${step.grams} g đã bắt đầu tính trọn một nấc`,
    },
  ];
}

/**
 * The postage of one item (one leg or both: two-way is the sum of the legs), every line shown: the legs with their
 * band, the extra steps, the forwarded-fee surcharge, VAT when prices exclude it (rounded to the đồng), and an
 * exemption that brings the total to 0. Refusals are VALIDATION DeskErrors with a Vietnamese message.
 */
export function quotePostage(tariff: PostalTariff, req: QuoteRequest, provinces: ProvinceDirectory): CoreQuote {
  const { grams } = req;
  if (typeof grams !== 'number' || !Number.isInteger(grams) || grams <= 0) fail(GRAMS_MESSAGE, 'grams');
  const agency = provinces.require(req.agencyProvince, 'fromProvince');
  const other = provinces.require(req.destinationProvince, 'province');
  const zone: PostalZone = agency.code === other.code ? 'noi_tinh' : 'lien_tinh';
  const legs: PostalLeg[] = req.direction === 'both' ? ['send', 'return'] : [req.direction];

  const exemption = req.exemption === undefined ? null : (tariff.exemptions.find((e) => e.id === req.exemption) ?? null);
  if (req.exemption !== undefined && !exemption) {
    const known = tariff.exemptions.map((e) => `${e.id} (${e.label})`).join(', ') || 'không có';
    fail(`Bảng cước "${tariff.name}" không có đối tượng miễn cước "${req.exemption}"; các đối tượng: ${known}`, 'exemption');
  }

  const lines: QuoteLine[] = legs.flatMap((leg) => legLines(tariff, zone, leg, grams));
  if (req.forwardFee) {
    const fee = tariff.surcharges.find((s) => s.id === FORWARD_FEE_ID);
    if (!fee) fail(`Bảng cước "${tariff.name}" không có phụ phí chuyển phí về cơ quan (${FORWARD_FEE_ID})`, 'forwardFee');
    else lines.push({ label: fee.label, amount: fee.amount, detail: 'Thu một lần cho mỗi hồ sơ' });
  }
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);

  let vat = 0;
  if (!tariff.vatIncluded && tariff.vatRate > 0) {
    // integer arithmetic: the rate in hundredths of a percent, rounded half up to the đồng
    const basisPoints = Math.round(tariff.vatRate * 10_000);
    vat = Math.round((subtotal * basisPoints) / 10_000);
    lines.push({
      label: `Thuế GTGT ${percent(tariff.vatRate)}`,
      amount: vat,
      detail: `${percent(tariff.vatRate)} × ${vnd(subtotal)}, làm tròn đến đồng (giá trong bảng cước chưa gồm thuế GTGT)`,
    });
  }

  let exempted = 0;
  if (exemption) {
    exempted = subtotal + vat;
    lines.push({ label: `Miễn cước: ${exemption.label}`, amount: -exempted, detail: 'Đối tượng được miễn cước theo bảng cước đang áp dụng' });
  }

  const warnings: string[] = [];
  if (tariff.needsConfirmation) {
    warnings.push(`Giá cước mặc định theo số liệu công bố; cần xác nhận với Bưu điện tỉnh (bảng cước "${tariff.name}").`);
  }

  return {
    tariffName: tariff.name,
    tariffValidFrom: tariff.validFrom,
    needsConfirmation: tariff.needsConfirmation,
    grams,
    direction: req.direction,
    zone,
    zoneLabel: zoneLabel(tariff, zone),
    agencyProvince: { code: agency.code, name: agency.name },
    province: { code: other.code, name: other.name },
    lines,
    subtotal,
    vat,
    vatIncluded: tariff.vatIncluded,
    vatRate: tariff.vatRate,
    exempted,
    total: subtotal + vat - exempted,
    exemption: exemption ? { id: exemption.id, label: exemption.label } : null,
    warnings,
  };
}

// ---------- Checking a tariff before it is saved ----------

export interface TariffProblem {
  path: string;
  message: string;
}

const isRealDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/**
 * What the schema cannot say about a tariff: both zones, both directions per zone, bands ascending with positive
 * prices that do not fall as the weight grows, one extra step per zone and direction, unique ids.
 */
export function validateTariff(t: PostalTariff): TariffProblem[] {
  const problems: TariffProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (!isRealDay(t.validFrom)) add('validFrom', `Ngày áp dụng ${isoDayToVn(t.validFrom)} không có trên lịch`);
  if (!t.vatIncluded && t.vatRate <= 0) add('vatRate', 'Giá chưa gồm thuế GTGT: cần thuế suất GTGT lớn hơn 0 (ví dụ 0.1)');

  const zoneIds = t.zones.map((z) => z.id);
  t.zones.forEach((z, i) => {
    if (zoneIds.indexOf(z.id) !== i) add(`zones.${i}.id`, `Vùng "${z.label}" khai báo hai lần`);
  });
  const missingZones = POSTAL_ZONES.filter((z) => !zoneIds.includes(z));
  if (missingZones.length > 0) add('zones', 'Bảng cước phải có đủ hai vùng: nội tỉnh (noi_tinh) và liên tỉnh (lien_tinh)');

  const where = (zone: PostalZone, leg: PostalLeg) => `${lower(POSTAL_LEG_LABELS[leg])}, ${lower(zoneLabel(t, zone))}`;
  t.bands.forEach((b, i) => {
    if (!zoneIds.includes(b.zone)) add(`bands.${i}.zone`, `Bậc cước thứ ${i + 1} thuộc vùng chưa khai báo (${b.zone})`);
    if (b.price <= 0) add(`bands.${i}.price`, `Giá cước bậc đến ${b.maxGrams} g (${where(b.zone, b.direction)}) phải lớn hơn 0`);
  });
  for (const zone of POSTAL_ZONES) {
    if (!zoneIds.includes(zone)) continue;
    for (const leg of POSTAL_LEGS) {
      const indexed = t.bands.map((b, i) => ({ b, i })).filter(({ b }) => b.zone === zone && b.direction === leg);
      if (indexed.length === 0) {
        add('bands', `Chưa có bậc cước nào cho ${where(zone, leg)}: mỗi vùng cần giá cả chiều gửi hồ sơ và chiều trả kết quả`);
        continue;
      }
      for (let k = 1; k < indexed.length; k++) {
        const prev = (indexed[k - 1] as { b: TariffBand }).b;
        const { b, i } = indexed[k] as { b: TariffBand; i: number };
        if (b.maxGrams <= prev.maxGrams) {
          add(`bands.${i}.maxGrams`, `Các bậc khối lượng (${where(zone, leg)}) phải tăng dần: bậc đến ${b.maxGrams} g đứng sau bậc đến ${prev.maxGrams} g`);
        } else if (b.price < prev.price) {
          add(
            `bands.${i}.price`,
            `Giá bậc đến ${b.maxGrams} g (${vnd(b.price)}) thấp hơn giá bậc nhẹ hơn đến ${prev.maxGrams} g (${vnd(prev.price)}), ${where(zone, leg)}`,
          );
        }
      }
    }
  }

  (t.extraStep ?? []).forEach((s, i) => {
    const first = (t.extraStep ?? []).findIndex((o) => o.zone === s.zone && o.direction === s.direction);
    if (first !== i) add(`extraStep.${i}`, `Nấc tiếp theo của ${where(s.zone, s.direction)} khai báo hai lần`);
    if (!zoneIds.includes(s.zone)) add(`extraStep.${i}.zone`, `Nấc tiếp theo thuộc vùng chưa khai báo (${s.zone})`);
    if (s.price <= 0) add(`extraStep.${i}.price`, `Giá mỗi ${s.grams} g tiếp theo (${where(s.zone, s.direction)}) phải lớn hơn 0`);
  });

  t.surcharges.forEach((s, i) => {
    if (t.surcharges.findIndex((o) => o.id === s.id) !== i) add(`surcharges.${i}.id`, `Mã phụ phí "${s.id}" trùng`);
    if (s.amount <= 0) add(`surcharges.${i}.amount`, `Mức phụ phí "${s.label}" phải lớn hơn 0`);
  });
  t.exemptions.forEach((e, i) => {
    if (t.exemptions.findIndex((o) => o.id === e.id) !== i) add(`exemptions.${i}.id`, `Mã đối tượng miễn cước "${e.id}" trùng`);
  });
  return problems;
}

export type ParsedTariff = { ok: true; tariff: PostalTariff } | { ok: false; problems: TariffProblem[] };

/** A tariff from anywhere (the shipped file, a stored row, an import): the schema, then validateTariff. */
export function parseTariff(raw: unknown): ParsedTariff {
  const parsed = postalTariff.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
  }
  const problems = validateTariff(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tariff: parsed.data };
}
