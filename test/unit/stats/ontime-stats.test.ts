import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { onTimeRate, onTimeStatsInput, onTimeStatsOutput } from '../../../electron/contract/stats';
import { vnMonthSql, type StatsCell } from '../../../electron/db/stats-repo';
import { foldCells, statsPeriod, vnMonthKey } from '../../../electron/services/stats-methods';

/** The pure pieces of the on-time dashboard: the rate, Vietnamese month bucketing, the period, the fold. */

describe('onTimeRate (QĐ 766: early and on time over scored)', () => {
  it('is null when nothing is scored', () => {
    expect(onTimeRate({ early: 0, onTime: 0, late: 0 })).toBeNull();
  });
  it('counts early as on time and leaves the unscored out', () => {
    expect(onTimeRate({ early: 1, onTime: 2, late: 1 })).toBe(0.75);
    expect(onTimeRate({ early: 0, onTime: 0, late: 3 })).toBe(0);
    expect(onTimeRate({ early: 5, onTime: 0, late: 0 })).toBe(1);
    // unscored is not a parameter: a row with 7 unscored and 1 late is 0 %, not 0 of 8.
    expect(onTimeRate({ early: 0, onTime: 0, late: 1, ...{ unscored: 7 } })).toBe(0);
  });
});

describe('Vietnamese calendar month (UTC+7, no daylight saving)', () => {
  const cases: Array<[string, string]> = [
    ['2026-01-31T16:59:59.999Z', '2026-01'],
    ['2026-01-31T17:00:00.000Z', '2026-02'],
    ['2026-01-31T17:30:00.000Z', '2026-02'], // 00:30 on 1 February in Vietnam
    ['2025-12-31T16:59:59.000Z', '2025-12'],
    ['2025-12-31T17:00:00.000Z', '2026-01'], // New Year in Vietnam, still 31/12 in UTC
    ['2026-02-28T17:00:00.000Z', '2026-03'],
    ['2028-02-29T12:00:00.000Z', '2028-02'],
    ['2026-11-30T17:00:00.000Z', '2026-12'],
  ];

  it.each(cases)('%s is in %s (JavaScript)', (iso, month) => {
    expect(vnMonthKey(Date.parse(iso))).toBe(month);
  });

  it('the SQL expression the repository groups by agrees at every boundary and on a sweep', () => {
    const db = new Database(':memory:');
    try {
      const stmt = db.prepare<[number], { m: string }>(`SELECT ${vnMonthSql('?')} AS m`);
      for (const [iso, month] of cases) expect(stmt.get(Date.parse(iso))!.m, iso).toBe(month);
      // Every 7 hours 13 minutes for three years: both sides of every month boundary are visited.
      const start = Date.parse('2025-01-01T00:00:00Z');
      for (let t = start; t < start + 3 * 366 * 86_400_000; t += 7 * 3_600_000 + 13 * 60_000) {
        expect(stmt.get(t)!.m).toBe(vnMonthKey(t));
      }
    } finally {
      db.close();
    }
  });
});

