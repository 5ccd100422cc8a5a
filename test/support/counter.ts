/**
 * The counter workflow's integration harness: a configured desk on a manual clock behind the real HTTP server
 * (port 0), with the byte routes (uploads, package imports, stored files) and read-only looks at the data folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  dispatch,
  type FileMeta,
  type ImportReport,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../../electron/contract';
import { DB_FILE_NAME } from '../../electron/db/connection';
import { createDeskServer } from '../../electron/server/http-server';
import type { OnlineManifestInput } from '../../electron/contract/online';
import { buildOnlinePackage } from '../../electron/online/zip-writer';
import { jpeg, pdfkitPdf, textPage } from '../unit/files/fixtures';
import { sampleManifest } from '../unit/online/helpers';
import { SETUP, openTestDesk, signInOverHttp, tempDir, value } from './desk';

export const TOKEN = 'counter-suite-token-0123456789';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let serial = 0;
/** A real PDF (pdfkit) of `pages` pages; every call gives different bytes. */
export function makePdf(pages = 1, label = 'Giấy tờ'): Promise<Buffer> {
  const tag = `${label} #${++serial} ${process.pid}`;
  return pdfkitPdf(Array.from({ length: pages }, (_, i) => textPage(`${tag} trang ${i + 1}`)));
}

/** Every file under a folder, recursively, as paths relative to it. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;

export interface CounterDesk {
  desk: ReturnType<typeof openTestDesk>['desk'];
  dataDir: string;
  clock: ReturnType<typeof openTestDesk>['clock'];
  port: number;
  base: string;
  /** Through the contract's dispatch (input validated as at every door). */
  call: Call;
  /** POST /api/<method> with JSON. */
  api(method: string, input: unknown): Promise<{ status: number; body: Result<unknown> }>;
  /** The administrator's session cookie (empty before setup). */
  session: string;
  /** POST /api/files?name= with raw bytes (or a stream: pass `duplex: 'half'`). */
  upload(name: string, body: Buffer | ReadableStream<Uint8Array>, init?: RequestInit & { duplex?: 'half' }): Promise<{ status: number; body: Result<FileMeta> }>;
  /** Uploads and unwraps. */
  uploadOk(name: string, bytes: Buffer): Promise<FileMeta>;
  /** POST /api/import?name= with the ZIP's bytes. */
  importZip(name: string, bytes: Buffer): Promise<{ status: number; body: Result<ImportReport> }>;
  /** GET /api/files/<id>. */
  fetchFile(id: number): Promise<Response>;
  /** Blob paths (relative to files/blobs) and temp files (files/tmp). */
  blobs(): string[];
  tmpFiles(): string[];
  blobPath(sha: string): string;
  /** A read-only query on the desk's SQLite file. */
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
  close(): Promise<void>;
}

export async function openCounterDesk(opts: { clockIso?: string; setup?: boolean; dataDir?: string } = {}): Promise<CounterDesk> {
  const t = openTestDesk(opts.clockIso, opts.dataDir);
  if (opts.setup !== false) value(await t.desk.setupDesk(SETUP));
  const server = createDeskServer({ desk: t.desk, rendererDir: tempDir('desk-renderer-'), token: TOKEN, version: 'test' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const filesRoot = path.join(t.dataDir, 'files');
  // The browser door's calls run as the signed-in administrator (no session before setup).
  const session = opts.setup !== false ? await signInOverHttp(base, TOKEN) : '';
  const door = (more: Record<string, string>) => ({ 'x-desk-token': TOKEN, ...(session ? { cookie: session } : {}), ...more });

  const call: Call = (method, input) => dispatch(t.desk, method, input) as never;
  // The suites move the clock by days, past the idle lock: the officer types the password and the call goes again.
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    const res = await fetch(url, init);
    if (res.status !== 423 || init.body instanceof ReadableStream) return res;
    await fetch(`${base}/api/unlockSession`, {
      method: 'POST',
      headers: door({ 'content-type': 'application/json' }),
      body: JSON.stringify({ password: SETUP.officer.password }),
    });
    return fetch(url, init);
  };
  const upload: CounterDesk['upload'] = async (name, body, init = {}) => {
    const res = await send(`${base}/api/files?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: door({ 'content-type': 'application/octet-stream' }),
      body: body as BodyInit,
      ...init,
    } as RequestInit);
    return { status: res.status, body: (await res.json()) as Result<FileMeta> };
  };
  const h: CounterDesk = {
    ...t,
    port,
    base,
    session,
    call,
    api: async (method, input) => {
      const res = await send(`${base}/api/${method}`, { method: 'POST', headers: door({ 'content-type': 'application/json' }), body: JSON.stringify(input) });
      return { status: res.status, body: (await res.json()) as Result<unknown> };
    },
    upload,
    uploadOk: async (name, bytes) => {
      const r = await upload(name, bytes);
      return value(r.body);
    },
    importZip: async (name, bytes) => {
      const res = await send(`${base}/api/import?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: door({ 'content-type': 'application/zip' }),
        body: bytes as BodyInit,
      });
      return { status: res.status, body: (await res.json()) as Result<ImportReport> };
    },
    fetchFile: (id) => send(`${base}/api/files/${id}`, { headers: door({}) }),
    blobs: () => listFiles(path.join(filesRoot, 'blobs')),
    tmpFiles: () => listFiles(path.join(filesRoot, 'tmp')),
    blobPath: (sha) => path.join(filesRoot, 'blobs', sha.slice(0, 2), sha),
    sql: <T>(query: string, ...params: unknown[]) => {
      const db = new Database(path.join(t.dataDir, DB_FILE_NAME), { readonly: true });
      try {
        return db.prepare(query).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      t.desk.close();
    },
  };
  return h;
}

