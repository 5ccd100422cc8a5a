import { seedDossiers } from '../../services/seed';
import { positiveInt, type Command } from '../command';

export const seedCommand: Command = {
  name: 'seed',
  usage: 'seed --dossiers N [--years Y] [--seed S]   tạo N hồ sơ mẫu (tên, địa chỉ, thủ tục, trạng thái, thời gian nhiều năm)',
  options: { dossiers: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' } },
  run: ({ values, dataDir, resourcesDir, version, json, out }) => {
    const n = positiveInt(values.dossiers, 'dossiers', 5_000_000);
    const years = values.years === undefined ? 4 : positiveInt(values.years, 'years', 30);
    const seed = values.seed === undefined ? undefined : positiveInt(values.seed, 'seed', 2 ** 31);
    let lastPct = -1;
    const progress = !json && process.stderr.isTTY;
    const report = seedDossiers(
      { dataDir, resourcesDir, version },
      {
        dossiers: n,
        years,
        seed,
        onProgress: (done, total) => {
          const pct = Math.floor((done / total) * 100);
          if (progress && pct !== lastPct) process.stderr.write(`\rĐang tạo… ${pct}%`);
          lastPct = pct;
        },
      },
    );
    if (progress) process.stderr.write('\n');
    out(
      { ...report, dataDir },
      `Đã tạo ${report.inserted.toLocaleString('vi-VN')} hồ sơ mẫu trong ${report.seconds.toFixed(1)} giây (${dataDir}).`,
    );
    return 0;
  },
};
