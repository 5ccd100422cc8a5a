import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { registerQuery, validationError, type DeskImpl, type ErrorCode, type RegisterFormat, type Result } from '../contract';
import { DESK_CSP, DOCUMENT_CSP } from '../contract/web-policy';
import type { AuthService } from '../services/auth';
import type { DeskBytes } from '../services/desk';
import { deskGate, type SessionSlot } from '../services/gate';
import { registerFileName } from '../services/register';
import { MIME_TYPES } from './mime';

export interface DeskServerOptions {
  desk: DeskImpl & DeskBytes & { auth: AuthService };
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Per-start secret; required on every API call except /api/health. */
  token: string;
  version: string;
  /** Largest JSON body accepted, bytes. */
  maxBodyBytes?: number;
}

const COOKIE = 'desk_token';
/** The officer's session: a second HttpOnly cookie, set by sign-in and cleared by sign-out (services/gate). */
const SESSION_COOKIE = 'desk_session';
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  LIMIT_REACHED: 409,
  ALREADY_CONFIGURED: 409,
  NOT_CONFIGURED: 409,
  UNAUTHORIZED: 401,
  SIGN_IN_REQUIRED: 401,
  SESSION_LOCKED: 423,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  DB_TOO_NEW: 500,
  INTERNAL: 500,
};

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: Buffer | string, headers: Record<string, string>) {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Security-Policy': DESK_CSP,
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, result: Result<unknown>) {
  const status = result.ok ? 200 : (HTTP_STATUS[result.error.code] ?? 500);
  send(res, status, JSON.stringify(result), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

const failure = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** This request's session slot: read from its cookie, written back as Set-Cookie on the answer. */
function sessionSlot(req: http.IncomingMessage, res: http.ServerResponse): SessionSlot {
  let token = cookie(req, SESSION_COOKIE);
  return {
    get: () => token,
    set: (next) => {
      token = next;
      res.setHeader(
        'Set-Cookie',
        next === null
          ? `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
          : `${SESSION_COOKIE}=${encodeURIComponent(next)}; HttpOnly; SameSite=Strict; Path=/`,
      );
    },
  };
}

/** Reads a body up to `limit` bytes; resolves null when it is larger (the caller answers 413). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The browser door: the same desk behind HTTP on loopback. It is a door, not a backdoor: Host and Origin must be
 * this server's own (DNS rebinding), every API call carries the per-start token (cookie or X-Desk-Token header),
 * bodies are size-limited, inputs are validated by the contract, and every answer is an envelope.
 */
export function createDeskServer(options: DeskServerOptions): http.Server {
  const { desk, token, version } = options;
  const gate = deskGate(desk, 'browser');
  const rendererRoot = path.resolve(options.rendererDir);
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[desk-server]', err);
      if (!res.headersSent) sendEnvelope(res, failure('INTERNAL', 'Lỗi nội bộ của máy chủ bàn làm việc'));
      else res.destroy();
    });
  });

  // Chromium keeps idle connections far longer than Node's 5 s default; a request racing the server's close of a
  // reused socket fails in the browser. Keep them open longer (headers timeout must exceed it).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  const allowedHosts = () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const hosts = allowedHosts();
    if (!hosts.has(req.headers.host ?? '')) {
      return sendEnvelope(res, failure('FORBIDDEN', 'Địa chỉ máy chủ (Host) không được phép'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
      return sendEnvelope(res, failure('FORBIDDEN', 'Nguồn gọi (Origin) không được phép'));
    }
    const url = new URL(req.url ?? '/', 'http://desk.invalid');

    if (url.pathname === '/api/health' && req.method === 'GET') {
      return send(res, 200, JSON.stringify({ ok: true, version }), {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
    }

    // The printed URL carries the token once; it becomes an HttpOnly cookie and leaves the address bar.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (!safeEqual(queryToken, token)) return sendEnvelope(res, failure('UNAUTHORIZED', 'Mã truy cập không đúng'));
      res.writeHead(303, {
        ...BASE_HEADERS,
        'Content-Security-Policy': DESK_CSP,
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Content-Length': '0',
      });
      return res.end();
    }

    if (url.pathname.startsWith('/api/')) {
      const presented = (req.headers['x-desk-token'] as string | undefined) ?? cookie(req, COOKIE);
      if (!presented || !safeEqual(presented, token)) {
        return sendEnvelope(
          res,
          failure('UNAUTHORIZED', 'Phiên làm việc không hợp lệ: hãy mở lại đường dẫn có mã truy cập in ra khi khởi động.'),
        );
      }
      const slot = sessionSlot(req, res);
      // Bytes (PDFs, scans, packages, the register) cross outside the contract: the same gate, then the work runs
      // as the signed-in officer.
      const bytes = (access: 'signedIn' | readonly ('reception' | 'leader' | 'admin')[], work: () => Promise<unknown>) => {
        const admitted = gate.admit(slot, access);
        if (!admitted.ok) {
          if (req.method === 'POST') {
            req.resume();
            res.setHeader('Connection', 'close');
          }
          return sendEnvelope(res, admitted);
        }
        return gate.as(admitted.value, work);
      };
      const doc = /^\/api\/documents\/(\d+)\.pdf$/.exec(url.pathname);
      if (doc && req.method === 'GET') return bytes('signedIn', () => serveDocument(res, Number(doc[1])));
      const register = /^\/api\/register\.(xlsx|pdf)$/.exec(url.pathname);
      if (register && req.method === 'GET') return bytes('signedIn', () => serveRegister(res, register[1] as RegisterFormat, url));
      const file = /^\/api\/files\/(\d+)$/.exec(url.pathname);
      if (file && req.method === 'GET') return bytes('signedIn', () => serveFile(res, Number(file[1])));
      if (url.pathname === '/api/files' && req.method === 'POST') return bytes('signedIn', () => receiveBytes(req, res, url));
      if (url.pathname === '/api/import' && req.method === 'POST') {
        return bytes(['reception', 'leader', 'admin'], () => receiveBytes(req, res, url));
      }
      const call = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
      if (!call || req.method !== 'POST') {
        return sendEnvelope(res, failure('UNKNOWN_METHOD', 'Không có chức năng này'));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendEnvelope(res, failure('VALIDATION', 'Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json)'));
      }
      const body = await readBody(req, maxBody);
      if (body === null) {
        return sendEnvelope(res, failure('PAYLOAD_TOO_LARGE', `Dữ liệu gửi lên vượt quá ${Math.round(maxBody / 1024)} KB`));
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          return sendEnvelope(res, failure('VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ'));
        }
      }
      return sendEnvelope(res, await gate.call(slot, call[1], input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendEnvelope(res, failure('UNKNOWN_METHOD', 'Phương thức không được hỗ trợ'));
    }
    return serveStatic(res, url.pathname);
  }

  /**
   * Bytes in: a scan for the inbox (/api/files?name=) or an online package (/api/import?name=), streamed to the
   * desk, never buffered whole. An over-size body is refused from its Content-Length before a byte is stored.
   */
  async function receiveBytes(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const refuse = (result: Result<never>) => {
      // Drain what the browser is still sending, so it reads the answer instead of a reset connection.
      req.resume();
      res.setHeader('Connection', 'close');
      return sendEnvelope(res, result);
    };
    const name = (url.searchParams.get('name') ?? '').normalize('NFC');
    if (name.trim() === '' || name.length > 255) {
      return refuse(failure('VALIDATION', 'Thiếu tên tệp (tham số name, tối đa 255 ký tự)'));
    }
    const isImport = url.pathname === '/api/import';
    const limit = isImport ? desk.packageLimitBytes() : desk.uploadLimitBytes();
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      const mb = Math.round(limit / 1024 ** 2);
      return refuse(failure('PAYLOAD_TOO_LARGE', `${name}: tệp lớn hơn giới hạn ${mb} MB; hãy quét lại với độ phân giải thấp hơn hoặc tách tệp`));
    }
    if (Number.isFinite(declared) && declared === 0) {
      return refuse(failure('VALIDATION', `${name}: tệp rỗng (0 byte)`));
    }
    const result = isImport ? await desk.importPackageFrom(req, name) : await desk.ingestFile(name, req);
    if (!req.complete) req.resume();
    if (!result.ok) res.setHeader('Connection', 'close');
    return sendEnvelope(res, result);
  }

  /**
   * The tracking register (Mẫu 07) of a period, streamed as it is written: GET /api/register.xlsx?year=2026&from=
   * &to=. The query is checked before the headers go; a failure after them cuts the download (never half a file
   * that looks whole).
   */
  async function serveRegister(res: http.ServerResponse, format: RegisterFormat, url: URL) {
    const query = {
      year: Number(url.searchParams.get('year') ?? NaN),
      from: url.searchParams.get('from') || undefined,
      to: url.searchParams.get('to') || undefined,
    };
    const parsed = registerQuery.safeParse(query);
    if (!parsed.success) return sendEnvelope(res, validationError(parsed.error));
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
      // inline=1: shown (and printed) in the page's print frame rather than downloaded.
      'Content-Disposition': `${url.searchParams.get('inline') === '1' ? 'inline' : 'attachment'}; filename="${registerFileName(parsed.data, format)}"`,
      ...(format === 'pdf' ? { 'Content-Security-Policy': DOCUMENT_CSP } : {}),
      'Cache-Control': 'no-store',
    });
    const result = await desk.exportRegister(query, format, res);
    if (!result.ok) res.destroy();
  }

  /** A stored attachment, re-hashed by the desk before a byte is sent. */
  async function serveFile(res: http.ServerResponse, id: number) {
    const opened = await desk.openFile(id);
    if (!opened.ok) return sendEnvelope(res, opened);
    const { meta, path: file } = opened.value;
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Content-Security-Policy': DOCUMENT_CSP,
      'Content-Type': meta.mime,
      'Content-Length': String(meta.size),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'Cache-Control': 'no-store',
    });
    // A blob removed between the check and the read (or a disk error) ends this response, never the server.
    pipeline(fs.createReadStream(file), res, (err) => {
      if (err && !res.destroyed) res.destroy();
    });
  }

  async function serveDocument(res: http.ServerResponse, id: number) {
    const result = await desk.getDocument({ id });
    if (!result.ok) return sendEnvelope(res, result);
    const pdf = Buffer.from(result.value.contentBase64, 'base64');
    send(res, 200, pdf, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${result.value.fileName.replace(/[^\w.-]/g, '_')}"`,
      // Chromium's PDF viewer is a plugin: under the page policy's object-src 'none' the tab would stay blank.
      'Content-Security-Policy': DOCUMENT_CSP,
      'Cache-Control': 'no-store',
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string) {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'Bad request', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const file = path.resolve(rendererRoot, '.' + path.posix.normalize('/' + rel));
    const inside = file === rendererRoot || file.startsWith(rendererRoot + path.sep);
    const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererRoot, 'index.html');
    if (!inside || !fs.existsSync(target)) {
      return send(res, 404, 'Không tìm thấy giao diện. Hãy chạy "npm run build".', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const ext = path.extname(target).toLowerCase();
    send(res, 200, fs.readFileSync(target), {
      'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
  }

  return server;
}
