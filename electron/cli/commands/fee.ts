import { EXEMPTION_CATEGORIES, type ExemptionCategory, type FeeQuote } from '../../contract';
import { formatVnd } from '../../core/money-words';
import { positiveInt, requiredString, UsageError, withDesk, type Command } from '../command';

export const feeCommand: Command = {
  name: 'fee',
  usage: `fee --procedure <mã TTHC> [--pages N] [--copies N] [--category ${EXEMPTION_CATEGORIES[0]}]   phí, lệ phí`,
  options: { procedure: { type: 'string' }, pages: { type: 'string' }, copies: { type: 'string' }, category: { type: 'string', multiple: true } },
  run: async (ctx) => {
    const categories = (ctx.values.category as unknown as string[] | undefined) ?? [];
    for (const c of categories) {
      if (!(EXEMPTION_CATEGORIES as readonly string[]).includes(c)) {
        throw new UsageError(`--category "${c}" không có; dùng một trong: ${EXEMPTION_CATEGORIES.join(', ')}`);
      }
    }
    const input = {
      procedure: requiredString(ctx.values.procedure, 'procedure'),
      ...(ctx.values.pages !== undefined ? { pages: positiveInt(ctx.values.pages, 'pages', 100_000) } : {}),
      ...(ctx.values.copies !== undefined ? { copies: positiveInt(ctx.values.copies, 'copies', 10_000) } : {}),
      ...(categories.length ? { categories: categories as ExemptionCategory[] } : {}),
    };
    const q = await withDesk<FeeQuote>(ctx, 'quoteFee', input);
    ctx.out(
      q,
      [
        ...q.lines.map((l) => `  ${l.label}: ${l.quantity} ${l.unit} × ${formatVnd(l.unitPrice)} = ${formatVnd(l.amount)}`),
        `Tổng: ${formatVnd(q.amount)} (${q.words})`,
        q.exemptedBy ? `Miễn: ${q.exemptedBy}` : null,
        q.uncertain ? `Lưu ý: mức thu cần xác nhận${q.uncertainNote ? ` — ${q.uncertainNote}` : ''}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 0;
  },
};
