import type { Statement } from 'better-sqlite3';
import type { MailKind } from '../contract/documents';
import type { Db } from './connection';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** A mail_outbox row as stored: instants as epoch milliseconds. */
export interface OutboxDbRow {
  id: number;
  dossierId: number | null;
  dossierCode: string | null;
  documentId: number | null;
  kind: MailKind;
  toAddress: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  messageId: string | null;
  officerId: number | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

export interface NewOutboxRow {
  dossierId: number | null;
  documentId: number | null;
  kind: MailKind;
  toAddress: string;
  subject: string;
  body: string;
  officerId: number | null;
  createdAt: number;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  dossierId?: number;
  /** id to continue before (newest first) */
  before?: number;
  limit: number;
}

const COLUMNS = `o.id, o.dossier_id AS dossierId, d.code AS dossierCode, o.document_id AS documentId, o.kind,
  o.to_address AS toAddress, o.subject, o.body, o.status, o.attempts, o.next_attempt_at AS nextAttemptAt,
  o.last_error AS lastError, o.message_id AS messageId, o.officer_id AS officerId, o.created_at AS createdAt,
  o.updated_at AS updatedAt, o.sent_at AS sentAt`;

/**
 * The e-mail outbox. Every state change is one guarded UPDATE (the WHERE names the status it leaves), so two desk
 * processes on one database can never both move a row: a claim that lost the race changes nothing.
 */
export function outboxRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO mail_outbox (dossier_id, document_id, kind, to_address, subject, body, status, attempts,
       next_attempt_at, officer_id, created_at, updated_at)
     VALUES (@dossierId, @documentId, @kind, @toAddress, @subject, @body, 'queued', 0, @createdAt, @officerId,
       @createdAt, @createdAt)`,
  );
  const byId = db.prepare<[number], OutboxDbRow>(
    `SELECT ${COLUMNS} FROM mail_outbox o LEFT JOIN dossiers d ON d.id = o.dossier_id WHERE o.id = ?`,
  );
  // Pages are keyset on id (never OFFSET); the statement for each combination of filters is prepared once.
  const pages = new Map<string, Statement>();
  const pageStatement = (f: OutboxFilter): Statement => {
    const where = [
      f.status !== undefined ? 'o.status = @status' : '',
      f.dossierId !== undefined ? 'o.dossier_id = @dossierId' : '',
      f.before !== undefined ? 'o.id < @before' : '',
    ].filter(Boolean);
    const key = where.join(' AND ');
    let stmt = pages.get(key);
    if (!stmt) {
      stmt = db.prepare(
        `SELECT ${COLUMNS} FROM mail_outbox o LEFT JOIN dossiers d ON d.id = o.dossier_id
          ${where.length ? `WHERE ${key}` : ''} ORDER BY o.id DESC LIMIT @limit`,
      );
      pages.set(key, stmt);
    }
    return stmt;
  };
  const countsAll = db.prepare<[], { status: OutboxStatus; n: number }>(
    `SELECT status, count(*) AS n FROM mail_outbox GROUP BY status`,
  );
  const countsOfDossier = db.prepare<[number], { status: OutboxStatus; n: number }>(
    `SELECT status, count(*) AS n FROM mail_outbox WHERE dossier_id = ? GROUP BY status`,
  );
  // A crash mid-send leaves 'sending' behind; after the stale limit it is tried again (or failed when used up).
  const recoverStale = db.prepare(
    `UPDATE mail_outbox
        SET status = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'queued' END,
            next_attempt_at = CASE WHEN attempts >= @maxAttempts THEN NULL ELSE @now END,
            last_error = @note, updated_at = @now
      WHERE status = 'sending' AND updated_at < @cutoff`,
  );
  const claimNext = db.prepare<{ now: number }, { id: number }>(
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now
      WHERE status = 'queued' AND id = (
        SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= @now
         ORDER BY next_attempt_at, id LIMIT 1)
      RETURNING id`,
  );
  const markSent = db.prepare(
    `UPDATE mail_outbox SET status = 'sent', message_id = ?, sent_at = ?, updated_at = ?, next_attempt_at = NULL,
            last_error = NULL
      WHERE id = ? AND status = 'sending'`,
  );
  const markRetry = db.prepare(
    `UPDATE mail_outbox SET status = 'queued', last_error = ?, next_attempt_at = ?, updated_at = ?
      WHERE id = ? AND status = 'sending'`,
  );
  const markFailed = db.prepare(
    `UPDATE mail_outbox SET status = 'failed', last_error = ?, next_attempt_at = NULL, updated_at = ?
      WHERE id = ? AND status = 'sending'`,
  );
  // A retry by hand starts the back-off afresh; the last error stays visible until the next attempt.
  const requeue = db.prepare(
    `UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ?
      WHERE id = ? AND status IN ('failed', 'cancelled')`,
  );
  const cancel = db.prepare(
    `UPDATE mail_outbox SET status = 'cancelled', next_attempt_at = NULL, updated_at = ?
      WHERE id = ? AND status IN ('queued', 'failed')`,
  );

  return {
    insert: (row: NewOutboxRow): number => Number(insert.run(row).lastInsertRowid),
    byId: (id: number): OutboxDbRow | undefined => byId.get(id),
    page: (f: OutboxFilter): OutboxDbRow[] => pageStatement(f).all({ ...f }) as OutboxDbRow[],
    counts: (dossierId?: number): Array<{ status: OutboxStatus; n: number }> =>
      dossierId === undefined ? countsAll.all() : countsOfDossier.all(dossierId),
    recoverStale: (cutoff: number, now: number, maxAttempts: number, note: string): number =>
      recoverStale.run({ cutoff, now, maxAttempts, note }).changes,
    /** The next due row, now 'sending' with its attempt counted; undefined when none is due. */
    claimNext: (now: number): number | undefined => claimNext.get({ now })?.id,
    markSent: (id: number, messageId: string, at: number): boolean => markSent.run(messageId, at, at, id).changes === 1,
    markRetry: (id: number, error: string, nextAt: number, at: number): boolean =>
      markRetry.run(error, nextAt, at, id).changes === 1,
    markFailed: (id: number, error: string, at: number): boolean => markFailed.run(error, at, id).changes === 1,
    requeue: (id: number, at: number): boolean => requeue.run(at, at, id).changes === 1,
    cancel: (id: number, at: number): boolean => cancel.run(at, id).changes === 1,
  };
}

export type OutboxRepo = ReturnType<typeof outboxRepo>;
