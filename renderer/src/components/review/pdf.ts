/// <reference types="vite/client" />
/**
 * Opening a stored file for the viewer: the bytes from fileUrl(id) (the desk re-checks the file's SHA-256 on every
 * open and answers a JSON envelope with a Vietnamese message when it refuses), then pdf.js for a PDF or the browser's
 * image decoder for a JPEG/PNG. Everything the viewer draws is a "page": one per PDF page, one for an image.
 *
 * pdf.js under the desk's Content-Security-Policy (electron/contract/web-policy.ts):
 * - the worker is bundled by Vite (new URL(…, import.meta.url)) and loaded from the desk's own origin, which
 *   script-src 'self' allows (worker-src falls back to it);
 * - no eval (isEvalSupported: false) and no WebAssembly (useWasm: false: 'wasm-unsafe-eval' is not granted):
 *   JBIG2 and CCITT scans use pdf.js's JavaScript decoders, JPEG 2000 its JavaScript fallback module;
 * - the standard fonts (for PDFs that do not embed Helvetica, Times…) are bundled and handed over on request.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { FileMeta } from '../../../../electron/contract';
import { fileUrl } from '../../api';

type PdfJs = typeof import('pdfjs-dist');

const WORKER_URL = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href;
/**
 * pdf.js imports `${wasmUrl}openjpeg_nowasm_fallback.js` for JPEG 2000 when WebAssembly is off. Vite gives the file a
 * hashed name, so the "folder" handed to pdf.js is the file's own URL with a fragment ending in "/": the fragment is
 * never sent, the module loaded is the bundled file.
 */
const JPX_FALLBACK_URL = new URL('pdfjs-dist/wasm/openjpeg_nowasm_fallback.js', import.meta.url).href;

const FONT_URLS = import.meta.glob('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const FONT_BY_NAME = new Map(Object.entries(FONT_URLS).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

/** What pdf.js asks the page for when the worker may not fetch (useWorkerFetch: false): standard fonts only. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'standardFontDataUrl' ? FONT_BY_NAME.get(filename) : undefined;
    if (!url) throw new Error(`Không có dữ liệu ${kind} ${filename}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${url}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

let pdfjs: Promise<PdfJs> | undefined;
/** One worker thread for every document the screen opens (pdf.js would start one per document). */
let sharedWorker: InstanceType<PdfJs['PDFWorker']> | undefined;

/** pdf.js, loaded the first time a PDF is opened (it is large, and most screens never need it). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = WORKER_URL;
    return lib;
  });
  return pdfjs;
}

export interface PageSize {
  /** CSS pixels at 100 %, unrotated. */
  width: number;
  height: number;
}

/** A file ready to draw. */
export interface OpenedFile {
  kind: 'pdf' | 'image';
  pages: number;
  /** Size of page n (1-based) at 100 %, rotation applied (0, 90, 180, 270, added to the page's own). */
  size(page: number, rotation: number): Promise<PageSize>;
  /**
   * Draws page n into a new canvas at `zoom` (1 = 100 %) and `rotation`; `pixelRatio` sharpens it on dense screens.
   * `signal` cancels a render that is no longer wanted.
   */
  render(page: number, zoom: number, rotation: number, pixelRatio: number, signal?: AbortSignal): Promise<HTMLCanvasElement>;
  close(): void;
}

