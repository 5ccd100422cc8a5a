import fs from 'node:fs';
import path from 'node:path';
import { STATUS_NAMES, type StatusCode } from '../../contract';
import { DB_FILE_NAME } from '../../db/connection';
import { createDesk } from '../../services/desk';
import { UsageError, type Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  usage: 'info                                        số hồ sơ theo trạng thái',
  options: {},
  run: async ({ dataDir, resourcesDir, version, out }) => {
    const file = path.join(dataDir, DB_FILE_NAME);
    if (!fs.existsSync(file)) throw new UsageError(`Chưa có cơ sở dữ liệu trong ${dataDir}`);
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
      const size = fs.statSync(file).size;
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
  },
};
