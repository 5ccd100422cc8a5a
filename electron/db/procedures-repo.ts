import { catalogueFile, catalogueProcedure, type Catalogue, type Procedure } from '../contract';
import type { Db } from './connection';

export interface CatalogueVersionRow {
  id: number;
  version: string;
  effectiveFrom: string;
  source: string;
  importedAt: number;
  importedBy: number | null;
}

/**
 * The procedure catalogue, versioned: every imported catalogue is kept whole (catalogue_versions) and per procedure
 * (procedure_versions); `procedures` holds the version in force of each procedure, and a dossier points at the
 * procedure version it was received under, so later imports never change its rules.
 */
export function proceduresRepo(db: Db) {
  const latest = db.prepare<[], CatalogueVersionRow & { json: string }>(
    `SELECT id, version, effective_from AS effectiveFrom, source, imported_at AS importedAt, imported_by AS importedBy,
            json
       FROM catalogue_versions ORDER BY id DESC LIMIT 1`,
  );
  const history = db.prepare<[], CatalogueVersionRow>(
    `SELECT id, version, effective_from AS effectiveFrom, source, imported_at AS importedAt, imported_by AS importedBy
       FROM catalogue_versions ORDER BY id DESC`,
  );
  const insertCatalogue = db.prepare(
    `INSERT INTO catalogue_versions (version, effective_from, source, imported_at, imported_by, json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO procedure_versions (catalogue_version_id, procedure_id, json) VALUES (?, ?, ?)`,
  );
  // The projection keeps the columns of migration 001 filled, so name and field join cheaply into the queue.
  const upsertCurrent = db.prepare(
    `INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
                             components_json, catalogue_version, current_version_id, retired)
     VALUES (@id, @code, @name, @field, @workingDays, @sameDayCutoff, @timeLimitText, @feeText, @componentsJson,
             @catalogueVersion, @versionId, 0)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, field = excluded.field,
       working_days = excluded.working_days, same_day_cutoff = excluded.same_day_cutoff,
       time_limit_text = excluded.time_limit_text, fee_text = excluded.fee_text,
       components_json = excluded.components_json, catalogue_version = excluded.catalogue_version,
       current_version_id = excluded.current_version_id, retired = 0`,
  );
  const retireMissing = db.prepare(`UPDATE procedures SET retired = 1 WHERE catalogue_version <> ?`);
  const current = db.prepare<[], { versionId: number; json: string }>(
    `SELECT pv.id AS versionId, pv.json FROM procedures p JOIN procedure_versions pv ON pv.id = p.current_version_id
      WHERE p.retired = 0 ORDER BY p.field, p.name`,
  );
  const byVersionId = db.prepare<[number], { json: string }>(`SELECT json FROM procedure_versions WHERE id = ?`);

  // Parsed once per catalogue version: the intake screen and every intake read the list.
  let cache: { catalogueId: number; list: Array<{ versionId: number; procedure: Procedure }> } | null = null;
  const versionCache = new Map<number, Procedure>();

  const inForce = () => {
    const head = latest.get();
    if (!head) return [];
    if (cache?.catalogueId !== head.id) {
      cache = {
        catalogueId: head.id,
        list: current.all().map((r) => ({ versionId: r.versionId, procedure: catalogueProcedure.parse(JSON.parse(r.json)) })),
      };
    }
    return cache.list;
  };

  return {
    /** The catalogue in force (the last imported), or null before the first import. */
    currentCatalogue: (): (CatalogueVersionRow & { catalogue: Catalogue }) | null => {
      const row = latest.get();
      if (!row) return null;
      const { json, ...meta } = row;
      return { ...meta, catalogue: catalogueFile.parse(JSON.parse(json)) };
    },
    currentVersion: (): string | null => latest.get()?.version ?? null,
    history: (): CatalogueVersionRow[] => history.all(),
    list: (): Procedure[] => inForce().map((p) => p.procedure),
    /** The procedure in force with the id of its version (what a new dossier records). */
    find: (id: string): { versionId: number; procedure: Procedure } | undefined => inForce().find((p) => p.procedure.id === id),
    /** The rules a dossier was received under. */
    version: (versionId: number): Procedure => {
      let p = versionCache.get(versionId);
      if (!p) {
        const row = byVersionId.get(versionId);
        if (!row) throw new Error(`procedure version ${versionId} missing`);
        p = catalogueProcedure.parse(JSON.parse(row.json));
        versionCache.set(versionId, p);
      }
      return p;
    },
    /** Puts a validated catalogue in force, keeping every earlier version. One transaction. */
    importCatalogue: (catalogue: Catalogue, importedBy: number | null, at: number): number =>
      db.transaction(() => {
        const catalogueId = Number(
          insertCatalogue.run(catalogue.version, catalogue.effectiveFrom, catalogue.source, at, importedBy, JSON.stringify(catalogue))
            .lastInsertRowid,
        );
        for (const p of catalogue.procedures) {
          const versionId = Number(insertVersion.run(catalogueId, p.id, JSON.stringify(p)).lastInsertRowid);
          upsertCurrent.run({
            id: p.id,
            code: p.code,
            name: p.name,
            field: p.field,
            workingDays: p.timeLimit.kind === 'working_days' ? p.timeLimit.days : 0,
            sameDayCutoff: p.timeLimit.kind === 'working_days' ? p.timeLimit.sameDayCutoff : null,
            timeLimitText: p.timeLimitText,
            feeText: p.feeText,
            componentsJson: JSON.stringify(p.components),
            catalogueVersion: catalogue.version,
            versionId,
          });
        }
        retireMissing.run(catalogue.version);
        return catalogueId;
      })(),
  };
}

export type ProceduresRepo = ReturnType<typeof proceduresRepo>;
