import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../electron/db/connection';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { DeskError } from '../../electron/contract';
import { tempDir } from '../support/desk';

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).pluck().all() as string[]);

describe('database connection', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database written by a newer version, in Vietnamese, without touching it', () => {
    const dir = tempDir();
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.exec('CREATE TABLE future_data (x)');
    raw.close();
    const before = fs.readFileSync(path.join(dir, DB_FILE_NAME));
    let error: unknown;
    try {
      openDatabase(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('DB_TOO_NEW');
    expect((error as DeskError).message).toMatch(/phiên bản mới hơn/);
    expect(fs.readFileSync(path.join(dir, DB_FILE_NAME)).equals(before)).toBe(true);
  });

  it('takes an online backup before migrating a database that holds data', () => {
    const dir = tempDir();
    const first = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 1) });
    first.prepare(`INSERT INTO app_state (key, value) VALUES ('marker', 'before')`).run();
    first.close();
    const next: Migration = { version: 2, name: 'test-step', up: (db) => db.exec('CREATE TABLE test_step (x)') };
    const db = openDatabase(dir, { migrations: [...MIGRATIONS.slice(0, 1), next], now: new Date('2026-11-24T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare(`SELECT value FROM app_state WHERE key = 'marker'`).pluck().get()).toBe('before');
    backup.close();
  });

  it('rolls back a failing migration whole, leaving the version where it was', () => {
    const dir = tempDir();
    openDatabase(dir, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(dir, { migrations: [...MIGRATIONS.slice(0, 1), broken] })).toThrow('boom');
    const db = new Database(path.join(dir, DB_FILE_NAME));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });
});

describe('migration 001 (initial)', () => {
  it('creates every table the desk needs, with the audit trail append-only', () => {
    const db = openDatabase(tempDir(), { migrations: MIGRATIONS.slice(0, 1) });
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'agency_settings', 'officers', 'app_state', 'procedures', 'dossiers', 'dossier_components',
        'dossier_counters', 'events', 'documents', 'dossier_fts',
      ]),
    );
    db.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
             INSERT INTO procedures VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');
             INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
               id_kind, id_number, phone, email, address, received_at, updated_at)
             VALUES ('X-1', 1, 'p', 1, 1, 'A', 'a', 'cccd', '038196001234', '', '', '', 0, 0);
             INSERT INTO events (dossier_id, at, action) VALUES (1, 0, 'created');`);
    expect(() => db.exec(`UPDATE events SET note = 'x'`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM events`)).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO events (dossier_id, at, action) VALUES (999, 0, 'x')`)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name,
        name_folded, id_kind, id_number, phone, email, address, received_at, updated_at)
        VALUES ('X-1', 1, 'p', 1, 1, 'B', 'b', 'cccd', '1', '', '', '', 0, 0)`),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 002 (domain rules)', () => {
  it('upgrades a v1 database holding a dossier: backup first, new tables, lifecycle columns defaulted, data kept', () => {
    const dir = tempDir();
    const v1 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 1) });
    v1.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
             INSERT INTO procedures VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');
             INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
               id_kind, id_number, phone, email, address, received_at, updated_at)
             VALUES ('X-1', 1, 'p', 1, 2, 'Nguyễn Văn A', 'nguyen van a', 'cccd', '038196001234', '', '', '', 5, 5);`);
    v1.close();

    const db = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 2), now: new Date('2026-11-24T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['catalogue_versions', 'procedure_versions', 'holiday_years']));
    expect(db.prepare('SELECT code, status, holder, supplement_requests, extensions, fee_amount FROM dossiers').get()).toEqual({
      code: 'X-1', status: 2, holder: 'desk', supplement_requests: 0, extensions: 0, fee_amount: null,
    });
    expect(() => db.exec(`INSERT INTO holiday_years VALUES (2027, 'guessed', '[]', 0, NULL)`)).toThrow(/CHECK/);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^desk-v1-/)]);
  });
});

describe('migration 003 (counter workflow)', () => {
  it('upgrades a v2 database: work states and their trigger-kept counts start from the rows already there', () => {
    const dir = tempDir();
    const v2 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 2) });
    v2.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
             INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
               components_json, catalogue_version) VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');`);
    const add = v2.prepare(`INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name,
      name_folded, id_kind, id_number, phone, email, address, received_at, updated_at)
      VALUES (?, 1, 'p', ?, ?, 'A', 'a', 'cccd', '038196001234', '', '', '', 5, 5)`);
    [[1, 2], [2, 1], [1, 1], [1, 5], [1, 10], [1, 3], [1, 8]].forEach(([channel, status], i) => add.run(`X-${i}`, channel, status));
    v2.close();

    const db = openDatabase(dir, { now: new Date('2026-11-24T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['files', 'dossier_counts', 'online_submissions']));
    const tabs = () =>
      Object.fromEntries(
        (db.prepare(`SELECT tab, sum(n) AS n FROM dossier_counts GROUP BY tab`).all() as Array<{ tab: string; n: number }>)
          .filter((r) => r.n > 0)
          .map((r) => [r.tab, r.n]),
      );
    expect(tabs()).toEqual({ new: 2, online: 1, supplement: 1, returned: 1, closed: 2 });
    // The triggers follow every change: an online dossier accepted, a counter dossier refused, one removed.
    db.exec(`UPDATE dossiers SET status = 2 WHERE code = 'X-1'; UPDATE dossiers SET status = 3 WHERE code = 'X-0';`);
    db.exec(`DELETE FROM dossiers WHERE code = 'X-4'`);
    expect(tabs()).toEqual({ new: 2, supplement: 1, closed: 3 });
    const real = db.prepare(`SELECT work_tab AS tab, count(*) AS n FROM dossiers GROUP BY work_tab`).all() as Array<{ tab: string; n: number }>;
    expect(Object.fromEntries(real.map((r) => [r.tab, r.n]))).toEqual(tabs());
    // A file row is either in the inbox (no dossier, no component) or attached to both.
    expect(() =>
      db.exec(`INSERT INTO files (sha256, name, mime, size, pages, source, dossier_id, created_at)
               VALUES ('${'a'.repeat(64)}', 'x.pdf', 'application/pdf', 1, 1, 'upload', 1, 0)`),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(`INSERT INTO files (sha256, name, mime, size, pages, source, created_at)
               VALUES ('${'a'.repeat(64)}', 'x.exe', 'application/x-msdownload', 1, 1, 'upload', 0)`),
    ).toThrow(/CHECK/);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^desk-v2-/)]);
  });
});

