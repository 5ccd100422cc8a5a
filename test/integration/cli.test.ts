import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/db/connection';
import { isDossierCode } from '../../electron/core/dossier-code';
import { ROOT, tempDir } from '../support/desk';

/** Runs the real CLI from source (tsx), as `desk …` would. */
function desk(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/desk.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DESK_DATA_DIR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('desk CLI', () => {
  it('seeds realistic dossiers and reports counts by status as JSON', () => {
    const dir = tempDir();
    const seeded = desk('seed', '--dossiers', '3000', '--data-dir', dir, '--json');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ inserted: 3000, dataDir: dir });

    const info = desk('info', '--data-dir', dir, '--json');
    expect(info.code, info.stderr).toBe(0);
    const report = JSON.parse(info.stdout);
    expect(report.total).toBe(3000);
    expect(report.byStatus.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(3000);
    expect(report.byStatus.map((r: { status: number }) => r.status)).toContain(10);

    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    const rows = db.prepare('SELECT code, applicant_name, id_number, received_at FROM dossiers ORDER BY id').all() as Array<{
      code: string; applicant_name: string; id_number: string; received_at: number;
    }>;
    expect(rows.every((r) => isDossierCode(r.code))).toBe(true);
    expect(new Set(rows.map((r) => r.code)).size).toBe(3000);
    expect(rows.some((r) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(r.applicant_name))).toBe(true);
    expect(rows.every((r, i) => i === 0 || r.received_at >= rows[i - 1]!.received_at)).toBe(true);
    const years = new Set(rows.map((r) => new Date(r.received_at).getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(4);
    expect(db.prepare('SELECT count(*) FROM dossier_fts').pluck().get()).toBe(3000);
    db.close();
  });

  it('prints human text without --json', () => {
    const dir = tempDir();
    expect(desk('seed', '--dossiers', '50', '--data-dir', dir).stdout).toMatch(/Đã tạo 50 hồ sơ mẫu/);
    expect(desk('info', '--data-dir', dir).stdout).toMatch(/Tổng số hồ sơ: 50/);
  });

  it.each([
    [['seed', '--dossiers', 'abc'], /--dossiers phải là số nguyên dương/],
    [['seed'], /Thiếu --dossiers/],
    [['frobnicate'], /Không có lệnh "frobnicate"/],
    [['seed', '--bogus'], /Lỗi/],
  ])('exits non-zero with a clear message on bad input: %j', (args, message) => {
    const r = desk(...args, '--data-dir', tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('says so when there is no database yet', () => {
    const r = desk('info', '--data-dir', path.join(tempDir(), 'empty'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Chưa có cơ sở dữ liệu/);
  });
});
