import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import { createDeskServer } from '../../electron/server/http-server';
import { createDesk, type Desk } from '../../electron/services/desk';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { ROOT, RESOURCES, SETUP, intake, signInOverHttp, manualClock, openTestDesk, tempDir, value } from '../support/desk';

/**
 * The register of documents and the tracking register, through the real desk: numbers (continuous within a year,
 * never a gap or a repeat when two counters accept at once), reprints byte for byte, corrected versions kept, the
 * legal regime by reception date, Mẫu 04/05/06 from real actions, the register exported over HTTP and by the CLI.
 */

const desks: Desk[] = [];
const servers: http.Server[] = [];
afterAll(() => {
  servers.forEach((s) => s.close());
  desks.forEach((d) => d.close());
});

/** A desk method through the contract (validation and defaults), as the doors call it. */
const call = <M extends MethodName>(desk: Desk, method: M, input: MethodInput<M>) =>
  dispatch(desk, method, input) as Promise<Result<MethodOutput<M>>>;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function setUp(clockIso = '2026-11-24T02:15:00Z', dataDir = tempDir()) {
  const t = openTestDesk(clockIso, dataDir);
  desks.push(t.desk);
  value(await call(t.desk, 'setupDesk', SETUP));
  return t;
}

async function receive(desk: Desk, name = 'NGUYỄN THỊ PHÚC') {
  const d = value(await call(desk, 'createDossier', { ...intake({ fullName: name }), accept: false }));
  return d.id;
}

const bytesOf = async (desk: Desk, id: number) => Buffer.from(value(await call(desk, 'getDocument', { id })).contentBase64, 'base64');

