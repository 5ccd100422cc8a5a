import path from 'node:path';
import { createDesk } from '../../services/desk';
import { requiredString, UsageError, type Command } from '../command';
import { fromLocalMs, parseDayKey, DAY_MS } from '../../core/calendar/days';

export const exportCommand: Command = {
  name: 'export',
  usage: 'export --since <yyyy-mm-dd | thời điểm ISO> [--out tệp.zip]   xuất thay đổi trạng thái để đồng bộ lên tỉnh',
  options: { since: { type: 'string' }, out: { type: 'string' } },
  run: async (ctx) => {
    const raw = requiredString(ctx.values.since, 'since');
    // A day is the Vietnamese calendar day (from 00:00 UTC+7); an instant is taken as given.
    const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? parseDayKey(raw) : undefined;
    const since = day !== undefined ? fromLocalMs(day * DAY_MS) : new Date(raw);
    if (Number.isNaN(since.getTime())) throw new UsageError(`--since phải là ngày yyyy-mm-dd hoặc thời điểm ISO, nhận được "${raw}"`);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const out = path.resolve(typeof ctx.values.out === 'string' ? ctx.values.out : `dong-bo-${stamp}.zip`);
    const desk = createDesk({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, version: ctx.version });
    try {
      const r = await desk.exportChanges(since, out);
      ctx.out(r, `Đã xuất ${r.changes} thay đổi trạng thái và ${r.documents} văn bản vào ${r.path}`);
    } finally {
      desk.close();
    }
    return 0;
  },
};
