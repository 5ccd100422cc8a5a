import type { HolidaysView } from '../../contract';
import { isoDayToVn } from '../../core/vntime';
import { positiveInt, withDesk, type Command } from '../command';

const KIND_LABELS = { holiday: 'Nghỉ lễ', compensatory: 'Nghỉ bù', working: 'Làm bù', off: 'Nghỉ hoán đổi' } as const;
const STATUS_LABELS = { official: 'chính thức', proposed: 'đề xuất — cần quản trị viên xác nhận', confirmed: 'đã xác nhận' } as const;

export const holidaysCommand: Command = {
  name: 'holidays',
  usage: 'holidays --year Y [--propose]                bảng ngày nghỉ lễ của năm (hoặc đề xuất theo âm lịch)',
  options: { year: { type: 'string' }, propose: { type: 'boolean', default: false } },
  run: async (ctx) => {
    const year = positiveInt(ctx.values.year, 'year', 2199);
    const v = await withDesk<HolidaysView>(ctx, ctx.values.propose ? 'proposeHolidays' : 'getHolidays', { year });
    ctx.out(
      v,
      [
        `Năm ${v.year}: bảng ${STATUS_LABELS[v.table.status]}${v.table.confirmedBy ? ` (${v.table.confirmedBy})` : ''} · ${v.workingDays} ngày làm việc`,
        `Nguồn: ${v.table.source}`,
        '',
        ...v.table.entries.map((e) => `  ${isoDayToVn(e.date)}  ${KIND_LABELS[e.kind].padEnd(14)} ${e.name}`),
        '',
        'Các đợt nghỉ:',
        ...v.offPeriods.map((p) => `  ${isoDayToVn(p.from)} – ${isoDayToVn(p.to)}  ${String(p.days).padStart(2)} ngày  ${p.name}`),
        ...(v.issues.length ? ['', 'Cần xem lại:', ...v.issues.map((i) => `  [${i.severity === 'error' ? 'lỗi' : 'lưu ý'}] ${i.message}`)] : []),
      ].join('\n'),
    );
    return 0;
  },
};
