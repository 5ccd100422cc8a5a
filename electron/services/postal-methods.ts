import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  DeskError,
  SHIPMENT_STATUS_LABELS,
  type ManifestMeta,
  type MethodOutput,
  type ParsedInput,
  type PostageQuote,
  type PostalDirection,
  type PostalTariff,
  type Shipment,
  type TariffVersion,
} from '../contract';
import type { POSTAL_METHOD_NAMES } from '../contract/postal-names';
import { parseTariff, provinceDirectory, quotePostage, validateTariff, type ProvinceDirectory } from '../core/postage';
import { fromVnParts, isoDayToVn, vnParts } from '../core/vntime';
import type { Db } from '../db/connection';
import { postalRepo, type ManifestDbRow, type ShipmentDbRow, type ShipmentFilter, type TariffDbRow } from '../db/postal-repo';
import type { AgencyRow } from '../db/settings-repo';
import type { DossierDbRow } from '../db/dossiers-repo';
import { FontStore } from '../documents/fonts';
import { renderPostalManifest } from '../documents/postal-manifest';

export interface PostalDeps {
  db: Db;
  clock: () => Date;
  /** The signed-in officer's id (null for the system). */
  officerId: () => number | null;
  requireAgency: () => AgencyRow;
  requireDossier: (id: number) => DossierDbRow;
  resourcesDir: string;
  fontsDir: string;
}

type Methods = (typeof POSTAL_METHOD_NAMES)[number];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** The instant a Vietnamese calendar day 'YYYY-MM-DD' begins. */
const dayStart = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return fromVnParts(y, m, d).getTime();
};
const fieldError = (code: 'VALIDATION' | 'CONFLICT' | 'INVALID_STATE', path: string, message: string) =>
  new DeskError(code, message, [{ path, message }]);

