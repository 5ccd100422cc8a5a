/**
 * IPC registration: one `ipcMain.handle('desk:<method>')` per contract method. Pure apart from the ipcMain-like object
 * it is given, so the handler, the sender check and the registration are unit-tested without Electron.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { METHOD_NAMES, type MethodName, type Result } from '../contract';
import { registerFileName } from '../services/register';
import { isDeskUrl } from './urls';

/** The channel of a contract method. The preload builds the same string (a unit test keeps them equal). */
export const IPC_PREFIX = 'desk:';
export const channelFor = (method: MethodName): string => `${IPC_PREFIX}${method}`;

/** The parts of an IpcMainInvokeEvent the check reads (the real event has them with these types). */
export interface SenderEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type SenderCheck = (event: SenderEventLike) => boolean;

export const FORBIDDEN_RESULT: Result<never> = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: 'FORBIDDEN' as const, message: 'Yêu cầu không đến từ cửa sổ của bàn một cửa nên bị từ chối.' }),
});

/**
 * A sender is trusted when its frame still exists, is a main frame (no parent), shows a page of app://desk, and
 * belongs to one of the desk windows we created (`isDeskWindow(webContentsId)`). Anything unexpected (a frame
 * disposed mid-call throws on access) counts as untrusted.
 */
export function makeSenderCheck(isDeskWindow: (webContentsId: number) => boolean): SenderCheck {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (!frame) return false;
      if (frame.parent !== null) return false;
      if (!isDeskUrl(frame.url)) return false;
      return isDeskWindow(event.sender.id);
    } catch {
      return false;
    }
  };
}

/**
 * How the door reaches the desk: the gate (services/gate) with main's session slot — it serves sign-in and lock,
 * checks the officer's role, validates with the contract and calls the desk.
 */
export type DeskCall = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

/** The handler of one method: refuse an untrusted sender, else hand the call to the gate. */
export function makeIpcHandler(
  call: DeskCall,
  method: MethodName,
  isTrustedSender: SenderCheck,
): (event: SenderEventLike, input?: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    try {
      return await call(method, input);
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi nội bộ của phần mềm', details: String(err) } };
    }
  };
}

/** The subset of ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpcHandlers(ipc: IpcMainLike, call: DeskCall, isTrustedSender: SenderCheck): () => void {
  for (const method of METHOD_NAMES) {
    const handler = makeIpcHandler(call, method, isTrustedSender);
    ipc.handle(channelFor(method), (event: SenderEventLike, input?: unknown) => handler(event, input));
  }
  return () => {
    for (const method of METHOD_NAMES) ipc.removeHandler(channelFor(method));
  };
}

/** Bytes cross IPC on two channels of their own (the contract is JSON): a scan for the inbox, an online package. */
export const BYTES_CHANNELS = {
  upload: 'desk-files:upload',
  importPackage: 'desk-files:importPackage',
  exportRegister: 'desk-files:exportRegister',
} as const;

export interface DeskBytesLike {
  ingestFile(name: string, source: Buffer): Promise<Result<unknown>>;
  importPackageFrom(source: Buffer, fileName: string): Promise<Result<unknown>>;
  exportRegister(query: unknown, format: 'xlsx' | 'pdf', out: NodeJS.WritableStream): Promise<Result<{ rows: number }>>;
}

/**
 * Runs a byte channel's work when the signed-in officer may (the gate's admit, as that officer), else answers the
 * refusal. The default admits everything: for unit tests of the channels themselves.
 */
export type BytesGuard = (
  access: 'signedIn' | readonly ('reception' | 'leader' | 'admin')[],
  work: () => Promise<Result<unknown>>,
) => Promise<Result<unknown>>;

/** Asks where to save a file (Electron's save dialog in the app); null when the officer cancels. */
export type SaveAs = (defaultName: string, format: 'xlsx' | 'pdf') => Promise<string | null>;

/** The view's own bytes, not the whole buffer behind it (a view may be a slice of a larger buffer). */
const viewBytes = (v: ArrayBufferView): Buffer => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

const BAD_BYTES: Result<never> = Object.freeze({
  ok: false as const,
  error: Object.freeze({ code: 'VALIDATION' as const, message: 'Thiếu tên tệp hoặc nội dung tệp' }),
});

/** Registers the two byte channels with the same sender check; returns a function that removes them. */
export function registerBytesHandlers(
  ipc: IpcMainLike,
  desk: DeskBytesLike,
  isTrustedSender: SenderCheck,
  saveAs: SaveAs = async () => null,
  guard: BytesGuard = (_access, work) => work(),
): () => void {
  const read = (name: unknown, bytes: unknown): { name: string; bytes: Buffer } | null =>
    typeof name === 'string' && name.length > 0 && name.length <= 255 && (bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes))
      ? { name: name.normalize('NFC'), bytes: bytes instanceof ArrayBuffer ? Buffer.from(bytes) : viewBytes(bytes as ArrayBufferView) }
      : null;
  ipc.handle(BYTES_CHANNELS.upload, async (event, name, bytes) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    const input = read(name, bytes);
    return input ? guard('signedIn', () => desk.ingestFile(input.name, input.bytes)) : BAD_BYTES;
  });
  ipc.handle(BYTES_CHANNELS.importPackage, async (event, name, bytes) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    const input = read(name, bytes);
    return input ? guard(['reception', 'leader', 'admin'], () => desk.importPackageFrom(input.bytes, input.name)) : BAD_BYTES;
  });
  // The register is streamed into the chosen file; a failed export leaves no file that looks whole.
  ipc.handle(BYTES_CHANNELS.exportRegister, async (event, query, format) => {
    if (!isTrustedSender(event)) return FORBIDDEN_RESULT;
    if (format !== 'xlsx' && format !== 'pdf') return BAD_BYTES;
    return guard('signedIn', () => exportTo(query, format));
  });
  const exportTo = async (query: unknown, format: 'xlsx' | 'pdf'): Promise<Result<unknown>> => {
    const year = typeof query === 'object' && query !== null ? Number((query as { year?: unknown }).year) : NaN;
    const target = await saveAs(registerFileName({ year, from: undefined, to: undefined }, format), format);
    if (!target) return { ok: true, value: { cancelled: true } };
    const out = fs.createWriteStream(target);
    const result = await desk.exportRegister(query, format, out);
    if (!result.ok) {
      out.destroy();
      await finished(out).catch(() => undefined); // closed (and created) before it is removed
      fs.rmSync(target, { force: true });
      return result;
    }
    await finished(out);
    return { ok: true, value: { ...result.value, path: target } };
  };
  return () => {
    ipc.removeHandler(BYTES_CHANNELS.upload);
    ipc.removeHandler(BYTES_CHANNELS.importPackage);
    ipc.removeHandler(BYTES_CHANNELS.exportRegister);
  };
}
