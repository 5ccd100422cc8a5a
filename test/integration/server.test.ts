import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskServer } from '../../electron/server/http-server';
import { DESK_CSP, DOCUMENT_CSP } from '../../electron/contract/web-policy';
import type { Desk } from '../../electron/services/desk';
import { SETUP, intake, openTestDesk, signInOverHttp, tempDir } from '../support/desk';

const TOKEN = 'test-token-0123456789abcdef';
let desk: Desk;
let server: http.Server;
let origin: string;
let port: number;
const rendererDir = tempDir('desk-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Một Cửa Desk</title>');
fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'outside');

beforeAll(async () => {
  desk = openTestDesk().desk;
  server = createDeskServer({ desk, rendererDir, token: TOKEN, version: '9.9.9', maxBodyBytes: 64 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.close();
  desk.close();
});

/** Raw requests, so Host and Origin can be forged the way a rebinding page would. */
function request(
  method: string,
  pathname: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
/** The administrator's session cookie once signed in (the calls below carry it). */
let session = '';
const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request('POST', `/api/${method}`, {
    headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN, ...(session ? { cookie: session } : {}), ...headers },
    body: JSON.stringify(input),
  });
const json = (r: { body: Buffer }) => JSON.parse(r.body.toString('utf8'));

describe('desk server', () => {
  it('answers /api/health without a token', async () => {
    const r = await request('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: true, version: '9.9.9' });
  });

  it('refuses API calls without the token, or with a wrong one: 401 envelope', async () => {
    const none = await request('POST', '/api/getSetup', { headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(json(none)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await api('getSetup', {}, { 'x-desk-token': 'nope' });
    expect(wrong.status).toBe(401);
  });

  it('swaps the printed URL token for an HttpOnly SameSite cookie that then authorises calls', async () => {
    const r = await request('GET', `/?token=${TOKEN}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const call = await request('POST', '/api/getSetup', {
      headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
      body: '{}',
    });
    expect(call.status).toBe(200);
    expect(json(call).value.configured).toBe(false);
    expect((await request('GET', '/?token=wrong')).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403', async () => {
    const host = await api('getSetup', {}, { host: `evil.example:${port}` });
    expect(host.status).toBe(403);
    expect(json(host).error.code).toBe('FORBIDDEN');
    const page = await request('GET', '/', { headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    const foreignOrigin = await api('getSetup', {}, { origin: 'http://evil.example' });
    expect(foreignOrigin.status).toBe(403);
    const ownOrigin = await api('getSetup', {}, { origin });
    expect(ownOrigin.status).toBe(200);
  });

  it('refuses an oversize body with 413 and non-JSON bodies with 400', async () => {
    const big = await api('createDossier', { ...intake(), note: 'x'.repeat(100 * 1024) });
    expect(big.status).toBe(413);
    expect(json(big).error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await request('POST', '/api/getSetup', {
      headers: { 'content-type': 'application/json', 'x-desk-token': TOKEN },
      body: '{not json',
    });
    expect(broken.status).toBe(400);
    const form = await request('POST', '/api/getSetup', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-desk-token': TOKEN },
      body: 'a=1',
    });
    expect(form.status).toBe(400);
  });

  it('before sign-in: setup is open, the desk is not (401 SIGN_IN_REQUIRED, in Vietnamese)', async () => {
    const before = await api('queueCounts', {});
    expect(before.status).toBe(401);
    expect(json(before)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect(json(before).error.message).toMatch(/đăng nhập/);
    expect((await api('setupDesk', SETUP)).status).toBe(200);
    expect((await api('queueCounts', {})).status).toBe(401);
    const wrong = await api('signIn', { username: SETUP.officer.username, password: 'Sai-mat-khau-1' });
    expect(wrong.status).toBe(400);
    expect(json(wrong).error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('signs in with an HttpOnly SameSite cookie; a locked session answers 423 until unlocked; sign-out ends it', async () => {
    const r = await api('signIn', { username: 'HOA.LE', password: SETUP.officer.password }); // usernames ignore case
    expect(r.status).toBe(200);
    expect(json(r).value).toMatchObject({ officer: { username: 'hoa.le', role: 'admin' }, locked: false, lockMinutes: 10 });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^desk_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    session = cookie.split(';')[0]!;
    expect((await api('queueCounts', {})).status).toBe(200);
    expect(json(await api('lockSession', {})).value.session.locked).toBe(true);
    const locked = await api('queueCounts', {});
    expect(locked.status).toBe(423);
    expect(json(locked).error.code).toBe('SESSION_LOCKED');
    expect((await api('unlockSession', { password: 'khong-dung-1' })).status).toBe(400);
    expect((await api('unlockSession', { password: SETUP.officer.password })).status).toBe(200);
    expect((await api('queueCounts', {})).status).toBe(200);
    const out = await api('signOut', {});
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await api('queueCounts', {})).status).toBe(401);
    session = (await signInOverHttp(origin, TOKEN)).toString();
  });

  it('validates input with the contract and answers every error as an envelope', async () => {
    const unknown = await api('dropTables', {});
    expect(unknown.status).toBe(404);
    expect(json(unknown)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const invalid = await api('getDossier', { id: 'x' });
    expect(invalid.status).toBe(400);
    expect(json(invalid)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('runs the slice and serves the slip as an inline PDF', async () => {
    const created = json(await api('createDossier', intake()));
    expect(created.ok).toBe(true);
    const accepted = json(await api('acceptDossier', { id: created.value.id }));
    const pdf = await request('GET', `/api/documents/${accepted.value.document.id}.pdf`, { headers: { 'x-desk-token': TOKEN, cookie: session } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline/);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-security-policy']).toBe(DOCUMENT_CSP);
    expect((await request('GET', `/api/documents/${accepted.value.document.id}.pdf`)).status).toBe(401);
    expect((await request('GET', `/api/documents/${accepted.value.document.id}.pdf`, { headers: { 'x-desk-token': TOKEN } })).status).toBe(401);
    expect((await request('GET', '/api/documents/999.pdf', { headers: { 'x-desk-token': TOKEN, cookie: session } })).status).toBe(404);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(DESK_CSP);
    expect(index.headers['x-frame-options']).toBe('DENY');
    for (const p of ['/../secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const r = await request('GET', p);
      expect(r.body.toString()).not.toMatch(/outside|root:/);
    }
  });
});
