import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../electron/contract';
import type { FileDbRow } from '../../electron/db/files-repo';
import { attachmentsOf } from '../../electron/services/files';
import { png, pdfkitPdf, textPage, zeroPagePdf } from '../unit/files/fixtures';
import { readPdf, squash } from '../unit/documents/pdf-read';
import { intake, tempDir, value } from '../support/desk';
import { generatedBody, makePdf, openCounterDesk, postChunked, postDeclared, sha256, type CounterDesk } from '../support/counter';

/**
 * Files at the counter through the browser door: uploads (every refusal in Vietnamese, nothing kept), intake with
 * attachments, attach/detach/discard, the hash check when a stored file is opened, and the watched scan folder.
 */
const MB = 1024 * 1024;
let h: CounterDesk;
beforeAll(async () => {
  h = await openCounterDesk();
});
afterAll(() => h.close());

const inbox = async () => value(await h.call('listInbox', {})).items;

/** Asserts the refusal and that nothing was kept: no inbox row, no temp file, no new blob. */
async function refused(
  r: { status: number; body: { ok: boolean; error?: { code: string; message: string } } },
  status: number,
  code: string,
  message: RegExp,
  before: { inbox: number; blobs: number },
) {
  expect(r.status).toBe(status);
  expect(r.body.ok).toBe(false);
  expect(r.body.error?.code).toBe(code);
  expect(r.body.error?.message).toMatch(message);
  expect((await inbox()).length).toBe(before.inbox);
  expect(h.tmpFiles()).toEqual([]);
  expect(h.blobs().length).toBe(before.blobs);
}
const snapshot = async () => ({ inbox: (await inbox()).length, blobs: h.blobs().length });

