/**
 * The app:// protocol, as a pure function of a Request: no electron import, so it is unit-tested in plain Node.
 * app://desk/…                     files of the built renderer (dist/renderer), contained to that folder
 * app://desk/documents/<id>.pdf    the PDF bytes of a stored document, from the desk
 * Every response, errors included, carries a Content-Security-Policy and `nosniff`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Result } from '../contract';
import { DESK_CSP, DOCUMENT_CSP } from '../contract/web-policy';
import { DESK_HOST, DESK_SCHEME } from './urls';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export const mimeTypeFor = (file: string): string =>
  MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** A decoded path segment we refuse: empty, dot segments, separators of any platform, drive/stream colons, controls. */
// eslint-disable-next-line no-control-regex
const BAD_SEGMENT = /[/\\:\x00-\x1f\x7f]/;

/**
 * Maps a URL pathname to a file inside `root`, or null when the path is not acceptable. Each segment is
 * percent-decoded on its own (so an encoded "/" or "\" cannot smuggle a separator), dot segments and absolute or
 * drive paths are refused, and the resolved path must still lie inside the resolved root.
 */
export function resolveInside(root: string, pathname: string): string | null {
  const base = path.resolve(root);
  if (pathname === '' || pathname === '/') return path.join(base, 'index.html');
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment === '' || segment === '.' || segment === '..' || BAD_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  const candidate = path.resolve(base, ...segments);
  return candidate.startsWith(base + path.sep) ? candidate : null;
}

/** Inside an asar archive there is no real path to compare (and no symlink an attacker could plant). */
const inAsar = (p: string): boolean => /\.asar([\\/]|$)/i.test(p);

async function isContainedFile(root: string, file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) return false;
  if (inAsar(file)) return true;
  // Symlinks: the real file must be inside the real root too.
  const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
  return realFile.startsWith(realRoot + path.sep);
}

const baseHeaders = (csp: string): Record<string, string> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...baseHeaders(DESK_CSP), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });
}

const notFound = () => textResponse(404, 'Không tìm thấy');

/** `inline` with an ASCII fallback name and the real (Vietnamese) name per RFC 6266/5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^A-Za-z0-9._-]/g, '_');
  return `inline; filename="${ascii || 'document.pdf'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface AppProtocolDeps {
  /** The built renderer folder (dist/renderer). */
  rendererRoot: string;
  /** The desk's getDocument through the contract (validated), e.g. `(id) => dispatch(desk, 'getDocument', { id })`. */
  getDocument: (id: number) => Promise<Result<unknown>>;
  /** A stored attachment's path after its hash is checked again (desk.openFile). */
  openFile?: (id: number) => Promise<Result<{ meta: { mime: string; name: string; size: number }; path: string }>>;
}

const FILE_PATH = /^\/files\/([1-9][0-9]{0,14})$/;

async function serveAttachment(deps: AppProtocolDeps, pathname: string, head: boolean): Promise<Response> {
  const m = FILE_PATH.exec(pathname);
  if (!m?.[1] || !deps.openFile) return notFound();
  const result = await deps.openFile(Number(m[1]));
  if (!result.ok) return result.error.code === 'NOT_FOUND' ? notFound() : textResponse(500, result.error.message);
  const bytes = head ? null : await fs.readFile(result.value.path);
  return new Response(bytes ? new Uint8Array(bytes) : null, {
    status: 200,
    headers: {
      ...baseHeaders(DOCUMENT_CSP),
      'Content-Type': result.value.meta.mime,
      'Content-Length': String(result.value.meta.size),
      'Content-Disposition': contentDisposition(result.value.meta.name),
      'Cache-Control': 'no-store',
    },
  });
}

const DOCUMENT_PATH = /^\/documents\/([1-9][0-9]{0,14})\.pdf$/;

interface DocumentBytes {
  fileName: string;
  contentBase64: string;
}
const isDocumentBytes = (v: unknown): v is DocumentBytes =>
  typeof v === 'object' && v !== null && typeof (v as DocumentBytes).contentBase64 === 'string' && typeof (v as DocumentBytes).fileName === 'string';

async function serveDocument(deps: AppProtocolDeps, pathname: string, head: boolean): Promise<Response> {
  const m = DOCUMENT_PATH.exec(pathname);
  if (!m?.[1]) return notFound();
  const result = await deps.getDocument(Number(m[1]));
  if (!result.ok) {
    return result.error.code === 'NOT_FOUND' || result.error.code === 'VALIDATION' ? notFound() : textResponse(500, result.error.message);
  }
  if (!isDocumentBytes(result.value)) return textResponse(500, 'Lỗi nội bộ của phần mềm');
  const bytes = Buffer.from(result.value.contentBase64, 'base64');
  return new Response(head ? null : new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...baseHeaders(DOCUMENT_CSP),
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(result.value.fileName),
      'Cache-Control': 'no-store',
    },
  });
}

async function serveFile(root: string, pathname: string, head: boolean): Promise<Response> {
  const file = resolveInside(root, pathname);
  if (file === null || !(await isContainedFile(root, file))) return notFound();
  const bytes = await fs.readFile(file);
  return new Response(head ? null : new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...baseHeaders(DESK_CSP),
      'Content-Type': mimeTypeFor(file),
      'Content-Length': String(bytes.length),
      'Cache-Control': 'no-cache',
    },
  });
}

/** The handler given to `protocol.handle('app', …)`. Never throws: failures become 4xx/5xx responses. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Phương thức không được hỗ trợ', { Allow: 'GET, HEAD' });
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return notFound();
      }
      if (url.protocol !== `${DESK_SCHEME}:` || url.host !== DESK_HOST || url.username !== '' || url.password !== '') return notFound();
      const head = request.method === 'HEAD';
      if (url.pathname.startsWith('/documents/')) return await serveDocument(deps, url.pathname, head);
      if (url.pathname.startsWith('/files/')) return await serveAttachment(deps, url.pathname, head);
      return await serveFile(deps.rendererRoot, url.pathname, head);
    } catch {
      return textResponse(500, 'Lỗi nội bộ của phần mềm');
    }
  };
}
