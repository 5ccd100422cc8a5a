import fs from 'node:fs';
import path from 'node:path';
import type { ImportReport } from '../../contract';
import { createDesk } from '../../services/desk';
import { UsageError, type Command } from '../command';

const OUTCOME = { imported: 'ĐÃ NHẬN', duplicate: 'ĐÃ CÓ', invalid: 'LỖI' } as const;

/** The packages named: one .zip, or every .zip of a folder in name order. */
function packagesOf(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new UsageError(`Không tìm thấy "${target}"`, false);
  }
  if (stat.isFile()) return [target];
  const zips = fs
    .readdirSync(target)
    .filter((n) => n.toLowerCase().endsWith('.zip'))
    .sort((a, b) => a.localeCompare(b))
    .map((n) => path.join(target, n));
  if (zips.length === 0) throw new UsageError(`Thư mục "${target}" không có tệp .zip nào`, false);
  return zips;
}

export const importCommand: Command = {
  name: 'import',
  usage: 'import <tệp.zip | thư mục>                   nhận hồ sơ trực tuyến (gói theo docs/online-package.md)',
  options: {},
  positionals: 1,
  run: async (ctx) => {
    const target = ctx.args[0];
    if (!target) throw new UsageError('Thiếu tệp gói hoặc thư mục cần nhập');
    const files = packagesOf(target);
    const desk = createDesk({ dataDir: ctx.dataDir, resourcesDir: ctx.resourcesDir, version: ctx.version });
    const reports: ImportReport[] = [];
    try {
      const setup = await desk.getSetup({});
      if (setup.ok && !setup.value.configured) {
        throw new UsageError('Chưa thiết lập đơn vị: hãy mở ứng dụng và hoàn tất bước thiết lập lần đầu.', false);
      }
      for (const [i, file] of files.entries()) {
        const r = await desk.importPackage(file, path.basename(file));
        reports.push(r);
        if (!ctx.json) {
          console.log(`[${i + 1}/${files.length}] ${OUTCOME[r.outcome]}  ${r.fileName}: ${r.message}`);
          for (const p of r.problems) console.log(`      - ${p.file}: ${p.message}`);
        }
      }
    } finally {
      desk.close();
    }
    const count = (o: ImportReport['outcome']) => reports.filter((r) => r.outcome === o).length;
    const summary = { imported: count('imported'), duplicate: count('duplicate'), invalid: count('invalid') };
    ctx.out(
      { ...summary, reports },
      `Tổng: ${files.length} gói — nhận ${summary.imported}, đã có ${summary.duplicate}, lỗi ${summary.invalid}.`,
    );
    return summary.invalid > 0 ? 1 : 0;
  },
};
