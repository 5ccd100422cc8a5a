import type { OnTimeVerdictValue } from '../contract/stats';
import type { Db } from './connection';
import { RUNNING_STATUSES } from './queue-repo';

/**
 * The Vietnamese calendar month ('YYYY-MM') of an epoch-ms column: UTC+7 with no daylight saving, so a fixed
 * shift is exact (core/vntime). Kept here as one expression so a unit test can check it at the month boundary.
 */
export const vnMonthSql = (column: string) => `strftime('%Y-%m', ${column} / 1000 + 25200, 'unixepoch')`;

/** One cell of the cube: finished dossiers of a month, procedure, finishing officer and verdict. */
export interface StatsCell {
  month: string;
  procedureId: string;
  officerId: number | null;
  /** null: finished before scoring existed ("chưa chấm"). */
  ontime: OnTimeVerdictValue | null;
  n: number;
}

export interface StatsFilter {
  field: string | null;
  officerId: number | null;
}

type Param = string | number;

/**
 * The on-time dashboard's reads. One pass over the finished dossiers of the period, walking the partial index
 * dossiers_finished (migration 005) and grouping in SQLite into a small cube (months × procedures × officers ×
 * verdicts: a few thousand cells at most), which the service folds into totals, months, fields and officers.
 * Grouping by procedure rather than joining the field keeps the scan free of a lookup per row.
 */
export function statsRepo(db: Db) {
  const statements = new Map<string, { all: (...params: Param[]) => unknown[] }>();
  const run = <T>(sql: string, params: Param[]): T[] => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<Param[], unknown>(sql);
      statements.set(sql, stmt);
    }
    return stmt.all(...params) as T[];
  };
  const procedures = db.prepare<[], { id: string; field: string }>(`SELECT id, field FROM procedures`);
  // Inactive officers too: they still finished dossiers in past months.
  const officers = db.prepare<[], { id: number; fullName: string }>(`SELECT id, full_name AS fullName FROM officers`);

  /** The same field filter for both reads: the queue filters by the field of the procedure in force. */
  const fieldSql = `d.procedure_id IN (SELECT id FROM procedures WHERE field = ?)`;

  const cellsQuery = (fromMs: number, toMs: number, f: StatsFilter) => {
    const where = ['d.finished_at >= ?', 'd.finished_at < ?'];
    const params: Param[] = [fromMs, toMs];
    if (f.field !== null) {
      where.push(fieldSql);
      params.push(f.field);
    }
    if (f.officerId !== null) {
      where.push('d.finished_by = ?');
      params.push(f.officerId);
    }
    const sql = `SELECT ${vnMonthSql('d.finished_at')} AS month, d.procedure_id AS procedureId,
                        d.finished_by AS officerId, d.ontime, count(*) AS n
                   FROM dossiers d
                  WHERE ${where.join(' AND ')}
                  GROUP BY 1, 2, 3, 4`;
    return { sql, params };
  };

  const overdueQuery = (now: number, f: StatsFilter) => {
    // Written exactly as the partial index dossiers_running_due's WHERE, so the planner can use it.
    const where = [`d.status IN (${RUNNING_STATUSES.join(', ')})`, 'd.due_at < ?'];
    const params: Param[] = [now];
    if (f.field !== null) {
      where.push(fieldSql);
      params.push(f.field);
    }
    if (f.officerId !== null) {
      // Unary plus: not an index term, so the planner stays on the running dossiers (a few percent) rather than
      // walking all of an officer's dossiers over the years through dossiers_assignee_received.
      where.push('+d.assignee_id = ?');
      params.push(f.officerId);
    }
    return { sql: `SELECT count(*) AS n FROM dossiers d WHERE ${where.join(' AND ')}`, params };
  };

  return {
    /** Finished in [fromMs, toMs), grouped. */
    cells(fromMs: number, toMs: number, f: StatsFilter): StatsCell[] {
      const { sql, params } = cellsQuery(fromMs, toMs, f);
      return run<StatsCell>(sql, params);
    },
    /** Open dossiers whose clock runs and whose due date is before `now`; the officer is the assignee. */
    overdueOpen(now: number, f: StatsFilter): number {
      const { sql, params } = overdueQuery(now, f);
      return run<{ n: number }>(sql, params)[0]?.n ?? 0;
    },
    /** Every procedure's field, retired ones included (old dossiers point at them). */
    fields: (): Map<string, string> => new Map(procedures.all().map((p) => [p.id, p.field])),
    officerNames: (): Map<number, string> => new Map(officers.all().map((o) => [o.id, o.fullName])),
    /** The statements as run, for EXPLAIN QUERY PLAN in tests. */
    sqlOf: { cells: cellsQuery, overdueOpen: overdueQuery },
  };
}

export type StatsRepo = ReturnType<typeof statsRepo>;
