import type { MethodOutput, OnTimeRow, OnTimeTotals, ParsedInput } from '../contract';
import { onTimeRate } from '../contract/stats';
import { fromVnParts, vnParts } from '../core/vntime';
import type { Db } from '../db/connection';
import { statsRepo, type StatsCell } from '../db/stats-repo';

export interface StatsDeps {
  db: Db;
  clock: () => Date;
}

type Methods = 'onTimeStats';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of the Vietnamese calendar month of an instant (the JavaScript twin of stats-repo's vnMonthSql). */
export function vnMonthKey(ms: number): string {
  const p = vnParts(new Date(ms));
  return `${p.year}-${pad2(p.month)}`;
}

export interface StatsPeriod {
  year: number;
  /** First and last Vietnamese calendar day, inclusive. */
  from: string;
  to: string;
  /** The same as instants, [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** 'YYYY-MM' of every month the period touches, in order. */
  months: string[];
}

/** The year, narrowed to from/to when given (the contract has checked that they are real days of the year). */
export function statsPeriod(q: { year: number; from?: string; to?: string }): StatsPeriod {
  const from = q.from ?? `${q.year}-01-01`;
  const to = q.to ?? `${q.year}-12-31`;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months: string[] = [];
  for (let m = fm; fy === ty && m <= tm; m++) months.push(`${q.year}-${pad2(m)}`);
  return {
    year: q.year,
    from,
    to,
    fromMs: fromVnParts(fy, fm, fd).getTime(),
    // Date.UTC carries day 32 into the next month, so the day after the 31st needs no special case.
    toMs: fromVnParts(ty, tm, td + 1).getTime(),
    months,
  };
}

interface Tally {
  early: number;
  onTime: number;
  late: number;
  unscored: number;
}

const emptyTally = (): Tally => ({ early: 0, onTime: 0, late: 0, unscored: 0 });

function add(t: Tally, cell: Pick<StatsCell, 'ontime' | 'n'>): void {
  if (cell.ontime === 'early') t.early += cell.n;
  else if (cell.ontime === 'on_time') t.onTime += cell.n;
  else if (cell.ontime === 'late') t.late += cell.n;
  else t.unscored += cell.n;
}

export function totalsOf(t: Tally): OnTimeTotals {
  return { finished: t.early + t.onTime + t.late + t.unscored, ...t, rate: onTimeRate(t) };
}

const byMostFinished = (a: OnTimeRow, b: OnTimeRow) => b.finished - a.finished || a.label.localeCompare(b.label, 'vi');

/**
 * Folds the grouped cells into the dashboard's totals, months (every month of the period, empty ones included),
 * fields and officers (only those with a finished dossier). Pure.
 */
export function foldCells(
  cells: readonly StatsCell[],
  months: readonly string[],
  fieldOf: (procedureId: string) => string,
  officerName: (id: number) => string | undefined,
) {
  const total = emptyTally();
  const byMonth = new Map(months.map((m) => [m, emptyTally()]));
  const byField = new Map<string, Tally>();
  const byOfficer = new Map<string, Tally>();
  const bucket = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = emptyTally()));
    return t;
  };
  for (const c of cells) {
    add(total, c);
    // A cell outside the months cannot happen (the range is the months'); dropping it would hide a bug, so count it.
    add(bucket(byMonth, c.month), c);
    add(bucket(byField, fieldOf(c.procedureId)), c);
    add(bucket(byOfficer, c.officerId === null ? 'none' : String(c.officerId)), c);
  }
  const monthLabel = (key: string) => `Tháng ${Number(key.slice(5))}/${key.slice(0, 4)}`;
  const officerLabel = (key: string) =>
    key === 'none' ? 'Không ghi cán bộ' : (officerName(Number(key)) ?? `Cán bộ số ${key}`);
  return {
    totals: totalsOf(total),
    byMonth: [...byMonth].map(([key, t]) => ({ key, label: monthLabel(key), ...totalsOf(t) })),
    byField: [...byField].map(([key, t]) => ({ key, label: key, ...totalsOf(t) })).sort(byMostFinished),
    byOfficer: [...byOfficer].map(([key, t]) => ({ key, label: officerLabel(key), ...totalsOf(t) })).sort(byMostFinished),
  };
}

/** The contract methods of the on-time dashboard. */
export function statsMethods(deps: StatsDeps): { [M in Methods]: (input: ParsedInput<M>) => MethodOutput<M> } {
  const repo = statsRepo(deps.db);
  // One read transaction: the finished cube and the overdue count describe the same moment.
  const read = deps.db.transaction((input: ParsedInput<'onTimeStats'>, now: Date) => {
    const period = statsPeriod(input);
    const filter = { field: input.field ? input.field : null, officerId: input.officerId ?? null };
    const cells = repo.cells(period.fromMs, period.toMs, filter);
    const fields = repo.fields();
    const names = repo.officerNames();
    return {
      period: { year: period.year, from: period.from, to: period.to },
      ...foldCells(cells, period.months, (id) => fields.get(id) ?? id, (id) => names.get(id)),
      overdueOpen: repo.overdueOpen(now.getTime(), filter),
      generatedAt: now.toISOString(),
    };
  });
  return {
    onTimeStats: (input) => read(input, deps.clock()),
  };
}
