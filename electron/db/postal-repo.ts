import type { PostalLeg, ShipmentStatus } from '../contract/postal';
import type { Db } from './connection';

/** A stored tariff version (body: the JSON document). Instants in ms. */
export interface TariffDbRow {
  id: number;
  validFrom: number;
  body: string;
  officerName: string | null;
  createdAt: number;
}

export interface NewShipment {
  dossierId: number;
  direction: PostalLeg;
  itemNo: string | null;
  grams: number;
  provinceCode: string;
  ward: string;
  address: string;
  recipient: string;
  amount: number;
  /** the quote's JSON, with the tariff version it used */
  quote: string;
  officerId: number | null;
  createdAt: number;
}

export interface ShipmentDbRow extends Omit<NewShipment, 'officerId'> {
  id: number;
  dossierCode: string;
  applicantName: string;
  status: ShipmentStatus;
  statusAt: number;
  manifestId: number | null;
  manifestNumber: string | null;
  officerName: string | null;
}

export interface ManifestDbRow {
  id: number;
  number: string;
  createdAt: number;
  officerName: string | null;
  postalWorker: string;
  items: number;
  total: number;
  totalGrams: number;
  sha256: string;
  size: number;
}

/** Filters of the shipment register; absent ones are null. Instants in ms, `to` exclusive. */
export interface ShipmentFilter {
  status: ShipmentStatus | null;
  direction: PostalLeg | null;
  dossierId: number | null;
  from: number | null;
  to: number | null;
}

const TARIFF_COLUMNS = `t.id, t.valid_from AS validFrom, t.body, o.full_name AS officerName, t.created_at AS createdAt`;
const TARIFF_FROM = `postal_tariffs t LEFT JOIN officers o ON o.id = t.officer_id`;

const SHIPMENT_COLUMNS = `s.id, s.dossier_id AS dossierId, d.code AS dossierCode, d.applicant_name AS applicantName,
  s.direction, s.item_no AS itemNo, s.grams, s.province_code AS provinceCode, s.ward, s.address, s.recipient, s.amount,
  s.quote, s.status, s.status_at AS statusAt, s.manifest_id AS manifestId, m.number AS manifestNumber,
  o.full_name AS officerName, s.created_at AS createdAt`;
const SHIPMENT_FROM = `postal_shipments s JOIN dossiers d ON d.id = s.dossier_id
  LEFT JOIN postal_manifests m ON m.id = s.manifest_id LEFT JOIN officers o ON o.id = s.officer_id`;
// One statement for every combination of filters: the register holds hundreds of rows a year, not millions.
const SHIPMENT_WHERE = `(@status IS NULL OR s.status = @status) AND (@direction IS NULL OR s.direction = @direction)
  AND (@dossierId IS NULL OR s.dossier_id = @dossierId) AND (@from IS NULL OR s.created_at >= @from)
  AND (@to IS NULL OR s.created_at < @to)`;

const MANIFEST_COLUMNS = `m.id, m.number, m.created_at AS createdAt, o.full_name AS officerName, m.postal_worker AS postalWorker,
  m.items, m.total, (SELECT COALESCE(SUM(s.grams), 0) FROM postal_shipments s WHERE s.manifest_id = m.id) AS totalGrams,
  m.sha256, length(m.content) AS size`;
const MANIFEST_FROM = `postal_manifests m LEFT JOIN officers o ON o.id = m.officer_id`;

