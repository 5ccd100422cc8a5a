import { positiveInt, type Command } from '../command';

export const benchCommand: Command = {
  name: 'bench',
  usage: 'bench [--sizes 10000,100000,1000000]        đo hiệu năng trên cơ sở dữ liệu tạm',
  options: { sizes: { type: 'string' } },
  run: async ({ values, resourcesDir, version, json, out }) => {
    const sizes = String(values.sizes ?? '10000,100000,1000000')
      .split(',')
      .map((s) => positiveInt(s.trim(), 'sizes', 5_000_000));
    const { runBench } = await import('../../services/bench');
    const report = await runBench({ sizes, resourcesDir, version, log: json ? () => {} : (l: string) => console.error(l) });
    out(report, report.table + '\n\n' + JSON.stringify(report.results));
    return 0;
  },
};
