import type { Migration } from './types';

/**
 * Official documents (issue 5): the register of generated documents gains its number, legal regime and the reason of
 * a corrected version; dossiers gain their place in the tracking register (Mẫu 07: numbers continuous within a year,
 * given at acceptance); printer profiles per counter and the print log; the e-mail outbox.
 */
export const m004DocumentsPrintMail: Migration = {
  version: 4,
  name: 'documents-print-mail',
  up: (db) => {
    db.exec(`
      -- A document's number is given when its form is first issued for the dossier (per form and year) and kept by
      -- the later versions; regime is the legal regime whose template rendered it (TT03-2025 or TT01-2018).
      ALTER TABLE documents ADD COLUMN number TEXT;
      ALTER TABLE documents ADD COLUMN regime TEXT NOT NULL DEFAULT 'TT03-2025';
      ALTER TABLE documents ADD COLUMN reason TEXT;
      CREATE INDEX documents_created ON documents (created_at, id);

      CREATE TABLE document_counters (
        form TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (form, year)
      ) WITHOUT ROWID;

      -- Sổ theo dõi hồ sơ: the number is given in the acceptance transaction, continuous within a (Vietnamese
      -- calendar) year and never reused.
      ALTER TABLE dossiers ADD COLUMN register_year INTEGER;
      ALTER TABLE dossiers ADD COLUMN register_no INTEGER;
      CREATE UNIQUE INDEX dossiers_register ON dossiers (register_year, register_no) WHERE register_no IS NOT NULL;
      CREATE INDEX dossiers_accepted ON dossiers (accepted_at, id) WHERE accepted_at IS NOT NULL;

      CREATE TABLE register_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      );

      -- Dossiers accepted before this version get their numbers in order of acceptance.
      UPDATE dossiers SET register_year = n.year, register_no = n.no
        FROM (
          SELECT id,
                 CAST(strftime('%Y', (accepted_at / 1000) + 7 * 3600, 'unixepoch') AS INTEGER) AS year,
                 row_number() OVER (
                   PARTITION BY strftime('%Y', (accepted_at / 1000) + 7 * 3600, 'unixepoch')
                   ORDER BY accepted_at, id
                 ) AS no
            FROM dossiers WHERE accepted_at IS NOT NULL
        ) AS n
       WHERE dossiers.id = n.id;
      INSERT INTO register_counters (year, last)
        SELECT register_year, max(register_no) FROM dossiers WHERE register_no IS NOT NULL GROUP BY register_year;

      -- One printer profile per counter (this PC) and kind of paper: slips (Mẫu 01–06) or the register (Mẫu 07).
      CREATE TABLE printer_profiles (
        counter TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('slip', 'register')),
        printer TEXT,
        paper TEXT NOT NULL CHECK (paper IN ('A5', 'A4')),
        copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 10),
        silent INTEGER NOT NULL CHECK (silent IN (0, 1)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (counter, kind)
      ) WITHOUT ROWID;

      -- Who printed what, when, where; a failed job is kept with its error.
      CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        document_id INTEGER REFERENCES documents(id),
        dossier_id INTEGER REFERENCES dossiers(id),
        what TEXT NOT NULL,
        counter TEXT NOT NULL,
        printer TEXT,
        copies INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('cups', 'windows', 'dialog')),
        job TEXT,
        status TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
        error TEXT,
        officer_id INTEGER REFERENCES officers(id),
        created_at INTEGER NOT NULL
      );
      CREATE INDEX print_log_created ON print_log (created_at, id);
      CREATE INDEX print_log_dossier ON print_log (dossier_id, id);

      -- E-mail to citizens: written in the same transaction as the action that causes it, sent by a worker with
      -- retries and back-off; nothing is lost when the network is down.
      CREATE TABLE mail_outbox (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER REFERENCES dossiers(id),
        document_id INTEGER REFERENCES documents(id),
        kind TEXT NOT NULL,
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        message_id TEXT,
        officer_id INTEGER REFERENCES officers(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER
      );
      CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
      CREATE INDEX mail_outbox_dossier ON mail_outbox (dossier_id, id);
    `);
  },
};