/** The shipped files of resources/postal/: the default tariff and the 34 provinces. */
export function loadPostalResources(resourcesDir: string): { tariff: PostalTariff; provinces: ProvinceDirectory } {
  const dir = path.join(resourcesDir, 'postal');
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;
  const parsed = parseTariff(read('tariff-default.json'));
  if (!parsed.ok) {
    throw new Error(`Bảng cước mặc định kèm theo phần mềm không hợp lệ: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  return { tariff: parsed.tariff, provinces: provinceDirectory(read('provinces.json')) };
}

/**
 * The contract methods of postal delivery (bưu chính công ích): the dated tariff (the shipped default goes in on first
 * use), quotes that record the tariff version they used, the shipment register and the batch hand-over lists.
 */
export function postalMethods(deps: PostalDeps): { [M in Methods]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> } {
  const { db, clock } = deps;
  const repo = postalRepo(db);
  // Read on first use: a desk whose postal files are damaged still opens, and says so when postage is asked for.
  let shipped: ReturnType<typeof loadPostalResources> | undefined;
  const resources = () => (shipped ??= loadPostalResources(deps.resourcesDir));
  const provinces = () => resources().provinces;
  let fontStore: FontStore | undefined;
  const fonts = () => (fontStore ??= new FontStore(deps.fontsDir));

  // ---------- tariff versions ----------

  const bodies = new Map<number, PostalTariff>();
  const tariffOf = (row: TariffDbRow): PostalTariff => {
    let t = bodies.get(row.id);
    if (!t) {
      const parsed = parseTariff(JSON.parse(row.body) as unknown);
      if (!parsed.ok) throw new DeskError('INTERNAL', `Bảng cước đã lưu số ${row.id} không đọc được: ${parsed.problems[0]?.message ?? ''}`);
      t = parsed.tariff;
      bodies.set(row.id, t);
    }
    return t;
  };
  const toVersion = (row: TariffDbRow): TariffVersion => ({
    id: row.id,
    validFrom: tariffOf(row).validFrom,
    createdAt: iso(row.createdAt),
    officerName: row.officerName,
    tariff: tariffOf(row),
  });

  /** The shipped default becomes the first version when the table is empty (officer null). */
  const ensureTariff = () => {
    if (repo.tariffCount() > 0) return;
    const tariff = resources().tariff;
    db.transaction(() => {
      if (repo.tariffCount() > 0) return; // another counter did it meanwhile
      repo.insertTariff({ validFrom: dayStart(tariff.validFrom), body: JSON.stringify(tariff), officerId: null, createdAt: clock().getTime() });
    }).immediate();
  };
  /** The latest version whose day has begun; when all are future-dated, the earliest one. */
  const inForceRow = (now: number): TariffDbRow => {
    ensureTariff();
    return (repo.tariffInForce(now) ?? repo.earliestTariff()) as TariffDbRow;
  };
  const tariffView = (): MethodOutput<'getPostalTariff'> => {
    const now = clock().getTime();
    const inForce = inForceRow(now);
    const rows = repo.tariffs();
    return {
      inForce: toVersion(inForce),
      upcoming: rows.filter((r) => r.validFrom > now).reverse().map(toVersion),
      history: rows.map(toVersion),
    };
  };

  // ---------- quotes ----------

  const agencyProvince = (): string => {
    let name: string;
    try {
      name = deps.requireAgency().provinceName;
    } catch (err) {
      if (err instanceof DeskError && err.code === 'NOT_CONFIGURED') {
        throw new DeskError('NOT_CONFIGURED', 'Chưa thiết lập đơn vị nên chưa biết tỉnh nơi gửi để chọn vùng cước (nội tỉnh hay liên tỉnh). Hãy hoàn tất bước thiết lập lần đầu.');
      }
      throw err;
    }
    const unit = provinces().find(name);
    if (!unit) {
      throw new DeskError(
        'VALIDATION',
        `Tỉnh của đơn vị "${name}" (Cài đặt → Đơn vị) không có trong danh mục ${provinces().units.length} tỉnh, thành phố từ 01/7/2025: sửa tên tỉnh để tính được vùng cước.`,
      );
    }
    return unit.code;
  };

  const quote = (
    q: { grams: number; province: string; direction: PostalDirection; forwardFee: boolean; exemption?: string; fromProvince?: string },
    now: Date,
  ): PostageQuote => {
    const row = inForceRow(now.getTime());
    const core = quotePostage(
      tariffOf(row),
      {
        grams: q.grams,
        destinationProvince: q.province,
        agencyProvince: q.fromProvince ?? agencyProvince(),
        direction: q.direction,
        forwardFee: q.forwardFee,
        ...(q.exemption !== undefined ? { exemption: q.exemption } : {}),
      },
      provinces(),
    );
    return { tariffId: row.id, ...core };
  };

  // ---------- shipments ----------

  const toShipment = (row: ShipmentDbRow): Shipment => ({
    id: row.id,
    dossierId: row.dossierId,
    dossierCode: row.dossierCode,
    applicantName: row.applicantName,
    direction: row.direction,
    itemNo: row.itemNo,
    grams: row.grams,
    provinceCode: row.provinceCode,
    provinceName: provinces().find(row.provinceCode)?.name ?? row.provinceCode,
    ward: row.ward,
    address: row.address,
    recipient: row.recipient,
    amount: row.amount,
    status: row.status,
    statusAt: iso(row.statusAt),
    manifestId: row.manifestId,
    manifestNumber: row.manifestNumber,
    createdAt: iso(row.createdAt),
    officerName: row.officerName,
    quote: JSON.parse(row.quote) as PostageQuote,
  });
  const requireShipment = (id: number): ShipmentDbRow => {
    const row = repo.shipmentById(id);
    if (!row) throw new DeskError('NOT_FOUND', `Không tìm thấy bưu gửi số ${id}`);
    return row;
  };
  const checkItemNoFree = (itemNo: string, self: number | null) => {
    const other = repo.shipmentByItemNo(itemNo);
    if (other && other.id !== self) {
      throw fieldError('CONFLICT', 'itemNo', `Số hiệu bưu gửi ${itemNo} đã dùng cho bưu gửi của hồ sơ ${other.dossierCode}`);
    }
  };

  // ---------- manifests ----------

  const toManifest = (row: ManifestDbRow): ManifestMeta => ({
    id: row.id,
    number: row.number,
    createdAt: iso(row.createdAt),
    officerName: row.officerName,
    postalWorker: row.postalWorker,
    items: row.items,
    totalGrams: row.totalGrams,
    total: row.total,
    sha256: row.sha256,
    size: row.size,
    fileName: `${row.number}.pdf`,
  });
  const requireManifest = (id: number): ManifestDbRow => {
    const row = repo.manifestById(id);
    if (!row) throw new DeskError('NOT_FOUND', `Không tìm thấy danh sách bàn giao số ${id}`);
    return row;
  };

  return {
    getPostalTariff: () => tariffView(),

    savePostalTariff: ({ tariff }) => {
      const problems = validateTariff(tariff);
      if (problems.length > 0) {
        throw new DeskError(
          'VALIDATION',
          problems[0]?.message ?? 'Bảng cước không hợp lệ',
          problems.map((p) => ({ path: `tariff.${p.path}`, message: p.message })),
        );
      }
      const now = clock().getTime();
      const current = inForceRow(now);
      // An earlier date than the version in force would never be in force itself.
      if (dayStart(tariff.validFrom) < current.validFrom) {
        throw fieldError(
          'VALIDATION',
          'tariff.validFrom',
          `Ngày áp dụng phải từ ${isoDayToVn(tariffOf(current).validFrom)} trở đi (ngày áp dụng của bảng cước đang dùng)`,
        );
      }
      repo.insertTariff({ validFrom: dayStart(tariff.validFrom), body: JSON.stringify(tariff), officerId: deps.officerId(), createdAt: now });
      return tariffView();
    },

    quotePostage: (input) => quote(input, clock()),

    listProvinces: () => {
      let agency: { code: string; name: string } | null = null;
      try {
        const unit = provinces().find(deps.requireAgency().provinceName);
        agency = unit ? { code: unit.code, name: unit.name } : null;
      } catch (err) {
        if (!(err instanceof DeskError && err.code === 'NOT_CONFIGURED')) throw err;
      }
      return {
        provinces: provinces().units.map((u) => ({ code: u.code, name: u.name, fullName: u.fullName, former: u.former })),
        agency,
      };
    },

    createShipment: (input) => {
      const dossier = deps.requireDossier(input.dossierId);
      const now = clock();
      const q = quote(
        { grams: input.grams, province: input.province, direction: input.direction, forwardFee: input.forwardFee, exemption: input.exemption },
        now,
      );
      const agency = deps.requireAgency();
      // The result goes to the citizen; a dossier sent by post comes to the agency.
      const back = input.direction === 'return';
      const recipient = input.recipient || (back ? dossier.applicantName : agency.agencyName);
      const address = input.address || (back ? (dossier.deliveryAddress ?? dossier.address) : agency.address);
      const id = db.transaction(() => {
        if (input.itemNo) checkItemNoFree(input.itemNo, null);
        return repo.insertShipment({
          dossierId: dossier.id,
          direction: input.direction,
          itemNo: input.itemNo ?? null,
          grams: input.grams,
          provinceCode: q.province.code,
          ward: input.ward,
          address,
          recipient,
          amount: q.total,
          quote: JSON.stringify(q),
          officerId: deps.officerId(),
          createdAt: now.getTime(),
        });
      }).immediate();
      return toShipment(requireShipment(id));
    },

    updateShipment: ({ id, itemNo, status, at }) => {
      const now = clock().getTime();
      db.transaction(() => {
        const row = requireShipment(id);
        if (itemNo !== undefined) {
          if (row.status === 'delivered' || row.status === 'returned') {
            throw fieldError('INVALID_STATE', 'itemNo', `Bưu gửi đã ${SHIPMENT_STATUS_LABELS[row.status].toLocaleLowerCase('vi')}: không sửa số hiệu được nữa`);
          }
          if (itemNo === '' && row.status !== 'prepared') {
            throw fieldError('INVALID_STATE', 'itemNo', 'Bưu gửi đã giao bưu điện: chỉ sửa được số hiệu, không xóa');
          }
          if (itemNo !== '') checkItemNoFree(itemNo, id);
          repo.setItemNo(id, itemNo === '' ? null : itemNo);
        }
        if (status !== undefined) {
          if (row.status !== 'handed_over') {
            throw fieldError(
              'INVALID_STATE',
              'status',
              `Chỉ ghi "đã phát" hoặc "chuyển hoàn" cho bưu gửi đã giao bưu điện (bưu gửi này: ${SHIPMENT_STATUS_LABELS[row.status].toLocaleLowerCase('vi')})`,
            );
          }
          const when = at === undefined ? now : Date.parse(at);
          if (when > now + 60_000) throw fieldError('VALIDATION', 'at', 'Thời điểm phát/chuyển hoàn không được ở tương lai');
          if (when < row.statusAt) throw fieldError('VALIDATION', 'at', 'Thời điểm phát/chuyển hoàn không được trước lúc giao bưu điện');
          if (!repo.setStatus(id, 'handed_over', status, when)) {
            throw new DeskError('CONFLICT', 'Bưu gửi vừa được cập nhật ở máy khác; hãy tải lại danh sách.');
          }
        }
      }).immediate();
      return toShipment(requireShipment(id));
    },

    listShipments: (q) => {
      const filter: ShipmentFilter = {
        status: q.status ?? null,
        direction: q.direction ?? null,
        dossierId: q.dossierId ?? null,
        from: q.from ? dayStart(q.from) : null,
        to: q.to ? dayStart(q.to) + DAY_MS : null,
      };
      const rows = repo.page(filter, q.before, q.limit + 1);
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      const totals = repo.totals(filter);
      return {
        items: items.map(toShipment),
        total: totals.count,
        totalAmount: totals.amount,
        next: more ? (items[items.length - 1]?.id ?? null) : null,
      };
    },

    createManifest: async ({ shipmentIds, postalWorker }) => {
      const ids = [...new Set(shipmentIds ?? repo.preparedReturnIds())].sort((a, b) => a - b);
      if (ids.length === 0) throw new DeskError('INVALID_STATE', 'Không có bưu gửi trả kết quả nào đang chờ bàn giao.');
      const rows = ids.map(requireShipment);
      for (const r of rows) {
        if (r.status !== 'prepared') {
          throw fieldError(
            'INVALID_STATE',
            'shipmentIds',
            `Bưu gửi của hồ sơ ${r.dossierCode} đang ở trạng thái "${SHIPMENT_STATUS_LABELS[r.status]}": chỉ bàn giao được bưu gửi chờ bàn giao`,
          );
        }
      }
      const agency = deps.requireAgency();
      const officerId = deps.officerId();
      const officerName = repo.officerName(officerId) ?? '';
      const at = clock();
      const prefix = `BG-${vnParts(at).year}-`;
      const total = rows.reduce((s, r) => s + r.amount, 0);
      // The number is printed on the PDF, so it is chosen before rendering and taken in the transaction that stores
      // it; another counter taking it meanwhile means drawing again with the next one.
      for (let attempt = 0; attempt < 5; attempt++) {
        const number = `${prefix}${String(repo.lastManifestNo(prefix) + 1).padStart(4, '0')}`;
        const pdf = await renderPostalManifest(fonts(), {
          agency,
          number,
          issuedAt: at,
          officerName,
          postalWorker,
          rows: rows.map((r) => ({ dossierCode: r.dossierCode, itemNo: r.itemNo, recipient: r.recipient, address: r.address, grams: r.grams, amount: r.amount })),
        });
        const manifestId = db.transaction(() => {
          const mid = repo.insertManifest({
            number,
            createdAt: at.getTime(),
            officerId,
            postalWorker,
            items: rows.length,
            total,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            content: pdf,
          });
          if (mid === null) return null;
          for (const r of rows) {
            if (!repo.handOver(r.id, mid, at.getTime())) {
              throw new DeskError('CONFLICT', `Bưu gửi của hồ sơ ${r.dossierCode} vừa được bàn giao ở máy khác; hãy tải lại danh sách.`);
            }
          }
          return mid;
        }).immediate();
        if (manifestId !== null) {
          return { ...toManifest(requireManifest(manifestId)), shipments: repo.shipmentsOfManifest(manifestId).map(toShipment) };
        }
      }
      throw new DeskError('CONFLICT', 'Không lấy được số danh sách bàn giao (nhiều máy cùng lập); hãy thử lại.');
    },

    listManifests: ({ year, before, limit }) => {
      const from = year === undefined ? 0 : fromVnParts(year, 1, 1).getTime();
      const to = year === undefined ? Number.MAX_SAFE_INTEGER : fromVnParts(year + 1, 1, 1).getTime();
      const rows = repo.manifests({ from, to, ...(before !== undefined ? { before } : {}), limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items: items.map(toManifest), next: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
    },

    getManifest: ({ id }) => {
      const row = requireManifest(id);
      const content = repo.manifestContent(id) as Buffer;
      return { ...toManifest(row), shipments: repo.shipmentsOfManifest(id).map(toShipment), contentBase64: content.toString('base64') };
    },
  };
}
