/**
 * The only place that knows how the renderer reaches the desk.
 * - Electron: the preload exposes `window.desk` (one function per contract method over IPC).
 * - Browser door: POST /api/<method> with the raw input as JSON; the body is always the result envelope.
 * Either way a call never throws: failures come back as `{ ok: false, error }` with a Vietnamese message.
 */
import {
  METHOD_NAMES,
  type DeskApi,
  type FileMeta,
  type ImportReport,
  type MethodName,
  type RegisterFormat,
  type Result,
} from '../../../electron/contract';

declare global {
  interface Window {
    /** Present only inside the Electron window (preload). */
    desk?: DeskApi;
  }
}

export const isElectron = (): boolean => typeof window !== 'undefined' && window.desk !== undefined;

const NETWORK_MESSAGE = 'Không kết nối được với bàn một cửa. Kiểm tra máy chủ đang chạy rồi thử lại.';
const BAD_REPLY_MESSAGE = 'Bàn một cửa trả lời không đúng định dạng. Vui lòng thử lại.';

function isEnvelope(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  return b.ok === true || (b.ok === false && typeof b.error === 'object' && b.error !== null);
}

/**
 * Methods that only read or compute. A POST sent on a keep-alive connection the server closed at that very moment
 * fails as a network error and the browser does not resend it; these are safe to send once more.
 */
const READ_ONLY = /^(get|list|preview|compute|quote|check|read|propose|export)[A-Z]|^(queueCounts|onTimeStats)$/;

async function post(method: MethodName, input: unknown): Promise<Result<unknown>> {
  const send = () =>
    fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  let response: Response;
  try {
    response = await send().catch((err: unknown) => {
      if (READ_ONLY.test(method)) return send();
      throw err;
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isEnvelope(body)) return body;
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `${BAD_REPLY_MESSAGE} (HTTP ${response.status})` },
  };
}

function httpDesk(): DeskApi {
  const api: Partial<Record<MethodName, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of METHOD_NAMES) api[method] = (input) => post(method, input);
  return api as unknown as DeskApi;
}

// ---------- Session refusals ----------

/** The refusals that mean "this door has no usable session": the screen switches to sign-in or the lock screen. */
export type SessionRefusal = 'SIGN_IN_REQUIRED' | 'SESSION_LOCKED';
type RefusalListener = (code: SessionRefusal, message: string) => void;
const refusalListeners = new Set<RefusalListener>();

/** The session store listens here; every call through either transport reports these refusals (never retried). */
export function onSessionRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

function report<T>(result: Result<T>): Result<T> {
  if (!result.ok && (result.error.code === 'SIGN_IN_REQUIRED' || result.error.code === 'SESSION_LOCKED')) {
    const code = result.error.code;
    for (const listener of refusalListeners) listener(code, result.error.message);
  }
  return result;
}

/** Wraps a transport (IPC or HTTP) so every answer passes by the session store first. */
function watched(raw: DeskApi): DeskApi {
  const api: Partial<Record<MethodName, (input: unknown) => Promise<Result<unknown>>>> = {};
  const calls = raw as unknown as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;
  for (const method of METHOD_NAMES) api[method] = (input) => calls[method](input).then(report);
  return api as unknown as DeskApi;
}

let cached: { raw: DeskApi; api: DeskApi } | undefined;

/** The desk, whichever door this window came through. */
export function desk(): DeskApi {
  const raw = window.desk ?? cached?.raw ?? httpDesk();
  if (cached?.raw !== raw) cached = { raw, api: watched(raw) };
  return cached.api;
}

/**
 * Opens a generated PDF (e.g. the appointment slip) for printing.
 * Electron: the main process intercepts app://desk/documents/<id>.pdf and shows the print dialog.
 * Browser: the desk server serves the PDF inline; the officer prints from the browser's viewer.
 * Returns false when the window could not be opened (popup blocked).
 */
export function openDocument(id: number): boolean {
  if (isElectron()) {
    window.open(`app://desk/documents/${id}.pdf`);
    return true;
  }
  const opened = window.open(documentUrl(id), '_blank');
  return opened !== null;
}

/** The browser door's address of a document, for a plain link when a popup is blocked. */
export const documentUrl = (id: number): string =>
  isElectron() ? `app://desk/documents/${id}.pdf` : `/api/documents/${id}.pdf`;

// ---------- Files and online packages: bytes, not JSON ----------

/** What the Electron preload adds for bytes (the IPC door has no HTTP routes). */
export interface DeskFilesApi {
  upload(name: string, bytes: ArrayBuffer): Promise<Result<FileMeta>>;
  importPackage(name: string, bytes: ArrayBuffer): Promise<Result<ImportReport>>;
}

declare global {
  interface Window {
    /** Present only inside the Electron window (preload). */
    deskFiles?: DeskFilesApi;
  }
}

