import { DeskError } from '../contract';
import { foldVietnamese } from '../core/fold';
import { createWorkCalendar, dueDate, limitOfProcedure, nextOpening, OFFICIAL_HOLIDAY_YEARS } from '../core/calendar';
import { formatDossierCode, dayKey } from '../core/dossier-code';
import { vnParts } from '../core/vntime';
import { openDatabase, type Db } from '../db/connection';
import { AGENCY_DEFAULTS, createDesk } from './desk';
import type { DeskConfig } from './config';
import { createRng, sampleAddress, sampleCccd, samplePerson, samplePhone, weighted } from './seed-data';

export interface SeedOptions {
  dossiers: number;
  /** How far back reception times go. */
  years?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  inserted: number;
  from: string;
  to: string;
  seconds: number;
}

// Secondary indexes dropped during the bulk load and rebuilt after it (architecture: 12 s instead of 98 s at 1M).
const SECONDARY_INDEXES = {
  dossiers_status_received: 'CREATE INDEX dossiers_status_received ON dossiers (status, received_at, id)',
  dossiers_received: 'CREATE INDEX dossiers_received ON dossiers (received_at, id)',
  dossiers_id_number: 'CREATE INDEX dossiers_id_number ON dossiers (id_number)',
  dossiers_phone: 'CREATE INDEX dossiers_phone ON dossiers (phone)',
  events_dossier: 'CREATE INDEX events_dossier ON events (dossier_id, id)',
  events_at: 'CREATE INDEX events_at ON events (at, id)',
  dossiers_tab_received: 'CREATE INDEX dossiers_tab_received ON dossiers (work_tab, received_at, id)',
  dossiers_tab_due: 'CREATE INDEX dossiers_tab_due ON dossiers (work_tab, due_at, id)',
  dossiers_due: 'CREATE INDEX dossiers_due ON dossiers (due_at, id)',
  dossiers_running_received:
    'CREATE INDEX dossiers_running_received ON dossiers (received_at, id, due_at) WHERE status IN (2, 4)',
  dossiers_running_due: 'CREATE INDEX dossiers_running_due ON dossiers (due_at, id) WHERE status IN (2, 4)',
  dossiers_register:
    'CREATE UNIQUE INDEX dossiers_register ON dossiers (register_year, register_no) WHERE register_no IS NOT NULL',
  dossiers_accepted: 'CREATE INDEX dossiers_accepted ON dossiers (accepted_at, id) WHERE accepted_at IS NOT NULL',
  // Migration 006, word for word (a partial index serves only queries that repeat its WHERE).
  dossiers_assignee_received:
    'CREATE INDEX dossiers_assignee_received ON dossiers (assignee_id, received_at, id) WHERE assignee_id IS NOT NULL',
  dossiers_open_assignee_due: `CREATE INDEX dossiers_open_assignee_due ON dossiers (assignee_id, due_at, id)
        WHERE assignee_id IS NOT NULL AND status IN (1, 2, 4, 5, 6, 7)`,
  dossiers_open_assignee_received: `CREATE INDEX dossiers_open_assignee_received ON dossiers (assignee_id, received_at, id)
        WHERE assignee_id IS NOT NULL AND status IN (1, 2, 4, 5, 6, 7)`,
  // Migration 007, word for word.
  dossiers_assignee_tab_received:
    'CREATE INDEX dossiers_assignee_tab_received ON dossiers (assignee_id, work_tab, received_at, id) WHERE assignee_id IS NOT NULL',
  dossiers_assignee_tab_due:
    'CREATE INDEX dossiers_assignee_tab_due ON dossiers (assignee_id, work_tab, due_at, id) WHERE assignee_id IS NOT NULL',
  dossiers_assignee_due: 'CREATE INDEX dossiers_assignee_due ON dossiers (assignee_id, due_at, id) WHERE assignee_id IS NOT NULL',
  dossiers_stale_received: 'CREATE INDEX dossiers_stale_received ON dossiers (received_at, id, updated_at) WHERE status IN (1, 2, 4, 9)',
};

const MERGER = Date.UTC(2025, 6, 1) - 7 * 3600_000;
const DAY = 86_400_000;

