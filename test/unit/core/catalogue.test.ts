import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueFile, type Catalogue } from '../../../electron/contract/catalogue';
import {
  compareCatalogueVersions,
  describeDiff,
  diffCatalogues,
  planCatalogueImport,
  validateCatalogue,
  type CatalogueProblem,
} from '../../../electron/core/catalogue';
import { computeFee } from '../../../electron/core/fees';

const FILE = fileURLToPath(new URL('../../../resources/catalogue/procedures.json', import.meta.url));
const TEXT = fs.readFileSync(FILE, 'utf8');
/** A fresh, mutable copy of the shipped JSON for each broken variant. */
const raw = (): Record<string, unknown> & { procedures: Array<Record<string, unknown>> } => JSON.parse(TEXT);
const shipped = (): Catalogue => catalogueFile.parse(JSON.parse(TEXT));

/** The 19 procedures of the domain reference data (shared/domain/reference-data.json › procedures). */
const REFERENCE_IDS = [
  'chung-thuc-ban-sao',
  'chung-thuc-chu-ky',
  'chung-thuc-hop-dong',
  'chung-thuc-sua-doi-hop-dong',
  'sua-loi-hop-dong',
  'khai-sinh',
  'lien-thong-khai-sinh',
  'ket-hon',
  'khai-tu',
  'lien-thong-khai-tu',
  'xac-nhan-tthn',
  'thay-doi-cai-chinh',
  'trich-luc-ban-sao',
  'nhan-cha-me-con',
  'dang-ky-lai-khai-sinh',
  'dang-ky-lai-ket-hon',
  'dang-ky-lai-khai-tu',
  'giam-ho',
  'hoa-giai-dat-dai',
];

function problems(json: unknown): CatalogueProblem[] {
  const r = validateCatalogue(json);
  if (r.ok) throw new Error('expected the catalogue to be refused');
  return r.report;
}

