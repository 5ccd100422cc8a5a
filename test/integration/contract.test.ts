import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract, dispatch, type MethodName, type MethodOutput, type Result } from '../../electron/contract';
import { deskGate } from '../../electron/services/gate';
import { METHOD_NAME_LIST } from '../../electron/contract/method-names';
import { makeIpcHandler } from '../../electron/main/ipc';
import { createDeskServer } from '../../electron/server/http-server';
import type { Desk } from '../../electron/services/desk';
import { SETUP, intake, openTestDesk, tempDir } from '../support/desk';

/**
 * The contract suite: one list of cases, run through the Electron door's IPC handler functions and through the
 * browser door's HTTP server, each on its own fresh desk. Both doors must answer the same envelopes.
 */
type Call = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

const desks: Desk[] = [];
const servers: http.Server[] = [];
afterAll(() => {
  servers.forEach((s) => s.close());
  desks.forEach((d) => d.close());
});

function ipcDoor(): Call {
  const { desk } = openTestDesk();
  desks.push(desk);
  const trusted = () => true;
  const event = { sender: { id: 1 }, senderFrame: { url: 'app://desk/index.html', parent: null } };
  // As main wires it: the gate with main's one session slot.
  let token: string | null = null;
  const slot = { get: () => token, set: (t: string | null) => void (token = t) };
  const gate = deskGate(desk, 'app');
  return (method, input) => makeIpcHandler((m, i) => gate.call(slot, m, i), method, trusted)(event, input);
}

async function httpDoor(): Promise<Call> {
  const { desk } = openTestDesk();
  desks.push(desk);
  const token = 'contract-suite-token';
  const server = createDeskServer({ desk, rendererDir: tempDir(), token, version: 'test' });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let cookie = ''; // the browser's session cookie, kept as a browser keeps it
  return async (method, input) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
    return (await res.json()) as Result<unknown>;
  };
}

/** Strips what legitimately differs between two fresh desks (ids are equal; times come from the same fixed clock). */
const shape = (r: Result<unknown>) => JSON.parse(JSON.stringify(r)) as unknown;

