import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../contract/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const DB_FILE_NAME = 'desk.db';

export interface OpenOptions {
  /** Defaults to the shipped migrations; tests pass a prefix to migrate step by step. */
  migrations?: readonly Migration[];
  /** Used to name the pre-migration backup. */
  now?: Date;
}

/** The pragmas that keep a dossier from ever being lost, and the queue fast. */
export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536'); // 64 MB
  db.pragma('temp_store = MEMORY');
}

const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Opens (creating if needed) `<dataDir>/desk.db`, refuses a database newer than this code, takes an online
 * backup (VACUUM INTO) before migrating a database that already holds data, then runs the pending migrations,
 * each in its own transaction together with its user_version bump.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length === MIGRATIONS.length ? LATEST_VERSION : migrations.length;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new DeskError('INTERNAL', `Không mở được cơ sở dữ liệu ${file}: ${(err as Error).message}`);
  }
  try {
    const current = schemaVersion(db);
    if (current > latest) {
      throw new DeskError(
        'DB_TOO_NEW',
        `Cơ sở dữ liệu tại ${file} được tạo bởi phiên bản mới hơn của Một Cửa Desk (lược đồ số ${current}; ` +
          `phiên bản này chỉ hiểu đến số ${latest}). Hãy cài phiên bản mới hơn. Dữ liệu không bị thay đổi.`,
        { file, databaseVersion: current, supportedVersion: latest },
      );
    }
    // Only now may the file change (WAL switch): a newer database is left byte-for-byte as it was.
    applyPragmas(db);
    if (current < latest && current > 0) backupBeforeMigrating(db, dataDir, current, options.now ?? new Date());
    for (const m of migrations.slice(current)) {
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function backupBeforeMigrating(db: Db, dataDir: string, fromVersion: number, now: Date): string {
  const dir = path.join(dataDir, 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `desk-v${fromVersion}-${stamp}.db`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
