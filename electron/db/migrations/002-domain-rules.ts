import type { Migration } from './types';

/**
 * Domain rules (issue 3): catalogue versions, so a dossier keeps the rules it was received under; the holiday table
 * per year (official, proposed, confirmed by an administrator); the lifecycle's internal state on the dossier;
 * the fee computed at intake.
 */
export const m002DomainRules: Migration = {
  version: 2,
  name: 'domain-rules',
  up: (db) => {
    db.exec(`
      CREATE TABLE catalogue_versions (
        id INTEGER PRIMARY KEY,
        version TEXT NOT NULL UNIQUE,
        effective_from TEXT NOT NULL,
        source TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by INTEGER REFERENCES officers(id),
        json TEXT NOT NULL
      );

      -- One row per procedure per catalogue version; the procedures table keeps the one in force.
      CREATE TABLE procedure_versions (
        id INTEGER PRIMARY KEY,
        catalogue_version_id INTEGER NOT NULL REFERENCES catalogue_versions(id),
        procedure_id TEXT NOT NULL,
        json TEXT NOT NULL,
        UNIQUE (catalogue_version_id, procedure_id)
      );
      ALTER TABLE procedures ADD COLUMN current_version_id INTEGER REFERENCES procedure_versions(id);
      ALTER TABLE procedures ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

      ALTER TABLE dossiers ADD COLUMN procedure_version_id INTEGER REFERENCES procedure_versions(id);
      ALTER TABLE dossiers ADD COLUMN holder TEXT NOT NULL DEFAULT 'desk';
      ALTER TABLE dossiers ADD COLUMN supplement_requests INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE dossiers ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE dossiers ADD COLUMN fee_amount INTEGER;
      ALTER TABLE dossiers ADD COLUMN fee_json TEXT;
      -- The whole lifecycle state (core/lifecycle); the columns above project what queries filter on.
      ALTER TABLE dossiers ADD COLUMN lifecycle_json TEXT;
      -- Bumped by every transition: a counter whose read is stale cannot overwrite another's change.
      ALTER TABLE dossiers ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
      -- What a transition carried beyond its note: form issued, clock effect, override, normalised payload.
      ALTER TABLE events ADD COLUMN details_json TEXT;

      CREATE TABLE holiday_years (
        year INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('official', 'proposed', 'confirmed')),
        json TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by INTEGER REFERENCES officers(id)
      );
    `);
  },
};
