import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../electron/db/connection';
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
    // The bulk load drops the secondary indexes and rebuilds them word for word as the migrations made them: the
    // radar names some of them (queue-repo namedIndex).
    const indexes = (d: Database.Database) =>
      d.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all();
    const migrated = openDatabase(tempDir());
    expect(indexes(db)).toEqual(indexes(migrated));
    migrated.close();
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

describe('desk CLI: the domain rules', () => {
  const dir = tempDir();
  const json = (...args: string[]) => {
    const r = desk(...args, '--data-dir', dir, '--json');
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('due: counts working days across Tết 2026 for a procedure by its mã TTHC', () => {
    const r = json('due', '--received', '2026-02-13T09:00:00+07:00', '--procedure', '1.004873');
    expect(r).toMatchObject({ dueAt: '2026-02-25T02:00:00.000Z', limit: '3 ngày làm việc', procedure: { code: '1.004873' } });
    expect(json('due', '--received', '2026-11-28T10:00:00+07:00', '--working-days', '0').countedFrom).toBe('2026-11-30T00:00:00.000Z');
  });

  it('holidays: the official 2026 table and a lunar proposal for 2030', () => {
    const y2026 = json('holidays', '--year', '2026');
    expect(y2026.table.status).toBe('official');
    expect(y2026.offPeriods).toContainEqual(expect.objectContaining({ from: '2026-02-14', to: '2026-02-22', days: 9 }));
    const p2030 = json('holidays', '--year', '2030', '--propose');
    expect(p2030.table.status).toBe('proposed');
    expect(p2030.table.entries.map((e: { date: string }) => e.date)).toContain('2030-02-02'); // mùng 1 Tết Canh Tuất in Vietnam
  });

  it('cccd: valid, and inconsistent with the declared gender (exit 1)', () => {
    expect(json('cccd', '038196001234', '--birth-year', '1996', '--gender', 'nu')).toMatchObject({ valid: true, provinceName: 'Thanh Hóa' });
    const r = desk('cccd', '038196001234', '--gender', 'nam', '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Không hợp lệ: .*giới tính/);
  });

  it('fee: chứng thực bản sao by pages and copies, with the amount in words', () => {
    expect(json('fee', '--procedure', '2.000815', '--pages', '3', '--copies', '2')).toMatchObject({ amount: 10000, words: 'Mười nghìn đồng' });
    expect(desk('fee', '--procedure', '2.000884', '--data-dir', dir).stdout).toMatch(/10\.000 đồng \(Mười nghìn đồng\)/);
  });

  it.each([
    [['due', '--received', 'hôm qua', '--working-days', '3'], /ISO 8601/],
    [['due', '--received', '2026-01-01T08:00:00+07:00'], /--procedure hoặc --working-days/],
    [['fee', '--procedure', '2.000815'], /Số trang/],
    [['fee', '--procedure', '9.999999'], /Không có thủ tục "9\.999999"/],
    [['fee', '--procedure', '2.000815', '--pages', '2', '--category', 'vip'], /--category "vip"/],
    [['holidays', '--year', 'MMXXVI'], /--year/],
    [['cccd'], /Thiếu số CCCD/],
  ])('refuses bad input with a clear message and exit 2: %j', (args, message) => {
    const r = desk(...args, '--data-dir', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
