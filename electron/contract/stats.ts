import { z } from 'zod';
import { text } from './primitives';

/**
 * The on-time dashboard (QĐ 766/QĐ-TTg): dossiers finished in a year or a period, early / on time / late (scored
 * when finishing, waiting for the citizen excluded; rows finished before scoring existed are "chưa chấm"), by
 * Vietnamese calendar month, field (lĩnh vực) and finishing officer, and the open dossiers already overdue.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day: 2026-02-30 would silently widen or shrink the period. */
const realDay = (s: string) => {
  const m = DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
};

const statsDay = (label: string) =>
  z
    .string({ error: `${label}: phải có dạng yyyy-mm-dd` })
    .regex(DAY, { error: `${label}: phải có dạng yyyy-mm-dd`, abort: true })
    .refine(realDay, { error: `${label}: ngày không có trên lịch` });

export const onTimeStatsInput = z
  .object({
    year: z
      .number({ error: 'Năm phải là số' })
      .int({ error: 'Năm phải là số nguyên' })
      .min(2000, { error: 'Năm phải từ 2000' })
      .max(2100, { error: 'Năm không quá 2100' }),
    /** Finished from this Vietnamese calendar day, inclusive; within the year. */
    from: statsDay('Từ ngày').optional(),
    /** Finished up to this Vietnamese calendar day, inclusive; within the year. */
    to: statsDay('Đến ngày').optional(),
    /** The catalogue's field (lĩnh vực) name. */
    field: text(200, 'Lĩnh vực').optional(),
    /** The officer who finished the dossier (for the open overdue count: the officer it is assigned to). */
    officerId: z.number({ error: 'Cán bộ không hợp lệ' }).int({ error: 'Cán bộ không hợp lệ' }).positive({ error: 'Cán bộ không hợp lệ' }).optional(),
  })
  .superRefine((q, ctx) => {
    for (const key of ['from', 'to'] as const) {
      const day = q[key];
      // A malformed day has its own message already.
      if (day && realDay(day) && Number(day.slice(0, 4)) !== q.year) {
        ctx.addIssue({ code: 'custom', path: [key], message: `${key === 'from' ? 'Từ ngày' : 'Đến ngày'}: phải thuộc năm ${q.year}` });
      }
    }
    if (q.from && q.to && realDay(q.from) && realDay(q.to) && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc' });
    }
  });
export type OnTimeStatsInput = z.input<typeof onTimeStatsInput>;

const count = z.number().int().min(0);

/** (early + on time) / scored; null when nothing in the group is scored. A fraction 0–1, not a percentage. */
const rate = z.number().min(0).max(1).nullable();

export const onTimeTotals = z.object({
  finished: count,
  early: count,
  onTime: count,
  late: count,
  /** Finished but not scored (finished before scoring existed): "chưa chấm", left out of the rate. */
  unscored: count,
  rate,
});
export type OnTimeTotals = z.output<typeof onTimeTotals>;

export const onTimeRow = onTimeTotals.extend({
  /** byMonth: 'YYYY-MM'; byField: the field's name; byOfficer: the officer's id, or 'none' when not recorded. */
  key: z.string(),
  label: z.string(),
});
export type OnTimeRow = z.output<typeof onTimeRow>;

export const onTimeStatsOutput = z.object({
  /** The period as resolved: first and last Vietnamese calendar day, inclusive. */
  period: z.object({ year: z.number().int(), from: z.string(), to: z.string() }),
  totals: onTimeTotals,
  /** Every month of the period in order, including empty ones. */
  byMonth: z.array(onTimeRow),
  /** Fields with at least one finished dossier, most finished first. */
  byField: z.array(onTimeRow),
  /** Finishing officers with at least one finished dossier, most finished first. */
  byOfficer: z.array(onTimeRow),
  /** Open dossiers whose clock runs (status 2, 4) and whose due date has passed now, as the queue's "Quá hạn". */
  overdueOpen: count,
  generatedAt: z.string(),
});
export type OnTimeStats = z.output<typeof onTimeStatsOutput>;

/** ontime values as stored (migration 005). */
export const ONTIME_VERDICTS = ['early', 'on_time', 'late'] as const;
export type OnTimeVerdictValue = (typeof ONTIME_VERDICTS)[number];

/** (early + on time) / (early + on time + late), null when nothing is scored. */
export function onTimeRate(c: { early: number; onTime: number; late: number }): number | null {
  const scored = c.early + c.onTime + c.late;
  return scored === 0 ? null : (c.early + c.onTime) / scored;
}

export const statsContract = {
  onTimeStats: { input: onTimeStatsInput, output: onTimeStatsOutput },
} as const;
