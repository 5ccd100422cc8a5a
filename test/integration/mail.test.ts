import net, { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodInput, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import { openDatabase, type Db } from '../../electron/db/connection';
import { dossiersRepo } from '../../electron/db/dossiers-repo';
import { settingsRepo } from '../../electron/db/settings-repo';
import { fileSecretStore } from '../../electron/mail/secrets';
import { createMailer } from '../../electron/mail/transport';
import { mailService, type MailDeps, type MailService } from '../../electron/services/mail';
import { SETUP, intake, manualClock, openTestDesk, value } from '../support/desk';

/**
 * The outbox against a real SMTP server (smtp-server on 127.0.0.1) and a real desk database: the dossier and its
 * Mẫu 01 are made by the desk itself; the mail service runs on its own connection to the same file, as a second
 * desk process would.
 */

interface Received {
  from: string;
  rcpt: string[];
  mail: ParsedMail;
}

interface ServerOptions {
  user?: string;
  pass?: string;
  /** an SMTP reply to give instead of accepting the n-th message (1-based), or null to accept it */
  refuseData?: (n: number) => { code: number; text: string } | null;
  refuseRcpt?: (address: string) => { code: number; text: string } | null;
}

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function startSmtp(opts: ServerOptions = {}) {
  const received: Received[] = [];
  let dataCount = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !opts.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      const refuse = opts.refuseRcpt?.(address.address);
      if (refuse) cb(Object.assign(new Error(refuse.text), { responseCode: refuse.code }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refuse = opts.refuseData?.(++dataCount);
        if (refuse) return cb(Object.assign(new Error(refuse.text), { responseCode: refuse.code }));
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, received };
}

/** A port where nothing listens: bound, read, released. */
async function deadPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** A configured desk with one accepted dossier (Mẫu 01 issued by the desk), and the mail service beside it. */
async function world(applicantEmail = 'phuc@example.vn') {
  const t = openTestDesk('2026-11-24T02:15:00Z');
  cleanups.push(() => t.desk.close());
  const call = <M extends MethodName>(method: M, input: MethodInput<M>) =>
    dispatch(t.desk, method, input) as Promise<Result<MethodOutput<M>>>;
  value(await call('setupDesk', SETUP));
  const created = value(await call('createDossier', intake({ email: applicantEmail })));
  const db = openDatabase(t.dataDir);
  cleanups.push(() => void db.close());
  const accepted = value(await call('acceptDossier', { id: created.id }));
  const clock = manualClock('2026-11-24T03:00:00Z');
  const secrets = fileSecretStore(`${t.dataDir}/secrets/smtp-password`);
  const service = (on: Db = db) => makeService(on, clock, secrets);
  return { ...t, call, db, clock, secrets, mail: service(), service, dossier: accepted.dossier, slip: accepted.document };
}

function makeService(
  db: Db,
  clock: () => Date,
  secrets: ReturnType<typeof fileSecretStore>,
  mailer?: MailDeps['createMailer'],
): MailService {
  const dossiers = dossiersRepo(db);
  const settings = settingsRepo(db);
  const document = db.prepare<[number], { fileName: string; content: Buffer }>(
    'SELECT file_name AS fileName, content FROM documents WHERE id = ?',
  );
  const latest = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM documents WHERE dossier_id = ? AND form = ? ORDER BY version DESC LIMIT 1',
  );
  return mailService({
    db,
    settings,
    secrets,
    clock,
    officerId: () => null,
    dossierFor: (id) => {
      const r = dossiers.byId(id);
      if (!r) return null;
      const a = settings.agencyById(r.agencySettingsId)!;
      return {
        code: r.code,
        applicantName: r.applicantName,
        email: r.email,
        procedureName: r.procedureName,
        dueAt: r.dueAt === null ? null : new Date(r.dueAt),
        agencyName: a.agencyName,
        agencyAddress: a.address,
        agencyPhone: a.phone,
      };
    },
    documentFor: (id) => document.get(id) ?? null,
    latestDocument: (dossierId, form) => latest.get(dossierId, form) ?? null,
    lookupUrl: () => 'https://dichvucong.gov.vn/tra-cuu?ma={code}',
    ...(mailer ? { createMailer: mailer } : {}),
  });
}

const settingsFor = (port: number, over: Record<string, unknown> = {}) => ({
  enabled: true,
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  user: '',
  fromName: 'Bộ phận Một cửa phường Tĩnh Gia',
  fromAddress: 'motcua@tinhgia.gov.vn',
  autoSend: true,
  ...over,
});

const minutes = (n: number) => n * 60_000;

describe('mail settings and connection test', () => {
  it('keeps the password out of the database and reports it only as present', async () => {
    const w = await world();
    const s = w.mail.saveSettings(settingsFor(25, { user: 'motcua', password: 'Bí-mật-123' }));
    expect(s).toMatchObject({ enabled: true, user: 'motcua', hasPassword: true, passwordSource: 'file', passwordEditable: true });
    expect(s).not.toHaveProperty('password');
    const stored = w.db.prepare('SELECT key, value FROM app_state').all() as Array<{ value: string }>;
    expect(stored.some((r) => r.value.includes('Bí-mật-123'))).toBe(false);
    expect(w.secrets.get()).toBe('Bí-mật-123');
    // undefined keeps the password, '' removes it
    expect(w.mail.saveSettings(settingsFor(25, { user: 'motcua' })).hasPassword).toBe(true);
    expect(w.mail.saveSettings(settingsFor(25, { user: 'motcua', password: '' })).hasPassword).toBe(false);
    expect(() => w.mail.saveSettings(settingsFor(25, { host: '' }))).toThrow(/máy chủ SMTP/);
  });

  it('says ok with the right password, and in Vietnamese (with the code) with a wrong one or nothing listening', async () => {
    const smtp = await startSmtp({ user: 'motcua', pass: 'đúng' });
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port, { user: 'motcua', password: 'đúng' }));
    const good = await w.mail.testConnection();
    expect(good).toMatchObject({ ok: true });
    expect(good.message).toContain(`Kết nối được tới 127.0.0.1:${smtp.port}`);
    expect(good.ms).toBeGreaterThanOrEqual(0);

    w.mail.saveSettings(settingsFor(smtp.port, { user: 'motcua', password: 'sai' }));
    const wrong = await w.mail.testConnection();
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/^Máy chủ thư từ chối đăng nhập: sai tên đăng nhập hoặc mật khẩu\. \(EAUTH 535/);

    const port = await deadPort();
    w.mail.saveSettings(settingsFor(port));
    const dead = await w.mail.testConnection();
    expect(dead.ok).toBe(false);
    expect(dead.message).toMatch(new RegExp(`^Không kết nối được tới máy chủ thư 127\\.0\\.0\\.1:${port}\\..*\\(ESOCKET/ECONNREFUSED\\)$`));
  });
});

