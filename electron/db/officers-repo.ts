import type { RoleName } from '../contract/auth';
import type { Db } from './connection';

export interface OfficerRow {
  id: number;
  username: string | null;
  fullName: string;
  title: string;
  unit: string;
  fields: string[];
  role: RoleName;
  active: boolean;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: number | null;
  mustChangePassword: boolean;
}

interface RawOfficer extends Omit<OfficerRow, 'fields' | 'active' | 'mustChangePassword'> {
  fields: string;
  active: number;
  mustChangePassword: number;
}

const COLUMNS = `id, username, full_name AS fullName, title, unit, fields, role, active, password_hash AS passwordHash,
  failed_sign_ins AS failedSignIns, locked_until AS lockedUntil, must_change_password AS mustChangePassword`;

const toRow = (r: RawOfficer | undefined): OfficerRow | undefined =>
  r && { ...r, fields: JSON.parse(r.fields) as string[], active: r.active === 1, mustChangePassword: r.mustChangePassword === 1 };

export interface OfficerFields {
  username: string;
  fullName: string;
  title: string;
  unit: string;
  fields: string[];
  role: RoleName;
  active: boolean;
}

export type SignInOutcome = 'ok' | 'bad_password' | 'unknown' | 'locked' | 'inactive' | 'unlock' | 'unlock_failed' | 'signed_out';
export type Door = 'app' | 'browser' | 'cli';

/** Officers and their accounts; the password hash never leaves the desk (see services/auth). */
export function officersRepo(db: Db) {
  const byId = db.prepare<[number], RawOfficer>(`SELECT ${COLUMNS} FROM officers WHERE id = ?`);
  const byUsername = db.prepare<[string], RawOfficer>(`SELECT ${COLUMNS} FROM officers WHERE username = ? COLLATE NOCASE`);
  const all = db.prepare<[], RawOfficer>(`SELECT ${COLUMNS} FROM officers ORDER BY active DESC, full_name, id`);
  const active = db.prepare<[], RawOfficer>(`SELECT ${COLUMNS} FROM officers WHERE active = 1 ORDER BY full_name, id`);
  const insert = db.prepare(
    `INSERT INTO officers (username, full_name, title, unit, fields, role, active, password_hash, password_set_at,
                           must_change_password, created_at, updated_at)
     VALUES (@username, @fullName, @title, @unit, @fields, @role, @active, @passwordHash, @at, @mustChange, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE officers SET username = @username, full_name = @fullName, title = @title, unit = @unit, fields = @fields,
            role = @role, active = @active, updated_at = @at WHERE id = @id`,
  );
  const setHash = db.prepare(
    `UPDATE officers SET password_hash = ?, password_set_at = ?, must_change_password = ?, failed_sign_ins = 0,
            locked_until = NULL, updated_at = ? WHERE id = ?`,
  );
  const setFailures = db.prepare(`UPDATE officers SET failed_sign_ins = ?, locked_until = ? WHERE id = ?`);
  const credentialed = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM officers WHERE password_hash IS NOT NULL AND username IS NOT NULL`,
  );
  const activeAdmins = db.prepare<[], { n: number }>(
    `SELECT COUNT(*) AS n FROM officers WHERE role = 'admin' AND active = 1 AND password_hash IS NOT NULL`,
  );
  const log = db.prepare(
    `INSERT INTO sign_in_log (at, username, officer_id, outcome, door) VALUES (?, ?, ?, ?, ?)`,
  );
  const logPage = db.prepare<[number], { at: number; username: string; officerName: string | null; outcome: string; door: string }>(
    `SELECT l.at, l.username, o.full_name AS officerName, l.outcome, l.door
       FROM sign_in_log l LEFT JOIN officers o ON o.id = l.officer_id ORDER BY l.id DESC LIMIT ?`,
  );

  const values = (f: OfficerFields) => ({ ...f, fields: JSON.stringify(f.fields), active: f.active ? 1 : 0 });

  return {
    byId: (id: number) => toRow(byId.get(id)),
    byUsername: (name: string) => toRow(byUsername.get(name)),
    all: () => all.all().map((r) => toRow(r)!),
    active: () => active.all().map((r) => toRow(r)!),
    add: (f: OfficerFields, passwordHash: string | null, mustChange: boolean, at: number): number =>
      Number(insert.run({ ...values(f), passwordHash, mustChange: mustChange ? 1 : 0, at }).lastInsertRowid),
    update: (id: number, f: OfficerFields, at: number) => void update.run({ ...values(f), id, at }),
    setPassword: (id: number, hash: string, mustChange: boolean, at: number) => void setHash.run(hash, at, mustChange ? 1 : 0, at, id),
    setFailures: (id: number, failures: number, lockedUntil: number | null) => void setFailures.run(failures, lockedUntil, id),
    hasAccounts: () => credentialed.get()!.n > 0,
    activeAdmins: () => activeAdmins.get()!.n,
    log: (at: number, username: string, officerId: number | null, outcome: SignInOutcome, door: Door) =>
      void log.run(at, username, officerId, outcome, door),
    signInLog: (limit: number) => logPage.all(limit),
  };
}

export type OfficersRepo = ReturnType<typeof officersRepo>;
