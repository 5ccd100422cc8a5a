import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DeskError, STATUS_NAMES, type StatusCode } from '../contract';
import { createDesk, readVersion } from '../services/desk';
import { defaultDataDir } from '../services/paths';
import { seedDossiers } from '../services/seed';
import { DB_FILE_NAME } from '../db/connection';

/** `desk`: the administrator's command line. Every command takes --json and --data-dir; bad input exits non-zero. */
const root = typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();
const resourcesDir = path.join(root, 'resources');

const USAGE = `Cách dùng: desk <lệnh> [tùy chọn]

Lệnh:
  seed --dossiers N [--years Y] [--seed S]   tạo N hồ sơ mẫu (tên, địa chỉ, thủ tục, trạng thái, thời gian nhiều năm)
  info                                        số hồ sơ theo trạng thái
  bench [--sizes 10000,100000,1000000]        đo hiệu năng trên cơ sở dữ liệu tạm

Tùy chọn chung:
  --data-dir D   thư mục dữ liệu (mặc định: DESK_DATA_DIR hoặc thư mục dữ liệu của ứng dụng)
  --json         in kết quả dạng JSON
  -h, --help     trợ giúp`;

class UsageError extends Error {}

function positiveInt(value: string | undefined, name: string, max = 100_000_000): number {
  if (value === undefined) throw new UsageError(`Thiếu --${name}`);
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} phải là số nguyên dương (1–${max}), nhận được "${value}"`);
  }
  return Number(value);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      dossiers: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      sizes: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (rest.length > 0) throw new UsageError(`Thừa tham số: ${rest.join(' ')}`);
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const version = readVersion(root);
  const out = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json, null, 2) : text);

  switch (command) {
    case 'seed': {
      const n = positiveInt(values.dossiers, 'dossiers', 5_000_000);
      const years = values.years === undefined ? 4 : positiveInt(values.years, 'years', 30);
      const seed = values.seed === undefined ? undefined : positiveInt(values.seed, 'seed', 2 ** 31);
      let lastPct = -1;
      const report = seedDossiers(
        { dataDir, resourcesDir, version },
        {
          dossiers: n,
          years,
          seed,
          onProgress: (done, total) => {
            const pct = Math.floor((done / total) * 100);
            if (!values.json && process.stderr.isTTY && pct !== lastPct) process.stderr.write(`\rĐang tạo… ${pct}%`);
            lastPct = pct;
          },
        },
      );
      if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
      out(
        { ...report, dataDir },
        `Đã tạo ${report.inserted.toLocaleString('vi-VN')} hồ sơ mẫu trong ${report.seconds.toFixed(1)} giây (${dataDir}).`,
      );
      return 0;
    }
    case 'info': {
      if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) throw new UsageError(`Chưa có cơ sở dữ liệu trong ${dataDir}`);
      const desk = createDesk({ dataDir, resourcesDir, version });
      try {
        const counts = await desk.queueCounts({});
        const setup = await desk.getSetup({});
        if (!counts.ok || !setup.ok) throw new Error('không đọc được số liệu');
        const rows = Object.entries(counts.value.byStatus).map(([code, count]) => ({
          status: Number(code),
          name: STATUS_NAMES[Number(code) as StatusCode] ?? '?',
          count,
        }));
        const size = fs.statSync(path.join(dataDir, DB_FILE_NAME)).size;
        out(
          { dataDir, version, agency: setup.value.agency, total: counts.value.total, byStatus: rows, databaseBytes: size },
          [
            `Thư mục dữ liệu: ${dataDir}`,
            `Đơn vị: ${setup.value.agency?.agencyName ?? '(chưa thiết lập)'}`,
            `Tổng số hồ sơ: ${counts.value.total.toLocaleString('vi-VN')}`,
            ...rows.map((r) => `  ${String(r.status).padStart(2)} ${r.name.padEnd(38)} ${r.count.toLocaleString('vi-VN').padStart(12)}`),
            `Dung lượng: ${(size / 1024 / 1024).toFixed(1)} MB`,
          ].join('\n'),
        );
      } finally {
        desk.close();
      }
      return 0;
    }
    case 'bench': {
      const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map((s) => positiveInt(s.trim(), 'sizes', 5_000_000));
      const { runBench } = await import('../services/bench');
      const report = await runBench({ sizes, resourcesDir, version, log: values.json ? () => {} : (l: string) => console.error(l) });
      out(report, report.table + '\n\n' + JSON.stringify(report.results));
      return 0;
    }
    default:
      throw new UsageError(`Không có lệnh "${command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`Lỗi: ${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`Lỗi: ${err instanceof DeskError ? err.message : (err as Error).message}`);
    process.exit(1);
  },
);