describe('the shipped catalogue', () => {
  it('validates, as text and as parsed JSON', () => {
    const r = validateCatalogue(TEXT);
    expect(r.ok ? 'ok' : r.report).toBe('ok');
    expect(validateCatalogue(JSON.parse(TEXT)).ok).toBe(true);
  });

  it('holds the 19 reference procedures with their header', () => {
    const c = shipped();
    expect(c.procedures.map((p) => p.id)).toEqual(REFERENCE_IDS);
    expect(c.schemaVersion).toBe(1);
    expect(c.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(c.effectiveFrom).toBe('2025-07-01');
  });

  it('carries the facts of the brief', () => {
    const byId = new Map(shipped().procedures.map((p) => [p.id, p]));
    expect(byId.get('chung-thuc-ban-sao')).toMatchObject({
      code: '2.000815',
      timeLimit: { kind: 'working_days', days: 0, sameDayCutoff: '15:00' },
      fee: { kind: 'per_page', capPerCopy: 200_000, tiers: [{ fromPage: 1, pricePerPage: 2_000 }, { fromPage: 3, pricePerPage: 1_000 }] },
      confidence: 'high',
    });
    expect(byId.get('chung-thuc-chu-ky')?.fee).toMatchObject({ kind: 'fixed', amount: 10_000 });
    expect(byId.get('xac-nhan-tthn')).toMatchObject({ code: '1.004873', timeLimit: { kind: 'working_days', days: 3 } });
    expect(byId.get('lien-thong-khai-sinh')?.bundle?.map((b) => b.name)).toHaveLength(3);
    expect(byId.get('lien-thong-khai-tu')?.bundle?.length).toBeGreaterThanOrEqual(3);
    expect(byId.get('hoa-giai-dat-dai')).toMatchObject({
      timeLimit: { kind: 'calendar_days', days: 30 },
      competentUnit: { kind: 'ward_role', role: 'dia_chinh' },
    });
  });

  it('is honest about uncertainty', () => {
    for (const p of shipped().procedures) {
      if (p.confidence !== 'high') expect(p.confidenceNote, p.id).not.toBe('');
      if (p.fee.uncertain) expect(p.unverified, p.id).toContain('fee');
      if (p.code === null) expect(p.unverified, p.id).toContain('code');
    }
    const byId = new Map(shipped().procedures.map((p) => [p.id, p]));
    expect(byId.get('chung-thuc-hop-dong')?.fee.uncertain).toBe(true);
    expect(byId.get('khai-sinh')?.confidenceNote).toMatch(/CHƯA CHẮC CHẮN/);
    expect(byId.get('trich-luc-ban-sao')?.confidence).toBe('low');
  });

  it('marks every "(nếu có)" component optional and is NFC', () => {
    for (const p of shipped().procedures) {
      for (const c of p.components) if (/\(nếu /.test(c.name)) expect(c.required, `${p.id}: ${c.name}`).toBe(false);
      expect(p.components.some((c) => c.required), p.id).toBe(true);
    }
    expect(TEXT).toBe(TEXT.normalize('NFC'));
  });

  it('every fee rule computes', () => {
    for (const p of shipped().procedures) {
      const r = computeFee(p.fee, { pages: 1, copies: 1 });
      expect(r.amount, p.id).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('validateCatalogue on broken files', () => {
  it('refuses text that is not JSON, and JSON that is not an object', () => {
    expect(problems('{ "schemaVersion": 1,')[0]?.message).toMatch(/^Tệp không phải JSON hợp lệ/);
    expect(problems([1, 2])[0]?.message).toMatch(/phải là một đối tượng JSON/);
  });

  it('reports header problems by field', () => {
    const c = raw();
    c.schemaVersion = 2;
    c.version = '24/11/2026';
    delete c.effectiveFrom;
    const report = problems(c);
    expect(report).toEqual(
      expect.arrayContaining([
        { path: 'schemaVersion', message: expect.stringMatching(/^Phiên bản cấu trúc \(schemaVersion\) 2 không được hỗ trợ/) },
        { path: 'version', message: 'Phiên bản danh mục: phải có dạng YYYY-MM-DD.n, ví dụ 2026-11-24.1' },
        { path: 'effectiveFrom', message: 'Ngày hiệu lực: còn thiếu' },
      ]),
    );
  });

  it('reports duplicate ids and codes on the later record', () => {
    const c = raw();
    c.procedures[1]!.id = 'chung-thuc-ban-sao';
    c.procedures[2]!.code = '2.000815';
    expect(problems(c)).toEqual([
      {
        path: 'procedures[1].id',
        procedureId: 'chung-thuc-ban-sao',
        message: 'Thủ tục «chung-thuc-ban-sao»: Mã định danh "chung-thuc-ban-sao" trùng với thủ tục số 1',
      },
      {
        path: 'procedures[2].code',
        procedureId: 'chung-thuc-hop-dong',
        message: 'Thủ tục «chung-thuc-hop-dong»: Mã TTHC "2.000815" trùng với thủ tục số 1',
      },
    ]);
  });

  it('reports an unknown fee kind', () => {
    const c = raw();
    (c.procedures[1]!.fee as Record<string, unknown>).kind = 'per_word';
    expect(problems(c)).toEqual([
      {
        path: 'procedures[1].fee.kind',
        procedureId: 'chung-thuc-chu-ky',
        message: 'Thủ tục «chung-thuc-chu-ky»: Loại lệ phí "per_word" không hợp lệ (chỉ nhận: fixed, per_page, per_copy, free)',
      },
    ]);
  });

  it('reports negative and fractional counts and money', () => {
    const c = raw();
    const comps = c.procedures[0]!.components as Array<Record<string, unknown>>;
    comps[0]!.originals = -1;
    comps[1]!.photocopies = 1.5;
    (c.procedures[1]!.fee as Record<string, unknown>).amount = -10_000;
    expect(problems(c)).toEqual([
      {
        path: 'procedures[0].components[0].originals',
        procedureId: 'chung-thuc-ban-sao',
        message: 'Thủ tục «chung-thuc-ban-sao»: Số bản chính: không được âm',
      },
      {
        path: 'procedures[0].components[1].photocopies',
        procedureId: 'chung-thuc-ban-sao',
        message: 'Thủ tục «chung-thuc-ban-sao»: Số bản photo: phải là số nguyên',
      },
      {
        path: 'procedures[1].fee.amount',
        procedureId: 'chung-thuc-chu-ky',
        message: 'Thủ tục «chung-thuc-chu-ky»: Mức thu: không được âm',
      },
    ]);
  });

  it('reports a cap lower than a tier price, and tiers out of order', () => {
    const c = raw();
    const fee = c.procedures[0]!.fee as { capPerCopy: number; tiers: Array<{ fromPage: number; pricePerPage: number }> };
    fee.capPerCopy = 1_500;
    const report = problems(c);
    expect(report).toEqual([
      {
        path: 'procedures[0].fee.capPerCopy',
        procedureId: 'chung-thuc-ban-sao',
        message:
          'Thủ tục «chung-thuc-ban-sao»: Mức tối đa mỗi bản (1.500 đồng) thấp hơn đơn giá một trang (2.000 đồng) của bậc từ trang 1',
      },
    ]);
    const d = raw();
    const fee2 = d.procedures[0]!.fee as { tiers: Array<{ fromPage: number; pricePerPage: number }> };
    fee2.tiers = [
      { fromPage: 3, pricePerPage: 1_000 },
      { fromPage: 1, pricePerPage: 2_000 },
    ];
    expect(problems(d).map((p) => [p.path, p.message.replace(/^Thủ tục «[^»]+»: /, '')])).toEqual([
      ['procedures[0].fee.tiers[0].fromPage', 'Từ trang: bậc giá đầu tiên phải bắt đầu từ trang 1'],
      ['procedures[0].fee.tiers[1].fromPage', 'Từ trang: các bậc phải tăng dần (trang 1 không lớn hơn trang 3 của bậc trước)'],
    ]);
  });

  it('reports missing, misspelt and inconsistent fields', () => {
    const c = raw();
    delete c.procedures[3]!.name;
    (c.procedures[0]!.fee as Record<string, unknown>).capPercopy = 1;
    c.procedures[4]!.timeLimit = { kind: 'working_days', days: 2, sameDayCutoff: '3pm' };
    c.procedures[5]!.serviceLevel = 'muc_do_4';
    (c.procedures[7]!.components as Array<Record<string, unknown>>)[1]!.required = true;
    c.procedures[8]!.confidenceNote = '';
    const report = problems(c);
    const byPath = Object.fromEntries(report.map((p) => [p.path, p.message.replace(/^Thủ tục «[^»]+»: /, '')]));
    expect(byPath).toEqual({
      'procedures[3].name': 'Tên thủ tục: còn thiếu',
      'procedures[0].fee': 'Lệ phí: có trường không được phép: capPercopy',
      'procedures[4].timeLimit.sameDayCutoff': 'Giờ chốt nhận trong ngày: phải có dạng HH:MM, ví dụ 15:00',
      'procedures[5].serviceLevel':
        'Mức độ dịch vụ công trực tuyến: giá trị "muc_do_4" không hợp lệ (chỉ nhận: toan_trinh, mot_phan)',
      'procedures[7].components[1].required': expect.stringMatching(/^Bắt buộc: thành phần .*\(nếu .*không thể là bắt buộc$/),
      'procedures[8].confidenceNote': 'Ghi chú độ tin cậy: cần nêu lý do khi độ tin cậy không phải "high"',
    });
    // Ids travel with every problem, so the report groups by procedure.
    expect(report.every((p) => typeof p.procedureId === 'string')).toBe(true);
  });

  it('names a record by position when its id is unreadable', () => {
    const c = raw();
    c.procedures[2]!.id = 'Chứng thực';
    expect(problems(c)).toEqual([
      {
        path: 'procedures[2].id',
        procedureId: 'Chứng thực',
        message: 'Thủ tục «Chứng thực»: Mã định danh: chỉ gồm chữ thường không dấu, số và dấu gạch nối',
      },
    ]);
    const d = raw();
    delete d.procedures[2]!.id;
    expect(problems(d)).toEqual([{ path: 'procedures[2].id', message: 'Thủ tục số 3: Mã định danh: còn thiếu' }]);
  });

  it('refuses an empty or missing procedure list', () => {
    const c = raw();
    c.procedures = [];
    expect(problems(c)).toEqual([{ path: 'procedures', message: 'Danh sách thủ tục: cần ít nhất một thủ tục' }]);
    const d: Record<string, unknown> = raw();
    delete d.procedures;
    expect(problems(d)).toEqual([{ path: 'procedures', message: 'Danh sách thủ tục: còn thiếu' }]);
  });
});

describe('diffCatalogues and import plans', () => {
  function edited(): Catalogue {
    const c = raw();
    c.version = '2026-12-01.1';
    const chuKy = c.procedures[1]!;
    (chuKy.fee as Record<string, unknown>).amount = 15_000;
    chuKy.feeText = '15.000 đồng/trường hợp.';
    c.procedures.splice(18, 1); // hòa giải đất đai
    c.procedures.push({ ...c.procedures[0]!, id: 'cap-ban-sao-tu-so-goc', code: null, name: 'Cấp bản sao từ sổ gốc' });
    return catalogueFile.parse(c);
  }

  it('finds added, removed and changed procedures with the changed fields', () => {
    const d = diffCatalogues(shipped(), edited());
    expect(d.fromVersion).toBe(shipped().version);
    expect(d.toVersion).toBe('2026-12-01.1');
    expect(d.added).toEqual([{ id: 'cap-ban-sao-tu-so-goc', code: null, name: 'Cấp bản sao từ sổ gốc' }]);
    expect(d.removed.map((p) => p.id)).toEqual(['hoa-giai-dat-dai']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]?.id).toBe('chung-thuc-chu-ky');
    expect(d.changed[0]?.changes.map((x) => [x.field, x.label])).toEqual([
      ['fee', 'Lệ phí'],
      ['feeText', 'Mô tả lệ phí'],
    ]);
    expect(d.unchanged).toBe(17);
    expect(d.header.map((h) => h.field)).toEqual(['version']);
    const lines = describeDiff(d);
    expect(lines).toContain('Thêm 1 thủ tục: Cấp bản sao từ sổ gốc');
    expect(lines).toContain('Bỏ 1 thủ tục: Hòa giải tranh chấp đất đai tại UBND cấp xã');
    expect(lines.some((l) => l.startsWith('Sửa «Chứng thực chữ ký') && l.endsWith('Lệ phí, Mô tả lệ phí'))).toBe(true);
  });

  it('an identical catalogue has no changes, whatever the key order', () => {
    const a = shipped();
    const reordered = JSON.parse(JSON.stringify(a, Object.keys(a).reverse())) as Record<string, unknown>;
    const b = catalogueFile.parse({ ...reordered, procedures: a.procedures });
    const d = diffCatalogues(a, b);
    expect(d).toMatchObject({ added: [], removed: [], changed: [], unchanged: 19, header: [] });
    expect(describeDiff(d).at(-1)).toBe('19 thủ tục không đổi');
  });

  it('plans an import: first, newer with warnings, same version refused, older warned', () => {
    expect(planCatalogueImport(null, TEXT)).toMatchObject({ ok: true, order: 'first', diff: null, warnings: [] });

    const newer = planCatalogueImport(shipped(), JSON.stringify(edited()));
    expect(newer).toMatchObject({ ok: true, order: 'newer' });
    if (newer.ok) expect(newer.warnings[0]).toMatch(/^1 thủ tục sẽ không còn trong danh mục/);

    const sameVersion = { ...edited(), version: shipped().version };
    expect(planCatalogueImport(shipped(), sameVersion)).toEqual({
      ok: false,
      report: [{ path: 'version', message: expect.stringMatching(/trùng với danh mục đang dùng nhưng nội dung khác/) }],
    });
    expect(planCatalogueImport(shipped(), TEXT)).toMatchObject({ ok: true, order: 'same', warnings: [] });

    const older = planCatalogueImport(edited(), TEXT);
    expect(older).toMatchObject({ ok: true, order: 'older' });
    if (older.ok) expect(older.warnings[0]).toMatch(/cũ hơn danh mục đang dùng/);

    const broken = raw();
    broken.version = 'x';
    expect(planCatalogueImport(shipped(), broken).ok).toBe(false);
  });

  it('orders versions by date, then by the day counter as a number', () => {
    expect(compareCatalogueVersions('2026-11-24.2', '2026-11-24.10')).toBeLessThan(0);
    expect(compareCatalogueVersions('2026-12-01.1', '2026-11-24.9')).toBeGreaterThan(0);
    expect(compareCatalogueVersions('2026-11-24.1', '2026-11-24.1')).toBe(0);
    expect(() => compareCatalogueVersions('2026-11-24', '2026-11-24.1')).toThrow(RangeError);
  });
});
