import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../electron/contract/errors';
import { openDatabase, type Db } from '../../../electron/db/connection';
import { noPrintBackend, type PrintBackend, type PrintJob } from '../../../electron/printing/backend';
import { printingService, type PrintableDocument } from '../../../electron/services/printing';

const DOC: PrintableDocument = {
  id: 7,
  dossierId: 3,
  fileName: '000.00.16.H56-261124-0001-mau01.pdf',
  content: Buffer.from('%PDF-1.7 slip'),
  form: '01',
};

let dbs: Db[] = [];
let dirs: string[] = [];
afterEach(() => {
  dbs.forEach((db) => db.close());
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  dbs = [];
  dirs = [];
});

/** A fake spooler that records what it was given, what the file held, and whether a transaction was open. */
function spooler(db: () => Db, fail?: DeskError | Error): PrintBackend & { jobs: { file: string; bytes: string; job: PrintJob; inTx: boolean }[] } {
  const jobs: { file: string; bytes: string; job: PrintJob; inTx: boolean }[] = [];
  return {
    system: 'cups',
    jobs,
    list: async () => ({ printers: [{ name: 'DeskPDF', isDefault: true, state: 'idle' }], problem: null }),
    print: async (file, job) => {
      jobs.push({ file, bytes: fs.readFileSync(file, 'latin1'), job, inTx: db().inTransaction });
      if (fail) throw fail;
      return { job: `${job.printer ?? 'DeskPDF'}-${jobs.length}`, printer: job.printer ?? 'DeskPDF' };
    },
  };
}

function setup(options: { fail?: DeskError | Error; backend?: PrintBackend; dir?: string } = {}) {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'desk-print-unit-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'data'));
  // The log's document and dossier rows are not the subject here (the integration test prints real ones).
  db.pragma('foreign_keys = OFF');
  dbs.push(db);
  let now = Date.parse('2026-11-24T02:15:00Z');
  const backend = options.backend ?? spooler(() => db, options.fail);
  const tmpDir = path.join(dir, 'tmp');
  const service = printingService({
    db,
    clock: () => new Date((now += 1000)),
    counter: 'QUAY-01',
    backend,
    officerId: () => null,
    tmpDir,
    documentFor: (id) => (id === DOC.id ? DOC : null),
    defaults: () => ({ slipPaper: 'A5', registerPaper: 'A4' }),
  });
  return { service, backend, tmpDir, db };
}

const silentSlip = { kind: 'slip' as const, printer: 'DeskPDF', paper: 'A5' as const, copies: 1, silent: true };

describe('printer profiles', () => {
  it('fills both kinds with defaults: default printer, the documents paper, one copy, through the dialog', () => {
    const { service } = setup();
    expect(service.getSettings()).toEqual({
      counter: 'QUAY-01',
      profiles: [
        { kind: 'slip', printer: null, paper: 'A5', copies: 1, silent: false },
        { kind: 'register', printer: null, paper: 'A4', copies: 1, silent: false },
      ],
    });
  });

  it('saves per counter and refuses two profiles of one kind', () => {
    const { service, db } = setup();
    const saved = service.saveSettings({ profiles: [silentSlip] });
    expect(saved.profiles[0]).toEqual(silentSlip);
    expect(saved.profiles[1]).toMatchObject({ kind: 'register', silent: false });
    expect(db.prepare(`SELECT counter, kind FROM printer_profiles`).all()).toEqual([{ counter: 'QUAY-01', kind: 'slip' }]);
    expect(() => service.saveSettings({ profiles: [silentSlip, { ...silentSlip, copies: 2 }] })).toThrow(
      'Mỗi loại giấy chỉ có một cấu hình máy in.',
    );
  });

  it('refuses "print straight away" on a machine that cannot print without the dialog', () => {
    const { service } = setup({ backend: noPrintBackend });
    expect(() => service.saveSettings({ profiles: [silentSlip] })).toThrow(/hộp thoại in/);
    expect(service.saveSettings({ profiles: [{ ...silentSlip, silent: false }] }).profiles[0]!.silent).toBe(false);
  });
});