describe('statsPeriod', () => {
  it('a whole year is twelve months, from 00:00 on 1/1 to 00:00 on the next 1/1, Vietnam time', () => {
    const p = statsPeriod({ year: 2026 });
    expect(p.from).toBe('2026-01-01');
    expect(p.to).toBe('2026-12-31');
    expect(new Date(p.fromMs).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(new Date(p.toMs).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(p.months).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
  });

  it('a period keeps the months it touches and ends after its last day', () => {
    const p = statsPeriod({ year: 2026, from: '2026-02-15', to: '2026-04-30' });
    expect(p.months).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(new Date(p.fromMs).toISOString()).toBe('2026-02-14T17:00:00.000Z');
    expect(new Date(p.toMs).toISOString()).toBe('2026-04-30T17:00:00.000Z');
  });

  it('an open end runs to the end of the year; one day is one month', () => {
    expect(statsPeriod({ year: 2026, from: '2026-11-01' }).months).toEqual(['2026-11', '2026-12']);
    expect(statsPeriod({ year: 2026, to: '2026-01-31' }).months).toEqual(['2026-01']);
    const day = statsPeriod({ year: 2026, from: '2026-02-28', to: '2026-02-28' });
    expect(day.months).toEqual(['2026-02']);
    expect(day.toMs - day.fromMs).toBe(86_400_000);
  });
});

describe('foldCells', () => {
  const fields: Record<string, string> = { a: 'Chứng thực', b: 'Chứng thực', c: 'Hộ tịch' };
  const names: Record<number, string> = { 1: 'Lê Thị Hoa', 2: 'Trần Văn Bình' };
  const cell = (month: string, procedureId: string, officerId: number | null, ontime: StatsCell['ontime'], n: number): StatsCell => ({
    month,
    procedureId,
    officerId,
    ontime,
    n,
  });
  const fold = (cells: StatsCell[]) =>
    foldCells(cells, ['2026-01', '2026-02', '2026-03'], (id) => fields[id]!, (id) => names[id]);

  it('keeps every month, groups procedures into their field, names officers', () => {
    const r = fold([
      cell('2026-01', 'a', 1, 'early', 2),
      cell('2026-01', 'b', 1, 'on_time', 3),
      cell('2026-01', 'c', 2, 'late', 1),
      cell('2026-03', 'c', null, null, 4),
      cell('2026-03', 'a', 2, 'late', 1),
    ]);
    expect(r.totals).toEqual({ finished: 11, early: 2, onTime: 3, late: 2, unscored: 4, rate: 5 / 7 });
    expect(r.byMonth.map((m) => [m.key, m.label, m.finished, m.rate])).toEqual([
      ['2026-01', 'Tháng 1/2026', 6, 5 / 6],
      ['2026-02', 'Tháng 2/2026', 0, null],
      ['2026-03', 'Tháng 3/2026', 5, 0],
    ]);
    expect(r.byField).toEqual([
      { key: 'Chứng thực', label: 'Chứng thực', finished: 6, early: 2, onTime: 3, late: 1, unscored: 0, rate: 5 / 6 },
      { key: 'Hộ tịch', label: 'Hộ tịch', finished: 5, early: 0, onTime: 0, late: 1, unscored: 4, rate: 0 },
    ]);
    expect(r.byOfficer.map((o) => [o.key, o.label, o.finished])).toEqual([
      ['1', 'Lê Thị Hoa', 5],
      ['none', 'Không ghi cán bộ', 4],
      ['2', 'Trần Văn Bình', 2],
    ]);
  });

  it('ties are ordered by name (Vietnamese collation); nothing finished gives empty groups and null rates', () => {
    const r = fold([cell('2026-02', 'c', 2, 'early', 1), cell('2026-02', 'a', 1, 'early', 1)]);
    expect(r.byOfficer.map((o) => o.label)).toEqual(['Lê Thị Hoa', 'Trần Văn Bình']);
    expect(r.byField.map((f) => f.label)).toEqual(['Chứng thực', 'Hộ tịch']);
    const empty = fold([]);
    expect(empty.totals).toEqual({ finished: 0, early: 0, onTime: 0, late: 0, unscored: 0, rate: null });
    expect(empty.byMonth).toHaveLength(3);
    expect(empty.byField).toEqual([]);
    expect(empty.byOfficer).toEqual([]);
  });

  it('its output fits the contract', () => {
    const r = fold([cell('2026-01', 'a', 1, 'early', 2)]);
    const out = { period: { year: 2026, from: '2026-01-01', to: '2026-03-31' }, ...r, overdueOpen: 0, generatedAt: new Date().toISOString() };
    expect(onTimeStatsOutput.safeParse(out).success).toBe(true);
  });
});

describe('onTimeStatsInput', () => {
  const issues = (raw: unknown) => {
    const r = onTimeStatsInput.safeParse(raw);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('takes a year with an optional period, field and officer', () => {
    expect(onTimeStatsInput.parse({ year: 2026, from: '2026-03-01', to: '2026-03-31', field: ' Hộ tịch ', officerId: 3 })).toEqual({
      year: 2026,
      from: '2026-03-01',
      to: '2026-03-31',
      field: 'Hộ tịch',
      officerId: 3,
    });
  });

  it('refuses with Vietnamese messages on the field that is wrong', () => {
    expect(issues({})).toEqual([['year', 'Năm phải là số']]);
    expect(issues({ year: 1999 })).toEqual([['year', 'Năm phải từ 2000']]);
    expect(issues({ year: 2026, from: '2025-12-01' })).toEqual([['from', 'Từ ngày: phải thuộc năm 2026']]);
    expect(issues({ year: 2026, to: '2026-02-30' })).toEqual([['to', 'Đến ngày: ngày không có trên lịch']]);
    expect(issues({ year: 2026, from: '01/02/2026' })).toEqual([['from', 'Từ ngày: phải có dạng yyyy-mm-dd']]);
    expect(issues({ year: 2026, from: '2026-05-02', to: '2026-05-01' })).toEqual([['to', 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc']]);
    expect(issues({ year: 2026, officerId: 0 })).toEqual([['officerId', 'Cán bộ không hợp lệ']]);
  });
});
