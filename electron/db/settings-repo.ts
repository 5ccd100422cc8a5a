import type { Db } from './connection';

export interface AgencyRow {
  id: number;
  agencyCode: string;
  agencyName: string;
  parentName: string;
  placeName: string;
  provinceName: string;
  adminUnitCode: string;
  address: string;
  phone: string;
  email: string;
  validFrom: number;
}

/** Agency settings are dated rows: a change adds a row, and each dossier points at the row in force. */
export function settingsRepo(db: Db) {
  const currentAgency = db.prepare<[], AgencyRow>(
    `SELECT id, agency_code AS agencyCode, agency_name AS agencyName, parent_name AS parentName,
            place_name AS placeName, province_name AS provinceName, admin_unit_code AS adminUnitCode,
            address, phone, email, valid_from AS validFrom
       FROM agency_settings ORDER BY id DESC LIMIT 1`,
  );
  const agencyById = db.prepare<[number], AgencyRow>(
    `SELECT id, agency_code AS agencyCode, agency_name AS agencyName, parent_name AS parentName,
            place_name AS placeName, province_name AS provinceName, admin_unit_code AS adminUnitCode,
            address, phone, email, valid_from AS validFrom
       FROM agency_settings WHERE id = ?`,
  );
  const insertAgency = db.prepare(
    `INSERT INTO agency_settings (agency_code, agency_name, parent_name, place_name, province_name,
                                  admin_unit_code, address, phone, email, valid_from)
     VALUES (@agencyCode, @agencyName, @parentName, @placeName, @provinceName, @adminUnitCode,
             @address, @phone, @email, @validFrom)`,
  );
  const getState = db.prepare<[string], { value: string }>(`SELECT value FROM app_state WHERE key = ?`);
  const setState = db.prepare(
    `INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );

  return {
    currentAgency: (): AgencyRow | undefined => currentAgency.get(),
    agencyById: (id: number): AgencyRow | undefined => agencyById.get(id),
    addAgency: (row: Omit<AgencyRow, 'id'>): number => Number(insertAgency.run(row).lastInsertRowid),
    getState: (key: string): string | undefined => getState.get(key)?.value,
    setState: (key: string, value: string): void => void setState.run(key, value),
  };
}

export type SettingsRepo = ReturnType<typeof settingsRepo>;
