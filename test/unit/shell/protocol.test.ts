import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/contract';
import { DESK_CSP, DOCUMENT_CSP } from '../../../electron/contract/web-policy';
import { contentDisposition, createAppProtocolHandler, mimeTypeFor, resolveInside } from '../../../electron/main/protocol';

let tmp: string;
let root: string;
const getDocument = vi.fn<(id: number) => Promise<Result<unknown>>>();
let handle: (request: Request) => Promise<Response>;

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-protocol-'));
  root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Một Cửa Desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'Tinos.woff2'), 'font');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'tên có dấu.png'), 'png');
  fs.writeFileSync(path.join(root, 'assets', 'data.unknownext'), 'x');
  // Things outside the root that traversal would reach.
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET');
  fs.mkdirSync(path.join(tmp, 'renderer-evil'));
  fs.writeFileSync(path.join(tmp, 'renderer-evil', 'x.js'), 'SECRET');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppProtocolHandler({ rendererRoot: root, getDocument });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('resolveInside', () => {
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/assets/t%C3%AAn%20c%C3%B3%20d%E1%BA%A5u.png')).toBe(path.join(root, 'assets', 'tên có dấu.png'));
  });

  it.each([
    '/..',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:/Windows/win.ini',
    '/C%3A%5CWindows%5Cwin.ini',
    '/assets/app.js%00.png',
    '/assets/%',
    '/assets/%E0%A4%A',
    '/./index.html',
    '/assets/',
    'relative/path',
    '/../renderer-evil/x.js',
  ])('refuses %s', (pathname) => {
    expect(resolveInside(root, pathname)).toBeNull();
  });
});

describe('app:// handler', () => {
  it('serves index.html for / with the strict CSP', async () => {
    const res = await get('app://desk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DESK_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Một Cửa Desk');
  });

  it.each([
    ['app://desk/index.html', 'text/html; charset=utf-8'],
    ['app://desk/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://desk/assets/app.css', 'text/css; charset=utf-8'],
    ['app://desk/assets/Tinos.woff2', 'font/woff2'],
    ['app://desk/assets/logo.svg', 'image/svg+xml'],
    ['app://desk/assets/t%C3%AAn%20c%C3%B3%20d%E1%BA%A5u.png', 'image/png'],
    ['app://desk/assets/data.unknownext', 'application/octet-stream'],
    ['app://desk/assets/app.js?v=1#x', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(DESK_CSP);
  });

  it.each([
    'app://desk/../secret.txt',
    'app://desk/%2e%2e/secret.txt',
    'app://desk/..%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/..\\secret.txt',
    'app://desk/%2fetc%2fpasswd',
    'app://desk/C:%5CWindows%5Cwin.ini',
    'app://desk/assets/link.txt', // symlink pointing outside the root
    'app://desk/secret.txt',
    'app://desk/missing.js',
    'app://desk/assets',
    'app://other/index.html',
    'app://desk:8080/index.html',
  ])('answers 404 with the CSP for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(DESK_CSP);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses URLs with credentials (which Request itself refuses to build)', async () => {
    const res = await handle({ method: 'GET', url: 'app://user:pw@desk/index.html' } as Request);
    expect(res.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await get('app://desk/index.html', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-security-policy')).toBe(DESK_CSP);
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://desk/assets/app.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('14');
    expect(await res.text()).toBe('');
  });
});

describe('app://desk/documents/<id>.pdf', () => {
  const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');

  it('returns the document bytes from the desk as application/pdf', async () => {
    getDocument.mockResolvedValueOnce({
      ok: true,
      value: { id: 7, fileName: 'Giấy tiếp nhận 000.00.00.H56-251124-0001.pdf', contentBase64: pdf.toString('base64') },
    });
    const res = await get('app://desk/documents/7.pdf');
    expect(getDocument).toHaveBeenLastCalledWith(7);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toBe(DOCUMENT_CSP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="Giay_tiep_nhan_000\.00\.00\.H56-251124-0001\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('answers 404 when the desk has no such document', async () => {
    getDocument.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
    const res = await get('app://desk/documents/99.pdf');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(DESK_CSP);
  });

  it('answers 500 on other desk errors, and when the desk throws', async () => {
    getDocument.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'hỏng' } });
    expect((await get('app://desk/documents/5.pdf')).status).toBe(500);
    getDocument.mockRejectedValueOnce(new Error('boom'));
    const res = await get('app://desk/documents/5.pdf');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('boom');
  });

  it.each(['app://desk/documents/0.pdf', 'app://desk/documents/-1.pdf', 'app://desk/documents/1.pdf.exe', 'app://desk/documents/01.pdf', 'app://desk/documents/abc.pdf', 'app://desk/documents/1', 'app://desk/documents/1234567890123456.pdf', 'app://desk/documents/..%2f..%2fsecret.txt'])(
    'does not ask the desk for %s',
    async (url) => {
      getDocument.mockClear();
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(getDocument).not.toHaveBeenCalled();
    },
  );
});

describe('helpers', () => {
  it('mimeTypeFor is case-insensitive', () => {
    expect(mimeTypeFor('A.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
  });

  it('contentDisposition keeps the Vietnamese name in filename* and an ASCII fallback', () => {
    const header = contentDisposition('Phiếu đề nghị "x".pdf');
    expect(header).toContain('filename="Phieu_de_nghi__x_.pdf"');
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent('Phiếu đề nghị "x".pdf')}`);
  });
});
