import type { DueResult } from '../../contract';
import { formatVnDateTime } from '../../core/vntime';
import { positiveInt, requiredString, UsageError, withDesk, type Command } from '../command';

export const dueCommand: Command = {
  name: 'due',
  usage: 'due --received <thời điểm ISO> (--procedure <mã TTHC> | --working-days N)   hạn trả kết quả',
  options: { received: { type: 'string' }, procedure: { type: 'string' }, 'working-days': { type: 'string' } },
  run: async (ctx) => {
    const receivedAt = requiredString(ctx.values.received, 'received');
    const procedure = ctx.values.procedure;
    const days = ctx.values['working-days'];
    if ((procedure === undefined) === (days === undefined)) throw new UsageError('Cần đúng một trong hai: --procedure hoặc --working-days');
    const input = {
      receivedAt,
      ...(procedure !== undefined ? { procedure: requiredString(procedure, 'procedure') } : {}),
      ...(days !== undefined ? { workingDays: days === '0' ? 0 : positiveInt(days, 'working-days', 3650) } : {}),
    };
    const r = await withDesk<DueResult>(ctx, 'computeDue', input);
    ctx.out(
      r,
      [
        r.procedure ? `Thủ tục: ${r.procedure.name}${r.procedure.code ? ` (${r.procedure.code})` : ''}` : null,
        `Thời hạn: ${r.limit}`,
        `Tiếp nhận: ${formatVnDateTime(new Date(r.receivedAt))}`,
        `Tính từ: ${formatVnDateTime(new Date(r.countedFrom))}`,
        `Hẹn trả: ${formatVnDateTime(new Date(r.dueAt))}`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 0;
  },
};
