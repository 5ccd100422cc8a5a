import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/contract';
import { zipBomb } from '../unit/online/helpers';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { ROOT, intake, tempDir, value } from '../support/desk';
import { listFiles, onlinePackage, openCounterDesk, sha256, type CounterDesk } from '../support/counter';

/**
 * Online dossiers: packages imported through the browser door (imported, duplicate, or invalid without a trace),
 * `desk import` over a folder, and `desk export` of the status changes with their documents.
 */

/** Runs the real CLI from source (tsx), as `desk …` would. */
function cli(...args: string[]) {
  return cliIn(ROOT, ...args);
}

function cliIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'node_modules/tsx/dist/loader.mjs'), path.join(ROOT, 'electron/cli/desk.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DESK_DATA_DIR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every entry of a ZIP file, by name. */
function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(3000, 0x41)]);

describe('H. online packages through the browser door', () => {
  let h: CounterDesk;
  beforeAll(async () => {
    h = await openCounterDesk(); // Tuesday 24/11/2026 09:15
  });
  afterAll(() => h.close());

  /** Everything an import could leave behind. */
  const trace = async () => ({
    dossiers: value(await h.call('queueCounts', {})).total,
    files: h.sql<{ n: number }>('SELECT count(*) AS n FROM files')[0]!.n,
    submissions: h.sql<{ n: number }>('SELECT count(*) AS n FROM online_submissions')[0]!.n,
    blobs: h.blobs(),
    tmp: h.tmpFiles(),
    spool: listFiles(path.join(h.dataDir, 'imports')),
  });

  it('imports a valid package: status 1, channel 2, the online tab, the acceptance limit and the files', async () => {
    const pkg = await onlinePackage({ portalDossierId: 'H56.22-261124-0042', submittedAt: '2026-11-24T08:00:00+07:00' });
    const r = await h.importZip('ho-so-0042.zip', pkg.zip);
    expect(r.status).toBe(200);
    const report = value(r.body);
    expect(report).toMatchObject({
      fileName: 'ho-so-0042.zip',
      outcome: 'imported',
      portalDossierId: 'H56.22-261124-0042',
      dossierId: expect.any(Number),
      code: expect.stringMatching(/^000\.00\.16\.H56-261124-\d{4}$/),
      problems: [],
    });
    expect(report.message).toBe(`Đã nhận hồ sơ ${report.code} (mã trên Cổng H56.22-261124-0042).`);

    const d = value(await h.call('getDossier', { id: report.dossierId! }));
    expect(d.dossier).toMatchObject({
      status: 1,
      channel: 2,
      applicantName: 'Nguyễn Văn Hùng',
      ownerName: 'Nguyễn Minh Khôi',
      procedureId: 'khai-sinh',
      portalDossierId: 'H56.22-261124-0042',
      receivedAt: '2026-11-24T01:00:00.000Z',
      birthYear: 1990,
      gender: 'male',
    });
    // 8 working hours from Tuesday 08:00: Wednesday 08:00.
    expect(d.portal).toEqual({
      dossierId: 'H56.22-261124-0042',
      submittedAt: '2026-11-24T01:00:00.000Z',
      acceptanceDeadline: '2026-11-25T01:00:00.000Z',
      late: false,
    });
    expect(d.components.map((c) => c.name)).toEqual(pkg.manifest.components.map((c) => c.name));
    expect(d.attachments.map((f) => [f.name, f.componentPosition, f.source, f.mime, f.pages, f.sha256])).toEqual([
      ['to-khai-khai-sinh.pdf', 1, 'online', 'application/pdf', 2, sha256(pkg.files['to-khai-khai-sinh.pdf']!)],
      ['giấy chứng sinh.pdf', 2, 'online', 'application/pdf', 1, sha256(pkg.files['giấy chứng sinh.pdf']!)],
      ['cccd-mat-truoc.jpg', 3, 'online', 'image/jpeg', 1, sha256(pkg.files['cccd-mat-truoc.jpg']!)],
    ]);
    expect(d.events).toHaveLength(1);
    expect(d.events[0]).toMatchObject({ action: 'imported', toStatus: 1, note: expect.stringContaining('H56.22-261124-0042 (3 tệp)') });
    const tab = value(await h.call('listQueue', { tab: 'online' })).items;
    expect(tab.map((x) => x.id)).toEqual([report.dossierId]);
    expect(tab[0]).toMatchObject({ acceptanceDeadline: '2026-11-25T01:00:00.000Z', flags: [] });
    expect(h.sql('SELECT package_sha256 AS s, package_name AS n FROM online_submissions')).toEqual([
      { s: sha256(pkg.zip), n: 'ho-so-0042.zip' },
    ]);
    const served = await h.fetchFile(d.attachments[1]!.id);
    expect(Buffer.from(await served.arrayBuffer()).equals(pkg.files['giấy chứng sinh.pdf']!)).toBe(true);

    // The same package again, and another package with the same portal number: duplicates, nothing new.
    const before = await trace();
    const again = value((await h.importZip('ho-so-0042 (1).zip', pkg.zip)).body);
    expect(again).toMatchObject({ outcome: 'duplicate', dossierId: report.dossierId, code: report.code, problems: [] });
    expect(again.message).toMatch(/đã được nhận trước đó/);
    const resent = await onlinePackage({ portalDossierId: 'H56.22-261124-0042', fullName: 'Nguyễn Văn Hưng' });
    expect(value((await h.importZip('lai.zip', resent.zip)).body).outcome).toBe('duplicate');
    expect(await trace()).toEqual(before);
  });

  it('takes the applicant\'s address for a postal delivery that names none (the slip prints it)', async () => {
    const pkg = await onlinePackage({ manifest: { delivery: { method: 'post' } } });
    const report = value((await h.importZip('buu-chinh.zip', pkg.zip)).body);
    expect(report.outcome).toBe('imported');
    const d = value(await h.call('getDossier', { id: report.dossierId! }));
    expect(d.dossier.delivery).toEqual({ method: 'post', address: pkg.manifest.applicant.address });
    const own = await onlinePackage({ manifest: { delivery: { method: 'post', address: 'Bưu cục Tĩnh Gia' } } });
    const withAddress = value((await h.importZip('buu-chinh-2.zip', own.zip)).body);
    expect(value(await h.call('getDossier', { id: withAddress.dossierId! })).dossier.delivery).toEqual({
      method: 'post',
      address: 'Bưu cục Tĩnh Gia',
    });
  });

  const invalidCases: Array<[string, () => Promise<Buffer>, Array<{ file: string; message: RegExp }>]> = [
    ['a malformed ZIP', async () => Buffer.from('PK\x03\x04 đây không phải gói ZIP '.repeat(40)), [
      { file: '(gói)', message: /^Tệp không phải gói ZIP hợp lệ/ },
    ]],
    ['a truncated ZIP', async () => {
      const { zip } = await onlinePackage();
      return zip.subarray(0, Math.floor(zip.length * 0.6));
    }, [{ file: '(gói)', message: /không phải gói ZIP hợp lệ, hoặc đã bị hỏng hay thiếu dữ liệu/ }]],
    ['a zip bomb', async () => {
      const { manifest } = await onlinePackage({
        manifest: { components: [{ name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, files: ['to-khai.pdf'] }] },
      });
      return zipBomb('to-khai.pdf', 40, manifest);
    }, [{ file: 'to-khai.pdf', message: /nghi là bom nén/ }]],
    ['a declared file missing from the ZIP', async () => (await onlinePackage({ files: { 'giấy chứng sinh.pdf': null } })).zip, [
      { file: 'giấy chứng sinh.pdf', message: /^Thiếu tệp "giấy chứng sinh\.pdf" mà manifest\.json khai$/ },
    ]],
    ['an executable named .pdf', async () => (await onlinePackage({ files: { 'to-khai-khai-sinh.pdf': EXE } })).zip, [
      { file: 'to-khai-khai-sinh.pdf', message: /nội dung là tệp chương trình \(\.exe\)/ },
    ]],
    ['an unknown procedure', async () => (await onlinePackage({ procedureCode: '9.999999' })).zip, [
      { file: 'manifest.json', message: /^procedureCode: thủ tục "9\.999999" không có trong danh mục đang dùng$/ },
    ]],
    ['a CCCD with an unknown province', async () => (await onlinePackage({ idNumber: '999090012345' })).zip, [
      { file: 'manifest.json', message: /^applicant\.idNumber: .*[Mm]ã tỉnh/ },
    ]],
  ];

  it.each(invalidCases)('reports %s per file and leaves no trace', async (_label, build, problems) => {
    const bytes = await build();
    const before = await trace();
    const r = await h.importZip('goi-loi.zip', bytes);
    expect(r.status).toBe(200);
    const report = value(r.body) as ImportReport;
    expect(report.outcome).toBe('invalid');
    expect(report.dossierId).toBeNull();
    expect(report.message).toMatch(/^Gói không hợp lệ: \d+ lỗi; không có gì được nhập\.$/);
    expect(report.problems).toHaveLength(problems.length);
    problems.forEach((p, i) => {
      expect(report.problems[i]!.file).toBe(p.file);
      expect(report.problems[i]!.message).toMatch(p.message);
    });
    expect(await trace()).toEqual(before);
  });

  it('takes several packages at once (two counters importing): each imported, the spool folder gone after the last', async () => {
    // One import ending must not remove the spool folder another one is about to write into.
    const packages = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => onlinePackage({ portalDossierId: `H56.SONG-SONG-${i}` })));
    const before = value(await h.call('queueCounts', {})).total;
    const results = await Promise.all(packages.map((p, i) => h.importZip(`song-song-${i}.zip`, p.zip)));
    expect(results.map((r) => [r.status, r.body.ok && r.body.value.outcome])).toEqual(packages.map(() => [200, 'imported']));
    expect(value(await h.call('queueCounts', {})).total).toBe(before + packages.length);
    expect(listFiles(path.join(h.dataDir, 'imports'))).toEqual([]);
  });

  it('refuses a package larger than the limit from its Content-Length', async () => {
    value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 1, staleDays: 3 }));
    try {
      const before = await trace();
      const big = Buffer.alloc(21 * 1024 * 1024, 0x20); // the package limit is 20 × the file limit
      const r = await h.importZip('qua-lon.zip', big);
      expect(r.status).toBe(413);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/qua-lon\.zip/) } });
      expect(await trace()).toEqual(before);
    } finally {
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 3 }));
    }
  });
});