async function scenario(call: Call) {
  const out: Array<[string, unknown]> = [];
  const step = async (label: string, method: MethodName, input: unknown) => {
    const r = await call(method, input);
    const parsed = r.ok ? contract[method].output.safeParse(r.value) : null;
    if (parsed && !parsed.success) throw new Error(`${method} output breaks its schema: ${parsed.error.message}`);
    out.push([label, shape(r)]);
    return r;
  };
  await step('setup before', 'getSetup', {});
  await step('intake before setup', 'createDossier', intake());
  await step('setup', 'setupDesk', SETUP);
  await step('signed out', 'queueCounts', {});
  await step('wrong password', 'signIn', { username: SETUP.officer.username, password: 'Khong-dung-1' });
  await step('sign in', 'signIn', { username: SETUP.officer.username, password: SETUP.officer.password });
  await step('session', 'getSession', {});
  await step('bad setup input', 'updateAgency', { ...SETUP.agency, agencyCode: 'H56' });
  await step('procedures', 'listProcedures', {});
  const created = await step('intake', 'createDossier', intake());
  await step('bad cccd', 'createDossier', intake({ idNumber: '12345' }));
  await step('script name', 'createDossier', intake({ fullName: '<script>x</script>' }));
  await step('wrong type', 'getDossier', { id: 'one' });
  await step('missing', 'getDossier', { id: 404 });
  const id = created.ok ? (created.value as { id: number }).id : 0;
  await step('detail', 'getDossier', { id });
  const accepted = await step('accept', 'acceptDossier', { id });
  await step('accept again', 'acceptDossier', { id });
  await step('queue', 'listQueue', {});
  await step('search', 'listQueue', { q: 'nguyen thi phuc' });
  await step('counts', 'queueCounts', {});
  await step('forward', 'applyDossierAction', { id, action: { type: 'forward', to: 'specialist', recipient: 'Công chức Tư pháp – Hộ tịch' } });
  await step('second accept via action', 'applyDossierAction', { id, action: { type: 'refuse', reason: 'x' } });
  await step('preview', 'previewIntake', { procedureId: 'chung-thuc-ban-sao', fee: { pages: 3, copies: 2 } });
  await step('preview missing pages', 'previewIntake', { procedureId: 'chung-thuc-ban-sao' });
  await step('due', 'computeDue', { receivedAt: '2026-02-13T08:00:00+07:00', workingDays: 3 });
  await step('due both', 'computeDue', { receivedAt: '2026-02-13T08:00:00+07:00', workingDays: 3, procedure: '1.004873' });
  await step('fee', 'quoteFee', { procedure: '2.000884' });
  await step('cccd', 'checkCccd', { number: '038196001234', birthYear: 1996, gender: 'female' });
  await step('holidays', 'getHolidays', { year: 2026 });
  await step('proposal', 'proposeHolidays', { year: 2027 });
  await step('office hours', 'getOfficeHours', {});
  await step('catalogue dry run', 'importCatalogue', { json: '{"schemaVersion":1}', apply: false });
  const exported = await call('exportCatalogue', {});
  out.push(['export', exported.ok ? { ok: true, version: (exported.value as { version: string }).version } : exported]);
  const docId = accepted.ok ? (accepted.value as { document: { id: number } }).document.id : 0;
  const doc = await call('getDocument', { id: docId });
  out.push(['document', doc.ok ? { ok: true, bytes: (doc.value as { contentBase64: string }).contentBase64.length > 1000 } : doc]);
  // The counter workflow (issue 4): files, review, correction, counter settings, officers, the radar.
  await step('inbox', 'listInbox', {});
  await step('discard missing file', 'discardInboxFile', { id: 999 });
  await step('file missing', 'getFile', { id: 999 });
  await step('file bad id', 'getFile', { id: 'x' });
  await step('attach unknown file', 'attachFiles', { id, attachments: [{ fileId: 999, componentPosition: 1 }] });
  await step('attach nothing', 'attachFiles', { id, attachments: [] });
  await step('detach unknown file', 'detachFile', { id, fileId: 999 });
  await step('review', 'reviewComponents', {
    id,
    verdicts: [
      { position: 1, verdict: 'ok' },
      { position: 2, verdict: 'invalid', reason: 'Bản sao không rõ chữ' },
    ],
  });
  await step('review invalid without reason', 'reviewComponents', { id, verdicts: [{ position: 2, verdict: 'invalid' }] });
  await step('review unknown component', 'reviewComponents', { id, verdicts: [{ position: 9, verdict: 'ok' }] });
  const { channel: _channel, ...fields } = intake({ fullName: 'Nguyễn Thị Phương' });
  await step('correct', 'correctDossier', { id, reason: 'Sai họ tên so với CCCD', intake: fields });
  await step('correct nothing', 'correctDossier', { id, reason: 'Kiểm tra lại', intake: fields });
  await step('correct without reason', 'correctDossier', { id, reason: ' ', intake: fields });
  await step('counter settings', 'getCounterSettings', {});
  await step('counter settings bad size', 'saveCounterSettings', { scanFolder: '', maxFileMb: 0, staleDays: 3 });
  await step('counter settings relative folder', 'saveCounterSettings', { scanFolder: 'scan', maxFileMb: 50, staleDays: 3 });
  await step('counter settings save', 'saveCounterSettings', { scanFolder: '', maxFileMb: 20, staleDays: 5 });
  await step('officers', 'listOfficers', {});
  await step('queue tab', 'listQueue', { tab: 'new', sort: 'due', direction: 'asc', limit: 10 });
  await step('queue flag', 'listQueue', { tab: 'all', flag: 'dueSoon', sort: 'received' });
  await step('queue filters', 'listQueue', { procedureId: 'xac-nhan-tthn', field: 'Hộ tịch', channel: 1, from: '2026-11-24', to: '2026-11-24' });
  await step('queue search in tab', 'listQueue', { tab: 'new', q: 'nguyen thi phuong' });
  await step('queue bad tab', 'listQueue', { tab: 'archive' });
  await step('queue bad flag', 'listQueue', { flag: 'urgent' });
  await step('queue bad day', 'listQueue', { from: '24/11/2026' });
  await step('counts after', 'queueCounts', {});
  await step('document settings', 'getDocumentSettings', {});
  await step('document settings bad url', 'saveDocumentSettings', { slipPaper: 'A5', registerPaper: 'A4', lookupUrl: 'javascript:alert(1)' });
  await step('document settings save', 'saveDocumentSettings', { slipPaper: 'A5', registerPaper: 'A4', lookupUrl: 'https://dichvucong.gov.vn/tra-cuu?ma={code}' });
  await step('reprint slip', 'issueDocument', { dossierId: id, form: '01' });
  await step('control slip', 'issueDocument', { dossierId: id, form: '06' });
  await step('apology before extension', 'issueDocument', { dossierId: id, form: '04' });
  await step('bad form', 'issueDocument', { dossierId: id, form: '08' });
  await step('register', 'listRegister', { year: 2026 });
  await step('register bad period', 'listRegister', { year: 2026, from: '2026-12-01', to: '2026-11-01' });
  await step('printers', 'listPrinters', {});
  await step('print settings', 'getPrintSettings', {});
  await step('print settings bad copies', 'savePrintSettings', { profiles: [{ kind: 'slip', printer: null, paper: 'A5', copies: 0, silent: false }] });
  await step('print settings save', 'savePrintSettings', { profiles: [{ kind: 'slip', printer: null, paper: 'A5', copies: 2, silent: false }] });
  await step('print with dialog', 'printDocument', { documentId: 1 });
  await step('print register with dialog', 'printRegister', { year: 2026 });
  await step('print register bad year', 'printRegister', { year: 1899 });
  await step('record print', 'recordPrint', { documentId: 1, copies: 2 });
  await step('print log', 'listPrintLog', { dossierId: id });
  await step('mail settings', 'getMailSettings', {});
  await step('mail enabled without host', 'saveMailSettings', { enabled: true, host: '', port: 587, security: 'starttls', user: '', fromName: '', fromAddress: '', autoSend: true });
  await step('mail settings save', 'saveMailSettings', {
    enabled: false, host: 'smtp.tinhgia.example.vn', port: 587, security: 'starttls', user: 'motcua', fromName: 'Bộ phận Một cửa', fromAddress: 'motcua@tinhgia.example.vn', autoSend: true,
  });
  await step('send mail', 'sendMail', { dossierId: id, kind: 'slip', to: 'cong.dan@example.vn' });
  await step('send mail bad address', 'sendMail', { dossierId: id, kind: 'slip', to: 'khong-phai-dia-chi' });
  await step('outbox', 'listOutbox', {});
  await step('cancel mail', 'cancelMail', { id: 1 });
  await step('retry mail', 'retryMail', { id: 1 });
  await step('unknown method', 'dropEverything' as MethodName, {});
  return out;
}