describe('printing a stored document', () => {
  it('sends the stored bytes outside any transaction, removes the temp file and logs the job', async () => {
    const { service, backend, tmpDir } = setup();
    service.saveSettings({ profiles: [silentSlip] });
    const outcome = await service.printDocument({ documentId: DOC.id, copies: 2 });
    expect(outcome).toEqual({ method: 'cups', printer: 'DeskPDF', copies: 2, job: 'DeskPDF-1', logId: expect.any(Number) });
    const [sent] = (backend as ReturnType<typeof spooler>).jobs;
    expect(sent).toMatchObject({
      bytes: '%PDF-1.7 slip',
      inTx: false,
      job: { printer: 'DeskPDF', copies: 2, paper: 'A5', title: 'Mau 01 000.00.16.H56-261124-0001-mau01.pdf' },
    });
    expect(path.basename(sent!.file)).toBe('000.00.16.H56-261124-0001-mau01.pdf');
    expect(fs.readdirSync(tmpDir)).toEqual([]);

    const [entry] = service.listLog({ limit: 50 }).items;
    expect(entry).toEqual({
      id: outcome.logId,
      documentId: 7,
      dossierId: 3,
      dossierCode: null, // no dossier row in this test
      what: 'Mẫu 01 – 000.00.16.H56-261124-0001-mau01.pdf',
      counter: 'QUAY-01',
      printer: 'DeskPDF',
      copies: 2,
      method: 'cups',
      job: 'DeskPDF-1',
      status: 'sent',
      error: null,
      officerName: null,
      createdAt: expect.stringMatching(/^2026-11-24T02:15:\d\d\.000Z$/),
    });
  });

  it('leaves a non-silent profile to the dialog and logs nothing until the screen records it', async () => {
    const { service, backend } = setup();
    expect(await service.printDocument({ documentId: DOC.id })).toEqual({ method: 'dialog', printer: null, copies: 1, job: null, logId: null });
    expect((backend as ReturnType<typeof spooler>).jobs).toEqual([]);
    expect(service.listLog({ limit: 50 }).items).toEqual([]);
    const entry = service.recordPrint({ documentId: DOC.id, copies: 1 });
    expect(entry).toMatchObject({ method: 'dialog', status: 'sent', printer: null, copies: 1, job: null, documentId: 7 });
  });

  it('logs a failed print with its Vietnamese message, then throws it', async () => {
    const refused = new DeskError('NOT_FOUND', 'Không có máy in "X" trên máy này. Hãy chọn lại máy in trong Cài đặt in.');
    const { service, tmpDir } = setup({ fail: refused });
    service.saveSettings({ profiles: [{ ...silentSlip, printer: 'X' }] });
    await expect(service.printDocument({ documentId: DOC.id })).rejects.toBe(refused);
    expect(service.listLog({ limit: 5 }).items[0]).toMatchObject({ status: 'failed', printer: 'X', error: refused.message, job: null });
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('wraps an unexpected error in a DeskError and logs it', async () => {
    const { service } = setup({ fail: new Error('EPIPE') });
    service.saveSettings({ profiles: [silentSlip] });
    await expect(service.printDocument({ documentId: DOC.id })).rejects.toMatchObject({ code: 'INTERNAL', message: 'Không in được: EPIPE' });
    expect(service.listLog({ limit: 5 }).items[0]).toMatchObject({ status: 'failed', error: 'Không in được: EPIPE' });
  });

  it('refuses an unknown document', async () => {
    const { service } = setup();
    await expect(service.printDocument({ documentId: 99 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy văn bản số 99' });
    expect(() => service.recordPrint({ documentId: 99, copies: 1 })).toThrow('Không tìm thấy văn bản số 99');
  });

  it('prints the register export with the register profile', async () => {
    const { service, backend } = setup();
    service.saveSettings({ profiles: [{ ...silentSlip, kind: 'register', paper: 'A4' }] });
    const file = path.join(os.tmpdir(), `so-theo-doi-${process.pid}.pdf`);
    fs.writeFileSync(file, '%PDF register');
    try {
      const outcome = await service.printFile(file, 'Sổ theo dõi hồ sơ năm 2026', 'register');
      expect(outcome).toMatchObject({ method: 'cups', copies: 1 });
      expect((backend as ReturnType<typeof spooler>).jobs[0]!.job).toEqual({ printer: 'DeskPDF', copies: 1, paper: 'A4', title: 'So theo doi ho so nam 2026' });
      expect(service.listLog({ limit: 5 }).items[0]).toMatchObject({ documentId: null, dossierId: null, what: 'Sổ theo dõi hồ sơ năm 2026' });
      expect(fs.existsSync(file)).toBe(true); // the caller's file is the caller's
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe('temp copies', () => {
  it('sweeps copies a crash left behind, not those another process may be printing now', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-print-unit-'));
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(path.join(tmp, 'print-old'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'print-now'));
    fs.mkdirSync(path.join(tmp, 'other'));
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(tmp, 'print-old'), hourAgo, hourAgo);
    setup({ dir });
    expect(fs.readdirSync(tmp).sort()).toEqual(['other', 'print-now']);
  });
});

describe('the print log', () => {
  it('pages newest first and filters by dossier', async () => {
    const { service } = setup();
    for (let i = 0; i < 5; i++) service.recordPrint({ documentId: DOC.id, copies: 1 + i });
    const first = service.listLog({ limit: 2 });
    expect(first.items.map((e) => e.copies)).toEqual([5, 4]);
    const second = service.listLog({ limit: 2, before: first.next! });
    expect(second.items.map((e) => e.copies)).toEqual([3, 2]);
    const last = service.listLog({ limit: 2, before: second.next! });
    expect(last).toMatchObject({ next: null, items: [{ copies: 1 }] });
    expect(service.listLog({ limit: 50, dossierId: 3 }).items).toHaveLength(5);
    expect(service.listLog({ limit: 50, dossierId: 4 }).items).toEqual([]);
  });

  it('lists printers with the system the desk prints through', async () => {
    expect(await setup().service.listPrinters()).toEqual({
      system: 'cups',
      printers: [{ name: 'DeskPDF', isDefault: true, state: 'idle' }],
      problem: null,
    });
    expect(await setup({ backend: noPrintBackend }).service.listPrinters()).toMatchObject({ system: 'none', printers: [] });
  });
});