describe('migration 004 (documents, printing, e-mail)', () => {
  it('upgrades a v3 database: accepted dossiers enter the register in order of acceptance, per Vietnamese year', () => {
    const dir = tempDir();
    const v3 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 3) });
    v3.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
             INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
               components_json, catalogue_version) VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');`);
    const add = v3.prepare(`INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name,
      name_folded, id_kind, id_number, phone, email, address, received_at, accepted_at, updated_at)
      VALUES (?, 1, 'p', 1, ?, 'A', 'a', 'cccd', '038196001234', '', '', '', 5, ?, 5)`);
    const at = (iso: string) => new Date(iso).getTime();
    add.run('B', 2, at('2026-03-02T01:00:00Z'));
    add.run('A', 4, at('2026-01-05T01:00:00Z'));
    add.run('N', 1, null); // not accepted: no number
    add.run('Y', 10, at('2025-12-31T17:30:00Z')); // 00:30 on 1/1/2026 in Vietnam: the first of 2026
    add.run('O', 9, at('2025-12-31T16:30:00Z')); // 23:30 on 31/12/2025 in Vietnam
    v3.close();

    const db = openDatabase(dir, { now: new Date('2026-11-24T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['document_counters', 'register_counters', 'printer_profiles', 'print_log', 'mail_outbox']));
    const numbers = db.prepare(`SELECT code, register_year AS y, register_no AS n FROM dossiers ORDER BY code`).all();
    expect(numbers).toEqual([
      { code: 'A', y: 2026, n: 2 },
      { code: 'B', y: 2026, n: 3 },
      { code: 'N', y: null, n: null },
      { code: 'O', y: 2025, n: 1 },
      { code: 'Y', y: 2026, n: 1 },
    ]);
    expect(db.prepare(`SELECT year, last FROM register_counters ORDER BY year`).all()).toEqual([
      { year: 2025, last: 1 },
      { year: 2026, last: 3 },
    ]);
    // A register number is never given twice in a year.
    expect(() => db.exec(`UPDATE dossiers SET register_year = 2026, register_no = 1 WHERE code = 'N'`)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 005 (officer accounts, finishing scored once, post)', () => {
  it('upgrades a v4 database: the administrator keeps his row without a password, finished dossiers get finished_at', () => {
    const dir = tempDir();
    const v4 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 4) });
    v4.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
             INSERT INTO officers (id, full_name, title, role, active, created_at) VALUES (1, 'Lê Thị Hoa', 'Công chức', 'admin', 1, 0);
             INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
               components_json, catalogue_version) VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');
             INSERT INTO dossiers (id, code, agency_settings_id, procedure_id, channel, status, applicant_name, name_folded,
               id_kind, id_number, phone, email, address, received_at, updated_at)
               VALUES (1, 'DONE', 1, 'p', 1, 9, 'A', 'a', 'cccd', '038196001234', '', '', '', 5, 5),
                      (2, 'OPEN', 1, 'p', 1, 4, 'B', 'b', 'cccd', '038196001235', '', '', '', 5, 5);
             INSERT INTO events (dossier_id, at, officer_id, action, from_status, to_status, note)
               VALUES (1, 1000, 1, 'finish', 4, 9, ''), (2, 900, 1, 'forward', 2, 4, '');`);
    v4.close();

    const db = openDatabase(dir, { now: new Date('2026-11-24T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['sign_in_log', 'postal_tariffs', 'postal_shipments', 'postal_manifests']));
    expect(db.prepare(`SELECT username, password_hash AS hash, fields, must_change_password AS m FROM officers`).get()).toEqual({
      username: null,
      hash: null,
      fields: '[]',
      m: 0,
    });
    expect(db.prepare(`SELECT code, finished_at AS at, finished_by AS by FROM dossiers ORDER BY id`).all()).toEqual([
      { code: 'DONE', at: 1000, by: 1 },
      { code: 'OPEN', at: null, by: null },
    ]);
    // Usernames are unique whatever their case.
    db.exec(`UPDATE officers SET username = 'hoa.le' WHERE id = 1`);
    expect(() => db.exec(`INSERT INTO officers (full_name, title, role, active, created_at, username) VALUES ('X', '', 'reception', 1, 0, 'HOA.LE')`)).toThrow(/UNIQUE/);
    db.close();
  });
});

/**
 * A v5+ database with an agency, its administrator (officer 1) and one procedure; the statement that adds a dossier
 * (code, status, received, due, assignee), last moved at 5.
 */
function assignedDossiers(db: Database.Database) {
  db.exec(`INSERT INTO agency_settings VALUES (1,'000.00.16.H56','a','b','c','d','16561','','','',0);
           INSERT INTO officers (id, full_name, title, role, active, created_at) VALUES (1, 'Lê Thị Hoa', 'Công chức', 'admin', 1, 0);
           INSERT INTO procedures (id, code, name, field, working_days, same_day_cutoff, time_limit_text, fee_text,
             components_json, catalogue_version) VALUES ('p', NULL, 'P', 'F', 0, '15:00', 't', 'f', '[]', 'v');`);
  return db.prepare(`INSERT INTO dossiers (code, agency_settings_id, procedure_id, channel, status, applicant_name,
    name_folded, id_kind, id_number, phone, email, address, received_at, due_at, updated_at, assignee_id)
    VALUES (?, 1, 'p', 1, ?, 'A', 'a', 'cccd', '038196001234', '', '', '', ?, ?, 5, ?)`);
}

describe('migration 006 (the officer filter and "Việc của tôi" by index)', () => {
  it('upgrades a v5 database: indexes by assignee, the open-work ones holding only open dossiers', () => {
    const dir = tempDir();
    const v5 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 5) });
    const add = assignedDossiers(v5);
    v5.exec(`INSERT INTO officers (id, full_name, title, role, active, created_at) VALUES (2, 'Trần Văn Tư', 'Công chức', 'specialist', 1, 0)`);
    // status, due, assignee
    const rows: Array<[number, number | null, number | null]> = [
      [1, null, null], [2, 300, 1], [4, 200, 2], [5, 100, 2], [6, 400, 2], [7, 500, 2], [3, null, null], [8, 50, 2], [9, 60, 2], [10, 70, 2],
    ];
    rows.forEach(([status, due, assignee], i) => add.run(`X-${i}`, status, i, due, assignee));
    v5.close();

    const db = openDatabase(dir, { now: new Date('2026-11-24T00:00:00Z'), migrations: MIGRATIONS.slice(0, 6) });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' AND name LIKE '%assignee%' ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['dossiers_assignee_received', 'dossiers_open_assignee_due', 'dossiers_open_assignee_received']);
    // The specialist's open work, nearest deadline first, straight from the partial index (no sort, no table scan).
    const mine = `SELECT code FROM dossiers WHERE assignee_id = ? AND status IN (1, 2, 4, 5, 6, 7) AND due_at IS NOT NULL ORDER BY due_at, id`;
    expect(db.prepare(mine).pluck().all(2)).toEqual(['X-3', 'X-2', 'X-4', 'X-5']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${mine}`).all(2) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH dossiers USING (COVERING )?INDEX dossiers_open_assignee_due \(assignee_id=\? AND due_at>\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // Only open, assigned rows are in the partial indexes; the plain one holds every assigned row.
    const entries = (index: string) => (db.prepare(`SELECT count(*) FROM dossiers INDEXED BY ${index} WHERE assignee_id > 0`).pluck().get() as number);
    expect(entries('dossiers_assignee_received')).toBe(8);
    expect(db.prepare(`SELECT count(*) FROM dossiers INDEXED BY dossiers_open_assignee_due WHERE assignee_id > 0 AND status IN (1, 2, 4, 5, 6, 7)`).pluck().get()).toBe(5);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^desk-v5-/)]);
  });
});

