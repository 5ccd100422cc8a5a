import type { CccdResult } from '../../contract';
import { positiveInt, UsageError, withDesk, type Command } from '../command';

export const cccdCommand: Command = {
  name: 'cccd',
  usage: 'cccd <số> [--birth-year Y] [--gender nam|nu]  kiểm tra số CCCD/định danh cá nhân',
  options: { 'birth-year': { type: 'string' }, gender: { type: 'string' } },
  positionals: 1,
  run: async (ctx) => {
    const number = ctx.args[0];
    if (!number) throw new UsageError('Thiếu số CCCD');
    const g = ctx.values.gender;
    if (g !== undefined && g !== 'nam' && g !== 'nu') throw new UsageError('--gender phải là "nam" hoặc "nu"');
    const input = {
      number,
      ...(ctx.values['birth-year'] !== undefined ? { birthYear: positiveInt(ctx.values['birth-year'], 'birth-year', 2100) } : {}),
      ...(g !== undefined ? { gender: g === 'nam' ? 'male' : 'female' } : {}),
    };
    const r = await withDesk<CccdResult>(ctx, 'checkCccd', input);
    ctx.out(
      r,
      r.valid
        ? `Hợp lệ: nơi đăng ký khai sinh ${r.provinceName} (${r.provinceCode}), ${r.gender === 'female' ? 'nữ' : 'nam'}, sinh năm ${r.birthYear}`
        : `Không hợp lệ: ${r.problem}`,
    );
    return r.valid ? 0 : 1;
  },
};