/** Why a file could not be opened, in the officer's words; `code` says what kind of failure it was. */
export class OpenError extends Error {
  constructor(
    message: string,
    readonly code: 'refused' | 'network' | 'unreadable' | 'password',
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = 'Không kết nối được với bàn một cửa để lấy tệp.';

/** PDF points → CSS pixels at 100 % (as pdf.js's own viewer). */
const CSS_PER_PT = 96 / 72;
/** Canvas backing stores above this many pixels are refused by some GPUs; a sharper render is not worth a blank. */
const MAX_CANVAS_PIXELS = 16_777_216;

/** The bytes of a stored file, or the desk's Vietnamese refusal (integrity check, missing file…). */
async function fetchBytes(id: number): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(fileUrl(id), { credentials: 'same-origin' });
  } catch {
    throw new OpenError(NETWORK_MESSAGE, 'network');
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.includes('application/json')) {
    let message = `Bàn một cửa không trả tệp (HTTP ${response.status})`;
    try {
      const body = (await response.json()) as { ok?: boolean; error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not an envelope: keep the status line
    }
    throw new OpenError(message, 'refused');
  }
  return response.arrayBuffer();
}

function canvasFor(cssWidth: number, cssHeight: number, pixelRatio: number): { canvas: HTMLCanvasElement; ratio: number } {
  let ratio = pixelRatio;
  const area = cssWidth * cssHeight * ratio * ratio;
  if (area > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(cssWidth * ratio));
  canvas.height = Math.max(1, Math.floor(cssHeight * ratio));
  canvas.style.width = `${Math.round(cssWidth)}px`;
  canvas.style.height = `${Math.round(cssHeight)}px`;
  return { canvas, ratio };
}

const norm = (deg: number) => ((deg % 360) + 360) % 360;

async function openPdf(bytes: ArrayBuffer): Promise<OpenedFile> {
  const lib = await loadPdfJs();
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new lib.PDFWorker({ verbosity: lib.VerbosityLevel.ERRORS });
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    worker: sharedWorker,
    isEvalSupported: false,
    useWasm: false,
    wasmUrl: `${JPX_FALLBACK_URL}#/`,
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    enableXfa: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new OpenError('tệp PDF có mật khẩu', 'password');
    throw new OpenError('tệp PDF bị hỏng hoặc không đúng định dạng', 'unreadable');
  }
  const pageCache = new Map<number, Promise<PDFPageProxy>>();
  const getPage = (n: number) => {
    let p = pageCache.get(n);
    if (!p) {
      p = doc.getPage(n);
      pageCache.set(n, p);
    }
    return p;
  };
  return {
    kind: 'pdf',
    pages: doc.numPages,
    async size(n, rotation) {
      const page = await getPage(n);
      const vp = page.getViewport({ scale: CSS_PER_PT, rotation: norm(page.rotate + rotation) });
      return { width: vp.width, height: vp.height };
    },
    async render(n, zoom, rotation, pixelRatio, signal) {
      const page = await getPage(n);
      const viewport = page.getViewport({ scale: zoom * CSS_PER_PT, rotation: norm(page.rotate + rotation) });
      const { canvas, ratio } = canvasFor(viewport.width, viewport.height, pixelRatio);
      const job = page.render({
        canvas,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
        annotationMode: lib.AnnotationMode.ENABLE,
      });
      const abort = () => job.cancel();
      signal?.addEventListener('abort', abort);
      try {
        await job.promise;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
      return canvas;
    },
    close() {
      void doc.destroy();
    },
  };
}

async function openImage(bytes: ArrayBuffer, mime: string): Promise<OpenedFile> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: mime }), { imageOrientation: 'from-image' });
  } catch {
    throw new OpenError('ảnh bị hỏng hoặc không đúng định dạng', 'unreadable');
  }
  const sizeAt = (rotation: number): PageSize =>
    norm(rotation) % 180 === 0 ? { width: bitmap.width, height: bitmap.height } : { width: bitmap.height, height: bitmap.width };
  return {
    kind: 'image',
    pages: 1,
    size: async (_n, rotation) => sizeAt(rotation),
    async render(_n, zoom, rotation, pixelRatio, signal) {
      const { width, height } = sizeAt(rotation);
      const { canvas, ratio } = canvasFor(width * zoom, height * zoom, pixelRatio);
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const ctx = canvas.getContext('2d');
      if (!ctx) return canvas;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.imageSmoothingQuality = 'high';
      ctx.translate(canvas.width / 2, canvas.height / 2);
      ctx.rotate((norm(rotation) * Math.PI) / 180);
      const w = bitmap.width * zoom * ratio;
      const h = bitmap.height * zoom * ratio;
      ctx.drawImage(bitmap, -w / 2, -h / 2, w, h);
      return canvas;
    },
    close() {
      bitmap.close();
    },
  };
}

/** Fetches and opens one file (PDF or image, as the desk detected it from the bytes). */
export async function openFile(file: Pick<FileMeta, 'id' | 'mime'>): Promise<OpenedFile> {
  const bytes = await fetchBytes(file.id);
  return file.mime === 'application/pdf' ? openPdf(bytes) : openImage(bytes, file.mime);
}

/** True for a render that was cancelled on purpose (another page, zoom or rotation was asked for meanwhile). */
export function isCancelled(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'RenderingCancelledException' || name === 'AbortError';
}