function cli(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/desk.ts'), ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the register of documents', () => {
  it('numbers accepted dossiers continuously within the year and prints the number on Mẫu 01', async () => {
    const { desk } = await setUp();
    const ids = [await receive(desk), await receive(desk, 'TRẦN VĂN AN'), await receive(desk, 'LÊ THỊ BÌNH')];
    const accepted = [];
    for (const id of ids) accepted.push(value(await call(desk, 'acceptDossier', { id })));
    expect(accepted.map((a) => a.dossier.register)).toEqual([1, 2, 3].map((no) => ({ year: 2026, no })));
    expect(accepted.map((a) => a.document.number)).toEqual(['1/2026', '2/2026', '3/2026']);
    expect(accepted[0]!.document).toMatchObject({ form: '01', version: 1, regime: 'TT03-2025', createdBy: 'Lê Thị Hoa', reason: null });
    expect(accepted[0]!.document.templateVersion).toMatch(/^TT03-2025\/mau01@/);
    const text = squash((await readPdf(await bytesOf(desk, accepted[1]!.document.id))).map((p) => p.text).join(' '));
    expect(text).toContain(squash('Quyển số: 2026'));
    expect(text).toContain(squash('Số thứ tự: 2'));
    // A dossier refused at reception never enters the register.
    const refused = await receive(desk, 'PHẠM VĂN CƯỜNG');
    value(await call(desk, 'applyDossierAction', { id: refused, action: { type: 'refuse', reason: 'Không thuộc thẩm quyền của phường' } }));
    expect(value(await call(desk, 'getDossier', { id: refused })).dossier.register).toBeNull();
    const page = value(await call(desk, 'listRegister', { year: 2026 }));
    expect(page).toMatchObject({ year: 2026, total: 3, next: null });
    expect(page.rows.map((r) => [r.no, r.code])).toEqual(accepted.map((a) => [a.dossier.register!.no, a.dossier.code]));
  });

  it('starts a new year at 1 and never restarts within a year', async () => {
    const { desk, clock } = await setUp('2026-12-31T09:00:00Z'); // 16:00 on 31/12 in Vietnam
    value(await call(desk, 'acceptDossier', { id: await receive(desk) }));
    value(await call(desk, 'acceptDossier', { id: await receive(desk) }));
    clock.set('2027-01-04T01:00:00Z'); // Monday 4/1/2027 08:00
    const next = value(await call(desk, 'acceptDossier', { id: await receive(desk) }));
    expect(next.dossier.register).toEqual({ year: 2027, no: 1 });
    expect(next.document.number).toBe('1/2027');
    expect(value(await call(desk, 'listRegister', { year: 2026 })).total).toBe(2);
  });

  it('gives two counters accepting at once distinct, gap-free register numbers', async () => {
    const dataDir = tempDir();
    const a = await setUp('2026-11-24T02:15:00Z', dataDir);
    const b = createDesk({ dataDir, resourcesDir: RESOURCES, clock: manualClock('2026-11-24T02:15:00Z'), version: 'test' });
    desks.push(b);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await receive(a.desk, `NGƯỜI NỘP ${i}`));
    // Renders interleave at their awaits: both counters read the same "next number" and one must render again.
    const results = await Promise.all(ids.map((id, i) => call(i % 2 ? b : a.desk, 'acceptDossier', { id })));
    const numbers = results.map((r) => value(r).dossier.register!.no).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const r of results) {
      const { dossier, document } = value(r);
      expect(document.number).toBe(`${dossier.register!.no}/2026`);
      const text = squash((await readPdf(await bytesOf(a.desk, document.id))).map((p) => p.text).join(' '));
      expect(text).toContain(squash(`Số thứ tự: ${dossier.register!.no}`));
    }
  });

  it('reprints the same bytes, and a correction adds a version with its reason while keeping the old one', async () => {
    const { desk, dataDir } = await setUp();
    const id = await receive(desk);
    const first = value(await call(desk, 'acceptDossier', { id })).document;
    const original = await bytesOf(desk, first.id);
    expect(sha256(original)).toBe(first.sha256);
    const again = value(await call(desk, 'issueDocument', { dossierId: id, form: '01' }));
    expect(again.id).toBe(first.id);
    expect(sha256(await bytesOf(desk, again.id))).toBe(first.sha256);

    const { channel: _c, ...fields } = intake({ fullName: 'NGUYỄN THỊ PHƯƠNG' });
    value(await call(desk, 'correctDossier', { id, reason: 'Sai họ tên so với CCCD', intake: fields }));
    const docs = value(await call(desk, 'getDossier', { id })).documents.filter((d) => d.form === '01');
    expect(docs.map((d) => [d.version, d.number, d.reason])).toEqual([
      [1, '1/2026', null],
      [2, '1/2026', 'Sai họ tên so với CCCD'],
    ]);
    expect(sha256(await bytesOf(desk, docs[0]!.id))).toBe(first.sha256);
    const reissued = squash((await readPdf(await bytesOf(desk, docs[1]!.id))).map((p) => p.text).join(' '));
    expect(reissued).toContain(squash('NGUYỄN THỊ PHƯƠNG'));
    expect(reissued).toContain(squash('Số thứ tự: 1'));

    // The CLI reprints the latest version byte for byte.
    const code = value(await call(desk, 'getDossier', { id })).dossier.code;
    const out = path.join(dataDir, 'in-lai.pdf');
    const r = cli(dataDir, 'slip', '--dossier', code, '--form', '01', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(sha256(fs.readFileSync(out))).toBe(docs[1]!.sha256);
    expect(JSON.parse(r.stdout)).toMatchObject({ form: '01', version: 2, number: '1/2026' });
    const missing = cli(dataDir, 'slip', '--dossier', code, '--form', '04', '--out', out);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/chưa có Văn bản xin lỗi/);
    // The return receipt by its letter code (any case): none before the result is returned at the counter.
    const noReceipt = cli(dataDir, 'slip', '--dossier', code, '--form', 'bn', '--out', out);
    expect(noReceipt.code).not.toBe(0);
    expect(noReceipt.stderr).toMatch(/chưa có Giấy biên nhận trả kết quả/);
  }, 90_000);

  it('issues Mẫu 04 with the extension, Mẫu 05 with the stop, and Mẫu 06 from the hand-overs', async () => {
    const { desk, clock } = await setUp();
    const id = await receive(desk);
    value(await call(desk, 'acceptDossier', { id }));
    const before = value(await call(desk, 'issueDocument', { dossierId: id, form: '06' }));
    expect(before).toMatchObject({ form: '06', version: 1, number: '1/2026' });
    // Nothing changed: the same document, not a new version.
    expect(value(await call(desk, 'issueDocument', { dossierId: id, form: '06' })).id).toBe(before.id);
    clock.advance(3_600_000);
    value(await call(desk, 'applyDossierAction', { id, action: { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp - Hộ tịch' } }));
    const after = value(await call(desk, 'issueDocument', { dossierId: id, form: '06' }));
    expect(after).toMatchObject({ version: 2, number: '1/2026' });
    const control = squash((await readPdf(await bytesOf(desk, after.id))).map((p) => p.text).join(' '));
    expect(control).toContain(squash('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'));
    expect(control).toContain(squash('Bộ phận tiếp nhận và trả kết quả'));

    value(await call(desk, 'applyDossierAction', {
      id,
      action: { type: 'extend', newDueAt: '2026-12-04T03:00:00.000Z', reason: 'Cần xác minh thông tin tại nơi cư trú trước đây' },
    }));
    const apology = value(await call(desk, 'getDossier', { id })).documents.find((d) => d.form === '04')!;
    expect(apology).toMatchObject({ version: 1, number: '1/2026' });
    const text04 = squash((await readPdf(await bytesOf(desk, apology.id))).map((p) => p.text).join(' '));
    expect(text04).toContain(squash('Cần xác minh thông tin tại nơi cư trú trước đây'));
    expect(text04).toContain(squash('04/12/2026'));

    value(await call(desk, 'applyDossierAction', { id, action: { type: 'stop', reason: 'Công dân xin dừng để bổ sung giấy tờ khác' } }));
    const stop = value(await call(desk, 'getDossier', { id })).documents.find((d) => d.form === '05')!;
    const text05 = squash((await readPdf(await bytesOf(desk, stop.id))).map((p) => p.text).join(' '));
    expect(text05).toContain(squash('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ'));
    expect(text05).toContain(squash('Công dân xin dừng để bổ sung giấy tờ khác'));
  });

  it('renders a dossier received before 1/7/2025 with the TT 01/2018 templates', async () => {
    const { desk } = await setUp('2025-06-30T02:00:00Z');
    const accepted = value(await call(desk, 'acceptDossier', { id: await receive(desk) }));
    expect(accepted.document.regime).toBe('TT01-2018');
    expect(accepted.document.templateVersion).toMatch(/^TT01-2018\//);
    expect(accepted.dossier.register).toEqual({ year: 2025, no: 1 });
  });

  it('queues the e-mail of an issued form when automatic sending is on and the applicant has an address', async () => {
    const { desk } = await setUp();
    value(await call(desk, 'saveMailSettings', {
      enabled: true, host: '127.0.0.1', port: 2525, security: 'none', user: '', fromName: 'Bộ phận Một cửa phường Tĩnh Gia',
      fromAddress: 'motcua@tinhgia.example.vn', autoSend: true,
    }));
    const id = await receive(desk);
    const { document } = value(await call(desk, 'acceptDossier', { id }));
    const outbox = value(await call(desk, 'listOutbox', { dossierId: id }));
    expect(outbox.items.map((m) => [m.kind, m.to, m.documentId, m.status])).toEqual([['slip', 'phuc@example.vn', document.id, 'queued']]);
    expect(outbox.items[0]!.subject).toContain(value(await call(desk, 'getDossier', { id })).dossier.code);
  });
});

describe('the tracking register exported', () => {
  it('streams XLSX and PDF over the browser door and refuses a bad period', async () => {
    const { desk } = await setUp();
    for (const name of ['NGUYỄN VĂN A', 'TRẦN THỊ B', 'LÊ VĂN C']) value(await call(desk, 'acceptDossier', { id: await receive(desk, name) }));
    const token = 'register-token';
    const server = createDeskServer({ desk, rendererDir: tempDir(), token, version: 'test' });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await signInOverHttp(origin, token);
    const get = (p: string) => fetch(`${origin}${p}`, { headers: { 'x-desk-token': token, cookie } });

    const xlsx = await get('/api/register.xlsx?year=2026&from=2026-11-01&to=2026-11-30');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('so-theo-doi-ho-so-2026-2026-11-01_2026-11-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
    for (const name of ['NGUYỄN VĂN A', 'TRẦN THỊ B', 'LÊ VĂN C']) expect(values).toContain(name);

    const pdf = await get('/api/register.pdf?year=2026');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = await readPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height); // landscape
    expect(squash(pages.map((p) => p.text).join(' '))).toContain(squash('SỔ THEO DÕI HỒ SƠ'));

    const bad = await get('/api/register.xlsx?year=2026&from=2026-12-01&to=2026-11-01');
    expect(((await bad.json()) as Result<unknown>)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Ngày bắt đầu phải trước ngày kết thúc' } });
    const unauth = await fetch(`${origin}/api/register.xlsx?year=2026`);
    expect(unauth.status).toBe(401);
  });

  it('writes the register from the command line (desk slip --form 07)', async () => {
    const { desk, dataDir } = await setUp();
    value(await call(desk, 'acceptDossier', { id: await receive(desk) }));
    desk.close();
    desks.splice(desks.indexOf(desk), 1);
    const out = path.join(dataDir, 'so.xlsx');
    const r = cli(dataDir, 'slip', '--form', '07', '--year', '2026', '--out', out, '--json');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1, path: out });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});

