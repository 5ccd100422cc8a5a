import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import { openDatabase, type Db } from '../../electron/db/connection';
import { cupsPrintBackend } from '../../electron/printing';
import { printingService, type PrintableDocument, type PrintingService } from '../../electron/services/printing';
import { QUEUE, cupsReady, inkOf, jobAttributes, squash, textOf, waitForPrinted } from '../support/cups';
import { SETUP, intake, openTestDesk, tempDir, value } from '../support/desk';

/**
 * Printing for real: a real Mẫu 01 (the production renderer) stored for a real dossier, sent by the printing service through
 * lp to the CUPS queue DeskPDF, whose cups-pdf backend writes what the printer would have printed as a PDF file.
 * The queue comes from scripts/ci-printer.sh (run by .ci/run). Locally without CUPS the suite is skipped; in CI
 * (CI set) a missing printer is a failure.
 */

const printedFiles: string[] = [];
const printedFile = (job: string) => waitForPrinted(job, printedFiles);

describe.skipIf(!process.env.CI && !cupsReady())('printing to the real CUPS PDF printer', () => {
  let desk: ReturnType<typeof openTestDesk>['desk'];
  let db: Db;
  let printing: PrintingService;
  let documentId: number;
  let dossierCode: string;
  let dossierId: number;
  let deskCall: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
  const scratch = tempDir('desk-print-it-');
  const tmpDir = path.join(scratch, 'tmp');

  beforeAll(async () => {
    if (!cupsReady()) {
      throw new Error(`Máy in ${QUEUE} chưa sẵn sàng: chạy "bash scripts/ci-printer.sh" (quyền root) trước khi kiểm thử.`);
    }
    const t = openTestDesk();
    desk = t.desk;
    const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
      dispatch(desk, method, input) as Promise<Result<MethodOutput<M>>>;
    const setup = value(await call('setupDesk', SETUP));
    // A real Mẫu 01: the one acceptance issued and stored for a real dossier.
    const dossier = value(await call('createDossier', { ...intake(), accept: true }));
    dossierCode = dossier.code;
    dossierId = dossier.id;
    documentId = value(await call('getDossier', { id: dossier.id })).documents[0]!.id;
    deskCall = call;

    // The service gets its own connection to the desk's database, as the desk would hand it its own.
    db = openDatabase(t.dataDir);

    const byId = db.prepare<[number], PrintableDocument>(
      `SELECT id, dossier_id AS dossierId, file_name AS fileName, content, form FROM documents WHERE id = ?`,
    );
    printing = printingService({
      db,
      clock: t.clock,
      counter: 'QUAY-01',
      backend: cupsPrintBackend(),
      officerId: () => setup.officer!.id,
      tmpDir,
      documentFor: (id) => byId.get(id) ?? null,
      defaults: () => ({ slipPaper: 'A5', registerPaper: 'A4' }),
    });
  }, 60_000);

  afterAll(() => {
    db?.close();
    desk?.close();
    printedFiles.forEach((f) => fs.rmSync(f, { force: true }));
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('lists the CUPS queue', async () => {
    const view = await printing.listPrinters();
    expect(view.system).toBe('cups');
    expect(view.problem).toBeNull();
    expect(view.printers).toContainEqual(expect.objectContaining({ name: QUEUE, state: expect.stringMatching(/^(idle|printing)$/) }));
  });

  it('prints the stored Mẫu 01 silently: the printed PDF holds the code and the applicant, and the log says who, what, where', async () => {
    printing.saveSettings({ profiles: [{ kind: 'slip', printer: QUEUE, paper: 'A5', copies: 1, silent: true }] });
    const outcome = await printing.printDocument({ documentId });
    expect(outcome).toMatchObject({ method: 'cups', printer: QUEUE, copies: 1, job: expect.stringMatching(/^DeskPDF-\d+$/) });
    expect(fs.readdirSync(tmpDir)).toEqual([]); // the temp copy is gone once lp returned

    const printed = await printedFile(outcome.job!);
    const text = squash(textOf(printed));
    expect(text).toContain(dossierCode);
    expect(text).toContain('NGUYỄN THỊ PHÚC');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    // Everything the stored slip says, the printed one says (the queue re-renders through pdftocairo).
    const stored = path.join(scratch, 'stored.pdf');
    fs.writeFileSync(stored, db.prepare<[number], { content: Buffer }>('SELECT content FROM documents WHERE id = ?').get(documentId)!.content);
    // (Word for word: pdftotext may read a table's header cells in another order after the re-rendering.)
    const words = (t: string) => t.split(' ').sort();
    expect(words(text)).toEqual(words(squash(textOf(stored))));

    const page = inkOf(printed, scratch);
    // A5 at 30 dpi (the queue's A5 is 421 × 595 pt, the slip's 419.5 × 595.3 pt)
    expect(Math.abs(page.width - 175)).toBeLessThanOrEqual(1);
    expect(Math.abs(page.height - 248)).toBeLessThanOrEqual(1);
    expect(page.ink).toBeGreaterThan(0.01); // not a blank sheet

    const entry = printing.listLog({ limit: 1 }).items[0]!;
    expect(entry).toEqual({
      id: outcome.logId,
      documentId,
      dossierId: expect.any(Number),
      dossierCode,
      what: `Mẫu 01 – ${dossierCode}-mau01.pdf`,
      counter: 'QUAY-01',
      printer: QUEUE,
      copies: 1,
      method: 'cups',
      job: outcome.job,
      status: 'sent',
      error: null,
      officerName: SETUP.officer.fullName,
      createdAt: '2026-11-24T02:15:00.000Z',
    });
  }, 120_000);

  it('prints through the desk contract, as both doors do (this counter is the computer name)', async () => {
    value(await deskCall('savePrintSettings', { profiles: [{ kind: 'slip', printer: QUEUE, paper: 'A5', copies: 1, silent: true }] }));
    const outcome = value(await deskCall('printDocument', { documentId }));
    expect(outcome).toMatchObject({ method: 'cups', printer: QUEUE, copies: 1 });
    expect(squash(textOf(await printedFile(outcome.job!)))).toContain(dossierCode);
    const log = value(await deskCall('listPrintLog', { dossierId }));
    expect(log.items[0]).toMatchObject({ id: outcome.logId, job: outcome.job, counter: os.hostname(), status: 'sent', method: 'cups' });
  }, 120_000);

  it('asks the spooler for the copies: lp -n 2 reaches the job', async () => {
    const outcome = await printing.printDocument({ documentId, copies: 2 });
    expect(outcome.copies).toBe(2);
    await printedFile(outcome.job!);
    expect(jobAttributes(outcome.job!)).toMatchObject({ copies: '2', media: 'A5', 'job-state': 'completed' });
    expect(printing.listLog({ limit: 1 }).items[0]).toMatchObject({ copies: 2, job: outcome.job, status: 'sent' });
  }, 120_000);

  it('leaves a non-silent profile to the dialog, logging nothing; recordPrint logs the dialog print', async () => {
    printing.saveSettings({ profiles: [{ kind: 'slip', printer: QUEUE, paper: 'A5', copies: 1, silent: false }] });
    const before = printing.listLog({ limit: 200 }).items.length;
    expect(await printing.printDocument({ documentId })).toEqual({ method: 'dialog', printer: QUEUE, copies: 1, job: null, logId: null });
    expect(printing.listLog({ limit: 200 }).items).toHaveLength(before);

    const entry = printing.recordPrint({ documentId, copies: 1 });
    expect(entry).toMatchObject({ method: 'dialog', status: 'sent', dossierCode, officerName: SETUP.officer.fullName, counter: 'QUAY-01' });
    expect(printing.listLog({ limit: 200 }).items).toHaveLength(before + 1);
  });

  it('names a printer that does not exist in Vietnamese and logs the failure', async () => {
    printing.saveSettings({ profiles: [{ kind: 'slip', printer: 'KhongCoMayIn', paper: 'A5', copies: 1, silent: true }] });
    const message = 'Không có máy in "KhongCoMayIn" trên máy này. Hãy chọn lại máy in trong Cài đặt in.';
    await expect(printing.printDocument({ documentId })).rejects.toMatchObject({ code: 'NOT_FOUND', message });
    expect(printing.listLog({ limit: 1 }).items[0]).toMatchObject({
      status: 'failed',
      printer: 'KhongCoMayIn',
      job: null,
      error: message,
      method: 'cups',
      dossierCode,
    });
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });
});