export function postalRepo(db: Db) {
  const tariffCount = db.prepare<[], number>(`SELECT count(*) FROM postal_tariffs`).pluck();
  const insertTariff = db.prepare(
    `INSERT INTO postal_tariffs (valid_from, body, officer_id, created_at) VALUES (@validFrom, @body, @officerId, @createdAt)`,
  );
  // The latest dated version that has begun; on equal dates the later save wins (a same-day correction).
  const tariffInForce = db.prepare<[number], TariffDbRow>(
    `SELECT ${TARIFF_COLUMNS} FROM ${TARIFF_FROM} WHERE t.valid_from <= ? ORDER BY t.valid_from DESC, t.id DESC LIMIT 1`,
  );
  const earliestTariff = db.prepare<[], TariffDbRow>(
    `SELECT ${TARIFF_COLUMNS} FROM ${TARIFF_FROM} ORDER BY t.valid_from, t.id LIMIT 1`,
  );
  const tariffById = db.prepare<[number], TariffDbRow>(`SELECT ${TARIFF_COLUMNS} FROM ${TARIFF_FROM} WHERE t.id = ?`);
  const tariffs = db.prepare<[], TariffDbRow>(`SELECT ${TARIFF_COLUMNS} FROM ${TARIFF_FROM} ORDER BY t.valid_from DESC, t.id DESC`);

  const insertShipment = db.prepare(
    `INSERT INTO postal_shipments (dossier_id, direction, item_no, grams, province_code, ward, address, recipient, amount,
       quote, status, status_at, officer_id, created_at)
     VALUES (@dossierId, @direction, @itemNo, @grams, @provinceCode, @ward, @address, @recipient, @amount,
       @quote, 'prepared', @createdAt, @officerId, @createdAt)`,
  );
  const shipmentById = db.prepare<[number], ShipmentDbRow>(`SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE s.id = ?`);
  const shipmentByItemNo = db.prepare<[string], ShipmentDbRow>(`SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE s.item_no = ?`);
  const setItemNo = db.prepare<[string | null, number]>(`UPDATE postal_shipments SET item_no = ? WHERE id = ?`);
  // Guarded by the status read: a second counter that changed it first makes this a no-op (0 changes).
  const setStatus = db.prepare<[ShipmentStatus, number, number, ShipmentStatus]>(
    `UPDATE postal_shipments SET status = ?, status_at = ? WHERE id = ? AND status = ?`,
  );
  const handOver = db.prepare<[number, number, number]>(
    `UPDATE postal_shipments SET status = 'handed_over', status_at = ?, manifest_id = ? WHERE id = ? AND status = 'prepared'`,
  );
  const page = db.prepare<ShipmentFilter & { before: number; limit: number }, ShipmentDbRow>(
    `SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE ${SHIPMENT_WHERE} AND s.id < @before ORDER BY s.id DESC LIMIT @limit`,
  );
  const totals = db.prepare<ShipmentFilter, { count: number; amount: number }>(
    `SELECT count(*) AS count, COALESCE(SUM(s.amount), 0) AS amount FROM postal_shipments s WHERE ${SHIPMENT_WHERE}`,
  );
  const preparedReturns = db.prepare<[], number>(
    `SELECT id FROM postal_shipments WHERE status = 'prepared' AND direction = 'return' ORDER BY id`,
  ).pluck();
  const ofManifest = db.prepare<[number], ShipmentDbRow>(
    `SELECT ${SHIPMENT_COLUMNS} FROM ${SHIPMENT_FROM} WHERE s.manifest_id = ? ORDER BY s.id`,
  );

  const lastManifestNo = db.prepare<{ prefix: string }, number | null>(
    `SELECT MAX(CAST(substr(number, length(@prefix) + 1) AS INTEGER)) FROM postal_manifests WHERE number LIKE @prefix || '%'`,
  ).pluck();
  const insertManifest = db.prepare(
    `INSERT INTO postal_manifests (number, created_at, officer_id, postal_worker, items, total, sha256, content)
     VALUES (@number, @createdAt, @officerId, @postalWorker, @items, @total, @sha256, @content)
     ON CONFLICT (number) DO NOTHING`,
  );
  const manifestById = db.prepare<[number], ManifestDbRow>(`SELECT ${MANIFEST_COLUMNS} FROM ${MANIFEST_FROM} WHERE m.id = ?`);
  const manifestContent = db.prepare<[number], Buffer>(`SELECT content FROM postal_manifests WHERE id = ?`).pluck();
  const manifests = db.prepare<{ from: number; to: number; before: number; limit: number }, ManifestDbRow>(
    `SELECT ${MANIFEST_COLUMNS} FROM ${MANIFEST_FROM} WHERE m.created_at >= @from AND m.created_at < @to AND m.id < @before
     ORDER BY m.id DESC LIMIT @limit`,
  );
  const officerName = db.prepare<[number], string>(`SELECT full_name FROM officers WHERE id = ?`).pluck();

  return {
    tariffCount: (): number => tariffCount.get() as number,
    insertTariff: (row: { validFrom: number; body: string; officerId: number | null; createdAt: number }): number =>
      Number(insertTariff.run(row).lastInsertRowid),
    tariffInForce: (at: number): TariffDbRow | undefined => tariffInForce.get(at),
    earliestTariff: (): TariffDbRow | undefined => earliestTariff.get(),
    tariffById: (id: number): TariffDbRow | undefined => tariffById.get(id),
    tariffs: (): TariffDbRow[] => tariffs.all(),

    insertShipment: (row: NewShipment): number => Number(insertShipment.run(row).lastInsertRowid),
    shipmentById: (id: number): ShipmentDbRow | undefined => shipmentById.get(id),
    shipmentByItemNo: (itemNo: string): ShipmentDbRow | undefined => shipmentByItemNo.get(itemNo),
    setItemNo: (id: number, itemNo: string | null): void => void setItemNo.run(itemNo, id),
    /** True when the shipment was still in `expected` and now is in `status`. */
    setStatus: (id: number, expected: ShipmentStatus, status: ShipmentStatus, at: number): boolean =>
      setStatus.run(status, at, id, expected).changes === 1,
    handOver: (id: number, manifestId: number, at: number): boolean => handOver.run(at, manifestId, id).changes === 1,
    /** Newest first, up to `limit` rows with ids below `before`. */
    page: (filter: ShipmentFilter, before: number | undefined, limit: number): ShipmentDbRow[] =>
      page.all({ ...filter, before: before ?? Number.MAX_SAFE_INTEGER, limit }),
    totals: (filter: ShipmentFilter): { count: number; amount: number } => totals.get(filter) as { count: number; amount: number },
    preparedReturnIds: (): number[] => preparedReturns.all() as number[],
    shipmentsOfManifest: (manifestId: number): ShipmentDbRow[] => ofManifest.all(manifestId),

    /** The highest sequence number used with this prefix ("BG-2026-"), 0 when none. */
    lastManifestNo: (prefix: string): number => (lastManifestNo.get({ prefix }) as number | null | undefined) ?? 0,
    /** The new id, or null when the number was taken meanwhile (another counter). */
    insertManifest: (row: {
      number: string;
      createdAt: number;
      officerId: number | null;
      postalWorker: string;
      items: number;
      total: number;
      sha256: string;
      content: Buffer;
    }): number | null => {
      const r = insertManifest.run(row);
      return r.changes === 1 ? Number(r.lastInsertRowid) : null;
    },
    manifestById: (id: number): ManifestDbRow | undefined => manifestById.get(id),
    manifestContent: (id: number): Buffer | undefined => manifestContent.get(id),
    manifests: (q: { from: number; to: number; before?: number; limit: number }): ManifestDbRow[] =>
      manifests.all({ ...q, before: q.before ?? Number.MAX_SAFE_INTEGER }),
    officerName: (id: number | null): string | null => (id === null ? null : (officerName.get(id) ?? null)),
  };
}

export type PostalRepo = ReturnType<typeof postalRepo>;
