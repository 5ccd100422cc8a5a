import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatch,
  FORM_TITLES,
  type DocumentMeta,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../electron/contract';
import type { Desk } from '../../electron/services/desk';
import { QUEUE, cupsReady, inkOf, squash, textOf, waitForPrinted } from '../support/cups';
import { SETUP, intake, openTestDesk, tempDir, value } from '../support/desk';

/**
 * Every form of the desk, from real actions on real dossiers, goes where it must: printed for real on the CUPS PDF
 * printer (Mẫu 01–06 and the register, Mẫu 07) and, for the five the citizen receives (Mẫu 01–05), sent by e-mail
 * to a local SMTP server with the stored PDF attached byte for byte. Mẫu 06 travels with the dossier and Mẫu 07 is
 * the desk's own book: they are printed, not mailed to citizens.
 */

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const upper = (s: string) => s.toLocaleUpperCase('vi');

describe.skipIf(!process.env.CI && !cupsReady())('every form, printed and e-mailed', () => {
  let desk: Desk;
  const printed: string[] = [];
  const scratch = tempDir('desk-forms-');
  const received: Array<{ rcpt: string[]; mail: ParsedMail }> = [];
  let smtp: SMTPServer;
  const docs: DocumentMeta[] = [];
  const codes = new Map<number, string>();
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatch(desk, method, input) as Promise<Result<MethodOutput<M>>>;

  beforeAll(async () => {
    if (!cupsReady()) throw new Error(`Máy in ${QUEUE} chưa sẵn sàng: chạy "bash scripts/ci-printer.sh" (quyền root).`);
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail });
            cb();
          }, cb);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;

    const t = openTestDesk('2026-11-24T02:15:00Z');
    desk = t.desk;
    value(await call('setupDesk', SETUP));
    value(await call('saveMailSettings', {
      enabled: true, host: '127.0.0.1', port, security: 'none', user: '', fromName: 'Bộ phận Một cửa phường Tĩnh Gia',
      fromAddress: 'motcua@tinhgia.example.vn', autoSend: true,
    }));
    value(await call('savePrintSettings', {
      profiles: [
        { kind: 'slip', printer: QUEUE, paper: 'A5', copies: 1, silent: true },
        { kind: 'register', printer: QUEUE, paper: 'A4', copies: 1, silent: true },
      ],
    }));

    // One dossier through acceptance, hand-over, extension and stop (Mẫu 01, 06, 04, 05); one asked for a
    // supplement (Mẫu 02); one refused (Mẫu 03).
    const a = value(await call('createDossier', { ...intake({ fullName: 'NGUYỄN THỊ PHÚC', email: 'phuc@example.vn' }), accept: true }));
    t.clock.advance(3_600_000);
    value(await call('applyDossierAction', { id: a.id, action: { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp - Hộ tịch' } }));
    value(await call('issueDocument', { dossierId: a.id, form: '06' }));
    value(await call('applyDossierAction', {
      id: a.id,
      action: { type: 'extend', newDueAt: '2026-12-04T03:00:00.000Z', reason: 'Cần xác minh thông tin tại nơi cư trú trước đây' },
    }));
    value(await call('applyDossierAction', { id: a.id, action: { type: 'stop', reason: 'Công dân xin dừng để bổ sung giấy tờ khác' } }));
    const b = value(await call('createDossier', { ...intake({ fullName: 'TRẦN VĂN ĐỨC', email: 'duc@example.vn' }), accept: false }));
    value(await call('applyDossierAction', {
      id: b.id,
      action: { type: 'requestSupplement', stage: 'reception', items: [{ name: 'Giấy chứng sinh', reason: 'Chưa nộp bản chính' }], reason: 'Mang bản chính' },
    }));
    const c = value(await call('createDossier', { ...intake({ fullName: 'LÊ VĂN CƯỜNG', email: 'cuong@example.vn' }), accept: false }));
    value(await call('applyDossierAction', { id: c.id, action: { type: 'refuse', reason: 'Thủ tục không thuộc thẩm quyền của phường' } }));
    for (const id of [a.id, b.id, c.id]) {
      const d = value(await call('getDossier', { id }));
      codes.set(id, d.dossier.code);
      docs.push(...d.documents);
    }
  }, 120_000);

  afterAll(async () => {
    desk?.close();
    printed.forEach((f) => fs.rmSync(f, { force: true }));
    fs.rmSync(scratch, { recursive: true, force: true });
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('prints each of Mẫu 01–06 on the CUPS printer: the printed page says its title and the dossier code', async () => {
    expect([...new Set(docs.map((d) => d.form))].sort()).toEqual(['01', '02', '03', '04', '05', '06']);
    for (const doc of docs) {
      const outcome = value(await call('printDocument', { documentId: doc.id }));
      expect(outcome, doc.fileName).toMatchObject({ method: 'cups', printer: QUEUE, job: expect.stringMatching(/^DeskPDF-\d+$/) });
      const text = squash(textOf(await waitForPrinted(outcome.job!, printed)));
      expect(text, doc.fileName).toContain(codes.get(doc.dossierId)!);
      // TT 01/2018 and TT 03/2025 word some titles differently; these dossiers are current, so the TT 03/2025 title.
      expect(squash(upper(text)), doc.fileName).toContain(upper(FORM_TITLES[doc.form as keyof typeof FORM_TITLES]));
    }
    const log = value(await call('listPrintLog', { limit: 50 })).items;
    expect(log.filter((e) => e.status === 'sent' && e.method === 'cups')).toHaveLength(docs.length);
  }, 300_000);

  it('prints the register (Mẫu 07) on A4 with every accepted dossier', async () => {
    const outcome = value(await call('printRegister', { year: 2026 }));
    expect(outcome).toMatchObject({ method: 'cups', printer: QUEUE });
    const file = await waitForPrinted(outcome.job!, printed);
    const text = squash(textOf(file));
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    const accepted = [...codes.entries()].filter(([id]) => docs.some((d) => d.dossierId === id && d.form === '01'));
    // A code wraps at its hyphen inside the narrow cell, and pdftotext joins such a line end as a hyphenation.
    const bare = (x: string) => x.replace(/[\s-]/g, '');
    for (const [, code] of accepted) expect(bare(text)).toContain(bare(code));
    const page = inkOf(file, scratch);
    // An A4 sheet (248 × 351 at 30 dpi): CUPS turns the landscape register to fit the paper in the tray.
    expect([page.width, page.height].sort((x, y) => x - y)).toEqual([248, 351]);
    expect(page.ink).toBeGreaterThan(0.005);
    expect(value(await call('listPrintLog', { limit: 1 })).items[0]).toMatchObject({ documentId: null, what: expect.stringMatching(/^Sổ theo dõi hồ sơ năm 2026/) });
  }, 120_000);

  it('e-mails Mẫu 01–05 to the applicants with the stored PDF attached, byte for byte', async () => {
    // Queued automatically by the actions; the outbox sends them on its next pass.
    const pass = await desk.processOutbox();
    expect(pass).toEqual({ sent: 5, failed: 0 });
    expect(received).toHaveLength(5);
    for (const form of ['01', '02', '03', '04', '05'] as const) {
      const doc = docs.filter((d) => d.form === form).at(-1)!;
      const code = codes.get(doc.dossierId)!;
      const mail = received.find((r) => r.mail.attachments.some((x) => x.filename === doc.fileName));
      expect(mail, `Mẫu ${form}`).toBeDefined();
      const { email } = value(await call('getDossier', { id: doc.dossierId })).dossier;
      expect(mail!.rcpt).toEqual([email]);
      expect(mail!.mail.subject).toContain(code);
      expect(mail!.mail.text).toContain(code);
      const attachment = mail!.mail.attachments.find((x) => x.filename === doc.fileName)!;
      expect(attachment.contentType).toBe('application/pdf');
      expect(sha256(attachment.content)).toBe(doc.sha256);
    }
    const outbox = value(await call('listOutbox', {}));
    expect(outbox.counts).toMatchObject({ sent: 5, queued: 0, failed: 0 });
  }, 120_000);
});