/** A ReadableStream of `total` bytes starting with `head`, generated as read (never buffered); `pulled()` says how much was read. */
export function generatedBody(total: number, head: Buffer) {
  const size = 64 * 1024;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const n = Math.min(size, total - pulled);
      const chunk = Buffer.alloc(n, 0x20);
      if (pulled === 0) head.copy(chunk);
      pulled += n;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

/** POST with `Transfer-Encoding: chunked` and the given chunks (none: an empty chunked body). */
export function postChunked(h: Pick<CounterDesk, 'port' | 'session'>, pathname: string, chunks: Buffer[]): Promise<{ status: number; body: Result<unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: h.port,
        method: 'POST',
        path: pathname,
        headers: { 'x-desk-token': TOKEN, cookie: h.session, 'transfer-encoding': 'chunked', 'content-type': 'application/octet-stream' },
      },
      (res) => {
        const got: Buffer[] = [];
        res.on('data', (c: Buffer) => got.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(got).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

/**
 * POST with a declared Content-Length, writing generated bytes until the server answers: resolves with the answer
 * and how many bytes were written by then.
 */
export function postDeclared(
  h: Pick<CounterDesk, 'port' | 'session'>,
  pathname: string,
  declared: number,
  head: Buffer,
): Promise<{ status: number; body: Result<unknown>; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: h.port,
        method: 'POST',
        path: pathname,
        headers: { 'x-desk-token': TOKEN, cookie: h.session, 'content-length': String(declared), 'content-type': 'application/octet-stream' },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), written });
          req.destroy();
        });
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    head.copy(chunk);
    const pump = () => {
      while (!answered && written < declared) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

// ---------- online packages ----------

export interface PackageSpec {
  portalDossierId?: string;
  /** ISO instant with offset. */
  submittedAt?: string;
  procedureCode?: string;
  fullName?: string;
  idNumber?: string;
  /** Replaces the manifest's fields (after the defaults). */
  manifest?: Record<string, unknown>;
  /** Replaces or adds package files; `null` leaves a declared file out of the ZIP. */
  files?: Record<string, Buffer | null>;
}

/** A valid online package (docs/online-package.md) with real PDFs and a JPEG, or a variation of it. */
export async function onlinePackage(spec: PackageSpec = {}): Promise<{ zip: Buffer; manifest: OnlineManifestInput; files: Record<string, Buffer> }> {
  const base = sampleManifest();
  const manifest: OnlineManifestInput = {
    ...base,
    portalDossierId: spec.portalDossierId ?? `G.${++serial}-${process.pid}`,
    procedureCode: spec.procedureCode ?? base.procedureCode,
    submittedAt: spec.submittedAt ?? '2026-11-24T08:00:00+07:00',
    applicant: { ...base.applicant, fullName: spec.fullName ?? base.applicant.fullName, idNumber: spec.idNumber ?? base.applicant.idNumber },
    // One side of the CCCD is enough at the counter.
    components: base.components.map((c) => ({ ...c, files: c.files?.filter((f) => f !== 'cccd-mat-sau.jpg') })),
    ...(spec.manifest as Partial<OnlineManifestInput>),
  };
  const files: Record<string, Buffer> = {
    'to-khai-khai-sinh.pdf': await makePdf(2, 'Tờ khai khai sinh'),
    'giấy chứng sinh.pdf': await makePdf(1, 'Giấy chứng sinh'),
    'cccd-mat-truoc.jpg': jpeg(64, 40, 2000 + serial),
  };
  for (const [name, data] of Object.entries(spec.files ?? {})) {
    if (data === null) delete files[name];
    else files[name] = data;
  }
  return { zip: await buildOnlinePackage(manifest, files), manifest, files };
}