describe('connection test: TLS and timeouts', () => {
  it('STARTTLS required but not offered, and TLS spoken to a plain server, are TLS problems', async () => {
    const smtp = await startSmtp();
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port, { security: 'starttls' }));
    const starttls = await w.mail.testConnection();
    expect(starttls.ok).toBe(false);
    expect(starttls.message).toMatch(/^Lỗi bảo mật TLS khi kết nối máy chủ thư 127\.0\.0\.1:\d+\./);
    w.mail.saveSettings(settingsFor(smtp.port, { security: 'tls' }));
    const tls = await w.mail.testConnection();
    expect(tls.ok).toBe(false);
    expect(tls.message).toMatch(/^Lỗi bảo mật TLS/);
  });

  it('a server that never greets is a timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      silent.close();
    });
    const w = await world();
    const quick = makeService(w.db, w.clock, w.secrets, (s, p) => createMailer(s, p, { connectionMs: 500, greetingMs: 300, socketMs: 1000 }));
    quick.saveSettings(settingsFor((silent.address() as AddressInfo).port));
    const r = await quick.testConnection();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Hết thời gian chờ máy chủ thư 127\.0\.0\.1:\d+ trả lời\..*\(ETIMEDOUT\)$/);
    expect(r.ms).toBeGreaterThanOrEqual(250);
  });
});

