import type { Migration } from './types';

/**
 * The second half of a dossier's life (issue 6): officers get accounts (sign-in name, a memory-hard password hash,
 * unit and fields, a lock after failed tries) and a sign-in log; the postal side gets its dated tariff table, the
 * shipment register and the batch hand-over manifests.
 */
export const m005OfficersForwardingPost: Migration = {
  version: 5,
  name: 'officers-forwarding-post',
  up: (db) => {
    db.exec(`
      -- An officer without a username cannot sign in (the first-run administrator of an older desk gets one on the
      -- next start). fields: JSON array of the procedure fields (lĩnh vực) a specialist handles.
      ALTER TABLE officers ADD COLUMN username TEXT;
      ALTER TABLE officers ADD COLUMN password_hash TEXT;
      ALTER TABLE officers ADD COLUMN unit TEXT NOT NULL DEFAULT '';
      ALTER TABLE officers ADD COLUMN fields TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE officers ADD COLUMN failed_sign_ins INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE officers ADD COLUMN locked_until INTEGER;
      ALTER TABLE officers ADD COLUMN password_set_at INTEGER;
      ALTER TABLE officers ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE officers ADD COLUMN updated_at INTEGER;
      CREATE UNIQUE INDEX officers_username ON officers (username COLLATE NOCASE) WHERE username IS NOT NULL;

      -- Finishing is scored once, when it happens (QĐ 766: early / on time / late, waiting for the citizen
      -- excluded), so the on-time dashboard reads columns instead of replaying every dossier's history.
      ALTER TABLE dossiers ADD COLUMN finished_at INTEGER;
      ALTER TABLE dossiers ADD COLUMN finished_by INTEGER REFERENCES officers(id);
      ALTER TABLE dossiers ADD COLUMN ontime TEXT CHECK (ontime IN ('early', 'on_time', 'late'));
      CREATE INDEX dossiers_finished ON dossiers (finished_at) WHERE finished_at IS NOT NULL;
      UPDATE dossiers
         SET finished_at = (SELECT MAX(e.at) FROM events e WHERE e.dossier_id = dossiers.id AND e.action = 'finish'),
             finished_by = (SELECT e.officer_id FROM events e WHERE e.dossier_id = dossiers.id AND e.action = 'finish'
                             ORDER BY e.id DESC LIMIT 1)
       WHERE status IN (9, 10);

      CREATE TABLE sign_in_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        username TEXT NOT NULL,
        officer_id INTEGER REFERENCES officers(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'bad_password', 'unknown', 'locked', 'inactive', 'unlock', 'unlock_failed', 'signed_out')),
        door TEXT NOT NULL CHECK (door IN ('app', 'browser', 'cli'))
      );
      CREATE INDEX sign_in_log_at ON sign_in_log (at);

      -- Cước bưu chính công ích: a tariff is a dated JSON document (zones × weight bands × direction, VAT,
      -- surcharges, exemptions); a change adds a row, and each quote records the tariff it used.
      CREATE TABLE postal_tariffs (
        id INTEGER PRIMARY KEY,
        valid_from INTEGER NOT NULL,
        body TEXT NOT NULL,
        officer_id INTEGER REFERENCES officers(id),
        created_at INTEGER NOT NULL
      );

      CREATE TABLE postal_manifests (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        officer_id INTEGER REFERENCES officers(id),
        postal_worker TEXT NOT NULL DEFAULT '',
        items INTEGER NOT NULL,
        total INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL
      );

      -- One row per leg sent by post: the dossier coming in (send) or the result going out (return).
      CREATE TABLE postal_shipments (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        direction TEXT NOT NULL CHECK (direction IN ('send', 'return')),
        item_no TEXT UNIQUE,
        grams INTEGER NOT NULL CHECK (grams > 0),
        province_code TEXT NOT NULL,
        ward TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        recipient TEXT NOT NULL DEFAULT '',
        amount INTEGER NOT NULL CHECK (amount >= 0),
        quote TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('prepared', 'handed_over', 'delivered', 'returned')),
        status_at INTEGER NOT NULL,
        manifest_id INTEGER REFERENCES postal_manifests(id),
        officer_id INTEGER REFERENCES officers(id),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX postal_shipments_dossier ON postal_shipments (dossier_id);
      CREATE INDEX postal_shipments_status ON postal_shipments (status, created_at);
    `);
  },
};