/** Old dossiers are mostly finished; the last weeks hold the live work. */
function statusFor(rng: () => number, ageDays: number): number {
  if (ageDays > 30) return weighted(rng, [[10, 86], [9, 2], [3, 4], [7, 3], [8, 2], [4, 1], [5, 2]]);
  if (ageDays > 3) return weighted(rng, [[10, 40], [9, 15], [4, 20], [5, 10], [2, 8], [3, 3], [6, 2], [7, 2]]);
  return weighted(rng, [[1, 20], [2, 30], [4, 25], [5, 8], [9, 10], [10, 5], [6, 2]]);
}

/** The ward's sample specialists, one per field of the catalogue (fields in code-point order), when the desk has none. */
const SPECIALIST_NAMES = ['Nguyễn Thị Thu Hà', 'Trần Văn Hưng', 'Lê Thị Mai Anh', 'Phạm Quốc Bảo', 'Hoàng Minh Đức', 'Đỗ Thị Ngọc Lan'];

/**
 * Who holds a sample dossier, as the desk would have set it (services/desk: acceptance makes the accepting officer
 * the assignee, a forward the specialist of the procedure's field, or nobody when it went to a body at another level;
 * nothing after that changes it). Never accepted (1, 3): nobody. Accepted and still at the desk (2): the desk officer.
 * Processed (4, 5 at appraisal, 6, 9, 10): forwarded, one in twenty to another level. Withdrawn or stopped (7, 8):
 * before or after the forward, half and half.
 */
function assigneeFor(rng: () => number, status: number, deskOfficer: number, specialists: readonly number[]): number | null {
  if (status === 1 || status === 3) return null;
  if (status === 2) return deskOfficer;
  const forwarded = status === 7 || status === 8 ? rng() < 0.5 : true;
  if (!forwarded) return deskOfficer;
  if (specialists.length === 0 || rng() < 0.05) return null;
  return specialists[Math.floor(rng() * specialists.length)]!;
}

/**
 * Bulk-loads sample dossiers in reception order (so rowids follow reception time), with codes from a per-day
 * sequence that continues the agency's counters. Configures the default agency first on a fresh data folder.
 */