describe('the outbox against a real SMTP server', () => {
  it('sends the slip with Mẫu 01 attached: envelope, headers, Vietnamese text, the stored bytes', async () => {
    const smtp = await startSmtp();
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    const item = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    expect(item).toMatchObject({ status: 'queued', to: 'phuc@example.vn', dossierCode: w.dossier.code, documentId: w.slip.id, attempts: 0 });
    expect(item.subject).toBe(`Đã tiếp nhận hồ sơ ${w.dossier.code} – ${SETUP.agency.agencyName}`);

    expect(await w.mail.processDue()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.rcpt).toEqual(['phuc@example.vn']);
    expect(got.from).toBe('motcua@tinhgia.gov.vn');
    expect(got.mail.to).toMatchObject({ value: [{ address: 'phuc@example.vn' }] });
    expect(got.mail.from?.value[0]).toMatchObject({ name: 'Bộ phận Một cửa phường Tĩnh Gia', address: 'motcua@tinhgia.gov.vn' });
    expect(got.mail.subject).toBe(item.subject);
    expect(got.mail.text).toContain('Kính gửi Ông/Bà NGUYỄN THỊ PHÚC,');
    expect(got.mail.text).toContain(`- Mã hồ sơ: ${w.dossier.code}`);
    expect(got.mail.text).toContain(`https://dichvucong.gov.vn/tra-cuu?ma=${w.dossier.code}`);
    expect(got.mail.html).toContain('NGUYỄN THỊ PHÚC');
    const stored = w.db.prepare('SELECT file_name AS fileName, content FROM documents WHERE id = ?').get(w.slip.id) as {
      fileName: string;
      content: Buffer;
    };
    expect(got.mail.attachments).toHaveLength(1);
    expect(got.mail.attachments[0]!.filename).toBe(stored.fileName);
    expect(got.mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.compare(got.mail.attachments[0]!.content, stored.content)).toBe(0);

    const page = w.mail.list({});
    expect(page.items[0]).toMatchObject({ id: item.id, status: 'sent', attempts: 1, lastError: null, sentAt: '2026-11-24T03:00:00.000Z' });
    expect(page.counts).toEqual({ queued: 0, sending: 0, sent: 1, failed: 0, cancelled: 0 });
    const messageId = (w.db.prepare('SELECT message_id AS m FROM mail_outbox WHERE id = ?').get(item.id) as { m: string }).m;
    expect(messageId).toBe(got.mail.messageId);
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 }); // sent once, not again
  });

  it('a temporary 451 schedules a retry after 1 minute; the next pass after that sends it', async () => {
    const smtp = await startSmtp({ refuseData: (n) => (n === 1 ? { code: 451, text: 'Thử lại sau' } : null) });
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    const item = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });

    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 1 });
    const waiting = w.mail.list({}).items[0]!;
    expect(waiting).toMatchObject({ id: item.id, status: 'queued', attempts: 1, nextAttemptAt: '2026-11-24T03:01:00.000Z' });
    expect(waiting.lastError).toMatch(/^Máy chủ thư tạm thời chưa nhận thư; sẽ thử lại\. \(EMESSAGE 451/);

    w.clock.advance(30_000);
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 }); // not due yet
    w.clock.advance(30_000);
    expect(await w.mail.processDue()).toEqual({ sent: 1, failed: 0 });
    expect(w.mail.list({}).items[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails for good after 6 attempts (1, 5, 15, 60, 240 minutes apart), then a retry by hand sends it', async () => {
    let refusing = true;
    const smtp = await startSmtp({ refuseData: () => (refusing ? { code: 451, text: 'Hộp thư tạm khóa' } : null) });
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    const { id } = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    const waits = [1, 5, 15, 60, 240];
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 1 });
      const it = w.mail.list({}).items[0]!;
      expect(it.attempts).toBe(attempt);
      if (attempt < 6) {
        expect(it.status).toBe('queued');
        expect(Date.parse(it.nextAttemptAt!) - w.clock().getTime()).toBe(minutes(waits[attempt - 1]!));
        w.clock.advance(minutes(waits[attempt - 1]!));
      }
    }
    const failed = w.mail.list({ status: 'failed' });
    expect(failed.items[0]).toMatchObject({ id, status: 'failed', attempts: 6, nextAttemptAt: null });
    expect(failed.items[0]!.lastError).toMatch(/451/);
    expect(failed.counts.failed).toBe(1);
    w.clock.advance(minutes(1000));
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 }); // failed stays failed

    refusing = false;
    expect(w.mail.retry(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await w.mail.processDue()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(() => w.mail.retry(id)).toThrow(/Chỉ gửi lại được thư đã thất bại hoặc đã hủy/);
  });

  it('a recipient refused for good (550) fails at once with the address in the message', async () => {
    const smtp = await startSmtp({ refuseRcpt: () => ({ code: 550, text: 'No such user' }) });
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 1 });
    const it = w.mail.list({}).items[0]!;
    expect(it).toMatchObject({ status: 'failed', attempts: 1 });
    expect(it.lastError).toMatch(/^Máy chủ thư từ chối địa chỉ người nhận phuc@example\.vn\..*\(EENVELOPE 550/);
  });

  it('cancels a queued mail (never sent), refuses to cancel twice, and a retry brings it back', async () => {
    const smtp = await startSmtp();
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    const { id } = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    expect(w.mail.cancel(id)).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(() => w.mail.cancel(id)).toThrow(/đã được hủy/);
    w.mail.retry(id);
    await w.mail.processDue();
    expect(() => w.mail.cancel(id)).toThrow(/đã gửi đi; không hủy được/);
    expect(() => w.mail.cancel(999)).toThrow(/Không tìm thấy thư số 999/);
  });

  it('concurrent passes send each mail once: in one process (shared pass) and in two (guarded claims)', async () => {
    const smtp = await startSmtp();
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    const [a, b] = await Promise.all([w.mail.processDue(), w.mail.processDue()]);
    expect(a).toBe(b);
    expect(a).toEqual({ sent: 1, failed: 0 });

    const other = openDatabase(w.dataDir);
    cleanups.push(() => void other.close());
    const second = w.service(other);
    const ids = [1, 2, 3, 4].map(() => w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' }).id);
    const results = await Promise.all([w.mail.processDue(), second.processDue()]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(4);
    expect(results.every((r) => r.sent > 0)).toBe(true); // both passes really ran side by side
    expect(smtp.received).toHaveLength(5);
    const messageIds = new Set(smtp.received.map((r) => r.mail.messageId));
    expect(messageIds.size).toBe(5);
    for (const id of ids) expect(w.mail.list({}).items.find((i) => i.id === id)?.status).toBe('sent');
  });

  it('a row a crash left in "sending" goes back to the queue after 10 minutes', async () => {
    const smtp = await startSmtp();
    const w = await world();
    w.mail.saveSettings(settingsFor(smtp.port));
    const { id } = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' });
    const t = w.clock().getTime();
    w.db.prepare(`UPDATE mail_outbox SET status = 'sending', attempts = 1, updated_at = ? WHERE id = ?`).run(t, id);
    w.clock.advance(minutes(9));
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 });
    w.clock.advance(minutes(2));
    expect(await w.mail.processDue()).toEqual({ sent: 1, failed: 0 });
    expect(w.mail.list({}).items[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('enqueue', () => {
  it('refuses without an address, and for a form the dossier was not given; queues while mail is off', async () => {
    const w = await world('');
    expect(() => w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' })).toThrow(/không có địa chỉ e-mail/);
    expect(() => w.mail.enqueue({ dossierId: w.dossier.id, kind: 'supplement', to: 'a@b.vn' })).toThrow(
      /chưa có Mẫu 02 \(Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ\)/,
    );
    expect(() => w.mail.enqueue({ dossierId: 99999, kind: 'resultReady', to: 'a@b.vn' })).toThrow(/Không tìm thấy hồ sơ/);

    // Mail is off: an explicit mail is kept and says why it waits; automatic ones are not queued at all.
    const item = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'resultReady', to: 'nguoi.nhan@example.vn' });
    expect(item).toMatchObject({ status: 'queued', documentId: null, to: 'nguoi.nhan@example.vn' });
    expect(item.lastError).toMatch(/chưa bật/);
    expect(w.mail.enqueueAuto({ dossierId: w.dossier.id, kind: 'slip' })).toBeNull();
    expect(await w.mail.processDue()).toEqual({ sent: 0, failed: 0 });
    expect(w.mail.list({ dossierId: w.dossier.id }).counts.queued).toBe(1);
  });

  it('keeps what was queued: the subject and body do not change when the dossier does later', async () => {
    const smtp = await startSmtp();
    const w = await world();
    const item = w.mail.enqueue({ dossierId: w.dossier.id, kind: 'resultReady' });
    w.db.prepare(`UPDATE dossiers SET applicant_name = 'TÊN KHÁC' WHERE id = ?`).run(w.dossier.id);
    w.mail.saveSettings(settingsFor(smtp.port));
    await w.mail.processDue();
    expect(smtp.received[0]!.mail.subject).toBe(item.subject);
    expect(smtp.received[0]!.mail.text).toContain('NGUYỄN THỊ PHÚC');
    expect(smtp.received[0]!.mail.attachments).toHaveLength(0);
  });

  it('pages the outbox newest first by keyset', async () => {
    const w = await world();
    const ids = [1, 2, 3].map(() => w.mail.enqueue({ dossierId: w.dossier.id, kind: 'slip' }).id);
    const first = w.mail.list({ limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const rest = w.mail.list({ limit: 2, before: first.next! });
    expect(rest.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(rest.next).toBeNull();
    expect(rest.counts.queued).toBe(3);
  });
});