describe('H. desk import and desk export (CLI)', () => {
  // Each spawns the CLI through tsx: seconds on a loaded 2-core machine.
  it('imports a folder of three packages (one invalid): exit 1 and the JSON summary', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    await (await openCounterDesk({ dataDir })).close(); // a configured desk
    const folder = tempDir('goi-truc-tuyen-');
    const a = await onlinePackage({ portalDossierId: 'CLI-0001', submittedAt: '2026-11-23T09:00:00+07:00' });
    const b = await onlinePackage({ portalDossierId: 'CLI-0002', submittedAt: '2026-11-23T10:00:00+07:00', fullName: 'Trần Thị Bình' });
    const c = await onlinePackage({ portalDossierId: 'CLI-0003', submittedAt: '2026-11-23T11:00:00+07:00', files: { 'to-khai-khai-sinh.pdf': EXE } });
    fs.writeFileSync(path.join(folder, 'a-ho-so.zip'), a.zip);
    fs.writeFileSync(path.join(folder, 'b-ho-so.zip'), b.zip);
    fs.writeFileSync(path.join(folder, 'c-ho-so-loi.zip'), c.zip);
    fs.writeFileSync(path.join(folder, 'doc-truoc.txt'), 'không phải gói');

    const first = cli('import', folder, '--json', '--data-dir', dataDir);
    expect(first.code, first.stderr).toBe(1);
    const summary = JSON.parse(first.stdout) as { imported: number; duplicate: number; invalid: number; reports: ImportReport[] };
    expect(summary).toMatchObject({ imported: 2, duplicate: 0, invalid: 1 });
    expect(summary.reports.map((r) => [r.fileName, r.outcome, r.portalDossierId])).toEqual([
      ['a-ho-so.zip', 'imported', 'CLI-0001'],
      ['b-ho-so.zip', 'imported', 'CLI-0002'],
      ['c-ho-so-loi.zip', 'invalid', 'CLI-0003'],
    ]);
    expect(summary.reports[2]!.problems).toEqual([
      { file: 'to-khai-khai-sinh.pdf', message: expect.stringMatching(/tệp chương trình \(\.exe\)/) },
    ]);
    expect(summary.reports[0]!.message).toBe(`Đã nhận hồ sơ ${summary.reports[0]!.code} (mã trên Cổng CLI-0001).`);

    const h = await openCounterDesk({ dataDir, setup: false });
    try {
      const online = value(await h.call('listQueue', { tab: 'online' })).items;
      expect(online.map((r) => r.applicantName).sort()).toEqual(['Nguyễn Văn Hùng', 'Trần Thị Bình']);
      expect(online.map((r) => r.id).sort()).toEqual(summary.reports.slice(0, 2).map((r) => r.dossierId).sort());
      expect(h.sql('SELECT source, count(*) AS n FROM files GROUP BY source')).toEqual([{ source: 'online', n: 6 }]);
      expect(h.blobs()).toHaveLength(6);
    } finally {
      await h.close();
    }
  });

  it('exports the status changes since a Vietnamese day with national codes and the issued PDFs', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const h = await openCounterDesk({ dataDir, clockIso: '2026-11-23T16:30:00Z' }); // Monday 23:30
    value(await h.call('createDossier', intake({ fullName: 'Trước Ngày Xuất' })));
    h.clock.set('2026-11-23T17:30:00Z'); // Tuesday 00:30
    const x = value(await h.call('createDossier', intake()));
    h.clock.set('2026-11-24T02:15:00Z');
    value(await h.call('acceptDossier', { id: x.id }));
    const y = value(await h.call('createDossier', intake({ fullName: 'Trần Văn Đức' })));
    value(await h.call('applyDossierAction', {
      id: y.id,
      action: { type: 'requestSupplement', stage: 'reception', items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }], reason: 'Chưa đủ' },
    }));
    const z = value(await h.call('createDossier', intake({ fullName: 'Lê Đức Anh' })));
    value(await h.call('applyDossierAction', { id: z.id, action: { type: 'refuse', reason: 'Không thuộc thẩm quyền' } }));
    h.clock.advance(60_000);
    const { channel: _c, ...fields } = intake({ fullName: 'Nguyễn Thị Phương' });
    value(await h.call('correctDossier', { id: x.id, reason: 'Sai họ tên', intake: fields }));
    const o = value((await h.importZip('o.zip', (await onlinePackage({ portalDossierId: 'EXP-0001' })).zip)).body);
    const issued = new Map<string, string>();
    for (const id of [x.id, y.id, z.id]) {
      for (const d of value(await h.call('getDossier', { id })).documents) issued.set(`${d.dossierId}/${d.form}/${d.version}`, d.sha256);
    }
    await h.close();

    const out = path.join(tempDir(), 'dong-bo.zip');
    const r = cli('export', '--since', '2026-11-24', '--out', out, '--json', '--data-dir', dataDir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ changes: 8, documents: 4, path: out });
    const entries = await readZip(out);
    expect([...entries.keys()].filter((n) => n.startsWith('documents/')).sort()).toEqual([
      `documents/${x.code}-mau01-v1.pdf`,
      `documents/${x.code}-mau01-v2.pdf`,
      `documents/${y.code}-mau02-v1.pdf`,
      `documents/${z.code}-mau03-v1.pdf`,
    ]);
    const body = JSON.parse(entries.get('changes.json')!.toString('utf8'));
    expect(body).toMatchObject({
      format: 'mot-cua-desk/status-changes',
      version: 1,
      agencyCode: '000.00.16.H56',
      since: '2026-11-23T17:00:00.000Z',
    });
    type Change = { dossierCode: string; portalDossierId: string | null; action: string; status: number; statusName: string; documents: Array<{ form: string; version: number; file: string; sha256: string }> };
    const changes = body.changes as Change[];
    expect(changes.map((c) => [c.dossierCode, c.action, c.status, c.statusName, c.documents.map((d) => `${d.form}v${d.version}`)])).toEqual([
      [x.code, 'created', 1, 'Mới đăng ký', []],
      [x.code, 'accept', 2, 'Được tiếp nhận', ['01v1']],
      [y.code, 'created', 1, 'Mới đăng ký', []],
      [y.code, 'requestSupplement', 5, 'Yêu cầu bổ sung giấy tờ', ['02v1']],
      [z.code, 'created', 1, 'Mới đăng ký', []],
      [z.code, 'refuse', 3, 'Không được tiếp nhận', ['03v1']],
      [x.code, 'corrected', 2, 'Được tiếp nhận', ['01v2']],
      [o.code, 'imported', 1, 'Mới đăng ký', []],
    ]);
    expect(changes.at(-1)!.portalDossierId).toBe('EXP-0001');
    const ids = new Map([[x.code, x.id], [y.code, y.id], [z.code, z.id]]);
    for (const c of changes) {
      for (const d of c.documents) {
        const bytes = entries.get(d.file)!;
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(sha256(bytes)).toBe(d.sha256);
        expect(issued.get(`${ids.get(c.dossierCode)}/${d.form}/${d.version}`)).toBe(d.sha256);
      }
    }
    const v2 = (await readPdf(entries.get(`documents/${x.code}-mau01-v2.pdf`)!)).map((p) => p.text).join('');
    expect(squash(v2)).toContain(squash('Nguyễn Thị Phương'));

    // Without --out: dong-bo-<UTC yyyymmddhhmm>.zip in the current folder, the same changes.
    const here = tempDir();
    const d = cliIn(here, 'export', '--since', '2026-11-24', '--json', '--data-dir', dataDir);
    expect(d.code, d.stderr).toBe(0);
    const written = JSON.parse(d.stdout) as { changes: number; path: string };
    expect(written.changes).toBe(8);
    expect(path.dirname(written.path)).toBe(fs.realpathSync(here));
    expect(path.basename(written.path)).toMatch(/^dong-bo-\d{12}\.zip$/);
    expect(JSON.parse((await readZip(written.path)).get('changes.json')!.toString('utf8')).changes).toHaveLength(8);
  });
});