export function seedDossiers(config: DeskConfig, options: SeedOptions): SeedReport {
  const started = process.hrtime.bigint();
  const clock = config.clock ?? (() => new Date());
  const desk = createDesk(config);
  desk.close();

  const db = openDatabase(config.dataDir);
  try {
    let agency = db.prepare('SELECT id, agency_code AS code FROM agency_settings ORDER BY id DESC LIMIT 1').get() as
      | { id: number; code: string }
      | undefined;
    if (!agency) {
      const now = clock().getTime();
      db.transaction(() => {
        const info = db
          .prepare(
            `INSERT INTO agency_settings (agency_code, agency_name, parent_name, place_name, province_name,
               admin_unit_code, address, phone, email, valid_from)
             VALUES (@agencyCode, @agencyName, @parentName, @placeName, @provinceName, @adminUnitCode, @address,
               @phone, @email, ${now})`,
          )
          .run(AGENCY_DEFAULTS);
        const officer = db
          .prepare(`INSERT INTO officers (full_name, title, role, created_at) VALUES (?, ?, 'admin', ?)`)
          .run('Quản trị viên', 'Công chức tiếp nhận', now);
        db.prepare(`INSERT INTO app_state (key, value) VALUES ('current_officer_id', ?)`).run(String(officer.lastInsertRowid));
        agency = { id: Number(info.lastInsertRowid), code: AGENCY_DEFAULTS.agencyCode };
      }).immediate();
    }
    const { id: agencyId, code: agencyCode } = agency!;
    const procedures = db
      .prepare(
        `SELECT id, field, working_days AS workingDays, same_day_cutoff AS sameDayCutoff, current_version_id AS versionId
           FROM procedures WHERE retired = 0`,
      )
      .all() as Array<{ id: string; field: string; workingDays: number; sameDayCutoff: string | null; versionId: number }>;
    if (procedures.length === 0) throw new DeskError('INTERNAL', 'Danh mục thủ tục trống');
    // Same-day certifications dominate a ward's counter.
    const procedureWeights = procedures.map((p) => [p, p.id.startsWith('chung-thuc-ban-sao') ? 10 : p.workingDays === 0 ? 3 : 1] as const);

    const officerId = Number((db.prepare(`SELECT value FROM app_state WHERE key = 'current_officer_id'`).get() as { value: string }).value);
    const specialistsByField = sampleSpecialists(db, procedures, clock().getTime());
    const rng = createRng(options.seed ?? 20251);
    // Assignees draw from their own sequence: the dossiers themselves stay what the same seed always gave.
    const assignRng = createRng((options.seed ?? 20251) ^ 0x5eed);
    const now = clock().getTime();
    // Seed a fresh data folder: rowids then follow reception order, which the name search pages by.
    const to = now;
    const from = to - (options.years ?? 4) * 365 * DAY;
    const n = options.dossiers;
    const step = (to - from) / Math.max(1, n);

    db.pragma('synchronous = OFF');
    for (const name of Object.keys(SECONDARY_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    const firstId = ((db.prepare('SELECT max(id) AS m FROM dossiers').get() as { m: number | null }).m ?? 0) + 1;

    const insert = db.prepare(
      `INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
         id_kind, id_number, phone, email, address, owner_name, sets, note, received_at, accepted_at, due_at, updated_at,
         procedure_version_id, holder, assignee_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'cccd', ?, ?, '', ?, NULL, 1, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const counters = new Map<string, number>();
    const getCounter = db.prepare('SELECT last FROM dossier_counters WHERE agency_code = ? AND day = ?');
    const nowYear = vnParts(new Date(now)).year;

    // Sample data counts with default office hours and the shipped official holidays.
    const calendar = createWorkCalendar({ years: OFFICIAL_HOLIDAY_YEARS });
    const CHUNK = 50_000;
    let t = from;
    for (let done = 0; done < n; ) {
      const end = Math.min(n, done + CHUNK);
      db.transaction(() => {
        for (let i = done; i < end; i++) {
          t += step * (0.5 + rng());
          const received = nextOpening(calendar, new Date(Math.min(t, to)));
          const day = dayKey(received);
          let seq = counters.get(day);
          if (seq === undefined) seq = (getCounter.get(agencyCode, day) as { last: number } | undefined)?.last ?? 0;
          seq += 1;
          counters.set(day, seq);
          const procedure = weighted(rng, procedureWeights);
          const person = samplePerson(rng, nowYear);
          const status = statusFor(rng, (now - received.getTime()) / DAY);
          const accepted = status === 1 || status === 3 ? null : received.getTime() + Math.floor(rng() * 600_000);
          const due = accepted === null ? null : dueDate(calendar, new Date(accepted), limitOfProcedure(procedure)).getTime();
          insert.run(
            formatDossierCode(agencyCode, received, seq),
            agencyId,
            procedure.id,
            weighted(rng, [[1, 80], [2, 17], [3, 3]]),
            status,
            person.fullName,
            foldVietnamese(person.fullName),
            sampleCccd(rng, person),
            rng() < 0.9 ? samplePhone(rng) : '',
            sampleAddress(rng, received.getTime() >= MERGER),
            received.getTime(),
            accepted,
            due,
            Math.max(received.getTime(), accepted ?? 0),
            procedure.versionId,
            status === 4 ? 'specialist' : status === 5 || status === 6 || status === 3 || status === 10 ? 'citizen' : 'desk',
            assigneeFor(assignRng, status, officerId, specialistsByField.get(procedure.field) ?? []),
          );
        }
      }).immediate();
      done = end;
      options.onProgress?.(done, n);
    }

    db.transaction(() => {
      // Finished dossiers are scored as the desk scores them at finishing (the on-time dashboard reads these):
      // mostly early, a third on the due day, one in ten late.
      db.prepare(
        `UPDATE dossiers
            SET finished_at = min(@now, max(accepted_at, CASE WHEN id % 10 = 0 THEN due_at + 3600000
                                                              WHEN id % 3 = 0 THEN due_at - 60000
                                                              ELSE due_at - 86400000 END)),
                finished_by = @officerId,
                ontime = CASE WHEN id % 10 = 0 THEN 'late' WHEN id % 3 = 0 THEN 'on_time' ELSE 'early' END
          WHERE id >= @firstId AND status IN (9, 10) AND due_at IS NOT NULL`,
      ).run({ now, officerId, firstId });
      db.prepare(`INSERT INTO dossier_fts (rowid, name) SELECT id, name_folded FROM dossiers WHERE id >= ?`).run(firstId);
      db.prepare(
        `INSERT INTO events (dossier_id, at, officer_id, action, from_status, to_status, note)
         SELECT id, received_at, ?, 'created', NULL, 1, 'Dữ liệu mẫu' FROM dossiers WHERE id >= ?`,
      ).run(officerId, firstId);
      db.prepare(
        `INSERT INTO events (dossier_id, at, officer_id, action, from_status, to_status, note)
         SELECT id, updated_at, ?, 'status', 1, status, 'Dữ liệu mẫu' FROM dossiers WHERE id >= ? AND status <> 1`,
      ).run(officerId, firstId);
      db.prepare(
        `INSERT INTO dossier_components (dossier_id, position, name, originals, certified_copies, photocopies)
         SELECT d.id, j.key + 1, json_extract(j.value, '$.name'), json_extract(j.value, '$.originals'),
                json_extract(j.value, '$.certifiedCopies'), json_extract(j.value, '$.photocopies')
           FROM dossiers d JOIN procedures p ON p.id = d.procedure_id, json_each(p.components_json) j
          WHERE d.id >= ?`,
      ).run(firstId);
      const upsert = db.prepare(
        `INSERT INTO dossier_counters (agency_code, day, last) VALUES (?, ?, ?)
         ON CONFLICT (agency_code, day) DO UPDATE SET last = max(last, excluded.last)`,
      );
      for (const [day, last] of counters) upsert.run(agencyCode, day, last);
      // Accepted dossiers enter the tracking register in order of acceptance, after those already there.
      db.prepare(
        `UPDATE dossiers SET register_year = n.year, register_no = n.base + n.no
           FROM (SELECT id, year, coalesce((SELECT last FROM register_counters c WHERE c.year = y.year), 0) AS base,
                        row_number() OVER (PARTITION BY year ORDER BY accepted_at, id) AS no
                   FROM (SELECT id, accepted_at,
                                CAST(strftime('%Y', accepted_at / 1000 + 25200, 'unixepoch') AS INTEGER) AS year
                           FROM dossiers WHERE id >= ? AND accepted_at IS NOT NULL) AS y) AS n
          WHERE dossiers.id = n.id`,
      ).run(firstId);
      db.exec(`INSERT INTO register_counters (year, last)
                 SELECT register_year, max(register_no) FROM dossiers WHERE register_no IS NOT NULL GROUP BY register_year
                 ON CONFLICT (year) DO UPDATE SET last = excluded.last`);
    }).immediate();
    for (const sql of Object.values(SECONDARY_INDEXES)) db.exec(sql);
    db.exec('ANALYZE');
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      inserted: n,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    // After a failed load too: the radar names some of these indexes (queue-repo namedIndex) and refuses to run
    // without them, where it would only have been slow.
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`);
    for (const [name, sql] of Object.entries(SECONDARY_INDEXES)) if (!exists.get(name)) db.exec(sql);
    db.close();
  }
}

/**
 * The active specialists (else leaders) of each field, by id; on a desk without any specialist, one sample specialist
 * per field is added first (no username: they appear in the officer filter but cannot sign in).
 */
function sampleSpecialists(
  db: Db,
  procedures: ReadonlyArray<{ field: string }>,
  now: number,
): Map<string, number[]> {
  const fields = [...new Set(procedures.map((p) => p.field))].sort();
  const read = () =>
    db.prepare(`SELECT id, role, fields FROM officers WHERE active = 1 AND role IN ('specialist', 'leader') ORDER BY id`).all() as Array<{
      id: number;
      role: string;
      fields: string;
    }>;
  let officers = read();
  if (!officers.some((o) => o.role === 'specialist')) {
    const add = db.prepare(`INSERT INTO officers (full_name, title, role, fields, unit, created_at) VALUES (?, ?, 'specialist', ?, '', ?)`);
    db.transaction(() => {
      fields.forEach((field, i) => {
        const name = SPECIALIST_NAMES[i % SPECIALIST_NAMES.length]!;
        add.run(i < SPECIALIST_NAMES.length ? name : `${name} ${i + 1}`, `Công chức chuyên môn – ${field}`, JSON.stringify([field]), now);
      });
    }).immediate();
    officers = read();
  }
  const byField = new Map<string, number[]>();
  for (const field of fields) {
    const handles = officers.filter((o) => (JSON.parse(o.fields) as string[]).some((f) => foldVietnamese(f) === foldVietnamese(field)));
    const specialists = handles.filter((o) => o.role === 'specialist');
    byField.set(field, (specialists.length ? specialists : handles).map((o) => o.id));
  }
  return byField;
}