describe('A. uploads through HTTP', () => {
  it('refuses an empty body (declared 0 and streamed 0) with "tệp rỗng"', async () => {
    const before = await snapshot();
    await refused(await h.upload('trong.pdf', Buffer.alloc(0)), 400, 'VALIDATION', /^trong\.pdf: tệp rỗng \(0 byte\)/, before);
    // Chunked, nothing declared: the store itself finds the body empty.
    const chunked = await postChunked(h, '/api/files?name=trong.pdf', []);
    await refused(chunked as never, 400, 'VALIDATION', /^trong\.pdf: Tệp rỗng \(0 byte\), không có nội dung/, before);
  });

  it('refuses a PDF without pages, an executable renamed .pdf, an encrypted PDF and a PNG named .pdf', async () => {
    const before = await snapshot();
    await refused(await h.upload('khong-trang.pdf', zeroPagePdf()), 400, 'VALIDATION', /Tệp PDF không có trang nào/, before);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 0)]);
    await refused(
      await h.upload('hoa-don.pdf', exe),
      400,
      'VALIDATION',
      /hoa-don\.pdf: Tên tệp có đuôi \.pdf nhưng nội dung là tệp chương trình \(\.exe\)/,
      before,
    );
    const locked = await pdfkitPdf([textPage('Mật')], { userPassword: '1234' });
    await refused(await h.upload('mat-khau.pdf', locked), 400, 'VALIDATION', /có mật khẩu hoặc bị mã hóa/, before);
    const ownerOnly = await pdfkitPdf([textPage('Chủ')], { ownerPassword: 'x', permissions: { printing: 'lowResolution' } });
    await refused(await h.upload('chu.pdf', ownerOnly), 400, 'VALIDATION', /mã hóa/, before);
    await refused(await h.upload('anh.pdf', png(8, 8)), 400, 'VALIDATION', /đuôi \.pdf nhưng nội dung là ảnh PNG/, before);
  });

  it('refuses 200 MB declared in Content-Length with 413 before storing a byte', async () => {
    const before = await snapshot();
    const r = await postDeclared(h, '/api/files?name=lon.pdf', 200 * MB, Buffer.from('%PDF-1.7\n'));
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/lon\.pdf: tệp lớn hơn giới hạn 50 MB/) } });
    expect(r.written).toBeLessThan(20 * MB); // answered long before the body could have been read
    expect((await inbox()).length).toBe(before.inbox);
    expect(h.tmpFiles()).toEqual([]);
  });

  it('stops a 200 MB chunked upload (no Content-Length) mid-stream at the store limit', async () => {
    const before = await snapshot();
    const body = generatedBody(200 * MB, Buffer.from('%PDF-1.7\n'));
    const r = await h.upload('lon.pdf', body.stream, { duplex: 'half' });
    await refused(r, 413, 'PAYLOAD_TOO_LARGE', /lon\.pdf: Tệp lớn hơn giới hạn 50 MB/, before);
    expect(body.pulled()).toBeGreaterThan(50 * MB);
    expect(body.pulled()).toBeLessThan(200 * MB);
  });

  it('follows the counter setting maxFileMb on both paths', async () => {
    // A valid 1-page PDF of about 1.5 MB (an incompressible scan).
    const scan = await pdfkitPdf([(doc) => void doc.image(png(720, 720, true), 0, 0, { width: 595 })]);
    expect(scan.length).toBeGreaterThan(1.2 * MB);
    expect(scan.length).toBeLessThan(2 * MB);
    value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 1, staleDays: 3 }));
    try {
      const before = await snapshot();
      await refused(await h.upload('quet.pdf', scan), 413, 'PAYLOAD_TOO_LARGE', /giới hạn 1 MB/, before);
      const chunked = generatedBody(3 * MB, Buffer.from('%PDF-1.7\n'));
      await refused(await h.upload('quet.pdf', chunked.stream, { duplex: 'half' }), 413, 'PAYLOAD_TOO_LARGE', /giới hạn 1 MB/, before);
      expect(value(await h.call('listInbox', {})).maxFileMb).toBe(1);
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 2, staleDays: 3 }));
      const kept = await h.uploadOk('quet.pdf', scan);
      expect(kept).toMatchObject({ size: scan.length, pages: 1, mime: 'application/pdf' });
    } finally {
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 3 }));
    }
  });

  it('stores "../../x.pdf" as "x.pdf" inside the store, and an NFD name as NFC', async () => {
    const escaped = await h.uploadOk('../../x.pdf', await makePdf());
    expect(escaped.name).toBe('x.pdf');
    expect(fs.existsSync(path.join(h.dataDir, 'x.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(h.dataDir), 'x.pdf'))).toBe(false);
    expect(fs.existsSync(h.blobPath(escaped.sha256))).toBe(true);

    const nfc = 'Giấy khai sinh Nguyễn Thị Phượng.pdf';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const stored = await h.uploadOk(nfd, await makePdf());
    expect(stored.name).toBe(nfc);
    expect((await inbox()).find((f) => f.id === stored.id)?.name).toBe(nfc);
  });

  it('keeps the same bytes twice as two inbox rows over one blob, with what was measured', async () => {
    const bytes = await makePdf(3, 'Sổ hộ khẩu');
    const blobsBefore = h.blobs().length;
    const a = await h.uploadOk('so-ho-khau.pdf', bytes);
    const b = await h.uploadOk('so-ho-khau (1).pdf', bytes);
    expect(a.id).not.toBe(b.id);
    for (const f of [a, b]) {
      expect(f).toMatchObject({
        sha256: sha256(bytes),
        mime: 'application/pdf',
        size: bytes.length,
        pages: 3,
        source: 'upload',
        dossierId: null,
        componentPosition: null,
        createdBy: 'Lê Thị Hoa',
        warnings: [],
      });
    }
    expect(h.blobs().length).toBe(blobsBefore + 1);
    const ids = (await inbox()).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(h.sql('SELECT count(*) AS n FROM files WHERE sha256 = ?', sha256(bytes))).toEqual([{ n: 2 }]);
  });
});

describe('B. intake with attachments', () => {
  const COMPONENTS = [
    { name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', originals: 1, certifiedCopies: 0, photocopies: 0, pages: 2 },
    { name: 'Giấy tờ chứng minh đã ly hôn', originals: 0, certifiedCopies: 1, photocopies: 0, pages: 1 },
  ];
  const withFiles = (attachments: IntakeInput['attachments'], extra: Partial<IntakeInput> = {}): IntakeInput => ({
    ...intake(),
    components: COMPONENTS,
    attachments,
    ...extra,
  });
  const total = async () => value(await h.call('queueCounts', {})).total;

  it('receives, accepts and attaches in one step: status 2, Mẫu 01 with the postal delivery, page warnings', async () => {
    const onePage = await h.uploadOk('to-khai.pdf', await makePdf(1, 'Tờ khai'));
    const decree = await h.uploadOk('ban-an.pdf', await makePdf(1, 'Bản án'));
    const address = 'Số 12 đường Nguyễn Du, phường Tĩnh Gia, tỉnh Thanh Hóa';
    const created = value(
      await h.call(
        'createDossier',
        withFiles(
          [
            { fileId: onePage.id, componentPosition: 1 },
            { fileId: decree.id, componentPosition: 2 },
          ],
          { accept: true, delivery: { method: 'post', address } },
        ),
      ),
    );
    expect(created.status).toBe(2);
    expect(created.delivery).toEqual({ method: 'post', address });
    const d = value(await h.call('getDossier', { id: created.id }));
    expect(d.components.map((c) => [c.position, c.pages])).toEqual([[1, 2], [2, 1]]);
    expect(d.attachments.map((f) => [f.id, f.componentPosition, f.dossierId])).toEqual([
      [onePage.id, 1, created.id],
      [decree.id, 2, created.id],
    ]);
    expect(d.attachments[0]!.warnings).toEqual([`Tệp có 1 trang, thành phần "${COMPONENTS[0]!.name}" khai 2 trang`]);
    expect(d.attachments[1]!.warnings).toEqual([]);
    expect(d.documents.map((x) => [x.form, x.version])).toEqual([['01', 1]]);
    expect(d.events.map((e) => e.action)).toEqual(['created', 'accepted']);
    const slip = value(await h.call('getDocument', { id: d.documents[0]!.id }));
    const text = squash((await readPdf(Buffer.from(slip.contentBase64, 'base64'))).map((p) => p.text).join(''));
    expect(text).toContain(squash(created.code));
    expect(text).toContain(squash(`Dịch vụ bưu chính công ích, gửi đến: ${address}`));
    // Attached files leave the inbox.
    const ids = (await inbox()).map((f) => f.id);
    expect(ids).not.toContain(onePage.id);
    expect(ids).not.toContain(decree.id);
  });

  it('refuses bad attachment lists and saves no dossier', async () => {
    const a = await h.uploadOk('a.pdf', await makePdf());
    const before = await total();
    const noComponent = await h.call('createDossier', withFiles([{ fileId: a.id, componentPosition: 9 }]));
    expect(noComponent).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Hồ sơ không có thành phần số 9' } });
    const twice = await h.call('createDossier', withFiles([
      { fileId: a.id, componentPosition: 1 },
      { fileId: a.id, componentPosition: 2 },
    ]));
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: `Tệp số ${a.id} được chọn hai lần` } });
    const unknown = await h.call('createDossier', withFiles([{ fileId: 987654, componentPosition: 1 }]));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp số 987654' } });

    const owner = value(await h.call('createDossier', withFiles([{ fileId: a.id, componentPosition: 1 }])));
    const afterOwner = await total();
    expect(afterOwner).toBe(before + 1);
    const elsewhere = await h.call('createDossier', withFiles([{ fileId: a.id, componentPosition: 1 }]));
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Tệp "a.pdf" đã được đính kèm vào hồ sơ khác' } });
    expect(await total()).toBe(afterOwner);
    expect(h.sql('SELECT dossier_id AS d FROM files WHERE id = ?', a.id)).toEqual([{ d: owner.id }]);
    // Over HTTP the same refusal is a 409 envelope.
    const viaHttp = await h.api('createDossier', withFiles([{ fileId: a.id, componentPosition: 1 }]));
    expect(viaHttp.status).toBe(409);
    expect(await total()).toBe(afterOwner);
  });

  it('attaches and detaches: the file goes back to the inbox, both recorded in the history', async () => {
    const d = value(await h.call('createDossier', withFiles(undefined)));
    const f = await h.uploadOk('to-khai-2.pdf', await makePdf(1));
    h.clock.advance(60_000);
    const attached = value(await h.call('attachFiles', { id: d.id, attachments: [{ fileId: f.id, componentPosition: 1 }] }));
    expect(attached.attachments.map((x) => [x.id, x.componentPosition])).toEqual([[f.id, 1]]);
    expect(attached.attachments[0]!.warnings).toEqual([`Tệp có 1 trang, thành phần "${COMPONENTS[0]!.name}" khai 2 trang`]);
    expect(attached.events.at(-1)).toMatchObject({ action: 'attached', officerName: 'Lê Thị Hoa', note: 'Đính kèm 1 tệp' });
    expect(attached.dossier.updatedAt).toBe(h.clock().toISOString());
    expect((await inbox()).map((x) => x.id)).not.toContain(f.id);

    h.clock.advance(60_000);
    const detached = value(await h.call('detachFile', { id: d.id, fileId: f.id }));
    expect(detached.attachments).toEqual([]);
    expect(detached.events.at(-1)).toMatchObject({ action: 'detached', note: 'Gỡ tệp "to-khai-2.pdf" về hộp tệp chờ' });
    const back = (await inbox()).find((x) => x.id === f.id);
    expect(back).toMatchObject({ dossierId: null, componentPosition: null });
    // Back in the inbox, the file no longer carries the warning of the component it left.
    expect(back!.warnings).toEqual([]);

    // Re-attached to a component whose declared pages match: no stale warning follows it.
    const again = value(await h.call('attachFiles', { id: d.id, attachments: [{ fileId: f.id, componentPosition: 2 }] }));
    expect(again.attachments.map((x) => [x.id, x.componentPosition, x.warnings])).toEqual([[f.id, 2, []]]);

    expect(await h.call('detachFile', { id: d.id, fileId: 424242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const other = value(await h.call('createDossier', withFiles(undefined)));
    expect(await h.call('detachFile', { id: other.id, fileId: f.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.call('attachFiles', { id: other.id, attachments: [{ fileId: f.id, componentPosition: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('checks pages per component on every read: a second file completing the count clears the warning, one more sums it', async () => {
    const d = value(await h.call('createDossier', withFiles(undefined)));
    const first = await h.uploadOk('trang-1.pdf', await makePdf(1, 'Trang một'));
    const second = await h.uploadOk('trang-2.pdf', await makePdf(1, 'Trang hai'));
    const third = await h.uploadOk('trang-3.pdf', await makePdf(1, 'Trang ba'));
    const warningsOn = (x: { attachments: Array<{ id: number; warnings: string[] }> }) => x.attachments.map((f) => [f.id, f.warnings]);
    const one = value(await h.call('attachFiles', { id: d.id, attachments: [{ fileId: first.id, componentPosition: 1 }] }));
    expect(warningsOn(one)).toEqual([[first.id, [`Tệp có 1 trang, thành phần "${COMPONENTS[0]!.name}" khai 2 trang`]]]);
    const two = value(await h.call('attachFiles', { id: d.id, attachments: [{ fileId: second.id, componentPosition: 1 }] }));
    expect(warningsOn(two)).toEqual([[first.id, []], [second.id, []]]);
    const three = value(await h.call('attachFiles', { id: d.id, attachments: [{ fileId: third.id, componentPosition: 1 }] }));
    expect(warningsOn(three)).toEqual([
      [first.id, []],
      [second.id, []],
      [third.id, [`Các tệp của thành phần "${COMPONENTS[0]!.name}" có tổng 3 trang, khai 2 trang`]],
    ]);
    // Taking the extra file away restores a count that matches; nothing stale stays on the others.
    const back = value(await h.call('detachFile', { id: d.id, fileId: third.id }));
    expect(warningsOn(back)).toEqual([[first.id, []], [second.id, []]]);
    // A page warning stored with a file by an older version is dropped on reading; the file's own ones stay.
    const [row] = h.sql<FileDbRow>(
      `SELECT id, sha256, name, mime, size, pages, source, dossier_id AS dossierId, component_position AS componentPosition,
              created_at AS createdAt, NULL AS createdBy, ? AS warningsJson FROM files WHERE id = ?`,
      JSON.stringify(['Tệp có 1 trang, thành phần "X" khai 9 trang', 'Trang 1 không có nội dung (trang trắng?)']),
      first.id,
    );
    expect(attachmentsOf([row!], [{ position: 1, name: 'Tờ khai', pages: 1 }])[0]!.warnings).toEqual(['Trang 1 không có nội dung (trang trắng?)']);
  });

  it('discards an inbox file: the blob goes when nothing else points at it, stays when another row does', async () => {
    const lone = await h.uploadOk('le.pdf', await makePdf());
    expect(fs.existsSync(h.blobPath(lone.sha256))).toBe(true);
    expect(value(await h.call('discardInboxFile', { id: lone.id }))).toEqual({ removed: true });
    expect(fs.existsSync(h.blobPath(lone.sha256))).toBe(false);
    expect((await inbox()).map((f) => f.id)).not.toContain(lone.id);

    const shared = await makePdf();
    const first = await h.uploadOk('chung-1.pdf', shared);
    const second = await h.uploadOk('chung-2.pdf', shared);
    expect(value(await h.call('discardInboxFile', { id: first.id }))).toEqual({ removed: true });
    expect(fs.existsSync(h.blobPath(second.sha256))).toBe(true);
    const open = await h.fetchFile(second.id);
    expect(open.status).toBe(200);
    expect(Buffer.from(await open.arrayBuffer()).equals(shared)).toBe(true);

    // An attached file is not the inbox's to discard; an unknown one is reported.
    const d = value(await h.call('createDossier', withFiles([{ fileId: second.id, componentPosition: 2 }])));
    expect(await h.call('discardInboxFile', { id: second.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(value(await h.call('getDossier', { id: d.id })).attachments.map((f) => f.id)).toEqual([second.id]);
    expect(await h.call('discardInboxFile', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `Không tìm thấy tệp số ${first.id}` },
    });
  });
});

describe('C. integrity when a stored file is opened', () => {
  it('streams a good file with its type and exact bytes', async () => {
    const bytes = await makePdf(2);
    const f = await h.uploadOk('Đơn đề nghị.pdf', bytes);
    const res = await h.fetchFile(f.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('Đơn đề nghị.pdf')}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    const image = await h.uploadOk('anh-cccd.png', png(16, 12));
    const img = await h.fetchFile(image.id);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(png(16, 12))).toBe(true);
    expect(image).toMatchObject({ mime: 'image/png', pages: 1 });
  });

  it('refuses to serve a blob changed on disk, and says so when it is gone', async () => {
    const bytes = await makePdf();
    const f = await h.uploadOk('bi-sua.pdf', bytes);
    const blob = h.blobPath(f.sha256);
    fs.chmodSync(blob, 0o600);
    const tampered = Buffer.from(bytes);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 20) ^ 0x01, tampered.length - 20);
    fs.writeFileSync(blob, tampered);
    const changed = await h.fetchFile(f.id);
    expect(changed.status).toBe(500);
    expect(changed.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await changed.json()) as { ok: boolean; error: { message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.message).toMatch(/"bi-sua\.pdf" đã bị thay đổi ngoài phần mềm \(mã băm SHA-256 không khớp\)/);

    fs.rmSync(blob);
    const gone = await h.fetchFile(f.id);
    expect(gone.status).toBe(500);
    expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/không còn trong kho lưu trữ/);

    const missing = await h.fetchFile(999_999);
    expect(missing.status).toBe(404);
    expect(await h.call('getFile', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await h.call('getFile', { id: f.id }))).toMatchObject({ id: f.id, name: 'bi-sua.pdf' });
  });
});

describe('D. the watched scan folder', () => {
  it('takes a settled scan into the inbox and moves it to da-nhan/, puts a fake PDF aside in khong-nhan/', async () => {
    const folder = tempDir('scan-folder-');
    value(await h.call('saveCounterSettings', { scanFolder: folder, maxFileMb: 50, staleDays: 3 }));
    try {
      const past = new Date(Date.now() - 10_000);
      const scan = await makePdf(2, 'Bản quét');
      fs.writeFileSync(path.join(folder, 'scan-0001.pdf'), scan);
      fs.utimesSync(path.join(folder, 'scan-0001.pdf'), past, past);
      fs.writeFileSync(path.join(folder, 'ghi-chu.pdf'), 'đây là văn bản, không phải PDF\n'.repeat(80));
      fs.utimesSync(path.join(folder, 'ghi-chu.pdf'), past, past);
      // Still being written by the scanner (modified just now): left for a later pass.
      fs.writeFileSync(path.join(folder, 'scan-0002.pdf'), await makePdf());
      const blobsBefore = h.blobs().length;

      const view = value(await h.call('listInbox', {}));
      expect(view.scanFolder).toBe(folder);
      expect(view.scanProblem).toBeNull();
      const taken = view.items.filter((f) => f.source === 'scan');
      expect(taken).toHaveLength(1);
      expect(taken[0]).toMatchObject({ name: 'scan-0001.pdf', pages: 2, sha256: sha256(scan), size: scan.length });
      expect(view.items.map((f) => f.name)).not.toContain('ghi-chu.pdf');
      expect(fs.readdirSync(folder).sort()).toEqual(['da-nhan', 'khong-nhan', 'scan-0002.pdf']);
      expect(fs.readdirSync(path.join(folder, 'da-nhan'))).toEqual(['scan-0001.pdf']);
      // The refusal is shown with its reason, and a note of it stays beside the refused file.
      expect(fs.readdirSync(path.join(folder, 'khong-nhan')).sort()).toEqual(['ghi-chu.pdf', 'ghi-chu.pdf.ly-do.txt']);
      const reason =
        'Tên tệp có đuôi .pdf nhưng nội dung là loại tệp không nhận dạng được, không phải tệp PDF; ' +
        'không nhận tệp này (có thể tệp đã bị đổi tên).';
      expect(view.refused).toEqual([{ name: 'ghi-chu.pdf', reason, at: expect.any(String) as string }]);
      expect(fs.readFileSync(path.join(folder, 'khong-nhan', 'ghi-chu.pdf.ly-do.txt'), 'utf8')).toBe(`${reason}\n`);
      expect(h.blobs().length).toBe(blobsBefore + 1);
      expect(h.tmpFiles()).toEqual([]);

      // A second pass takes nothing twice.
      const again = value(await h.call('listInbox', {}));
      expect(again.items.filter((f) => f.source === 'scan')).toHaveLength(1);
      expect(again.refused.map((r) => r.name)).toEqual(['ghi-chu.pdf']);
      // After a day the refusal is no longer listed (the file and its note stay in the folder).
      const dayAgo = new Date(Date.now() - 25 * 3_600_000);
      fs.utimesSync(path.join(folder, 'khong-nhan', 'ghi-chu.pdf.ly-do.txt'), dayAgo, dayAgo);
      expect(value(await h.call('listInbox', {})).refused).toEqual([]);
    } finally {
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 3 }));
    }
  });

  it('takes each scan once when the timer\'s pass and listInbox run at the same time', async () => {
    const folder = tempDir('scan-folder-');
    value(await h.call('saveCounterSettings', { scanFolder: folder, maxFileMb: 50, staleDays: 3 }));
    try {
      const past = new Date(Date.now() - 10_000);
      for (const name of ['dong-thoi-1.pdf', 'dong-thoi-2.pdf']) {
        fs.writeFileSync(path.join(folder, name), await makePdf());
        fs.utimesSync(path.join(folder, name), past, past);
      }
      const [, view] = await Promise.all([h.desk.scanFolderPass(), h.call('listInbox', {})]);
      const names = (items: Array<{ name: string }>) => items.map((f) => f.name).filter((n) => n.startsWith('dong-thoi')).sort();
      expect(names(value(view).items)).toEqual(['dong-thoi-1.pdf', 'dong-thoi-2.pdf']);
      expect(names(await inbox())).toEqual(['dong-thoi-1.pdf', 'dong-thoi-2.pdf']);
      expect(fs.readdirSync(path.join(folder, 'da-nhan')).sort()).toEqual(['dong-thoi-1.pdf', 'dong-thoi-2.pdf']);
    } finally {
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 3 }));
    }
  });

  it('refuses a relative scan folder and reports one it cannot read', async () => {
    const r = await h.call('saveCounterSettings', { scanFolder: 'scan/may-quet', maxFileMb: 50, staleDays: 3 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ path: 'scanFolder', message: expect.stringMatching(/đường dẫn đầy đủ/) }] },
    });
    expect(value(await h.call('getCounterSettings', {})).scanFolder).toBe('');
    const missing = path.join(tempDir(), 'khong-co');
    value(await h.call('saveCounterSettings', { scanFolder: missing, maxFileMb: 50, staleDays: 3 }));
    try {
      const view = value(await h.call('listInbox', {}));
      expect(view.scanProblem).toMatch(/^Không đọc được thư mục máy quét .*ENOENT/);
    } finally {
      value(await h.call('saveCounterSettings', { scanFolder: '', maxFileMb: 50, staleDays: 3 }));
    }
  });
});