async function postBytes<T>(url: string, body: Blob): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
      body,
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } };
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (isEnvelope(parsed)) return report(parsed as Result<T>);
  return { ok: false, error: { code: 'INTERNAL', message: `${BAD_REPLY_MESSAGE} (HTTP ${response.status})` } };
}

/**
 * Stores a scan in the desk's inbox (checked: type from the bytes, size limit, readable PDF). Attach it to a
 * dossier's component with createDossier({ attachments }) or attachFiles.
 */
export async function uploadFile(file: Blob, name: string): Promise<Result<FileMeta>> {
  if (window.deskFiles) return report(await window.deskFiles.upload(name, await file.arrayBuffer()));
  return postBytes<FileMeta>(`/api/files?name=${encodeURIComponent(name)}`, file);
}

/** Imports one online dossier package (ZIP with manifest.json); the report says imported, duplicate or invalid. */
export async function importPackage(file: Blob, name: string): Promise<Result<ImportReport>> {
  if (window.deskFiles) return report(await window.deskFiles.importPackage(name, await file.arrayBuffer()));
  return postBytes<ImportReport>(`/api/import?name=${encodeURIComponent(name)}`, file);
}

/** The address of a stored file's bytes (integrity-checked by the desk on every open). */
export const fileUrl = (id: number): string => (isElectron() ? `app://desk/files/${id}` : `/api/files/${id}`);

// ---------- Printing a document and exporting the register ----------

/** What the Electron preload adds for the register (save dialog in main, the file streamed there). */
export interface DeskRegisterExportApi {
  exportRegister(
    query: { year: number; from?: string; to?: string },
    format: RegisterFormat,
  ): Promise<Result<{ rows: number; path: string } | { cancelled: true }>>;
}

/** The browser door's download address of the register (Mẫu 07) of a period. */
export function registerUrl(query: { year: number; from?: string; to?: string }, format: RegisterFormat): string {
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return `/api/register.${format}?${params.toString()}`;
}

/**
 * Exports the register. Electron: main asks where to save and writes the file (returns its path, or cancelled).
 * Browser: the desk server streams it as a download (navigating to the address keeps this page: it is an attachment).
 */
export async function exportRegister(
  query: { year: number; from?: string; to?: string },
  format: RegisterFormat,
): Promise<Result<{ rows?: number; path?: string; cancelled?: boolean; url?: string }>> {
  const files = window.deskFiles as (DeskFilesApi & Partial<DeskRegisterExportApi>) | undefined;
  if (files?.exportRegister) {
    const result = await files.exportRegister(query, format).catch(
      (err: unknown): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message: 'Không xuất được sổ theo dõi', details: String(err) } }),
    );
    return result.ok ? { ok: true, value: { ...result.value } } : result;
  }
  const url = registerUrl(query, format);
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return { ok: true, value: { url } };
}

/**
 * Shows the print dialog for a stored document (the desk answered printDocument with method "dialog").
 * Electron: main opens the document in its print window, which shows the system print dialog.
 * Browser: the PDF is loaded in a hidden frame of this page and its window printed (Chromium prints the PDF viewer);
 * if the frame cannot be printed, the PDF opens in a new tab for the officer to print from the viewer.
 * Resolves once the dialog was shown ('frame'), the tab opened ('tab'), or nothing could be opened ('blocked').
 */
export function printWithDialog(id: number): Promise<'frame' | 'tab' | 'blocked'> {
  if (isElectron()) return Promise.resolve(openDocument(id) ? 'frame' : 'blocked');
  return printUrlWithDialog(documentUrl(id), `In giấy tờ ${id}`);
}

/** The browser door: any PDF the desk serves (a document, the register) printed from a hidden frame. */
export function printUrlWithDialog(url: string, title: string): Promise<'frame' | 'tab' | 'blocked'> {
  const fallback = (): 'tab' | 'blocked' => (window.open(url, '_blank') ? 'tab' : 'blocked');
  return new Promise((resolve) => {
    document.querySelectorAll('iframe.print-frame').forEach((old) => old.remove());
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.title = title;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    // Off screen but laid out: a display:none frame is not rendered, so there would be nothing to print.
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0' });
    let settled = false;
    const done = (how: 'frame' | 'tab' | 'blocked') => {
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      resolve(how);
    };
    // A PDF that never finishes loading in a frame (a browser without its PDF viewer downloads it instead).
    const timer = window.setTimeout(() => done(fallback()), 15_000);
    frame.addEventListener('load', () => {
      // The PDF viewer needs a moment after load before it has pages to print.
      window.setTimeout(() => {
        try {
          const win = frame.contentWindow;
          if (!win) throw new Error('no window');
          win.focus();
          win.print();
          done('frame');
        } catch {
          done(fallback());
        }
      }, 300);
    });
    frame.src = url;
    document.body.appendChild(frame);
  });
}