describe('contract suite: both doors answer alike', () => {
  it('covers every contract method', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...METHOD_NAME_LIST].sort());
    expect(METHOD_NAMES.length).toBeGreaterThanOrEqual(22);
  });

  it('gives the same envelopes through IPC handlers and over HTTP', async () => {
    const viaIpc = await scenario(ipcDoor());
    const viaHttp = await scenario(await httpDoor());
    expect(viaHttp.map(([label]) => label)).toEqual(viaIpc.map(([label]) => label));
    for (let i = 0; i < viaIpc.length; i++) {
      const [label, a] = viaIpc[i]!;
      const b = viaHttp[i]![1];
      // The PDF bytes embed a creation time from the real clock inside pdfkit metadata, so compare everything but hashes.
      const strip = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'sha256' || k === 'size' || k === 'ms' ? undefined : x)));
      expect(strip(b), label).toEqual(strip(a));
    }
    const codes = Object.fromEntries(viaIpc.map(([label, r]) => [label, (r as Result<unknown>).ok ? 'ok' : (r as { error: { code: string } }).error.code]));
    expect(codes).toMatchObject({
      'setup before': 'ok',
      'intake before setup': 'SIGN_IN_REQUIRED',
      setup: 'ok',
      'signed out': 'SIGN_IN_REQUIRED',
      'wrong password': 'VALIDATION',
      'sign in': 'ok',
      session: 'ok',
      'bad setup input': 'VALIDATION',
      intake: 'ok',
      'bad cccd': 'VALIDATION',
      'script name': 'VALIDATION',
      'wrong type': 'VALIDATION',
      missing: 'NOT_FOUND',
      accept: 'ok',
      'accept again': 'INVALID_STATE',
      'unknown method': 'UNKNOWN_METHOD',
      forward: 'ok',
      'second accept via action': 'INVALID_STATE',
      preview: 'ok',
      'preview missing pages': 'ok',
      due: 'ok',
      'due both': 'VALIDATION',
      fee: 'ok',
      cccd: 'ok',
      holidays: 'ok',
      proposal: 'ok',
      'office hours': 'ok',
      'catalogue dry run': 'ok',
      inbox: 'ok',
      'discard missing file': 'NOT_FOUND',
      'file missing': 'NOT_FOUND',
      'file bad id': 'VALIDATION',
      'attach unknown file': 'NOT_FOUND',
      'attach nothing': 'VALIDATION',
      'detach unknown file': 'NOT_FOUND',
      review: 'ok',
      'review invalid without reason': 'VALIDATION',
      'review unknown component': 'VALIDATION',
      correct: 'ok',
      'correct nothing': 'VALIDATION',
      'correct without reason': 'VALIDATION',
      'counter settings': 'ok',
      'counter settings bad size': 'VALIDATION',
      'counter settings relative folder': 'VALIDATION',
      'counter settings save': 'ok',
      officers: 'ok',
      'queue tab': 'ok',
      'queue flag': 'ok',
      'queue filters': 'ok',
      'queue search in tab': 'ok',
      'queue bad tab': 'VALIDATION',
      'queue bad flag': 'VALIDATION',
      'queue bad day': 'VALIDATION',
      'counts after': 'ok',
      'document settings': 'ok',
      'document settings bad url': 'VALIDATION',
      'document settings save': 'ok',
      'reprint slip': 'ok',
      'control slip': 'ok',
      'apology before extension': 'INVALID_STATE',
      'bad form': 'VALIDATION',
      register: 'ok',
      'register bad period': 'VALIDATION',
      printers: 'ok',
      'print settings': 'ok',
      'print settings bad copies': 'VALIDATION',
      'print settings save': 'ok',
      'print with dialog': 'ok',
      'print register with dialog': 'ok',
      'print register bad year': 'VALIDATION',
      'record print': 'ok',
      'print log': 'ok',
      'mail settings': 'ok',
      'mail enabled without host': 'VALIDATION',
      'mail settings save': 'ok',
      'send mail': 'ok',
      'send mail bad address': 'VALIDATION',
      outbox: 'ok',
      'cancel mail': 'ok',
      'retry mail': 'ok',
    });
    const ok = <M extends MethodName>(label: string, _method: M) =>
      (viaIpc.find(([l]) => l === label)![1] as { value: MethodOutput<M> }).value;
    const message = (label: string) => (viaIpc.find(([l]) => l === label)![1] as { error: { message: string } }).error.message;
    expect(ok('inbox', 'listInbox')).toEqual({ items: [], scanFolder: null, scanProblem: null, refused: [], maxFileMb: 50 });
    expect(ok('review', 'reviewComponents').components.map((c) => c.verdict)).toEqual(['ok', 'invalid']);
    expect(message('review invalid without reason')).toBe('Thành phần không hợp lệ: cần ghi rõ lý do');
    expect(ok('correct', 'correctDossier').dossier.applicantName).toBe('Nguyễn Thị Phương');
    expect(ok('correct', 'correctDossier').documents.map((d) => d.version)).toEqual([1, 2]);
    expect(ok('counter settings', 'getCounterSettings')).toEqual({ scanFolder: '', maxFileMb: 50, staleDays: 3, lockMinutes: 10 });
    expect(message('counter settings bad size')).toBe('Dung lượng tối đa ít nhất 1 MB');
    expect(ok('counter settings save', 'saveCounterSettings')).toEqual({ scanFolder: '', maxFileMb: 20, staleDays: 5, lockMinutes: 10 });
    expect(ok('officers', 'listOfficers')).toEqual([{ id: 1, fullName: 'Lê Thị Hoa', title: 'Công chức Bộ phận Một cửa', role: 'admin', unit: '', fields: [] }]);
    expect(ok('queue tab', 'listQueue').items).toHaveLength(1);
    expect(ok('queue filters', 'listQueue').items).toHaveLength(1);
    expect(ok('queue search in tab', 'listQueue').items).toHaveLength(1);
    expect(message('queue bad tab')).toBe('Thẻ hàng đợi không hợp lệ');
    expect(ok('counts after', 'queueCounts').byTab).toMatchObject({ new: 1, all: 1 });
    expect(ok('reprint slip', 'issueDocument')).toMatchObject({ form: '01', version: 2, number: '1/2026' });
    expect(ok('control slip', 'issueDocument')).toMatchObject({ form: '06', version: 1, number: '1/2026' });
    expect(ok('register', 'listRegister').rows.map((r) => r.no)).toEqual([1]);
    expect(ok('print with dialog', 'printDocument')).toMatchObject({ method: 'dialog', copies: 2, logId: null });
    expect(ok('print log', 'listPrintLog').items).toHaveLength(1);
    expect(ok('print register with dialog', 'printRegister')).toMatchObject({ method: 'dialog', job: null, logId: null });
    expect(ok('mail settings', 'getMailSettings')).toMatchObject({ enabled: false, hasPassword: false });
    expect(ok('send mail', 'sendMail')).toMatchObject({ kind: 'slip', to: 'cong.dan@example.vn', status: 'queued' });
    expect(ok('retry mail', 'retryMail')).toMatchObject({ status: 'queued' });
  });

  it('the IPC handler refuses an untrusted sender before the desk sees anything', async () => {
    const { desk } = openTestDesk();
    desks.push(desk);
    const handler = makeIpcHandler((m, i) => dispatch(desk, m, i), 'setupDesk', () => false);
    const r = await handler({ sender: { id: 9 }, senderFrame: { url: 'https://evil.example/', parent: null } }, SETUP);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await desk.getSetup({})).ok && (await desk.getSetup({}))).toMatchObject({ value: { configured: false } });
  });
});
