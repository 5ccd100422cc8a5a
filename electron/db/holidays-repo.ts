import { holidayYear, type HolidayYear } from '../contract/calendar';
import type { Db } from './connection';

/** Holiday tables stored by the desk: proposals under review and tables an administrator confirmed. */
export function holidaysRepo(db: Db) {
  const all = db.prepare<[], { json: string }>(`SELECT json FROM holiday_years ORDER BY year`);
  const one = db.prepare<[number], { json: string }>(`SELECT json FROM holiday_years WHERE year = ?`);
  const upsert = db.prepare(
    `INSERT INTO holiday_years (year, status, json, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year) DO UPDATE SET status = excluded.status, json = excluded.json, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const parse = (json: string): HolidayYear => holidayYear.parse(JSON.parse(json));
  return {
    list: (): HolidayYear[] => all.all().map((r) => parse(r.json)),
    get: (year: number): HolidayYear | undefined => {
      const row = one.get(year);
      return row ? parse(row.json) : undefined;
    },
    save: (table: HolidayYear, by: number | null, at: number): void =>
      void upsert.run(table.year, table.status, JSON.stringify(table), at, by),
  };
}
