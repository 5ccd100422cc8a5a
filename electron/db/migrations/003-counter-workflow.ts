import type { Migration } from './types';

/**
 * The counter's working day (issue 4): stored files (content-addressed blobs on disk, one row per file, in the
 * inbox while dossier_id is NULL), per-component review, result delivery, online submissions, and the queue radar's
 * work state as an indexed generated column with counts kept by triggers (a tab switch never counts 1M rows).
 */
export const m003CounterWorkflow: Migration = {
  version: 3,
  name: 'counter-workflow',
  up: (db) => {
    db.exec(`
      CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        name TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
        size INTEGER NOT NULL CHECK (size > 0),
        pages INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('upload', 'scan', 'online')),
        dossier_id INTEGER REFERENCES dossiers(id),
        component_position INTEGER,
        warnings_json TEXT,
        created_at INTEGER NOT NULL,
        created_by INTEGER REFERENCES officers(id),
        CHECK ((dossier_id IS NULL) = (component_position IS NULL))
      );
      CREATE INDEX files_dossier ON files (dossier_id, component_position, id);
      CREATE INDEX files_sha256 ON files (sha256);
      CREATE INDEX files_inbox ON files (created_at) WHERE dossier_id IS NULL;

      ALTER TABLE dossier_components ADD COLUMN required INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE dossier_components ADD COLUMN pages INTEGER;
      ALTER TABLE dossier_components ADD COLUMN verdict TEXT CHECK (verdict IN ('ok', 'missing', 'invalid'));
      ALTER TABLE dossier_components ADD COLUMN verdict_reason TEXT;
      ALTER TABLE dossier_components ADD COLUMN reviewed_at INTEGER;
      ALTER TABLE dossier_components ADD COLUMN reviewed_by INTEGER REFERENCES officers(id);

      ALTER TABLE dossiers ADD COLUMN delivery_method TEXT NOT NULL DEFAULT 'counter'
        CHECK (delivery_method IN ('counter', 'post'));
      ALTER TABLE dossiers ADD COLUMN delivery_address TEXT;
      ALTER TABLE dossiers ADD COLUMN birth_year INTEGER;
      ALTER TABLE dossiers ADD COLUMN gender TEXT CHECK (gender IN ('male', 'female'));
      ALTER TABLE dossiers ADD COLUMN assignee_id INTEGER REFERENCES officers(id);
      ALTER TABLE dossiers ADD COLUMN portal_dossier_id TEXT;
      CREATE UNIQUE INDEX dossiers_portal ON dossiers (portal_dossier_id) WHERE portal_dossier_id IS NOT NULL;

      -- The radar's work state (contract QUEUE_TABS); 'all' is not a state.
      ALTER TABLE dossiers ADD COLUMN work_tab TEXT GENERATED ALWAYS AS (
        CASE
          WHEN status = 1 AND channel = 2 THEN 'online'
          WHEN status IN (1, 2) THEN 'new'
          WHEN status IN (4, 6) THEN 'inProgress'
          WHEN status = 5 THEN 'supplement'
          WHEN status = 9 THEN 'ready'
          WHEN status = 10 THEN 'returned'
          ELSE 'closed'
        END) VIRTUAL;
      CREATE INDEX dossiers_tab_received ON dossiers (work_tab, received_at, id);
      CREATE INDEX dossiers_tab_due ON dossiers (work_tab, due_at, id);
      CREATE INDEX dossiers_due ON dossiers (due_at, id);
      -- The radar's "overdue" and "due within a day" across all tabs: only running dossiers (2, 4), a few percent.
      CREATE INDEX dossiers_running_received ON dossiers (received_at, id, due_at) WHERE status IN (2, 4);
      CREATE INDEX dossiers_running_due ON dossiers (due_at, id) WHERE status IN (2, 4);

      -- Counts per work state and status, kept by triggers: the radar's tab counts never scan the dossiers.
      CREATE TABLE dossier_counts (
        tab TEXT NOT NULL,
        status INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (tab, status)
      ) WITHOUT ROWID;
      INSERT INTO dossier_counts (tab, status, n) SELECT work_tab, status, count(*) FROM dossiers GROUP BY 1, 2;
      CREATE TRIGGER dossiers_count_insert AFTER INSERT ON dossiers
        BEGIN
          INSERT INTO dossier_counts VALUES (NEW.work_tab, NEW.status, 1) ON CONFLICT (tab, status) DO UPDATE SET n = n + 1;
        END;
      CREATE TRIGGER dossiers_count_update AFTER UPDATE OF status, channel ON dossiers
        WHEN OLD.status IS NOT NEW.status OR OLD.channel IS NOT NEW.channel
        BEGIN
          UPDATE dossier_counts SET n = n - 1 WHERE tab = OLD.work_tab AND status = OLD.status;
          INSERT INTO dossier_counts VALUES (NEW.work_tab, NEW.status, 1) ON CONFLICT (tab, status) DO UPDATE SET n = n + 1;
        END;
      CREATE TRIGGER dossiers_count_delete AFTER DELETE ON dossiers
        BEGIN UPDATE dossier_counts SET n = n - 1 WHERE tab = OLD.work_tab AND status = OLD.status; END;

      -- What the portal sent: the manifest as received, and the package's hash (evidence for the sync back).
      CREATE TABLE online_submissions (
        portal_dossier_id TEXT PRIMARY KEY,
        dossier_id INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
        submitted_at INTEGER NOT NULL,
        package_name TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        manifest_json TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by INTEGER REFERENCES officers(id)
      ) WITHOUT ROWID;

      -- The status-change export (desk export --since) reads events by time.
      CREATE INDEX events_at ON events (at, id);
    `);
  },
};