describe('migration 007 (the radar shapes the planner got wrong at 1M)', () => {
  it('upgrades a v6 database: an officer by work state and by due date, and the stale statuses by reception', () => {
    const dir = tempDir();
    const v6 = openDatabase(dir, { migrations: MIGRATIONS.slice(0, 6) });
    const add = assignedDossiers(v6);
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].forEach((status, i) => add.run(`X-${i}`, status, i, status === 1 ? null : 100 + i, status === 3 ? null : 1));
    v6.close();

    const db = openDatabase(dir, { now: new Date('2026-11-25T00:00:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBe(7);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN
      ('dossiers_assignee_tab_received', 'dossiers_assignee_tab_due', 'dossiers_assignee_due', 'dossiers_stale_received') ORDER BY name`).pluck().all();
    expect(names).toEqual(['dossiers_assignee_due', 'dossiers_assignee_tab_due', 'dossiers_assignee_tab_received', 'dossiers_stale_received']);
    // The officer's returned dossiers: one range of the index, in reception order, no sort.
    const returned = `SELECT code FROM dossiers INDEXED BY dossiers_assignee_tab_received WHERE assignee_id = ? AND work_tab = 'returned' ORDER BY received_at DESC, id DESC`;
    expect(db.prepare(returned).pluck().all(1)).toEqual(['X-9']);
    // Only the statuses a dossier can hang in (1, 2, 4, 9) are in the stale index.
    const stale = db.prepare(`SELECT code FROM dossiers INDEXED BY dossiers_stale_received WHERE status IN (1, 2, 4, 9) AND updated_at < 10 ORDER BY received_at DESC, id DESC`);
    expect(stale.pluck().all()).toEqual(['X-8', 'X-3', 'X-1', 'X-0']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT code FROM dossiers INDEXED BY dossiers_stale_received WHERE status IN (1, 2, 4, 9) AND updated_at < 10 ORDER BY received_at DESC, id DESC`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^desk-v6-/)]);
  });
});
