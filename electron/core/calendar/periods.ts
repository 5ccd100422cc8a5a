/** Announced stretches of days off ("nghỉ Tết 9 ngày, từ 14/02 đến hết 22/02"), derived from a calendar for display. */
import { dayKeyOf, dayNumber, type DayKey } from './days';
import type { WorkCalendar } from './work-calendar';

export interface OffPeriod {
  from: DayKey;
  to: DayKey;
  days: number;
  /** Names of the holidays inside, e.g. "Ngày Chiến thắng, Ngày Quốc tế lao động". */
  name: string;
}

/**
 * Maximal runs of days off that contain at least one table entry of `year` that is not a working day (holiday,
 * compensatory, swapped-off day), weekends around them included. A run may cross into a neighbouring year.
 */
export function offPeriods(cal: WorkCalendar, year: number): OffPeriod[] {
  const start = dayNumber(year, 1, 1);
  const end = dayNumber(year + 1, 1, 1);
  const out: OffPeriod[] = [];
  for (let d = start; d < end; d++) {
    const e = cal.entryOfDay(d);
    if (!e || e.kind === 'working' || cal.isWorkingDayNumber(d)) continue;
    let from = d;
    while (!cal.isWorkingDayNumber(from - 1)) from--;
    let to = d;
    while (!cal.isWorkingDayNumber(to + 1)) to++;
    const names: string[] = [];
    const others: string[] = [];
    for (let x = from; x <= to; x++) {
      const ex = cal.entryOfDay(x);
      if (!ex) continue;
      const list = ex.kind === 'holiday' ? names : others;
      if (!list.includes(ex.name)) list.push(ex.name);
    }
    out.push({ from: dayKeyOf(from), to: dayKeyOf(to), days: to - from + 1, name: (names.length ? names : others).join(', ') });
    d = to;
  }
  return out;
}
