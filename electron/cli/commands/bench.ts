import { positiveInt, UsageError, type Command } from '../command';

export const benchCommand: Command = {
  name: 'bench',
  usage:
    'bench [--sizes 10000,100000,1000000] [--imports 1000] [--register-rows 100000]   đo hiệu năng trên cơ sở dữ liệu tạm ' +
    '(--imports: số gói trực tuyến nhập thử ở mỗi cỡ; --register-rows: số dòng Sổ theo dõi xuất thử; 0 để bỏ qua)',
  options: { sizes: { type: 'string' }, imports: { type: 'string' }, 'register-rows': { type: 'string' } },
  run: async ({ values, resourcesDir, version, json, out }) => {
    const sizes = String(values.sizes ?? '10000,100000,1000000')
      .split(',')
      .map((s) => positiveInt(s.trim(), 'sizes', 5_000_000));
    const importsText = String(values.imports ?? '1000').trim();
    if (!/^\d+$/.test(importsText) || Number(importsText) > 100_000) {
      throw new UsageError(`--imports phải là số nguyên từ 0 đến 100000, nhận được "${importsText}"`);
    }
    const rowsText = String(values['register-rows'] ?? '100000').trim();
    if (!/^\d+$/.test(rowsText) || Number(rowsText) > 2_000_000) {
      throw new UsageError(`--register-rows phải là số nguyên từ 0 đến 2000000, nhận được "${rowsText}"`);
    }
    const { runBench } = await import('../../services/bench');
    const report = await runBench({
      sizes,
      imports: Number(importsText),
      registerRows: Number(rowsText),
      resourcesDir,
      version,
      log: json ? () => {} : (l: string) => console.error(l),
    });
    out(report, report.table + '\n\n' + JSON.stringify(report.results));
    return 0;
  },
};
