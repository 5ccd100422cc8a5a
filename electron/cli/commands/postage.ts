import { POSTAL_DIRECTIONS, type PostageQuote, type PostalDirection } from '../../contract';
import { isoDayToVn } from '../../core/vntime';
import { formatVnd } from '../../core/money-words';
import { positiveInt, requiredString, UsageError, withDesk, type Command } from '../command';

const amount = (n: number) => (n < 0 ? `-${formatVnd(-n)}` : formatVnd(n));

/** The postage of one item with the tariff in force in the data folder (the shipped default until one is saved). */
export const postageCommand: Command = {
  name: 'postage',
  usage:
    'postage --grams G --to <mã tỉnh> --direction send|return|both [--forward-fee] [--exempt <mã>] [--from <mã tỉnh>]   cước bưu chính công ích',
  options: {
    grams: { type: 'string' },
    to: { type: 'string' },
    direction: { type: 'string' },
    'forward-fee': { type: 'boolean', default: false },
    exempt: { type: 'string' },
    from: { type: 'string' },
  },
  run: async (ctx) => {
    // "0", "-5" and "1.5" reach the desk, which refuses them with the tariff's own message.
    const rawGrams = requiredString(ctx.values.grams, 'grams');
    const grams = /^-?\d+(\.\d+)?$/.test(rawGrams) ? Number(rawGrams) : positiveInt(rawGrams, 'grams');
    const direction = requiredString(ctx.values.direction, 'direction');
    if (!(POSTAL_DIRECTIONS as readonly string[]).includes(direction)) {
      throw new UsageError(`--direction "${direction}" không có; dùng một trong: ${POSTAL_DIRECTIONS.join(', ')}`);
    }
    const input = {
      grams,
      province: requiredString(ctx.values.to, 'to'),
      direction: direction as PostalDirection,
      forwardFee: ctx.values['forward-fee'] === true,
      ...(ctx.values.exempt !== undefined ? { exemption: requiredString(ctx.values.exempt, 'exempt') } : {}),
      ...(ctx.values.from !== undefined ? { fromProvince: requiredString(ctx.values.from, 'from') } : {}),
    };
    const q = await withDesk<PostageQuote>(ctx, 'quotePostage', input);
    const width = Math.max(...q.lines.map((l) => l.label.length));
    ctx.out(
      q,
      [
        `Bảng cước: ${q.tariffName} (áp dụng từ ${isoDayToVn(q.tariffValidFrom)})`,
        `${q.agencyProvince.name} → ${q.province.name}: ${q.zoneLabel.toLocaleLowerCase('vi')}, ${q.grams} g`,
        ...q.lines.map((l) => `  ${l.label.padEnd(width)}  ${amount(l.amount).padStart(14)}   ${l.detail}`),
        `Tổng: ${formatVnd(q.total)}${q.vatIncluded ? ' (giá đã gồm thuế GTGT)' : ''}`,
        ...q.warnings.map((w) => `Lưu ý: ${w}`),
      ].join('\n'),
    );
    return 0;
  },
};
