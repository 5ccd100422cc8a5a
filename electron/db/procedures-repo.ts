import type { Procedure } from '../contract/schemas';
import type { Db } from './connection';

interface ProcedureDbRow {
  id: string;
  code: string | null;
  name: string;
  field: string;
  workingDays: number;
  sameDayCutoff: string | null;
  timeLimitText: string;
  feeText: string;
  componentsJson: string;
}

const toProcedure = (r: ProcedureDbRow): Procedure => ({
  id: r.id,
  code: r.code,
  name: r.name,
  field: r.field,
  workingDays: r.workingDays,
  sameDayCutoff: r.sameDayCutoff,
  timeLimitText: r.timeLimitText,
  feeText: r.feeText,
  components: JSON.parse(r.componentsJson) as Procedure['components'],
});

export function proceduresRepo(db: Db) {
  const all = db.prepare<[], ProcedureDbRow>(
    `SELECT id, code, name, field, working_days AS workingDays, same_day_cutoff AS sameDayCutoff,
            time_limit_text AS timeLimitText, fee_text AS feeText, components_json AS componentsJson
       FROM procedures ORDER BY field, name`,
  );
  const upsert = db.prepare(
    `INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
                             components_json, catalogue_version)
     VALUES (@id, @code, @name, @field, @workingDays, @sameDayCutoff, @timeLimitText, @feeText, @componentsJson,
             @catalogueVersion)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, field = excluded.field,
       working_days = excluded.working_days, same_day_cutoff = excluded.same_day_cutoff,
       time_limit_text = excluded.time_limit_text, fee_text = excluded.fee_text,
       components_json = excluded.components_json, catalogue_version = excluded.catalogue_version`,
  );
  const version = db.prepare<[], { v: string }>(`SELECT max(catalogue_version) AS v FROM procedures`);

  return {
    list: (): Procedure[] => all.all().map(toProcedure),
    catalogueVersion: (): string | null => version.get()?.v ?? null,
    /** Loads a catalogue (one transaction). Dossiers keep the procedure id; versioned rules come with issue 3. */
    load: (procedures: readonly Procedure[], catalogueVersion: string): void => {
      db.transaction(() => {
        for (const p of procedures) {
          upsert.run({ ...p, componentsJson: JSON.stringify(p.components), catalogueVersion });
        }
      })();
    },
  };
}

export type ProceduresRepo = ReturnType<typeof proceduresRepo>;
